/**
 * Which half-years the case data covers only in part (issue 21): known from the data's extent, the
 * first and the last event date, rounded to whole months as the default period is.
 */
import { describe, expect, test } from 'vitest';
import {
	coverageOf,
	coveredPeriod,
	halfYearPeriod,
	halfYearsSpanning
} from '../../../src/lib/metrics/periods';

describe('the months the data covers', () => {
	test('from the first day of the first month to the first day of the month after the last', () => {
		expect(coveredPeriod({ eersteDatum: '2013-03-04', laatsteDatum: '2016-12-30' })).toEqual({
			van: '2013-03-01',
			tot: '2017-01-01'
		});
		expect(coveredPeriod({ eersteDatum: '2016-01-01', laatsteDatum: '2017-01-12' })).toEqual({
			van: '2016-01-01',
			tot: '2017-02-01'
		});
		expect(coveredPeriod({ eersteDatum: null, laatsteDatum: null })).toBeNull();
	});

	test('a half-year is complete, incomplete (the export ends or starts in it) or not covered', () => {
		// The demo data: 4 March 2013 to 30 December 2016.
		const demo = coveredPeriod({ eersteDatum: '2013-03-04', laatsteDatum: '2016-12-30' });
		expect(coverageOf(halfYearPeriod('2013-1'), demo)).toBe('onvolledig');
		expect(coverageOf(halfYearPeriod('2013-2'), demo)).toBe('volledig');
		expect(coverageOf(halfYearPeriod('2016-2'), demo)).toBe('volledig');
		expect(coverageOf(halfYearPeriod('2017-1'), demo)).toBe('geen');
		expect(coverageOf(halfYearPeriod('2012-2'), demo)).toBe('geen');
		// An export that ends in January: a few stray events in the first half of 2017.
		const january = coveredPeriod({ eersteDatum: '2016-01-05', laatsteDatum: '2017-01-12' });
		expect(coverageOf(halfYearPeriod('2016-1'), january)).toBe('volledig');
		expect(coverageOf(halfYearPeriod('2016-2'), january)).toBe('volledig');
		expect(coverageOf(halfYearPeriod('2017-1'), january)).toBe('onvolledig');
		// Ending on the last day of June covers June: the half-year is complete.
		const june = coveredPeriod({ eersteDatum: '2015-01-10', laatsteDatum: '2015-06-30' });
		expect(coverageOf(halfYearPeriod('2015-1'), june)).toBe('volledig');
		expect(coverageOf(halfYearPeriod('2015-1'), null)).toBe('geen');
	});

	test('a period of any length: whole, in part, or outside', () => {
		const covered = { van: '2015-03-01', tot: '2015-11-01' };
		expect(coverageOf({ van: '2015-03-01', tot: '2015-11-01' }, covered)).toBe('volledig');
		expect(coverageOf({ van: '2015-02-28', tot: '2015-04-01' }, covered)).toBe('onvolledig');
		expect(coverageOf({ van: '2015-10-31', tot: '2015-11-02' }, covered)).toBe('onvolledig');
		expect(coverageOf({ van: '2015-11-01', tot: '2016-01-01' }, covered)).toBe('geen');
		expect(coverageOf({ van: '2014-01-01', tot: '2015-03-01' }, covered)).toBe('geen');
	});

	test('half-year keys as periods', () => {
		expect(halfYearPeriod('2016-1')).toEqual({ van: '2016-01-01', tot: '2016-07-01' });
		expect(halfYearPeriod('2016-2')).toEqual({ van: '2016-07-01', tot: '2017-01-01' });
	});
});

describe('the half-years a span of dates touches', () => {
	test('from the half-year of the first date to that of the last, the last day included', () => {
		expect(halfYearsSpanning('2025-04-05', '2025-06-11')).toEqual([
			{ van: '2025-01-01', tot: '2025-07-01' }
		]);
		expect(halfYearsSpanning('2024-12-31', '2025-07-01')).toEqual([
			{ van: '2024-07-01', tot: '2025-01-01' },
			{ van: '2025-01-01', tot: '2025-07-01' },
			{ van: '2025-07-01', tot: '2026-01-01' }
		]);
	});
});
