/**
 * Publication mode on every human-readable output built from the same figures: the CSV and .xlsx
 * exports and the alderman's briefing. The stored figures stay exact (the document is unchanged).
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/lib/metrics/document';
import type { DashboardFigures } from '../../../src/lib/metrics/dashboard';
import { draftBriefing } from '../../../src/lib/report/briefing';
import { figuresCsv, figuresXlsx } from '../../../src/lib/report/exports';
import type { Counts } from '../../../src/lib/import/types';
import { metrics, selection } from './fixture';
import { readZipEntry } from './unzip';

const zero: Counts = {
	gelezen: 0,
	geaccepteerd: 0,
	waarschuwingen: 0,
	dubbel: 0,
	geweigerd: 0,
	overgeslagen: 0
};
// ymere: 3 ontruimingen (huurachterstand), 12 signalen; pre_wonen: 1 ontruiming (overlast), 8 signalen.
const ymere = metrics({
	signalen: 12,
	ontruimingen: 3,
	ontruimingen_per_reden: { huurachterstand: 3 },
	aanzeggingen: 9,
	aanzeggingen_voorkomen: 6,
	aanzeggingen_ontruimd: 3
});
const preWonen = metrics({
	signalen: 8,
	ontruimingen: 1,
	ontruimingen_per_reden: { overlast: 1 },
	aanzeggingen: 2,
	aanzeggingen_voorkomen: 1,
	aanzeggingen_ontruimd: 1
});
const total = metrics({
	signalen: 20,
	ontruimingen: 4,
	ontruimingen_per_reden: { huurachterstand: 3, overlast: 1 },
	aanzeggingen: 11,
	aanzeggingen_voorkomen: 7,
	aanzeggingen_ontruimd: 4,
	aandeel_voorkomen: 7 / 11
});
const sel = selection({ corporaties: ['pre_wonen', 'ymere'] });
const doc = buildDocument(
	sel,
	{ dossiers: zero, gebeurtenissen: zero },
	{
		totaal: total,
		groepen: { pre_wonen: preWonen, ymere }
	}
);
const figures: DashboardFigures = {
	selection: sel,
	current: { totaal: total, groepen: { pre_wonen: preWonen, ymere } },
	perGroup: { totaal: total, groepen: {} },
	previous: metrics({ signalen: 14, ontruimingen: 6, aanzeggingen: 11 }),
	previousPeriod: { van: '2014-07-01', tot: '2015-01-01' },
	trend: { totaal: total, groepen: {} }
};

describe('CSV export', () => {
	it('is exact in the internal version', () => {
		const lines = figuresCsv(doc, 'intern', '2016-01-05').split('\r\n');
		expect(lines[2]).toBe('Interne werkversie (exacte aantallen, niet voor publicatie)');
		// Totaal first, then the corporations in the order of the werkafspraken, as on screen.
		expect(lines).toContain('cijfer;totaal;Ymere;Pré Wonen');
		expect(lines).toContain('ontruimingen;4;3;1');
		expect(lines).toContain('aandeel_voorkomen;0,6363636363636364;;');
	});

	it('shows counts 1–4 as "< 5" and leaves out shares over fewer than 10 in publication mode', () => {
		const lines = figuresCsv(doc, 'publicatie', '2016-01-05').split('\r\n');
		expect(lines[2]).toMatch(/^"Publicatieversie: /); // quoted: it holds a semicolon
		expect(lines).toContain('ontruimingen;< 5;< 5;< 5');
		expect(lines).toContain('signalen;20;12;8');
		expect(lines).toContain('aandeel_voorkomen;0,6363636363636364;;'); // 7 + 4 = 11 ≥ 10
		expect(lines).toContain('aanzeggingen_ontruimd;< 5;< 5;< 5');
		expect(doc.totaal.ontruimingen).toBe(4); // the document itself is untouched
	});
});

describe('.xlsx export', () => {
	it('carries the mode on its sheet and the published figures', async () => {
		const bytes = await figuresXlsx(doc, 'publicatie', '2016-01-05');
		const strings = new TextDecoder().decode(
			readZipEntry(bytes, 'xl/sharedStrings.xml') ?? new Uint8Array()
		);
		const sheet = new TextDecoder().decode(
			readZipEntry(bytes, 'xl/worksheets/sheet1.xml') ?? new Uint8Array()
		);
		const text = strings + sheet;
		expect(text).toContain('Publicatieversie');
		expect(text).toContain('&lt; 5');
		const intern = await figuresXlsx(doc, 'intern', '2016-01-05');
		const internText =
			new TextDecoder().decode(readZipEntry(intern, 'xl/sharedStrings.xml') ?? new Uint8Array()) +
			new TextDecoder().decode(
				readZipEntry(intern, 'xl/worksheets/sheet1.xml') ?? new Uint8Array()
			);
		expect(internText).toContain('Interne werkversie');
		expect(internText).not.toContain('&lt; 5');
	});
});

describe('the briefing', () => {
	it('gives six figures with their change and three bullets, exact in the internal version', () => {
		const briefing = draftBriefing(figures, 'intern');
		expect(briefing.figures.map((f) => f.id)).toEqual([
			'signalen',
			'meldingen_sdv',
			'vonnissen',
			'aanzeggingen',
			'aanzeggingen_voorkomen',
			'ontruimingen'
		]);
		expect(briefing.figures.find((f) => f.id === 'ontruimingen')).toMatchObject({
			display: '4',
			change: '−2 t.o.v. de vorige periode (6)'
		});
		expect(briefing.bullets[0]).toBe(
			'De grootste verandering ten opzichte van het tweede halfjaar van 2014: zeven voorkomen ontruimingen, een stijging van zeven (was nul).'
		);
		expect(briefing.bullets[2]).toBe(
			'Er zijn in deze periode vier ontruimingen uitgevoerd: drie wegens huurachterstand en één wegens overlast.'
		);
	});

	it('hides counts 1–4 in publication mode, also in the bullets', () => {
		const briefing = draftBriefing(figures, 'publicatie');
		expect(briefing.figures.find((f) => f.id === 'ontruimingen')).toMatchObject({
			display: 'minder dan vijf',
			change: ''
		});
		expect(briefing.bullets.join(' ')).not.toMatch(/\b(één|twee|drie|vier)\b/);
		expect(briefing.bullets[2]).toContain('minder dan vijf ontruimingen');
	});
});
