/**
 * Primary and secondary suppression (protect.ts, protected-figures.ts), checked by the auditor
 * (auditor.ts), which rebuilds the relations from the printed output on its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Counts } from '../../../src/lib/import/types';
import { buildDocument } from '../../../src/lib/metrics/document';
import type { Metrics } from '../../../src/lib/metrics/types';
import type { SelectionFigures } from '../../../src/lib/metrics/dashboard';
import { figuresCsv } from '../../../src/lib/report/exports';
import { figureTable, figureTableMarkdown } from '../../../src/lib/report/figure-table';
import { draftLetterFor, letterToText } from '../../../src/lib/report/letter';
import { suppress } from '../../../src/lib/report/protect';
import {
	corporationColumn,
	protectFigures,
	publishedBreakdown,
	type PublicationInput
} from '../../../src/lib/report/protected-figures';
import { displayFigureTable, figureKind } from '../../../src/lib/report/publication';
import { audit, tableFromCsv, tableFromMarkdown } from './auditor';
import { metrics, selection } from './fixture';

const zero: Counts = {
	gelezen: 0,
	geaccepteerd: 0,
	waarschuwingen: 0,
	dubbel: 0,
	geweigerd: 0,
	overgeslagen: 0
};
const sel = selection({ van: '2014-11-01', tot: '2015-05-01' });

/** Adds count figures of Metrics (the total of corporations). */
function sum(parts: Metrics[]): Metrics {
	const add = (a: unknown, b: unknown): unknown => {
		if (typeof a === 'number' && typeof b === 'number') return a + b;
		if (a && typeof a === 'object' && b && typeof b === 'object') {
			return Object.fromEntries(
				Object.keys(a).map((k) => [
					k,
					add((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
				])
			);
		}
		return null;
	};
	const total = parts.slice(1).reduce((acc, m) => add(acc, m) as Metrics, parts[0] as Metrics);
	const v = total.aanzeggingen_voorkomen;
	const o = total.aanzeggingen_ontruimd;
	return { ...total, aandeel_voorkomen: v + o === 0 ? null : v / (v + o) };
}

/** The May 2015 case of the issue: 18 aanzeggingen, 17 voorkomen, 1 ontruimd, 0 lopend. */
function may2015(): SelectionFigures {
	const ymere = metrics({ aanzeggingen: 9, aanzeggingen_voorkomen: 9, signalen: 42 });
	const preWonen = metrics({ aanzeggingen: 5, aanzeggingen_voorkomen: 5, signalen: 29 });
	const elan = metrics({
		aanzeggingen: 4,
		aanzeggingen_voorkomen: 3,
		aanzeggingen_ontruimd: 1,
		ontruimingen: 1,
		ontruimingen_per_reden: { huurachterstand: 1 },
		signalen: 18
	});
	const groepen = { elan_wonen: elan, pre_wonen: preWonen, ymere };
	const totaal = sum(Object.values(groepen));
	return {
		selection: sel,
		current: { totaal, groepen },
		perGroup: { totaal, groepen: {} },
		previous: metrics({ aanzeggingen: 15, signalen: 97 }),
		previousPeriod: { van: '2014-05-01', tot: '2014-11-01' }
	};
}

function csvOf(input: PublicationInput, protect: boolean): string {
	const current = protect
		? publishedBreakdown(input.current, protectFigures(input, 'publicatie'), corporationColumn)
		: input.current;
	return figuresCsv(
		buildDocument(sel, { dossiers: zero, gebeurtenissen: zero }, current),
		'publicatie',
		'2026-01-01'
	);
}

describe('the auditor', () => {
	it('finds the leak in primary suppression alone: 18 − 17 − 0 = 1 ontruimd', () => {
		const result = audit(tableFromCsv(csvOf(may2015(), false)));
		const found = new Map(result.determined.map((f) => [f.cell, f.min]));
		expect(found.get('totaal|aanzeggingen_ontruimd')).toBe(1);
		// Elan Wonen's 4 aanzeggingen: 18 − 9 − 5.
		expect(found.get('Elan Wonen|aanzeggingen')).toBe(4);
	});

	it('finds nothing once the secondary rule has run', () => {
		const result = audit(tableFromCsv(csvOf(may2015(), true)));
		expect(result.hidden).toBeGreaterThan(0);
		expect(result.determined).toEqual([]);
	});

	it('reads a printed share as a constraint', () => {
		// 94% of voorkomen + ontruimd with 17 voorkomen printed: ontruimd is 1.
		const table = tableFromMarkdown(
			[
				'### Tabel: alle cijfers',
				'| cijfer | totaal |',
				'| --- | ---: |',
				'| aanzeggingen_voorkomen | 17 |',
				'| aanzeggingen_ontruimd | < 5 |',
				'| aandeel_voorkomen | 94% |'
			].join('\n')
		);
		expect(audit(table).determined).toEqual([
			{ cell: 'totaal|aanzeggingen_ontruimd', min: 1, max: 1 }
		]);
	});
});

describe('suppression', () => {
	it('hides small cells, keeps zero, and never the lead total when smaller cells protect', () => {
		const input = may2015();
		const protection = protectFigures(input, 'publicatie');
		const state = (column: string, path: string) =>
			protection.states.get(`${column}|${path}`) ?? 'shown';
		expect(state('totaal', 'aanzeggingen_ontruimd')).toBe('primary');
		expect(state('totaal', 'aanzeggingen_lopend')).toBe('shown');
		expect(state('totaal', 'aanzeggingen')).toBe('shown');
		expect(state('totaal', 'aanzeggingen_voorkomen')).toBe('secondary');
		expect(protection.primary).toBeGreaterThan(0);
		expect(protection.secondary).toBeGreaterThan(0);
		for (const [id, s] of protection.states) {
			const range = protection.ranges.get(id);
			if (s !== 'shown')
				expect(range && range.max !== null && range.max > range.min).not.toBe(false);
		}
	});

	it('takes another threshold', () => {
		const values = new Map([
			['a', 20],
			['b', 12],
			['c', 8]
		]);
		const relations = [{ kind: 'sum' as const, whole: 'a', parts: ['b', 'c'] }];
		expect(
			[...suppress({ values, relations }, { threshold: 5 })].every(([, s]) => s === 'shown')
		).toBe(true);
		const states = suppress({ values, relations }, { threshold: 10, lead: new Set(['a']) });
		expect(states.get('c')).toBe('primary');
		expect(states.get('b')).toBe('secondary');
		expect(states.get('a')).toBe('shown');
	});

	it('changes nothing in intern mode', () => {
		const input = may2015();
		const protection = protectFigures(input, 'intern');
		expect(protection.states.size).toBe(0);
		expect(csvOf(input, true)).not.toContain(';1;');
	});
});

describe('the letter in publication mode', () => {
	it('states no hidden count and no two counts whose difference is hidden', () => {
		const input = may2015();
		const text = letterToText(draftLetterFor(input, 'publicatie'), 'publicatie');
		expect(text).not.toMatch(/op (één|een|\S+) na/);
		expect(text).not.toContain('zeventien');
		expect(text).toContain('vrijwel allemaal voorkomen');
		expect(text).toContain('minder dan vijf aanzeggingen hebben tot een ontruiming geleid');
		expect(text).toContain('achttien aanzeggingen');
	});
});

/** Random figures for one corporation that keep every relation of metrics.md. */
const corporationFigures = fc
	.record({
		v: fc.nat(14),
		o: fc.nat(5),
		l: fc.nat(4),
		vv: fc.nat(20),
		vo: fc.nat(4),
		reasons: fc.array(fc.nat(4), { minLength: 6, maxLength: 6 }),
		deurwaarder: fc.nat(15),
		afgestemd: fc.nat(15),
		signalen: fc.nat(40),
		n: fc.nat(12),
		metNorm: fc.nat(12),
		binnen: fc.nat(12)
	})
	.map((r) => {
		const [huurachterstand, overlast, hennep_drugs, woonfraude, overig, onbekend] = r.reasons as [
			number,
			number,
			number,
			number,
			number,
			number
		];
		const metNorm = Math.min(r.metNorm, r.n);
		return metrics({
			signalen: r.signalen,
			deurwaarder: r.deurwaarder,
			vonnissen: r.vv + r.vo,
			vonnissen_voorkomen: r.vv,
			vonnissen_ontruimd: r.vo,
			aanzeggingen: r.v + r.o + r.l,
			aanzeggingen_voorkomen: r.v,
			aanzeggingen_ontruimd: r.o,
			aanzeggingen_lopend: r.l,
			aandeel_voorkomen: r.v + r.o === 0 ? null : r.v / (r.v + r.o),
			ontruimingen: r.reasons.reduce((a, b) => a + b, 0),
			ontruimingen_per_reden: {
				huurachterstand,
				overlast,
				hennep_drugs,
				woonfraude,
				overig,
				onbekend
			},
			samenwerking: {
				deurwaarder_na_afstemming: {
					teller: Math.min(r.afgestemd, r.deurwaarder),
					noemer: r.deurwaarder
				}
			},
			doorlooptijden: {
				signaal_contact: { n: r.n, met_norm: metNorm, binnen_norm: Math.min(r.binnen, metNorm) }
			}
		});
	});

describe('property: random tables with random small cells', () => {
	it('after suppression the auditor finds no determined hidden cell, in CSV and in md', () => {
		fc.assert(
			fc.property(fc.array(corporationFigures, { minLength: 1, maxLength: 3 }), (corps) => {
				const names = ['elan_wonen', 'pre_wonen', 'ymere'].slice(0, corps.length);
				const groepen = Object.fromEntries(names.map((n, i) => [n, corps[i] as Metrics]));
				const input: PublicationInput = {
					selection: sel,
					current: { totaal: sum(corps), groepen },
					previous: null,
					previousPeriod: null
				};
				const protection = protectFigures(input, 'publicatie');
				const published = publishedBreakdown(input.current, protection, corporationColumn);
				const doc = buildDocument(
					{ ...sel, corporaties: names },
					{ dossiers: zero, gebeurtenissen: zero },
					published
				);
				const csv = figuresCsv(doc, 'publicatie', '2026-01-01');
				const md = `### Tabel: alle cijfers\n\n${figureTableMarkdown(displayFigureTable(figureTable(doc), 'publicatie'))}`;
				for (const table of [tableFromCsv(csv), tableFromMarkdown(md)]) {
					const result = audit(table);
					expect(result.determined).toEqual([]);
					// Zero stays 0; no count from 1 to 4 is printed.
					for (const [id, byColumn] of table.cells) {
						if (figureKind(id) !== 'count') continue;
						for (const cell of byColumn.values()) {
							if (cell.kind === 'shown') expect(cell.value === 0 || cell.value >= 5).toBe(true);
						}
					}
				}
			}),
			{ numRuns: 25, seed: 11 }
		);
	}, 120_000);
});
