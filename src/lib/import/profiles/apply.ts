/**
 * A source profile applied to a parsed file: the party's own columns become exchange-format rows
 * (one virtual table per exchange table), each keeping its file, line and source column. The
 * columns the profile does not use are never loaded; the used ones are screened for personal data.
 */
import { normalizeCode } from '../../domain/codes';
import type { HeaderInfo, KnownColumn } from '../header';
import { displayNames } from '../header';
import { rowsHolding, type ParsedRow, type ParsedTable } from '../parse';
import { rowRefusal } from '../size-limit';
import { describeFinding, screenPersonalData, valueSignal } from '../personal-data';
import { dutchList } from '../refusal';
import { tooWide, type MappedRow, type RowContext } from '../row-issues';
import type {
	Encoding,
	FallbackLabel,
	FileReport,
	PersonalDataFinding,
	RefusedFile,
	TableRole
} from '../types';
import { excelSerialToIso } from './excel-dates';
import {
	keyUse,
	needsKey,
	profileColumns,
	type SourceProfile,
	type ValueKind,
	type ValueSpec
} from './format';
import { addressMessage, pseudonymMessage } from './pseudonym';
import { valueResolver, type Resolved } from './values';

/** The fields of a virtual exchange row, in this order. */
const VIRTUAL_NAMES = [
	'dossier_id',
	'corporatie',
	'doelgroep',
	'wijk',
	'datum',
	'gebeurtenis',
	'reden',
	'uitkomst',
	'adres_sleutel'
] as const;
const V: Record<(typeof VIRTUAL_NAMES)[number], number> = {
	dossier_id: 0,
	corporatie: 1,
	doelgroep: 2,
	wijk: 3,
	datum: 4,
	gebeurtenis: 5,
	reden: 6,
	uitkomst: 7,
	adres_sleutel: 8
};

/** One exchange table made from a source file: what combine() reads like a parsed exchange file. */
export interface MappedTable {
	table: ParsedTable;
	info: HeaderInfo;
	ctx: RowContext;
	report: FileReport;
	/** `breed`: the events table of a file shares this set with its dossiers table (lines whose dossier was rejected). */
	rejectedDossierLines?: Set<number>;
	/** Source rows holding a line read as Windows-1252 (none: a profile file's encoding is read whole). */
	windows1252Rows: Set<number>;
}

export type ApplyOutcome =
	{ ok: true; tables: MappedTable[] } | { ok: false; refused: RefusedFile };

/** How the profile found its columns in this file. */
interface Located {
	index: (column: string) => number;
	names: string[];
	used: Set<number>;
}

function refusal(name: string, code: RefusedFile['code'], message: string): ApplyOutcome {
	return { ok: false, refused: { name, code, message, personalData: [] } };
}

/** Finds every column the profile names by the header rule; null and a message when one is missing or doubled. */
function locate(
	name: string,
	profile: SourceProfile,
	header: readonly string[],
	columns: readonly string[]
): Located | string {
	const normalized = header.map((h) => normalizeCode(h));
	const names = displayNames(header);
	const at = new Map<string, number>();
	const missing: string[] = [];
	const doubled: string[] = [];
	for (const column of columns) {
		const key = normalizeCode(column);
		const hits = normalized.flatMap((n, i) => (n === key ? [i] : []));
		if (hits.length === 0) missing.push(column);
		else if (hits.length > 1) doubled.push(column);
		else at.set(key, hits[0]!);
	}
	if (missing.length > 0) {
		const one = missing.length === 1;
		// Header cells that hold personal data (a file without a header row) are never echoed.
		const found = names.filter(
			(_, i) => header[i]!.trim() !== '' && valueSignal(header[i]!) === null
		);
		return `${name}: ${one ? 'kolom' : 'kolommen'} ${dutchList(missing)} uit profiel ‘${profile.naam}’ ${one ? 'ontbreekt' : 'ontbreken'} in het bestand. Gevonden kolommen: ${dutchList(found)}.`;
	}
	if (doubled.length > 0) {
		return `${name}: ${doubled.length === 1 ? 'kolom' : 'kolommen'} ${dutchList(doubled)} uit profiel ‘${profile.naam}’ ${doubled.length === 1 ? 'staat' : 'staan'} meer dan één keer in de kopregel.`;
	}
	return {
		index: (column) => at.get(normalizeCode(column))!,
		names,
		used: new Set(at.values())
	};
}

/**
 * The distinct messages this file needs hashed with the werkgroep key: the id pseudonyms (rows whose
 * id columns are all filled) and the address keys (rows with a postcode and a house number).
 */
export function pseudonymMessages(profile: SourceProfile, table: ParsedTable): string[] {
	if (!needsKey(profile)) return [];
	const located = locate('', profile, table.header, profileColumns(profile));
	if (typeof located === 'string') return [];
	const out = new Set<string>();
	if (profile.dossier_id.pseudonimiseren) {
		const idx = profile.dossier_id.kolommen.map(located.index);
		for (const row of table.rows) {
			const values = idx.map((i) => (row.fields[i] ?? '').trim());
			if (values.every((v) => v !== '')) out.add(pseudonymMessage(values));
		}
	}
	const address = addressIndices(profile, located.index);
	if (address !== null) {
		for (const row of table.rows) {
			const a = addressOf(address, row.fields);
			if (a.message !== null) out.add(a.message);
		}
	}
	return [...out];
}

/** Where the address columns stand; null when the profile maps no address. */
interface AddressIndices {
	postcode: number;
	huisnummer: number;
	/** -1 when the profile maps no toevoeging. */
	toevoeging: number;
}

function addressIndices(
	profile: SourceProfile,
	index: (column: string) => number
): AddressIndices | null {
	const a = profile.adres;
	if (a === undefined) return null;
	return {
		postcode: index(a.postcode),
		huisnummer: index(a.huisnummer),
		toevoeging: a.toevoeging === undefined ? -1 : index(a.toevoeging)
	};
}

/**
 * A row's address message, or null with what is missing (`postcode`, `huisnummer`, both) when the
 * postcode or the house number is empty: such a row gets no address key. An empty toevoeging is none.
 */
function addressOf(
	at: AddressIndices,
	fields: readonly string[]
): { message: string; missing: null } | { message: null; missing: ('postcode' | 'huisnummer')[] } {
	const postcode = (fields[at.postcode] ?? '').trim();
	const huisnummer = (fields[at.huisnummer] ?? '').trim();
	if (postcode === '' || huisnummer === '') {
		const missing: ('postcode' | 'huisnummer')[] = [];
		if (postcode === '') missing.push('postcode');
		if (huisnummer === '') missing.push('huisnummer');
		return { message: null, missing };
	}
	const toevoeging = at.toevoeging === -1 ? '' : (fields[at.toevoeging] ?? '').trim();
	return { message: addressMessage(postcode, huisnummer, toevoeging), missing: null };
}

export interface ApplyOptions {
	encoding: Encoding;
	/** The file came from a workbook: a number in a mapped date column is an Excel serial date. */
	fromWorkbook: boolean;
	/** Pseudonym per message (see pseudonymMessages); required when the profile pseudonymises. */
	pseudonyms: ReadonlyMap<string, string> | null;
	/** Lines of a UTF-8 file that were read as Windows-1252 (each gets a warning). */
	windows1252Lines?: readonly number[];
	/** The rows this file may make (dossier and event rows together; see size-limit.ts); none: no bound. */
	rowBudget?: number;
}

/** Applies a profile to one parsed file: its exchange tables, or the file refused whole. Never loads an unused column. */
export function applyProfile(
	name: string,
	profile: SourceProfile,
	table: ParsedTable,
	options: ApplyOptions
): ApplyOutcome {
	const located = locate(name, profile, table.header, profileColumns(profile));
	if (typeof located === 'string') return refusal(name, 'kolom_ontbreekt', located);
	const { index, used } = located;
	let names = located.names;
	const pseudonymise = profile.dossier_id.pseudonimiseren;
	if (needsKey(profile) && options.pseudonyms === null) {
		return refusal(
			name,
			'sleutel_ontbreekt',
			`${name}: profiel ‘${profile.naam}’ ${keyUse(profile)}; geef de sleutel van de werkgroep om dit bestand in te lezen.`
		);
	}
	const idIndices = profile.dossier_id.kolommen.map(index);
	const address = addressIndices(profile, index);
	// The columns hashed with the key: never screened, never shown, never loaded.
	const hashed = new Set<number>(pseudonymise ? idIndices : []);
	if (address !== null) {
		hashed.add(address.postcode).add(address.huisnummer);
		if (address.toevoeging !== -1) hashed.add(address.toevoeging);
	}
	const hashing = hashed.size > 0;
	// The values of the pseudonymised columns (and the postcodes) are never shown: not in another
	// column of a line that was broken or shifted, not in a header cell that swallowed a data line.
	// A house number or an addition alone is no secret (and too short to look for).
	const secretIndices = [
		...(pseudonymise ? idIndices : []),
		...(address ? [address.postcode] : [])
	];
	const found = hashing ? secretValues(table.rows, secretIndices) : null;
	const secrets = found !== null && found.size > 0 ? found : null;
	if (hashing) {
		// An unused header cell over lines may have swallowed data lines: it is not shown either.
		names = names.map((n, i) =>
			holdsSecret(n, secrets) || (!used.has(i) && /[\r\n]/.test(n)) ? `(kolom ${i + 1})` : n
		);
	}

	// Personal data: the used columns (except the hashed ones) are screened as usual.
	const screened = [...used].filter((i) => !hashed.has(i));
	screened.sort((a, b) => a - b);
	const findings = screen(table, screened, names);
	if (findings.length > 0) {
		return {
			ok: false,
			refused: {
				name,
				code: 'persoonsgegevens',
				message: `${name}: een kolom die profiel ‘${profile.naam}’ gebruikt, lijkt persoonsgegevens te bevatten; het bestand is niet ingelezen. ${findings.map(describeFinding).join('; ')}. Pas het profiel aan (pseudonimiseer of gebruik een andere kolom) of lever het bestand zonder deze gegevens aan.`,
				personalData: findings
			}
		};
	}
	// The other columns are never loaded; those that look like personal data are marked in the report.
	const unused = table.header.map((_, i) => i).filter((i) => !used.has(i));
	const unusedNames = unused.filter((i) => table.header[i]!.trim() !== '').map((i) => names[i]!);
	const unusedPersonal = screen(table, unused, names);

	// The values a rejected row shows: the used columns, the pseudonym instead of the id columns,
	// nothing of the address.
	const shownIndices = [...used].filter((i) => !hashed.has(i)).sort((a, b) => a - b);
	const shown = { names: shownIndices.map((i) => names[i]!), indices: shownIndices };
	const idColumnName = profile.dossier_id.kolommen.map((c) => names[index(c)]!).join(' + ');
	const idOf = (fields: readonly string[]): { id: string; column: string } => {
		const values = idIndices.map((i) => (fields[i] ?? '').trim());
		const empty = values.findIndex((v) => v === '');
		if (empty !== -1) return { id: '', column: names[idIndices[empty]!]! };
		if (!pseudonymise) return { id: values.join('-'), column: idColumnName };
		return { id: options.pseudonyms!.get(pseudonymMessage(values)) ?? '', column: idColumnName };
	};
	// The columns whose values a shifted line must not show, as a message names them.
	const secretColumnsName = [
		...(pseudonymise ? [idColumnName] : []),
		...(address !== null ? [names[address.postcode]!] : [])
	].join(' of ');
	// The address key of a row, and the column it is read from (a missing one: that column).
	const addressName = (key: 'postcode' | 'huisnummer') => names[address![key]]!;
	const addressColumn =
		address === null
			? null
			: [address.postcode, address.huisnummer, address.toevoeging]
					.filter((i) => i !== -1)
					.map((i) => names[i]!)
					.join(' + ');
	const addressKeyOf = (
		fields: readonly string[]
	): { key: string; column: string | null; gap?: string } => {
		if (address === null) return { key: '', column: null };
		const a = addressOf(address, fields);
		if (a.message !== null)
			return { key: options.pseudonyms!.get(a.message) ?? '', column: addressColumn };
		return {
			key: '',
			column: addressName(a.missing[0]!),
			gap: a.missing.length === 2 ? 'postcode en huisnummer ontbreken' : `${a.missing[0]} ontbreekt`
		};
	};
	// The labels only `anders` placed, per column and label (the first table's report carries them).
	// The report shows them: only values on two rows or more, never a pseudonymised id or a value
	// that looks like personal data.
	const fallbackLabels: FallbackLabel[] = [];
	const fallbackAt = new Map<string, FallbackLabel>();
	const spec = (s: ValueSpec | undefined, kind: ValueKind) => {
		if (s === undefined) return { column: null, resolve: null, index: -1 };
		if ('waarde' in s) return { column: null, resolve: valueResolver(s, kind), index: -1 };
		const i = index(s.kolom);
		const column = names[i]!;
		const resolve = valueResolver(s, kind, (cell) => {
			// Never a value of a pseudonymised column, nor one that looks like personal data.
			if (holdsSecret(cell, secrets) || valueSignal(cell) !== null) return;
			const value = cell.trim();
			const key = `${column}\u0000${value}`;
			let entry = fallbackAt.get(key);
			if (!entry) {
				entry = { column, value, rows: 0, code: s.anders ?? '' };
				fallbackAt.set(key, entry);
			}
			// A value seen once is no label but a stray value (a shifted line may put an id here).
			if (++entry.rows === 2) fallbackLabels.push(entry);
		});
		return { column, resolve, index: i };
	};
	const read = (
		s: { resolve: ((cell: string) => Resolved) | null; index: number },
		fields: readonly string[]
	): Resolved =>
		s.resolve === null ? '' : s.resolve(s.index === -1 ? '' : (fields[s.index] ?? ''));
	const dateOf = (cell: string): string => {
		const v = cell.trim();
		return options.fromWorkbook ? (excelSerialToIso(v) ?? v) : v;
	};
	const corp = spec(profile.corporatie, 'corporatie');
	const group = spec(profile.doelgroep, 'doelgroep');
	const wijk = spec(profile.wijk, 'wijk');
	// A mapped row keeps its source record: a malformed or too wide line is rejected as in the
	// exchange format (checkRecord), with the same reason and line, and shows no source values (they
	// may stand in the wrong columns). So is a line where a pseudonymised value turns up in another
	// used column (a line broken in two, a shifted row): that value is never shown.
	const sourceWidth = table.header.length;
	const lineState = (row: ParsedRow): { error?: string; hide: boolean } => {
		if (row.error !== undefined) return { error: row.error, hide: true };
		if (secrets !== null) {
			for (const i of shownIndices) {
				if (holdsSecret(row.fields[i], secrets)) {
					return {
						error: `in kolom ‘${names[i]}’ staat een waarde uit de gepseudonimiseerde kolom ${secretColumnsName}; staat de regel verschoven (een regeleinde of scheidingsteken in een waarde)? De regel is niet gelezen en de waarde wordt niet getoond`,
						hide: true
					};
				}
			}
		}
		// A used value over lines may have swallowed a line with a contract number (a stray quote).
		if (pseudonymise) {
			for (const i of shownIndices) {
				const cell = row.fields[i];
				if (cell !== undefined && LINE_BREAK.test(cell)) {
					return {
						error: `de waarde in kolom ‘${names[i]}’ loopt over meer regels; in een bestand met gepseudonimiseerde nummers wordt zo’n regel niet gelezen, want een los aanhalingsteken kan een regel met een nummer hebben opgeslokt`,
						hide: true
					};
				}
			}
		}
		// Without its pseudonymised id the line may hold it in another column (a shifted row).
		const noId = pseudonymise && idIndices.some((i) => (row.fields[i] ?? '').trim() === '');
		return { hide: noId || tooWide(row.fields, sourceWidth) };
	};
	const mapped = (
		row: ParsedRow,
		fields: string[],
		columns: (string | null)[],
		state: { error?: string; hide: boolean },
		withError: boolean,
		gap?: string
	): MappedRow => {
		const m: MappedRow = {
			line: row.line,
			fields,
			columns,
			source: row.fields,
			shown,
			sourceWidth
		};
		if (withError && state.error !== undefined) m.error = state.error;
		if (state.hide) m.hide = true;
		if (gap !== undefined) m.addressGap = gap;
		return m;
	};
	const budget = options.rowBudget ?? Infinity;
	const overBudget = () => refusal(name, 'te_groot', rowRefusal(name, profile.naam, budget));
	const report = (role: TableRole, gelezen: number, withColumns: boolean): FileReport => ({
		name,
		role,
		encoding: options.encoding,
		delimiter: table.delimiter,
		...(options.fromWorkbook ? { workbook: true as const } : {}),
		counts: {
			gelezen,
			geaccepteerd: 0,
			waarschuwingen: 0,
			dubbel: 0,
			geweigerd: 0,
			overgeslagen: 0
		},
		profile: profile.naam,
		unknownColumns: withColumns ? unusedNames : [],
		personalDataNotLoaded: withColumns ? unusedPersonal : [],
		droppedColumns: [],
		rejected: [],
		...(withColumns ? { fallbackLabels } : {}),
		warnings: [],
		duplicates: [],
		windows1252Lines: [...(options.windows1252Lines ?? [])]
	});
	// The rows (by their first line) that hold a line read as Windows-1252; mapped rows keep it.
	const mixedRows = rowsHolding(table.rows, options.windows1252Lines ?? []);
	const ctx: RowContext = { fileName: name, names: VIRTUAL_NAMES, dropped: new Set() };
	const info = (role: TableRole, columns: KnownColumn[]): HeaderInfo => ({
		role,
		columns: Object.fromEntries(columns.map((c) => [c, V[c]])),
		names: [...VIRTUAL_NAMES],
		unknownColumns: []
	});

	if (profile.vorm === 'breed') {
		const events = profile.gebeurtenissen.map((e) => {
			const i = index(e.kolom);
			return {
				code: e.gebeurtenis,
				index: i,
				column: names[i]!,
				reden: spec(e.reden, 'reden'),
				uitkomst: spec(e.uitkomst, 'uitkomst')
			};
		});
		// Counted before any row is made: a profile that would make more rows than the budget (a
		// date column listed a thousand times) is refused before the rows fill the memory.
		let count = table.rows.length;
		for (const row of table.rows) {
			if (count > budget) break;
			for (const e of events) if (filled(row.fields[e.index])) count++;
		}
		if (count > budget) return overBudget();
		const dossierRows: ParsedRow[] = [];
		const eventRows: ParsedRow[] = [];
		for (const row of table.rows) {
			const f = row.fields;
			const { id, column: idColumn } = idOf(f);
			const wijkValue = read(wijk, f) ?? '';
			const state = lineState(row);
			const adres = addressKeyOf(f);
			// A rejected dossier row (a malformed line among them) takes its events along.
			dossierRows.push(
				mapped(
					row,
					[id, read(corp, f) ?? '', read(group, f) ?? '', wijkValue, '', '', '', '', adres.key],
					[idColumn, corp.column, group.column, wijk.column, null, null, null, null, adres.column],
					state,
					true,
					adres.gap
				)
			);
			for (const e of events) {
				const cell = f[e.index] ?? '';
				if (cell.trim() === '') continue;
				eventRows.push(
					mapped(
						row,
						[
							id,
							'',
							'',
							'',
							dateOf(cell),
							e.code,
							read(e.reden, f) ?? '',
							read(e.uitkomst, f) ?? ''
						],
						[idColumn, null, null, null, e.column, e.column, e.reden.column, e.uitkomst.column],
						state,
						false
					)
				);
			}
		}
		const dossierColumns: KnownColumn[] = ['dossier_id', 'corporatie', 'doelgroep'];
		if (profile.wijk) dossierColumns.push('wijk');
		if (address !== null) dossierColumns.push('adres_sleutel');
		const rejectedDossierLines = new Set<number>();
		return {
			ok: true,
			tables: [
				{
					table: { ...table, rows: dossierRows },
					info: info('dossiers', dossierColumns),
					ctx,
					report: report('dossiers', dossierRows.length, true),
					rejectedDossierLines,
					windows1252Rows: mixedRows
				},
				{
					table: { ...table, rows: eventRows },
					info: info('gebeurtenissen', ['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst']),
					ctx,
					report: report('gebeurtenissen', eventRows.length, false),
					rejectedDossierLines,
					windows1252Rows: mixedRows
				}
			]
		};
	}

	const dateIndex = index(profile.datum.kolom);
	const dateColumn = names[dateIndex]!;
	const code = spec(profile.gebeurtenis, 'gebeurtenis');
	const reden = spec(profile.reden, 'reden');
	const uitkomst = spec(profile.uitkomst, 'uitkomst');
	const combined = profile.corporatie !== undefined;
	const rows: ParsedRow[] = [];
	let skipped = 0;
	for (const row of table.rows) {
		const f = row.fields;
		const gebeurtenis = read(code, f);
		// A line that is not well formed is rejected, never skipped on a label read from it.
		const state = lineState(row);
		if (gebeurtenis === null && !state.hide) {
			skipped++;
			continue;
		}
		if (rows.length >= budget) return overBudget();
		const { id, column: idColumn } = idOf(f);
		const adres = combined ? addressKeyOf(f) : { key: '', column: null };
		rows.push(
			mapped(
				row,
				[
					id,
					combined ? (read(corp, f) ?? '') : '',
					combined ? (read(group, f) ?? '') : '',
					combined ? (read(wijk, f) ?? '') : '',
					dateOf(f[dateIndex] ?? ''),
					gebeurtenis ?? '',
					read(reden, f) ?? '',
					read(uitkomst, f) ?? '',
					adres.key
				],
				[
					idColumn,
					corp.column,
					group.column,
					wijk.column,
					dateColumn,
					code.column,
					reden.column,
					uitkomst.column,
					adres.column
				],
				state,
				true,
				adres.gap
			)
		);
	}
	const role: TableRole = combined ? 'gecombineerd' : 'gebeurtenissen';
	const columns: KnownColumn[] = ['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst'];
	if (combined) {
		columns.push('corporatie', 'doelgroep', ...(profile.wijk ? (['wijk'] as const) : []));
		if (address !== null) columns.push('adres_sleutel');
	}
	const r = report(role, rows.length + skipped, true);
	r.counts.overgeslagen = skipped;
	return {
		ok: true,
		tables: [
			{
				table: { ...table, rows },
				info: info(role, columns),
				ctx,
				report: r,
				windows1252Rows: mixedRows
			}
		]
	};
}

/** The shortest pseudonymised value looked for in other columns (a house number alone is no secret). */
const MIN_SECRET = 5;

/**
 * The values of the pseudonymised columns (trimmed, at least MIN_SECRET long), each column on its
 * own; of a malformed line too, as its naive split has them (the line's values are not shown, but
 * the number may stand in another line's wrong column).
 */
function secretValues(rows: readonly ParsedRow[], indices: readonly number[]): Set<string> {
	const out = new Set<string>();
	for (const row of rows) {
		for (const i of indices) {
			// A malformed line's naive split keeps its quotes: `"YM-1234"`.
			const v = (row.fields[i] ?? '').replace(QUOTES_AROUND, '');
			if (v.length >= MIN_SECRET) out.add(v);
		}
	}
	return out;
}

/**
 * True when a cell is, or holds as a part between line breaks or delimiters (quotes and spaces
 * around it ignored), a value of a pseudonymised column.
 */
function holdsSecret(cell: string | undefined, secrets: ReadonlySet<string> | null): boolean {
	if (secrets === null || cell === undefined || cell.length < MIN_SECRET) return false;
	if (secrets.has(cell.trim())) return true;
	if (!SPLIT.test(cell)) return false;
	for (const piece of cell.split(SPLIT)) {
		if (piece.length >= MIN_SECRET && secrets.has(piece.replace(QUOTES_AROUND, ''))) return true;
	}
	return false;
}
const SPLIT = /[\n\r,;\t]/;
const LINE_BREAK = /[\r\n]/;
const QUOTES_AROUND = /^[\s"]+|[\s"]+$/g;

/** True for a cell with something in it besides white space. */
function filled(cell: string | undefined): boolean {
	return cell !== undefined && cell !== '' && (cell.charCodeAt(0) > 32 || cell.trim() !== '');
}

/** The personal-data guard over some columns only (by index), named as in the file. */
function screen(
	table: ParsedTable,
	indices: readonly number[],
	names: readonly string[]
): PersonalDataFinding[] {
	if (indices.length === 0) return [];
	const rows = table.rows.map((r) => ({
		line: r.line,
		fields: indices.map((i) => r.fields[i] ?? '')
	}));
	return screenPersonalData(
		indices.map((i) => names[i]!),
		rows,
		table.headerLine
	);
}
