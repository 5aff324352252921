/**
 * The chart of the chain (`keten`): per stage of the chain, the dossiers with a vonnis in the
 * period, in total and per corporation, with the table behind it; pure. Counts follow the
 * publication rule of the other figures (1–4 left out of the chart, `< 5` in the table).
 */
import type { KetenFigures, KetenMetrics } from '../metrics/keten';
import { corporationName, orderCorporations } from '../report/format';
import { KETEN_LABELS } from '../report/keten';
import { displayCount, isSuppressedCount, type Mode } from '../report/publication';
import type { ChartSpec } from './configs';
import { bar, wrapLabel } from './vroegsignalering';

/** The stages drawn, from the court ruling back to what came before it. */
export const KETEN_STAGES = [
	['vonnissen', 'Vonnis'],
	['met_huursignaal', 'Huursignaal in het jaar ervoor'],
	['met_aanmelding_shv', 'Aanmelding schuldhulp in het jaar ervoor'],
	['met_eerste_gesprek_shv', 'Eerste gesprek vóór het vonnis']
] as const satisfies readonly (readonly [keyof KetenMetrics, string])[];

/** Per stage, one bar per corporation (one series: the total when a single corporation is chosen). */
export function ketenChart(figures: KetenFigures, mode: Mode = 'intern'): ChartSpec {
	const corporations = orderCorporations(Object.keys(figures.per_corporatie));
	const series: [string, KetenMetrics][] =
		corporations.length > 1
			? corporations.map((c) => [corporationName(c), figures.per_corporatie[c]!])
			: [['Totaal', figures.totaal]];
	const t = figures.totaal;
	const say = (n: number) => displayCount(n, mode);
	return bar(
		'keten',
		'Van signaal tot vonnis',
		`Staafdiagram: van ${say(t.vonnissen)} dossiers met een vonnis in de periode hadden er ${say(t.met_huursignaal)} een huursignaal en ${say(t.met_aanmelding_shv)} een aanmelding bij de schuldhulp in het jaar ervoor; ${say(t.met_eerste_gesprek_shv)} hadden voor het vonnis een eerste gesprek.`,
		KETEN_STAGES.map(([, label]) => wrapLabel(label)),
		series.map(([label, m]) => ({
			label,
			data: KETEN_STAGES.map(([id]) => (isSuppressedCount(m[id], mode) ? null : m[id]))
		})),
		{
			caption: 'Van signaal tot vonnis: dossiers met een vonnis in de periode per fase',
			header: ['Fase', ...series.map(([label]) => label)],
			rows: KETEN_STAGES.map(([id]) => [KETEN_LABELS[id], ...series.map(([, m]) => say(m[id]))])
		},
		t.vonnissen === 0
	);
}
