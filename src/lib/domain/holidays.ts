/**
 * Working days as the Algemene termijnenwet counts them: Monday to Friday, except the general
 * holidays of its article 3. Computed (Easter by the Gregorian computus), not looked up, so any
 * year works; pure, ISO `YYYY-MM-DD` dates in and out.
 *
 * Article 3(1) Atw: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, eerste en
 * tweede Kerstdag, "de dag waarop de verjaardag van de Koning wordt gevierd" and 5 mei. The King's
 * birthday is celebrated on 27 April since 2014 (26 April when the 27th is a Sunday); up to and
 * including 2013 it was Koninginnedag, 30 April (29 April when the 30th is a Sunday) — so
 * 30 April 2013 is a holiday, and 27 April 2013 (a Saturday) is not a working day either way.
 * Goede Vrijdag and eerste Paas- and Pinksterdag (Sundays) are not in the list.
 */

/** The day as a UTC date (no time zone can move it). */
function utc(iso: string): Date {
	return new Date(`${iso}T00:00:00Z`);
}

/** The UTC date as `YYYY-MM-DD`. */
function iso(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** `iso` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
	const date = utc(day);
	date.setUTCDate(date.getUTCDate() + days);
	return iso(date);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day the King's (Queen's, up to 2013) birthday is celebrated in `year`. */
export function kingsDay(year: number): string {
	const day = year >= 2014 ? 27 : 30;
	const date = `${year}-04-${day}`;
	return utc(date).getUTCDay() === 0 ? `${year}-04-${day - 1}` : date;
}

/** One general holiday of the Algemene termijnenwet in a year. */
export interface Holiday {
	date: string;
	name: string;
}

/** The holidays of article 3 Atw in `year`, by date. */
export function holidays(year: number): Holiday[] {
	const easter = easterSunday(year);
	const list: Holiday[] = [
		{ date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
		{ date: addDays(easter, 1), name: 'Tweede Paasdag' },
		{ date: kingsDay(year), name: year >= 2014 ? 'Koningsdag' : 'Koninginnedag' },
		{ date: `${year}-05-05`, name: 'Bevrijdingsdag (5 mei)' },
		{ date: addDays(easter, 39), name: 'Hemelvaartsdag' },
		{ date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
		{ date: `${year}-12-25`, name: 'Eerste Kerstdag' },
		{ date: `${year}-12-26`, name: 'Tweede Kerstdag' }
	];
	return list.sort((x, y) => x.date.localeCompare(y.date));
}

const holidayCache = new Map<number, Set<string>>();

/** Whether `day` is a general holiday of article 3 Atw. */
export function isHoliday(day: string): boolean {
	const year = Number(day.slice(0, 4));
	let set = holidayCache.get(year);
	if (!set) {
		set = new Set(holidays(year).map((h) => h.date));
		holidayCache.set(year, set);
	}
	return set.has(day);
}

/** Whether `day` is a working day: Monday to Friday and not a holiday of article 3 Atw. */
export function isWorkingDay(day: string): boolean {
	const weekday = utc(day).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !isHoliday(day);
}

/**
 * The last day of a term of `count` working days that starts the day after `day`: the
 * `count`-th working day after it (an aanmelding on Sunday 1 January 2023 with 3 working days
 * has until Wednesday 4 January 2023).
 */
export function addWorkingDays(day: string, count: number): string {
	let current = day;
	let left = count;
	while (left > 0) {
		current = addDays(current, 1);
		if (isWorkingDay(current)) left--;
	}
	return current;
}
