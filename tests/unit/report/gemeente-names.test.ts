/**
 * Gemeenten by name with their code beside it (issue 21): the letter's vroegsignalering paragraph,
 * the export's and the Markdown table's columns; and the periods a delivery adds to the list.
 */
import { describe, expect, test } from 'vitest';
import { deliveryPresets, halfYearPresets } from '../../../src/lib/metrics/periods';
import { emptyVsMetrics, type VsDocument } from '../../../src/lib/metrics/vroegsignalering';
import { draftLetter } from '../../../src/lib/report/letter';
import {
	displayVsFigureTable,
	vsExportTable,
	vsFigureTable
} from '../../../src/lib/report/vroegsignalering';
import { metrics, selection } from './fixture';

const counts = { gelezen: 0, geaccepteerd: 0, waarschuwingen: 0, vervangen: 0, geweigerd: 0 };

/** A delivery's figures: Almere 3 rent signals and cases, Haarlem 6. */
function delivery(gemeenten: string[]): VsDocument {
	const of = (n: number) => ({
		...emptyVsMetrics(),
		signalen_huur: n,
		zaken_huur: n,
		opgepakt: n,
		bereikt: n,
		hulp: n
	});
	const per: Record<string, ReturnType<typeof of>> = { '0034': of(3), '0392': of(6) };
	const total = gemeenten.reduce((sum, g) => sum + per[g]!.zaken_huur, 0);
	return {
		selectie: { gemeenten },
		import: { signalen: counts, zaken: counts },
		totaal: of(total),
		per_gemeente: Object.fromEntries(gemeenten.map((g) => [g, per[g]!]))
	};
}

/** The letter's vroegsignalering paragraph for a delivery. */
function paragraph(doc: VsDocument): string {
	const draft = draftLetter({
		selection: selection(),
		totaal: metrics(),
		perCorporatie: {},
		previous: null,
		previousPeriod: null,
		mode: 'intern',
		vroegsignalering: doc
	});
	return draft.paragraphs.find((p) => p.id === 'vroegsignalering')?.text ?? '';
}

describe('gemeenten named in the outputs', () => {
	test('the letter names one gemeente, or a list of them, with the code beside the name', () => {
		expect(paragraph(delivery(['0392']))).toMatch(
			/^Volgens de leveringen vroegsignalering van gemeente Haarlem \(0392\) \(het landelijke/
		);
		expect(paragraph(delivery(['0034', '0392']))).toMatch(
			/^Volgens de leveringen vroegsignalering van de gemeenten Almere \(0034\) en Haarlem \(0392\) \(/
		);
	});

	test('the export and the Markdown table head their gemeente columns with the name', () => {
		const doc = delivery(['0034', '0392']);
		const table = vsExportTable(doc, 'intern');
		expect(table?.header).toEqual(['Cijfer', 'Totaal', 'Almere (0034)', 'Haarlem (0392)']);
		const markdown = displayVsFigureTable(vsFigureTable(doc), 'intern');
		expect(markdown.header).toEqual(['cijfer', 'totaal', 'Almere (0034)', 'Haarlem (0392)']);
		// The rows stay keyed by figure; the zaken_huur row: 9 in total, 3 and 6.
		expect(markdown.rows.find((r) => r[0] === 'vroegsignalering.zaken_huur')).toEqual([
			'vroegsignalering.zaken_huur',
			'9',
			'3',
			'6'
		]);
	});
});

describe('the periods of a delivery in the period list', () => {
	const cases = halfYearPresets({ eersteDatum: '2013-03-04', laatsteDatum: '2016-12-30' });

	test("VNG's example (April to June 2025) beside case data of 2013–2016: its half-year, then 2025", () => {
		expect(
			deliveryPresets({ eersteDatum: '2025-04-05', laatsteDatum: '2025-06-10' }, cases)
		).toEqual([
			{ key: 'levering', van: '2025-01-01', tot: '2025-07-01' },
			{ key: 'levering-2025', van: '2025-01-01', tot: '2026-01-01' }
		]);
	});

	test('a delivery over years: the whole, each year, the half-years of its last year', () => {
		expect(
			deliveryPresets({ eersteDatum: '2023-03-01', laatsteDatum: '2024-11-30' }, cases)
		).toEqual([
			{ key: 'levering', van: '2023-01-01', tot: '2025-01-01' },
			{ key: 'levering-2024', van: '2024-01-01', tot: '2025-01-01' },
			{ key: 'levering-2023', van: '2023-01-01', tot: '2024-01-01' },
			{ key: 'levering-2024-2', van: '2024-07-01', tot: '2025-01-01' },
			{ key: 'levering-2024-1', van: '2024-01-01', tot: '2024-07-01' }
		]);
	});

	test('none the case list already has; none without signals', () => {
		// Spring 2016: the half-year is in the case list, the year 2016 is not.
		expect(
			deliveryPresets({ eersteDatum: '2016-02-01', laatsteDatum: '2016-05-31' }, cases)
		).toEqual([{ key: 'levering-2016', van: '2016-01-01', tot: '2017-01-01' }]);
		expect(deliveryPresets({ eersteDatum: null, laatsteDatum: null }, cases)).toEqual([]);
	});
});
