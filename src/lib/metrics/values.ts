/** A figure's value in a Metrics object, by its catalog id; pure. */
import { figure } from './catalog';
import type { Metrics } from './types';

/** The value at a dotted path of the document (a count, a quantile in days, or a stored share). */
export function atPath(metrics: Metrics, id: string): number | null {
	let node: unknown = metrics;
	for (const part of id.split('.')) node = (node as Record<string, unknown>)[part];
	if (node === undefined) throw new Error(`no value for ${id}`);
	return node as number | null;
}

/** A count of the document (0 where the metrics hold none). */
export function countOf(metrics: Metrics, id: string): number {
	return atPath(metrics, id) ?? 0;
}

/** The teller and noemer of a share (the noemer the sum of its figures). */
export function ratioOf(metrics: Metrics, id: string): { teller: number; noemer: number } {
	const f = figure(id);
	if (f.kind !== 'share') throw new Error(`${id} is not a share`);
	return {
		teller: countOf(metrics, f.teller),
		noemer: f.noemer.reduce((sum, part) => sum + countOf(metrics, part), 0)
	};
}

/** A figure's value: a share is teller / noemer (null when the noemer is 0), as its record defines it. */
export function valueOf(metrics: Metrics, id: string): number | null {
	const f = figure(id);
	if (f.kind !== 'share') return atPath(metrics, id);
	const { teller, noemer } = ratioOf(metrics, id);
	return noemer === 0 ? null : teller / noemer;
}
