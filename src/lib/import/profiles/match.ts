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

/** The head of a file: its header and up to `rows` data rows (of the sheet asked for, or the first). */
export interface FileHead {
	header: string[];
	rows: string[][];
	/** The workbook's sheets, or null for a CSV file. */
	sheets: string[] | null;
	sheet: string | null;
	fromWorkbook: boolean;
}

/** How many bytes of a CSV file are read for its head. */
const HEAD_BYTES = 256 * 1024;

/** The header and first rows of a CSV or .xlsx file; null when it cannot be read as a table. */
export function fileHead(bytes: Uint8Array, sheet?: string, rows = 5): FileHead | null {
	let csv = bytes;
	let sheets: string[] | null = null;
	let chosen: string | null = null;
	if (isWorkbook(bytes)) {
		const all = workbookSheets(bytes);
		if (all === null) return null;
		const found =
			sheet === undefined
				? widestSheet(all)
				: all.find((s) => normalizeCode(s.sheet) === normalizeCode(sheet));
		if (found === undefined) return null;
		sheets = all.map((s) => s.sheet);
		chosen = found.sheet;
		csv = found.csv;
	} else if (bytes.length > HEAD_BYTES) {
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
	let csv = bytes;
	let sheets: string[] | null = null;
	let chosen: string | null = null;
	if (isWorkbook(bytes)) {
		const all = workbookSheets(bytes);
		if (all === null) return null;
		const found =
			sheet == null
				? widestSheet(all)
				: all.find((s) => normalizeCode(s.sheet) === normalizeCode(sheet));
		if (found === undefined) return null;
		sheets = all.map((s) => s.sheet);
		chosen = found.sheet;
		csv = found.csv;
	}
	const decoded = decodeBytes('', csv);
	if (!decoded.ok) return null;
	const table = parseCsv(decoded.text);
	return table === null ? null : { table, sheets, sheet: chosen };
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

/** True when the header is recognised as one of the exchange format's files. */
export function isExchangeHeader(header: readonly string[]): boolean {
	return recognizeRole(header.map((h) => normalizeCode(h))) !== null;
}

/** The profile a file is read with: the first that fits, else the only one for a non-exchange file, else none. */
export function profileFor(
	file: InputFile,
	profiles: readonly SourceProfile[]
): SourceProfile | null {
	if (profiles.length === 0) return null;
	for (const profile of profiles) {
		const head = fileHead(file.bytes, profile.werkblad, 0);
		if (head !== null && profileFits(profile, head.header)) return profile;
	}
	if (profiles.length > 1) return null;
	const head = fileHead(file.bytes, undefined, 0);
	return head !== null && isExchangeHeader(head.header) ? null : profiles[0]!;
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
		const sheets = workbookSheets(bytes);
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
