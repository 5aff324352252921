/** Dutch (nl-NL) formatting of numbers, shares, days and dates, and labels for the codes. */
import { KNOWN_CORPORATIONS } from '../domain/codes';
import { LEAD_TIMES } from '../domain/lead-times';
import type { Breakdown, Metrics } from '../metrics/types';

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

/** A count: `1.234`; unknown: `–`. */
export function formatCount(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : integer.format(value);
}

/** Days with at most one decimal: `34,5`; unknown: `–`. */
export function formatDays(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : decimal.format(value);
}

/** A share as a whole percentage: `74%`; unknown: `–`. */
export function formatShare(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : percent.format(value);
}

/** teller / noemer as a share, null when the denominator is 0. */
export function share(teller: number, noemer: number): number | null {
	return noemer === 0 ? null : teller / noemer;
}

const DAY_MONTH_YEAR = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const DAY_MONTH = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	timeZone: 'UTC'
});

/** An ISO date as the UTC midnight it names, or null when it is not a date. */
function utcDate(iso: string): Date | null {
	const date = new Date(`${iso}T00:00:00Z`);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** `2014-11-01` → `1 november 2014` (Intl.DateTimeFormat nl-NL); text that is no date stays as it is. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	const date = utcDate(iso);
	return date ? DAY_MONTH_YEAR.format(date) : iso;
}

/** `2014-11-01` → `1 november` (the year said elsewhere). */
function formatDayMonth(iso: string): string {
	const date = utcDate(iso);
	return date ? DAY_MONTH.format(date) : iso;
}

/** The day before an ISO date: the last day (t/m) of a period that ends before `tot`. */
export function dayBefore(iso: string): string {
	return shiftDay(iso, -1);
}

/** The day after an ISO date: `tot` for a period that runs up to and including `tm`. */
export function dayAfter(iso: string): string {
	return shiftDay(iso, 1);
}

function shiftDay(iso: string, days: number): string {
	const date = new Date(`${iso}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

type PeriodName =
	| { kind: 'halfjaar'; half: 1 | 2; year: string }
	| { kind: 'jaar'; year: string }
	| { kind: 'dagen'; text: string };

/** What a period `[van, tot)` is called: a half-year, a calendar year, or its first and last day. */
function namePeriod(van: string, tot: string): PeriodName {
	const year = van.slice(0, 4);
	const next = String(Number(year) + 1).padStart(4, '0');
	if (van === `${year}-01-01` && tot === `${year}-07-01`)
		return { kind: 'halfjaar', half: 1, year };
	if (van === `${year}-07-01` && tot === `${next}-01-01`)
		return { kind: 'halfjaar', half: 2, year };
	if (van === `${year}-01-01` && tot === `${next}-01-01`) return { kind: 'jaar', year };
	return { kind: 'dagen', text: formatPeriodDays(van, tot) };
}

/**
 * A period `[van, tot)` by its first and last day, whatever it is called: `1 januari t/m 30 juni
 * 2015`, `3 t/m 29 februari 2016`, `1 november 2014 t/m 30 april 2015`; one day: `1 juli 2016`.
 */
export function formatPeriodDays(van: string, tot: string): string {
	const tm = dayBefore(tot);
	if (tm <= van) return formatDate(van);
	const first =
		van.slice(0, 7) === tm.slice(0, 7)
			? String(Number(van.slice(8, 10)))
			: van.slice(0, 4) === tm.slice(0, 4)
				? formatDayMonth(van)
				: formatDate(van);
	return `${first} t/m ${formatDate(tm)}`;
}

const HALVES = { 1: 'eerste', 2: 'tweede' } as const;

/**
 * A period `[van, tot)` as a person says it, for titles, labels and headers: `tweede halfjaar
 * 2016`, `2015`, `1 november 2014 t/m 30 april 2015`, `1 juli t/m 31 december 2016`.
 */
export function formatPeriod(van: string, tot: string): string {
	const name = namePeriod(van, tot);
	if (name.kind === 'halfjaar') return `${HALVES[name.half]} halfjaar ${name.year}`;
	if (name.kind === 'jaar') return name.year;
	return name.text;
}

/**
 * The period in running text, after a preposition ("in", "ten opzichte van"): `het tweede
 * halfjaar van 2016`, `het jaar 2015`, `de periode van 1 november 2014 t/m 30 april 2015`.
 */
export function periodPhrase(van: string, tot: string): string {
	const name = namePeriod(van, tot);
	if (name.kind === 'halfjaar') return `het ${HALVES[name.half]} halfjaar van ${name.year}`;
	if (name.kind === 'jaar') return `het jaar ${name.year}`;
	return name.text.includes(' t/m ')
		? `de periode van ${name.text}`
		: `de periode van één dag, ${name.text}`;
}

/** `2015-1` → `1e halfjaar 2015`. */
export function formatHalfYear(key: string): string {
	const [year, half] = key.split('-');
	return `${half === '1' ? '1e' : '2e'} halfjaar ${year}`;
}

const CORPORATION_LABELS: Record<string, string> = {
	ymere: 'Ymere',
	pre_wonen: 'Pré Wonen',
	elan_wonen: 'Elan Wonen'
};

/** A corporation label for display: the signatories by name, others from their normalized label. */
export function corporationName(label: string): string {
	return (
		CORPORATION_LABELS[label] ??
		label
			.split('_')
			.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
			.join(' ')
	);
}

/**
 * Corporation labels in the one order every table, list and sentence uses: the signatories in
 * the order of the werkafspraken (Ymere, Pré Wonen, Elan Wonen), then others alphabetically.
 */
export function orderCorporations(labels: readonly string[]): string[] {
	const known: readonly string[] = KNOWN_CORPORATIONS;
	const rank = (label: string) => (known.includes(label) ? known.indexOf(label) : known.length);
	return [...new Set(labels)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** One column of a table per corporation: its key (null for the total), heading and figures. */
export interface BreakdownColumn {
	key: string | null;
	name: string;
	metrics: Metrics;
}

/** The columns of a per-corporation table: Totaal first, then the corporations in their order. */
export function corporationColumns(breakdown: Breakdown): BreakdownColumn[] {
	return [
		{ key: null, name: 'Totaal', metrics: breakdown.totaal },
		...orderCorporations(Object.keys(breakdown.groepen)).map((key) => ({
			key,
			name: corporationName(key),
			metrics: breakdown.groepen[key] as Metrics
		}))
	];
}

export const TARGET_GROUP_LABELS: Record<string, string> = {
	gezin_met_kinderen: 'Gezinnen met kinderen',
	senior: 'Senioren',
	oggz: 'Kwetsbare personen (OGGZ)',
	overig: 'Overige huurders'
};

export const LEAD_TIME_LABELS: Record<string, string> = Object.fromEntries(
	LEAD_TIMES.map((l) => [l.id, l.label])
);
