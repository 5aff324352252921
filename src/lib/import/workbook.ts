/**
 * Excel workbooks (.xlsx): each non-empty sheet becomes one input file, written as CSV text so
 * that it goes through exactly the same import steps (and line numbers are the sheet's rows).
 *
 * The parts are read through `zip.ts` (central directory, local headers, sizes and CRC-32 checked;
 * each part inflated in slices) into saxes, a strict streaming XML parser: a part that is not
 * well-formed XML, declares a DOCTYPE, or holds a reference to a character that does not exist is
 * refused. So is every structural oddity of the workbook (a missing part, a shared string that is
 * not there, a cell past column XFD or row 1,048,576, rows or cells out of order), with a Dutch
 * message naming the file, the sheet and the cell or row: the file is refused whole, never read
 * in part. The inflated parts count against the import limit, and so does the CSV text written.
 * Everything is synchronous and starts no worker (the site's policy is `worker-src 'self'`).
 */
import { SaxesParser } from 'saxes';
import { excerpt, quote, type Refusal } from './refusal';
import { inflatedSizeRefusal, MAX_IMPORT_BYTES, workbookCsvRefusal } from './size-limit';
import type { InputFile } from './types';
import { inflateEntry, readDirectory, ZipFault, type ZipDirectory, type ZipEntry } from './zip';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a zip container, as an .xlsx workbook is. */
export function isWorkbook(bytes: Uint8Array): boolean {
	return ZIP_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Excel's last row. */
export const MAX_ROWS = 1_048_576;
/** Excel's last column (XFD). */
export const MAX_COLUMNS = 16_384;

/** One sheet of a workbook as CSV bytes (comma, LF); `empty` when no cell has text. */
export interface WorkbookSheet {
	sheet: string;
	csv: Uint8Array;
	empty: boolean;
}

/** A workbook's sheets, or why the file is refused. */
export type WorkbookRead = { ok: true; sheets: WorkbookSheet[] } | { ok: false; refusal: Refusal };

const ADVICE =
	' Open de werkmap in Excel en sla haar opnieuw op, of lever de werkbladen als CSV UTF-8.';

/** Why a workbook is refused; the message is complete (file name first). */
class Fault extends Error {
	readonly code: 'werkmap_onleesbaar' | 'werkmap_te_groot';
	constructor(message: string, code: Fault['code'] = 'werkmap_onleesbaar') {
		super(message);
		this.code = code;
	}
}

/** A well-formedness error reported by saxes (its text is English and stays inside this module). */
class XmlError extends Error {}

/** The reading of one workbook: its bytes, its zip directory and what it has used of the limit. */
interface Reading {
	file: string;
	bytes: Uint8Array;
	zip: ZipDirectory;
	limit: number;
	/** Bytes inflated so far, over all parts. */
	inflated: number;
	/** CSV bytes written so far, over all sheets. */
	written: number;
}

/** Text from the file for a message: quoted, on one line (control characters as `�`), cut. */
function shown(text: string, max = 60): string {
	// eslint-disable-next-line no-control-regex
	return quote(excerpt(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd'), max));
}

/** A refusal of a damaged workbook, at a place (`werkblad ‘x’, cel B3`) with what is wrong. */
function damaged(r: Reading, place: string, detail: string): Fault {
	return new Fault(`${r.file}: ${place}: ${detail}.${ADVICE}`);
}

/** A part by name: exactly, or (OPC names are case-insensitive) by its lower-cased name. */
function findPart(r: Reading, path: string): ZipEntry | undefined {
	return r.zip.entries.get(path) ?? r.zip.entries.get(r.zip.folded.get(path.toLowerCase()) ?? '');
}

/** Claims a part's declared size from the limit, before it is inflated. */
function reserve(r: Reading, entry: ZipEntry): void {
	if (r.inflated + entry.size > r.limit) {
		throw new Fault(
			inflatedSizeRefusal(r.file, r.inflated + entry.size, r.bytes.length, r.limit),
			'werkmap_te_groot'
		);
	}
	r.inflated += entry.size;
}

/** What a part's reader does with the elements and text saxes reports. */
interface XmlHandler {
	open(name: string, attributes: Record<string, string>): void;
	close(name: string): void;
	text(text: string): void;
	/** Where the reader is, for a message: `werkblad ‘x’, rij 12`. */
	where(): string;
}

/** An element's name without its namespace prefix. */
function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon < 0 ? name : name.slice(colon + 1);
}

/** saxes' well-formedness errors in Dutch. */
function dutchXmlError(message: string): string {
	const m = message.replace(/^\d+:\d+: /, '');
	if (/^unclosed tag|^unexpected end/.test(m)) {
		return 'het onderdeel houdt halverwege op (een element wordt niet afgesloten)';
	}
	if (/closing tag|close tag/.test(m)) return 'een sluitend element hoort niet bij het geopende';
	if (/character entity/.test(m)) {
		return 'een tekenverwijzing (&#…;) naar een teken dat niet bestaat of in XML niet mag';
	}
	if (/entity/.test(m)) return 'een onbekende entiteit (&…;)';
	if (/disallowed character|\]\]>/.test(m)) return 'een teken dat in XML niet mag';
	if (/root element/.test(m)) return 'het onderdeel is leeg';
	if (/only one root|outside of root/.test(m)) return 'er staat iets na het einde van het document';
	if (/duplicate attribute/.test(m)) return 'een kenmerk staat twee keer in één element';
	if (/attribute|quoted|value/.test(m)) return 'een kenmerk is niet goed geschreven';
	if (/XML declaration|xml declaration/.test(m)) return 'de XML-declaratie is niet goed geschreven';
	return 'de opbouw van de XML klopt niet';
}

/** Inflates a part and feeds it, as UTF-8 text, through saxes into the handler. */
function readXml(r: Reading, entry: ZipEntry, handler: XmlHandler): void {
	reserve(r, entry);
	const parser = new SaxesParser({ xmlns: false, position: false });
	parser.on('error', (error) => {
		throw new XmlError(error.message);
	});
	parser.on('doctype', () => {
		throw damaged(
			r,
			handler.where(),
			'het onderdeel bevat een DOCTYPE-declaratie; die wordt uit veiligheid niet gelezen'
		);
	});
	parser.on('xmldecl', (decl) => {
		if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
			throw damaged(
				r,
				handler.where(),
				`het onderdeel is geschreven in ${shown(decl.encoding, 20)}; alleen UTF-8 wordt gelezen`
			);
		}
	});
	parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes));
	parser.on('closetag', (tag) => handler.close(localName(tag.name)));
	parser.on('text', (text) => handler.text(text));
	parser.on('cdata', (text) => handler.text(text));
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const decode = (chunk?: Uint8Array) => {
		try {
			return decoder.decode(chunk, { stream: chunk !== undefined });
		} catch {
			throw damaged(r, handler.where(), 'het onderdeel is geen geldige UTF-8-tekst');
		}
	};
	try {
		inflateEntry(r.bytes, r.zip, entry, (chunk) => parser.write(decode(chunk)));
		parser.write(decode());
		parser.close();
	} catch (error) {
		if (error instanceof XmlError) {
			const where = handler.where();
			const part = where.includes(shown(entry.name)) ? '' : ` van onderdeel ${shown(entry.name)}`;
			throw damaged(
				r,
				where,
				`de XML${part} is niet goed gevormd: ${dutchXmlError(error.message)}`
			);
		}
		throw error;
	}
}

/** OOXML's `_xHHHH_` escapes (a character XML cannot hold, or a literal `_x`). */
function unescapeOoxml(text: string): string {
	if (!text.includes('_x')) return text;
	return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
		String.fromCharCode(parseInt(hex, 16))
	);
}

/** A stack of element names, for the handlers to know where they are. */
class Path {
	private names: string[] = [];
	push(name: string): void {
		this.names.push(name);
	}
	pop(): void {
		this.names.pop();
	}
	get depth(): number {
		return this.names.length;
	}
	/** Whether the open elements are exactly these, from the root. */
	is(...names: string[]): boolean {
		if (names.length !== this.names.length) return false;
		return names.every((n, i) => this.names[i] === n);
	}
	/** The name of the element `up` levels above the current one (0: the current one). */
	at(up: number): string | undefined {
		return this.names[this.names.length - 1 - up];
	}
}

interface Relationship {
	type: string;
	target: string;
	external: boolean;
}

/** A `.rels` part: relationship id to type and target. */
function readRelationships(r: Reading, entry: ZipEntry): Map<string, Relationship> {
	const out = new Map<string, Relationship>();
	const path = new Path();
	readXml(r, entry, {
		open(name, a) {
			path.push(name);
			if (!path.is('Relationships', 'Relationship')) return;
			const id = a.Id;
			if (id === undefined || a.Target === undefined) return;
			if (out.has(id)) {
				throw damaged(
					r,
					`onderdeel ${shown(entry.name)}`,
					`de relatie ${shown(id, 30)} staat er twee keer in`
				);
			}
			out.set(id, { type: a.Type ?? '', target: a.Target, external: a.TargetMode === 'External' });
		},
		close: () => path.pop(),
		text() {},
		where: () => `onderdeel ${shown(entry.name)}`
	});
	return out;
}

/** A relationship's target as a part name, from its part's folder; null above the root. */
function resolveTarget(folder: string, target: string): string | null {
	let text = target;
	if (text.includes('%')) {
		try {
			text = decodeURIComponent(text);
		} catch {
			return null;
		}
	}
	const segments = (text.startsWith('/') ? text.slice(1) : folder + text).split('/');
	const out: string[] = [];
	for (const segment of segments) {
		if (segment === '..') {
			if (out.length === 0) return null;
			out.pop();
		} else if (segment !== '.' && segment !== '') out.push(segment);
	}
	return out.join('/');
}

const folderOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);
const relsOf = (part: string) =>
	`${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

interface SheetRef {
	name: string;
	/** The part's name, or null for a sheet that holds no cells (a chart sheet). */
	part: string | null;
}

/** The workbook part: its sheets (name and relationship id) and its date system. */
function readWorkbookPart(
	r: Reading,
	entry: ZipEntry
): { sheets: { name: string; id: string }[]; date1904: boolean } {
	const sheets: { name: string; id: string }[] = [];
	let date1904 = false;
	const path = new Path();
	const where = () => `onderdeel ${shown(entry.name)} (de lijst van werkbladen)`;
	readXml(r, entry, {
		open(name, a) {
			path.push(name);
			if (path.is('workbook', 'workbookPr') && a.date1904 !== undefined) {
				if (!/^(0|1|true|false)$/.test(a.date1904)) {
					throw damaged(r, where(), `date1904 is ${shown(a.date1904, 20)}`);
				}
				date1904 = a.date1904 === '1' || a.date1904 === 'true';
			}
			if (!path.is('workbook', 'sheets', 'sheet')) return;
			const idKey = Object.keys(a).find((k) => k.endsWith(':id'));
			const sheetName = a.name;
			if (sheetName === undefined || idKey === undefined) {
				throw damaged(
					r,
					where(),
					'een werkblad heeft geen naam of geen verwijzing naar zijn onderdeel'
				);
			}
			sheets.push({ name: unescapeOoxml(sheetName), id: a[idKey]! });
		},
		close: () => path.pop(),
		text() {},
		where
	});
	return { sheets, date1904 };
}

/** The shared strings part: every `<si>` as its text (its `<t>` runs, without phonetic runs). */
function readSharedStrings(r: Reading, entry: ZipEntry): string[] {
	const strings: string[] = [];
	const path = new Path();
	let item = '';
	let capture = false;
	readXml(r, entry, {
		open(name, _a) {
			path.push(name);
			if (path.is('sst', 'si')) item = '';
			else if (name === 't' && (path.is('sst', 'si', 't') || path.is('sst', 'si', 'r', 't'))) {
				capture = true;
			}
		},
		close(name) {
			if (name === 't') capture = false;
			else if (path.is('sst', 'si')) strings.push(unescapeOoxml(item));
			path.pop();
		},
		text(text) {
			if (capture) item += text;
		},
		where: () => `de gedeelde teksten (onderdeel ${shown(entry.name)}), tekst ${strings.length + 1}`
	});
	return strings;
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

/** The styles part: per cell style index (`s`), whether it formats a number as a date. */
function readDateStyles(r: Reading, entry: ZipEntry): boolean[] {
	const custom = new Map<number, string>();
	const formats: number[] = [];
	const path = new Path();
	readXml(r, entry, {
		open(name, a) {
			path.push(name);
			if (path.is('styleSheet', 'numFmts', 'numFmt')) {
				if (a.numFmtId !== undefined && a.formatCode !== undefined) {
					custom.set(Number(a.numFmtId), a.formatCode);
				}
			} else if (path.is('styleSheet', 'cellXfs', 'xf')) formats.push(Number(a.numFmtId ?? 0));
		},
		close: () => path.pop(),
		text() {},
		where: () => `de opmaak (onderdeel ${shown(entry.name)})`
	});
	return formats.map((id) => {
		const code = custom.get(id);
		return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
	});
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 system from serial 61 on (1899-12-30: absorbs its phantom 29 February). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serial of 9999-12-31, Excel's last day, in each system. */
const LAST_SERIAL_1900 = 2_958_465;
const LAST_SERIAL_1904 = 2_957_003;

/** Days already written (1904 serials as -serial - 1): an export repeats its dates. */
const DAYS = new Map<number, string>();

/**
 * A date serial as `YYYY-MM-DD` (the time of day dropped), or null when it is no day Excel shows:
 * before day 1 (1904: day 0), Excel's phantom 29 February 1900 (serial 60), or after 9999.
 */
function serialToIsoDate(serial: number, date1904: boolean): string | null {
	const day = Math.floor(serial + 1e-9);
	if (
		date1904 ? day < 0 || day > LAST_SERIAL_1904 : day < 1 || day === 60 || day > LAST_SERIAL_1900
	) {
		return null;
	}
	let iso = DAYS.get(date1904 ? -day - 1 : day);
	if (iso === undefined) {
		const days = !date1904 && day < 60 ? day + 1 : day;
		iso = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS).toISOString().slice(0, 10);
		DAYS.set(date1904 ? -day - 1 : day, iso);
	}
	return iso;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value of 1 to 15 plain digits (no sign, no spaces), else -1: the common case, no regex. */
function digits(text: string): number {
	const n = text.length;
	if (n === 0 || n > 15) return -1;
	let value = 0;
	for (let i = 0; i < n; i++) {
		const d = text.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		value = value * 10 + d;
	}
	return value;
}

/**
 * A cell reference (`B12`) as row × 16,384 + 0-based column, or -1 when it is no reference within
 * Excel's limits (referenceProblem says why).
 */
function referenceCode(ref: string): number {
	let i = 0;
	let column = 0;
	for (; i < ref.length; i++) {
		const c = ref.charCodeAt(i);
		if (c < 65 || c > 90) break;
		column = column * 26 + c - 64;
		if (column > MAX_COLUMNS) return -1;
	}
	if (i === 0 || i === ref.length) return -1;
	let row = 0;
	for (; i < ref.length; i++) {
		const c = ref.charCodeAt(i);
		if (c < 48 || c > 57) return -1;
		row = row * 10 + c - 48;
		if (row > MAX_ROWS) return -1;
	}
	return row < 1 ? -1 : row * MAX_COLUMNS + column - 1;
}

/** Why a reference that referenceCode refuses is none. */
function referenceProblem(ref: string): string {
	const text = shown(ref, 20);
	const m = /^([A-Z]+)([0-9]+)$/.exec(ref);
	if (!m) return `${text} is geen celverwijzing`;
	if (m[1]!.length > 3 || (m[1]!.length === 3 && m[1]! > 'XFD')) {
		return `${text} ligt voorbij kolom XFD, de laatste kolom die Excel kent`;
	}
	return `${text} ligt buiten rij 1 tot ${MAX_ROWS.toLocaleString('nl-NL')}, de rijen die Excel kent`;
}

function csvField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** How much CSV text is held as a string before it is encoded. */
const FLUSH_CHARS = 1 << 20;

/** Shared by the sheets of one workbook. */
interface SheetContext {
	/** Null when the workbook has no shared strings part. */
	strings: string[] | null;
	stringsPart: string;
	dates: boolean[];
	date1904: boolean;
}

interface Cell {
	ref: string | undefined;
	column: number;
	type: string;
	style: string | undefined;
	value: string | null;
	inline: string | null;
	values: number;
}

/**
 * A worksheet part to CSV bytes (comma, LF), one line per sheet row, without trailing empty lines;
 * every line with text is as wide as the sheet (its dimension, or its widest row so far), as a CSV
 * export writes it. A row the sheet leaves out is an empty line, written only when text follows.
 */
function readSheet(
	r: Reading,
	entry: ZipEntry,
	sheet: string,
	context: SheetContext
): Uint8Array | null {
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	let text = '';
	let lastTextRow = 0;
	let width = 0;
	let lastRow = 0;

	const path = new Path();
	let sheetDataDepth = 0;
	let inRow = false;
	let rowNumber: number | null = null;
	const rowColumns: number[] = [];
	const rowTexts: string[] = [];
	let rowHasText = false;
	let lastColumn = -1;
	const current: Cell = {
		ref: undefined,
		column: 0,
		type: 'n',
		style: undefined,
		value: null,
		inline: null,
		values: 0
	};
	let cell: Cell | null = null;
	let capture: 'v' | 't' | null = null;

	const place = (detail?: string) => `werkblad ${shown(sheet)}${detail ? `, ${detail}` : ''}`;
	const where = () => {
		if (cell) {
			const ref = cell.ref ?? `${columnName(cell.column)}${rowNumber ?? lastRow + 1}`;
			return place(`cel ${excerpt(ref, 20)}`);
		}
		if (inRow) return place(`rij ${rowNumber ?? lastRow + 1}`);
		return place(lastRow > 0 ? `na rij ${lastRow}` : undefined);
	};
	function fail(detail: string): never {
		throw damaged(r, where(), detail);
	}

	const flush = () => {
		const bytes = encoder.encode(text);
		text = '';
		parts.push(bytes);
		r.written += bytes.length;
		if (r.written > r.limit)
			throw new Fault(workbookCsvRefusal(r.file, sheet, r.limit), 'werkmap_te_groot');
	};

	const openRow = (a: Record<string, string>) => {
		inRow = false;
		rowNumber = null;
		rowColumns.length = 0;
		rowTexts.length = 0;
		rowHasText = false;
		lastColumn = -1;
		if (a.r !== undefined) {
			if (!/^[0-9]{1,8}$/.test(a.r) || Number(a.r) < 1 || Number(a.r) > MAX_ROWS) {
				fail(
					`rijnummer ${shown(a.r, 20)} ligt buiten rij 1 tot ${MAX_ROWS.toLocaleString('nl-NL')}`
				);
			}
			rowNumber = Number(a.r);
		}
		inRow = true;
	};

	const closeRow = () => {
		const number = rowNumber ?? lastRow + 1;
		if (number > MAX_ROWS) fail(`de rij ligt voorbij rij ${MAX_ROWS.toLocaleString('nl-NL')}`);
		if (number <= lastRow) fail(`rij ${number} staat na rij ${lastRow}; de rijen moeten oplopen`);
		width = Math.max(width, lastColumn + 1);
		if (rowHasText) {
			let line = lastTextRow > 0 ? '\n' : '';
			line += '\n'.repeat(number - lastTextRow - 1);
			let next = 0;
			for (let i = 0; i < rowColumns.length; i++) {
				const column = rowColumns[i]!;
				line += ','.repeat(next === 0 ? column : column - next + 1) + csvField(rowTexts[i]!);
				next = column + 1;
			}
			line += ','.repeat(width - next);
			text += line;
			lastTextRow = number;
			if (r.written + text.length > r.limit) {
				throw new Fault(workbookCsvRefusal(r.file, sheet, r.limit), 'werkmap_te_groot');
			}
			if (text.length > FLUSH_CHARS) flush();
		}
		lastRow = number;
		inRow = false;
	};

	const openCell = (a: Record<string, string>) => {
		let column = lastColumn + 1;
		const ref = a.r;
		if (ref !== undefined) {
			const code = referenceCode(ref);
			if (code < 0) fail(referenceProblem(ref));
			const row = Math.floor(code / MAX_COLUMNS);
			if (rowNumber === null) rowNumber = row;
			else if (row !== rowNumber) {
				fail(`cel ${shown(ref, 20)} staat in rij ${rowNumber}, niet in de rij van haar nummer`);
			}
			column = code % MAX_COLUMNS;
			if (column <= lastColumn) {
				fail(`cel ${shown(ref, 20)} staat na een cel verder naar rechts; de cellen moeten oplopen`);
			}
		} else if (column >= MAX_COLUMNS) {
			fail('de rij loopt door voorbij kolom XFD, de laatste kolom die Excel kent');
		}
		cell = current;
		cell.ref = ref;
		cell.column = column;
		cell.type = a.t ?? 'n';
		cell.style = a.s;
		cell.value = null;
		cell.inline = null;
		cell.values = 0;
		lastColumn = column;
	};

	const closeCell = (c: Cell) => {
		const value = cellText(c);
		if (value !== '') {
			rowColumns.push(c.column);
			rowTexts.push(value);
			if (!rowHasText && /\S/.test(value)) rowHasText = true;
		}
	};

	const cellText = (c: Cell): string => {
		switch (c.type) {
			case 'inlineStr':
				return unescapeOoxml(c.inline ?? '');
			case 's': {
				if (c.value === null) return '';
				const fast = digits(c.value);
				if (fast >= 0 && context.strings !== null && fast < context.strings.length) {
					return context.strings[fast]!;
				}
				const index = c.value.trim();
				if (!/^[0-9]+$/.test(index)) {
					fail(`de verwijzing naar een gedeelde tekst is ${shown(index, 20)}, geen nummer`);
				}
				if (context.strings === null) {
					fail(
						`de cel verwijst naar gedeelde tekst ${shown(index, 20)}, maar de werkmap heeft geen gedeelde teksten (onderdeel ${shown(context.stringsPart)} ontbreekt)`
					);
				}
				const found = context.strings[Number(index)];
				if (found === undefined) {
					fail(
						`de cel verwijst naar gedeelde tekst ${shown(index, 20)}, maar de werkmap heeft er ${context.strings.length} (genummerd vanaf 0)`
					);
				}
				return found;
			}
			case 'b': {
				const v = (c.value ?? '').trim();
				if (v === '1' || v === 'true') return 'WAAR';
				if (v === '0' || v === 'false') return 'ONWAAR';
				return c.value ?? '';
			}
			case 'str':
			case 'e':
				return unescapeOoxml(c.value ?? '');
			case 'd': {
				const v = (c.value ?? '').trim();
				return /^\d{4}-\d{2}-\d{2}(?:T[0-9:.]*Z?)?$/.test(v) ? v.slice(0, 10) : v;
			}
			case 'n': {
				if (c.value === null) return '';
				const integer = digits(c.value);
				const v = integer >= 0 ? c.value : c.value.trim();
				if (integer < 0 && !NUMBER.test(v)) return c.value;
				const number = integer >= 0 ? integer : Number(v);
				if (!Number.isFinite(number)) return v;
				const style = c.style === undefined ? 0 : Number(c.style);
				if (!Number.isInteger(style) || style < 0 || (style > 0 && style >= context.dates.length)) {
					fail(`de cel heeft opmaak ${shown(c.style ?? '', 20)}, die de werkmap niet heeft`);
				}
				// A date cell whose number is no day Excel shows keeps the number: the row is then
				// rejected as an invalid date, with its line and column.
				if (context.dates[style])
					return serialToIsoDate(number, context.date1904) ?? String(number);
				// Digits without a leading zero are their own number's text.
				return integer >= 0 && (v.length === 1 || v.charCodeAt(0) !== 48) ? v : String(number);
			}
			default:
				return fail(`het celtype ${shown(c.type, 20)} bestaat niet`);
		}
	};

	readXml(r, entry, {
		open(name, a) {
			path.push(name);
			if (sheetDataDepth === 0) {
				if (path.is('worksheet', 'sheetData')) sheetDataDepth = 2;
				else if (path.is('worksheet', 'dimension') && a.ref !== undefined) {
					for (const corner of a.ref.split(':', 3)) {
						const code = referenceCode(corner);
						if (code < 0) fail(`de afmeting van het blad: ${referenceProblem(corner)}`);
						width = Math.max(width, (code % MAX_COLUMNS) + 1);
					}
				}
				return;
			}
			const level = path.depth - sheetDataDepth;
			if (name === 'row') {
				if (level !== 1) fail('een rij staat binnen een rij of een cel');
				openRow(a);
			} else if (name === 'c') {
				if (level !== 2 || path.at(1) !== 'row') fail('een cel staat buiten een rij');
				openCell(a);
			} else if (cell !== null && level === 3) {
				if (name === 'v') {
					if (++cell.values > 1) fail('de cel heeft twee waarden');
					cell.value = '';
					capture = 'v';
				} else if (name === 'is') {
					if (cell.inline !== null) fail('de cel heeft twee teksten');
					cell.inline = '';
				}
			} else if (
				name === 't' &&
				cell !== null &&
				((level === 4 && path.at(1) === 'is') ||
					(level === 5 && path.at(1) === 'r' && path.at(2) === 'is'))
			) {
				capture = 't';
			}
		},
		close(name) {
			if (sheetDataDepth > 0) {
				const level = path.depth - sheetDataDepth;
				if (level === 0) sheetDataDepth = 0;
				else if (name === 'row' && level === 1) closeRow();
				else if (name === 'c' && level === 2 && cell !== null) {
					closeCell(cell);
					cell = null;
				} else if (name === 'v' || name === 't') capture = null;
			}
			path.pop();
		},
		text(t) {
			if (capture === 'v') cell!.value += t;
			else if (capture === 't') cell!.inline += t;
		},
		where
	});
	if (text.length > 0) flush();
	if (lastTextRow === 0) return null;
	const size = parts.reduce((sum, p) => sum + p.length, 0);
	const out = new Uint8Array(size);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/** A 0-based column index as its letters (`0` → `A`, `27` → `AB`). */
function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	}
	return name;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The whole reading; throws Fault or ZipFault. */
function readAll(file: string, bytes: Uint8Array, limit: number): WorkbookSheet[] {
	const r: Reading = { file, bytes, zip: readDirectory(bytes), limit, inflated: 0, written: 0 };
	let workbookPath = 'xl/workbook.xml';
	const rootRels = findPart(r, '_rels/.rels');
	if (rootRels) {
		for (const rel of readRelationships(r, rootRels).values()) {
			if (OFFICE_DOCUMENT.test(rel.type) && !rel.external) {
				workbookPath = resolveTarget('', rel.target) ?? workbookPath;
				break;
			}
		}
	}
	const workbookEntry = findPart(r, workbookPath);
	if (!workbookEntry) {
		const ods = findPart(r, 'content.xml') !== undefined;
		throw new Fault(
			`${file}: dit is een zip-bestand maar geen Excel-werkmap (.xlsx): onderdeel ${shown(workbookPath)} ontbreekt` +
				`${ods ? ' (het lijkt een OpenDocument-werkmap, .ods)' : ''}. Sla het bestand op als .xlsx of als CSV UTF-8.`
		);
	}
	const workbook = readWorkbookPart(r, workbookEntry);
	if (workbook.sheets.length === 0) {
		throw damaged(r, `onderdeel ${shown(workbookEntry.name)}`, 'de werkmap heeft geen werkbladen');
	}
	const relsPath = relsOf(workbookEntry.name);
	const relsEntry = findPart(r, relsPath);
	if (!relsEntry) {
		throw damaged(
			r,
			`onderdeel ${shown(relsPath)}`,
			'het ontbreekt, dus de werkbladen zijn niet te vinden'
		);
	}
	const rels = readRelationships(r, relsEntry);
	const folder = folderOf(workbookEntry.name);
	const seen = new Set<string>();
	const sheets: SheetRef[] = workbook.sheets.map(({ name, id }) => {
		const at = `werkblad ${shown(name)}`;
		if (seen.has(name.toLowerCase())) throw damaged(r, at, 'twee werkbladen hebben deze naam');
		seen.add(name.toLowerCase());
		const rel = rels.get(id);
		if (!rel || rel.external) {
			throw damaged(r, at, `de verwijzing ${shown(id, 30)} naar zijn onderdeel ontbreekt`);
		}
		if (/\/(chartsheet|dialogsheet)$/.test(rel.type)) return { name, part: null };
		const part = resolveTarget(folder, rel.target);
		const entry = part === null ? undefined : findPart(r, part);
		if (!entry) {
			throw damaged(r, at, `onderdeel ${shown(part ?? rel.target, 60)} ontbreekt in de werkmap`);
		}
		return { name, part: entry.name };
	});
	const partOf = (type: RegExp, fallback: string) => {
		for (const rel of rels.values()) {
			if (type.test(rel.type) && !rel.external) return resolveTarget(folder, rel.target);
		}
		return `${folder}${fallback}`;
	};
	const stringsPart =
		partOf(/\/sharedStrings$/, 'sharedStrings.xml') ?? `${folder}sharedStrings.xml`;
	const stylesPart = partOf(/\/styles$/, 'styles.xml') ?? `${folder}styles.xml`;
	const stringsEntry = findPart(r, stringsPart);
	const stylesEntry = findPart(r, stylesPart);

	// The limit is checked on the declared sizes before anything large is inflated; a part that
	// inflates to more than it declares is stopped there by inflateEntry.
	const planned = [
		stringsEntry,
		stylesEntry,
		...sheets.map((s) => (s.part ? findPart(r, s.part) : undefined))
	];
	const total = planned.reduce((sum, e) => sum + (e?.size ?? 0), r.inflated);
	if (total > limit) {
		throw new Fault(inflatedSizeRefusal(file, total, bytes.length, limit), 'werkmap_te_groot');
	}

	const context: SheetContext = {
		strings: stringsEntry ? readSharedStrings(r, stringsEntry) : null,
		stringsPart,
		dates: stylesEntry ? readDateStyles(r, stylesEntry) : [],
		date1904: workbook.date1904
	};
	return sheets.map(({ name, part }) => {
		const csv = part === null ? null : readSheet(r, findPart(r, part)!, name, context);
		return { sheet: name, csv: csv ?? new Uint8Array(0), empty: csv === null };
	});
}

/** A workbook's sheets in order as CSV bytes, or a Dutch refusal naming the file; never throws. */
export function readWorkbookSheets(
	name: string,
	bytes: Uint8Array,
	limit: number = MAX_IMPORT_BYTES
): WorkbookRead {
	try {
		return { ok: true, sheets: readAll(name, bytes, limit) };
	} catch (error) {
		if (error instanceof Fault)
			return { ok: false, refusal: { code: error.code, message: error.message } };
		if (error instanceof ZipFault) {
			return {
				ok: false,
				refusal: { code: 'werkmap_onleesbaar', message: `${name}: ${error.message}.${ADVICE}` }
			};
		}
		// A fault of this reader itself or of the engine (out of memory): still the file's refusal.
		return {
			ok: false,
			refusal: {
				code: 'werkmap_onleesbaar',
				message: `${name}: de werkmap kon niet worden gelezen (onverwachte fout in de lezer).${ADVICE}`
			}
		};
	}
}

/**
 * A workbook's sheets, in order, as CSV bytes (`empty` when no cell has text); null when the bytes
 * are not a readable workbook (readWorkbookSheets says why).
 */
export function workbookSheets(bytes: Uint8Array): WorkbookSheet[] | null {
	const read = readWorkbookSheets('', bytes);
	return read.ok ? read.sheets : null;
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
