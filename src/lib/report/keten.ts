/**
 * The chain figures (`keten`) in a publication: their cells and the relations a reader knows
 * between them (for the one protected table of protected-figures.ts), the figures as published,
 * and their figure table (`keten.<id>` per row; the total, then each corporation). These counts
 * are small by nature (the cohort is the vonnissen of one half-year), so most of them are hidden
 * in a publication of a single corporation; the total usually stays.
 */
import { KETEN_COUNTS, type KetenFigures, type KetenMetrics } from '../metrics/keten';
import type { Relation } from './intervals';
import {
	HIDDEN_PRIMARY,
	HIDDEN_SECONDARY,
	isHidden,
	isQuantileShown,
	type Mode
} from './publication';

/** The row ids of the chain figures in a figure table and in the protected table. */
export const KETEN_PREFIX = 'keten.';

/** The Dutch label of each chain figure (page, report, letter and exports). */
export const KETEN_LABELS: Record<(typeof KETEN_COUNTS)[number] | 'doorlooptijd', string> = {
	vonnissen: 'Dossiers met een vonnis (met adressleutel)',
	met_huursignaal: 'Met een huursignaal in het jaar ervoor',
	met_aanmelding_shv: 'Met een aanmelding bij de schuldhulp in het jaar ervoor',
	met_eerste_gesprek_shv: 'Met een eerste gesprek vóór het vonnis',
	voorkomen_met_shv: 'Ontruiming voorkomen, met aanmelding schuldhulp',
	voorkomen_zonder_shv: 'Ontruiming voorkomen, zonder aanmelding schuldhulp',
	doorlooptijd: 'Dagen van huursignaal tot aanmelding (mediaan)'
};

/**
 * The relations within one column: every count is part of the cohort; the first conversation and
 * the prevented evictions with debt help are parts of the dossiers with an aanmelding; those with an
 * aanmelding and those prevented without one together are at most the cohort.
 */
export function ketenColumnRelations(id: (path: string) => string): Relation[] {
	const out: Relation[] = [];
	const atMost = (whole: string, parts: string[]) =>
		out.push({ kind: 'atMost', whole: id(whole), parts: parts.map(id) });
	for (const part of ['met_huursignaal', 'met_aanmelding_shv', 'voorkomen_zonder_shv'])
		atMost('vonnissen', [part]);
	atMost('vonnissen', ['met_aanmelding_shv', 'voorkomen_zonder_shv']);
	atMost('met_aanmelding_shv', ['met_eerste_gesprek_shv']);
	atMost('met_aanmelding_shv', ['voorkomen_met_shv']);
	atMost('vonnissen', ['doorlooptijd_signaal_aanmelding.n']);
	return out;
}

/** The count paths of one column (the lead time's n is a count too: it decides its quantiles). */
export const KETEN_COUNT_PATHS: readonly string[] = [
	...KETEN_COUNTS,
	'doorlooptijd_signaal_aanmelding.n'
];

/** The cells and relations of the chain figures: the total and each corporation. */
export function ketenCells(
	figures: KetenFigures,
	total: string,
	corporation: (label: string) => string,
	cellId: (column: string, path: string) => string
): { values: Map<string, number>; relations: Relation[] } {
	const values = new Map<string, number>();
	const relations: Relation[] = [];
	const column = (name: string, m: KetenMetrics) => {
		for (const path of KETEN_COUNT_PATHS)
			values.set(cellId(name, KETEN_PREFIX + path), ketenValue(m, path) ?? 0);
		relations.push(...ketenColumnRelations((path) => cellId(name, KETEN_PREFIX + path)));
	};
	column(total, figures.totaal);
	const corporations = Object.keys(figures.per_corporatie);
	for (const c of corporations) column(corporation(c), figures.per_corporatie[c]!);
	if (corporations.length > 0) {
		for (const path of KETEN_COUNT_PATHS) {
			relations.push({
				kind: 'sum',
				whole: cellId(total, KETEN_PREFIX + path),
				parts: corporations.map((c) => cellId(corporation(c), KETEN_PREFIX + path))
			});
		}
	}
	return { values, relations };
}

/**
 * One column as published: every hidden count replaced by HIDDEN_PRIMARY (`< 5`) or
 * HIDDEN_SECONDARY (`x`); the lead time's quantiles null unless its n is shown and large enough.
 */
export function publishedKetenMetrics(
	m: KetenMetrics,
	state: (path: string) => 'shown' | 'primary' | 'secondary',
	mode: Mode
): KetenMetrics {
	const out: KetenMetrics = {
		...m,
		doorlooptijd_signaal_aanmelding: { ...m.doorlooptijd_signaal_aanmelding }
	};
	const marker = (path: string) => {
		const s = state(KETEN_PREFIX + path);
		return s === 'primary' ? HIDDEN_PRIMARY : s === 'secondary' ? HIDDEN_SECONDARY : null;
	};
	for (const id of KETEN_COUNTS) out[id] = marker(id) ?? m[id];
	const lt = out.doorlooptijd_signaal_aanmelding;
	lt.n = marker('doorlooptijd_signaal_aanmelding.n') ?? lt.n;
	if (isHidden(lt.n) || !isQuantileShown(lt.n, mode)) {
		lt.mediaan = null;
		lt.p25 = null;
		lt.p75 = null;
	}
	return out;
}

/** The chain figures as published, column by column. */
export function publishedKeten(
	figures: KetenFigures,
	state: (column: string, path: string) => 'shown' | 'primary' | 'secondary',
	total: string,
	corporation: (label: string) => string,
	mode: Mode
): KetenFigures {
	if (mode === 'intern') return figures;
	return {
		totaal: publishedKetenMetrics(figures.totaal, (p) => state(total, p), mode),
		per_corporatie: Object.fromEntries(
			Object.entries(figures.per_corporatie).map(([c, m]) => [
				c,
				publishedKetenMetrics(m, (p) => state(corporation(c), p), mode)
			])
		)
	};
}

/** The rows of the chain: each count, then the lead time's n and quantiles. */
export const KETEN_ROWS: readonly string[] = [
	...KETEN_COUNTS,
	'doorlooptijd_signaal_aanmelding.n',
	'doorlooptijd_signaal_aanmelding.mediaan',
	'doorlooptijd_signaal_aanmelding.p25',
	'doorlooptijd_signaal_aanmelding.p75'
];

/** A figure of a column by its row path. */
export function ketenValue(m: KetenMetrics, path: string): number | null {
	const lt = 'doorlooptijd_signaal_aanmelding.';
	if (path.startsWith(lt))
		return m.doorlooptijd_signaal_aanmelding[
			path.slice(lt.length) as keyof KetenMetrics['doorlooptijd_signaal_aanmelding']
		];
	return m[path as (typeof KETEN_COUNTS)[number]];
}
