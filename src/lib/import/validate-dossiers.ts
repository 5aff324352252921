/** Step 6a: the row rules for dossier attributes (dossiers files and the dossier columns of combined files). */
import {
	isTargetGroup,
	normalizeCode,
	normalizeCorporation,
	type TargetGroup
} from '../domain/codes';
import type { DossierRow, RowIssue } from './types';
import type { HeaderInfo } from './header';
import type { ParsedRow } from './parse';
import { cell, checkRecord, isValidDossierId, rowIssue, type RowContext } from './row-issues';

export type DossierOutcome =
	{ ok: true; dossier: DossierRow; key: string } | { ok: false; issue: RowIssue };

/** Dossier attributes checked on a row; `key` compares them after normalization. */
export type DossierAttributesOutcome =
	| { ok: true; corporatie: string; doelgroep: TargetGroup; wijk: string | null; key: string }
	| { ok: false; issue: RowIssue };

/** Comparison key for a wijk label: lower case, accents removed, spaces and hyphens as `_`. */
export function wijkKey(wijk: string | null): string {
	return wijk === null ? '' : normalizeCorporation(wijk);
}

/** Makes the checker of the dossier attribute columns (corporatie, doelgroep, wijk) of one file. */
export function createDossierAttributesValidator(
	ctx: RowContext,
	info: HeaderInfo
): (row: ParsedRow) => DossierAttributesOutcome {
	const { corporatie: iCorp, doelgroep: iGroup, wijk: iWijk } = info.columns;
	const corporations = new Map<string, string>();
	const groups = new Map<string, TargetGroup | null>();
	return (row) => {
		const f = row.fields;
		const corpRaw = cell(f, iCorp);
		if (corpRaw === '')
			return fail(rowIssue(ctx, row, iCorp!, 'waarde_ontbreekt', 'waarde ontbreekt'));
		let corporatie = corporations.get(corpRaw);
		if (corporatie === undefined) {
			corporatie = normalizeCorporation(corpRaw);
			corporations.set(corpRaw, corporatie);
		}
		const groupRaw = cell(f, iGroup);
		if (groupRaw === '')
			return fail(rowIssue(ctx, row, iGroup!, 'waarde_ontbreekt', 'waarde ontbreekt'));
		let doelgroep = groups.get(groupRaw);
		if (doelgroep === undefined) {
			const g = normalizeCode(groupRaw);
			doelgroep = isTargetGroup(g) ? g : null;
			groups.set(groupRaw, doelgroep);
		}
		if (doelgroep === null) {
			return fail(
				rowIssue(
					ctx,
					row,
					iGroup!,
					'onbekende_doelgroep',
					`‘${groupRaw}’ is geen bekende doelgroep (gezin_met_kinderen, senior, oggz, overig)`
				)
			);
		}
		const wijkRaw = cell(f, iWijk);
		const wijk = wijkRaw === '' ? null : wijkRaw;
		return {
			ok: true,
			corporatie,
			doelgroep,
			wijk,
			key: `${corporatie}\u0000${doelgroep}\u0000${wijkKey(wijk)}`
		};
	};
}

/** Makes the validator of one dossiers file's rows: trimmed values, valid id, known doelgroep. */
export function createDossierValidator(
	ctx: RowContext,
	info: HeaderInfo
): (row: ParsedRow) => DossierOutcome {
	const iId = info.columns.dossier_id!;
	const attributes = createDossierAttributesValidator(ctx, info);
	return (row) => {
		const wide = checkRecord(ctx, row);
		if (wide) return fail(wide);
		const id = checkDossierId(ctx, row, iId);
		if (typeof id !== 'string') return fail(id);
		const a = attributes(row);
		if (!a.ok) return a;
		return {
			ok: true,
			dossier: { dossier_id: id, corporatie: a.corporatie, doelgroep: a.doelgroep, wijk: a.wijk },
			key: a.key
		};
	};
}

/** The row's trimmed `dossier_id`, or the issue when it is missing or invalid. */
export function checkDossierId(ctx: RowContext, row: ParsedRow, index: number): string | RowIssue {
	const id = cell(row.fields, index);
	if (id === '') return rowIssue(ctx, row, index, 'waarde_ontbreekt', 'waarde ontbreekt');
	if (!isValidDossierId(id)) {
		return rowIssue(
			ctx,
			row,
			index,
			'ongeldig_dossier_id',
			`‘${id}’ is geen geldig dossier_id (1 tot 64 tekens: letters, cijfers, _ - .)`
		);
	}
	return id;
}

function fail(issue: RowIssue): { ok: false; issue: RowIssue } {
	return { ok: false, issue };
}
