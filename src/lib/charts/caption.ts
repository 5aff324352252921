/**
 * What a downloaded chart (PNG) carries besides the drawing, so that a chart pasted into a memo
 * says what it shows on its own: its title, the selection it was drawn for and the source; pure.
 */
import { gemeenteLabel } from '../domain/gemeenten';
import type { Selection } from '../metrics/types';
import { formatDate, formatPeriod } from '../report/format';
import { joinList } from '../report/letter/grammar';
import type { Mode } from '../report/publication';
import { corporationsText, doelgroepenText, wijkenText } from '../report/selection-text';
import type { ChartSpec } from './configs';

/** The text of a downloaded chart: the title above it, the lines and the source under it. */
export interface ChartCaption {
	title: string;
	/** The selection in sentences. */
	lines: string[];
	/** `Bron: …, gemaakt op …`. */
	source: string;
}

/** Where the figures of the page come from. */
export interface ChartSourceFacts {
	/** Only the demo files are loaded. */
	demo: boolean;
	/** The number of the parties' exchange or own export files loaded (not the deliveries). */
	files: number;
	/** The gemeenten of the DDAS deliveries loaded (codes), when any. */
	gemeenten: readonly string[];
	/** The day the image is made, `YYYY-MM-DD`. */
	today: string;
}

/** Whether a chart shows the vroegsignalering figures of a DDAS delivery (`vs-…`). */
const isDelivery = (spec: Pick<ChartSpec, 'id'>) => spec.id.startsWith('vs-');

const MODE_TEXT: Record<Mode, string> = {
	intern: 'Interne versie, niet voor publicatie.',
	publicatie: 'Publicatieversie: aantallen van 1 tot en met 4 zijn niet getoond.'
};

/** The caption of a chart drawn for `selection` in `mode`, from the facts of the loaded data. */
export function chartCaption(
	spec: Pick<ChartSpec, 'id' | 'title'>,
	selection: Selection,
	mode: Mode,
	facts: ChartSourceFacts
): ChartCaption {
	const period = formatPeriod(selection.van, selection.tot);
	const lines: string[] = [];
	if (isDelivery(spec)) {
		const gemeenten = selection.gemeenten ?? facts.gemeenten;
		lines.push(
			`Periode: ${period}. ${gemeenten.length === 1 ? 'Gemeente' : 'Gemeenten'}: ${joinList(gemeenten.map(gemeenteLabel)) || 'geen'}. Alle verhuurders (de levering noemt de verhuurder niet).`
		);
	} else {
		lines.push(
			spec.id === 'trend'
				? `Alle halfjaren van de gegevens; gekozen periode: ${period}.`
				: `Periode: ${period}.`,
			`Corporaties: ${corporationsText(selection.corporaties)}. Doelgroepen: ${doelgroepenText(selection.doelgroepen)}. Wijken: ${wijkenText(selection.wijken)}.`
		);
	}
	lines.push(MODE_TEXT[mode]);
	const from = isDelivery(spec)
		? 'DDAS-levering vroegsignalering van de gemeente'
		: facts.demo
			? 'demodata (fictief)'
			: `exports van de partijen (${facts.files} ${facts.files === 1 ? 'bestand' : 'bestanden'})`;
	return {
		title: spec.title,
		lines,
		source: `Bron: ${from}, dashboard Evaluatie preventie huisuitzettingen; gemaakt op ${formatDate(facts.today)}.`
	};
}
