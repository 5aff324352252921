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
	/** Set when the file has more data records than `maxRows`: reading stopped there. */
	overflow?: true;
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
const SEP_LINE = /^sep=(.)\s*$/i;
const QUOTE = 34;

/**
 * Parses CSV text: delimiter from the header line, RFC 4180 quotes, LF/CRLF/CR, blank rows
 * skipped. Past `maxRows` data records it stops and marks the table `overflow`.
 */
export function parseCsv(text: string, maxRows = Infinity): ParsedTable | null {
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
	let overflow = false;
	reader.line = line;
	for (let record = reader.next(width); record !== null; record = reader.next(width)) {
		if (record.error === undefined && isBlank(record.fields)) continue;
		if (header === null) {
			header = record.fields;
			headerLine = record.line;
			headerError = record.error;
			width = header.length;
		} else if (rows.length < maxRows) rows.push(record);
		else {
			overflow = true;
			break;
		}
	}
	if (header === null) return null;
	const table: ParsedTable = { delimiter, header, headerLine, rows };
	if (headerError !== undefined) table.headerError = headerError;
	if (overflow) table.overflow = true;
	return table;
}

/** A reader of records as `parseCsv` reads them, over text with LF line ends; `pos` and `line` may be moved forward to a record start. */
export interface RecordCursor {
	pos: number;
	line: number;
	/** The next record, or null at the end; `width` is the header's width. */
	next(width: number): ParsedRow | null;
	/**
	 * Whether the last record read was malformed by a quoted value still open at the end of the
	 * text: the only verdict that text after the end could change (the native import's pieces).
	 */
	readonly unclosed: boolean;
}

/** The record reader of `parseCsv` (the native import reads the lines that hold a quote with it). */
export function recordCursor(text: string, delimiter: Delimiter): RecordCursor {
	return new RecordReader(text, delimiter);
}

/** How one physical line ends for a record being read (see RecordReader.#walk). */
const enum End {
	/** The record ends at this line's end. */
	Stop,
	/** A quoted value runs on over the line break. */
	Cross,
	/** A quoted value is still open at the end of the text. */
	Unclosed,
	/** Text after a closing quote. */
	After
}

/** One physical line walked, from its start or from inside a quoted value that runs on into it. */
interface LineWalk {
	end: End;
	/** Stop: where the record ends (the line break or the end of the text); Cross: the next line's start. */
	at: number;
	/** Fields completed on this line (After: the value just closed included). */
	fields: number;
	/** Every delimiter on the line, inside values or not (Stop and Cross: the whole line). */
	delims: number;
	/** From inside a value: the delimiters of that value on this line; whether it closes here. */
	firstDelims: number;
	firstClosed: boolean;
	/** Cross, when the value that runs on opened on this line: its delimiters from its opening quote. */
	openDelims: number;
}

/**
 * The rest of a record from a line start inside a quoted value, up to the record's end: the same
 * for every record that reaches that line inside a value, so it is worked out once per line.
 */
interface Tail {
	/** Where the record ends; -1 when it is malformed. */
	stop: number;
	error: End;
	/** Fields completed from the line start (the value running on counts as the first). */
	fields: number;
	/** Line breaks inside values, the one before the line start included. */
	lines: number;
	/** A line inside a value holds a whole row's delimiters. */
	swallow: boolean;
	/** Physical lines of the tail with a whole row's delimiters (at most 2 counted). */
	whole: number;
	/** The value running on into the line start holds a delimiter after it. */
	curDelim: boolean;
	/** A later value of the tail runs over lines and holds a delimiter. */
	restDelim: boolean;
}

// Per line of a chain (see RecordReader.#tail): what its own walk found, then the tail from it.
const SWALLOW = 1;
const WHOLE_ONE = 2;
const WHOLE_TWO = 4;
const FIRST_DELIM = 8;
const FIRST_CLOSED = 16;
const OPEN_DELIM = 32;
const CUR_DELIM = 64;
const REST_DELIM = 128;

/**
 * Reads records one by one; `line` is the physical line of the next record. Linear in the text:
 * a record whose quoted value runs over lines is judged from the tails of those lines (each worked
 * out once), so the lines after a malformed record are not read again for every record.
 */
class RecordReader {
	pos = 0;
	line = 1;
	unclosed = false;
	readonly #text: string;
	readonly #delim: string;
	readonly #delimCode: number;
	/** Position of the next `"` at or after `pos` (text.length when none). */
	#nextQuote = -1;
	/**
	 * The current chain of tails: the consecutive lines `#chainFirst`… that a record crosses inside
	 * quoted values up to its end, per line the fields of the tail and its flags (6 bytes a line).
	 * Records only move forward and a later chain starts past this one, so one chain is kept.
	 */
	#chainFirst = 0;
	#chainLength = 0;
	#chainWidth = -1;
	#chainStop = -1;
	#chainEnd: End = End.Stop;
	#chainFields = new Int32Array(64);
	#chainFlags = new Uint8Array(64);

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
		this.unclosed = false;
		if (this.#nextQuote >= end) {
			// Fast path: a line without quotes is one record.
			this.pos = end + 1;
			this.line++;
			return { line, fields: text.slice(start, end).split(this.#delim) };
		}
		const fields: string[] = [];
		const w = this.#walk(start, false, fields);
		if (w.end === End.Stop) {
			this.pos = w.at + 1;
			this.line++;
			return { line, fields };
		}
		if (w.end !== End.Cross) {
			this.unclosed = w.end === End.Unclosed;
			return this.#malformed(start, end, line, reason(w.end, w.fields));
		}
		const t = this.#tail(line + 1, w.at, width);
		if (t.stop === -1) {
			this.unclosed = t.error === End.Unclosed;
			return this.#malformed(start, end, line, reason(t.error, w.fields + t.fields));
		}
		const overLines = w.openDelims > 0 || t.curDelim || t.restDelim;
		const whole = t.whole + (width >= 3 && w.delims >= width - 1 ? 1 : 0);
		if (t.swallow || (overLines && whole >= 2)) {
			return this.#malformed(
				start,
				end,
				line,
				`een waarde tussen aanhalingstekens loopt door tot regel ${line + t.lines} en bevat daarmee hele regels; staat er een los aanhalingsteken (")?`
			);
		}
		this.pos = t.stop + 1;
		this.line = line + t.lines + 1;
		return { line, fields: this.#fields(start, t.stop) };
	}

	/**
	 * Walks one physical line from `from`: at a field start, or (`inside`) inside a quoted value
	 * that runs on into it. With `fields`, the values of the line are collected.
	 */
	#walk(from: number, inside: boolean, fields: string[] | null): LineWalk {
		const text = this.#text;
		const n = text.length;
		const delim = this.#delimCode;
		let lineEnd = text.indexOf('\n', from);
		if (lineEnd === -1) lineEnd = n;
		// 0: field start, 1: inside quotes, 2: after a closing quote, 3: unquoted field.
		let state = inside ? 1 : 0;
		let count = 0;
		let delims = 0;
		let first = inside;
		let firstDelims = 0;
		let valueDelims = 0;
		let fieldStart = from;
		let doubled = false;
		for (let i = from; i < lineEnd; i++) {
			const c = text.charCodeAt(i);
			if (state === 1) {
				if (c === QUOTE) {
					if (text.charCodeAt(i + 1) === QUOTE) {
						doubled = true;
						i++;
						continue;
					}
					count++;
					if (fields) {
						const value = text.slice(fieldStart + 1, i);
						fields.push(doubled ? value.replace(/""/g, '"') : value);
					}
					if (first) {
						first = false;
						firstDelims = valueDelims;
					}
					state = 2;
				} else if (c === delim) {
					delims++;
					valueDelims++;
				}
			} else if (state === 2) {
				// Spaces after the closing quote are tolerated; anything else is not.
				if (c === delim) {
					delims++;
					state = 0;
					fieldStart = i + 1;
				} else if (c !== 32) {
					return {
						end: End.After,
						at: i,
						fields: count,
						delims,
						firstDelims,
						firstClosed: true,
						openDelims: 0
					};
				}
			} else if (state === 0 && c === QUOTE) {
				state = 1;
				fieldStart = i;
				valueDelims = 0;
				doubled = false;
			} else if (c === delim) {
				// An unquoted field (a quote inside it is text) ends at the delimiter.
				delims++;
				count++;
				fields?.push(text.slice(fieldStart, i));
				state = 0;
				fieldStart = i + 1;
			} else state = 3;
		}
		if (state === 1) {
			const end = lineEnd === n ? End.Unclosed : End.Cross;
			return {
				end,
				at: lineEnd + 1,
				fields: count,
				delims,
				firstDelims: first ? valueDelims : firstDelims,
				firstClosed: !first,
				openDelims: first ? 0 : valueDelims
			};
		}
		if (state !== 2) {
			count++;
			fields?.push(text.slice(fieldStart, lineEnd));
		}
		return {
			end: End.Stop,
			at: lineEnd,
			fields: count,
			delims,
			firstDelims,
			firstClosed: !first,
			openDelims: 0
		};
	}

	/** The tail from line `lineNo` (starting at `at`) inside a quoted value; each line's tail is worked out once. */
	#tail(lineNo: number, at: number, width: number): Tail {
		const inChain = lineNo >= this.#chainFirst && lineNo < this.#chainFirst + this.#chainLength;
		if (!inChain || width !== this.#chainWidth) this.#chain(lineNo, at, width);
		const j = lineNo - this.#chainFirst;
		const f = this.#chainFlags[j]!;
		return {
			stop: this.#chainStop,
			error: this.#chainEnd,
			fields: this.#chainFields[j]!,
			lines: this.#chainLength - j,
			swallow: (f & SWALLOW) !== 0,
			whole: f & WHOLE_TWO ? 2 : f & WHOLE_ONE ? 1 : 0,
			curDelim: (f & CUR_DELIM) !== 0,
			restDelim: (f & REST_DELIM) !== 0
		};
	}

	/** Works out the chain from line `lineNo`: each line walked once forward, the tails added up backward. */
	#chain(lineNo: number, at: number, width: number): void {
		const rowDelims = width >= 3 ? width - 1 : Infinity;
		let n = 0;
		let fields = this.#chainFields;
		let flags = this.#chainFlags;
		for (let y = at; ;) {
			const w = this.#walk(y, true, null);
			if (n === fields.length) {
				fields = grow(fields, new Int32Array(n * 2));
				flags = grow(flags, new Uint8Array(n * 2));
			}
			fields[n] = w.fields;
			flags[n] =
				(w.firstDelims >= rowDelims ? SWALLOW : 0) |
				(w.delims >= rowDelims ? WHOLE_ONE : 0) |
				(w.firstDelims > 0 ? FIRST_DELIM : 0) |
				(w.firstClosed ? FIRST_CLOSED : 0) |
				(w.openDelims > 0 ? OPEN_DELIM : 0);
			n++;
			if (w.end !== End.Cross) {
				this.#chainEnd = w.end;
				this.#chainStop = w.end === End.Stop ? w.at : -1;
				break;
			}
			y = w.at;
		}
		// The last line's tail is its own walk; each line before it adds its walk to the next tail.
		const last = flags[n - 1]!;
		flags[n - 1] = (last & SWALLOW) | (last & WHOLE_ONE) | (last & FIRST_DELIM ? CUR_DELIM : 0);
		for (let j = n - 2; j >= 0; j--) {
			const own = flags[j]!;
			const next = flags[j + 1]!;
			fields[j] = fields[j]! + fields[j + 1]!;
			const whole = Math.min(
				2,
				(own & WHOLE_ONE ? 1 : 0) + (next & WHOLE_TWO ? 2 : next & WHOLE_ONE ? 1 : 0)
			);
			const closed = (own & FIRST_CLOSED) !== 0;
			const cur = (own & FIRST_DELIM) !== 0 || (!closed && (next & CUR_DELIM) !== 0);
			const rest = closed
				? (own & OPEN_DELIM) !== 0 || (next & (CUR_DELIM | REST_DELIM)) !== 0
				: (next & REST_DELIM) !== 0;
			flags[j] =
				((own | next) & SWALLOW) |
				(whole === 2 ? WHOLE_TWO : whole === 1 ? WHOLE_ONE : 0) |
				(cur ? CUR_DELIM : 0) |
				(rest ? REST_DELIM : 0);
		}
		this.#chainFields = fields;
		this.#chainFlags = flags;
		this.#chainFirst = lineNo;
		this.#chainLength = n;
		this.#chainWidth = width;
	}

	/** The fields of a well-formed record that runs over lines, from `start` to its end `stop`. */
	#fields(start: number, stop: number): string[] {
		const text = this.#text;
		const delim = this.#delimCode;
		const fields: string[] = [];
		let i = start;
		for (;;) {
			if (text.charCodeAt(i) === QUOTE) {
				let value = '';
				let from = i + 1;
				for (;;) {
					const q = text.indexOf('"', from);
					value += text.slice(from, q);
					if (text.charCodeAt(q + 1) === QUOTE) {
						value += '"';
						from = q + 2;
						continue;
					}
					i = q + 1;
					break;
				}
				while (text.charCodeAt(i) === 32) i++;
				fields.push(value);
				if (i >= stop) return fields;
				i++;
				continue;
			}
			let j = i;
			while (j < stop && text.charCodeAt(j) !== delim) j++;
			fields.push(text.slice(i, j));
			if (j >= stop) return fields;
			i = j + 1;
		}
	}

	/** The physical line `start..end` as a malformed record; reading resumes on the next line. */
	#malformed(start: number, end: number, line: number, error: string): ParsedRow {
		this.pos = end + 1;
		this.line = line + 1;
		return { line, fields: this.#text.slice(start, end).split(this.#delim), error };
	}
}

/** A typed array copied into a larger one. */
function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
	to.set(from);
	return to;
}

/** The Dutch reason for a record that is not well formed; `fields` as the line walk counts them. */
function reason(end: End, fields: number): string {
	return end === End.Unclosed
		? `een waarde begint met een aanhalingsteken (") dat niet wordt afgesloten (veld ${fields + 1})`
		: `na het afsluitende aanhalingsteken van veld ${fields} staat nog tekst; een aanhalingsteken in een waarde moet verdubbeld worden ("")`;
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
