/** Everything the dashboard shows for one selection, computed with the shared metric definitions. */
import type { Database } from '../db/database';
import { addLeadTimes, evaluate, evaluateSelection, PERIOD_ONLY } from './evaluate';
import { dataRange, previousPeriod } from './periods';
import type { Breakdown, DataExtent, Metrics, Selection } from './types';

export interface SelectionFigures {
	selection: Selection;
	/** Per corporation plus total: every figure. */
	current: Breakdown;
	/** Per doelgroep plus total: the period figures. */
	perGroup: Breakdown;
	/** The period figures with the same filters over the previous period of the same length. */
	previous: Metrics;
	previousPeriod: { van: string; tot: string };
}

export interface DashboardFigures extends SelectionFigures {
	/** The period figures per half-year over all data, with the selection's filters. */
	trend: Breakdown;
}

/**
 * The figures of the first screen: everything but the lead times (left at their empty values),
 * from one scan of `telling` and the funnel. Needs only the first derivations (FIRST_DERIVE_SQL).
 */
export async function computeFirst(db: Database, selection: Selection): Promise<SelectionFigures> {
	const before = previousPeriod(selection);
	const { current, perGroup, previous } = await evaluateSelection(db, selection, before);
	return { selection, current, perGroup, previous, previousPeriod: before };
}

/** The same figures with the lead times filled in (a copy: `first` is left as it is). */
export async function withLeadTimes(
	db: Database,
	first: SelectionFigures
): Promise<SelectionFigures> {
	const current = structuredClone(first.current);
	await addLeadTimes(db, first.selection, 'corporatie', current);
	return { ...first, current };
}

/** The figures that depend on the period: a handful of grouped queries, nothing per figure. */
export async function computeSelection(
	db: Database,
	selection: Selection
): Promise<SelectionFigures> {
	return withLeadTimes(db, await computeFirst(db, selection));
}

/** The half-year trend: independent of the period, so one per set of filters. */
export async function computeTrend(
	db: Database,
	selection: Selection,
	extent: DataExtent
): Promise<Breakdown> {
	const range = dataRange(extent) ?? { van: selection.van, tot: selection.tot };
	return evaluate(db, { ...selection, ...range }, 'halfjaar', PERIOD_ONLY);
}

/** Computes the dashboard's figures for a selection. */
export async function computeDashboard(
	db: Database,
	selection: Selection,
	extent: DataExtent
): Promise<DashboardFigures> {
	return {
		...(await computeSelection(db, selection)),
		trend: await computeTrend(db, selection, extent)
	};
}
