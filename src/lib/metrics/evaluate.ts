/** Runs the selection queries and assembles the figures; the only place results become Metrics. */
import type { Database, Row } from '../db/database';
import {
	DOCUMENT_FIGURES,
	LEAD_TIME_FIELDS,
	ruleColumn,
	type Counted,
	type Figure,
	type ShareFigure
} from './catalog';
import { halfYearsBetween } from './periods';
import {
	funnelQuery,
	leadTimeQuery,
	periodRowsQuery,
	selectionRowsQuery,
	type BoundQuery
} from './queries';
import { type Breakdown, type Dimension, type Metrics, type Selection } from './types';

/** Metrics with every count 0 and every unknown null: the figures of an empty selection. */
export function emptyMetrics(): Metrics {
	const metrics = {};
	for (const f of DOCUMENT_FIGURES) setPath(metrics, f.id, f.kind === 'count' ? 0 : null);
	return metrics as Metrics;
}

/** Sets a dotted path (`samenwerking.x.teller`) in a metrics object, creating the objects on the way. */
function setPath(target: object, path: string, value: unknown): void {
	const parts = path.split('.');
	let node = target as Record<string, unknown>;
	for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
	node[parts[parts.length - 1] as string] = value;
}

/** The group keys a breakdown always has, also where the data has none (all zero then). */
function expectedGroups(selection: Selection, dimension: Dimension | null): string[] {
	switch (dimension) {
		case 'corporatie':
			return selection.corporaties;
		case 'doelgroep':
			return selection.doelgroepen;
		case 'wijk':
			return selection.wijken ?? [];
		case 'halfjaar':
			return halfYearsBetween(selection.van, selection.tot);
		case null:
			return [];
	}
}

/** Which of the three selection queries to run; left-out parts stay at their empty values. */
export interface Parts {
	/** b, c, d and a: the figures counted over the events in the period. */
	period: boolean;
	/** The funnel of the cohort. */
	funnel: boolean;
	/** e: the lead times. */
	leadTimes: boolean;
}
export const ALL_PARTS: Parts = { period: true, funnel: true, leadTimes: true };
export const PERIOD_ONLY: Parts = { period: true, funnel: false, leadTimes: false };

type TellingFigure = Figure & { counted: Counted & { table: 'telling' } };

/** The period figures (counted over `telling`), each with the test of a grouped row it sums. */
const PERIOD_COUNTS = DOCUMENT_FIGURES.filter(
	(f): f is TellingFigure => 'counted' in f && f.counted.table === 'telling'
).map((f) => {
	const { event, status, reden, rule } = f.counted;
	const column = rule ? ruleColumn(rule) : null;
	return {
		id: f.id,
		matches: (row: Row) =>
			row.gebeurtenis === event &&
			(!status || row.kenmerk === status) &&
			(!reden || row.reden === reden) &&
			(column === null || row[column] === true)
	};
});

/** The shares of the JSON document (teller / sum of noemer; null when that sum is 0). */
const PERIOD_SHARES = DOCUMENT_FIGURES.filter((f): f is ShareFigure => f.kind === 'share');

/**
 * Sums the period figures from grouped rows of `telling` (a count `n` per kind of event) into
 * the metrics each row belongs to; a metrics object that gets no row keeps its empty values.
 */
class PeriodTally {
	readonly #sums = new Map<Metrics, Map<string, number>>();

	/** Adds a grouped row to each of these metrics. */
	add(row: Row, targets: readonly (Metrics | null)[]): void {
		const n = row.n as number;
		for (const metrics of targets) {
			if (!metrics) continue;
			let sums = this.#sums.get(metrics);
			if (!sums) this.#sums.set(metrics, (sums = new Map()));
			for (const figure of PERIOD_COUNTS) {
				if (figure.matches(row)) sums.set(figure.id, (sums.get(figure.id) ?? 0) + n);
			}
		}
	}

	/** Writes every period figure, counts and shares, into each metrics object that got a row. */
	write(): void {
		for (const [metrics, sums] of this.#sums) {
			for (const { id } of PERIOD_COUNTS) setPath(metrics, id, sums.get(id) ?? 0);
			for (const share of PERIOD_SHARES) {
				const noemer = share.noemer.reduce((total, id) => total + (sums.get(id) ?? 0), 0);
				setPath(metrics, share.id, noemer === 0 ? null : (sums.get(share.teller) ?? 0) / noemer);
			}
		}
	}
}

const run = (db: Database, q: BoundQuery) => db.query(q.sql, q.params);

/** A breakdown with the expected groups, all empty, and how to find a result row's metrics. */
function emptyBreakdown(selection: Selection, dimension: Dimension | null) {
	const result: Breakdown = { totaal: emptyMetrics(), groepen: {} };
	for (const key of expectedGroups(selection, dimension)) result.groepen[key] = emptyMetrics();
	const group = (key: unknown): Metrics | null => {
		if (dimension === null || key === null || key === undefined) return null;
		return (result.groepen[String(key)] ??= emptyMetrics());
	};
	return { result, group };
}

/** Sets the funnel's rows (a total and one per group) into the breakdown. */
function setFunnel(rows: Row[], target: (row: Row) => Metrics | null): void {
	for (const row of rows) {
		const metrics = target(row);
		if (!metrics) continue;
		for (const [key, value] of Object.entries(row)) {
			if (key === 'totaal' || key === 'groep') continue;
			setPath(metrics, key, value);
		}
	}
}

/** Sets the lead times' rows (per lead time, a total and one per group) into the breakdown. */
function setLeadTimes(rows: Row[], target: (row: Row) => Metrics | null): void {
	for (const row of rows) {
		const metrics = target(row);
		if (!metrics) continue;
		const figures = metrics.doorlooptijden[row.doorlooptijd as keyof Metrics['doorlooptijden']];
		if (!figures) continue;
		for (const { field } of LEAD_TIME_FIELDS) {
			(figures as Record<string, unknown>)[field] = row[field];
		}
	}
}

/** Computes the Artikel 4 figures for the selection: the total and one set per group of the dimension. */
export async function evaluate(
	db: Database,
	selection: Selection,
	dimension: Dimension | null = 'corporatie',
	parts: Parts = ALL_PARTS
): Promise<Breakdown> {
	const { result, group } = emptyBreakdown(selection, dimension);
	const target = (row: Row) => (row.totaal ? result.totaal : group(row.groep));
	if (parts.period) {
		const tally = new PeriodTally();
		for (const row of await run(db, periodRowsQuery(selection, dimension))) {
			tally.add(row, [result.totaal, group(row.groep)]);
		}
		tally.write();
	}
	if (parts.funnel) setFunnel(await run(db, funnelQuery(selection, dimension)), target);
	if (parts.leadTimes) await addLeadTimes(db, selection, dimension, result);
	return result;
}

/** Fills in the lead times (e.) of a breakdown computed without them. */
export async function addLeadTimes(
	db: Database,
	selection: Selection,
	dimension: Dimension | null,
	breakdown: Breakdown
): Promise<void> {
	const target = (row: Row): Metrics | null => {
		if (row.totaal) return breakdown.totaal;
		if (dimension === null || row.groep === null) return null;
		return (breakdown.groepen[String(row.groep)] ??= emptyMetrics());
	};
	setLeadTimes(await run(db, leadTimeQuery(selection, dimension)), target);
}

/** The period figures of the dashboard's three breakdowns, and the funnel per corporation. */
export interface SelectionBreakdowns {
	/** Per corporation plus total: the period figures and the funnel (lead times left empty). */
	current: Breakdown;
	/** Per doelgroep plus total: the period figures. */
	perGroup: Breakdown;
	/** The period figures of the previous period's total, with the same filters. */
	previous: Metrics;
}

/**
 * The selection's figures without the lead times, from one scan of `telling` (both periods,
 * per corporation and doelgroep, summed here) and the funnel query: what `evaluate` gives per
 * corporation without the lead times, per doelgroep and for the previous period with PERIOD_ONLY.
 */
export async function evaluateSelection(
	db: Database,
	selection: Selection,
	previousPeriod: { van: string; tot: string }
): Promise<SelectionBreakdowns> {
	const current = emptyBreakdown(selection, 'corporatie');
	const perGroup = emptyBreakdown(selection, 'doelgroep');
	const previous = emptyMetrics();
	const tally = new PeriodTally();
	for (const row of await run(db, selectionRowsQuery(selection, previousPeriod))) {
		if (row.huidig) {
			tally.add(row, [
				current.result.totaal,
				current.group(row.corporatie),
				perGroup.result.totaal,
				perGroup.group(row.doelgroep)
			]);
		} else {
			tally.add(row, [previous]);
		}
	}
	tally.write();
	setFunnel(await run(db, funnelQuery(selection, 'corporatie')), (row) =>
		row.totaal ? current.result.totaal : current.group(row.groep)
	);
	return { current: current.result, perGroup: perGroup.result, previous };
}
