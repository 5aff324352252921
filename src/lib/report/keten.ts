/**
 * The chain figures (`keten`) in a publication: their cells and the relations a reader knows
 * between them (for the one protected table of protected-figures.ts), the figures as published,
 * and their figure table (`keten.<id>` per row; the total, then each corporation). These counts
 * are small by nature (the cohort is the vonnissen of one half-year), so most of them are hidden
 * in a publication of a single corporation; the total usually stays.
 */
import { KETEN_COUNTS, type KetenFigures, type KetenMetrics } from '../metrics/keten';
import type { ReportBlock } from './block';
import { cellId, corporationColumn, TOTAL } from './columns';
import { exportTableMarkdown, type ExportTable } from './export-table';
import { corporationName, orderCorporations } from './format';
import type { Relation } from './intervals';
import { chain } from './letter/chain';
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

/** The row ids of the chain figures in a figure table and in the protected table. */
export const KETEN_PREFIX = 'keten.';

/** The Dutch label of each chain figure (page, report, letter and exports). */
export const KETEN_LABELS: Record<(typeof KETEN_COUNTS)[number] | 'doorlooptijd', string> = {
	vonnissen: 'Dossiers met een vonnis (met adressleutel)',
	vonnissen_zonder_adressleutel: 'Dossiers met een vonnis zonder adressleutel (niet in de keten)',
	met_huursignaal: 'Met een huursignaal in het jaar ervoor',
	met_aanmelding_shv: 'Met een aanmelding bij de schuldhulp in het jaar ervoor',
	met_eerste_gesprek_shv: 'Met een eerste gesprek vóór het vonnis',
	voorkomen_met_shv: 'Ontruiming voorkomen, met aanmelding schuldhulp',
	voorkomen_zonder_shv: 'Ontruiming voorkomen, zonder aanmelding schuldhulp',
	doorlooptijd: 'Dagen van huursignaal tot aanmelding (mediaan)'
};

/** The definition of each chain figure (Verantwoording), in the order of KETEN_COUNTS, then the lead time. */
export const KETEN_DEFINITIONS: Record<(typeof KETEN_COUNTS)[number] | 'doorlooptijd', string> = {
	vonnissen:
		'Dossiers van de selectie met een adressleutel en een vonnis in de periode (een dossier telt één keer, bij zijn eerste vonnis in de periode): het cohort van de keten.',
	met_huursignaal:
		'Dossiers van het cohort met een huursignaal van de vroegsignalering op hetzelfde adres in de 365 dagen tot en met het vonnis.',
	met_aanmelding_shv:
		'Dossiers van het cohort met een aanmelding bij de schuldhulpverlening op hetzelfde adres in de 365 dagen tot en met het vonnis.',
	met_eerste_gesprek_shv:
		'Dossiers met zo’n aanmelding waarvan een traject het eerste gesprek had op of vóór de datum van het vonnis.',
	voorkomen_met_shv:
		'Dossiers met zo’n aanmelding waarbij de ontruiming na het vonnis werd voorkomen (de status van Artikel 4 d).',
	voorkomen_zonder_shv:
		'Dossiers zonder zo’n aanmelding waarbij de ontruiming na het vonnis werd voorkomen.',
	vonnissen_zonder_adressleutel:
		'Dossiers van de selectie met een vonnis in de periode maar zonder adressleutel: zij vallen buiten de keten, die daardoor onvolledig is.',
	doorlooptijd:
		'Dagen van het eerste huursignaal in het venster tot de eerste aanmelding bij de schuldhulpverlening op of na dat signaal (mediaan over de dossiers die beide hebben).'
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
		// The column's Artikel 4 vonnissen (same selection and period) count every dossier with a
		// vonnis, with or without a key, at least once: the two chain counts are at most it, and
		// exactly it when no dossier had two vonnissen — declared as a sum too, which the table
		// keeps only where it holds, so that neither count is read off as their difference.
		const parts = ['vonnissen', 'vonnissen_zonder_adressleutel'].map((p) =>
			cellId(name, KETEN_PREFIX + p)
		);
		const whole = cellId(name, 'vonnissen');
		relations.push({ kind: 'atMost', whole, parts }, { kind: 'sum', whole, parts });
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

/** The title line above the chain table of an export. */
export const KETEN_TABLE_TITLE =
	'Van signaal tot vonnis: dossiers met een vonnis in de periode, totaal en per corporatie';

/** Whether a row is one of the lead time's quantiles (days). */
const isKetenQuantile = (path: string) =>
	path.startsWith('doorlooptijd_signaal_aanmelding.') && !path.endsWith('.n');

/** The label of a row of the export table. */
function ketenRowLabel(path: string): string {
	if (path === 'doorlooptijd_signaal_aanmelding.n')
		return 'Huursignaal → aanmelding schuldhulp: afgeronde zaken';
	if (isKetenQuantile(path))
		return `Huursignaal → aanmelding schuldhulp: ${path.slice(path.lastIndexOf('.') + 1)} (dagen)`;
	return KETEN_LABELS[path as (typeof KETEN_COUNTS)[number]];
}

/** The chain figures, total and per corporation, as published (an export's sheet). */
export function ketenExportTable(keten: KetenFigures, mode: Mode): ExportTable {
	const corporations = orderCorporations(Object.keys(keten.per_corporatie));
	const columns = [keten.totaal, ...corporations.map((c) => keten.per_corporatie[c]!)];
	return {
		sheet: 'Van signaal tot vonnis',
		title: KETEN_TABLE_TITLE,
		header: ['Cijfer', 'Totaal', ...corporations.map(corporationName)],
		lines: KETEN_ROWS.map((path) => ({
			label: ketenRowLabel(path),
			kind: isKetenQuantile(path) ? 'days' : 'count',
			cells: columns.map((m): PublishedCell => {
				const v = ketenValue(m, path);
				if (!isKetenQuantile(path)) return publishCount(v ?? 0, mode);
				return isQuantileShown(m.doorlooptijd_signaal_aanmelding.n, mode) ? v : NOT_SHOWN;
			}),
			code: KETEN_PREFIX + path
		}))
	};
}

/** The chain in the report (blocks.ts). */
export const ketenReport: ReportBlock<'keten'> = {
	id: 'keten',
	heading: 'Van signaal tot vonnis',
	cells: (figures) => ketenCells(figures, TOTAL, corporationColumn, cellId),
	publish: (figures, state, mode) => publishedKeten(figures, state, TOTAL, corporationColumn, mode),
	paragraph: chain,
	letterTable: (keten, { mode, corporations }) => {
		const columns = [
			keten.totaal,
			...corporations.map((c) => keten.per_corporatie[c]).filter((m) => m !== undefined)
		];
		const count = (n: number) => displayCount(n, mode);
		return {
			id: 'keten',
			caption: 'Van signaal tot vonnis: dossiers met een vonnis in de periode',
			header: ['Cijfer', 'Totaal', ...corporations.map(corporationName)],
			rows: [
				...KETEN_COUNTS.map((id) => [KETEN_LABELS[id], ...columns.map((m) => count(m[id]))]),
				[
					KETEN_LABELS.doorlooptijd,
					...columns.map((m) => {
						const lt = m.doorlooptijd_signaal_aanmelding;
						return lt.n === 0 ? '–' : `${displayDays(lt.mediaan, lt.n, mode)} (${count(lt.n)})`;
					})
				]
			]
		};
	},
	exportTable: ketenExportTable,
	markdown: (keten, mode) =>
		exportTableMarkdown('van signaal tot vonnis', ketenExportTable(keten, mode))
};
