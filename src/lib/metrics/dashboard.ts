/** Everything the dashboard shows for one selection, computed with the shared metric definitions. */
import type { Database } from '../db/database';
import { evaluate, type DataExtent } from './evaluate';
import type { Breakdown, Metrics, Selection } from './types';
import { dataRange, previousPeriod } from './periods';

export interface DashboardFigures {
	selection: Selection;
	/** Per corporation plus total. */
	current: Breakdown;
	/** Per doelgroep plus total. */
	perGroup: Breakdown;
	/** The same filters over the previous period of the same length. */
	previous: Metrics;
	previousPeriod: { van: string; tot: string };
	/** Per half-year over all data, with the selection's filters. */
	trend: Breakdown;
}

/** Computes the dashboard's figures for a selection (a few grouped queries, nothing per figure). */
export async function computeDashboard(
	db: Database,
	selection: Selection,
	extent: DataExtent
): Promise<DashboardFigures> {
	const before = previousPeriod(selection);
	const range = dataRange(extent) ?? { van: selection.van, tot: selection.tot };
	const current = await evaluate(db, selection, 'corporatie');
	const perGroup = await evaluate(db, selection, 'doelgroep');
	const previous = (await evaluate(db, { ...selection, ...before }, null)).totaal;
	const trend = await evaluate(db, { ...selection, ...range }, 'halfjaar');
	return { selection, current, perGroup, previous, previousPeriod: before, trend };
}
