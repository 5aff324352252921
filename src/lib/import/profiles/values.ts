/** Value specs applied to cells: the label table, then the cell as the exchange format reads it, then `anders`. */
import { normalizeCode } from '../../domain/codes';
import { normalizeSpecValue, type ValueKind, type ValueSpec } from './format';

/** A resolved cell: the exchange-format text to validate, or null when the label is skipped (`null` in `waarden`). */
export type Resolved = string | null;

/**
 * Makes the resolver of one value spec: from a cell's raw text to the exchange value (see the
 * spec's four steps). `onFallback` hears every cell that only `anders` placed.
 */
export function valueResolver(
	spec: ValueSpec,
	kind: ValueKind,
	onFallback?: (cell: string) => void
): (cell: string) => Resolved {
	if ('waarde' in spec) {
		const value = spec.waarde;
		return () => value;
	}
	const table = new Map<string, string | null>();
	for (const [label, code] of Object.entries(spec.waarden ?? {})) {
		table.set(normalizeCode(label), code);
	}
	const anders = spec.anders;
	const cache = new Map<string, Resolved>();
	const fellBack = new Set<string>();
	return (cell) => {
		let out = cache.get(cell);
		if (out !== undefined || cache.has(cell)) {
			if (onFallback && fellBack.has(cell)) onFallback(cell);
			return out!;
		}
		const key = normalizeCode(cell);
		if (table.has(key)) out = table.get(key)!;
		else if (normalizeSpecValue(kind, cell) !== null) out = cell.trim();
		else if (anders !== undefined && cell.trim() !== '') {
			out = anders;
			fellBack.add(cell);
			onFallback?.(cell);
		} else if (anders !== undefined) out = anders;
		// Left as written: the exchange format's rule for an invalid value applies.
		else out = cell.trim();
		cache.set(cell, out);
		return out;
	};
}
