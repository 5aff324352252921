/**
 * The alderman's briefing in words: a hidden headline is never `x` or `< 5` but words (`minder
 * dan vijf`, or the range a reader can work out), and the evictions are said once, as in the
 * letter. Golden files hold the whole briefing in both modes.
 */
import { describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../../../src/lib/metrics/dashboard';
import type { KetenFigures, KetenMetrics } from '../../../src/lib/metrics/keten';
import type { Metrics } from '../../../src/lib/metrics/types';
import { draftBriefing, type Briefing } from '../../../src/lib/report/briefing';
import type { Mode } from '../../../src/lib/report/publication';
import { protectFigures } from '../../../src/lib/report/protected-figures';
import { metrics, selection } from './fixture';
import { expectGolden } from './golden';

/** The briefing as a reader sees it: the headline figures with their change, then the bullets. */
function briefingText(b: Briefing, mode: Mode): string {
	return [
		`Briefing (${mode})`,
		'',
		...b.figures.map((f) => `${f.label}: ${f.display}${f.change ? ` (${f.change})` : ''}`),
		'',
		...b.bullets.map((line) => `- ${line}`),
		''
	].join('\n');
}

function figures(
	groepen: Record<string, Metrics>,
	totaal: Metrics,
	previous: Metrics
): DashboardFigures {
	const sel = selection({
		van: '2014-11-01',
		tot: '2015-05-01',
		doelgroepen: ['gezin_met_kinderen']
	});
	return {
		selection: { ...sel, corporaties: Object.keys(groepen) },
		current: { totaal, groepen },
		perGroup: { totaal, groepen: {} },
		previous,
		previousPeriod: { van: '2014-05-01', tot: '2014-11-01' },
		trend: { totaal, groepen: {} }
	};
}

/** The May 2015 case: 18 aanzeggingen, 17 voorkomen (hidden as `x`), 1 ontruimd, 1 eviction. */
const ymere = metrics({
	signalen: 42,
	meldingen_sdv: 12,
	aanzeggingen: 9,
	aanzeggingen_voorkomen: 9
});
const preWonen = metrics({
	signalen: 29,
	meldingen_sdv: 8,
	aanzeggingen: 5,
	aanzeggingen_voorkomen: 5
});
const elan = metrics({
	signalen: 18,
	meldingen_sdv: 6,
	aanzeggingen: 4,
	aanzeggingen_voorkomen: 3,
	aanzeggingen_ontruimd: 1,
	ontruimingen: 1,
	ontruimingen_per_reden: { huurachterstand: 1 }
});
const may2015 = figures(
	{ elan_wonen: elan, pre_wonen: preWonen, ymere },
	metrics({
		signalen: 89,
		meldingen_sdv: 26,
		aanzeggingen: 18,
		aanzeggingen_voorkomen: 17,
		aanzeggingen_ontruimd: 1,
		aandeel_voorkomen: 17 / 18,
		ontruimingen: 1,
		ontruimingen_per_reden: { huurachterstand: 1 }
	}),
	metrics({
		signalen: 97,
		meldingen_sdv: 31,
		aanzeggingen: 15,
		aanzeggingen_voorkomen: 12,
		ontruimingen: 3
	})
);

describe('the briefing', () => {
	it('says one eviction and its reason once (intern)', async () => {
		const briefing = draftBriefing(may2015, 'intern');
		expect(briefing.bullets[2]).toBe(
			'Er is in deze periode één ontruiming uitgevoerd, wegens huurachterstand.'
		);
		await expectGolden('briefing-mei-2015', briefingText(briefing, 'intern'));
	});

	it('never shows x or < 5 as a headline in the publication version', async () => {
		const protection = protectFigures(may2015, 'publicatie');
		const briefing = draftBriefing(may2015, 'publicatie', undefined, protection);
		for (const f of briefing.figures) expect(f.display).not.toMatch(/^x$|</);
		const shown = Object.fromEntries(briefing.figures.map((f) => [f.id, f.display]));
		expect(shown.ontruimingen).toBe('minder dan vijf');
		// 17 next to 18 would give the hidden eviction away: hidden too, shown as what a reader can
		// work out from the publication: 18 minus one to four ontruimd is 14–17, and Ymere's 9 plus
		// Pré Wonen's 5 plus Elan Wonen's one to four is 15–18.
		expect(protection.states.get('totaal|aanzeggingen_voorkomen')).toBe('secondary');
		expect(shown.aanzeggingen_voorkomen).toBe('15 t/m 17');
		expect(shown.aanzeggingen).toBe('18');
		await expectGolden('briefing-mei-2015-publicatie', briefingText(briefing, 'publicatie'));
	});

	it('names the weakest norm with its acronym intact', () => {
		const weak = metrics({
			doorlooptijden: { uitnodiging_intake: { n: 10, met_norm: 10, binnen_norm: 6 } }
		});
		const briefing = draftBriefing(figures({ ymere: weak }, weak, metrics()), 'intern');
		expect(briefing.bullets[1]).toBe(
			'De zwakste norm: uitnodiging → intake SDV bij Ymere; 60% binnen de norm (zes van de tien).'
		);
	});

	it('adds the chain in one bullet when it is there, from its published counts', () => {
		const lead = { n: 0, mediaan: null, p25: null, p75: null };
		const column = (
			vonnissen: number,
			zonder: number,
			aanmelding: number,
			voorkomen: number
		): KetenMetrics => ({
			vonnissen,
			vonnissen_zonder_adressleutel: zonder,
			met_huursignaal: 0,
			met_aanmelding_shv: aanmelding,
			met_eerste_gesprek_shv: 0,
			voorkomen_met_shv: voorkomen,
			voorkomen_zonder_shv: 0,
			doorlooptijd_signaal_aanmelding: lead
		});
		// Ymere 7 vonnissen with a key (4 aangemeld, 3 of them prevented), 2 without; Elan Wonen 5 (2, 1).
		const keten: KetenFigures = {
			totaal: column(12, 2, 6, 4),
			per_corporatie: { elan_wonen: column(5, 0, 2, 1), ymere: column(7, 2, 4, 3) }
		};
		const withChain = { ...may2015, keten };
		expect(draftBriefing(may2015, 'intern').bullets).toHaveLength(3);
		const intern = draftBriefing(withChain, 'intern');
		expect(intern.bullets).toHaveLength(4);
		expect(intern.bullets[3]).toBe(
			'Van signaal tot vonnis: van de twaalf huishoudens met een vonnis waren er zes in het jaar ervoor aangemeld bij de schuldhulpverlening; bij vier daarvan werd de ontruiming voorkomen. Twee dossiers met een vonnis tellen niet mee (geen adressleutel).'
		);
		// Published: the 4 prevented and the 2 without a key are below five.
		const protection = protectFigures(withChain, 'publicatie');
		const published = draftBriefing(withChain, 'publicatie', undefined, protection);
		expect(published.bullets[3]).toBe(
			'Van signaal tot vonnis: van de twaalf huishoudens met een vonnis waren er zes in het jaar ervoor aangemeld bij de schuldhulpverlening; bij minder dan vijf daarvan werd de ontruiming voorkomen. Minder dan vijf dossiers met een vonnis tellen niet mee (geen adressleutel).'
		);
		// Without a vonnis in the chain the dossiers it leaves out are still said; with none at all, no bullet.
		const outside = { ...may2015, keten: { totaal: column(0, 3, 0, 0), per_corporatie: {} } };
		expect(draftBriefing(outside, 'intern').bullets[3]).toBe(
			'Van signaal tot vonnis: geen dossier met een adressleutel kreeg een vonnis. Drie dossiers met een vonnis tellen niet mee (geen adressleutel).'
		);
		const none = { ...may2015, keten: { totaal: column(0, 0, 0, 0), per_corporatie: {} } };
		expect(draftBriefing(none, 'intern').bullets).toHaveLength(3);
	});
});
