/**
 * Working days under the Algemene termijnenwet (spec: ddas-schuldhulpverlening.md, "The legal
 * norms"): the holidays of 2013–2030 against the published dates, and the spec's example.
 */
import { describe, expect, test } from 'vitest';
import {
	addWorkingDays,
	easterSunday,
	holidays,
	isWorkingDay,
	kingsDay
} from '../../../src/lib/domain/holidays';
import { WGS_NORMS, normDate, termText, wgsNorm } from '../../../src/lib/domain/wgs-norms';

/** Easter Sunday as published (Gregorian calendar), 2013–2030. */
const EASTER: Record<number, string> = {
	2013: '03-31',
	2014: '04-20',
	2015: '04-05',
	2016: '03-27',
	2017: '04-16',
	2018: '04-01',
	2019: '04-21',
	2020: '04-12',
	2021: '04-04',
	2022: '04-17',
	2023: '04-09',
	2024: '03-31',
	2025: '04-20',
	2026: '04-05',
	2027: '03-28',
	2028: '04-16',
	2029: '04-01',
	2030: '04-21'
};

/** The spec's rule, written independently: month-day of each holiday from Easter. */
function specRule(year: number): string[] {
	const easter = new Date(`${year}-${EASTER[year]}T00:00:00Z`);
	const plus = (days: number) => {
		const d = new Date(easter);
		d.setUTCDate(d.getUTCDate() + days);
		return d.toISOString().slice(0, 10);
	};
	const april27 = new Date(`${year}-04-27T00:00:00Z`);
	const koningsdag =
		year <= 2013
			? new Date(`${year}-04-30T00:00:00Z`).getUTCDay() === 0
				? `${year}-04-29`
				: `${year}-04-30`
			: april27.getUTCDay() === 0
				? `${year}-04-26`
				: `${year}-04-27`;
	return [
		`${year}-01-01`,
		plus(1),
		koningsdag,
		`${year}-05-05`,
		plus(39),
		plus(50),
		`${year}-12-25`,
		`${year}-12-26`
	].sort();
}

describe('the holidays of the Algemene termijnenwet', () => {
	test('Easter 2013–2030 as published', () => {
		for (const [year, day] of Object.entries(EASTER)) {
			expect(easterSunday(Number(year))).toBe(`${year}-${day}`);
		}
	});

	test('every year 2013–2030 gives the eight holidays of the rule', () => {
		for (let year = 2013; year <= 2030; year++) {
			expect(holidays(year).map((h) => h.date)).toEqual(specRule(year));
		}
	});

	test('Koningsdag moves to Saturday 26 April when the 27th is a Sunday; 2013 was Koninginnedag', () => {
		expect(kingsDay(2014)).toBe('2014-04-26');
		expect(kingsDay(2025)).toBe('2025-04-26');
		expect(kingsDay(2026)).toBe('2026-04-27');
		expect(kingsDay(2013)).toBe('2013-04-30');
		expect(holidays(2013).find((h) => h.date === '2013-04-30')?.name).toBe('Koninginnedag');
	});

	test('known days: Hemelvaart 2023 on 18 May, tweede Pinksterdag 2024 on 20 May', () => {
		expect(isWorkingDay('2023-05-18')).toBe(false);
		expect(isWorkingDay('2024-05-20')).toBe(false);
		expect(isWorkingDay('2023-05-17')).toBe(true);
		// Goede Vrijdag is not a holiday of the Atw.
		expect(isWorkingDay('2023-04-07')).toBe(true);
		expect(isWorkingDay('2023-04-10')).toBe(false);
		// 2016: Hemelvaartsdag fell on 5 May; both are listed, by name.
		expect(
			holidays(2016)
				.filter((h) => h.date === '2016-05-05')
				.map((h) => h.name)
		).toEqual(['Bevrijdingsdag (5 mei)', 'Hemelvaartsdag']);
		// Weekends.
		expect(isWorkingDay('2023-01-07')).toBe(false);
		expect(isWorkingDay('2023-01-08')).toBe(false);
	});
});

describe('terms in working days', () => {
	test('the spec: an aanmelding on Sunday 1 January 2023 has until Wednesday 4 January', () => {
		expect(addWorkingDays('2023-01-01', 3)).toBe('2023-01-04');
	});

	test('across Easter, Koningsdag and 5 May, and across Christmas', () => {
		// Thursday 6 April 2023: Friday 7 (Goede Vrijdag, a working day), Monday 10 is tweede
		// Paasdag, so Tuesday 11 and Wednesday 12.
		expect(addWorkingDays('2023-04-06', 3)).toBe('2023-04-12');
		// Wednesday 26 April 2023: Koningsdag 27, Friday 28, Monday 1 May, Tuesday 2 May.
		expect(addWorkingDays('2023-04-26', 3)).toBe('2023-05-02');
		// Wednesday 3 May 2023: Thursday 4, Friday 5 May is a holiday, Monday 8, Tuesday 9.
		expect(addWorkingDays('2023-05-03', 3)).toBe('2023-05-09');
		// Friday 22 December 2023: Christmas on Monday and Tuesday: 27, 28, 29 December.
		expect(addWorkingDays('2023-12-22', 3)).toBe('2023-12-29');
	});
});

describe('the Wgs norms as data', () => {
	test('three norms, each with its source', () => {
		expect(WGS_NORMS.map((n) => [n.id, n.term, n.unit])).toEqual([
			['eerste_gesprek', 28, 'dagen'],
			['eerste_gesprek_crisis', 3, 'werkdagen'],
			['beschikking', 56, 'dagen']
		]);
		for (const norm of WGS_NORMS) expect(norm.source).toMatch(/^Wgs/);
	});

	test('norm dates: calendar days or working days', () => {
		expect(normDate(wgsNorm('eerste_gesprek'), '2023-01-01')).toBe('2023-01-29');
		expect(normDate(wgsNorm('eerste_gesprek_crisis'), '2023-01-01')).toBe('2023-01-04');
		expect(normDate(wgsNorm('beschikking'), '2023-03-01')).toBe('2023-04-26');
		expect(termText(wgsNorm('eerste_gesprek_crisis'))).toBe('3 werkdagen');
		expect(termText({ term: 1, unit: 'dagen' })).toBe('1 dag');
	});
});
