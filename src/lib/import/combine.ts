/** The importer: files in, accepted rows and the import report out. Never throws. */
import type {
	Counts,
	DossierRow,
	DuplicateRow,
	EventRow,
	FileReport,
	ImportOptions,
	ImportResult,
	InputFile,
	IssueCode,
	RefusedFile,
	RowIssue
} from './types';
import { EVENT_CODES, OUTCOMES, REASONS } from '../domain/codes';
import { decodeBytes } from './decode';
import { failureCode, failureText } from './failure';
import { rowsRefusal } from './size-limit';
import { parseCsv, rowsHolding, type ParsedRow, type ParsedTable } from './parse';
import { analyzeHeader, type HeaderInfo } from './header';
import { describeFinding, screenColumns, valueSignal } from './personal-data';
import { parseDate } from './dates';
import { isMapped, rowIssue, type RowContext } from './row-issues';
import { createDossierValidator, wijkKey } from './validate-dossiers';
import { createEventValidator, fillInWarning, type EventOutcome } from './validate-events';

/** A file (or one table of a profile file) that passed the file-level checks, with its rows and its report under construction. */
export interface LoadedFile {
	table: ParsedTable;
	info: HeaderInfo;
	ctx: RowContext;
	report: FileReport;
	/** Start lines of the rows that hold a line read as Windows-1252. */
	windows1252Rows: Set<number>;
	/** A wide profile file: the lines whose dossier row was rejected, shared by its two tables. */
	rejectedDossierLines?: Set<number>;
}

/** A known dossier: where it was defined and what the events say about it. */
interface DossierEntry {
	/** Accepted events of this dossier by `eventKey`, to find exact duplicates (null until the first). */
	seen: Map<number, number> | null;
	row: DossierRow;
	wijkKey: string;
	/** False when the defining file had no wijk column: its wijk is unknown and not compared. */
	wijkKnown: boolean;
	/** False when the defining file had no adres_sleutel column: not compared, as the wijk. */
	addressKnown: boolean;
	file: LoadedFile;
	source: ParsedRow;
	fromCombined: boolean;
	/** Index of the accepted event that carries a `geen_signaal` warning for a combined-file dossier. */
	anchor: number;
	firstEvent: number;
	minSignal: string | null;
	minJudgment: string | null;
}

type LoadOutcome = { ok: true; file: LoadedFile } | { ok: false; refused: RefusedFile };

/** Imports exchange files: dossier files first, then events and combined files; refused files contribute nothing. */
export function importFiles(files: readonly InputFile[], options: ImportOptions): ImportResult {
	const refused: RefusedFile[] = [];
	const loaded: LoadedFile[] = [];
	const list = Array.isArray(files) ? files : [];
	for (const file of list) {
		const name = safeName(file);
		try {
			const outcome = loadFile(name, file.bytes, options);
			if (outcome.ok) {
				loaded.push(outcome.file);
				options.onFileRead?.({ file: name, rows: outcome.file.table.rows.length });
			} else refused.push(outcome.refused);
		} catch (error) {
			refused.push(unreadable(name, error));
		}
	}
	return combineFiles(loaded, refused, options);
}

/** Combines files that passed the file-level checks into accepted rows and the report; never throws. */
export function combineFiles(
	loaded: LoadedFile[],
	refused: RefusedFile[],
	options: ImportOptions
): ImportResult {
	try {
		return combine(loaded, refused, options);
	} catch (error) {
		return {
			dossiers: [],
			events: [],
			files: [],
			refused: [...refused, ...loaded.map((f) => unreadable(f.report.name, error))],
			totals: { dossiers: zeroCounts(), gebeurtenissen: zeroCounts() }
		};
	}
}

/** The file-level steps for one file: decode, parse, personal-data guard, header. */
export function loadFile(name: string, input: unknown, options: ImportOptions): LoadOutcome {
	const bytes = toBytes(input);
	const decoded = decodeBytes(name, bytes);
	if (!decoded.ok) return refuse(name, decoded.refusal.code, decoded.refusal.message);
	const table = parseCsv(decoded.text, options.maxRows);
	if (table === null) return refuse(name, 'leeg', `${name}: het bestand bevat alleen lege regels.`);
	if (table.overflow) return refuse(name, 'te_groot', rowsRefusal(name, options.maxRows!));
	if (table.headerError !== undefined) {
		return refuse(
			name,
			'geen_csv',
			`${name}, regel ${table.headerLine}: de kopregel is niet te lezen: ${table.headerError}.`
		);
	}

	const screened = screenColumns(table.header, table.rows, table.headerLine);
	const findings = screened.map((f) => f.finding);
	const dropped = new Set<number>();
	const droppedColumns: string[] = [];
	if (findings.length > 0) {
		if (options.dropPersonalData !== true) {
			const refusal = refuse(
				name,
				'persoonsgegevens',
				`${name}: het bestand lijkt persoonsgegevens te bevatten en is niet ingelezen. ${findings
					.map(describeFinding)
					.join(
						'; '
					)}. Lever een geanonimiseerd bestand aan, of kies ervoor deze kolommen weg te laten.`
			);
			refusal.refused.personalData = findings;
			return refusal;
		}
		for (const f of screened) {
			dropped.add(f.index);
			if (!droppedColumns.includes(f.finding.column)) droppedColumns.push(f.finding.column);
		}
	}
	// Header cells that hold personal data (a file without a header row) are never echoed.
	const header = table.header.map((cell) => (valueSignal(cell) === null ? cell : ''));
	const checked = analyzeHeader(name, header, dropped);
	if (!checked.ok) return refuse(name, checked.refusal.code, checked.refusal.message);
	const info = checked.info;
	const report: FileReport = {
		name,
		role: info.role,
		encoding: decoded.encoding,
		delimiter: table.delimiter,
		counts: { ...zeroCounts(), gelezen: table.rows.length },
		profile: null,
		unknownColumns: info.unknownColumns,
		personalDataNotLoaded: [],
		droppedColumns,
		windows1252Lines: decoded.windows1252Lines ?? [],
		rejected: [],
		warnings: [],
		duplicates: []
	};
	return {
		ok: true,
		file: {
			table,
			info,
			ctx: { fileName: name, names: info.names, dropped },
			report,
			windows1252Rows: rowsHolding(table.rows, decoded.windows1252Lines ?? [])
		}
	};
}

/** An accepted event with where it came from: the one row type of the steps below. */
interface AcceptedEvent {
	event: EventRow;
	file: LoadedFile;
	source: ParsedRow;
	/** The warning the validator left for a filled-in reden or uitkomst, if any. */
	fill: IssueCode | null;
	dossier: DossierEntry;
}

/** A valid row of a combined file, waiting for the event pass. */
interface PendingEvent {
	row: ParsedRow;
	out: EventOutcome & { ok: true };
}

/**
 * The bookkeeping of one import: the dossiers known so far, and the counts and issues of each
 * file (every row read ends as accepted, duplicate or rejected, here).
 */
class Ledger {
	readonly dossiers: DossierRow[] = [];
	readonly dossierMap = new Map<string, DossierEntry>();
	readonly events: AcceptedEvent[] = [];

	reject(file: LoadedFile, issue: RowIssue): void {
		file.report.rejected.push(issue);
		file.report.counts.geweigerd++;
		if (file.info.role === 'dossiers') file.rejectedDossierLines?.add(issue.line);
	}

	duplicate(file: LoadedFile, row: ParsedRow, firstFile: LoadedFile, firstLine: number): void {
		const d: DuplicateRow = {
			file: file.report.name,
			line: row.line,
			firstFile: firstFile.report.name,
			firstLine
		};
		file.report.duplicates.push(d);
		file.report.counts.dubbel++;
	}

	/** A dossier seen for the first time. */
	register(row: DossierRow, file: LoadedFile, source: ParsedRow, fromCombined: boolean): void {
		this.dossierMap.set(row.dossier_id, {
			seen: null,
			row,
			wijkKey: wijkKey(row.wijk),
			wijkKnown: file.info.columns.wijk !== undefined,
			addressKnown: file.info.columns.adres_sleutel !== undefined,
			file,
			source,
			fromCombined,
			anchor: -1,
			firstEvent: -1,
			minSignal: null,
			minJudgment: null
		});
		this.dossiers.push(row);
	}

	/** A valid event of a known dossier: accepted, or merged when the dossier has it already. */
	accept(
		file: LoadedFile,
		row: ParsedRow,
		out: EventOutcome & { ok: true },
		entry: DossierEntry
	): void {
		const e = out.event;
		const key = eventKey(e);
		const seen = (entry.seen ??= new Map());
		const first = seen.get(key);
		if (first !== undefined) {
			const earlier = this.events[first]!;
			this.duplicate(file, row, earlier.file, earlier.source.line);
			return;
		}
		const i = this.events.length;
		seen.set(key, i);
		this.events.push({ event: e, file, source: row, fill: out.warning, dossier: entry });
		file.report.counts.geaccepteerd++;
		if (entry.firstEvent === -1) entry.firstEvent = i;
		if (entry.fromCombined && entry.source === row) entry.anchor = i;
		if (e.gebeurtenis === 'achterstand_1m') {
			if (entry.minSignal === null || e.datum < entry.minSignal) entry.minSignal = e.datum;
		} else if (e.gebeurtenis === 'vonnis') {
			if (entry.minJudgment === null || e.datum < entry.minJudgment) entry.minJudgment = e.datum;
		}
	}
}

/** Dossier files, then combined files, then events; warnings when every event is known. */
function combine(
	loaded: LoadedFile[],
	refused: RefusedFile[],
	options: ImportOptions
): ImportResult {
	// Without a valid day of import, 2099-12-31 bounds the dates (and keeps duplicate keys in range).
	const today = parseDate(String(options?.today ?? '')) ?? LATEST_DATE;
	const ledger = new Ledger();
	readDossierFiles(loaded, ledger);
	const pending = readCombinedDossiers(loaded, ledger, today);
	readEvents(loaded, ledger, pending, today);
	warnDossiers(ledger);
	warnEvents(ledger);
	const totals = { dossiers: zeroCounts(), gebeurtenissen: zeroCounts() };
	for (const file of loaded) {
		file.report.warnings.sort((a, b) => a.line - b.line);
		const sum = file.info.role === 'dossiers' ? totals.dossiers : totals.gebeurtenissen;
		addCounts(sum, file.report.counts);
	}
	return {
		dossiers: ledger.dossiers,
		events: ledger.events.map((a) => a.event),
		files: loaded.map((f) => f.report),
		refused,
		totals
	};
}

/** Dossiers files, in the given order: the first valid row of a dossier defines it. */
function readDossierFiles(loaded: readonly LoadedFile[], ledger: Ledger): void {
	for (const file of loaded) {
		if (file.info.role !== 'dossiers') continue;
		const validate = createDossierValidator(file.ctx, file.info);
		for (const row of file.table.rows) {
			const out = validate(row);
			if (!out.ok) {
				ledger.reject(file, out.issue);
				continue;
			}
			const d = out.dossier;
			const known = ledger.dossierMap.get(d.dossier_id);
			if (known === undefined) {
				ledger.register(d, file, row, false);
				file.report.counts.geaccepteerd++;
			} else {
				const conflict = conflictWith(file, row, known, d);
				if (conflict) ledger.reject(file, conflict);
				else ledger.duplicate(file, row, known.file, known.source.line);
			}
		}
	}
}

/** Combined files define the dossiers they carry; their valid rows wait for the event pass. */
function readCombinedDossiers(
	loaded: readonly LoadedFile[],
	ledger: Ledger,
	today: string
): Map<LoadedFile, PendingEvent[]> {
	const pending = new Map<LoadedFile, PendingEvent[]>();
	for (const file of loaded) {
		if (file.info.role !== 'gecombineerd') continue;
		const validate = createEventValidator(file.ctx, file.info, today);
		const rows: PendingEvent[] = [];
		for (const row of file.table.rows) {
			const out = validate(row);
			if (!out.ok) {
				ledger.reject(file, out.issue);
				continue;
			}
			const d = out.dossier!;
			const known = ledger.dossierMap.get(d.dossier_id);
			if (known === undefined) ledger.register(d, file, row, true);
			else {
				const conflict = conflictWith(file, row, known, d);
				if (conflict) {
					ledger.reject(file, conflict);
					continue;
				}
			}
			rows.push({ row, out });
		}
		pending.set(file, rows);
	}
	return pending;
}

/** Events of events and combined files, in the given order: dossier known, exact duplicates merged. */
function readEvents(
	loaded: readonly LoadedFile[],
	ledger: Ledger,
	pending: ReadonlyMap<LoadedFile, PendingEvent[]>,
	today: string
): void {
	for (const file of loaded) {
		if (file.info.role === 'gecombineerd') {
			for (const { row, out } of pending.get(file) ?? []) {
				ledger.accept(file, row, out, ledger.dossierMap.get(out.event.dossier_id)!);
			}
		} else if (file.info.role === 'gebeurtenissen') {
			readEventFile(file, ledger, today);
		}
	}
}

function readEventFile(file: LoadedFile, ledger: Ledger, today: string): void {
	const validate = createEventValidator(file.ctx, file.info, today);
	const iId = file.info.columns.dossier_id!;
	const rejectedDossiers = file.rejectedDossierLines;
	for (const row of file.table.rows) {
		if (rejectedDossiers?.has(row.line)) {
			ledger.reject(
				file,
				rowIssue(
					file.ctx,
					row,
					file.info.columns.datum!,
					'dossier_geweigerd',
					'dossier geweigerd: de dossiergegevens op deze regel zijn geweigerd (zie de geweigerde dossiers)'
				)
			);
			continue;
		}
		const out = validate(row);
		if (!out.ok) {
			ledger.reject(file, out.issue);
			continue;
		}
		const entry = ledger.dossierMap.get(out.event.dossier_id);
		if (entry === undefined) {
			ledger.reject(
				file,
				rowIssue(
					file.ctx,
					row,
					iId,
					'onbekend_dossier',
					`dossier ‘${out.event.dossier_id}’ staat niet in de dossiers (geen geldige regel in een dossierbestand of gecombineerd bestand)`
				)
			);
			continue;
		}
		ledger.accept(file, row, out, entry);
	}
}

/** Warnings on dossier rows: read as Windows-1252, dossiers without a signal, and without an address key. */
function warnDossiers(ledger: Ledger): void {
	for (const entry of ledger.dossierMap.values()) {
		if (entry.fromCombined) continue;
		const file = entry.file;
		const mixed = file.windows1252Rows.has(entry.source.line);
		if (mixed) file.report.warnings.push(windows1252Warning(file, entry.source));
		if (entry.minSignal === null) {
			file.report.warnings.push(noSignalWarning(file, entry.source, entry.row.dossier_id));
		}
		const gap = addressGap(entry.source);
		if (gap !== null) {
			file.report.warnings.push(addressWarning(file, entry.source, entry.row.dossier_id, gap));
		}
		if (mixed || entry.minSignal === null || gap !== null) file.report.counts.waarschuwingen++;
	}
}

/** Warnings on accepted events, now that every event of their dossier is known. Duplicates get none. */
function warnEvents(ledger: Ledger): void {
	// A combined-file dossier without a signal or without an address key: the warning sits on its
	// defining row's event.
	const noSignal = new Set<number>();
	const noAddress = new Map<number, string>();
	for (const entry of ledger.dossierMap.values()) {
		if (!entry.fromCombined) continue;
		const anchor = entry.anchor !== -1 ? entry.anchor : entry.firstEvent;
		if (anchor === -1) continue;
		if (entry.minSignal === null) noSignal.add(anchor);
		const gap = addressGap(entry.source);
		if (gap !== null) noAddress.set(anchor, gap);
	}
	ledger.events.forEach(({ event: e, file, source: row, fill, dossier: entry }, i) => {
		const cols = file.info.columns;
		const before = file.report.warnings.length;
		if (file.windows1252Rows.has(row.line))
			file.report.warnings.push(windows1252Warning(file, row));
		if (fill === 'reden_onbekend' || fill === 'uitkomst_onbekend') {
			file.report.warnings.push(fillInWarning(file.ctx, file.info, row, fill));
		}
		if (noSignal.has(i)) file.report.warnings.push(noSignalWarning(file, row, e.dossier_id));
		const gap = noAddress.get(i);
		if (gap !== undefined) file.report.warnings.push(addressWarning(file, row, e.dossier_id, gap));
		if (entry.minSignal !== null && e.datum < entry.minSignal) {
			file.report.warnings.push(
				rowIssue(
					file.ctx,
					row,
					cols.datum!,
					'voor_signaal',
					`${e.gebeurtenis} op ${e.datum} ligt vóór het eerste signaal (achterstand_1m op ${entry.minSignal}) van dossier ‘${e.dossier_id}’`
				)
			);
		}
		if (
			(e.gebeurtenis === 'ontruiming' || e.gebeurtenis === 'aanzegging') &&
			(entry.minJudgment === null || entry.minJudgment > e.datum)
		) {
			const eviction = e.gebeurtenis === 'ontruiming';
			file.report.warnings.push(
				rowIssue(
					file.ctx,
					row,
					cols.gebeurtenis!,
					eviction ? 'ontruiming_zonder_vonnis' : 'aanzegging_voor_vonnis',
					`${e.gebeurtenis} op ${e.datum} zonder vonnis op of vóór die datum in dossier ‘${e.dossier_id}’`
				)
			);
		}
		if (file.report.warnings.length > before) file.report.counts.waarschuwingen++;
	});
}

/**
 * The issue when a row's dossier attributes differ from the dossier's first row, or null. The
 * wijk and the adres_sleutel are compared only when both files have the column.
 */
function conflictWith(
	file: LoadedFile,
	row: ParsedRow,
	known: DossierEntry,
	d: DossierRow
): RowIssue | null {
	const cols = file.info.columns;
	const compareWijk = cols.wijk !== undefined;
	const address = d.adres_sleutel ?? null;
	const knownAddress = known.row.adres_sleutel ?? null;
	let column: number;
	let was: string;
	let now: string;
	if (known.row.corporatie !== d.corporatie) {
		[column, was, now] = [cols.corporatie!, known.row.corporatie, d.corporatie];
	} else if (known.row.doelgroep !== d.doelgroep) {
		[column, was, now] = [cols.doelgroep!, known.row.doelgroep, d.doelgroep];
	} else if (compareWijk && known.wijkKnown && known.wijkKey !== wijkKey(d.wijk)) {
		[column, was, now] = [cols.wijk!, known.row.wijk ?? '(leeg)', d.wijk ?? '(leeg)'];
	} else if (cols.adres_sleutel !== undefined && known.addressKnown && knownAddress !== address) {
		[column, was, now] = [cols.adres_sleutel, knownAddress ?? '(leeg)', address ?? '(leeg)'];
	} else return null;
	const attr = file.ctx.names[column]!;
	return rowIssue(
		file.ctx,
		row,
		column,
		'tegenstrijdig_dossier',
		`dossier ‘${d.dossier_id}’ staat al in ${known.file.report.name}, regel ${known.source.line}, met ${attr} ‘${was}’; deze regel geeft ‘${now}’ (de eerste regel blijft staan)`
	);
}

function windows1252Warning(file: LoadedFile, row: ParsedRow): RowIssue {
	return rowIssue(
		file.ctx,
		row,
		null,
		'tekens_windows_1252',
		'deze regel is niet als UTF-8 opgeslagen maar als Windows-1252 (ANSI) en is zo gelezen; controleer letters met accenten'
	);
}

function noSignalWarning(file: LoadedFile, row: ParsedRow, id: string): RowIssue {
	return rowIssue(
		file.ctx,
		row,
		file.info.columns.dossier_id!,
		'geen_signaal',
		`dossier ‘${id}’ heeft geen gebeurtenis achterstand_1m en valt daardoor in geen cohort`
	);
}

/** What a profile row's address lacks (`postcode ontbreekt`), or null. */
function addressGap(row: ParsedRow): string | null {
	return isMapped(row) ? (row.addressGap ?? null) : null;
}

function addressWarning(file: LoadedFile, row: ParsedRow, id: string, gap: string): RowIssue {
	return rowIssue(
		file.ctx,
		row,
		file.info.columns.adres_sleutel ?? null,
		'adres_onvolledig',
		`${gap}; dossier ‘${id}’ krijgt geen adressleutel en telt niet mee in de keten`
	);
}

const CODE_INDEX = new Map<string, number>(EVENT_CODES.map((c, i) => [c, i]));
const REASON_INDEX = new Map<string | null, number>([
	[null, 0],
	...REASONS.map((r, i): [string, number] => [r, i + 1])
]);
const OUTCOME_INDEX = new Map<string | null, number>([
	[null, 0],
	...OUTCOMES.map((o, i): [string, number] => [o, i + 1])
]);
const DAY_INDEX = new Map<string, number>();
const LATEST_DATE = '2099-12-31';
/** A small integer that identifies an event within its dossier: day since 2000 (< 2^16), code, reason, outcome. */
function eventKey(e: EventRow): number {
	let day = DAY_INDEX.get(e.datum);
	if (day === undefined) {
		day = Math.round((Date.parse(`${e.datum}T00:00:00Z`) - Date.UTC(2000, 0, 1)) / 86_400_000);
		DAY_INDEX.set(e.datum, day);
	}
	return (
		((day * 32 + CODE_INDEX.get(e.gebeurtenis)!) * 8 + REASON_INDEX.get(e.reden)!) * 8 +
		OUTCOME_INDEX.get(e.uitkomst)!
	);
}

/** Counts with every figure zero. */
export function zeroCounts(): Counts {
	return {
		gelezen: 0,
		geaccepteerd: 0,
		waarschuwingen: 0,
		dubbel: 0,
		geweigerd: 0,
		overgeslagen: 0
	};
}

/** Adds the counts `c` to `sum`. */
export function addCounts(sum: Counts, c: Counts): void {
	sum.gelezen += c.gelezen;
	sum.geaccepteerd += c.geaccepteerd;
	sum.waarschuwingen += c.waarschuwingen;
	sum.dubbel += c.dubbel;
	sum.geweigerd += c.geweigerd;
	sum.overgeslagen += c.overgeslagen;
}

function refuse(
	name: string,
	code: RefusedFile['code'],
	message: string
): { ok: false; refused: RefusedFile } {
	return { ok: false, refused: { name, code, message, personalData: [] } };
}

function unreadable(name: string, error: unknown): RefusedFile {
	return {
		name,
		code: failureCode(error),
		message: `${name}: ${failureText(error)}`,
		personalData: []
	};
}

function safeName(file: unknown): string {
	const name = (file as { name?: unknown } | null)?.name;
	return typeof name === 'string' ? name : String(name ?? '');
}

function toBytes(input: unknown): Uint8Array {
	if (input instanceof Uint8Array) return input;
	if (input instanceof ArrayBuffer) return new Uint8Array(input);
	if (ArrayBuffer.isView(input))
		return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
	return new Uint8Array(0);
}
