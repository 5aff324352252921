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
	it('has a header block with the selection and the state, then labelled rows with their code', () => {
		const lines = figuresCsv(doc, 'intern', '2016-01-05').split('\r\n');
		expect(lines[0]).toBe('\uFEFFEvaluatie preventie huisuitzettingen, eerste halfjaar 2015');
		expect(lines.slice(1, 7)).toEqual([
			'Periode;eerste halfjaar 2015 (1 januari t/m 30 juni 2015)',
			'Corporaties;Ymere en Pré Wonen',
			'Doelgroepen;de prioritaire doelgroepen gezinnen met kinderen, senioren en kwetsbare personen (OGGZ), zonder overige huurders',
			'Wijken;alle wijken',
			'Peildatum;31 december 2015',
			'Status;Voorlopig: interne werkversie met exacte aantallen, niet voor publicatie'
		]);
		expect(lines).toContain('Gemaakt op;5 januari 2016');
		// Totaal first, then the corporations in the order of the werkafspraken, as on screen.
		expect(lines).toContain('Cijfer;Totaal;Ymere;Pré Wonen;Code');
		expect(lines).toContain('Ontruimingen;4;3;1;ontruimingen');
		expect(lines).toContain('Huurachterstand;3;3;0;ontruimingen_per_reden.huurachterstand');
		// 7 / 11 = 63,64 %: one decimal, as Dutch Excel reads a percentage; no noemer: unknown.
		expect(lines).toContain(
			'Aandeel voorkomen (van afgeronde aanzeggingen);63,6%;66,7%;50,0%;aandeel_voorkomen'
		);
		expect(lines).toContain('d. Voorkomen ontruimingen');
		// No row is labelled by its code: every label comes from the catalog.
		const rows = lines.filter((l) => /;[a-z_.0-9]+$/.test(l));
		expect(rows.length).toBeGreaterThan(100);
		for (const row of rows) expect(row.split(';')[0]).not.toMatch(/^[a-z_.0-9]+$/);
	});

	it('writes whole days and the cooperation shares beside their counts', () => {
		const withDays = buildDocument(
			sel,
			{ dossiers: zero, gebeurtenissen: zero },
			{
				totaal: metrics({
					doorlooptijden: { signaal_contact: { n: 12, mediaan: 34.5, p25: 20.25 } },
					samenwerking: { meldingen_met_plan: { teller: 7, noemer: 8 } }
				}),
				groepen: { pre_wonen: metrics(), ymere: metrics() }
			}
		);
		const lines = figuresCsv(withDays, 'intern', '2016-01-05').split('\r\n');
		expect(lines).toContain(
			'Signaal → contact: mediaan (dagen);35;–;–;doorlooptijden.signaal_contact.mediaan'
		);
		expect(lines).toContain(
			'Signaal → contact: 25e percentiel (dagen);20;–;–;doorlooptijden.signaal_contact.p25'
		);
		expect(lines).toContain(
			'Meldingen bij SDV met een plan van aanpak;87,5%;–;–;samenwerking.meldingen_met_plan.aandeel'
		);
		expect(lines).toContain(
			'Meldingen bij SDV met een plan van aanpak: aantal zaken;8;0;0;samenwerking.meldingen_met_plan.noemer'
		);
	});

	it('shows counts 1–4 as "< 5" and leaves out shares over fewer than 10 in publication mode', () => {
		const lines = figuresCsv(doc, 'publicatie', '2016-01-05').split('\r\n');
		expect(lines).toContain('Status;Publicatieversie: kleine aantallen zijn afgeschermd');
		expect(lines.some((l) => /^Afscherming;"Publicatieversie: /.test(l))).toBe(true); // quoted: it holds a semicolon
		expect(lines).toContain('Ontruimingen;< 5;< 5;< 5;ontruimingen');
		expect(lines).toContain('Signalen (één maand achterstand);20;12;8;signalen');
		// 7 + 4 = 11 ≥ 10 in total; per corporation fewer than ten: left out.
		expect(lines).toContain(
			'Aandeel voorkomen (van afgeronde aanzeggingen);63,6%;niet getoond;niet getoond;aandeel_voorkomen'
		);
		expect(lines).toContain('Aanzeggingen: ontruimd;< 5;< 5;< 5;aanzeggingen_ontruimd');
		expect(doc.totaal.ontruimingen).toBe(4); // the document itself is untouched
	});
});

/** The text of a workbook part. */
const part = (bytes: Uint8Array, name: string) =>
	new TextDecoder().decode(readZipEntry(bytes, name) ?? new Uint8Array());

describe('.xlsx export', () => {
	it('carries the mode on its sheet and the published figures', async () => {
		const bytes = await figuresXlsx(doc, 'publicatie', '2016-01-05');
		const text = part(bytes, 'xl/sharedStrings.xml') + part(bytes, 'xl/worksheets/sheet1.xml');
		expect(text).toContain('Publicatieversie');
		expect(text).toContain('&lt; 5');
		const intern = await figuresXlsx(doc, 'intern', '2016-01-05');
		const internText =
			part(intern, 'xl/sharedStrings.xml') + part(intern, 'xl/worksheets/sheet1.xml');
		expect(internText).toContain('Voorlopig: interne werkversie');
		expect(internText).not.toContain('&lt; 5');
	});

	it('names its sheets in words and gives shares a percent format on the number', async () => {
		const bytes = await figuresXlsx(doc, 'intern', '2016-01-05');
		const names = [...part(bytes, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]*)"/g)].map(
			(m) => m[1]
		);
		expect(names).toEqual([
			'Cijfers',
			'Kerncijfers',
			'Ontruimingen per reden',
			'Doorlooptijden (mediaan, dagen)',
			'Samenwerking (aandeel)'
		]);
		const styles = part(bytes, 'xl/styles.xml');
		const percentId = styles.match(/<numFmt numFmtId="(\d+)" formatCode="0\.0%"/)?.[1];
		expect(percentId).toBeDefined();
		const xfs = [
			...(styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf [^>]*>/g)
		];
		const percentStyle = xfs.findIndex((x) => x[0].includes(`numFmtId="${percentId}"`));
		expect(percentStyle).toBeGreaterThan(0);
		// The share of aandeel_voorkomen: 7 / 11 as a number in a cell with that style.
		const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
		const cell = sheet.match(new RegExp(`<c r="B\\d+" s="${percentStyle}"[^>]*><v>([^<]+)</v>`));
		expect(Number(cell?.[1])).toBeCloseTo(7 / 11, 12);
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
