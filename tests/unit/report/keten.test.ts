/**
 * The chain figures (`keten`) in the outputs: the protected table hides their small counts and
 * what would give them away, the letter says them in words (and never a hidden one), the exports
 * carry a table of their own. Figures made by hand (the metric itself: tests/unit/metrics/keten.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Counts } from '../../../src/lib/import/types';
import { buildDocument } from '../../../src/lib/metrics/document';
import { emptyMetrics } from '../../../src/lib/metrics/evaluate';
import type { KetenFigures, KetenMetrics } from '../../../src/lib/metrics/keten';
import type { Selection } from '../../../src/lib/metrics/types';
import { blockTables, figuresCsv } from '../../../src/lib/report/exports';
import { isDetermined } from '../../../src/lib/report/intervals';
import { draftLetterFor } from '../../../src/lib/report/letter';
import {
	corporationColumn,
	protectFigures,
	publishedBlocks
} from '../../../src/lib/report/protected-figures';
import { HIDDEN_PRIMARY } from '../../../src/lib/report/publication';

const metrics = (
	[vonnissen, huur, aanmelding, gesprek, met, zonder]: number[],
	lt: KetenMetrics['doorlooptijd_signaal_aanmelding'],
	zonderSleutel = 0
): KetenMetrics => ({
	vonnissen: vonnissen!,
	vonnissen_zonder_adressleutel: zonderSleutel,
	met_huursignaal: huur!,
	met_aanmelding_shv: aanmelding!,
	met_eerste_gesprek_shv: gesprek!,
	voorkomen_met_shv: met!,
	voorkomen_zonder_shv: zonder!,
	doorlooptijd_signaal_aanmelding: lt
});

/** Ymere 8 vonnissen (and 2 without an address key), Elan Wonen 4; the total is their sum. */
const KETEN: KetenFigures = {
	totaal: metrics([12, 7, 6, 3, 4, 2], { n: 6, mediaan: 20, p25: 10, p75: 30 }, 2),
	per_corporatie: {
		elan_wonen: metrics([4, 2, 2, 1, 1, 1], { n: 2, mediaan: 15, p25: 12.5, p75: 17.5 }),
		ymere: metrics([8, 5, 4, 2, 3, 1], { n: 4, mediaan: 25, p25: 10, p75: 30 }, 2)
	}
};

const selection: Selection = {
	van: '2016-01-01',
	tot: '2016-07-01',
	corporaties: ['elan_wonen', 'ymere'],
	doelgroepen: ['gezin_met_kinderen', 'oggz', 'overig', 'senior'],
	wijken: null,
	peildatum: '2016-06-30'
};

const figures = {
	selection,
	current: {
		totaal: emptyMetrics(),
		groepen: { elan_wonen: emptyMetrics(), ymere: emptyMetrics() }
	},
	perGroup: { totaal: emptyMetrics(), groepen: {} },
	previous: emptyMetrics(),
	previousPeriod: { van: '2015-07-01', tot: '2016-01-01' },
	keten: KETEN
};

const zero: Counts = {
	gelezen: 0,
	geaccepteerd: 0,
	waarschuwingen: 0,
	dubbel: 0,
	geweigerd: 0,
	overgeslagen: 0
};

describe('keten in a publication', () => {
	const protection = protectFigures(figures, 'publicatie');
	const published = publishedBlocks({ keten: KETEN }, protection).keten!;

	it('hides every count of 1–4 as < 5', () => {
		expect(published.per_corporatie.elan_wonen!.vonnissen).toBe(HIDDEN_PRIMARY);
		expect(published.per_corporatie.ymere!.met_aanmelding_shv).toBe(HIDDEN_PRIMARY);
		expect(published.totaal.met_eerste_gesprek_shv).toBe(HIDDEN_PRIMARY);
		// 12, 7, 6 and 8, 5 are not small.
		expect(published.totaal.vonnissen).toBe(12);
		expect(published.totaal.met_huursignaal).toBe(7);
	});

	it('leaves no hidden chain count that a reader can work out', () => {
		const hidden = [...protection.states].filter(
			([id, state]) => id.includes('|keten.') && state !== 'shown'
		);
		expect(hidden.length).toBeGreaterThan(0);
		for (const [id] of hidden) {
			const range = protection.ranges.get(id);
			expect(range, id).toBeDefined();
			expect(isDetermined(range!), id).toBe(false);
		}
		// Ymere's 8 would give Elan Wonen's 4 away through the total of 12: one of them is hidden too.
		const state = (c: string) => protection.states.get(`${corporationColumn(c)}|keten.vonnissen`);
		expect(state('elan_wonen')).toBe('primary');
		expect(
			(state('ymere') !== undefined && state('ymere') !== 'shown') ||
				protection.states.get('totaal|keten.vonnissen') === 'secondary'
		).toBe(true);
	});

	it('never shows both the Artikel 4 vonnissen and the chain cohort when their difference is a hidden count without a key', () => {
		const none = { n: 0, mediaan: null, p25: null, p75: null };
		const a4 = (vonnissen: number) => ({ ...emptyMetrics(), vonnissen });
		// Every dossier had one vonnis: Artikel 4's 30 = 29 in the chain + 1 without a key (Ymere).
		const keten: KetenFigures = {
			totaal: metrics([29, 20, 15, 11, 10, 10], none, 1),
			per_corporatie: {
				elan_wonen: metrics([12, 8, 6, 5, 5, 5], none, 0),
				ymere: metrics([17, 12, 9, 6, 5, 5], none, 1)
			}
		};
		const input = {
			...figures,
			current: { totaal: a4(30), groepen: { elan_wonen: a4(12), ymere: a4(18) } },
			keten
		};
		const p = protectFigures(input, 'publicatie');
		const shown = (id: string) => (p.states.get(id) ?? 'shown') === 'shown';
		for (const column of ['totaal', corporationColumn('ymere')]) {
			expect(p.states.get(`${column}|keten.vonnissen_zonder_adressleutel`)).toBe('primary');
			// 30 − 29 would give the hidden 1 away: at least one of the two is hidden.
			expect(shown(`${column}|vonnissen`) && shown(`${column}|keten.vonnissen`), column).toBe(
				false
			);
		}
	});

	it('drops the quantiles over fewer than five households', () => {
		expect(published.per_corporatie.elan_wonen!.doorlooptijd_signaal_aanmelding.mediaan).toBeNull();
		expect(published.per_corporatie.ymere!.doorlooptijd_signaal_aanmelding.mediaan).toBeNull();
	});

	it('keeps every figure exact in intern mode', () => {
		const intern = protectFigures(figures, 'intern');
		expect(publishedBlocks({ keten: KETEN }, intern).keten!).toEqual(KETEN);
	});
});

describe('keten in the letter', () => {
	it('says the chain in words, intern', () => {
		const draft = draftLetterFor(figures, 'intern');
		const p = draft.paragraphs.find((x) => x.id === 'keten');
		expect(p?.heading).toBe('Van signaal tot vonnis');
		expect(p?.text).toContain('kregen twaalf huishoudens met een adressleutel een vonnis');
		expect(p?.text).toContain(
			'hadden er zeven in het jaar voor het vonnis een signaal van huurachterstand'
		);
		expect(p?.text).toContain(
			'waren er zes in dat jaar aangemeld bij de schuldhulpverlening en hadden drie'
		);
		expect(p?.text).toContain(
			'voorkomen bij vier huishoudens met en twee huishoudens zonder aanmelding'
		);
		expect(p?.text).toContain('mediaan 20 dagen');
		const table = draft.tables.find((t) => t.id === 'keten');
		expect(table?.header).toEqual(['Cijfer', 'Totaal', 'Ymere', 'Elan Wonen']);
		expect(table?.rows[0]).toEqual(['Dossiers met een vonnis (met adressleutel)', '12', '8', '4']);
	});

	it('never states a hidden count in a publication', () => {
		const draft = draftLetterFor(figures, 'publicatie');
		const text = draft.paragraphs.find((x) => x.id === 'keten')!.text;
		expect(text).toContain('minder dan vijf');
		expect(text).not.toMatch(/\bdrie\b|\bvier\b|\btwee\b/);
		// The total's lead time is over six households: enough to be shown.
		expect(text).toContain('mediaan 20 dagen');
	});

	it('has no chain paragraph without chain figures', () => {
		const draft = draftLetterFor({ ...figures, keten: null }, 'intern');
		expect(draft.paragraphs.some((p) => p.id === 'keten')).toBe(false);
		expect(draft.tables.some((t) => t.id === 'keten')).toBe(false);
	});
});

describe('keten in the exports', () => {
	const counts = { dossiers: zero, gebeurtenissen: zero };
	it('writes a table with the codes, as published', () => {
		const protection = protectFigures(figures, 'publicatie');
		const doc = buildDocument(selection, counts, figures.current, {
			keten: publishedBlocks({ keten: KETEN }, protection).keten!
		});
		const [table] = blockTables(doc, 'publicatie');
		if (!table) throw new Error('geen tabel van de keten');
		expect(table.header).toEqual(['Cijfer', 'Totaal', 'Ymere', 'Elan Wonen']);
		const row = (code: string) => table.lines.find((l) => 'code' in l && l.code === code);
		expect(row('keten.vonnissen')).toMatchObject({ cells: [12, expect.anything(), '< 5'] });
		expect(row('keten.doorlooptijd_signaal_aanmelding.mediaan')).toMatchObject({
			cells: [20, 'niet getoond', 'niet getoond']
		});
		const csv = figuresCsv(doc, 'publicatie', '2016-07-15');
		expect(csv).toContain('Van signaal tot vonnis');
		expect(csv).toContain('keten.met_aanmelding_shv');
	});

	it('writes no chain table without the block', () => {
		const doc = buildDocument(selection, counts, figures.current);
		expect(blockTables(doc, 'intern')).toEqual([]);
		expect(figuresCsv(doc, 'intern', '2016-07-15')).not.toContain('keten.');
	});
});
