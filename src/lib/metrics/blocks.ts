/**
 * The blocks beside the Artikel 4 figures: one per delivery kind (src/lib/sources/registry.ts)
 * and the chain across them. Their keys are the keys of the JSON; BLOCK_IDS is their order in the
 * JSON, on the page, in the letter and in the exports. The report reaches them through
 * report/blocks.ts.
 */
import type { KetenFigures } from './keten';
import type { ShvDocument } from './schuldhulpverlening';
import type { VsDocument } from './vroegsignalering';

/** The blocks of one selection; a block that is absent or null has no deliveries behind it. */
export interface Blocks {
	/** ddas-vroegsignalering.md; absent when no delivery is loaded. */
	vroegsignalering?: VsDocument | null;
	/** ddas-schuldhulpverlening.md; absent when no delivery is loaded. */
	schuldhulpverlening?: ShvDocument | null;
	/** ddas-schuldhulpverlening.md, "The chain"; absent unless address keys meet on both sides. */
	keten?: KetenFigures | null;
}

export type BlockId = keyof Blocks;

/** The figures of one block. */
export type BlockOf<Id extends BlockId> = NonNullable<Blocks[Id]>;

/** Every block, in order: the delivery kinds in the registry's order, then the chain. */
export const BLOCK_IDS: readonly BlockId[] = ['vroegsignalering', 'schuldhulpverlening', 'keten'];

/** Blocks that are there or absent, never null (the JSON's shape). */
export type PresentBlocks = { [Id in BlockId]?: BlockOf<Id> };

/** The blocks that are there, in order, without the absent ones (for the JSON). */
export function presentBlocks(blocks: Blocks): PresentBlocks {
	return Object.fromEntries(
		BLOCK_IDS.flatMap((id) => (blocks[id] ? [[id, blocks[id]]] : []))
	) as PresentBlocks;
}
