/**
 * Chart.js configurations built from results, each with the table behind it and a one-sentence
 * summary for screen readers; pure, no DOM.
 */
import type { ChartConfiguration, ChartType } from 'chart.js';
import { FUNNEL_STAGES, REASONS } from '../domain/codes';
import { LEAD_TIMES } from '../domain/lead-times';
import type { Breakdown, Metrics } from '../metrics/types';
import { displayCount, isSuppressedCount, type Mode } from '../report/publication';
import { figure, figuresIn } from '../metrics/catalog';
import { coverageOf, halfYearPeriod } from '../metrics/periods';
import { joinList, reasonPhrase } from '../report/letter/grammar';
import { countOf } from '../metrics/values';
import { LEAD_TIME_LABELS, corporationName, formatDays, formatHalfYear } from '../report/format';

/** Colours with at least 3:1 contrast on white; lines also differ by dash and point style. */
export const SERIES_COLOURS = ['#01689b', '#b45309', '#2f7d32', '#a90061', '#5b3f8c', '#4d4d4d'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 1], [8, 8]];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;

/** Options of the selection band: the categories (by index, inclusive) of the selected period. */
export interface SelectionBandOptions {
	from?: number;
	to?: number;
	label?: string;
}

/** Options of the incomplete band: the categories (by index) the data covers only in part. */
export interface IncompleteBandOptions {
	indices?: number[];
}

declare module 'chart.js' {
	interface PluginOptionsByType<TType extends ChartType> {
		/** Shades the x categories of the selected period (drawn by attach.ts). */
		selectionBand?: SelectionBandOptions & { _type?: TType };
		/**
		 * Hatches the x categories the data covers only in part and draws the line to and from
		 * their points lighter (attach.ts), so that a part of a half-year never reads as a fall.
		 */
		incompleteBand?: IncompleteBandOptions & { _type?: TType };
	}
}

export interface ChartTable {
	caption: string;
	header: string[];
	rows: string[][];
}

/** A count as plotted: in publication mode 1–4 are left out of the chart (the table says `< 5`). */
function plotted(n: number, mode: Mode): number | null {
	return isSuppressedCount(n, mode) ? null : n;
}

export interface ChartSpec {
	id: string;
	title: string;
	/** One sentence describing what the chart shows (aria-label). */
	summary: string;
	config: ChartConfiguration;
	table: ChartTable;
	/** When set, there is nothing to draw: the figure shows this sentence instead of a chart. */
	empty: string | null;
}

/**
 * Splits a label into lines of at most `max` wide, as `measure` measures text (pixels in the
 * chart's tick font): words go on a line while they fit, and a word wider than a line is cut into
 * pieces that end in a hyphen. Used at draw time (attach.ts), so the labels of the category axis
 * of a horizontal bar chart fit on a narrow screen.
 */
export function wrapToWidth(text: string, max: number, measure: (s: string) => number): string[] {
	const lines: string[] = [];
	const pieces = (word: string): string[] => {
		if (measure(word) <= max || word.length <= 1) return [word];
		const out: string[] = [];
		let rest = word;
		while (rest.length > 1 && measure(rest) > max) {
			let cut = rest.length - 1;
			while (cut > 1 && measure(`${rest.slice(0, cut)}-`) > max) cut--;
			out.push(`${rest.slice(0, cut)}-`);
			rest = rest.slice(cut);
		}
		out.push(rest);
		return out;
	};
	for (const word of text.split(/\s+/).filter((w) => w !== '')) {
		for (const piece of pieces(word)) {
			const last = lines.at(-1);
			const joined = last === undefined ? piece : `${last} ${piece}`;
			if (last !== undefined && !last.endsWith('-') && measure(joined) <= max)
				lines[lines.length - 1] = joined;
			else lines.push(piece);
		}
	}
	return lines.length > 0 ? lines : [text];
}

/** The sentence an empty figure shows. */
export const NO_DATA = 'Geen gegevens voor deze selectie';

const TREND_SERIES = figuresIn('trend').map((f) => [f.id, f.short ?? f.label] as const);

/** The word a half-year that the data covers only in part carries, in the chart and its table. */
export const INCOMPLETE = 'onvolledig';

/**
 * The half-year trend of signals, referrals, notices, evictions and prevented evictions; the
 * half-years that overlap the selected period `[van, tot)` are shaded and marked in the table.
 * A half-year that the data covers only in part (`covered`, the months of the data: an export
 * that starts in March or ends in January) is hatched, its points hollow and its label and table
 * row say "(onvolledig)": its low counts are the export's edge, not a fall.
 */
export function trendChart(
	trend: Breakdown,
	mode: Mode = 'intern',
	selected?: { van: string; tot: string },
	covered: { van: string; tot: string } | null = null
): ChartSpec {
	const keys = Object.keys(trend.groepen).sort();
	const names = keys.map(formatHalfYear);
	const incomplete = keys.map(
		(k) => covered !== null && coverageOf(halfYearPeriod(k), covered) === 'onvolledig'
	);
	const labels = names.map((name, i) => (incomplete[i] ? [name, `(${INCOMPLETE})`] : name));
	const inSelection = keys.map((k) => {
		const period = halfYearPeriod(k);
		return selected !== undefined && period.van < selected.tot && period.tot > selected.van;
	});
	const from = inSelection.indexOf(true);
	const to = inSelection.lastIndexOf(true);
	const total = keys.reduce(
		(sum, k) =>
			sum + TREND_SERIES.reduce((s, [id]) => s + countOf(trend.groepen[k] as Metrics, id), 0),
		0
	);
	const series = TREND_SERIES.map(([id, label], i) => ({
		label,
		data: keys.map((k) => plotted(countOf(trend.groepen[k] as Metrics, id), mode)),
		borderColor: SERIES_COLOURS[i],
		backgroundColor: SERIES_COLOURS[i],
		// A hollow point where the half-year is incomplete.
		pointBackgroundColor: keys.map((_, j) => (incomplete[j] ? '#ffffff' : SERIES_COLOURS[i])),
		pointBorderWidth: keys.map((_, j) => (incomplete[j] ? 2 : 1)),
		borderDash: DASHES[i],
		pointStyle: POINTS[i],
		pointRadius: 4,
		tension: 0
	}));
	const incompleteIndices = incomplete.flatMap((x, i) => (x ? [i] : []));
	const incompleteNames = incompleteIndices.map((i) => names[i] as string);
	// The summary speaks of the last half-year the data covers whole.
	const lastIndex = incomplete.lastIndexOf(false);
	const lastMetrics = lastIndex >= 0 ? (trend.groepen[keys[lastIndex]!] as Metrics) : null;
	const lastSaid =
		lastIndex === keys.length - 1
			? 'In het laatste halfjaar'
			: `In het laatste volledige halfjaar (${names[lastIndex]})`;
	const rowLabel = (i: number) => {
		const marks = [inSelection[i] && 'selectie', incomplete[i] && INCOMPLETE].filter(Boolean);
		return marks.length === 0 ? (names[i] as string) : `${names[i]} (${marks.join(', ')})`;
	};
	return {
		id: 'trend',
		title: 'Verloop per halfjaar',
		summary:
			keys.length === 0
				? 'Lijngrafiek zonder gegevens.'
				: `Lijngrafiek van signalen, meldingen, aanzeggingen, ontruimingen en voorkomen ontruimingen per halfjaar, van ${names[0]} tot en met ${names.at(-1)}.${
						incompleteNames.length === 0
							? ''
							: ` De gegevens dekken ${joinList(incompleteNames)} maar voor een deel (${INCOMPLETE}).`
					}${
						lastMetrics
							? ` ${lastSaid}: ${displayCount(lastMetrics.signalen, mode)} signalen en ${displayCount(lastMetrics.ontruimingen, mode)} ontruimingen.`
							: ''
					}`,
		config: {
			type: 'line',
			data: { labels, datasets: series },
			options: {
				responsive: true,
				maintainAspectRatio: false,
				animation: false,
				interaction: { mode: 'index', intersect: false },
				scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
				plugins: {
					legend: { position: 'bottom', labels: { usePointStyle: true } },
					selectionBand: from < 0 ? {} : { from, to, label: 'selectie' },
					incompleteBand: incompleteIndices.length === 0 ? {} : { indices: incompleteIndices }
				}
			}
		},
		empty: total === 0 ? NO_DATA : null,
		table: {
			caption:
				incompleteIndices.length === 0
					? 'Verloop per halfjaar (aantallen)'
					: `Verloop per halfjaar (aantallen; ${INCOMPLETE}: de gegevens dekken maar een deel van het halfjaar)`,
			header: ['Halfjaar', ...TREND_SERIES.map(([, label]) => label)],
			rows: keys.map((k, i) => [
				rowLabel(i),
				...TREND_SERIES.map(([id]) => displayCount(countOf(trend.groepen[k] as Metrics, id), mode))
			])
		}
	};
}

/** The funnel of the cohort: dossiers that reached each stage. */
export function funnelChart(metrics: Metrics, mode: Mode = 'intern'): ChartSpec {
	const labels = FUNNEL_STAGES.map((s) => figure(`trechter.${s}`).label);
	const counts = FUNNEL_STAGES.map((s) => metrics.trechter[s]);
	const values = counts.map((n) => plotted(n, mode));
	const say = (n: number) => displayCount(n, mode);
	const one = (n: number) => n === 1 && !isSuppressedCount(n, mode);
	return {
		id: 'trechter',
		title: 'Trechter van het cohort',
		summary: `Staafdiagram van de trechter: van ${say(metrics.trechter.achterstand_1m)} ${one(metrics.trechter.achterstand_1m) ? 'dossier' : 'dossiers'} met een eerste signaal in de periode bereikten er ${say(metrics.trechter.deurwaarder)} de deurwaarder en ${say(metrics.trechter.ontruiming)} een ontruiming; ${say(metrics.trechter.afgesloten_zonder_deurwaarder)} ${one(metrics.trechter.afgesloten_zonder_deurwaarder) ? 'werd' : 'werden'} afgesloten zonder deurwaarder.`,
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: [{ label: 'Dossiers', data: values, backgroundColor: SERIES_COLOURS[0] }]
			},
			options: {
				indexAxis: 'y',
				responsive: true,
				maintainAspectRatio: false,
				animation: false,
				scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
				plugins: { legend: { display: false } }
			}
		},
		empty: counts.every((n) => n === 0) ? NO_DATA : null,
		table: {
			caption: 'Trechter: dossiers van het cohort per fase',
			header: ['Fase', 'Dossiers'],
			rows: labels.map((label, i) => [label, say(counts[i] ?? 0)])
		}
	};
}

/** Evictions by reason. */
export function reasonsChart(metrics: Metrics, mode: Mode = 'intern'): ChartSpec {
	const labels = REASONS.map((r) => figure(`ontruimingen_per_reden.${r}`).label);
	const counts = REASONS.map((r) => metrics.ontruimingen_per_reden[r]);
	const values = counts.map((n) => plotted(n, mode));
	// The largest reason only when every count is shown: a hidden one could be larger.
	const top = counts.some((n) => isSuppressedCount(n, mode))
		? undefined
		: REASONS.map((r, i) => [r, counts[i] ?? 0] as const).sort((a, b) => b[1] - a[1])[0];
	return {
		id: 'redenen',
		title: 'Ontruimingen naar reden',
		summary:
			metrics.ontruimingen === 0
				? 'Staafdiagram van ontruimingen naar reden: geen ontruimingen in de periode.'
				: `Staafdiagram van ${displayCount(metrics.ontruimingen, mode)} ${metrics.ontruimingen === 1 && !isSuppressedCount(1, mode) ? 'ontruiming' : 'ontruimingen'} naar reden${top ? `; de meeste ${reasonPhrase(top[0])} (${displayCount(top[1], mode)})` : ''}.`,
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: [{ label: 'Ontruimingen', data: values, backgroundColor: SERIES_COLOURS[1] }]
			},
			options: {
				responsive: true,
				maintainAspectRatio: false,
				animation: false,
				scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
				plugins: { legend: { display: false } }
			}
		},
		empty: metrics.ontruimingen === 0 ? 'Geen ontruimingen in deze selectie' : null,
		table: {
			caption: 'Ontruimingen naar reden',
			header: ['Reden', 'Ontruimingen'],
			rows: labels.map((label, i) => [label, displayCount(counts[i] ?? 0, mode)])
		}
	};
}

/** Median lead times per corporation (bars) for the lead times that have a norm. */
export function leadTimeChart(breakdown: Breakdown): ChartSpec {
	const corporations = Object.keys(breakdown.groepen);
	const leadTimes = LEAD_TIMES.slice(0, 5);
	const labels = leadTimes.map((l) => LEAD_TIME_LABELS[l.id] as string);
	const datasets = corporations.map((c, i) => ({
		label: corporationName(c),
		data: leadTimes.map((l) => breakdown.groepen[c]?.doorlooptijden[l.id].mediaan ?? null),
		backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length]
	}));
	return {
		id: 'doorlooptijden',
		title: 'Mediane doorlooptijd per corporatie (dagen)',
		summary: `Staafdiagram van de mediane doorlooptijd in dagen per corporatie voor ${leadTimes.length} ${leadTimes.length === 1 ? 'stap' : 'stappen'} met een norm; de tabel geeft ook de normen en het aandeel binnen de norm.`,
		config: {
			type: 'bar',
			data: { labels, datasets },
			options: {
				indexAxis: 'y',
				responsive: true,
				maintainAspectRatio: false,
				animation: false,
				scales: { x: { beginAtZero: true, title: { display: true, text: 'dagen (mediaan)' } } },
				plugins: { legend: { position: 'bottom' } }
			}
		},
		empty: datasets.every((d) => d.data.every((v) => v === null)) ? NO_DATA : null,
		table: {
			caption: 'Mediane doorlooptijd in dagen per corporatie',
			header: ['Doorlooptijd', ...corporations.map(corporationName)],
			rows: leadTimes.map((l, i) => [
				labels[i] as string,
				...corporations.map((c) => formatDays(breakdown.groepen[c]?.doorlooptijden[l.id].mediaan))
			])
		}
	};
}
