/**
 * Which profile reads which file. A data file picked with profile files gets the profile whose
 * columns it all has (the first such profile); a file that has none of them and is not an
 * exchange-format file gets the only profile picked, if exactly one was (so that the refusal names
 * the missing column). Also: a file's header and first rows, for the mapping screen.
 */
import { normalizeCode } from '../../domain/codes';
import { decodeBytes } from '../decode';
import { recognizeRole } from '../header';
import { parseCsv, type ParsedTable } from '../parse';
import type { InputFile } from '../types';
import { isWorkbook, workbookSheets } from '../workbook';
import { profileColumns, type SourceProfile } from './format';

/** A workbook's sheets, converted once per byte array (a pick asks for them per profile). */
const sheetCache = new WeakMap<Uint8Array, ReturnType<typeof workbookSheets>>();
function sheetsOf(bytes: Uint8Array): ReturnType<typeof workbookSheets> {
	if (!sheetCache.has(bytes)) sheetCache.set(bytes, workbookSheets(bytes));
	return sheetCache.get(bytes)!;
}

/** The head of a file: its header and up to `rows` data rows (of the sheet asked for, or the first). */
export interface FileHead {
	header: string[];
	rows: string[][];
	/** The workbook's sheets, or null for a CSV file. */
	sheets: string[] | null;
	sheet: string | null;
	fromWorkbook: boolean;
}

/** Asks fileHead for a workbook's first sheet (as the pipeline reads a profile without `werkblad`). */
export const FIRST_SHEET = Symbol('first sheet');

/** How many bytes of a CSV file are read for its head. */
const HEAD_BYTES = 256 * 1024;

/** The header and first rows of a CSV or .xlsx file; null when it cannot be read as a table. */
export function fileHead(
	bytes: Uint8Array,
	sheet?: string | typeof FIRST_SHEET,
	rows = 5
): FileHead | null {
	const picked = pickSheet(bytes, sheet ?? null);
	if (picked === null) return null;
	let { csv } = picked;
	const { sheets, sheet: chosen } = picked;
	if (sheets === null && bytes.length > HEAD_BYTES) {
		// Cut at a line end, so that no UTF-8 character is split.
		const end = bytes.lastIndexOf(10, HEAD_BYTES);
		csv = bytes.subarray(0, end > 0 ? end + 1 : HEAD_BYTES);
	}
	const decoded = decodeBytes('', csv);
	if (!decoded.ok) return null;
	const table = parseCsv(decoded.text);
	if (table === null) return null;
	return {
		header: table.header.map((h) => h.trim()),
		rows: table.rows.slice(0, rows).map((r) => r.fields),
		sheets,
		sheet: chosen,
		fromWorkbook: sheets !== null
	};
}

/** The whole table of a CSV file or of a workbook's sheet (default: the widest), for the mapping screen. */
export function fileTable(
	bytes: Uint8Array,
	sheet?: string | null
): { table: ParsedTable; sheets: string[] | null; sheet: string | null } | null {
	const picked = pickSheet(bytes, sheet ?? null);
	if (picked === null) return null;
	const { csv, sheets, sheet: chosen } = picked;
	const decoded = decodeBytes('', csv);
	if (!decoded.ok) return null;
	const table = parseCsv(decoded.text);
	return table === null ? null : { table, sheets, sheet: chosen };
}

/**
 * The bytes to read: a CSV file as it is, or a workbook's sheet as CSV (null: the widest sheet,
 * FIRST_SHEET: the first, else the one with that name); null when the workbook or sheet fails.
 */
function pickSheet(
	bytes: Uint8Array,
	sheet: string | typeof FIRST_SHEET | null
): { csv: Uint8Array; sheets: string[] | null; sheet: string | null } | null {
	if (!isWorkbook(bytes)) return { csv: bytes, sheets: null, sheet: null };
	const all = sheetsOf(bytes);
	if (all === null) return null;
	const found =
		sheet === null
			? widestSheet(all)
			: sheet === FIRST_SHEET
				? all[0]
				: all.find((s) => normalizeCode(s.sheet) === normalizeCode(sheet));
	if (found === undefined) return null;
	return { csv: found.csv, sheets: all.map((s) => s.sheet), sheet: found.sheet };
}

/** The non-empty sheet with the most header cells (a notes sheet before the data is passed over). */
function widestSheet<T extends { csv: Uint8Array; empty: boolean }>(
	sheets: readonly T[]
): T | undefined {
	let best: T | undefined;
	let width = -1;
	for (const s of sheets) {
		if (s.empty) continue;
		const decoded = decodeBytes(
			'',
			s.csv.subarray(0, Math.max(0, s.csv.indexOf(10)) || s.csv.length)
		);
		const header = decoded.ok ? (parseCsv(decoded.text)?.header ?? []) : [];
		const filled = header.filter((h) => h.trim() !== '').length;
		if (filled > width) {
			best = s;
			width = filled;
		}
	}
	return best ?? sheets[0];
}

/** True when the header has every column the profile names (by the header rule). */
export function profileFits(profile: SourceProfile, header: readonly string[]): boolean {
	const have = new Set(header.map((h) => normalizeCode(h)));
	return profileColumns(profile).every((c) => have.has(normalizeCode(c)));
}

/**
 * True when the header is meant as an exchange file: it has `dossier_id` and a recognised role.
 * Such a file that lacks a required column is refused by the importer with a message naming the
 * column (it is nearly right); any other file is offered to the mapping screen.
 */
export function isExchangeHeader(header: readonly string[]): boolean {
	const normalized = header.map((h) => normalizeCode(h));
	return normalized.includes('dossier_id') && recognizeRole(normalized) !== null;
}

/** The words of a name (accents removed, lower case, at least 3 letters), for matching a profile to a file. */
function nameWords(name: string): Set<string> {
	return new Set(
		name
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/\.(csv|txt|tsv|xlsx|json)$/, '')
			.split(/[^a-z0-9]+/)
			.filter((w) => w.length >= 3 && !['profiel', 'bronprofiel', 'export'].includes(w))
	);
}

/** A profile with the name of the file it came from (if any). */
export interface NamedProfile {
	profile: SourceProfile;
	fileName?: string;
}

/** A file's headers per sheet (a CSV file: one, with `sheet: null`), as `inspectFile` gives them. */
export type FileHeads = readonly { sheet: string | null; header: readonly string[] }[];

/** The header the pipeline reads with a profile: its `werkblad`, else the first sheet (or the CSV's). */
function headerFor(heads: FileHeads, profile: SourceProfile): readonly string[] | null {
	if (heads.length === 0) return null;
	if (heads[0]!.sheet === null || profile.werkblad === undefined) return heads[0]!.header;
	const wanted = normalizeCode(profile.werkblad);
	return heads.find((h) => normalizeCode(h.sheet ?? '') === wanted)?.header ?? null;
}

/**
 * The profile a file is read with: of the profiles whose columns the file has (an .xlsx: on the
 * profile's sheet, else the first, as the pipeline reads it), the one whose naam and file name
 * share most words with the file's name (the first on a tie); when none fits and exactly one
 * profile was given, that one for a file that is not an exchange file; else none.
 */
export function profileForHeads(
	file: { name: string; heads: FileHeads },
	profiles: readonly (SourceProfile | NamedProfile)[]
): SourceProfile | null {
	if (profiles.length === 0) return null;
	const named = profiles.map((p) => ('profile' in p ? p : { profile: p }));
	const fileWords = nameWords(file.name);
	let best: SourceProfile | null = null;
	let bestScore = -1;
	for (const { profile, fileName } of named) {
		const header = headerFor(file.heads, profile);
		if (header === null || !profileFits(profile, header)) continue;
		const words = new Set([...nameWords(profile.naam), ...nameWords(fileName ?? '')]);
		const score = [...fileWords].filter((w) => words.has(w)).length;
		if (score > bestScore) {
			best = profile;
			bestScore = score;
		}
	}
	if (best !== null || named.length > 1) return best;
	const exchange = file.heads.some((h) => isExchangeHeader(h.header));
	return exchange ? null : named[0]!.profile;
}

/** As `profileForHeads`, reading the file's headers here (the command line and the tests). */
export function profileFor(
	file: InputFile,
	profiles: readonly (SourceProfile | NamedProfile)[]
): SourceProfile | null {
	if (profiles.length === 0) return null;
	let heads: { sheet: string | null; header: string[] }[];
	if (isWorkbook(file.bytes)) {
		heads = (sheetsOf(file.bytes) ?? []).map((s) => ({
			sheet: s.sheet,
			header: s.empty ? [] : (fileHead(s.csv, undefined, 0)?.header ?? [])
		}));
	} else {
		const head = fileHead(file.bytes, undefined, 0);
		heads = head ? [{ sheet: null, header: head.header }] : [];
	}
	return profileForHeads({ name: file.name, heads }, profiles);
}

/** The same columns (by the header rule, in any order): for proposing a remembered profile. */
export function columnsKey(header: readonly string[]): string {
	return header
		.map((h) => normalizeCode(h))
		.filter((h) => h !== '')
		.sort()
		.join('|');
}

/** True when the file is read as exchange-format file(s): a CSV with a recognised header, or a workbook with such a sheet. */
export function isExchangeFile(bytes: Uint8Array): boolean {
	if (isWorkbook(bytes)) {
		const sheets = sheetsOf(bytes);
		// Not a readable workbook: the importer refuses it with its own message.
		if (sheets === null) return true;
		return sheets.some((s) => {
			if (s.empty) return false;
			const head = fileHead(s.csv, undefined, 0);
			return head !== null && isExchangeHeader(head.header);
		});
	}
	const head = fileHead(bytes, undefined, 0);
	// Unreadable as a table (empty, binary): the importer refuses it with its own message.
	return head === null || isExchangeHeader(head.header);
}

/** True when the file is a profile file: named .json, or text that starts with `{`. */
export function isProfileFile(file: InputFile): boolean {
	if (/\.json$/i.test(file.name)) return true;
	let i = 0;
	if (file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf) i = 3;
	while (i < file.bytes.length && [9, 10, 13, 32].includes(file.bytes[i]!)) i++;
	return file.bytes[i] === 0x7b;
}
