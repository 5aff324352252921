/** FROZEN COPY (before issue 20, commit 37c3dc8): the oracle of the parity test; do not change. */
import type { Database, Row } from '../../../../src/lib/db/database';
import { DOCUMENT_FIGURES, LEAD_TIME_FIELDS } from '../../../../src/lib/metrics/catalog';
import { halfYearsBetween } from '../../../../src/lib/metrics/periods';
import { funnelQuery, leadTimeQuery, periodQuery } from './queries';
import {
	type Breakdown,
	type Dimension,
	type Metrics,
	type Selection
} from '../../../../src/lib/metrics/types';

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

/** Computes the Artikel 4 figures for the selection: the total and one set per group of the dimension. */
export async function evaluate(
	db: Database,
	selection: Selection,
	dimension: Dimension | null = 'corporatie',
	parts: Parts = ALL_PARTS
): Promise<Breakdown> {
	const result: Breakdown = { totaal: emptyMetrics(), groepen: {} };
	for (const key of expectedGroups(selection, dimension)) result.groepen[key] = emptyMetrics();
	const target = (row: Row): Metrics | null => {
		if (row.totaal) return result.totaal;
		if (dimension === null || row.groep === null) return null;
		const key = String(row.groep);
		return (result.groepen[key] ??= emptyMetrics());
	};

	const run = (q: { sql: string; params: unknown[] }) => db.query(q.sql, q.params as never);
	const period = parts.period ? await run(periodQuery(selection, dimension)) : [];
	const funnel = parts.funnel ? await run(funnelQuery(selection, dimension)) : [];
	const leadTimes = parts.leadTimes ? await run(leadTimeQuery(selection, dimension)) : [];

	for (const row of [...period, ...funnel]) {
		const metrics = target(row);
		if (!metrics) continue;
		for (const [key, value] of Object.entries(row)) {
			if (key === 'totaal' || key === 'groep') continue;
			setPath(metrics, key, value);
		}
	}
	for (const row of leadTimes) {
		const metrics = target(row);
		if (!metrics) continue;
		const figures = metrics.doorlooptijden[row.doorlooptijd as keyof Metrics['doorlooptijden']];
		if (!figures) continue;
		for (const { field } of LEAD_TIME_FIELDS) {
			(figures as Record<string, unknown>)[field] = row[field];
		}
	}
	return result;
}
