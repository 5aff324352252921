/**
 * Publication mode (metrics.md): small-number protection for figures that leave the werkgroep.
 * Pure display functions: the stored figures never change, only what is shown.
 */
import type { FigureTable } from './figure-table';
import { formatCount, formatDays, formatShare, share } from './format';

export type Mode = 'intern' | 'publicatie';

/** Counts from 1 up to this minus one are shown as `< 5` in publication mode. */
export const COUNT_THRESHOLD = 5;
/** A share is shown in publication mode only when its denominator is at least this. */
export const MIN_DENOMINATOR = 10;
/** Lead-time quantiles are shown in publication mode only over at least this many completed cases. */
export const MIN_QUANTILE_N = 5;
/** What a share or quantile left out in publication mode shows. */
export const NOT_SHOWN = 'niet getoond';

/** What a count hidden by the secondary rule shows (it protects another hidden count). */
export const SECONDARY_MARK = 'x';

/**
 * A published count (protected-figures.ts) hidden as small (1 … threshold − 1): shown `< 5`.
 * Published metrics carry this and HIDDEN_SECONDARY in place of the hidden counts.
 */
export const HIDDEN_PRIMARY = -1;
/** A published count hidden to protect another hidden count: shown `x`. */
export const HIDDEN_SECONDARY = -2;

/** Whether a published count is hidden (a marker in place of the count). */
export function isHidden(n: number): boolean {
	return n < 0;
}

/** A count as published: the exact number, `< 5` in place of a small one, `x` for the secondary rule. */
export type PublishedCount = number | `< ${number}` | typeof SECONDARY_MARK;

/**
 * Whether a count is not shown: a hidden marker, or (publication mode, 1 ≤ n < threshold) a small
 * count that has not been through the protection.
 */
export function isSuppressedCount(n: number, mode: Mode, threshold = COUNT_THRESHOLD): boolean {
	return isHidden(n) || (mode === 'publicatie' && n >= 1 && n < threshold);
}

/** A count for display: exact in intern mode; `< 5` for small and `x` for secondary hidden ones. */
export function publishCount(n: number, mode: Mode, threshold = COUNT_THRESHOLD): PublishedCount {
	if (n === HIDDEN_SECONDARY) return SECONDARY_MARK;
	return isSuppressedCount(n, mode, threshold) ? `< ${threshold}` : n;
}

/** Whether a share with this denominator may be shown (always in intern mode; never over a hidden one). */
export function isRatioShown(noemer: number, mode: Mode): boolean {
	return !isHidden(noemer) && (mode === 'intern' || noemer >= MIN_DENOMINATOR);
}

/** teller / noemer, or null: unknown (noemer 0) or not shown (noemer < 10 in publication mode). */
export function publishRatio(teller: number, noemer: number, mode: Mode): number | null {
	return !isHidden(teller) && isRatioShown(noemer, mode) ? share(teller, noemer) : null;
}

/** Whether lead-time quantiles over n completed cases may be shown. */
export function isQuantileShown(n: number, mode: Mode): boolean {
	return !isHidden(n) && (mode === 'intern' || n === 0 || n >= MIN_QUANTILE_N);
}

/** A lead-time quantile in days, or null: unknown, or not shown (n < 5 in publication mode). */
export function publishQuantile(days: number | null, n: number, mode: Mode): number | null {
	return isQuantileShown(n, mode) ? days : null;
}

/** A count as display text: `1.234`, or `< 5`. */
export function displayCount(n: number, mode: Mode, threshold = COUNT_THRESHOLD): string {
	const published = publishCount(n, mode, threshold);
	return typeof published === 'number' ? formatCount(published) : published;
}

/** A share as display text: `74%`; `–` when the denominator is 0; `niet getoond` when left out. */
export function displayRatio(teller: number, noemer: number, mode: Mode): string {
	if (noemer === 0) return formatShare(null);
	return !isHidden(teller) && isRatioShown(noemer, mode) ? formatShare(teller / noemer) : NOT_SHOWN;
}

/** A lead-time quantile as display text: `34,5`; `–` when unknown; `niet getoond` when left out. */
export function displayDays(days: number | null, n: number, mode: Mode): string {
	if (isHidden(n)) return NOT_SHOWN;
	if (days === null) return formatDays(null);
	return isQuantileShown(n, mode) ? formatDays(days) : NOT_SHOWN;
}

/** The sum of published counts, hidden (HIDDEN_SECONDARY) when one of them is. */
export function publishedSum(...counts: number[]): number {
	return counts.some(isHidden) ? HIDDEN_SECONDARY : counts.reduce((a, b) => a + b, 0);
}

/** The line printed on every page and export, saying which version this is. */
export function modeLabel(mode: Mode, threshold = COUNT_THRESHOLD): string {
	return mode === 'publicatie'
		? `Publicatieversie: aantallen van 1 tot ${threshold} zijn weergegeven als ‘< ${threshold}’; ` +
				`‘${SECONDARY_MARK}’ is een aantal dat is weggelaten omdat anders een ‘< ${threshold}’ ` +
				`terug te rekenen is (een 0 is een echte nul); ` +
				`percentages met een noemer onder ${MIN_DENOMINATOR} of een weggelaten teller of noemer ` +
				`en doorlooptijden over minder dan ${MIN_QUANTILE_N} zaken zijn weggelaten.`
		: 'Interne werkversie (exacte aantallen, niet voor publicatie)';
}

/** How a figure of the flat figure table is published, by its dotted id. */
export type FigureKind = 'count' | 'share' | 'days';

const QUANTILE = /^doorlooptijden\.([a-z0-9_]+)\.(mediaan|p25|p75|p90)$/;

/** The kind of a figure: `aandeel_voorkomen` is a share, lead-time quantiles are days, all else counts. */
export function figureKind(id: string): FigureKind {
	if (id === 'aandeel_voorkomen') return 'share';
	return QUANTILE.test(id) ? 'days' : 'count';
}

/** A published cell: a number, `< 5`, `niet getoond`, or null (unknown). */
export type PublishedCell = number | string | null;

/**
 * The figure table (figure-table.ts) as published: counts 1–4 as `< 5`; `aandeel_voorkomen` left
 * out where voorkomen + ontruimd < 10; lead-time quantiles left out where n < 5. Cells stay
 * numbers where shown, so the result can go to CSV as well as to the screen.
 */
export function publishFigureTable(table: FigureTable, mode: Mode): FigureTable {
	const byId = new Map(table.rows.map((row) => [String(row[0]), row]));
	const valueAt = (id: string, column: number): number | null => {
		const value = byId.get(id)?.[column];
		return typeof value === 'number' ? value : null;
	};
	const cell = (id: string, value: string | number | null, column: number): PublishedCell => {
		const kind = figureKind(id);
		if (kind === 'share') {
			const voorkomen = valueAt('aanzeggingen_voorkomen', column);
			const ontruimd = valueAt('aanzeggingen_ontruimd', column);
			if (value === null || (voorkomen === 0 && ontruimd === 0)) return null;
			const noemer =
				voorkomen === null || ontruimd === null ? null : publishedSum(voorkomen, ontruimd);
			return typeof value === 'number' &&
				!Number.isNaN(value) &&
				noemer !== null &&
				voorkomen !== null &&
				!isHidden(voorkomen) &&
				isRatioShown(noemer, mode)
				? value
				: NOT_SHOWN;
		}
		if (typeof value !== 'number') return value;
		if (kind === 'days') {
			const leadTime = QUANTILE.exec(id)?.[1];
			const n = valueAt(`doorlooptijden.${leadTime}.n`, column);
			return n !== null && isQuantileShown(n, mode) ? value : NOT_SHOWN;
		}
		return publishCount(value, mode);
	};
	return {
		header: [...table.header],
		rows: table.rows.map(([id, ...values]) => [
			id ?? null,
			...values.map((value, i) => cell(String(id), value ?? null, i + 1))
		])
	};
}

/** The published figure table as display text (nl-NL numbers, `74%`, `–` for unknown). */
export function displayFigureTable(
	table: FigureTable,
	mode: Mode
): { header: string[]; rows: string[][] } {
	const published = publishFigureTable(table, mode);
	const text = (id: string, value: PublishedCell): string => {
		if (typeof value === 'string') return value;
		const kind = figureKind(id);
		if (kind === 'share') return formatShare(value);
		if (kind === 'days') return formatDays(value);
		return formatCount(value);
	};
	return {
		header: published.header,
		rows: published.rows.map(([id, ...values]) => [
			String(id),
			...values.map((value) => text(String(id), value ?? null))
		])
	};
}
