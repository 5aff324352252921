/**
 * The one protected table of a publication: every count that a publication output shows (the
 * current figures in total and per corporation, the previous period, the half-year trend), the
 * relations a reader knows between them, and the result of primary and secondary suppression.
 * Every publication output takes its counts from `publishedFigures`.
 */
import { flattenMetrics } from '../metrics/document';
import { emptyMetrics } from '../metrics/evaluate';
import { COOPERATION, FIGURES } from '../metrics/catalog';
import { halfYearsBetween } from '../metrics/periods';
import type { Breakdown, Metrics, Selection } from '../metrics/types';
import { REASONS, FUNNEL_STAGES } from '../domain/codes';
import { LEAD_TIME_IDS } from '../domain/lead-times';
import type { Relation } from './intervals';
import { disclosure, suppress, type CellState, type CellTable, type Protection } from './protect';

export type { Protection } from './protect';
import {
	COUNT_THRESHOLD,
	figureKind,
	HIDDEN_PRIMARY,
	HIDDEN_SECONDARY,
	MIN_DENOMINATOR,
	type Mode
} from './publication';
import type { Blocks } from '../metrics/blocks';
import { boundBlocks, publishBlocks } from './blocks';

/** The figures a publication is made of. */
export interface PublicationInput extends Blocks {
	selection: Pick<Selection, 'van' | 'tot'>;
	current: Breakdown;
	previous: Metrics | null;
	previousPeriod: { van: string; tot: string } | null;
	/** The half-year trend (period figures), when the publication shows it. */
	trend?: Breakdown | null;
}

import { TOTAL, PREVIOUS, corporationColumn, halfYearColumn, cellId } from './columns';

export { TOTAL, PREVIOUS, corporationColumn, halfYearColumn, cellId };

/** The count figures of a full Metrics (everything but shares and lead-time quantiles). */
export const COUNT_PATHS: readonly string[] = flattenMetrics(emptyMetrics())
	.map(([id]) => id)
	.filter((id) => figureKind(id) === 'count');

/** The count figures of the period queries (the previous period and the trend have only these). */
export const PERIOD_PATHS: readonly string[] = FIGURES.filter(
	(f) => f.kind === 'count' && f.counted.table === 'telling'
).map((f) => f.id);

/** The grand totals the letter leads with: hidden by the secondary rule only as a last resort. */
const LEAD_PATHS = [
	'signalen',
	'meldingen_sdv',
	'meldingen_swt',
	'deurwaarder',
	'vonnissen',
	'aanzeggingen',
	'ontruimingen'
];

/** The relations that hold within one column over the given paths (metrics.md). */
export function columnRelations(column: string, paths: ReadonlySet<string>): Relation[] {
	const id = (path: string) => cellId(column, path);
	const out: Relation[] = [];
	const add = (kind: Relation['kind'], whole: string, parts: string[]) => {
		if (paths.has(whole) && parts.every((p) => paths.has(p))) {
			out.push({ kind, whole: id(whole), parts: parts.map(id) });
		}
	};
	for (const figure of ['aanzeggingen', 'vonnissen']) {
		add(
			'sum',
			figure,
			['voorkomen', 'ontruimd', 'lopend'].map((s) => `${figure}_${s}`)
		);
	}
	add(
		'sum',
		'ontruimingen',
		REASONS.map((r) => `ontruimingen_per_reden.${r}`)
	);
	for (const rule of COOPERATION) {
		const whole = FIGURES.find(
			(f) =>
				f.kind === 'count' &&
				f.counted.table === 'telling' &&
				f.counted.event === rule.event &&
				!f.id.startsWith('samenwerking.') &&
				!('status' in f.counted || 'reden' in f.counted || 'rule' in f.counted)
		);
		if (whole) add('sum', whole.id, [`samenwerking.${rule.id}.noemer`]);
		add('atMost', `samenwerking.${rule.id}.noemer`, [`samenwerking.${rule.id}.teller`]);
	}
	for (const stage of FUNNEL_STAGES.filter((s) => s !== 'achterstand_1m')) {
		add('atMost', 'trechter.achterstand_1m', [`trechter.${stage}`]);
	}
	add('atMost', 'trechter.achterstand_1m', [
		'trechter.deurwaarder',
		'trechter.afgesloten_zonder_deurwaarder'
	]);
	for (const lt of LEAD_TIME_IDS) {
		const p = (f: string) => `doorlooptijden.${lt}.${f}`;
		add('atMost', p('met_norm'), [p('binnen_norm')]);
		add('atMost', p('n'), [p('met_norm')]);
		add('atMost', p('open'), [p('open_boven_norm')]);
	}
	return out;
}

/** The half-years whose union is exactly [van, tot), or null when the period is not such a union. */
function wholeHalfYears(period: { van: string; tot: string }, keys: readonly string[]) {
	const boundary = (d: string) => d.endsWith('-01-01') || d.endsWith('-07-01');
	if (!boundary(period.van) || !boundary(period.tot)) return null;
	const inside = halfYearsBetween(period.van, period.tot);
	return inside.every((k) => keys.includes(k)) ? inside : null;
}

/** The protected table's cells and relations for a publication's figures. */
export function publicationTable(input: PublicationInput): CellTable {
	const values = new Map<string, number>();
	const relations: Relation[] = [];
	const addColumn = (column: string, metrics: Metrics, paths: readonly string[]) => {
		const flat = new Map(flattenMetrics(metrics));
		for (const path of paths) values.set(cellId(column, path), Number(flat.get(path) ?? 0));
		relations.push(...columnRelations(column, new Set(paths)));
	};
	const sumOver = (whole: string, parts: string[], paths: readonly string[]) => {
		for (const path of paths) {
			relations.push({
				kind: 'sum',
				whole: cellId(whole, path),
				parts: parts.map((p) => cellId(p, path))
			});
		}
	};
	addColumn(TOTAL, input.current.totaal, COUNT_PATHS);
	const corporations = Object.keys(input.current.groepen);
	for (const c of corporations) {
		addColumn(corporationColumn(c), input.current.groepen[c] as Metrics, COUNT_PATHS);
	}
	if (corporations.length > 0) sumOver(TOTAL, corporations.map(corporationColumn), COUNT_PATHS);
	if (input.previous) addColumn(PREVIOUS, input.previous, PERIOD_PATHS);
	if (input.trend) {
		const keys = Object.keys(input.trend.groepen);
		for (const k of keys) {
			addColumn(halfYearColumn(k), input.trend.groepen[k] as Metrics, PERIOD_PATHS);
		}
		const linked: [string, { van: string; tot: string } | null][] = [
			[TOTAL, input.selection],
			[PREVIOUS, input.previous ? input.previousPeriod : null]
		];
		for (const [column, period] of linked) {
			const halves = period && wholeHalfYears(period, keys);
			if (halves) sumOver(column, halves.map(halfYearColumn), PERIOD_PATHS);
		}
	}
	for (const block of boundBlocks(input)) {
		const cells = block.cells();
		for (const [id, v] of cells.values) values.set(id, v);
		relations.push(...cells.relations);
	}
	// Hand-made figures may break a relation that real data always keeps; such a relation tells a
	// reader nothing about the published values, so it is left out rather than made contradictory.
	const holds = (r: Relation) => {
		const whole = values.get(r.whole) ?? 0;
		const parts = r.parts.reduce((sum, p) => sum + (values.get(p) ?? 0), 0);
		return r.kind === 'sum' ? whole === parts : parts <= whole;
	};
	return { values, relations: relations.filter(holds) };
}

/**
 * Protects a publication's figures. In intern mode every cell is shown; in publication mode
 * counts 1 … threshold − 1 are hidden and then, as few and as small as possible, the cells that
 * would let a reader work them out.
 */
export function protectFigures(
	input: PublicationInput,
	mode: Mode,
	threshold = COUNT_THRESHOLD
): Protection {
	const table = publicationTable(input);
	if (mode === 'intern') {
		return { mode, threshold, states: new Map(), ranges: new Map(), primary: 0, secondary: 0 };
	}
	const lead = new Set(LEAD_PATHS.map((p) => cellId(TOTAL, p)));
	const states = suppress(table, { threshold, lead });
	const count = (s: CellState) => [...states.values()].filter((x) => x === s).length;
	return {
		mode,
		threshold,
		states,
		ranges: disclosure(table, states, threshold),
		primary: count('primary'),
		secondary: count('secondary')
	};
}

/** The state of a cell (shown when the protection does not know it). */
export function cellState(protection: Protection, column: string, path: string): CellState {
	return protection.states.get(cellId(column, path)) ?? 'shown';
}

/** Sets a dotted path in a metrics object. */
function setPath(target: Metrics, path: string, value: number | null): void {
	const parts = path.split('.');
	let node = target as unknown as Record<string, unknown>;
	for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
	node[parts[parts.length - 1] as string] = value;
}

/**
 * A deep copy of plain data. Not structuredClone: the page hands in Svelte state proxies, which
 * structuredClone refuses (DataCloneError).
 */
function plainCopy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(plainCopy) as T;
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, inner]) => [key, plainCopy(inner)])
		) as T;
	}
	return value;
}

/**
 * The metrics of one column as published: every hidden count replaced by HIDDEN_PRIMARY (`< 5`)
 * or HIDDEN_SECONDARY (`x`); the share prevented NaN (not shown) unless voorkomen and ontruimd are
 * shown and add up to at least 10. Lead-time quantiles stay; every display leaves them out where n is
 * hidden.
 */
export function publishedMetrics(
	metrics: Metrics,
	column: string,
	protection: Protection
): Metrics {
	if (protection.mode === 'intern') return metrics;
	const out = plainCopy(metrics);
	for (const path of COUNT_PATHS) {
		const state = protection.states.get(cellId(column, path));
		if (state === 'primary') setPath(out, path, HIDDEN_PRIMARY);
		if (state === 'secondary') setPath(out, path, HIDDEN_SECONDARY);
	}
	const v = out.aanzeggingen_voorkomen;
	const o = out.aanzeggingen_ontruimd;
	if (v < 0 || o < 0 || (v + o > 0 && v + o < MIN_DENOMINATOR)) out.aandeel_voorkomen = NaN;
	return out;
}

/** Metrics that are not published: every count hidden (the trend's total over all half-years). */
function unpublished(metrics: Metrics): Metrics {
	const out = plainCopy(metrics);
	for (const path of COUNT_PATHS) setPath(out, path, HIDDEN_SECONDARY);
	out.aandeel_voorkomen = NaN;
	return out;
}

/** A breakdown as published, column by column (`total` null: its total is not published). */
export function publishedBreakdown(
	breakdown: Breakdown,
	protection: Protection,
	column: (key: string) => string,
	total: string | null = TOTAL
): Breakdown {
	return {
		totaal:
			total === null
				? unpublished(breakdown.totaal)
				: publishedMetrics(breakdown.totaal, total, protection),
		groepen: Object.fromEntries(
			Object.entries(breakdown.groepen).map(([k, m]) => [
				k,
				publishedMetrics(m, column(k), protection)
			])
		)
	};
}

/** A figure set as published: the same shape, hidden counts replaced by their markers. */
export function publishedFigures<
	T extends {
		current: Breakdown;
		previous: Metrics;
		trend?: Breakdown;
	}
>(figures: T, protection: Protection): T {
	if (protection.mode === 'intern') return figures;
	return {
		...figures,
		current: publishedBreakdown(figures.current, protection, corporationColumn),
		previous: publishedMetrics(figures.previous, PREVIOUS, protection),
		...(figures.trend
			? { trend: publishedBreakdown(figures.trend, protection, halfYearColumn, null) }
			: {})
	};
}

/** The blocks beside Artikel 4 as published: every hidden count replaced by its marker. */
export function publishedBlocks(blocks: Blocks, protection: Protection): Blocks {
	return publishBlocks(
		blocks,
		(column, path) => cellState(protection, column, path),
		protection.mode
	);
}
