/**
 * The schuldhulpverlening (Wgs) figures in a publication: their cells and the relations a reader
 * knows between them (for the one protected table of protected-figures.ts), the figures as
 * published, and their table for the letter and the exports (`schuldhulpverlening.<id>` per row;
 * the total, then each gemeente).
 */
import { OPLOSSING_KEYS, SCHULDSOORT_KEYS, UITSTROOM_KEYS } from '../domain/shv';
import { SHV_FIGURES, shvFigure } from '../metrics/catalog';
import { shvValue, type ShvDocument, type ShvMetrics } from '../metrics/schuldhulpverlening';
import { gemeenteLabel } from '../domain/gemeenten';
import type { ReportBlock } from './block';
import { cellId, gemeenteColumn, TOTAL } from './columns';
import { exportTableMarkdown, type ExportTable } from './export-table';
import type { Relation } from './intervals';
import { debtHelp } from './letter/debt-help';
import {
	displayCount,
	displayDays,
	HIDDEN_PRIMARY,
	HIDDEN_SECONDARY,
	isHidden,
	isQuantileShown,
	NOT_SHOWN,
	publishCount,
	type Mode,
	type PublishedCell
} from './publication';

/** The row ids of these figures in a figure table and in the protected table. */
export const SHV_PREFIX = 'schuldhulpverlening.';

/** The count figures (dotted paths), in the order of the spec's table (the catalog's order). */
export const SHV_COUNT_PATHS: readonly string[] = SHV_FIGURES.filter((f) => f.kind === 'count').map(
	(f) => f.id
);

/** The Dutch label of each figure (the letter's table and the exports): the catalog's. */
export function shvLabel(path: string): string {
	return shvFigure(path).label;
}

/**
 * The relations within one column: every count of the cohort is part of it; the norms' counts are
 * parts of the trajecten with that date; the kinds of beschikking, the oplossingen and the
 * uitstroom reasons add up to at most their whole; a lead time's completed and open trajecten make
 * up the trajecten that have its start.
 */
export function shvColumnRelations(id: (path: string) => string): Relation[] {
	const out: Relation[] = [];
	const sum = (whole: string, parts: string[]) =>
		out.push({ kind: 'sum', whole: id(whole), parts: parts.map(id) });
	const atMost = (whole: string, parts: string[]) =>
		out.push({ kind: 'atMost', whole: id(whole), parts: parts.map(id) });
	for (const part of [
		'aanmeldingen_crisis',
		'plan_van_aanpak',
		'schuldregeling_toegekend',
		'begeleiding',
		'moratorium',
		'beschikking.n',
		...SCHULDSOORT_KEYS.map((k) => `schulden_per_soort.${k}`)
	])
		atMost('aanmeldingen', [part]);
	atMost('aanmeldingen', ['eerste_gesprek.n', 'eerste_gesprek.open_boven_norm']);
	atMost('eerste_gesprek.n', ['eerste_gesprek.binnen_norm']);
	atMost('beschikking.n', ['beschikking.binnen_norm']);
	atMost('beschikking.n', ['beschikking.toelating', 'beschikking.afwijzing']);
	atMost(
		'aanmeldingen',
		OPLOSSING_KEYS.map((k) => `oplossing_per_soort.${k}`)
	);
	atMost(
		'aanmeldingen',
		UITSTROOM_KEYS.map((k) => `uitstroom_per_reden.${k}`)
	);
	sum('aanmeldingen', [
		'doorlooptijden.aanmelding_eerste_gesprek.n',
		'doorlooptijden.aanmelding_eerste_gesprek.open'
	]);
	sum('eerste_gesprek.n', [
		'doorlooptijden.eerste_gesprek_beschikking.n',
		'doorlooptijden.eerste_gesprek_beschikking.open'
	]);
	return out;
}

/** The cells and relations of the schuldhulpverlening figures: the total and each gemeente. */
export function shvCells(
	doc: ShvDocument,
	total: string,
	cellId: (column: string, path: string) => string
): { values: Map<string, number>; relations: Relation[] } {
	const values = new Map<string, number>();
	const relations: Relation[] = [];
	const column = (name: string, m: ShvMetrics) => {
		for (const path of SHV_COUNT_PATHS)
			values.set(cellId(name, SHV_PREFIX + path), shvValue(m, path) ?? 0);
		relations.push(...shvColumnRelations((path) => cellId(name, SHV_PREFIX + path)));
	};
	column(total, doc.totaal);
	const gemeenten = doc.selectie.gemeenten;
	for (const g of gemeenten) column(gemeenteColumn(g), doc.per_gemeente[g]!);
	if (gemeenten.length > 0) {
		for (const path of SHV_COUNT_PATHS) {
			relations.push({
				kind: 'sum',
				whole: cellId(total, SHV_PREFIX + path),
				parts: gemeenten.map((g) => cellId(gemeenteColumn(g), SHV_PREFIX + path))
			});
		}
	}
	return { values, relations };
}

/** Sets a dotted path in nested objects. */
function setPath(target: Record<string, unknown>, path: string, value: number | null): void {
	const parts = path.split('.');
	let node = target;
	for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
	node[parts[parts.length - 1]!] = value;
}

/**
 * One column as published: every hidden count replaced by HIDDEN_PRIMARY (`< 5`) or
 * HIDDEN_SECONDARY (`x`); a lead time's quantiles null unless its n is shown and large enough.
 */
export function publishedShvMetrics(
	m: ShvMetrics,
	state: (path: string) => 'shown' | 'primary' | 'secondary',
	mode: Mode
): ShvMetrics {
	const out = JSON.parse(JSON.stringify(m)) as ShvMetrics;
	const target = out as unknown as Record<string, unknown>;
	for (const path of SHV_COUNT_PATHS) {
		const s = state(SHV_PREFIX + path);
		if (s === 'primary') setPath(target, path, HIDDEN_PRIMARY);
		if (s === 'secondary') setPath(target, path, HIDDEN_SECONDARY);
	}
	for (const f of SHV_FIGURES) {
		if (f.kind !== 'days') continue;
		const n = shvValue(out, shvQuantileCases(f.id)) ?? 0;
		if (isHidden(n) || !isQuantileShown(n, mode)) setPath(target, f.id, null);
	}
	return out;
}

/** The rows of the table: every count, then each lead time's quantiles. */
export const SHV_ROWS: readonly string[] = [
	...SHV_COUNT_PATHS,
	...SHV_FIGURES.filter((f) => f.kind === 'days').map((f) => f.id)
];

/** Whether a row is a lead-time quantile (days), not a count. */
export function isShvQuantile(path: string): boolean {
	return shvFigure(path).kind === 'days';
}

/** The number of completed trajecten a quantile row is over (its lead time's n). */
export function shvQuantileCases(path: string): string {
	const cases = shvFigure(path).cases;
	if (!cases) throw new Error(`not a lead-time quantile: ${path}`);
	return cases;
}

/** The rows of the letter's table (the catalog's `brief` view): the cohort, the norms, and the median lead times. */
export const SHV_LETTER_ROWS: readonly string[] = SHV_FIGURES.filter((f) =>
	f.views.includes('brief')
).map((f) => f.id);

/** A figure of published metrics as published: a count or `< 5`/`x`; days, or `niet getoond` over too few. */
export function publishShvCell(m: ShvMetrics, path: string, mode: Mode): PublishedCell {
	const v = shvValue(m, path);
	if (!isShvQuantile(path)) return publishCount(v ?? 0, mode);
	const n = shvValue(m, shvQuantileCases(path)) ?? 0;
	return isQuantileShown(n, mode) ? v : NOT_SHOWN;
}

/** A figure of published metrics as display text. */
export function shvCellText(m: ShvMetrics, path: string, mode: Mode): string {
	if (!isShvQuantile(path)) return displayCount(shvValue(m, path) ?? 0, mode);
	return displayDays(shvValue(m, path), shvValue(m, shvQuantileCases(path)) ?? 0, mode);
}

/** The title line above the schuldhulpverlening table of an export. */
export const SHV_TABLE_TITLE =
	'Schuldhulpverlening (Wgs): aanmeldingen uit de DDAS-levering(en), totaal en per gemeente';

/** The schuldhulpverlening figures, total and per gemeente, as published (an export's sheet). */
export function shvExportTable(shv: ShvDocument, mode: Mode): ExportTable {
	const gemeenten = shv.selectie.gemeenten;
	const columns = [shv.totaal, ...gemeenten.map((g) => shv.per_gemeente[g]!)];
	return {
		sheet: 'Schuldhulpverlening',
		title: SHV_TABLE_TITLE,
		header: ['Cijfer', 'Totaal', ...gemeenten.map(gemeenteLabel)],
		lines: SHV_ROWS.map((path) => ({
			label: shvLabel(path),
			kind: isShvQuantile(path) ? 'days' : 'count',
			cells: columns.map((m) => publishShvCell(m, path, mode)),
			code: SHV_PREFIX + path
		}))
	};
}

/** The schuldhulpverlening block in the report (blocks.ts). */
export const shvReport: ReportBlock<'schuldhulpverlening'> = {
	id: 'schuldhulpverlening',
	heading: 'Schuldhulpverlening (Wet gemeentelijke schuldhulpverlening)',
	cells: (doc) => shvCells(doc, TOTAL, cellId),
	publish: (doc, state, mode) =>
		mode === 'intern'
			? doc
			: {
					...doc,
					totaal: publishedShvMetrics(doc.totaal, (p) => state(TOTAL, p), mode),
					per_gemeente: Object.fromEntries(
						Object.entries(doc.per_gemeente).map(([g, m]) => [
							g,
							publishedShvMetrics(m, (p) => state(gemeenteColumn(g), p), mode)
						])
					)
				},
	paragraph: debtHelp,
	letterTable: (shv, { mode }) => ({
		id: 'schuldhulpverlening',
		caption: 'Schuldhulpverlening: kerncijfers tegen de normen van de Wgs (alle inwoners)',
		header: ['Cijfer', 'Totaal'],
		rows: SHV_LETTER_ROWS.map((path) => [shvLabel(path), shvCellText(shv.totaal, path, mode)])
	}),
	exportTable: shvExportTable,
	markdown: (shv, mode) => exportTableMarkdown('schuldhulpverlening', shvExportTable(shv, mode))
};
