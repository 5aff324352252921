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
	| {
			ok: true;
			corporatie: string;
			doelgroep: TargetGroup;
			wijk: string | null;
			adres_sleutel: string | null;
			key: string;
	  }
	| { ok: false; issue: RowIssue };

const ADDRESS_KEY = /^[0-9a-f]{32}$/;

/** True for a valid `adres_sleutel`: exactly 32 lower-case hex characters. */
export function isAddressKey(value: string): boolean {
	return ADDRESS_KEY.test(value);
}

/**
 * What is wrong with a (trimmed, non-empty) `adres_sleutel`, in Dutch, or null when it is valid.
 * The value itself is not quoted: what stands in this column instead of a key is most likely an
 * address in some form (`2011RD12`, glued, passes the personal-data guard), and a message is shown
 * and downloaded; its length and kind of characters say what is wrong.
 */
export function addressKeyProblem(value: string): string | null {
	if (ADDRESS_KEY.test(value)) return null;
	const n = [...value].length;
	const what = 'geen geldige adres_sleutel';
	const rule = '32 tekens 0-9 en a-f, in kleine letters';
	if (/^[0-9a-fA-F]+$/.test(value)) {
		if (n !== 32) return `${what}: ${n} ${n === 1 ? 'teken' : 'tekens'} in plaats van 32 (${rule})`;
		return `${what}: hoofdletters (${rule}; de sleutel wordt niet omgezet)`;
	}
	return `${what}: tekens buiten 0-9 en a-f (${rule})`;
}

/** Comparison key for a wijk label: lower case, accents removed, spaces and hyphens as `_`. */
export function wijkKey(wijk: string | null): string {
	return wijk === null ? '' : normalizeCorporation(wijk);
}

/** Makes the checker of the dossier attribute columns (corporatie, doelgroep, wijk, adres_sleutel) of one file. */
export function createDossierAttributesValidator(
	ctx: RowContext,
	info: HeaderInfo
): (row: ParsedRow) => DossierAttributesOutcome {
	const {
		corporatie: iCorp,
		doelgroep: iGroup,
		wijk: iWijk,
		adres_sleutel: iAddress
	} = info.columns;
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
		const addressRaw = cell(f, iAddress);
		if (addressRaw !== '') {
			const problem = addressKeyProblem(addressRaw);
			if (problem !== null)
				return fail(rowIssue(ctx, row, iAddress!, 'ongeldige_adres_sleutel', problem));
		}
		const adres_sleutel = addressRaw === '' ? null : addressRaw;
		return {
			ok: true,
			corporatie,
			doelgroep,
			wijk,
			adres_sleutel,
			key: `${corporatie}\u0000${doelgroep}\u0000${wijkKey(wijk)}\u0000${adres_sleutel ?? ''}`
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
			dossier: dossierOf(id, a),
			key: a.key
		};
	};
}

/**
 * The dossier row of an id and its checked attributes; `adres_sleutel` only when it has one (absent
 * means none), so a dossier without a key is the row it always was.
 */
export function dossierOf(
	id: string,
	a: Extract<DossierAttributesOutcome, { ok: true }>
): DossierRow {
	const row: DossierRow = {
		dossier_id: id,
		corporatie: a.corporatie,
		doelgroep: a.doelgroep,
		wijk: a.wijk
	};
	if (a.adres_sleutel !== null) row.adres_sleutel = a.adres_sleutel;
	return row;
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
