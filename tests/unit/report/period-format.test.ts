/** The period as a person says it: one formatter for page, letter, briefing and exports. */
import { describe, expect, it } from 'vitest';
import {
	dayAfter,
	dayBefore,
	formatDate,
	formatPeriod,
	formatPeriodDays,
	periodPhrase
} from '../../../src/lib/report/format';
import { joinList } from '../../../src/lib/report/letter/grammar';

describe('formatPeriod and periodPhrase', () => {
	it.each([
		// [van, tot) → label, phrase
		['2016-07-01', '2017-01-01', 'tweede halfjaar 2016', 'het tweede halfjaar van 2016'],
		['2015-01-01', '2015-07-01', 'eerste halfjaar 2015', 'het eerste halfjaar van 2015'],
		['2015-01-01', '2016-01-01', '2015', 'het jaar 2015'],
		// Whole months across a year boundary: the 2015 council letter's period.
		[
			'2014-11-01',
			'2015-05-01',
			'1 november 2014 t/m 30 april 2015',
			'de periode van 1 november 2014 t/m 30 april 2015'
		],
		// Whole months in one year: the year once.
		[
			'2014-05-01',
			'2014-11-01',
			'1 mei t/m 31 oktober 2014',
			'de periode van 1 mei t/m 31 oktober 2014'
		],
		// Arbitrary days in one month; the last day of February in a leap year.
		['2016-02-03', '2016-03-01', '3 t/m 29 februari 2016', 'de periode van 3 t/m 29 februari 2016'],
		// Arbitrary days across the year boundary.
		[
			'2015-12-15',
			'2016-01-11',
			'15 december 2015 t/m 10 januari 2016',
			'de periode van 15 december 2015 t/m 10 januari 2016'
		],
		// A half-year that does not start on its first day is a range, not a half-year.
		[
			'2016-07-02',
			'2017-01-01',
			'2 juli t/m 31 december 2016',
			'de periode van 2 juli t/m 31 december 2016'
		],
		// One day.
		['2016-03-01', '2016-03-02', '1 maart 2016', 'de periode van één dag, 1 maart 2016']
	])('[%s, %s) is “%s”', (van, tot, label, phrase) => {
		expect(formatPeriod(van, tot)).toBe(label);
		expect(periodPhrase(van, tot)).toBe(phrase);
	});

	it('never shows the exclusive end date or the internal convention', () => {
		for (const [van, tot] of [
			['2014-11-01', '2015-05-01'],
			['2016-07-01', '2017-01-01'],
			['2015-12-15', '2016-01-11']
		] as const) {
			const text = `${formatPeriod(van, tot)} ${periodPhrase(van, tot)}`;
			expect(text).not.toMatch(/\btot\b|niet t\/m|\(t\/m\)/);
		}
		expect(formatPeriod('2014-11-01', '2015-05-01')).not.toContain('1 mei');
	});
});

describe('dayBefore and dayAfter', () => {
	it.each([
		['2017-01-01', '2016-12-31'],
		['2016-03-01', '2016-02-29'],
		['2015-03-01', '2015-02-28'],
		['2015-07-01', '2015-06-30']
	])('the day before %s is %s, and back', (tot, tm) => {
		expect(dayBefore(tot)).toBe(tm);
		expect(dayAfter(tm)).toBe(tot);
	});
});

describe('dates and lists through Intl (nl-NL), as Chromium writes them', () => {
	// The same strings come out of Chromium 156 (checked with a page.evaluate of the same calls):
	// Node 20's full ICU and the browser's agree for these cases.
	it.each([
		['2014-11-01', '1 november 2014'],
		['2016-02-29', '29 februari 2016'],
		['2025-12-09', '9 december 2025'],
		['0999-03-05', '5 maart 999']
	])('formatDate(%s) → %s', (iso, text) => {
		expect(formatDate(iso)).toBe(text);
	});

	it('leaves text that is no date as it is, and an empty one as a dash', () => {
		expect(formatDate('onbekend')).toBe('onbekend');
		expect(formatDate('2015-13-40')).toBe('2015-13-40');
		expect(formatDate(null)).toBe('–');
	});

	it('names any period by its first and last day', () => {
		expect(formatPeriodDays('2015-01-01', '2015-07-01')).toBe('1 januari t/m 30 juni 2015');
		expect(formatPeriodDays('2016-07-01', '2016-07-02')).toBe('1 juli 2016');
	});

	it('joins lists with Dutch "en" and "of", no comma before the last', () => {
		expect(joinList([])).toBe('');
		expect(joinList(['Noord'])).toBe('Noord');
		expect(joinList(['Noord', 'Oost'])).toBe('Noord en Oost');
		expect(joinList(['Ymere', 'Pré Wonen', 'Elan Wonen'], 'of')).toBe(
			'Ymere, Pré Wonen of Elan Wonen'
		);
	});
});
