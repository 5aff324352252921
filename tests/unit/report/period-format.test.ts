/** The period as a person says it: one formatter for page, letter, briefing and exports. */
import { describe, expect, it } from 'vitest';
import { dayAfter, dayBefore, formatPeriod, periodPhrase } from '../../../src/lib/report/format';

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
