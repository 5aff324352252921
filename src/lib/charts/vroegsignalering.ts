/**
 * Chart.js configurations of the vroegsignalering section, each with the table behind it; pure.
 * Counts follow the publication rule of the other figures (1–4 left out of the chart, `< 5` in the table).
 */
import { CONTACT_KINDS, PARTNER_TYPES, RESULT_KEYS, VS_LEAD_TIMES } from '../domain/ddas';
import { VS_LEAD_TIME_LABELS, vsResultLabel } from '../metrics/catalog';
import type { VsMetrics } from '../metrics/vroegsignalering';
import { formatDays } from '../report/format';
import { displayCount, isSuppressedCount, type Mode } from '../report/publication';
import { NO_DATA, SERIES_COLOURS, type ChartSpec } from './configs';

const plotted = (n: number, mode: Mode) => (isSuppressedCount(n, mode) ? null : n);

/** A long label as lines of at most `width` characters, so a narrow chart shows it whole. */
export function wrapLabel(label: string, width = 24): string[] {
	const lines: string[] = [];
	for (const word of label.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** The stages of the funnel with their labels. */
export const VS_FUNNEL = [
	['zaken_huur', 'Huurzaken (signaal)'],
	['opgepakt', 'Opgepakt'],
	['contact_gepoogd', 'Contact gepoogd'],
	['bereikt', 'Bereikt'],
	['hulp', 'Hulp of verwijzing']
] as const;

/** A horizontal bar chart with a bar per label and a series per dataset (also the chain's chart). */
export function bar(
	id: string,
	title: string,
	summary: string,
	labels: (string | string[])[],
	datasets: { label: string; data: (number | null)[] }[],
	table: ChartSpec['table'],
	empty: boolean
): ChartSpec {
	return {
		id,
		title,
		summary,
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: datasets.map((d, i) => ({ ...d, backgroundColor: SERIES_COLOURS[i] }))
			},
			options: {
				indexAxis: 'y',
				responsive: true,
				maintainAspectRatio: false,
				animation: false,
				// Every category its label: chart.js would skip some on a short axis.
				scales: {
					x: { beginAtZero: true, ticks: { precision: 0 } },
					y: { ticks: { autoSkip: false } }
				},
				plugins: { legend: { display: datasets.length > 1 } }
			}
		},
		table,
		empty: empty ? NO_DATA : null
	};
}

/** Signal → opgepakt → contact gepoogd → bereikt → hulp, for the rent-case cohort. */
export function vsFunnelChart(m: VsMetrics, mode: Mode = 'intern'): ChartSpec {
	const counts = VS_FUNNEL.map(([id]) => m[id]);
	const say = (n: number) => displayCount(n, mode);
	return bar(
		'vs-trechter',
		'Trechter van de huurzaken',
		`Staafdiagram: van ${say(m.zaken_huur)} huurzaken met een eerste huursignaal in de periode zijn er ${say(m.opgepakt)} opgepakt, ${say(m.bereikt)} bereikt en ${say(m.hulp)} geholpen of verwezen.`,
		VS_FUNNEL.map(([, label]) => label),
		[{ label: 'Huurzaken', data: counts.map((n) => plotted(n, mode)) }],
		{
			caption: 'Trechter: huurzaken van het cohort per fase',
			header: ['Fase', 'Huurzaken'],
			rows: VS_FUNNEL.map(([, label], i) => [label, say(counts[i]!)])
		},
		m.zaken_huur === 0
	);
}

/** Rent cases of the cohort per result. */
export function vsResultsChart(m: VsMetrics, mode: Mode = 'intern'): ChartSpec {
	const keys = RESULT_KEYS.filter((k) => m.resultaten[k] > 0);
	const label = vsResultLabel;
	return bar(
		'vs-resultaten',
		'Resultaat van de huurzaken',
		`Staafdiagram van de resultaten van ${displayCount(m.zaken_huur, mode)} huurzaken.`,
		keys.map((k) => wrapLabel(label(k))),
		[{ label: 'Huurzaken', data: keys.map((k) => plotted(m.resultaten[k], mode)) }],
		{
			caption: 'Huurzaken van het cohort per resultaat',
			header: ['Resultaat', 'Huurzaken'],
			rows: RESULT_KEYS.map((k) => [label(k), displayCount(m.resultaten[k], mode)])
		},
		keys.length === 0
	);
}

/** Contact attempts of the cohort per kind: tried and reached. */
export function vsAttemptsChart(m: VsMetrics, mode: Mode = 'intern'): ChartSpec {
	const kinds = CONTACT_KINDS.filter((k) => m.contactpogingen[k].pogingen > 0);
	return bar(
		'vs-contactpogingen',
		'Contactpogingen per soort',
		`Staafdiagram van de contactpogingen bij de huurzaken per soort, gedaan en bereikt.`,
		kinds.slice(),
		[
			{ label: 'Pogingen', data: kinds.map((k) => plotted(m.contactpogingen[k].pogingen, mode)) },
			{ label: 'Bereikt', data: kinds.map((k) => plotted(m.contactpogingen[k].bereikt, mode)) }
		],
		{
			caption: 'Contactpogingen bij de huurzaken van het cohort per soort',
			header: ['Soort', 'Pogingen', 'Bereikt'],
			rows: CONTACT_KINDS.map((k) => [
				k,
				displayCount(m.contactpogingen[k].pogingen, mode),
				displayCount(m.contactpogingen[k].bereikt, mode)
			])
		},
		kinds.length === 0
	);
}

/** Medians of the lead times (with p25–p75 in the table). */
export function vsLeadTimeChart(m: VsMetrics, mode: Mode = 'intern'): ChartSpec {
	const d = m.doorlooptijden;
	return bar(
		'vs-doorlooptijden',
		'Doorlooptijden vanaf het huursignaal (mediaan, dagen)',
		`Staafdiagram van de mediane doorlooptijden vanaf het eerste huursignaal.`,
		VS_LEAD_TIMES.map((id) => wrapLabel(VS_LEAD_TIME_LABELS[id], 18)),
		[
			{
				label: 'Mediaan (dagen)',
				data: VS_LEAD_TIMES.map((id) => (isSuppressedCount(d[id].n, mode) ? null : d[id].mediaan))
			}
		],
		{
			caption: 'Doorlooptijden vanaf het eerste huursignaal, in dagen',
			header: ['Doorlooptijd', 'Afgerond', 'Open', 'Mediaan', 'p25', 'p75', 'p90'],
			rows: VS_LEAD_TIMES.map((id) => {
				const hide = isSuppressedCount(d[id].n, mode);
				const days = (v: number | null) => (hide ? '–' : formatDays(v));
				return [
					VS_LEAD_TIME_LABELS[id],
					displayCount(d[id].n, mode),
					displayCount(d[id].open, mode),
					days(d[id].mediaan),
					days(d[id].p25),
					days(d[id].p75),
					days(d[id].p90)
				];
			})
		},
		VS_LEAD_TIMES.every((id) => d[id].n === 0)
	);
}

/** Signals in the period per partner type. */
export function vsPartnerChart(m: VsMetrics, mode: Mode = 'intern'): ChartSpec {
	const types = PARTNER_TYPES.filter((t) => m.signalen[t] > 0);
	return bar(
		'vs-signaalpartners',
		'Signalen per soort signaalpartner',
		`Staafdiagram van de signalen in de periode per soort signaalpartner; ${displayCount(m.signalen_huur, mode)} van verhuurders.`,
		types.slice(),
		[{ label: 'Signalen', data: types.map((t) => plotted(m.signalen[t], mode)) }],
		{
			caption: 'Signalen in de periode per soort signaalpartner',
			header: ['Signaalpartner', 'Signalen'],
			rows: PARTNER_TYPES.map((t) => [t, displayCount(m.signalen[t], mode)])
		},
		types.length === 0
	);
}
