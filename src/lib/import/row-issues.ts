/** Shared by the row validators: the file's columns as the user wrote them, and Dutch row messages. */
import type { IssueCode, RowIssue } from './types';
import type { ParsedRow } from './parse';
import { readEscapedCell } from './csv-writer';

/** What a validator knows about the file its rows come from. */
export interface RowContext {
	fileName: string;
	/** Display name per column index (see `displayNames`). */
	names: readonly string[];
	/** Columns dropped by the personal-data guard: their values never leave the importer. */
	dropped: ReadonlySet<number>;
}

/**
 * A row made by a source profile: exchange fields, the source column of each field (null for a
 * profile constant), and which source values a rejected row shows (used columns only).
 */
export interface MappedRow extends ParsedRow {
	columns: readonly (string | null)[];
	source: readonly string[];
	shown: { names: readonly string[]; indices: readonly number[] };
	/** The source file's header width: the source record is checked against it (checkRecord). */
	sourceWidth: number;
	/** The line is not well formed, or holds a pseudonymised value elsewhere: only the dossier_id is shown. */
	hide?: true;
	/** A profile's address with an empty postcode or house number (`postcode ontbreekt`): no address key. */
	addressGap?: string;
}

export function isMapped(row: ParsedRow): row is MappedRow {
	return (row as Partial<MappedRow>).columns !== undefined;
}

/** The values a rejected mapped row shows: its dossier_id as loaded and the used source columns. */
function mappedValues(row: MappedRow): Record<string, string> {
	const values: Record<string, string> = { dossier_id: row.fields[0] ?? '' };
	if (row.hide) return values;
	const { names, indices } = row.shown;
	for (let i = 0; i < names.length; i++) values[names[i]!] = row.source[indices[i]!] ?? '';
	return values;
}

const DOSSIER_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** True for a valid `dossier_id`: 1–64 characters of `A-Z a-z 0-9 _ - .`. */
export function isValidDossierId(value: string): boolean {
	return DOSSIER_ID.test(value);
}

/** The row's original values keyed by header name (dropped columns left out, extra fields as `(kolom N)`). */
export function rowValues(ctx: RowContext, fields: readonly string[]): Record<string, string> {
	const values: Record<string, string> = {};
	const names = ctx.names;
	for (let i = 0; i < names.length; i++) {
		if (!ctx.dropped.has(i)) values[names[i]!] = fields[i] ?? '';
	}
	for (let i = names.length; i < fields.length; i++) {
		if (fields[i]!.trim() !== '' && !ctx.dropped.has(i)) values[`(kolom ${i + 1})`] = fields[i]!;
	}
	return values;
}

/** Builds a row issue whose message reads `bestand, regel N, kolom X: tekst`. */
export function rowIssue(
	ctx: RowContext,
	row: ParsedRow,
	column: number | null,
	code: IssueCode,
	text: string
): RowIssue {
	const mapped = isMapped(row);
	const name = column === null ? null : mapped ? (row.columns[column] ?? null) : ctx.names[column]!;
	const where = name === null ? '' : `, kolom ${name}`;
	return {
		file: ctx.fileName,
		line: row.line,
		column: name,
		code,
		message: `${ctx.fileName}, regel ${row.line}${where}: ${text}`,
		values: mapped ? mappedValues(row) : rowValues(ctx, row.fields)
	};
}

/** The trimmed value at a column index ('' when the column is absent or the row is short), the CSV writer's formula escape undone. */
export function cell(fields: readonly string[], index: number | undefined): string {
	if (index === undefined) return '';
	const v = fields[index];
	return v === undefined ? '' : readEscapedCell(v.trim());
}

/** True when a record has a non-empty field beyond the header's `width` columns. */
export function tooWide(fields: readonly string[], width: number): boolean {
	for (let i = width; i < fields.length; i++) if (fields[i]!.trim() !== '') return true;
	return false;
}

/**
 * Rejects a malformed record, or a row with more non-empty fields than the header has columns;
 * null when fine. A row made by a profile is checked on its source record and the source header.
 */
export function checkRecord(ctx: RowContext, row: ParsedRow): RowIssue | null {
	if (row.error !== undefined) return rowIssue(ctx, row, null, 'onleesbare_regel', row.error);
	const mapped = isMapped(row);
	const fields = mapped ? row.source : row.fields;
	const width = mapped ? row.sourceWidth : ctx.names.length;
	if (!tooWide(fields, width)) return null;
	return rowIssue(
		ctx,
		row,
		null,
		'onvolledige_regel',
		`de regel heeft ${fields.length} ${fields.length === 1 ? 'veld' : 'velden'}, de kopregel ${width}; staat er een scheidingsteken in een waarde zonder aanhalingstekens?`
	);
}
