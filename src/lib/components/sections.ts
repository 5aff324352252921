/**
 * The page's side of the blocks beside Artikel 4 (metrics/blocks.ts): each block's section on the
 * dashboard and each delivery kind's part of the import report. The dashboard and the import page
 * iterate over these lists; a new source adds its components here.
 */
import type { Component } from 'svelte';
import type { BlockId } from '$lib/metrics/blocks';
import type { SectionProps } from './section-props';
import DdasImportReport from './DdasImportReport.svelte';
import KetenSection from './KetenSection.svelte';
import SchuldhulpverleningSection from './SchuldhulpverleningSection.svelte';
import ShvImportReport from './ShvImportReport.svelte';
import VroegsignaleringSection from './VroegsignaleringSection.svelte';

export type { SectionProps } from './section-props';

/** One block's section: `kind` names the delivery kind whose loaded report it needs (null: none). */
export interface PageBlock {
	id: BlockId;
	kind: string | null;
	// The props are the block's own types; the page hands them in by id.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	section: Component<SectionProps<any, any>>;
}

/** Every block's section, in the order of BLOCK_IDS. */
export const PAGE_BLOCKS: readonly PageBlock[] = [
	{ id: 'vroegsignalering', kind: 'vroegsignalering', section: VroegsignaleringSection },
	{ id: 'schuldhulpverlening', kind: 'schuldhulpverlening', section: SchuldhulpverleningSection },
	{ id: 'keten', kind: null, section: KetenSection }
];

/** Each delivery kind's part of the import report, by the kind's id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const IMPORT_REPORTS: Record<string, Component<any>> = {
	vroegsignalering: DdasImportReport,
	schuldhulpverlening: ShvImportReport
};
