/**
 * Publication mode (metrics.md): small-number protection for figures that leave the werkgroep.
 * Pure display functions: the stored figures never change, only what is shown.
 */
import { figure } from '../metrics/catalog';
import type { Metrics } from '../metrics/types';
import { valueOf } from '../metrics/values';
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
		? `Publicatieversie: aantallen van 1 tot en met ${threshold - 1} zijn weergegeven als ‘< ${threshold}’; ` +
				`‘${SECONDARY_MARK}’ is een aantal dat is weggelaten omdat anders een ‘< ${threshold}’ ` +
				`terug te rekenen is (een 0 is een echte nul); ` +
				`percentages met een noemer onder ${MIN_DENOMINATOR} of een weggelaten teller of noemer ` +
				`en doorlooptijden over minder dan ${MIN_QUANTILE_N} zaken zijn weggelaten.`
		: 'Interne werkversie (exacte aantallen, niet voor publicatie)';
}

/** How a figure is published: its kind in the figure catalog. */
export type FigureKind = 'count' | 'share' | 'days';

/** The kind of a figure (from the catalog): a share, days (a lead-time quantile) or a count. */
export function figureKind(id: string): FigureKind {
	return figure(id).kind;
}

/** A published cell: a number, `< 5`, `niet getoond`, or null (unknown). */
export type PublishedCell = number | string | null;

/**
 * One figure as published, by its catalog record: a count by the small-count rule; a share left
 * out below the minimum denominator (the sum of its noemer figures); a quantile left out over too
 * few completed cases. `valueAt` reads the other figures a rule needs; null: unknown.
 */
function publishValue(
	id: string,
	value: number | null,
	valueAt: (id: string) => number | null,
	mode: Mode
): PublishedCell {
	if (value === null) return null;
	const f = figure(id);
	switch (f.publication) {
		case 'small-count':
			return publishCount(value, mode);
		case 'min-denominator': {
			if (f.kind !== 'share') throw new Error(`${id}: a denominator rule needs a share`);
			// Shown only where the teller and every part of the noemer are shown (protected-figures.ts).
			const teller = valueAt(f.teller);
			const parts = f.noemer.map(valueAt);
			const noemer = parts.some((n) => n === null)
				? null
				: publishedSum(...parts.map((n) => n ?? 0));
			return !Number.isNaN(value) &&
				teller !== null &&
				!isHidden(teller) &&
				noemer !== null &&
				isRatioShown(noemer, mode)
				? value
				: NOT_SHOWN;
		}
		case 'min-cases': {
			if (f.kind !== 'days') throw new Error(`${id}: a cases rule needs days`);
			const n = valueAt(f.cases);
			return n !== null && isQuantileShown(n, mode) ? value : NOT_SHOWN;
		}
	}
}

/** A figure of a Metrics object as published in the mode. */
export function publishFigure(metrics: Metrics, id: string, mode: Mode): PublishedCell {
	return publishValue(id, valueOf(metrics, id), (other) => valueOf(metrics, other), mode);
}

/** A published cell as display text: nl-NL numbers, `74%`, `–` for unknown. */
function cellText(id: string, value: PublishedCell): string {
	if (typeof value === 'string') return value;
	const kind = figureKind(id);
	if (kind === 'share') return formatShare(value);
	if (kind === 'days') return formatDays(value);
	return formatCount(value);
}

/** A figure of a Metrics object as display text in the mode: `1.234`, `< 5`, `74%`, `niet getoond`, `–`. */
export function displayFigure(metrics: Metrics, id: string, mode: Mode): string {
	return cellText(id, publishFigure(metrics, id, mode));
}

/**
 * The figure table (figure-table.ts) as published, each cell by its figure's publication rule.
 * Cells stay numbers where shown, so the result can go to CSV as well as to the screen.
 */
export function publishFigureTable(table: FigureTable, mode: Mode): FigureTable {
	const byId = new Map(table.rows.map((row) => [String(row[0]), row]));
	const valueAt = (column: number) => (id: string) => {
		const value = byId.get(id)?.[column];
		return typeof value === 'number' ? value : null;
	};
	return {
		header: [...table.header],
		rows: table.rows.map(([id, ...values]) => [
			id ?? null,
			...values.map((value, i) =>
				typeof value === 'number'
					? publishValue(String(id), value, valueAt(i + 1), mode)
					: (value ?? null)
			)
		])
	};
}

/** The published figure table as display text (nl-NL numbers, `74%`, `–` for unknown). */
export function displayFigureTable(
	table: FigureTable,
	mode: Mode
): { header: string[]; rows: string[][] } {
	const published = publishFigureTable(table, mode);
	return {
		header: published.header,
		rows: published.rows.map(([id, ...values]) => [
			String(id),
			...values.map((value) => cellText(String(id), value ?? null))
		])
	};
}
