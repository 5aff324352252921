/** Step 2: text to a header and data rows, each with the physical line where it starts. */
import Papa from 'papaparse';
import type { Delimiter } from './types';

/** A data row: its fields as read, and the physical line (1-based) where it starts. */
export interface ParsedRow {
	line: number;
	fields: string[];
}

export interface ParsedTable {
	delimiter: Delimiter;
	/** Header cells as written (not trimmed). */
	header: string[];
	headerLine: number;
	/** Data rows; blank rows (every field empty or whitespace) are left out. */
	rows: ParsedRow[];
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
const SEP_LINE = /^sep=(.)\s*$/i;

/** Parses CSV text: delimiter from the header line, RFC 4180 quotes, LF/CRLF/CR, blank rows skipped. */
export function parseCsv(text: string): ParsedTable | null {
	if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
	let start = 0;
	let line = 1;
	// Leading blank lines: the header is the first line with content.
	for (;;) {
		const end = text.indexOf('\n', start);
		const candidate = end === -1 ? text.slice(start) : text.slice(start, end);
		if (candidate.trim() !== '' || end === -1) break;
		start = end + 1;
		line++;
	}
	if (start > 0) text = text.slice(start);
	if (text.trim() === '') return null;

	let delimiter: Delimiter | null = null;
	const firstEnd = text.indexOf('\n');
	const sep = SEP_LINE.exec(firstEnd === -1 ? text : text.slice(0, firstEnd));
	if (sep && (DELIMITERS as readonly string[]).includes(sep[1]!)) {
		// Excel's `sep=;` hint line: it names the delimiter and is not the header.
		delimiter = sep[1] as Delimiter;
		text = firstEnd === -1 ? '' : text.slice(firstEnd + 1);
		line++;
	}
	delimiter ??= detectDelimiter(text);

	const data = Papa.parse<string[]>(text, {
		delimiter,
		newline: '\n',
		quoteChar: '"',
		escapeChar: '"',
		header: false,
		dynamicTyping: false,
		skipEmptyLines: false
	}).data;
	const multiline = text.indexOf('"') !== -1;
	let header: string[] | null = null;
	let headerLine = line;
	const rows: ParsedRow[] = [];
	for (let i = 0; i < data.length; i++) {
		const fields = data[i]!;
		const rowLine = line;
		line++;
		if (multiline) line += newlinesIn(fields);
		if (isBlank(fields)) continue;
		if (header === null) {
			header = fields;
			headerLine = rowLine;
		} else rows.push({ line: rowLine, fields });
	}
	if (header === null) return null;
	return { delimiter, header, headerLine, rows };
}

/** Picks the delimiter that gives the most fields in the header line (outside quotes); ties go to `,` then `;`. */
export function detectDelimiter(text: string): Delimiter {
	const counts = [0, 0, 0];
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) inQuotes = !inQuotes;
		else if (!inQuotes) {
			if (c === 10) break;
			if (c === 44) counts[0]!++;
			else if (c === 59) counts[1]!++;
			else if (c === 9) counts[2]!++;
		}
	}
	let best = 0;
	for (let d = 1; d < 3; d++) if (counts[d]! > counts[best]!) best = d;
	return DELIMITERS[best]!;
}

function isBlank(fields: string[]): boolean {
	for (let i = 0; i < fields.length; i++) if (fields[i]!.trim() !== '') return false;
	return true;
}

function newlinesIn(fields: string[]): number {
	let n = 0;
	for (let i = 0; i < fields.length; i++) {
		const f = fields[i]!;
		let at = f.indexOf('\n');
		while (at !== -1) {
			n++;
			at = f.indexOf('\n', at + 1);
		}
	}
	return n;
}
