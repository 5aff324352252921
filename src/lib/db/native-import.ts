/**
 * DuckDB-native import of exchange CSV files (issue 20): each file's rows split into columns by one
 * scan of its bytes and handed to the engine as Arrow; the row rules, unknown dossiers, conflicts,
 * duplicates and warnings in SQL, the values' own rules in the project's JavaScript once per
 * distinct value. Gives the report the JavaScript pipeline gives
 * and fills the same `dossiers_in` / `gebeurtenissen_in` tables; null when the import is not one
 * it can take exactly (docs/import-decisions.md, "Import on the engine"), for the caller to run
 * `importSources` instead.
 */
import { Table, Utf8, makeData, makeVector } from 'apache-arrow';
import {
	EVENT_CODES,
	OUTCOMES,
	STATED_REASONS,
	isEventCode,
	isOutcome,
	isStatedReason,
	isTargetGroup,
	normalizeCode,
	normalizeCorporation
} from '../domain/codes';
import { addCounts, zeroCounts } from '../import/combine';
import { parseDate } from '../import/dates';
import { decodeBytes } from '../import/decode';
import { analyzeHeader, type HeaderInfo } from '../import/header';
import { parseCsv, recordCursor, type ParsedRow } from '../import/parse';
import {
	columnKind,
	describeFinding,
	columnValueFacts,
	screenRuns,
	valueSignal,
	type ColumnRuns
} from '../import/personal-data';
import type { SourceFile } from '../import/pipeline';
import { isSingleLine } from '../import/pipeline';
import { cell, isValidDossierId, rowIssue, type RowContext } from '../import/row-issues';
import { MAX_IMPORT_BYTES, rowBudget } from '../import/size-limit';
import type {
	Delimiter,
	Encoding,
	FileReport,
	ImportOptions,
	ImportReport,
	PersonalDataFinding,
	RowIssue
} from '../import/types';
import { addressKeyProblem, createDossierValidator, wijkKey } from '../import/validate-dossiers';
import { EARLIEST_DATE, createEventValidator, fillInWarning } from '../import/validate-events';
import { isWorkbook } from '../import/workbook';
import { utf8Vector } from './arrow';
import type { Database, Row } from './database';

/** Options of the native import: the pipeline's, with the host's byte limit. */
export interface NativeImportOptions extends ImportOptions {
	byteLimit?: number;
}

/** A file ready for the engine: its header read and its lines cut. */
interface Prepared {
	fi: number;
	name: string;
	bytes: Uint8Array;
	start: number;
	encoding: Encoding;
	delimiter: Delimiter;
	header: string[];
	headerLine: number;
	info: HeaderInfo;
	ctx: RowContext;
	report: FileReport;
	/** Physical lines of the file before `bytes` (a piece of a file read in pieces; else 0). */
	base: number;
	/** Per physical line of `bytes` (index = line): 1 when a record read by the record reader covers it. */
	covered: Uint8Array | null;
	/** The records that hold a quote, read by the record reader, by their first line. */
	records: Map<number, ParsedRow>;
	/** Lines read as Windows-1252 in a UTF-8 file. */
	windows1252Lines: number[];
}

const LATEST_DATE = '2099-12-31';
/** The header must stand in this many characters of the file. */
const HEAD_CHARS = 65_536;
/** JavaScript's `trim` whitespace, as an RE2 class body. */
const WS =
	'\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
const NON_WS = `'[^${WS}]'`;
const FAST_ID = `'[A-Za-z0-9_.\\-]{1,64}'`;
/** An `adres_sleutel` taken as it stands (the others are read once per distinct value in JavaScript). */
const FAST_ADDRESS = `'[0-9a-f]{32}'`;
const DATE_SHAPE = `'[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}/[0-9]{2}/[0-9]{2}|[0-9]{2}-[0-9]{2}-[0-9]{4}|[0-9]{2}/[0-9]{2}/[0-9]{4}'`;
/** A value that may give a personal-data signal: an `@`, or four digits. */
const CANDIDATE = `'@|[0-9][^0-9]*[0-9][^0-9]*[0-9][^0-9]*[0-9]'`;
const TABLES = [
	'ni_wrows',
	'ni_runs',
	'ni_map_id',
	'ni_map_corp',
	'ni_map_group',
	'ni_map_wijk',
	'ni_map_adres',
	'ni_map_date',
	'ni_map_code',
	'ni_map_reden',
	'ni_map_uitkomst',
	'ni_dv',
	'ni_def',
	'ni_ev',
	'ni_ek',
	'ni_acc',
	'ni_min',
	'ni_find',
	'ni_piece'
];

/**
 * Imports exchange files into `dossiers_in` and `gebeurtenissen_in` and returns the report; null
 * (nothing of the data tables touched) when the JavaScript pipeline must take this import.
 */
export async function importNative(
	db: Database,
	files: readonly SourceFile[],
	options: NativeImportOptions
): Promise<ImportReport | null> {
	const prepared: Prepared[] = [];
	for (const file of files) {
		const p = prepare(file, prepared.length);
		if (p === null) return null;
		prepared.push(p);
	}
	if (prepared.length === 0) return null;
	try {
		return await run(db, prepared, options);
	} finally {
		await dropAll(db, prepared);
	}
}

/**
 * The personal-data findings of one file as the native import finds them (for the property test
 * against `screenColumns`); null when the file is not one the native import takes.
 */
export async function screenNative(
	db: Database,
	file: SourceFile
): Promise<{ index: number; finding: PersonalDataFinding }[] | null> {
	const f = prepare(file, 0);
	if (f === null) return null;
	try {
		const raw = rawFile(f);
		if (raw.wide) return null;
		await dropAll(db, [f]);
		await db.insertArrow('ni_raw_0', raw.table);
		return await screen(db, f);
	} finally {
		await dropAll(db, [f]);
	}
}

/** The file-level steps for a whole file the engine can take, its quoted stretches read; null when it cannot. */
function prepare(file: SourceFile, fi: number): Prepared | null {
	const p = prepareFile(file, fi, true, true);
	return p === 'more' || 'reason' in p ? null : p;
}

/** Why `prepareFile` declines a file: a Dutch clause (for a file read in pieces). */
interface NotPrepared {
	reason: string;
}

/** A refusal of the file-level steps as a clause: without the file's name and the last full stop. */
function clause(name: string, message: string): NotPrepared {
	const named = message.startsWith(name) ? message.slice(name.length) : message;
	return { reason: named.replace(/^(, regel \d+)?: /, '').replace(/\.$/, '') };
}

/**
 * The file-level steps, with the reason when the engine cannot take the file. `whole`: the file's
 * bytes, its quoted stretches read here; else its first piece, up to a line end, in which anything
 * but UTF-8 is declined and, unless it is also the `last`, 'more' asks for a longer first piece
 * (no data row yet).
 */
function prepareFile(
	file: SourceFile,
	fi: number,
	whole: boolean,
	last: boolean
): Prepared | 'more' | NotPrepared {
	const { name } = file;
	if (file.profile || !(file.bytes instanceof Uint8Array))
		return { reason: 'het wordt met een bronprofiel gelezen' };
	if (isWorkbook(file.bytes)) return { reason: 'het is een werkmap, geen CSV' };
	if (isSingleLine(file.bytes)) return { reason: 'het is één regel zonder scheidingsteken' };
	const decoded = decodeBytes(name, file.bytes);
	if (!decoded.ok) return clause(name, decoded.refusal.message);
	const text = decoded.text;
	if (/\r(?!\n)/.test(text)) return { reason: CR_ONLY };
	const windows1252Lines = decoded.windows1252Lines ?? [];
	if (!whole && (decoded.encoding === 'windows-1252' || windows1252Lines.length > 0))
		return { reason: NOT_UTF8 };
	// Not UTF-8 (or not all of it): the decoder's text goes in, as UTF-8.
	const recoded = decoded.encoding === 'windows-1252' || windows1252Lines.length > 0;
	const bytes = recoded ? new TextEncoder().encode(text) : file.bytes;
	const cut = text.length <= HEAD_CHARS ? text.length : text.lastIndexOf('\n', HEAD_CHARS);
	const noHeader = { reason: 'de kopregel met de eerste rij staat niet in de eerste 64 kB' };
	if (cut <= 0) return noHeader;
	const head = parseCsv(text.slice(0, cut), 0);
	if (head === null || head.headerError !== undefined)
		return { reason: 'de kopregel is niet te lezen' };
	if (!head.overflow && cut !== text.length) return noHeader;
	if (!head.overflow && !last) return 'more';
	if (head.header.some((c) => valueSignal(c) !== null))
		return { reason: 'de kopregel lijkt persoonsgegevens te bevatten' };
	const checked = analyzeHeader(name, head.header);
	if (!checked.ok) return clause(name, checked.refusal.message);
	if (head.header.length > MAX_WIDTH)
		return { reason: `de kopregel heeft meer dan ${MAX_WIDTH} kolommen` };
	const info = checked.info;
	if (info.role === 'gecombineerd')
		return {
			reason:
				'een gecombineerd bestand (dossiers en gebeurtenissen samen) wordt nog niet in delen gelezen'
		};
	const report: FileReport = {
		name,
		role: info.role,
		encoding: decoded.encoding,
		delimiter: head.delimiter,
		counts: zeroCounts(),
		profile: null,
		unknownColumns: info.unknownColumns,
		personalDataNotLoaded: [],
		droppedColumns: [],
		windows1252Lines,
		rejected: [],
		warnings: [],
		duplicates: []
	};
	const f: Prepared = {
		fi,
		name,
		bytes,
		base: 0,
		start: !recoded && decoded.encoding === 'utf-8-bom' ? 3 : 0,
		encoding: decoded.encoding,
		delimiter: head.delimiter,
		header: head.header,
		headerLine: head.headerLine,
		info,
		ctx: { fileName: name, names: info.names, dropped: new Set() },
		report,
		covered: null,
		records: new Map(),
		windows1252Lines
	};
	if (whole) readQuotes(f, text, true);
	return f;
}

/**
 * Reads the stretches of `f.bytes` (as `text`) that hold a quote into `f.covered` and
 * `f.records`. Unless `final`, a record left open by the end of the text may close in the bytes
 * after it: then returns the line it starts on, for the piece to end before it; else null.
 */
function readQuotes(f: Prepared, text: string, final: boolean): number | null {
	f.covered = null;
	f.records = new Map();
	if (text.indexOf('"') === -1) return null;
	if (text.indexOf('\r') !== -1) text = text.replace(/\r\n/g, '\n');
	const read = readQuoted(text, f.delimiter, f.header.length, f.headerLine, f.records, final);
	f.covered = read.covered;
	return read.open;
}

/**
 * Reads the stretches of the data that hold a quote with the record reader: from each line with a
 * quote (the lines before it were records of their own) up to a record start on a line without
 * one. Returns the lines those records cover (the records, blank ones left out, go to `records`)
 * and, unless `final`, the first line of a record still open at the end of the text (reading
 * stops there).
 */
function readQuoted(
	text: string,
	delimiter: Delimiter,
	width: number,
	headerLine: number,
	records: Map<number, ParsedRow>,
	final: boolean
): { covered: Uint8Array; open: number | null } {
	let lines = 1;
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
	const covered = new Uint8Array(lines + 2);
	let pos = 0;
	let line = 1;
	while (line <= headerLine) {
		const end = text.indexOf('\n', pos);
		if (end === -1) return { covered, open: null };
		pos = end + 1;
		line++;
	}
	const reader = recordCursor(text, delimiter);
	const quoteOnLine = (at: number) => {
		const q = text.indexOf('"', at);
		if (q === -1) return false;
		const end = text.indexOf('\n', at);
		return end === -1 || q < end;
	};
	for (;;) {
		const q = text.indexOf('"', pos);
		if (q === -1) break;
		for (let i = text.indexOf('\n', pos); i !== -1 && i < q; i = text.indexOf('\n', i + 1)) {
			pos = i + 1;
			line++;
		}
		reader.pos = pos;
		reader.line = line;
		do {
			const record = reader.next(width);
			if (record === null) break;
			if (!final && reader.unclosed) return { covered, open: record.line };
			for (let l = record.line; l < reader.line; l++) covered[l] = 1;
			if (record.error !== undefined || record.fields.some((f) => f.trim() !== '')) {
				records.set(record.line, record);
			}
		} while (reader.pos < text.length && quoteOnLine(reader.pos));
		if (reader.pos <= pos) break;
		pos = reader.pos;
		line = reader.line;
	}
	return { covered, open: null };
}

/** A growing byte buffer with the offsets of the values written into it (an Arrow Utf8 column). */
class Column {
	data: Uint8Array;
	size = 0;
	offsets: Int32Array;
	count = 0;
	constructor(bytes: number, rows: number) {
		this.data = new Uint8Array(Math.max(64, bytes));
		this.offsets = new Int32Array(Math.max(2, rows + 1));
	}
	/** Appends bytes `from`..`to` of `source`. */
	push(source: Uint8Array, from: number, to: number): void {
		const n = to - from;
		if (this.size + n > this.data.length) {
			const grown = new Uint8Array(Math.max(this.data.length * 2, this.size + n));
			grown.set(this.data.subarray(0, this.size));
			this.data = grown;
		}
		if (n > 0) this.data.set(source.subarray(from, to), this.size);
		this.size += n;
		if (this.count + 2 > this.offsets.length) {
			const grown = new Int32Array(this.offsets.length * 2);
			grown.set(this.offsets);
			this.offsets = grown;
		}
		this.offsets[++this.count] = this.size;
	}
	vector() {
		return makeVector(
			makeData({
				type: new Utf8(),
				length: this.count,
				nullCount: 0,
				valueOffsets: this.offsets.subarray(0, this.count + 1),
				data: this.data.subarray(0, this.size)
			})
		);
	}
}

/** A file's (or a piece's) data rows as columns. */
interface RawFile {
	table: Table;
	rows: number;
	/** A record wider than the header: the JavaScript pipeline decides about it. */
	wide: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The data rows of a file (or a piece of one) as an Arrow table `(n, err, w, c1…cW)`, split on the
 * delimiter in one scan of the bytes: physical line `n` of the file, the field count `w` (fields
 * past it are '' in `c…`), and `err` for a record the record reader found malformed. Blank rows
 * are left out as the parser does (a line with only delimiters and JavaScript whitespace).
 */
function rawFile(f: Prepared): RawFile {
	const b = f.bytes;
	const width = f.header.length;
	const delim = f.delimiter.charCodeAt(0);
	const estimate = Math.ceil((b.length - f.start) / width);
	const columns = Array.from({ length: width }, () => new Column(estimate, 1024));
	const n: number[] = [];
	const w: number[] = [];
	let wide = false;
	let lineNo = 0;
	let start = f.start;
	const fieldStarts = new Int32Array(width + 1);
	while (start <= b.length) {
		lineNo++;
		let end = b.indexOf(10, start);
		if (end === -1) end = b.length;
		const stop = end > start && b[end - 1] === 13 ? end - 1 : end;
		if (lineNo > f.headerLine && f.covered?.[lineNo] !== 1) {
			let fields = 1;
			let content = false;
			let high = false;
			fieldStarts[0] = start;
			for (let i = start; i < stop; i++) {
				const c = b[i]!;
				if (c === delim) {
					if (fields < width) fieldStarts[fields] = i + 1;
					fields++;
				} else if (c >= 0x80) high = true;
				else if (c > 0x20) content = true;
			}
			const blank =
				!content &&
				(!high ||
					decoder
						.decode(b.subarray(start, stop))
						.split(f.delimiter)
						.every((v) => v.trim() === ''));
			if (!blank) {
				if (fields > width) {
					wide = true;
					break;
				}
				n.push(f.base + lineNo);
				w.push(fields);
				for (let k = 0; k < width; k++) {
					if (k < fields) {
						const to = k + 1 < fields ? fieldStarts[k + 1]! - 1 : stop;
						columns[k]!.push(b, fieldStarts[k]!, to);
					} else columns[k]!.push(b, 0, 0);
				}
			}
		}
		start = end + 1;
	}
	const errors: (string | null)[] = new Array(n.length).fill(null);
	for (const record of f.records.values()) {
		if (record.line <= f.headerLine) continue;
		if (record.fields.length > width) {
			wide = true;
			break;
		}
		n.push(f.base + record.line);
		w.push(record.fields.length);
		errors.push(record.error ?? null);
		for (let k = 0; k < width; k++) {
			const value = encoder.encode(record.fields[k] ?? '');
			columns[k]!.push(value, 0, value.length);
		}
	}
	const vectors: Record<string, ReturnType<typeof makeVector>> = {
		n: makeVector(Int32Array.from(n)),
		err: utf8Vector(errors),
		w: makeVector(Int32Array.from(w))
	};
	columns.forEach((c, k) => (vectors[`c${k + 1}`] = c.vector()));
	return { table: new Table(vectors), rows: n.length, wide };
}

/** A list of strings as a one-column-per-key Arrow table of Utf8 columns. */
function textTable(columns: Record<string, (string | null)[]>): Table {
	const vectors: Record<string, ReturnType<typeof utf8Vector>> = {};
	for (const [k, v] of Object.entries(columns)) vectors[k] = utf8Vector(v);
	return new Table(vectors);
}

/** Column `c` (0-based) of a file's raw table. */
const col = (c: number | undefined): string => (c === undefined ? `''` : `c${c + 1}`);

/** The most columns a header may have for the native path. */
const MAX_WIDTH = 64;

async function run(
	db: Database,
	files: Prepared[],
	options: NativeImportOptions
): Promise<ImportReport | null> {
	await dropAll(db, files);
	let left = rowBudget(options.byteLimit ?? MAX_IMPORT_BYTES);
	for (const f of files) {
		const r = rawFile(f);
		if (r.wide || r.rows > Math.max(0, left)) return null;
		left -= r.rows;
		f.report.counts.gelezen = r.rows;
		await db.insertArrow(`ni_raw_${f.fi}`, r.table);
	}
	const outcome = await finish(db, files, options);
	return 'declined' in outcome ? null : outcome;
}

/** The steps after the rows are in `ni_raw_…`: the screen, the values, the rules, the report. */
async function finish(
	db: Database,
	files: Prepared[],
	options: NativeImportOptions
): Promise<ImportReport | Declined> {
	const today = parseDate(String(options?.today ?? '')) ?? LATEST_DATE;
	for (const f of files) {
		const findings = await screen(db, f);
		if (findings.length > 0) {
			return declined(
				f.name,
				`het lijkt persoonsgegevens te bevatten: ${findings.map((x) => describeFinding(x.finding)).join('; ')}`
			);
		}
	}
	for (const f of files) options.onFileRead?.({ file: f.name, rows: f.report.counts.gelezen });
	await windows1252Rows(db, files);
	await mapValues(db, files, today);
	await validate(db, files, today);
	return (
		(await report(db, files, today)) ??
		declined(
			files.map((f) => f.name).join(', '),
			'de controle van de regels in de rekenmodule kwam niet overeen met die in JavaScript (meld dit aan de beheerder)'
		)
	);
}

/** Why the engine could not read a file in pieces: the file, and a Dutch clause. */
export interface Declined {
	file: string;
	declined: string;
}

const declined = (file: string, why: string): Declined => ({ file, declined: why });

/** A file the engine reads in pieces (the command line's exports), never holding it whole. */
export interface PiecewiseFile {
	name: string;
	/** The file's bytes, in pieces of any length, in order. */
	pieces(): AsyncIterable<Uint8Array>;
}

/** Bytes gathered into one piece before it is read (the last piece may be shorter). */
export const PIECE_BYTES = 32 * 1024 * 1024;
/** The most bytes a piece grows to for one line or one record that is still open. */
const MAX_PIECE_BYTES = 256 * 1024 * 1024;

/**
 * Imports exchange files read in pieces: each piece up to a line end split into rows and appended
 * to the file's rows in the engine, so no file is held whole; then the same screen, rules and
 * report as `importNative`. A record whose quoted value is still open at a piece's end is read
 * again with the next piece. Declined (a Dutch reason, nothing of the data tables touched) for
 * what only a whole file can settle: anything but UTF-8 after the first piece, a record wider than
 * its header, a lone CR, a personal-data finding, and what `importNative` declines.
 */
export async function importNativePieces(
	db: Database,
	files: readonly PiecewiseFile[],
	options: NativeImportOptions & { pieceBytes?: number; maxPieceBytes?: number }
): Promise<ImportReport | Declined> {
	const tables = files.map((_, fi) => ({ fi }));
	await dropAll(db, tables);
	try {
		const prepared: Prepared[] = [];
		for (const [fi, file] of files.entries()) {
			const read = await readPieces(
				db,
				file,
				fi,
				options.pieceBytes ?? PIECE_BYTES,
				options.maxPieceBytes ?? MAX_PIECE_BYTES
			);
			if ('declined' in read) return read;
			prepared.push(read);
		}
		if (prepared.length === 0) return declined('', 'er is geen bestand opgegeven');
		return await finish(db, prepared, options);
	} finally {
		await dropAll(db, tables);
	}
}

/** The bytes of `parts` after `head`, as one array. */
function joined(head: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
	if (parts.length === 0) return head;
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, head.length));
	out.set(head);
	let at = head.length;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Where physical line `line` (1-based) of `bytes` starts. */
function lineStart(bytes: Uint8Array, line: number): number {
	let at = 0;
	for (let l = 1; l < line; l++) at = bytes.indexOf(10, at) + 1;
	return at;
}

/** The line ends (LF) in `bytes`. */
function lineEnds(bytes: Uint8Array): number {
	let count = 0;
	for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
	return count;
}

/** One file read in pieces into `ni_raw_<fi>`: the file's header and report, or why not. */
async function readPieces(
	db: Database,
	file: PiecewiseFile,
	fi: number,
	size: number,
	max: number
): Promise<Prepared | Declined> {
	const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	const mb = (n: number) => (n / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
	let f: Prepared | null = null;
	/** Physical lines of the file before `pending`; whether the header lies before it. */
	let base = 0;
	let headerRead = false;
	let pending: Uint8Array = new Uint8Array(0);
	let created = false;
	/** Reads what it can of `pending`; a reason when the file cannot be read in pieces. */
	const feed = async (final: boolean): Promise<Declined | null> => {
		const wait = (line?: number) =>
			pending.length < max
				? null
				: declined(
						file.name,
						line === undefined
							? `een regel is langer dan ${mb(max)} MB`
							: `de waarde tussen aanhalingstekens die op regel ${base + line} begint, is na ${mb(max)} MB nog niet afgesloten`
					);
		let end = final ? pending.length : pending.lastIndexOf(10) + 1;
		if (end === 0) return final ? null : wait();
		for (;;) {
			const bytes = pending.subarray(0, end);
			if (f === null) {
				const p = prepareFile({ name: file.name, bytes }, fi, false, final);
				// A first piece shorter than the header's window may fail for want of the lines after it.
				if (p === 'more' || ('reason' in p && !final && bytes.length < HEAD_CHARS)) return wait();
				if ('reason' in p) return declined(file.name, p.reason);
				f = p;
			} else if (bytes.indexOf(0) !== -1) {
				return declined(file.name, 'het bevat een NUL-teken (binaire inhoud)');
			}
			let text: string;
			try {
				text = utf8.decode(bytes);
			} catch {
				return declined(file.name, NOT_UTF8);
			}
			if (bytes.indexOf(13) !== -1 && /\r(?!\n)/.test(text)) return declined(file.name, CR_ONLY);
			const piece: Prepared = {
				...f,
				bytes,
				base,
				start: headerRead ? 0 : f.start,
				headerLine: headerRead ? 0 : f.headerLine
			};
			const open = readQuotes(piece, text, final);
			if (open !== null) {
				// A record still open at the end: the piece ends before it, and it is read again.
				end = lineStart(bytes, open);
				if (end === 0) return wait(open);
				continue;
			}
			const raw = rawFile(piece);
			if (raw.wide) return declined(file.name, 'een regel heeft meer velden dan de kopregel');
			f.report.counts.gelezen += raw.rows;
			if (!created) {
				await db.insertArrow(`ni_raw_${fi}`, raw.table);
				created = true;
			} else if (raw.rows > 0) {
				await db.insertArrow('ni_piece', raw.table);
				await db.exec(`INSERT INTO ni_raw_${fi} SELECT * FROM ni_piece; DROP TABLE ni_piece;`);
			}
			base += lineEnds(bytes);
			headerRead = true;
			// The file's header stays; the first piece's bytes need not.
			f.bytes = new Uint8Array(0);
			pending = pending.slice(end);
			return null;
		}
	};
	const gathered: Uint8Array[] = [];
	let bytes = 0;
	/** Bytes to gather before the next reading: a piece more than what a reading left waiting. */
	let need = size;
	for await (const part of file.pieces()) {
		gathered.push(part);
		bytes += part.length;
		if (pending.length + bytes < need) continue;
		pending = joined(pending, gathered.splice(0));
		bytes = 0;
		const stop = await feed(false);
		if (stop) return stop;
		need = pending.length + size;
	}
	pending = joined(pending, gathered);
	const stop = await feed(true);
	if (stop) return stop;
	return f ?? declined(file.name, 'het bestand is leeg');
}

const NOT_UTF8 = 'het is niet helemaal als UTF-8 opgeslagen';
const CR_ONLY = 'het heeft regels die met alleen een CR eindigen';

/** Drops the native import's own tables. */
async function dropAll(db: Database, files: readonly { fi: number }[]): Promise<void> {
	const tables = [...TABLES, ...files.map((f) => `ni_raw_${f.fi}`)];
	await db.exec(tables.map((t) => `DROP TABLE IF EXISTS ${t};`).join('\n'));
}

/** The start lines of the rows that hold a line read as Windows-1252 (`rowsHolding`). */
async function windows1252Rows(db: Database, files: readonly Prepared[]): Promise<void> {
	await db.exec('CREATE TABLE ni_wrows (fi INTEGER, n INTEGER)');
	for (const f of files) {
		if (f.windows1252Lines.length === 0) continue;
		await db.query(
			`INSERT INTO ni_wrows
			SELECT DISTINCT ${f.fi}, r.n FROM (SELECT unnest(?::INTEGER[]) AS n) w
			ASOF JOIN ni_raw_${f.fi} r ON w.n >= r.n`,
			[`[${f.windows1252Lines.join(',')}]`]
		);
	}
}

/**
 * The personal-data findings of a file, as `screenColumns` finds them. A column none of whose
 * values gives a fact has only its header's finding; for the others the runs of equal values are
 * worked out in SQL and read by `screenRuns` (see docs/import-decisions.md).
 */
async function screen(db: Database, f: Prepared) {
	const kinds = f.header.map((h) => columnKind(h));
	const shape = (c: number) =>
		`w >= ${c + 1} AND strlen(c${c + 1}) >= 4 AND ${
			kinds[c] === 'wijk' ? 'true' : `regexp_matches(c${c + 1}, ${CANDIDATE})`
		}`;
	const distinct = await db.query<{ c: number; v: string }>(
		f.header
			.map(
				(_, c) =>
					`SELECT DISTINCT ${c}::INTEGER AS c, c${c + 1} AS v FROM ni_raw_${f.fi} WHERE ${shape(c)}`
			)
			.join(' UNION ALL ')
	);
	const telling = new Set<number>();
	for (const { c, v } of distinct) {
		if (!telling.has(c) && columnValueFacts(kinds[c]!, v) !== 0) telling.add(c);
	}
	const columns: ColumnRuns[] = [];
	for (let c = 0; c < f.header.length; c++) {
		columns.push(
			telling.has(c)
				? await columnRuns(db, f, c, kinds[c]!)
				: { values: 0, spaced: 0, candidates: [] }
		);
	}
	return screenRuns(f.header, columns, f.headerLine);
}

/** The runs of one column: their shape counts and the values that may give a signal. */
async function columnRuns(
	db: Database,
	f: Prepared,
	c: number,
	kind: ReturnType<typeof columnKind>
): Promise<ColumnRuns> {
	const v = `c${c + 1}`;
	await db.query(
		`CREATE OR REPLACE TABLE ni_runs AS
		SELECT n, v,
			strlen(v) = 10 AND regexp_full_match(v, ${DATE_SHAPE}) AS d,
			v <> '' AND (unicode(v) > 32 OR regexp_matches(v, ${NON_WS})) AS w
		FROM (
			SELECT n, ${v} AS v, ${v} IS DISTINCT FROM coalesce(lag(${v}) OVER (ORDER BY n), ?) AS start
			FROM ni_raw_${f.fi} WHERE w >= ${c + 1}
		) WHERE start`,
		[f.header[c]!]
	);
	const [counts] = await db.query<{ nvalues: number; spaced: number }>(
		`SELECT count(*) FILTER (WHERE d OR w)::INTEGER AS nvalues,
			${
				kind === null
					? `count(*) FILTER (WHERE before < 10000 AND regexp_matches(v, '[^${WS}].* .*[^${WS}]'))::INTEGER`
					: '0'
			} AS spaced
		FROM (SELECT v, d, w, coalesce(sum((d OR w)::INTEGER) OVER (ORDER BY n
			ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before FROM ni_runs)`
	);
	const candidates = await db.query<{ value: string; line: number }>(
		`SELECT v AS value, n AS line FROM ni_runs
		WHERE NOT d AND w AND strlen(v) >= 4 AND ${kind === 'wijk' ? 'true' : `regexp_matches(v, ${CANDIDATE})`}
		ORDER BY n`
	);
	await db.exec('DROP TABLE ni_runs');
	return { values: counts?.nvalues ?? 0, spaced: counts?.spaced ?? 0, candidates };
}

/** The raw values of one used column over the files of a role, as a UNION of per-file selects. */
function rawColumn(files: readonly Prepared[], role: string, column: keyof HeaderInfo['columns']) {
	return files
		.filter((f) => f.info.role === role)
		.map((f) => `SELECT ${col(f.info.columns[column])} AS v FROM ni_raw_${f.fi}`)
		.join(' UNION ');
}

/** The values' own rules, once per distinct raw value, as tables the rows join. */
async function mapValues(db: Database, files: readonly Prepared[], today: string): Promise<void> {
	const distinct = async (role: string, column: keyof HeaderInfo['columns'], where = 'true') => {
		const sql = rawColumn(files, role, column);
		if (sql === '') return [];
		return (await db.query<{ v: string }>(`SELECT DISTINCT v FROM (${sql}) WHERE ${where}`)).map(
			(r) => r.v
		);
	};
	const ids = [
		...new Set([
			...(await distinct('dossiers', 'dossier_id', `NOT regexp_full_match(v, ${FAST_ID})`)),
			...(await distinct('gebeurtenissen', 'dossier_id', `NOT regexp_full_match(v, ${FAST_ID})`))
		])
	];
	const idCells = ids.map((raw) => cell([raw], 0));
	await db.insertArrow(
		'ni_map_id',
		textTable({
			raw: ids,
			id: idCells,
			code: idCells.map((v) =>
				v === '' ? 'waarde_ontbreekt' : isValidDossierId(v) ? 'ok' : 'ongeldig_dossier_id'
			)
		})
	);
	const corps = await distinct('dossiers', 'corporatie');
	await db.insertArrow(
		'ni_map_corp',
		textTable({
			raw: corps,
			v: corps.map((raw) => {
				const v = cell([raw], 0);
				return v === '' ? null : normalizeCorporation(v);
			})
		})
	);
	const groups = await distinct('dossiers', 'doelgroep');
	const groupValues = groups.map((raw) => {
		const v = cell([raw], 0);
		if (v === '') return [null, 'waarde_ontbreekt'] as const;
		const g = normalizeCode(v);
		return isTargetGroup(g) ? ([g, 'ok'] as const) : ([null, 'onbekende_doelgroep'] as const);
	});
	await db.insertArrow(
		'ni_map_group',
		textTable({ raw: groups, v: groupValues.map((g) => g[0]), code: groupValues.map((g) => g[1]) })
	);
	const wijken = await distinct('dossiers', 'wijk');
	const wijkValues = wijken.map((raw) => {
		const v = cell([raw], 0);
		return v === '' ? null : v;
	});
	await db.insertArrow(
		'ni_map_wijk',
		textTable({ raw: wijken, v: wijkValues, k: wijkValues.map((w) => wijkKey(w)) })
	);
	const addresses = await distinct(
		'dossiers',
		'adres_sleutel',
		`NOT regexp_full_match(v, ${FAST_ADDRESS})`
	);
	const addressValues = addresses.map((raw) => {
		const v = cell([raw], 0);
		if (v === '') return [null, 'ok'] as const;
		return addressKeyProblem(v) === null
			? ([v, 'ok'] as const)
			: ([null, 'ongeldige_adres_sleutel'] as const);
	});
	await db.insertArrow(
		'ni_map_adres',
		textTable({
			raw: addresses,
			v: addressValues.map((a) => a[0]),
			code: addressValues.map((a) => a[1])
		})
	);
	const dates = await distinct('gebeurtenissen', 'datum');
	const dateValues = dates.map((raw) => {
		const v = cell([raw], 0);
		if (v === '') return [null, 'waarde_ontbreekt'] as const;
		const d = parseDate(v);
		if (d === null) return [null, 'ongeldige_datum'] as const;
		if (d < EARLIEST_DATE) return [null, 'datum_voor_2000'] as const;
		if (d > today) return [null, 'datum_in_toekomst'] as const;
		return [d, 'ok'] as const;
	});
	await db.insertArrow(
		'ni_map_date',
		textTable({ raw: dates, v: dateValues.map((d) => d[0]), code: dateValues.map((d) => d[1]) })
	);
	const codes = await distinct('gebeurtenissen', 'gebeurtenis');
	const codeValues = codes.map((raw) => {
		const v = cell([raw], 0);
		if (v === '') return [null, 'waarde_ontbreekt'] as const;
		const n = normalizeCode(v);
		return isEventCode(n) ? ([n, 'ok'] as const) : ([null, 'onbekende_gebeurtenis'] as const);
	});
	await db.insertArrow(
		'ni_map_code',
		textTable({ raw: codes, v: codeValues.map((d) => d[0]), code: codeValues.map((d) => d[1]) })
	);
	const reasons = await distinct('gebeurtenissen', 'reden');
	await db.insertArrow(
		'ni_map_reden',
		textTable({
			raw: reasons,
			v: reasons.map((raw) => {
				const n = normalizeCode(cell([raw], 0));
				return isStatedReason(n) ? n : null;
			})
		})
	);
	const outcomes = await distinct('gebeurtenissen', 'uitkomst');
	await db.insertArrow(
		'ni_map_uitkomst',
		textTable({
			raw: outcomes,
			v: outcomes.map((raw) => {
				const n = normalizeCode(cell([raw], 0));
				return isOutcome(n) ? n : null;
			})
		})
	);
}

/** The project's own codes as an SQL tuple of literals (never a file's text). */
function sqlTuple(values: readonly string[]): string {
	return `(${values.map((v) => `'${v}'`).join(', ')})`;
}

/** A row's place in the import: file, then line (the order of the JavaScript ledger). */
const POS = (fi: number) => `(${fi}::BIGINT * 4294967296 + n)`;

/** The row rules, the ledger (first dossier row stands, first of duplicates stands) and the tables. */
async function validate(db: Database, files: readonly Prepared[], today: string): Promise<void> {
	const dossierFiles = files.filter((f) => f.info.role === 'dossiers');
	const eventFiles = files.filter((f) => f.info.role === 'gebeurtenissen');
	const dossierRows =
		dossierFiles.length === 0
			? `SELECT NULL::BIGINT AS pos, NULL::INTEGER AS fi, NULL::INTEGER AS n, NULL::VARCHAR AS err, false AS has_wijk,
			false AS has_adres, '' AS id_raw, '' AS corp_raw, '' AS group_raw, '' AS wijk_raw,
			'' AS adres_raw WHERE false`
			: dossierFiles
					.map((f) => {
						const c = f.info.columns;
						return `SELECT ${POS(f.fi)} AS pos, ${f.fi} AS fi, n, err, ${c.wijk !== undefined} AS has_wijk,
						${c.adres_sleutel !== undefined} AS has_adres,
						${col(c.dossier_id)} AS id_raw, ${col(c.corporatie)} AS corp_raw,
						${col(c.doelgroep)} AS group_raw, ${col(c.wijk)} AS wijk_raw,
						${col(c.adres_sleutel)} AS adres_raw FROM ni_raw_${f.fi}`;
					})
					.join(' UNION ALL ');
	const eventRows =
		eventFiles.length === 0
			? `SELECT NULL::BIGINT AS pos, NULL::INTEGER AS fi, NULL::INTEGER AS n, NULL::VARCHAR AS err,
			'' AS id_raw, '' AS datum_raw, '' AS code_raw, '' AS reden_raw, '' AS uitkomst_raw WHERE false`
			: eventFiles
					.map((f) => {
						const c = f.info.columns;
						return `SELECT ${POS(f.fi)} AS pos, ${f.fi} AS fi, n, err,
						${col(c.dossier_id)} AS id_raw, ${col(c.datum)} AS datum_raw,
						${col(c.gebeurtenis)} AS code_raw, ${col(c.reden)} AS reden_raw,
						${col(c.uitkomst)} AS uitkomst_raw FROM ni_raw_${f.fi}`;
					})
					.join(' UNION ALL ');
	await db.exec(`
CREATE TABLE ni_dv AS
SELECT r.pos, r.fi, r.n, r.has_wijk, r.has_adres,
	CASE WHEN fast THEN r.id_raw ELSE mi.id END AS id,
	CASE WHEN r.err IS NOT NULL THEN 'onleesbare_regel'
		WHEN NOT fast AND mi.code <> 'ok' THEN mi.code
		WHEN mc.v IS NULL THEN 'corp_ontbreekt'
		WHEN mg.code <> 'ok' THEN mg.code
		WHEN NOT afast AND ma.code <> 'ok' THEN ma.code
		ELSE 'ok' END AS status,
	mc.v AS corp, mg.v AS grp, mw.v AS wijk, mw.k AS wkey,
	CASE WHEN afast THEN r.adres_raw ELSE ma.v END AS adres
FROM (SELECT *, regexp_full_match(id_raw, ${FAST_ID}) AS fast,
	regexp_full_match(adres_raw, ${FAST_ADDRESS}) AS afast FROM (${dossierRows})) r
LEFT JOIN ni_map_id mi ON NOT r.fast AND mi.raw = r.id_raw
LEFT JOIN ni_map_corp mc ON mc.raw = r.corp_raw
LEFT JOIN ni_map_group mg ON mg.raw = r.group_raw
LEFT JOIN ni_map_wijk mw ON mw.raw = r.wijk_raw
LEFT JOIN ni_map_adres ma ON NOT r.afast AND ma.raw = r.adres_raw;
CREATE TABLE ni_def AS
SELECT (row_number() OVER (ORDER BY d.pos) - 1)::INTEGER AS dk, d.*
FROM ni_dv d SEMI JOIN (SELECT min(pos) AS pos FROM ni_dv WHERE status = 'ok' GROUP BY id) f USING (pos);
CREATE TABLE ni_ev AS
WITH r AS (SELECT *, regexp_full_match(id_raw, ${FAST_ID})
		AND regexp_full_match(datum_raw, '[0-9]{4}-[0-9]{2}-[0-9]{2}')
		AND coalesce(TRY_CAST(datum_raw AS DATE) BETWEEN DATE '${EARLIEST_DATE}' AND DATE '${today}', false)
		AND code_raw IN ${sqlTuple(EVENT_CODES)}
		AND (reden_raw = '' OR reden_raw IN ${sqlTuple(STATED_REASONS)})
		AND (uitkomst_raw = '' OR uitkomst_raw IN ${sqlTuple(OUTCOMES)}) AND err IS NULL AS fast
	FROM (${eventRows})),
v AS (
	SELECT pos, fi, n, id_raw AS id, 'ok' AS status, datum_raw::DATE AS datum, code_raw AS code,
		nullif(reden_raw, '') AS reden_v, nullif(uitkomst_raw, '') AS uitkomst_v
	FROM r WHERE fast
	UNION ALL
	SELECT r.pos, r.fi, r.n,
		CASE WHEN idf THEN r.id_raw ELSE mi.id END,
		CASE WHEN r.err IS NOT NULL THEN 'onleesbare_regel'
			WHEN NOT idf AND mi.code <> 'ok' THEN mi.code
			WHEN md.code <> 'ok' THEN md.code
			WHEN mk.code <> 'ok' THEN mk.code
			ELSE 'ok' END,
		md.v::DATE, mk.v, mr.v, mu.v
	FROM (SELECT *, regexp_full_match(id_raw, ${FAST_ID}) AS idf FROM r WHERE NOT fast) r
	LEFT JOIN ni_map_id mi ON mi.raw = r.id_raw
	LEFT JOIN ni_map_date md ON md.raw = r.datum_raw
	LEFT JOIN ni_map_code mk ON mk.raw = r.code_raw
	LEFT JOIN ni_map_reden mr ON mr.raw = r.reden_raw
	LEFT JOIN ni_map_uitkomst mu ON mu.raw = r.uitkomst_raw
)
SELECT pos, fi, n, id, status, datum, code,
	CASE WHEN code = 'ontruiming' THEN coalesce(reden_v, 'onbekend') END AS reden,
	CASE WHEN code = 'afgesloten' THEN coalesce(uitkomst_v, 'overig') END AS uitkomst,
	CASE WHEN code = 'ontruiming' AND reden_v IS NULL THEN 'reden_onbekend'
		WHEN code = 'afgesloten' AND uitkomst_v IS NULL THEN 'uitkomst_onbekend' END AS fill
FROM v;
CREATE TABLE ni_ek AS
SELECT e.pos, e.fi, e.n, e.id, e.datum, e.code, e.reden, e.uitkomst, e.fill, d.dk,
	row_number() OVER (PARTITION BY d.dk, e.datum, e.code, e.reden, e.uitkomst ORDER BY e.pos) AS k,
	min(e.pos) OVER (PARTITION BY d.dk, e.datum, e.code, e.reden, e.uitkomst) AS first
FROM ni_ev e JOIN ni_def d USING (id)
WHERE e.status = 'ok';
CREATE TABLE ni_acc AS SELECT * FROM ni_ek WHERE k = 1;
CREATE TABLE ni_min AS
SELECT dk, min(datum) FILTER (WHERE code = 'achterstand_1m') AS signal,
	min(datum) FILTER (WHERE code = 'vonnis') AS judgment
FROM ni_acc GROUP BY dk;
DROP TABLE IF EXISTS dossiers_in;
DROP TABLE IF EXISTS gebeurtenissen_in;
CREATE TABLE dossiers_in AS
SELECT dk, id AS dossier_id, corp AS corporatie, grp AS doelgroep, wijk, adres AS adres_sleutel
FROM ni_def ORDER BY dk;
CREATE TABLE gebeurtenissen_in AS
SELECT dk, datum, code AS gebeurtenis, reden, uitkomst FROM ni_acc ORDER BY pos;`);
}

/** What the report needs of one row: where, what, and the facts of its message. */
interface Finding extends Row {
	fi: number;
	n: number;
	kind: string;
	id: string | null;
	datum: string | null;
	code: string | null;
	signal: string | null;
	dfi: number | null;
	dn: number | null;
	was: string | null;
	now: string | null;
}

/** The rows that are not simply accepted, in file and line order. */
const FINDINGS_SQL = `
WITH f AS (
	SELECT fi, n, 0 AS o, status AS kind, NULL AS id, NULL::DATE AS datum, NULL AS code,
		NULL::DATE AS signal, NULL::INTEGER AS dfi, NULL::INTEGER AS dn, NULL AS was, NULL AS now
	FROM ni_dv WHERE status <> 'ok'
	UNION ALL
	SELECT o.fi, o.n, 0,
		CASE WHEN o.corp <> d.corp THEN 'conflict_corporatie'
			WHEN o.grp <> d.grp THEN 'conflict_doelgroep'
			WHEN o.has_wijk AND d.has_wijk AND coalesce(o.wkey, '') <> coalesce(d.wkey, '')
				THEN 'conflict_wijk'
			WHEN o.has_adres AND d.has_adres AND o.adres IS DISTINCT FROM d.adres
				THEN 'conflict_adres_sleutel'
			ELSE 'dubbel' END,
		o.id, NULL, NULL, NULL, d.fi, d.n,
		CASE WHEN o.corp <> d.corp THEN d.corp WHEN o.grp <> d.grp THEN d.grp
			WHEN o.has_wijk AND d.has_wijk AND coalesce(o.wkey, '') <> coalesce(d.wkey, '')
				THEN coalesce(d.wijk, '(leeg)')
			ELSE coalesce(d.adres, '(leeg)') END,
		CASE WHEN o.corp <> d.corp THEN o.corp WHEN o.grp <> d.grp THEN o.grp
			WHEN o.has_wijk AND d.has_wijk AND coalesce(o.wkey, '') <> coalesce(d.wkey, '')
				THEN coalesce(o.wijk, '(leeg)')
			ELSE coalesce(o.adres, '(leeg)') END
	FROM ni_dv o JOIN ni_def d USING (id) WHERE o.status = 'ok' AND o.pos <> d.pos
	UNION ALL
	SELECT fi, n, 1, 'tekens_windows_1252', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
	FROM (SELECT fi, n FROM ni_def UNION ALL SELECT fi, n FROM ni_acc) SEMI JOIN ni_wrows USING (fi, n)
	UNION ALL
	SELECT d.fi, d.n, 2, 'geen_signaal', d.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL
	FROM ni_def d LEFT JOIN ni_min m USING (dk) WHERE m.signal IS NULL
	UNION ALL
	SELECT fi, n, 0, status, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
	FROM ni_ev WHERE status <> 'ok'
	UNION ALL
	SELECT e.fi, e.n, 0, 'onbekend_dossier', e.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL
	FROM ni_ev e ANTI JOIN ni_def d USING (id) WHERE e.status = 'ok'
	UNION ALL
	SELECT o.fi, o.n, 0, 'dubbel', NULL, NULL, NULL, NULL,
		(o.first // 4294967296)::INTEGER, (o.first % 4294967296)::INTEGER, NULL, NULL
	FROM ni_ek o WHERE o.k > 1
	UNION ALL
	SELECT fi, n, 2, fill, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
	FROM ni_acc WHERE fill IS NOT NULL
	UNION ALL
	SELECT a.fi, a.n, 3, 'voor_signaal', a.id, a.datum, a.code, m.signal,
		NULL, NULL, NULL, NULL
	FROM ni_acc a JOIN ni_min m USING (dk) WHERE m.signal IS NOT NULL AND a.datum < m.signal
	UNION ALL
	SELECT a.fi, a.n, 4,
		CASE WHEN a.code = 'ontruiming' THEN 'ontruiming_zonder_vonnis' ELSE 'aanzegging_voor_vonnis' END,
		a.id, a.datum, a.code, NULL, NULL, NULL, NULL, NULL
	FROM ni_acc a JOIN ni_min m USING (dk)
	WHERE a.code IN ('ontruiming', 'aanzegging') AND (m.judgment IS NULL OR m.judgment > a.datum)
)
SELECT fi, n, o, kind, id, datum, code, signal, dfi, dn, was, now FROM f`;

/** The report: counts, rejected rows, warnings and duplicates, in the JavaScript pipeline's words. */
async function report(
	db: Database,
	files: Prepared[],
	today: string
): Promise<ImportReport | null> {
	await db.exec(`CREATE TABLE ni_find AS ${FINDINGS_SQL}`);
	const findings = await db.query<Finding>(
		'SELECT fi, n, kind, id, datum, code, signal, dfi, dn, was, now FROM ni_find ORDER BY fi, n, o'
	);
	// The fields of the rows a message quotes, as the record reader gave them (the engine holds
	// every row).
	const rows = files.map(() => new Map<number, ParsedRow>());
	for (const f of files) {
		const width = f.header.length;
		const found = await db.query<Row>(
			`SELECT * FROM ni_raw_${f.fi}
			SEMI JOIN (SELECT n FROM ni_find WHERE fi = ${f.fi} AND kind <> 'dubbel') USING (n)`
		);
		for (const r of found) {
			const fields: string[] = [];
			for (let k = 0; k < Math.min(width, r.w as number); k++)
				fields.push(r[`c${k + 1}`] as string);
			const row: ParsedRow = { line: r.n as number, fields };
			if (r.err !== null) row.error = r.err as string;
			rows[f.fi]!.set(row.line, row);
		}
	}
	const validators = files.map((f) =>
		f.info.role === 'dossiers'
			? createDossierValidator(f.ctx, f.info)
			: createEventValidator(f.ctx, f.info, today)
	);
	const warnedLines = files.map(() => new Set<number>());
	for (const x of findings) {
		const f = files[x.fi]!;
		// A duplicate names only its line: its fields are not fetched.
		const row = rows[x.fi]!.get(x.n) ?? { line: x.n, fields: [] };
		const cols = f.info.columns;
		const counts = f.report.counts;
		const reject = (issue: RowIssue) => {
			f.report.rejected.push(issue);
			counts.geweigerd++;
		};
		const warn = (issue: RowIssue) => {
			f.report.warnings.push(issue);
			warnedLines[x.fi]!.add(x.n);
		};
		switch (x.kind) {
			case 'dubbel': {
				const first = files[x.dfi!]!;
				f.report.duplicates.push({
					file: f.name,
					line: x.n,
					firstFile: first.name,
					firstLine: x.dn!
				});
				counts.dubbel++;
				break;
			}
			case 'conflict_corporatie':
			case 'conflict_doelgroep':
			case 'conflict_wijk':
			case 'conflict_adres_sleutel': {
				const attr = x.kind.slice('conflict_'.length) as
					'corporatie' | 'doelgroep' | 'wijk' | 'adres_sleutel';
				const column = cols[attr]!;
				const first = files[x.dfi!]!;
				reject(
					rowIssue(
						f.ctx,
						row,
						column,
						'tegenstrijdig_dossier',
						`dossier ‘${x.id}’ staat al in ${first.name}, regel ${x.dn}, met ${f.ctx.names[column]} ‘${x.was}’; deze regel geeft ‘${x.now}’ (de eerste regel blijft staan)`
					)
				);
				break;
			}
			case 'onbekend_dossier':
				reject(
					rowIssue(
						f.ctx,
						row,
						cols.dossier_id!,
						'onbekend_dossier',
						`dossier ‘${x.id}’ staat niet in de dossiers (geen geldige regel in een dossierbestand of gecombineerd bestand)`
					)
				);
				break;
			case 'tekens_windows_1252':
				warn(
					rowIssue(
						f.ctx,
						row,
						null,
						'tekens_windows_1252',
						'deze regel is niet als UTF-8 opgeslagen maar als Windows-1252 (ANSI) en is zo gelezen; controleer letters met accenten'
					)
				);
				break;
			case 'geen_signaal':
				warn(
					rowIssue(
						f.ctx,
						row,
						cols.dossier_id!,
						'geen_signaal',
						`dossier ‘${x.id}’ heeft geen gebeurtenis achterstand_1m en valt daardoor in geen cohort`
					)
				);
				break;
			case 'reden_onbekend':
			case 'uitkomst_onbekend':
				warn(fillInWarning(f.ctx, f.info, row, x.kind));
				break;
			case 'voor_signaal':
				warn(
					rowIssue(
						f.ctx,
						row,
						cols.datum!,
						'voor_signaal',
						`${x.code} op ${x.datum} ligt vóór het eerste signaal (achterstand_1m op ${x.signal}) van dossier ‘${x.id}’`
					)
				);
				break;
			case 'ontruiming_zonder_vonnis':
			case 'aanzegging_voor_vonnis':
				warn(
					rowIssue(
						f.ctx,
						row,
						cols.gebeurtenis!,
						x.kind,
						`${x.code} op ${x.datum} zonder vonnis op of vóór die datum in dossier ‘${x.id}’`
					)
				);
				break;
			default: {
				// A row rule: the validator's own words, and its verdict must be the engine's.
				const out = validators[x.fi]!(row);
				const expected = x.kind === 'corp_ontbreekt' ? 'waarde_ontbreekt' : x.kind;
				if (out.ok || out.issue.code !== expected) return null;
				reject(out.issue);
			}
		}
	}
	const [sizes] = await db.query<{ dossiers: number; events: number }>(
		`SELECT (SELECT count(*) FROM dossiers_in)::INTEGER AS dossiers,
			(SELECT count(*) FROM gebeurtenissen_in)::INTEGER AS events`
	);
	const totals = { dossiers: zeroCounts(), gebeurtenissen: zeroCounts() };
	for (const f of files) {
		const c = f.report.counts;
		c.waarschuwingen = warnedLines[f.fi]!.size;
		c.geaccepteerd = c.gelezen - c.dubbel - c.geweigerd;
		f.report.warnings.sort((a, b) => a.line - b.line);
		addCounts(f.info.role === 'dossiers' ? totals.dossiers : totals.gebeurtenissen, c);
	}
	return {
		files: files.map((f) => f.report),
		refused: [],
		totals,
		dossierCount: sizes?.dossiers ?? 0,
		eventCount: sizes?.events ?? 0
	};
}
