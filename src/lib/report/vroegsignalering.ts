/**
 * The vroegsignalering figures in a publication: their cells and the relations a reader knows
 * between them (for the one protected table of protected-figures.ts), the figures as published,
 * and their figure table (`vroegsignalering.<id>` per row; the total, then each gemeente).
 */
import { HELP_RESULTS, RESULT_KEYS, CONTACT_KINDS, VS_LEAD_TIMES } from '../domain/ddas';
import { gemeenteLabel } from '../domain/gemeenten';
import { VS_FIGURES, vsFigure } from '../metrics/catalog';
import type { VsDocument, VsMetrics } from '../metrics/vroegsignalering';
import type { ReportBlock } from './block';
import { cellId, gemeenteColumn, TOTAL } from './columns';
import type { ExportTable } from './export-table';
import { figureTableMarkdown, type FigureTable } from './figure-table';
import { formatCount, formatDays } from './format';
import type { Relation } from './intervals';
import { earlySignals } from './letter/early-signals';
import {
	HIDDEN_PRIMARY,
	HIDDEN_SECONDARY,
	NOT_SHOWN,
	isHidden,
	isQuantileShown,
	publishCount,
	type Mode,
	type PublishedCell
} from './publication';

/** The row ids of the vroegsignalering figures in a figure table and in the protected table. */
export const VS_PREFIX = 'vroegsignalering.';

/** The count figures of VS_METRICS (dotted paths). */
export const VS_COUNT_PATHS: readonly string[] = VS_FIGURES.filter((f) => f.kind === 'count').map(
	(f) => f.id
);

/** A figure's value in VS_METRICS by its dotted path. */
export function vsValue(m: VsMetrics, path: string): number | null {
	let node: unknown = m;
	for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
	if (node === undefined) throw new Error(`no value for ${path}`);
	return typeof node === 'number' ? node : null;
}

/**
 * The relations that hold within one column of the vroegsignalering figures (ddas-vroegsignalering.md):
 * the cohort is split by result, `hulp` is the sum of the help results, the funnel stages are
 * parts of the cohort, a lead time's completed and open cases make up the cohort, reached attempts
 * are attempts.
 */
export function vsColumnRelations(id: (path: string) => string): Relation[] {
	const out: Relation[] = [];
	const sum = (whole: string, parts: string[]) =>
		out.push({ kind: 'sum', whole: id(whole), parts: parts.map(id) });
	const atMost = (whole: string, parts: string[]) =>
		out.push({ kind: 'atMost', whole: id(whole), parts: parts.map(id) });
	sum('signalen_huur', ['signalen.Huur']);
	sum(
		'zaken_huur',
		RESULT_KEYS.map((k) => `resultaten.${k}`)
	);
	sum(
		'hulp',
		HELP_RESULTS.map((k) => `resultaten.${k}`)
	);
	for (const stage of ['opgepakt', 'contact_gepoogd', 'meervoudig']) atMost('zaken_huur', [stage]);
	atMost('contact_gepoogd', ['bereikt']);
	for (const lt of VS_LEAD_TIMES) {
		sum('zaken_huur', [`doorlooptijden.${lt}.n`, `doorlooptijden.${lt}.open`]);
	}
	for (const k of CONTACT_KINDS) {
		atMost(`contactpogingen.${k}.pogingen`, [`contactpogingen.${k}.bereikt`]);
	}
	return out;
}

/** The cells and relations of the vroegsignalering figures: the total and each gemeente. */
export function vsCells(
	doc: VsDocument,
	total: string,
	cellId: (column: string, path: string) => string
): { values: Map<string, number>; relations: Relation[] } {
	const values = new Map<string, number>();
	const relations: Relation[] = [];
	const column = (name: string, m: VsMetrics) => {
		for (const path of VS_COUNT_PATHS)
			values.set(cellId(name, VS_PREFIX + path), vsValue(m, path) ?? 0);
		relations.push(...vsColumnRelations((path) => cellId(name, VS_PREFIX + path)));
	};
	column(total, doc.totaal);
	const gemeenten = doc.selectie.gemeenten;
	for (const g of gemeenten) column(gemeenteColumn(g), doc.per_gemeente[g]!);
	if (gemeenten.length > 0) {
		for (const path of VS_COUNT_PATHS) {
			relations.push({
				kind: 'sum',
				whole: cellId(total, VS_PREFIX + path),
				parts: gemeenten.map((g) => cellId(gemeenteColumn(g), VS_PREFIX + path))
			});
		}
	}
	return { values, relations };
}

/** Sets a dotted path in a copy's nested objects. */
function setPath(target: Record<string, unknown>, path: string, value: number): void {
	const parts = path.split('.');
	let node = target;
	for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
	node[parts[parts.length - 1]!] = value;
}

/** A plain deep copy (the page hands in Svelte state proxies). */
function plainCopy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The figures of one column as published: every hidden count replaced by HIDDEN_PRIMARY (`< 5`)
 * or HIDDEN_SECONDARY (`x`), by the state of its cell.
 */
export function publishedVsMetrics(
	m: VsMetrics,
	state: (path: string) => 'shown' | 'primary' | 'secondary'
): VsMetrics {
	const out = plainCopy(m);
	for (const path of VS_COUNT_PATHS) {
		const s = state(VS_PREFIX + path);
		if (s === 'primary') setPath(out as unknown as Record<string, unknown>, path, HIDDEN_PRIMARY);
		if (s === 'secondary')
			setPath(out as unknown as Record<string, unknown>, path, HIDDEN_SECONDARY);
	}
	return out;
}

/** The figure table of the vroegsignalering block: a row per figure, the total, then each gemeente. */
export function vsFigureTable(doc: VsDocument): FigureTable {
	const gemeenten = doc.selectie.gemeenten;
	return {
		header: ['cijfer', 'totaal', ...gemeenten],
		rows: VS_FIGURES.map((f) => [
			VS_PREFIX + f.id,
			vsValue(doc.totaal, f.id),
			...gemeenten.map((g) => vsValue(doc.per_gemeente[g]!, f.id))
		])
	};
}

/** One figure as published: a count by the small-count rule; a median or quantile over enough cases. */
export function publishVsValue(
	path: string,
	value: number | null,
	valueAt: (path: string) => number | null,
	mode: Mode
): PublishedCell {
	if (value === null) return null;
	const f = vsFigure(path);
	if (f.publication === 'small-count') return publishCount(value, mode);
	const n = valueAt(f.cases!);
	return n !== null && !isHidden(n) && isQuantileShown(n, mode) ? value : NOT_SHOWN;
}

/** The vroegsignalering figure table as published (cells stay numbers where shown). */
export function publishVsFigureTable(table: FigureTable, mode: Mode): FigureTable {
	const byId = new Map(table.rows.map((row) => [String(row[0]).slice(VS_PREFIX.length), row]));
	return {
		header: [...table.header],
		rows: table.rows.map(([id, ...values]) => {
			const path = String(id).slice(VS_PREFIX.length);
			return [
				id ?? null,
				...values.map((value, i) =>
					typeof value === 'number'
						? publishVsValue(
								path,
								value,
								(other) => {
									const v = byId.get(other)?.[i + 1];
									return typeof v === 'number' ? v : null;
								},
								mode
							)
						: (value ?? null)
				)
			];
		})
	};
}

/** A published cell of a vroegsignalering figure as display text. */
export function vsCellText(path: string, value: PublishedCell): string {
	if (typeof value === 'string') return value;
	return vsFigure(path).kind === 'count' ? formatCount(value) : formatDays(value);
}

/** The published vroegsignalering figure table as display text (nl-NL numbers, `< 5`, `x`; gemeenten by name). */
export function displayVsFigureTable(
	table: FigureTable,
	mode: Mode
): { header: string[]; rows: string[][] } {
	const published = publishVsFigureTable(table, mode);
	return {
		// The gemeenten by name with their code beside it: `Haarlem (0392)`.
		header: published.header.map((h, i) => (i < 2 ? h : gemeenteLabel(h))),
		rows: published.rows.map(([id, ...values]) => [
			String(id),
			...values.map((value) => vsCellText(String(id).slice(VS_PREFIX.length), value ?? null))
		])
	};
}

/** The title line above the vroegsignalering table of an export. */
export const VS_TABLE_TITLE =
	'Vroegsignalering (Wgs): huurzaken en signalen uit de DDAS-levering(en), totaal en per gemeente';

/** The vroegsignalering figures, total and per gemeente, as published (an export's sheet). */
export function vsExportTable(vs: VsDocument, mode: Mode): ExportTable {
	const published = publishVsFigureTable(vsFigureTable(vs), mode);
	const byId = new Map(published.rows.map(([id, ...cells]) => [String(id), cells]));
	return {
		sheet: 'Vroegsignalering',
		title: VS_TABLE_TITLE,
		header: ['Cijfer', 'Totaal', ...vs.selectie.gemeenten.map(gemeenteLabel)],
		lines: VS_FIGURES.map((f) => ({
			label: f.label,
			kind: f.kind,
			cells: byId.get(VS_PREFIX + f.id) ?? [],
			code: VS_PREFIX + f.id
		}))
	};
}

/** The vroegsignalering block in the report (blocks.ts). */
export const vsReport: ReportBlock<'vroegsignalering'> = {
	id: 'vroegsignalering',
	heading: 'Vroegsignalering (Wet gemeentelijke schuldhulpverlening)',
	cells: (doc) => vsCells(doc, TOTAL, cellId),
	publish: (doc, state, mode) =>
		mode === 'intern'
			? doc
			: {
					...doc,
					totaal: publishedVsMetrics(doc.totaal, (p) => state(TOTAL, p)),
					per_gemeente: Object.fromEntries(
						Object.entries(doc.per_gemeente).map(([g, m]) => [
							g,
							publishedVsMetrics(m, (p) => state(gemeenteColumn(g), p))
						])
					)
				},
	paragraph: earlySignals,
	letterTable: (vs, { mode }) => ({
		id: 'vroegsignalering',
		caption: 'Vroegsignalering: kerncijfers (alle verhuurders)',
		header: ['Cijfer', 'Totaal'],
		rows: VS_FIGURES.filter((f) => f.views.includes('brief')).map((f) => [
			f.label,
			vsCellText(
				f.id,
				publishVsValue(f.id, vsValue(vs.totaal, f.id), (p) => vsValue(vs.totaal, p), mode)
			)
		])
	}),
	exportTable: vsExportTable,
	markdown: (vs, mode) =>
		`\n### Tabel: vroegsignalering per gemeente\n\n${figureTableMarkdown(
			displayVsFigureTable(vsFigureTable(vs), mode)
		)}\n`
};
