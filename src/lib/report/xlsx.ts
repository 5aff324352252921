/** Excel workbooks (.xlsx) of tables, with write-excel-file (loaded only when one is made). */

/** A number with its Excel number format: `0.0%` shows 0.875 as 87,5 % in Dutch Excel. */
export interface FormattedNumber {
	number: number;
	format: string;
}

/** A cell: text, a plain number, a number with a format, bold text, or empty. */
export type SheetCell = string | number | null | FormattedNumber | { bold: string };

export interface SheetTable {
	/** Sheet name; made valid for Excel by sheetNames (shortened by words, never mid-word). */
	sheet: string;
	/** Rows above the header: what the table is, the selection, the mode. */
	above?: SheetCell[][];
	/** The header row, bold. */
	header: string[];
	rows: SheetCell[][];
	/** Column widths in characters (default: 48 for the first, 14 for the others). */
	widths?: number[];
}

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** Words a shortened name does not end on: it would read as cut off. */
const DANGLING = new Set([
	'aan',
	'bij',
	'de',
	'door',
	'een',
	'en',
	'het',
	'in',
	'met',
	'na',
	'naar',
	'of',
	'om',
	'op',
	'over',
	'per',
	'te',
	'tot',
	'tussen',
	'uit',
	'van',
	'voor',
	'zonder'
]);

/**
 * Text shortened to at most `max` characters by whole words: never cut inside a word, no open
 * parenthesis left, no trailing punctuation or function word ("Doorlooptijden: mediaan in dagen,
 * tussen haakjes …" → "Doorlooptijden: mediaan"). Only a first word longer than `max` is cut.
 */
export function shortenByWords(text: string, max: number): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const words: string[] = [];
	for (const word of clean.split(' ')) {
		if ([...words, word].join(' ').length > max) break;
		words.push(word);
	}
	const tidy = () => {
		const last = words.length - 1;
		if (last < 0) return false;
		const stripped = (words[last] as string).replace(/[\s,:;.–—-]+$/, '');
		if (stripped === '' || DANGLING.has(stripped.toLowerCase())) {
			words.pop();
			return true;
		}
		words[last] = stripped;
		const joined = words.join(' ');
		if ((joined.match(/\(/g) ?? []).length > (joined.match(/\)/g) ?? []).length) {
			words.splice(words.findLastIndex((w) => w.includes('(')));
			return true;
		}
		return false;
	};
	while (tidy());
	return words.length === 0 ? clean.slice(0, max).trimEnd() : words.join(' ');
}

/**
 * Sheet names Excel accepts, in order: without `: \ / ? * [ ]`, not starting or ending with an
 * apostrophe, not empty and not `History` (reserved), at most 31 characters by whole words, and
 * unique without regard to case (a repeated name gets ` (2)`, ` (3)`, … within the 31).
 */
export function sheetNames(names: readonly string[]): string[] {
	const taken = new Set<string>();
	return names.map((name) => {
		let base = name
			.replace(/[:\\/?*[\]]/g, ' ')
			.replace(/\s+/g, ' ')
			.replace(/^[\s']+|[\s']+$/g, '');
		if (base === '' || base.toLowerCase() === 'history') base = `Blad ${taken.size + 1}`;
		let candidate = shortenByWords(base, MAX_SHEET_NAME);
		for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
			const suffix = ` (${n})`;
			candidate = `${shortenByWords(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
		}
		taken.add(candidate.toLowerCase());
		return candidate;
	});
}

/** One cell for write-excel-file: numbers as numbers (with their format), text as text (never a formula). */
function excelCell(cell: SheetCell) {
	if (cell === null) return null;
	if (typeof cell === 'number') return { value: cell, type: Number };
	if (typeof cell === 'string') return { value: cell, type: String };
	if ('bold' in cell) return { value: cell.bold, type: String, fontWeight: 'bold' as const };
	return { value: cell.number, type: Number, format: cell.format };
}

/** The tables as one workbook, a sheet each: the rows above, the header row bold, then the rows. */
export async function tablesToXlsx(tables: readonly SheetTable[]): Promise<Uint8Array> {
	const { default: writeXlsxFile } = await import('write-excel-file/universal');
	const names = sheetNames(tables.map((t) => t.sheet));
	const sheets = tables.map((table, i) => ({
		sheet: names[i] as string,
		data: [
			...(table.above ?? []).map((row) => row.map(excelCell)),
			table.header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
			...table.rows.map((row) => row.map(excelCell))
		],
		columns: table.header.map((_, c) => ({ width: table.widths?.[c] ?? (c === 0 ? 48 : 14) }))
	}));
	const blob = await writeXlsxFile(sheets as never).toBlob();
	return new Uint8Array(await blob.arrayBuffer());
}
