/** Runs the selection queries and assembles the figures; the only place results become Metrics. */
import { PRIORITY_GROUPS, normalizeCode, normalizeCorporation } from '../domain/codes';
import type { Database, Row } from '../db/database';
import { DOCUMENT_FIGURES, LEAD_TIME_FIELDS } from './catalog';
import { halfYearsBetween } from './periods';
import { funnelQuery, leadTimeQuery, periodQuery } from './queries';
import {
	type Breakdown,
	type Dimension,
	type Metrics,
	type Selection,
	type SelectionInput
} from './types';

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

/** The latest event date and the corporations, doelgroepen and wijken in the loaded data. */
export async function dataExtent(db: Database): Promise<{
	eersteDatum: string | null;
	laatsteDatum: string | null;
	corporaties: string[];
	doelgroepen: string[];
	wijken: string[];
}> {
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

/** The loaded data's date range and attribute values. */
export type DataExtent = Awaited<ReturnType<typeof dataExtent>>;

/**
 * A wijk as the data spells it: `zuid west` finds `Zuid-West` (compared as codes are: trimmed,
 * case-insensitive, spaces and hyphens alike); a wijk the data does not have stays as given.
 */
function matchingWijken(wijk: string, known: readonly string[]): string[] {
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
		peildatum: input.peildatum !== undefined ? input.peildatum : extent.laatsteDatum
	};
}

/** Fills in the defaults of metrics.md from the loaded data. */
export async function resolveSelection(db: Database, input: SelectionInput): Promise<Selection> {
	return applyDefaults(input, await dataExtent(db));
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
