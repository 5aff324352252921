/** Periods: half-years, the default period, the previous period, the data's range; pure. */
import { addDays } from '../domain/holidays';
import type { DataExtent, Selection } from './types';

/** The half-year keys (`2015-1`, `2015-2`) that overlap `[van, tot)`. */
export function halfYearsBetween(van: string, tot: string): string[] {
	const keys: string[] = [];
	let year = Number(van.slice(0, 4));
	let half = Number(van.slice(5, 7)) <= 6 ? 1 : 2;
	for (;;) {
		const start = `${year}-${half === 1 ? '01' : '07'}-01`;
		if (start >= tot) break;
		keys.push(`${year}-${half}`);
		if (half === 2) year += 1;
		half = half === 1 ? 2 : 1;
	}
	return keys;
}

/** A half-year as a period preset. */
export interface PeriodPreset {
	key: string;
	van: string;
	tot: string;
}

function halfYear(year: number, half: 1 | 2): PeriodPreset {
	return half === 1
		? { key: `${year}-1`, van: `${year}-01-01`, tot: `${year}-07-01` }
		: { key: `${year}-2`, van: `${year}-07-01`, tot: `${year + 1}-01-01` };
}

/** Every half-year that the data touches, newest first. */
export function halfYearPresets(
	extent: Pick<DataExtent, 'eersteDatum' | 'laatsteDatum'>
): PeriodPreset[] {
	if (!extent.eersteDatum || !extent.laatsteDatum) return [];
	const out: PeriodPreset[] = [];
	const last = extent.laatsteDatum;
	for (
		let year = Number(extent.eersteDatum.slice(0, 4));
		year <= Number(last.slice(0, 4));
		year++
	) {
		for (const half of [1, 2] as const) {
			const preset = halfYear(year, half);
			if (preset.tot > extent.eersteDatum && preset.van <= last) out.push(preset);
		}
	}
	return out.reverse();
}

/** The first day of the month after a date. */
function nextMonth(iso: string): string {
	const y = Number(iso.slice(0, 4));
	const m = Number(iso.slice(5, 7));
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The default period: the latest complete half-year, one that ended by the first day of the
 * month after the latest event (data up to 30 December counts as a complete December).
 */
export function defaultPeriod(extent: DataExtent): { van: string; tot: string } {
	const presets = halfYearPresets(extent);
	const limit = extent.laatsteDatum ? nextMonth(extent.laatsteDatum) : null;
	const complete = presets.find((p) => limit !== null && p.tot <= limit) ?? presets[0];
	return complete ?? halfYear(new Date().getFullYear() - 1, 2);
}

function monthsBetween(van: string, tot: string): number | null {
	if (van.slice(8) !== '01' || tot.slice(8) !== '01') return null;
	const months =
		(Number(tot.slice(0, 4)) - Number(van.slice(0, 4))) * 12 +
		Number(tot.slice(5, 7)) -
		Number(van.slice(5, 7));
	return months > 0 ? months : null;
}

function shiftMonths(iso: string, months: number): string {
	const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
	return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The period of the same length right before the selection's: whole months shift by months (so
 * the half-year before 1 January–1 July is 1 July–1 January), any other range by its days.
 */
export function previousPeriod(selection: Pick<Selection, 'van' | 'tot'>): {
	van: string;
	tot: string;
} {
	const months = monthsBetween(selection.van, selection.tot);
	if (months !== null) return { van: shiftMonths(selection.van, -months), tot: selection.van };
	const van = Date.parse(`${selection.van}T00:00:00Z`);
	const tot = Date.parse(`${selection.tot}T00:00:00Z`);
	return { van: new Date(2 * van - tot).toISOString().slice(0, 10), tot: selection.van };
}

/** The half-year range covering all data, for the trend. */
export function dataRange(
	extent: Pick<DataExtent, 'eersteDatum' | 'laatsteDatum'>
): { van: string; tot: string } | null {
	if (!extent.eersteDatum || !extent.laatsteDatum) return null;
	const first = extent.eersteDatum;
	const last = extent.laatsteDatum;
	const van = `${first.slice(0, 4)}-${Number(first.slice(5, 7)) <= 6 ? '01' : '07'}-01`;
	const y = Number(last.slice(0, 4));
	const tot = Number(last.slice(5, 7)) <= 6 ? `${y}-07-01` : `${y + 1}-01-01`;
	return { van, tot };
}

/**
 * The months the case data covers, from its extent: the first day of the month of the first
 * event up to the first day of the month after the last (as for the default period: an export
 * that ends on 30 December covers December). Null without events.
 */
export function coveredPeriod(
	extent: Pick<DataExtent, 'eersteDatum' | 'laatsteDatum'>
): { van: string; tot: string } | null {
	if (!extent.eersteDatum || !extent.laatsteDatum) return null;
	return { van: `${extent.eersteDatum.slice(0, 7)}-01`, tot: nextMonth(extent.laatsteDatum) };
}

/** How much of a period `[van, tot)` the covered months hold: all of it, a part, or nothing. */
export type Coverage = 'volledig' | 'onvolledig' | 'geen';

/** Whether the data covers a period whole (`volledig`), in part (`onvolledig`) or not (`geen`). */
export function coverageOf(
	period: { van: string; tot: string },
	covered: { van: string; tot: string } | null
): Coverage {
	if (covered === null || period.tot <= covered.van || period.van >= covered.tot) return 'geen';
	return period.van >= covered.van && period.tot <= covered.tot ? 'volledig' : 'onvolledig';
}

/** The half-year key (`2016-2`) as its period `[van, tot)`. */
export function halfYearPeriod(key: string): { van: string; tot: string } {
	const [year, half] = key.split('-').map(Number) as [number, number];
	const { van, tot } = halfYear(year, half === 1 ? 1 : 2);
	return { van, tot };
}

/**
 * The periods of a DDAS delivery for the period list, from its first and last signal date: the
 * whole half-years it covers as one period (`levering`), each calendar year it touches (`2025`)
 * and the half-years of its last year, each newest first; none twice, none that the case data's
 * list (`shown`) already has.
 */
export function deliveryPresets(
	delivery: Pick<DataExtent, 'eersteDatum' | 'laatsteDatum'>,
	shown: readonly PeriodPreset[]
): PeriodPreset[] {
	const range = dataRange(delivery);
	if (range === null || !delivery.eersteDatum || !delivery.laatsteDatum) return [];
	const first = Number(delivery.eersteDatum.slice(0, 4));
	const last = Number(delivery.laatsteDatum.slice(0, 4));
	const years: PeriodPreset[] = [];
	for (let year = last; year >= first; year--) {
		years.push({ key: `levering-${year}`, van: `${year}-01-01`, tot: `${year + 1}-01-01` });
	}
	const halves = halfYearPresets(delivery)
		.filter((p) => p.van.startsWith(String(last)))
		.map((p) => ({ ...p, key: `levering-${p.key}` }));
	const out: PeriodPreset[] = [];
	for (const p of [{ key: 'levering', ...range }, ...years, ...halves]) {
		const same = (q: PeriodPreset) => q.van === p.van && q.tot === p.tot;
		if (!shown.some(same) && !out.some(same)) out.push(p);
	}
	return out;
}

/** The half-years `[van, tot)` from the one holding the date `first` to the one holding `last`. */
export function halfYearsSpanning(first: string, last: string): { van: string; tot: string }[] {
	return halfYearsBetween(first, addDays(last, 1)).map(halfYearPeriod);
}
