/** The selection in the URL: parse and write query parameters, with the defaults of metrics.md. */
import type { DataExtent } from '../metrics/evaluate';
import { defaultPeriod } from '../metrics/periods';
import { applyDefaults } from '../metrics/evaluate';
import type { Selection } from '../metrics/types';
import { isIsoDate } from '../report/dates';

/** A list parameter: absent is the default (undefined); present but empty (`corporatie=`) is the empty set. */
const list = (params: URLSearchParams, name: string) =>
	params.has(name) ? params.getAll(name).filter((v) => v.trim() !== '') : undefined;

/** Reads the selection from the query string; missing or invalid parts take their defaults. */
export function selectionFromParams(params: URLSearchParams, extent: DataExtent): Selection {
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
			// An empty wijk list is no filter, as in the form (no wijk checked: all wijken).
			wijken: list(params, 'wijk')?.length ? list(params, 'wijk') : undefined,
			...(peildatum && isIsoDate(peildatum) ? { peildatum } : {})
		},
		extent
	);
}

/** Writes a selection as query parameters; parts equal to their default are left out, the period never. */
export function selectionToParams(selection: Selection, extent: DataExtent): URLSearchParams {
	const defaults = selectionFromParams(new URLSearchParams(), extent);
	const params = new URLSearchParams({ van: selection.van, tot: selection.tot });
	const same = (a: string[] | null, b: string[] | null) => JSON.stringify(a) === JSON.stringify(b);
	if (!same(selection.corporaties, defaults.corporaties)) {
		for (const c of selection.corporaties) params.append('corporatie', c);
		if (selection.corporaties.length === 0) params.append('corporatie', '');
	}
	if (!same(selection.doelgroepen, defaults.doelgroepen)) {
		for (const d of selection.doelgroepen) params.append('doelgroep', d);
		if (selection.doelgroepen.length === 0) params.append('doelgroep', '');
	}
	if (selection.wijken) for (const w of selection.wijken) params.append('wijk', w);
	if (selection.peildatum && selection.peildatum !== defaults.peildatum) {
		params.set('peildatum', selection.peildatum);
	}
	return params;
}
