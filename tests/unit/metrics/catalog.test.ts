/**
 * The figure catalog holds together: ids unique, every share and quantile refers to counts of the
 * catalog, the document it describes is the contract's, and the lists derived from it are the
 * ones the page, the letter and the briefing show.
 */
import { describe, expect, it } from 'vitest';
import {
	DOCUMENT_FIGURES,
	FIGURES,
	figure,
	figuresAlongChain,
	figuresIn,
	type Figure
} from '../../../src/lib/metrics/catalog';
import { emptyMetrics } from '../../../src/lib/metrics/evaluate';
import { valueOf } from '../../../src/lib/metrics/values';

describe('the figure catalog', () => {
	it('has one record per id', () => {
		const ids = FIGURES.map((f) => f.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('defines every share by counts of the catalog, and every quantile over a count', () => {
		for (const f of FIGURES as readonly Figure[]) {
			if (f.kind === 'share') {
				for (const part of [f.teller, ...f.noemer]) expect(figure(part).kind, f.id).toBe('count');
				expect(f.publication).toBe('min-denominator');
			} else if (f.kind === 'days') {
				expect(figure(f.cases).kind, f.id).toBe('count');
				expect(f.publication).toBe('min-cases');
			} else {
				expect(f.publication).toBe('small-count');
			}
		}
	});

	it('gives every figure a label and a one-sentence definition', () => {
		for (const f of FIGURES) {
			expect(f.label.length, f.id).toBeGreaterThan(0);
			expect(f.definition, f.id).toMatch(/^[A-Z].*\.$/);
		}
	});

	it('gives a noun to every figure the letter or the briefing writes about', () => {
		for (const f of [...figuresIn('vergelijking'), ...figuresIn('briefing')]) {
			expect(f.noun, f.id).toBeDefined();
		}
	});

	it('describes the METRICS object of the contract, keys in its order', () => {
		const metrics = emptyMetrics();
		expect(Object.keys(metrics)).toEqual([
			'signalen',
			'meldingen_sdv',
			'meldingen_swt',
			'deurwaarder',
			'vonnissen',
			'aanzeggingen',
			'ontruimingen',
			'ontruimingen_per_reden',
			'aanzeggingen_voorkomen',
			'aanzeggingen_ontruimd',
			'aanzeggingen_lopend',
			'aandeel_voorkomen',
			'vonnissen_voorkomen',
			'vonnissen_ontruimd',
			'vonnissen_lopend',
			'trechter',
			'doorlooptijden',
			'samenwerking'
		]);
		expect(Object.keys(metrics.doorlooptijden)).toHaveLength(10);
		expect(metrics.doorlooptijden.signaal_contact).toEqual({
			n: 0,
			open: 0,
			mediaan: null,
			p25: null,
			p75: null,
			p90: null,
			met_norm: 0,
			binnen_norm: 0,
			open_boven_norm: 0
		});
		expect(metrics.samenwerking.meldingen_met_plan).toEqual({ teller: 0, noemer: 0 });
		expect(DOCUMENT_FIGURES.every((f) => f.kind !== 'share' || f.id === 'aandeel_voorkomen')).toBe(
			true
		);
	});

	it('computes a share from its teller and noemer, null when the noemer is 0', () => {
		const m = emptyMetrics();
		expect(valueOf(m, 'aandeel_voorkomen')).toBeNull();
		m.aanzeggingen_voorkomen = 3;
		m.aanzeggingen_ontruimd = 1;
		m.vonnissen_voorkomen = 1;
		m.vonnissen_ontruimd = 4;
		m.samenwerking.meldingen_met_plan = { teller: 2, noemer: 8 };
		expect(valueOf(m, 'aandeel_voorkomen')).toBe(0.75);
		expect(valueOf(m, 'aandeel_vonnissen_niet_uitgevoerd')).toBe(0.2);
		expect(valueOf(m, 'samenwerking.meldingen_met_plan.aandeel')).toBe(0.25);
	});

	it('lists the figures of each surface', () => {
		const ids = (figures: readonly Figure[]) => figures.map((f) => f.id);
		expect(ids(figuresIn('kern'))).toEqual([
			'signalen',
			'meldingen_sdv',
			'meldingen_swt',
			'deurwaarder',
			'vonnissen',
			'aanzeggingen',
			'ontruimingen',
			'aanzeggingen_voorkomen',
			'aanzeggingen_ontruimd',
			'aanzeggingen_lopend'
		]);
		expect(ids(figuresAlongChain('brief'))).toEqual([
			'signalen',
			'meldingen_sdv',
			'meldingen_swt',
			'deurwaarder',
			'vonnissen',
			'vonnissen_voorkomen',
			'vonnissen_ontruimd',
			'vonnissen_lopend',
			'aanzeggingen',
			'aanzeggingen_voorkomen',
			'aanzeggingen_ontruimd',
			'aanzeggingen_lopend',
			'aandeel_voorkomen',
			'ontruimingen'
		]);
		expect(ids(figuresAlongChain('briefing'))).toEqual([
			'signalen',
			'meldingen_sdv',
			'vonnissen',
			'aanzeggingen',
			'aanzeggingen_voorkomen',
			'ontruimingen'
		]);
		expect(ids(figuresIn('trend'))).toEqual([
			'signalen',
			'meldingen_sdv',
			'aanzeggingen',
			'ontruimingen',
			'aanzeggingen_voorkomen'
		]);
		expect(ids(figuresIn('vergelijking'))).toEqual([
			'signalen',
			'meldingen_sdv',
			'meldingen_swt',
			'aanzeggingen',
			'ontruimingen'
		]);
		expect(ids(figuresIn('samenwerking'))).toEqual([
			'samenwerking.contact_binnen_14_dagen.aandeel',
			'samenwerking.deurwaarder_na_afstemming.aandeel',
			'samenwerking.meldingen_met_plan.aandeel',
			'samenwerking.terugkoppeling_na_3m.aandeel',
			'doorlooptijden.signaal_contact.aandeel_binnen_norm',
			'doorlooptijden.achterstand2_huisbezoek.aandeel_binnen_norm',
			'doorlooptijden.melding_uitnodiging.aandeel_binnen_norm',
			'doorlooptijden.uitnodiging_intake.aandeel_binnen_norm',
			'doorlooptijden.achterstand3_terugkoppeling.aandeel_binnen_norm'
		]);
	});
});

describe('the vroegsignalering figures in the catalog', () => {
	it('are every leaf of VS_METRICS, in its order, each once', async () => {
		const { VS_FIGURES } = await import('../../../src/lib/metrics/catalog');
		const { emptyVsMetrics } = await import('../../../src/lib/metrics/vroegsignalering');
		const leaves = (node: unknown, path: string[] = []): string[] =>
			node !== null && typeof node === 'object'
				? Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]))
				: [path.join('.')];
		expect(VS_FIGURES.map((f) => f.id)).toEqual(leaves(emptyVsMetrics()));
		for (const f of VS_FIGURES.filter((x) => x.publication === 'min-cases'))
			expect(
				VS_FIGURES.some((x) => x.id === f.cases && x.kind === 'count'),
				f.id
			).toBe(true);
	});
});
