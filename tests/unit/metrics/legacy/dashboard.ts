/** FROZEN COPY (before issue 20, commit 37c3dc8): the oracle of the parity test; do not change. */
import type { Database } from '../../../../src/lib/db/database';
import { evaluate, PERIOD_ONLY } from './evaluate';
import { dataRange, previousPeriod } from '../../../../src/lib/metrics/periods';
import type { Breakdown, DataExtent, Metrics, Selection } from '../../../../src/lib/metrics/types';

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

/** The figures that depend on the period: a handful of grouped queries, nothing per figure. */
export async function computeSelection(
	db: Database,
	selection: Selection
): Promise<SelectionFigures> {
	const before = previousPeriod(selection);
	const current = await evaluate(db, selection, 'corporatie');
	const perGroup = await evaluate(db, selection, 'doelgroep', PERIOD_ONLY);
	const previous = (await evaluate(db, { ...selection, ...before }, null, PERIOD_ONLY)).totaal;
	return { selection, current, perGroup, previous, previousPeriod: before };
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
