/**
 * Charts that tell the truth on their own (issue 21): the trend marks the half-years the data
 * covers only in part, and a downloaded chart carries its title, selection and source.
 */
import { describe, expect, test } from 'vitest';
import { chartCaption } from '../../../src/lib/charts/caption';
import { SERIES_COLOURS, trendChart } from '../../../src/lib/charts/configs';
import type { Breakdown } from '../../../src/lib/metrics/types';
import { metrics, selection } from '../report/fixture';

/** An export from 4 March 2016 to 12 January 2017: its first and last half-year are partial. */
const COVERED = { van: '2016-03-01', tot: '2017-02-01' };
const TREND: Breakdown = {
	totaal: metrics(),
	groepen: {
		'2016-1': metrics({ signalen: 4, ontruimingen: 1 }),
		'2016-2': metrics({ signalen: 10, ontruimingen: 2, aanzeggingen: 3 }),
		'2017-1': metrics({ signalen: 1 })
	}
};

describe('the trend of an export that starts and ends mid-half-year', () => {
	const spec = trendChart(TREND, 'intern', { van: '2016-07-01', tot: '2017-01-01' }, COVERED);
	const options = spec.config.options!.plugins!;

	test('the partial half-years are hatched, named "(onvolledig)" and drawn with hollow points', () => {
		expect(spec.config.data.labels).toEqual([
			['1e halfjaar 2016', '(onvolledig)'],
			'2e halfjaar 2016',
			['1e halfjaar 2017', '(onvolledig)']
		]);
		expect(options.incompleteBand).toEqual({ indices: [0, 2] });
		const first = spec.config.data.datasets[0] as { pointBackgroundColor?: string[] };
		expect(first.pointBackgroundColor).toEqual(['#ffffff', SERIES_COLOURS[0], '#ffffff']);
		// The selection band is unchanged: the second half of 2016.
		expect(options.selectionBand).toEqual({ from: 1, to: 1, label: 'selectie' });
	});

	test('the table and the summary say it, and speak of the last complete half-year', () => {
		expect(spec.table.caption).toBe(
			'Verloop per halfjaar (aantallen; onvolledig: de gegevens dekken maar een deel van het halfjaar)'
		);
		expect(spec.table.rows.map((r) => r[0])).toEqual([
			'1e halfjaar 2016 (onvolledig)',
			'2e halfjaar 2016 (selectie)',
			'1e halfjaar 2017 (onvolledig)'
		]);
		// Signalen, meldingen SDV, aanzeggingen, ontruimingen, aanzeggingen voorkomen.
		expect(spec.table.rows[1]!.slice(1)).toEqual(['10', '0', '3', '2', '0']);
		expect(spec.summary).toBe(
			'Lijngrafiek van signalen, meldingen, aanzeggingen, ontruimingen en voorkomen ontruimingen per halfjaar, van 1e halfjaar 2016 tot en met 1e halfjaar 2017. De gegevens dekken 1e halfjaar 2016 en 1e halfjaar 2017 maar voor een deel (onvolledig). In het laatste volledige halfjaar (2e halfjaar 2016): 10 signalen en 2 ontruimingen.'
		);
	});

	test('a selected half-year that is partial carries both marks', () => {
		const both = trendChart(TREND, 'intern', { van: '2017-01-01', tot: '2017-07-01' }, COVERED);
		expect(both.table.rows[2]![0]).toBe('1e halfjaar 2017 (selectie, onvolledig)');
	});

	test('without the covered months, or when they hold every half-year whole, nothing is marked', () => {
		for (const covered of [null, { van: '2016-01-01', tot: '2017-07-01' }]) {
			const plain = trendChart(TREND, 'intern', undefined, covered);
			expect(plain.config.data.labels).toEqual([
				'1e halfjaar 2016',
				'2e halfjaar 2016',
				'1e halfjaar 2017'
			]);
			expect(plain.config.options!.plugins!.incompleteBand).toEqual({});
			expect(plain.table.caption).toBe('Verloop per halfjaar (aantallen)');
			expect(plain.summary).toMatch(/In het laatste halfjaar: 1 signalen en 0 ontruimingen\.$/);
		}
	});
});

describe('the caption of a downloaded chart', () => {
	const facts = { demo: false, files: 3, gemeenten: [], today: '2026-12-07' };

	test('a chart of the case data: the selection in sentences, the mode and the files', () => {
		expect(
			chartCaption(
				{ id: 'redenen', title: 'Ontruimingen naar reden' },
				selection(),
				'intern',
				facts
			)
		).toEqual({
			title: 'Ontruimingen naar reden',
			lines: [
				'Periode: eerste halfjaar 2015.',
				'Corporaties: Ymere, Pré Wonen en Elan Wonen. Doelgroepen: de prioritaire doelgroepen gezinnen met kinderen, senioren en kwetsbare personen (OGGZ), zonder overige huurders. Wijken: alle wijken.',
				'Interne versie, niet voor publicatie.'
			],
			source:
				'Bron: exports van de partijen (3 bestanden), dashboard Evaluatie preventie huisuitzettingen; gemaakt op 7 december 2026.'
		});
	});

	test('the trend names the chosen period beside all its half-years; demo data is said to be fictitious', () => {
		const caption = chartCaption(
			{ id: 'trend', title: 'Verloop per halfjaar' },
			selection({ corporaties: ['ymere'], wijken: ['Schalkwijk'] }),
			'publicatie',
			{ ...facts, demo: true }
		);
		expect(caption.lines).toEqual([
			'Alle halfjaren van de gegevens; gekozen periode: eerste halfjaar 2015.',
			'Corporaties: Ymere. Doelgroepen: de prioritaire doelgroepen gezinnen met kinderen, senioren en kwetsbare personen (OGGZ), zonder overige huurders. Wijken: wijk Schalkwijk.',
			'Publicatieversie: aantallen van 1 tot en met 4 zijn niet getoond.'
		]);
		expect(caption.source).toBe(
			'Bron: demodata (fictief), dashboard Evaluatie preventie huisuitzettingen; gemaakt op 7 december 2026.'
		);
	});

	test('a chart of a delivery names its gemeenten with their code, not the corporations', () => {
		const year = selection({ van: '2025-01-01', tot: '2026-01-01' });
		const all = chartCaption({ id: 'vs-trechter', title: 'Trechter' }, year, 'intern', {
			...facts,
			files: 1,
			gemeenten: ['0392', '0034']
		});
		expect(all.lines[0]).toBe(
			'Periode: 2025. Gemeenten: Haarlem (0392) en Almere (0034). Alle verhuurders (de levering noemt de verhuurder niet).'
		);
		expect(all.source).toBe(
			'Bron: DDAS-levering vroegsignalering van de gemeente, dashboard Evaluatie preventie huisuitzettingen; gemaakt op 7 december 2026.'
		);
		const one = chartCaption(
			{ id: 'vs-trechter', title: 'Trechter' },
			{ ...year, gemeenten: ['0392'] },
			'intern',
			{ ...facts, gemeenten: ['0392', '0034'] }
		);
		expect(one.lines[0]).toMatch(/^Periode: 2025\. Gemeente: Haarlem \(0392\)\. /);
	});

	test('one file is one "bestand"', () => {
		const caption = chartCaption({ id: 'trechter', title: 'T' }, selection(), 'intern', {
			...facts,
			files: 1
		});
		expect(caption.source).toMatch(/^Bron: exports van de partijen \(1 bestand\),/);
	});
});
