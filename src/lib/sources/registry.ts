/**
 * The registry of delivery kinds, in the order of their blocks in the JSON and on the page. The
 * worker, the command line and the page state reach the kinds only through this module.
 */
import type { InputFile } from '../import/types';
import { schuldhulpverlening } from './schuldhulpverlening';
import type { DeliveryKind } from './types';
import { vroegsignalering } from './vroegsignalering';

export { schuldhulpverlening, vroegsignalering };
export type { LoadedShv } from './schuldhulpverlening';
export type { LoadedVs } from './vroegsignalering';
export type * from './types';

/** Every delivery kind, in order. */
export const DELIVERY_KINDS: readonly DeliveryKind[] = [vroegsignalering, schuldhulpverlening];

/** The kind a file is a delivery of, by its content; null when it is none. */
export function kindOf(bytes: Uint8Array): DeliveryKind | null {
	return DELIVERY_KINDS.find((kind) => kind.detect(bytes)) ?? null;
}

/**
 * The files split by the kind they are a delivery of (in registry order, kinds without files left
 * out) and the rest, for the core pipeline. A file with a source profile is never a delivery.
 */
export function byKind<F extends InputFile & { profile?: unknown }>(
	files: readonly F[]
): { deliveries: { kind: DeliveryKind; files: F[] }[]; overig: F[] } {
	const overig: F[] = [];
	const found = new Map<DeliveryKind, F[]>();
	for (const f of files) {
		const kind = f.profile ? null : kindOf(f.bytes);
		if (kind === null) overig.push(f);
		else found.set(kind, [...(found.get(kind) ?? []), f]);
	}
	const deliveries = DELIVERY_KINDS.flatMap((kind) => {
		const of = found.get(kind);
		return of ? [{ kind, files: of }] : [];
	});
	return { deliveries, overig };
}
