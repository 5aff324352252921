/**
 * The selection of metrics.md, in one place for the page, the report routes and the command line:
 * the data's extent, the defaults, matching a wijk to the data's spelling, and the URL form (a
 * pure pair of functions: what one writes, the other reads back as the same selection).
 */
import type { Database } from '../db/database';
import { PRIORITY_GROUPS, normalizeCode, normalizeCorporation } from '../domain/codes';
import { isIsoDate } from '../domain/dates';
import { gemeentecode } from '../domain/gemeenten';
import { defaultPeriod } from './periods';
import type { DataExtent, Selection, SelectionInput } from './types';

/** The first and latest event date and the corporations, doelgroepen and wijken in the loaded data. */
export async function dataExtent(db: Database): Promise<DataExtent> {
	const [dates] = await db.query<{ eerste: string | null; laatste: string | null }>(
		'SELECT min(datum) AS eerste, max(datum) AS laatste FROM gebeurtenissen'
	);
	const values = async (column: 'corporatie' | 'doelgroep' | 'wijk') =>
		(
			await db.query<{ v: string }>(
				`SELECT DISTINCT ${column}::VARCHAR AS v FROM dossiers WHERE ${column} IS NOT NULL ORDER BY v`
			)
		).map((r) => r.v);
	return {
		eersteDatum: dates?.eerste ?? null,
		laatsteDatum: dates?.laatste ?? null,
		corporaties: await values('corporatie'),
		doelgroepen: await values('doelgroep'),
		wijken: await values('wijk')
	};
}

/**
 * A wijk as the data spells it: `zuid west` finds `Zuid-West` (compared as codes are: trimmed,
 * case-insensitive, spaces and hyphens alike); a wijk the data does not have stays as given.
 */
export function matchingWijken(wijk: string, known: readonly string[]): string[] {
	const code = normalizeCode(wijk);
	const matches = known.filter((k) => normalizeCode(k) === code);
	return matches.length > 0 ? matches : [wijk.trim()];
}

/** Fills in the defaults of metrics.md from the data's extent, normalizes labels and sorts the lists. */
export function applyDefaults(input: SelectionInput, extent: DataExtent): Selection {
	const sorted = (values: string[]) => [...new Set(values)].sort();
	return {
		van: input.van,
		tot: input.tot,
		corporaties: sorted(input.corporaties?.map(normalizeCorporation) ?? extent.corporaties),
		doelgroepen: sorted(input.doelgroepen?.map(normalizeCode) ?? [...PRIORITY_GROUPS]),
		wijken: input.wijken
			? sorted(input.wijken.flatMap((w) => matchingWijken(w, extent.wijken)))
			: null,
		peildatum: input.peildatum !== undefined ? input.peildatum : extent.laatsteDatum,
		...(input.gemeenten ? { gemeenten: gemeentenOf(input.gemeenten) } : {})
	};
}

/** Gemeentecodes as four digits (`392`, `GM0392` → `0392`), unique and sorted; others dropped. */
function gemeentenOf(codes: readonly string[]): string[] {
	return [...new Set(codes.map((c) => gemeentecode(c)).filter((c) => c !== null))].sort();
}

/** Fills in the defaults of metrics.md from the loaded data. */
export async function resolveSelection(db: Database, input: SelectionInput): Promise<Selection> {
	return applyDefaults(input, await dataExtent(db));
}

/** The default selection for the data: the latest complete half-year and every other default. */
export function defaultSelection(extent: DataExtent): Selection {
	return applyDefaults(defaultPeriod(extent), extent);
}

/**
 * A list in the query string: absent → undefined (the default); present, even only as an empty
 * value (`corporatie=`), → the non-empty values, so an emptied list comes back empty.
 */
function list(params: URLSearchParams, name: string): string[] | undefined {
	if (!params.has(name)) return undefined;
	return params.getAll(name).filter((v) => v.trim() !== '');
}

/** Reads the selection from the query string; a missing or invalid part takes its default. */
export function selectionFromQuery(params: URLSearchParams, extent: DataExtent): Selection {
	const period = defaultPeriod(extent);
	const van = params.get('van');
	const tot = params.get('tot');
	const validPeriod = van !== null && tot !== null && isIsoDate(van) && isIsoDate(tot) && van < tot;
	const peildatum = params.get('peildatum');
	return applyDefaults(
		{
			van: validPeriod ? van : period.van,
			tot: validPeriod ? tot : period.tot,
			corporaties: list(params, 'corporatie'),
			doelgroepen: list(params, 'doelgroep'),
			// An empty wijk list is no wijk filter (the form clears the filter that way).
			wijken: list(params, 'wijk')?.length ? list(params, 'wijk') : undefined,
			...(peildatum && isIsoDate(peildatum) ? { peildatum } : {}),
			gemeenten: list(params, 'gemeente')
		},
		extent
	);
}

/**
 * Writes a selection as query parameters: the period always, every other part only where it
 * differs from its default; an empty list as one empty value (`corporatie=`).
 */
export function selectionToQuery(selection: Selection, extent: DataExtent): URLSearchParams {
	const defaults = defaultSelection(extent);
	const params = new URLSearchParams({ van: selection.van, tot: selection.tot });
	const same = (a: readonly string[] | null, b: readonly string[] | null) =>
		JSON.stringify(a) === JSON.stringify(b);
	const put = (name: string, values: readonly string[]) => {
		for (const v of values) params.append(name, v);
		if (values.length === 0) params.append(name, '');
	};
	if (!same(selection.corporaties, defaults.corporaties)) put('corporatie', selection.corporaties);
	if (!same(selection.doelgroepen, defaults.doelgroepen)) put('doelgroep', selection.doelgroepen);
	if (selection.wijken) put('wijk', selection.wijken);
	if (selection.peildatum && selection.peildatum !== defaults.peildatum) {
		params.set('peildatum', selection.peildatum);
	}
	if (selection.gemeenten) put('gemeente', selection.gemeenten);
	return params;
}
