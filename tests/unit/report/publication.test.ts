/** Publication mode: small counts as `< 5`, shares over fewer than 10 and quantiles over fewer than 5 left out. */
import { describe, expect, it } from 'vitest';
import { flattenMetrics } from '../../../src/lib/metrics/document';
import type { FigureTable } from '../../../src/lib/report/figure-table';
import {
	displayCount,
	displayDays,
	displayFigureTable,
	displayRatio,
	figureKind,
	HIDDEN_PRIMARY,
	HIDDEN_SECONDARY,
	modeLabel,
	NOT_SHOWN,
	publishCount,
	publishFigureTable,
	publishQuantile,
	publishRatio
} from '../../../src/lib/report/publication';
import { metrics } from './fixture';

describe('publishCount', () => {
	it.each([
		{ n: 0, intern: 0, publicatie: 0 },
		{ n: 1, intern: 1, publicatie: '< 5' },
		{ n: 4, intern: 4, publicatie: '< 5' },
		{ n: 5, intern: 5, publicatie: 5 },
		{ n: 1234, intern: 1234, publicatie: 1234 }
	])('$n', ({ n, intern, publicatie }) => {
		expect(publishCount(n, 'intern')).toBe(intern);
		expect(publishCount(n, 'publicatie')).toBe(publicatie);
	});

	it('shows the markers of the protected cells', () => {
		expect(publishCount(HIDDEN_PRIMARY, 'publicatie')).toBe('< 5');
		expect(publishCount(HIDDEN_SECONDARY, 'publicatie')).toBe('x');
		expect(displayRatio(HIDDEN_SECONDARY, 40, 'publicatie')).toBe(NOT_SHOWN);
		expect(displayRatio(12, HIDDEN_SECONDARY, 'publicatie')).toBe(NOT_SHOWN);
		expect(displayDays(12, HIDDEN_SECONDARY, 'publicatie')).toBe(NOT_SHOWN);
	});

	it('takes another threshold', () => {
		expect(publishCount(9, 'publicatie', 10)).toBe('< 10');
		expect(publishCount(10, 'publicatie', 10)).toBe(10);
	});

	it('displays Dutch numbers', () => {
		expect(displayCount(1234, 'publicatie')).toBe('1.234');
		expect(displayCount(3, 'publicatie')).toBe('< 5');
		expect(displayCount(3, 'intern')).toBe('3');
	});
});

describe('publishRatio', () => {
	it.each([
		{ teller: 0, noemer: 0, intern: null, publicatie: null },
		{ teller: 9, noemer: 9, intern: 1, publicatie: null },
		{ teller: 3, noemer: 9, intern: 1 / 3, publicatie: null },
		{ teller: 5, noemer: 10, intern: 0.5, publicatie: 0.5 },
		{ teller: 0, noemer: 10, intern: 0, publicatie: 0 }
	])('$teller / $noemer', ({ teller, noemer, intern, publicatie }) => {
		expect(publishRatio(teller, noemer, 'intern')).toBe(intern);
		expect(publishRatio(teller, noemer, 'publicatie')).toBe(publicatie);
	});

	it('displays a percentage, a dash for unknown, and says when it is left out', () => {
		expect(displayRatio(37, 50, 'publicatie')).toBe('74%');
		expect(displayRatio(0, 0, 'publicatie')).toBe('–');
		expect(displayRatio(7, 9, 'publicatie')).toBe(NOT_SHOWN);
		expect(displayRatio(7, 9, 'intern')).toBe('78%');
	});
});

describe('lead-time quantiles', () => {
	it('leaves them out over fewer than five completed cases in publication mode', () => {
		expect(publishQuantile(12, 4, 'publicatie')).toBeNull();
		expect(publishQuantile(12, 5, 'publicatie')).toBe(12);
		expect(publishQuantile(12, 1, 'intern')).toBe(12);
		expect(displayDays(12.5, 5, 'publicatie')).toBe('12,5');
		expect(displayDays(12.5, 4, 'publicatie')).toBe(NOT_SHOWN);
		expect(displayDays(null, 0, 'publicatie')).toBe('–');
	});
});

describe('modeLabel', () => {
	it('says which version this is', () => {
		expect(modeLabel('publicatie')).toBe(
			'Publicatieversie: aantallen van 1 tot en met 4 zijn weergegeven als ‘< 5’; ‘x’ is een aantal dat is weggelaten omdat anders een ‘< 5’ terug te rekenen is (een 0 is een echte nul); percentages met een noemer onder 10 of een weggelaten teller of noemer en doorlooptijden over minder dan 5 zaken zijn weggelaten.'
		);
		expect(modeLabel('intern')).toBe('Interne werkversie (exacte aantallen, niet voor publicatie)');
	});
});

describe('the figure table as published', () => {
	const total = metrics({
		signalen: 40,
		aanzeggingen: 12,
		aanzeggingen_voorkomen: 8,
		aanzeggingen_ontruimd: 2,
		aanzeggingen_lopend: 2,
		aandeel_voorkomen: 0.8,
		doorlooptijden: { signaal_contact: { n: 30, mediaan: 6, p25: 4, p75: 9, p90: 14 } }
	});
	const ymere = metrics({
		signalen: 3,
		aanzeggingen: 9,
		aanzeggingen_voorkomen: 7,
		aanzeggingen_ontruimd: 2,
		aandeel_voorkomen: 7 / 9,
		doorlooptijden: { signaal_contact: { n: 4, mediaan: 5, p25: 4, p75: 6, p90: 7 } }
	});
	const columns = [new Map(flattenMetrics(total)), new Map(flattenMetrics(ymere))];
	const table: FigureTable = {
		header: ['cijfer', 'totaal', 'ymere'],
		rows: flattenMetrics(total).map(([id]) => [id, ...columns.map((c) => c.get(id) ?? null)])
	};
	const row = (t: FigureTable, id: string) => t.rows.find((r) => r[0] === id)?.slice(1);

	it('changes nothing in intern mode', () => {
		expect(publishFigureTable(table, 'intern')).toEqual(table);
	});

	it('hides small counts, shares over fewer than ten and quantiles over fewer than five', () => {
		const published = publishFigureTable(table, 'publicatie');
		expect(row(published, 'signalen')).toEqual([40, '< 5']);
		expect(row(published, 'aanzeggingen_ontruimd')).toEqual(['< 5', '< 5']);
		expect(row(published, 'aanzeggingen_lopend')).toEqual(['< 5', 0]);
		// Denominator voorkomen + ontruimd: 10 in total, 9 at Ymere.
		expect(row(published, 'aandeel_voorkomen')).toEqual([0.8, NOT_SHOWN]);
		expect(row(published, 'doorlooptijden.signaal_contact.mediaan')).toEqual([6, NOT_SHOWN]);
		expect(row(published, 'doorlooptijden.signaal_contact.p90')).toEqual([14, NOT_SHOWN]);
		expect(row(published, 'doorlooptijden.signaal_contact.n')).toEqual([30, '< 5']);
		expect(row(published, 'doorlooptijden.melding_plan.mediaan')).toEqual([null, null]);
	});

	it('never changes the table it is given', () => {
		const before = structuredClone(table);
		publishFigureTable(table, 'publicatie');
		expect(table).toEqual(before);
	});

	it('formats the cells for display', () => {
		const shown = displayFigureTable(table, 'publicatie');
		expect(shown.rows.find((r) => r[0] === 'aandeel_voorkomen')).toEqual([
			'aandeel_voorkomen',
			'80%',
			NOT_SHOWN
		]);
		expect(shown.rows.find((r) => r[0] === 'doorlooptijden.melding_plan.mediaan')).toEqual([
			'doorlooptijden.melding_plan.mediaan',
			'–',
			'–'
		]);
	});

	it('knows the kind of every figure', () => {
		expect(figureKind('aandeel_voorkomen')).toBe('share');
		expect(figureKind('doorlooptijden.signaal_contact.p25')).toBe('days');
		expect(figureKind('doorlooptijden.signaal_contact.open_boven_norm')).toBe('count');
		expect(figureKind('samenwerking.meldingen_met_plan.noemer')).toBe('count');
	});
});
