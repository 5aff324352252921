/**
 * Primary and secondary (complementary) suppression over one table of counts with its linear
 * relations: counts 1 … threshold − 1 are hidden, then further counts until no hidden count can be
 * worked out, or narrowed to fewer than two values, from the shown ones. Zero is never hidden.
 */
import {
	hiddenRanges,
	isDetermined,
	relationsByCell,
	type Bounds,
	type Range,
	type Relation
} from './intervals';
import type { Mode } from './publication';

/** A cell as published: shown exactly, hidden as small (`< 5`) or hidden to protect another (`x`). */
export type CellState = 'shown' | 'primary' | 'secondary';

/** The suppression of one publication: the state of each cell and what a reader can work out. */
export interface Protection {
	mode: Mode;
	threshold: number;
	states: ReadonlyMap<string, CellState>;
	/** For each hidden cell, the integer range a reader can work out from the published ones. */
	ranges: ReadonlyMap<string, Range>;
	primary: number;
	secondary: number;
}

/** The counts of one publication and the relations a reader knows between them. */
export interface CellTable {
	values: ReadonlyMap<string, number>;
	relations: readonly Relation[];
}

export interface SuppressOptions {
	/** Counts from 1 up to this minus one are hidden (primary). */
	threshold: number;
	/** Cells hidden only when nothing else protects (the grand totals the letter leads with). */
	lead?: ReadonlySet<string>;
}

/** How many of the cheapest candidates are tried in pairs when no single one protects. */
const PAIR_CANDIDATES = 10;

/** What a reader knows of a hidden cell: 1 … t − 1 when primary, at least t when secondary. */
export function readerBounds(state: CellState, threshold: number): Bounds {
	return state === 'primary' ? { min: 1, max: threshold - 1 } : { min: threshold, max: null };
}

/** The shown values and the reader's bounds of the hidden ones, for a suppression state. */
export function readerView(
	table: CellTable,
	states: ReadonlyMap<string, CellState>,
	threshold: number
): { shown: Map<string, number>; hidden: Map<string, Bounds> } {
	const shown = new Map<string, number>();
	const hidden = new Map<string, Bounds>();
	for (const [id, value] of table.values) {
		const state = states.get(id) ?? 'shown';
		if (state === 'shown') shown.set(id, value);
		else hidden.set(id, readerBounds(state, threshold));
	}
	return { shown, hidden };
}

/** The integer range of every hidden cell as a reader can work it out. */
export function disclosure(
	table: CellTable,
	states: ReadonlyMap<string, CellState>,
	threshold: number
): Map<string, Range> {
	const { shown, hidden } = readerView(table, states, threshold);
	return hiddenRanges(table.relations, shown, hidden);
}

/**
 * Suppresses the table: primary for 1 … threshold − 1, then greedy secondary suppression. For a
 * hidden cell that a reader can still determine, the cheapest shown cell in a relation with it
 * (or with a hidden cell linked to it) is hidden: the smallest count, a lead total last. Hiding
 * only widens what a reader knows, so a cell once proven undetermined stays so.
 */
export function suppress(table: CellTable, options: SuppressOptions): Map<string, CellState> {
	const { threshold } = options;
	const lead = options.lead ?? new Set<string>();
	const states = new Map<string, CellState>();
	for (const [id, value] of table.values) {
		if (!Number.isInteger(value) || value < 0)
			throw new Error(`Geen aantal in cel ${id}: ${value}`);
		states.set(id, value >= 1 && value < threshold ? 'primary' : 'shown');
	}
	const byCell = relationsByCell(table.relations);
	const cost = (id: string) => (lead.has(id) ? 1e12 : 0) + (table.values.get(id) ?? 0);
	const safe = new Set<string>();
	const protects = (id: string, cells: readonly string[]): boolean => {
		for (const c of cells) states.set(c, 'secondary');
		const ok = !isDetermined(rangeOf(id));
		for (const c of cells) states.set(c, 'shown');
		return ok;
	};
	/**
	 * The cells to hide for `id`: the cheapest single cell that protects it, else the cheapest pair
	 * of ordinary cells, else a lead total, else the cheapest cell (and the loop goes on).
	 */
	const complement = (id: string, candidates: readonly string[]): string[] => {
		const ordinary = candidates.filter((c) => !lead.has(c));
		for (const c of ordinary) if (protects(id, [c])) return [c];
		const few = ordinary.slice(0, PAIR_CANDIDATES);
		let best: string[] | null = null;
		for (let i = 0; i < few.length; i++) {
			for (let j = i + 1; j < few.length; j++) {
				const pair = [few[i] as string, few[j] as string];
				const total = cost(pair[0] as string) + cost(pair[1] as string);
				if (best && total >= cost(best[0] as string) + cost(best[1] as string)) continue;
				if (protects(id, pair)) best = pair;
			}
		}
		if (best) return best;
		for (const c of candidates.filter((x) => lead.has(x))) if (protects(id, [c])) return [c];
		return [candidates[0] as string];
	};
	const rangeOf = (id: string): Range => {
		const { shown, hidden } = readerView(table, states, threshold);
		return hiddenRanges(table.relations, shown, hidden, [id], byCell).get(id) as Range;
	};

	for (;;) {
		const open = [...states].filter(([id, s]) => s !== 'shown' && !safe.has(id)).map(([id]) => id);
		if (open.length === 0) return states;
		for (const id of open) {
			if (!isDetermined(rangeOf(id))) {
				safe.add(id);
				continue;
			}
			const candidates = neighbours(id, states, byCell)
				.filter((c) => (table.values.get(c) ?? 0) > 0)
				.sort((a, b) => cost(a) - cost(b) || a.localeCompare(b));
			if (candidates.length === 0) throw new Error(`Cel ${id} is niet te beschermen`);
			for (const c of complement(id, candidates)) states.set(c, 'secondary');
			break;
		}
	}
}

/** Shown cells in a relation with the hidden cell or with a hidden cell linked to it. */
function neighbours(
	start: string,
	states: ReadonlyMap<string, CellState>,
	byCell: ReadonlyMap<string, readonly Relation[]>
): string[] {
	const seen = new Set([start]);
	const queue = [start];
	const out = new Set<string>();
	while (queue.length > 0) {
		const cell = queue.pop() as string;
		for (const relation of byCell.get(cell) ?? []) {
			for (const other of [relation.whole, ...relation.parts]) {
				if (seen.has(other)) continue;
				seen.add(other);
				if ((states.get(other) ?? 'shown') === 'shown') out.add(other);
				else queue.push(other);
			}
		}
	}
	return [...out];
}
