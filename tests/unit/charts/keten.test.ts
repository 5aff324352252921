/** The chain's chart: a series per corporation (the total for one), small counts out of the chart in a publication, the table behind it. */
import { describe, expect, it } from 'vitest';
import { ketenChart } from '../../../src/lib/charts/keten';
import { emptyKetenMetrics, type KetenFigures } from '../../../src/lib/metrics/keten';

const m = (vonnissen: number, huur: number, aanmelding: number, gesprek: number) => ({
	...emptyKetenMetrics(),
	vonnissen,
	met_huursignaal: huur,
	met_aanmelding_shv: aanmelding,
	met_eerste_gesprek_shv: gesprek
});

const TWO: KetenFigures = {
	totaal: m(12, 7, 6, 3),
	per_corporatie: { elan_wonen: m(4, 2, 2, 1), ymere: m(8, 5, 4, 2) }
};

describe('ketenChart', () => {
	it('draws a series per corporation, Ymere first, with the table behind it', () => {
		const spec = ketenChart(TWO);
		const datasets = spec.config.data.datasets;
		expect(datasets.map((d) => d.label)).toEqual(['Ymere', 'Elan Wonen']);
		expect(datasets[0]!.data).toEqual([8, 5, 4, 2]);
		expect(spec.table.header).toEqual(['Fase', 'Ymere', 'Elan Wonen']);
		expect(spec.table.rows[0]).toEqual(['Dossiers met een vonnis (met adressleutel)', '8', '4']);
		expect(spec.empty).toBeNull();
	});

	it('leaves 1–4 out of the chart and writes < 5 in the table in a publication', () => {
		const spec = ketenChart(TWO, 'publicatie');
		expect(spec.config.data.datasets[1]!.data).toEqual([null, null, null, null]);
		expect(spec.table.rows[0]).toEqual(['Dossiers met een vonnis (met adressleutel)', '8', '< 5']);
	});

	it('one corporation: one series, the total; nothing to draw without a vonnis', () => {
		const one = ketenChart({ totaal: m(3, 1, 1, 0), per_corporatie: { ymere: m(3, 1, 1, 0) } });
		expect(one.config.data.datasets.map((d) => d.label)).toEqual(['Totaal']);
		const none = ketenChart({ totaal: emptyKetenMetrics(), per_corporatie: {} });
		expect(none.empty).not.toBeNull();
	});
});
