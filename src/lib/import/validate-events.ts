/** Step 6b: the row rules for events (gebeurtenissen files and the event columns of combined files). */
import {
	isEventCode,
	isOutcome,
	isStatedReason,
	normalizeCode,
	type EventCode,
	type Outcome,
	type Reason
} from '../domain/codes';
import type { DossierRow, EventRow, IssueCode, RowIssue } from './types';
import type { HeaderInfo } from './header';
import type { ParsedRow } from './parse';
import { parseDate } from './dates';
import { cell, checkRecord, rowIssue, type RowContext } from './row-issues';
import { checkDossierId, createDossierAttributesValidator, dossierOf } from './validate-dossiers';

export const EARLIEST_DATE = '2000-01-01';

export type EventOutcome =
	| {
			ok: true;
			event: EventRow;
			/** `reden_onbekend` / `uitkomst_onbekend` when the reason or outcome was filled in for the user. */
			warning: IssueCode | null;
			/** Combined files: the dossier this row describes, and its comparison key. */
			dossier: DossierRow | null;
			dossierKey: string;
	  }
	| { ok: false; issue: RowIssue };

/** Makes the validator of one events or combined file's rows; `today` (ISO) bounds the dates. */
export function createEventValidator(
	ctx: RowContext,
	info: HeaderInfo,
	today: string
): (row: ParsedRow) => EventOutcome {
	const c = info.columns;
	const iId = c.dossier_id!;
	const iDate = c.datum!;
	const iCode = c.gebeurtenis!;
	const dossierAttributes =
		info.role === 'gecombineerd' ? createDossierAttributesValidator(ctx, info) : null;
	const dates = new Map<string, string | null>();
	const codes = new Map<string, EventCode | null>();
	const reasons = new Map<string, Reason | null>();
	const outcomes = new Map<string, Outcome | null>();
	return (row) => {
		const wide = checkRecord(ctx, row);
		if (wide) return fail(wide);
		const f = row.fields;
		const id = checkDossierId(ctx, row, iId);
		if (typeof id !== 'string') return fail(id);

		const dateRaw = cell(f, iDate);
		if (dateRaw === '')
			return fail(rowIssue(ctx, row, iDate, 'waarde_ontbreekt', 'waarde ontbreekt'));
		let datum = dates.get(dateRaw);
		if (datum === undefined) {
			datum = parseDate(dateRaw);
			dates.set(dateRaw, datum);
		}
		if (datum === null) {
			return fail(
				rowIssue(ctx, row, iDate, 'ongeldige_datum', `‘${dateRaw}’ is geen geldige datum`)
			);
		}
		if (datum < EARLIEST_DATE) {
			return fail(
				rowIssue(ctx, row, iDate, 'datum_voor_2000', `‘${dateRaw}’ ligt vóór 1 januari 2000`)
			);
		}
		if (datum > today) {
			return fail(
				rowIssue(
					ctx,
					row,
					iDate,
					'datum_in_toekomst',
					`‘${dateRaw}’ ligt na de importdatum ${today}`
				)
			);
		}

		const codeRaw = cell(f, iCode);
		if (codeRaw === '')
			return fail(rowIssue(ctx, row, iCode, 'waarde_ontbreekt', 'waarde ontbreekt'));
		let gebeurtenis = codes.get(codeRaw);
		if (gebeurtenis === undefined) {
			const n = normalizeCode(codeRaw);
			gebeurtenis = isEventCode(n) ? n : null;
			codes.set(codeRaw, gebeurtenis);
		}
		if (gebeurtenis === null) {
			return fail(
				rowIssue(
					ctx,
					row,
					iCode,
					'onbekende_gebeurtenis',
					`‘${codeRaw}’ is geen bekende gebeurtenis`
				)
			);
		}

		let dossier: DossierRow | null = null;
		let dossierKey = '';
		if (dossierAttributes !== null) {
			const a = dossierAttributes(row);
			if (!a.ok) return a;
			dossier = dossierOf(id, a);
			dossierKey = a.key;
		}

		let reden: Reason | null = null;
		let uitkomst: Outcome | null = null;
		let warning: IssueCode | null = null;
		if (gebeurtenis === 'ontruiming') {
			const raw = cell(f, c.reden);
			let r = reasons.get(raw);
			if (r === undefined) {
				const n = normalizeCode(raw);
				r = isStatedReason(n) ? n : null;
				reasons.set(raw, r);
			}
			if (r === null) warning = 'reden_onbekend';
			reden = r ?? 'onbekend';
		} else if (gebeurtenis === 'afgesloten') {
			const raw = cell(f, c.uitkomst);
			let o = outcomes.get(raw);
			if (o === undefined) {
				const n = normalizeCode(raw);
				o = isOutcome(n) ? n : null;
				outcomes.set(raw, o);
			}
			if (o === null) warning = 'uitkomst_onbekend';
			uitkomst = o ?? 'overig';
		}
		return {
			ok: true,
			event: { dossier_id: id, datum, gebeurtenis, reden, uitkomst },
			warning,
			dossier,
			dossierKey
		};
	};
}

/** The Dutch warning for a reason or outcome that was filled in (`reden_onbekend` / `uitkomst_onbekend`). */
export function fillInWarning(
	ctx: RowContext,
	info: HeaderInfo,
	row: ParsedRow,
	code: 'reden_onbekend' | 'uitkomst_onbekend'
): RowIssue {
	const isReason = code === 'reden_onbekend';
	const index = isReason ? info.columns.reden : info.columns.uitkomst;
	const raw = cell(row.fields, index);
	const column = isReason ? 'reden' : 'uitkomst';
	const filled = isReason ? 'onbekend' : 'overig';
	const what = isReason ? 'ontruiming' : 'afsluiting';
	const problem =
		index === undefined
			? `de kolom ${column} ontbreekt in het bestand`
			: raw === ''
				? `${column} ontbreekt`
				: `‘${raw}’ is geen bekende ${column}`;
	return rowIssue(
		ctx,
		row,
		index ?? null,
		code,
		`${problem}; de ${what} telt mee met ${column} ‘${filled}’`
	);
}

function fail(issue: RowIssue): { ok: false; issue: RowIssue } {
	return { ok: false, issue };
}
