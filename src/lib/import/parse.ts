/**
 * Step 2: text to a header and data records, each with the physical line where it starts.
 * A malformed record (a quote that is not closed, text after a closing quote, a quoted value
 * that runs over lines and breaks the row) never swallows the lines after it: that physical
 * line becomes a record of its own with `error` set, and reading resumes on the next line.
 */
import type { Delimiter } from './types';

/** A data record: its fields as read, the physical line (1-based) where it starts, and why it could not be read. */
export interface ParsedRow {
	line: number;
	fields: string[];
	/** Set when the record is malformed: a Dutch reason; `fields` is then the line split naively. */
	error?: string;
}

export interface ParsedTable {
	delimiter: Delimiter;
	/** Header cells as written (not trimmed). */
	header: string[];
	headerLine: number;
	/** Data records, malformed ones included; blank rows (every field empty or whitespace) are left out. */
	rows: ParsedRow[];
	/** Set when the header record itself is malformed: a Dutch reason. */
	headerError?: string;
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
const SEP_LINE = /^sep=(.)\s*$/i;
const QUOTE = 34;
const LF = 10;

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

	const reader = new RecordReader(text, delimiter);
	let header: string[] | null = null;
	let headerLine = line;
	let headerError: string | undefined;
	const rows: ParsedRow[] = [];
	let width = 0;
	reader.line = line;
	for (let record = reader.next(width); record !== null; record = reader.next(width)) {
		if (record.error === undefined && isBlank(record.fields)) continue;
		if (header === null) {
			header = record.fields;
			headerLine = record.line;
			headerError = record.error;
			width = header.length;
		} else rows.push(record);
	}
	if (header === null) return null;
	const table: ParsedTable = { delimiter, header, headerLine, rows };
	if (headerError !== undefined) table.headerError = headerError;
	return table;
}

/** Reads records one by one; `line` is the physical line of the next record. */
class RecordReader {
	pos = 0;
	line = 1;
	readonly #text: string;
	readonly #delim: string;
	readonly #delimCode: number;
	/** Position of the next `"` at or after `pos` (text.length when none). */
	#nextQuote = -1;

	constructor(text: string, delimiter: Delimiter) {
		this.#text = text;
		this.#delim = delimiter;
		this.#delimCode = delimiter.charCodeAt(0);
	}

	/** The next record, or null at the end; `width` is the header's width (0 while reading the header). */
	next(width: number): ParsedRow | null {
		const text = this.#text;
		const start = this.pos;
		if (start >= text.length) return null;
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		if (this.#nextQuote < start) {
			const q = text.indexOf('"', start);
			this.#nextQuote = q === -1 ? text.length : q;
		}
		const line = this.line;
		if (this.#nextQuote >= end) {
			// Fast path: a line without quotes is one record.
			this.pos = end + 1;
			this.line++;
			return { line, fields: text.slice(start, end).split(this.#delim) };
		}
		const parsed = this.#quoted(start);
		if (typeof parsed === 'string') return this.#malformed(start, end, line, parsed);
		const { fields, stop, lines, delimitersOverLines } = parsed;
		if (
			lines > 0 &&
			width > 0 &&
			(swallowsRecords(fields, width, this.#delim) ||
				(delimitersOverLines && holdsTwoRows(text, start, stop, this.#delimCode, width)))
		) {
			return this.#malformed(
				start,
				end,
				line,
				`een waarde tussen aanhalingstekens loopt door tot regel ${line + lines} en bevat daarmee hele regels; staat er een los aanhalingsteken (")?`
			);
		}
		this.pos = stop + 1;
		this.line = line + lines + 1;
		return { line, fields };
	}

	/** Parses a record with quotes from `start`: its fields, where it ends and how many line breaks it spans; or the reason it is malformed. */
	#quoted(
		start: number
	): { fields: string[]; stop: number; lines: number; delimitersOverLines: boolean } | string {
		const text = this.#text;
		const n = text.length;
		const delim = this.#delimCode;
		const fields: string[] = [];
		let lines = 0;
		// A quoted value over lines that holds a delimiter (what a stray quote swallows).
		let delimitersOverLines = false;
		let i = start;
		for (;;) {
			if (text.charCodeAt(i) === QUOTE) {
				let value = '';
				let from = i + 1;
				for (;;) {
					const q = text.indexOf('"', from);
					if (q === -1) {
						return `een waarde begint met een aanhalingsteken (") dat niet wordt afgesloten (veld ${fields.length + 1})`;
					}
					value += text.slice(from, q);
					if (text.charCodeAt(q + 1) === QUOTE) {
						value += '"';
						from = q + 2;
						continue;
					}
					i = q + 1;
					break;
				}
				const spans = countLines(value);
				lines += spans;
				if (spans > 0 && value.includes(this.#delim)) delimitersOverLines = true;
				// Spaces after the closing quote are tolerated; anything else is not.
				while (text.charCodeAt(i) === 32 && delim !== 32) i++;
				fields.push(value);
				const c = i < n ? text.charCodeAt(i) : LF;
				if (c === delim) {
					i++;
					continue;
				}
				if (c === LF) return { fields, stop: i, lines, delimitersOverLines };
				return `na het afsluitende aanhalingsteken van veld ${fields.length} staat nog tekst; een aanhalingsteken in een waarde moet verdubbeld worden ("")`;
			}
			// Unquoted field: up to the next delimiter or line end; a quote inside it is kept as text.
			let j = i;
			while (j < n) {
				const c = text.charCodeAt(j);
				if (c === delim || c === LF) break;
				j++;
			}
			fields.push(text.slice(i, j));
			if (j < n && text.charCodeAt(j) === delim) {
				i = j + 1;
				continue;
			}
			return { fields, stop: j, lines, delimitersOverLines };
		}
	}

	/** The physical line `start..end` as a malformed record; reading resumes on the next line. */
	#malformed(start: number, end: number, line: number, error: string): ParsedRow {
		this.pos = end + 1;
		this.line = line + 1;
		return { line, fields: this.#text.slice(start, end).split(this.#delim), error };
	}
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

/**
 * True when a record that runs over lines looks like a stray quote swallowing the lines after it:
 * a line inside a value with as many delimiters as a whole row (headers of three columns or more).
 */
function swallowsRecords(fields: readonly string[], width: number, delim: string): boolean {
	if (width < 3) return false;
	for (const f of fields) {
		let at = f.indexOf('\n');
		while (at !== -1) {
			const next = f.indexOf('\n', at + 1);
			const segment = next === -1 ? f.slice(at + 1) : f.slice(at + 1, next);
			if (segment.split(delim).length >= width) return true;
			at = next;
		}
	}
	return false;
}

/**
 * True when two of the physical lines of a record that runs over lines each hold a whole row's
 * delimiters (headers of three columns or more). With a quoted value over lines that holds a
 * delimiter, that is a stray quote closed by chance by a quote further on, which would otherwise
 * merge two rows into one record. A long row with a value over lines (no delimiter in it) stays
 * one record.
 */
function holdsTwoRows(
	text: string,
	start: number,
	stop: number,
	delim: number,
	width: number
): boolean {
	if (width < 3) return false;
	let whole = 0;
	let n = 0;
	for (let i = start; i <= stop; i++) {
		const c = i < stop ? text.charCodeAt(i) : LF;
		if (c === delim) n++;
		else if (c === LF) {
			if (n >= width - 1 && ++whole >= 2) return true;
			n = 0;
		}
	}
	return false;
}

function countLines(value: string): number {
	let n = 0;
	let at = value.indexOf('\n');
	while (at !== -1) {
		n++;
		at = value.indexOf('\n', at + 1);
	}
	return n;
}

/** The start lines of the rows (each running up to the next row) that contain one of the given lines. */
export function rowsHolding(rows: readonly ParsedRow[], lines: readonly number[]): Set<number> {
	const out = new Set<number>();
	let r = 0;
	for (const line of lines) {
		while (r + 1 < rows.length && rows[r + 1]!.line <= line) r++;
		if (r < rows.length && rows[r]!.line <= line) out.add(rows[r]!.line);
	}
	return out;
}
