/**
 * Integer interval reasoning over a published table: given the shown counts, the bounds a reader
 * knows for each hidden one and the table's linear relations, the smallest and largest value each
 * hidden count can take. Exact over the integers (branch and bound, javascript-lp-solver).
 */
import solver from 'javascript-lp-solver';

/** `whole = Σ parts` (sum) or `Σ parts ≤ whole` (atMost), over cell ids. */
export interface Relation {
	kind: 'sum' | 'atMost';
	whole: string;
	parts: readonly string[];
}

/** What a reader knows of a hidden cell: an integer in [min, max] (max null: no upper bound). */
export interface Bounds {
	min: number;
	max: number | null;
}

/** The integer values a hidden cell can take: min … max (max null: unbounded above). */
export interface Range {
	min: number;
	max: number | null;
}

/** Whether a range leaves fewer than two possible values (the cell is disclosed). */
export function isDetermined(range: Range): boolean {
	return range.max !== null && range.max <= range.min;
}

/** A relation as coefficients over cells: Σ coef · cell (= or ≤) 0. */
function coefficients(relation: Relation): Map<string, number> {
	const out = new Map<string, number>();
	const add = (id: string, c: number) => out.set(id, (out.get(id) ?? 0) + c);
	for (const part of relation.parts) add(part, 1);
	add(relation.whole, -1);
	return out;
}

/**
 * The hidden cells linked through relations to `start`, with the relations among them; shown
 * cells are constants. Each component is solved on its own: small models, exact answers.
 */
function component(
	start: string,
	hidden: ReadonlyMap<string, Bounds>,
	byCell: ReadonlyMap<string, readonly Relation[]>
): { cells: Set<string>; relations: Set<Relation> } {
	const cells = new Set([start]);
	const relations = new Set<Relation>();
	const queue = [start];
	while (queue.length > 0) {
		const cell = queue.pop() as string;
		for (const relation of byCell.get(cell) ?? []) {
			if (relations.has(relation)) continue;
			relations.add(relation);
			for (const other of [relation.whole, ...relation.parts]) {
				if (hidden.has(other) && !cells.has(other)) {
					cells.add(other);
					queue.push(other);
				}
			}
		}
	}
	return { cells, relations };
}

/** The relations that each cell occurs in. */
export function relationsByCell(relations: readonly Relation[]): Map<string, Relation[]> {
	const byCell = new Map<string, Relation[]>();
	for (const relation of relations) {
		for (const id of new Set([relation.whole, ...relation.parts])) {
			const list = byCell.get(id) ?? [];
			list.push(relation);
			byCell.set(id, list);
		}
	}
	return byCell;
}

const OBJECTIVE = '__doel';

/** Optimizes one hidden cell over its component: its least (min) or greatest (max) integer value. */
function optimize(
	target: string,
	cells: ReadonlySet<string>,
	relations: ReadonlySet<Relation>,
	shown: ReadonlyMap<string, number>,
	hidden: ReadonlyMap<string, Bounds>,
	direction: 'min' | 'max'
): number | null | 'infeasible' {
	const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
	const variables: Record<string, Record<string, number>> = {};
	const ints: Record<string, 1> = {};
	const ids = [...cells];
	ids.forEach((id, i) => {
		variables[`v${i}`] = { [OBJECTIVE]: id === target ? 1 : 0 };
		ints[`v${i}`] = 1;
	});
	const index = new Map(ids.map((id, i) => [id, `v${i}`]));
	ids.forEach((id, i) => {
		const b = hidden.get(id) as Bounds;
		const name = `b${i}`;
		constraints[name] = b.max === null ? { min: b.min } : { min: b.min, max: b.max };
		(variables[`v${i}`] as Record<string, number>)[name] = 1;
	});
	let r = 0;
	for (const relation of relations) {
		let constant = 0;
		const name = `r${r++}`;
		for (const [id, c] of coefficients(relation)) {
			const v = index.get(id);
			if (v === undefined) constant += c * (shown.get(id) ?? 0);
			else if (c !== 0) (variables[v] as Record<string, number>)[name] = c;
		}
		// Σ c·x + constant (= or ≤) 0
		constraints[name] = relation.kind === 'sum' ? { equal: -constant } : { max: -constant };
	}
	const result = solver.Solve({
		optimize: OBJECTIVE,
		opType: direction,
		constraints,
		variables,
		ints
	}) as { feasible: boolean; bounded?: boolean; [variable: string]: unknown };
	if (!result.feasible) return 'infeasible';
	if (result.bounded === false) return null;
	// The target's own value in the optimum: the reported objective is wrong for some models.
	const own = result[index.get(target) as string];
	return Math.round(typeof own === 'number' ? own : 0);
}

/**
 * The integer range of every hidden cell, given the shown values and the reader's bounds of the
 * hidden ones. Throws when the published table contradicts its relations (no solution).
 */
export function hiddenRanges(
	relations: readonly Relation[],
	shown: ReadonlyMap<string, number>,
	hidden: ReadonlyMap<string, Bounds>,
	only?: Iterable<string>,
	byCell: ReadonlyMap<string, readonly Relation[]> = relationsByCell(relations)
): Map<string, Range> {
	const out = new Map<string, Range>();
	for (const id of only ?? hidden.keys()) {
		const { cells, relations: rel } = component(id, hidden, byCell);
		const min = optimize(id, cells, rel, shown, hidden, 'min');
		const max = optimize(id, cells, rel, shown, hidden, 'max');
		if (min === 'infeasible' || max === 'infeasible' || min === null) {
			throw new Error(`Tabel is tegenstrijdig rond cel ${id}`);
		}
		out.set(id, { min, max });
	}
	return out;
}
