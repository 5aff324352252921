/**
 * Excel workbooks (.xlsx): each non-empty sheet becomes one input file, written as CSV text so
 * that it goes through exactly the same import steps (and line numbers are the sheet's rows).
 *
 * The reader is synchronous and starts no worker: fflate's `unzipSync` and a small reader of the
 * SpreadsheetML parts the exchange format needs (shared strings, inline strings, numbers, dates by
 * their number format, booleans). A library that inflates large entries in a `blob:` worker is
 * blocked by the site's policy (`worker-src 'self'`) and never answers; this runs inside the
 * import worker under the same policy, for every size.
 */
import { unzipSync, type Unzipped } from 'fflate';
import type { InputFile } from './types';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a zip container, as an .xlsx workbook is. */
export function isWorkbook(bytes: Uint8Array): boolean {
	return ZIP_SIGNATURE.every((b, i) => bytes[i] === b);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities, character references and OOXML's `_xHHHH_` escapes. */
function unescapeXml(text: string): string {
	return text
		.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] !== '#') return ENTITIES[name] ?? whole;
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
			return String.fromCodePoint(code);
		})
		.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTES = new Map<string, RegExp>();

/** The value of attribute `name` in a start tag's text, or null. */
function attribute(tag: string, name: string): string | null {
	let pattern = ATTRIBUTES.get(name);
	if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}="([^"]*)"`)));
	const match = pattern.exec(tag);
	if (!match) return null;
	const value = match[1] as string;
	return value.includes('&') || value.includes('_x') ? unescapeXml(value) : value;
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic runs. */
function itemText(xml: string): string {
	const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
	let text = '';
	for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) {
		text += unescapeXml(m[1] as string);
	}
	return text;
}

/** Excel's built-in date and date-time number formats. */
const BUILT_IN_DATE_FORMATS = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
	52, 53, 54, 55, 56, 57, 58
]);

/** Whether a custom format code shows a date (a day or year part outside quotes and brackets). */
function isDateFormat(code: string): boolean {
	const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
	return /[dy]/i.test(bare);
}

/** Per cell style index (`s`), whether the style formats a number as a date. */
function dateStyles(stylesXml: string | undefined): boolean[] {
	if (!stylesXml) return [];
	const custom = new Map<number, string>();
	for (const m of stylesXml.matchAll(/<numFmt\s[^>]*>/g)) {
		const id = attribute(m[0], 'numFmtId');
		const code = attribute(m[0], 'formatCode');
		if (id !== null && code !== null) custom.set(Number(id), code);
	}
	const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
	return [...cellXfs.matchAll(/<xf\s[^>]*>/g)].map((m) => {
		const id = Number(attribute(m[0], 'numFmtId') ?? 0);
		const code = custom.get(id);
		return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
	});
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 system (1899-12-30, which absorbs its phantom 29 February 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date serial as `YYYY-MM-DD` (the time of day, if any, is dropped). */
function serialToIsoDate(serial: number, date1904: boolean): string {
	const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial + 1e-9) * DAY_MS;
	return new Date(ms).toISOString().slice(0, 10);
}

/** A column's letters (`A`, `AB`) as its 0-based index. */
function columnIndex(reference: string): number {
	let index = 0;
	for (const ch of reference) {
		const code = ch.charCodeAt(0);
		if (code < 65 || code > 90) break;
		index = index * 26 + (code - 64);
	}
	return index - 1;
}

function csvField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface SheetContext {
	strings: string[];
	dates: boolean[];
	date1904: boolean;
}

/** One cell's text as the importer should read it. */
function cellText(attributes: string, body: string, context: SheetContext): string {
	const type = attribute(attributes, 't') ?? 'n';
	if (type === 'inlineStr') return itemText(body);
	const value = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1];
	if (value === undefined) return '';
	switch (type) {
		case 's':
			return context.strings[Number(value)] ?? '';
		case 'b':
			return value === '1' ? 'WAAR' : 'ONWAAR';
		case 'str':
		case 'e':
			return unescapeXml(value);
		default: {
			const number = Number(value);
			if (!Number.isFinite(number)) return unescapeXml(value);
			const style = Number(attribute(attributes, 's') ?? 0);
			return context.dates[style] ? serialToIsoDate(number, context.date1904) : String(number);
		}
	}
}

/** The CSV lines of a stretch of sheet XML that holds whole `<row>` elements. */
function rowsToCsv(
	xml: string,
	context: SheetContext,
	next: { row: number; width: number }
): string {
	const dimension = /<dimension\s+ref="[A-Z]+\d+:([A-Z]+)\d+"/.exec(xml)?.[1];
	if (dimension) next.width = Math.max(next.width, columnIndex(dimension) + 1);
	let out = '';
	for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
		const number = Number(attribute(row[1] as string, 'r') ?? next.row);
		// Rows the sheet leaves out are empty lines, so line numbers stay the sheet's row numbers.
		while (next.row < number) {
			out += '\n';
			next.row++;
		}
		const cells: string[] = [];
		let column = 0;
		for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const attributes = cell[1] as string;
			const reference = attribute(attributes, 'r');
			if (reference !== null) column = columnIndex(reference);
			while (cells.length < column) cells.push('');
			cells[column] = csvField(cellText(attributes, cell[2] ?? '', context));
			column++;
		}
		// Every row as wide as the sheet, as a CSV export would write it.
		next.width = Math.max(next.width, cells.length);
		while (cells.length < next.width) cells.push('');
		out += `${cells.join(',')}\n`;
		next.row = number + 1;
	}
	return out;
}

/** Sheet XML is decoded in slices of about this many bytes, cut after a `</row>`. */
const SLICE_BYTES = 8_000_000;
const ROW_END = new TextEncoder().encode('</row>');

/** The byte offset just after the first `</row>` at or after `from`, or the end. */
function afterRowEnd(bytes: Uint8Array, from: number): number {
	outer: for (let i = from; i <= bytes.length - ROW_END.length; i++) {
		for (let j = 0; j < ROW_END.length; j++) if (bytes[i + j] !== ROW_END[j]) continue outer;
		return i + ROW_END.length;
	}
	return bytes.length;
}

/** A sheet as CSV bytes (comma, LF), without trailing empty lines; null when it has no text. */
function sheetToCsvBytes(xml: Uint8Array, context: SheetContext): Uint8Array | null {
	const decoder = new TextDecoder();
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	const next = { row: 1, width: 0 };
	let emptyLines = 0;
	let anyText = false;
	for (let start = 0; start < xml.length;) {
		const end = afterRowEnd(xml, Math.min(xml.length, start + SLICE_BYTES));
		const lines = rowsToCsv(decoder.decode(xml.subarray(start, end)), context, next).split('\n');
		lines.pop();
		start = end;
		// Empty lines are held back until text follows, so the CSV ends at the sheet's last filled row.
		let chunk = '';
		for (const line of lines) {
			if (!/[^,\s"]/.test(line)) {
				emptyLines++;
				continue;
			}
			chunk += `${anyText ? '\n' : ''}${'\n'.repeat(emptyLines)}${line}`;
			emptyLines = 0;
			anyText = true;
		}
		if (chunk) parts.push(encoder.encode(chunk));
	}
	if (!anyText) return null;
	const size = parts.reduce((sum, p) => sum + p.length, 0);
	const out = new Uint8Array(size);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/** The workbook's sheets, in order, as name and path inside the zip. */
function sheetsOf(entries: Unzipped): { name: string; path: string }[] {
	const text = (path: string) => {
		const bytes = entries[path];
		return bytes ? new TextDecoder().decode(bytes) : '';
	};
	const workbook = text('xl/workbook.xml');
	const targets = new Map<string, string>();
	for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)) {
		const id = attribute(m[0], 'Id');
		const target = attribute(m[0], 'Target');
		if (id !== null && target !== null) targets.set(id, target);
	}
	return [...workbook.matchAll(/<sheet\s[^>]*>/g)].flatMap((m) => {
		const name = attribute(m[0], 'name');
		const target = targets.get(attribute(m[0], 'r:id') ?? '');
		if (name === null || target === undefined) return [];
		const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
		return [{ name, path }];
	});
}

/** Whether a zip entry is one the reader needs (the XML parts; never embedded media). */
const NEEDED = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * A workbook's sheets, in workbook order, as CSV bytes (`empty` when no cell has text); null when
 * the bytes are not a readable workbook.
 */
export function workbookSheets(
	bytes: Uint8Array
): { sheet: string; csv: Uint8Array; empty: boolean }[] | null {
	let entries: Unzipped;
	try {
		entries = unzipSync(bytes, { filter: (f) => NEEDED(f.name) });
	} catch {
		return null;
	}
	const sheets = sheetsOf(entries);
	if (sheets.length === 0) return null;
	const decode = (path: string) => {
		const part = entries[path];
		return part ? new TextDecoder().decode(part) : undefined;
	};
	const workbook = decode('xl/workbook.xml') ?? '';
	const shared = decode('xl/sharedStrings.xml') ?? '';
	const context: SheetContext = {
		strings: [...shared.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) =>
			itemText(m[1] ?? '')
		),
		dates: dateStyles(decode('xl/styles.xml')),
		date1904: /<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(workbook)
	};
	return sheets.map((sheet) => {
		const xml = entries[sheet.path];
		const csv = xml ? sheetToCsvBytes(xml, context) : null;
		return { sheet: sheet.name, csv: csv ?? new Uint8Array(0), empty: csv === null };
	});
}

/**
 * A workbook's non-empty sheets as CSV bytes, named `<file> (blad <sheet>)`; null when the bytes
 * are not a readable workbook.
 */
export function readWorkbook(file: InputFile): InputFile[] | null {
	const sheets = workbookSheets(file.bytes);
	if (sheets === null) return null;
	return sheets
		.filter((s) => !s.empty)
		.map((s) => ({ name: `${file.name} (blad ${s.sheet})`, bytes: s.csv }));
}

/** Replaces every workbook among the files by one file per non-empty sheet; other files pass unchanged. */
export function expandWorkbooks(files: readonly InputFile[]): InputFile[] {
	return files.flatMap((file) => {
		if (!isWorkbook(file.bytes)) return [file];
		// Not a readable workbook: the importer refuses it as binary, with its name.
		return readWorkbook(file) ?? [file];
	});
}
