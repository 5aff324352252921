/** What every block's section on the dashboard gets (sections.ts lists the sections); types only. */
import type { Selection } from '$lib/metrics/types';

/** What every block's section gets: its figures, what the page keeps of its deliveries, the selection. */
export interface SectionProps<Doc, Loaded> {
	doc: Doc;
	/** The loaded deliveries of its kind (null for the chain, which spans kinds). */
	loaded: Loaded;
	selection: Selection;
	onchange: (next: Selection) => void;
}
