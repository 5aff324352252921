/**
 * The demo's first view, computed when the site is built (issue 20, part 4): the dashboard's
 * figures of the demo data for the default selection, by the same code and the same engine
 * (DuckDB-WASM in Node) as the page. The page shows them while its own engine starts — a cold start
 * paints figures without waiting for the wasm to compile — and replaces them with its own when the
 * engine has computed them; filters wait for the engine. Written by src/cli/demo-snapshot.ts into
 * the built site; read by src/lib/state/demo-snapshot.svelte.ts.
 */
import type { Database } from '../db/database';
import { completeness, type Completeness } from '../import/completeness';
import type { ImportReport } from '../import/types';
import { computeFirst, computeTrend, withLeadTimes, type DashboardFigures } from './dashboard';
import { dataExtent, selectionFromQuery } from './selection';
import type { DataExtent, Selection } from './types';

/** The file's name in the built site, beside index.html. */
export const SNAPSHOT_FILE = 'demo-eerste-scherm.json';

/** Raise when the shape changes: a page never reads a snapshot of another shape. */
export const SNAPSHOT_FORMAT = 1;

export interface DemoSnapshot {
	formaat: typeof SNAPSHOT_FORMAT;
	/** The day of import of the build (the demo's dates lie years before it, so it changes nothing). */
	importdatum: string;
	/** The demo data's extent: the page reads the URL's selection against it. */
	extent: DataExtent;
	/** The dashboard's figures of the default selection, lead times and trend included. */
	figures: DashboardFigures;
	/** The demo's import: its counts, and how complete it was (what the page says of the figures). */
	import: Pick<ImportReport, 'totals'> & { completeness: Completeness };
}

/** The snapshot of the data loaded in `db` (the demo's, derived in full), for the default selection. */
export async function computeSnapshot(
	db: Database,
	report: Pick<ImportReport, 'files' | 'totals'>,
	importdatum: string
): Promise<DemoSnapshot> {
	const extent = await dataExtent(db);
	// The selection of a URL without a query: the page's default view.
	const selection = selectionFromQuery(new URLSearchParams(), extent);
	const first = await computeFirst(db, selection);
	const complete = await withLeadTimes(db, first);
	const trend = await computeTrend(db, selection, extent);
	return {
		formaat: SNAPSHOT_FORMAT,
		importdatum,
		extent,
		figures: { ...complete, trend },
		import: { totals: report.totals, completeness: completeness(report) }
	};
}

/** Whether two selections are the same (both made by `applyDefaults`, so in the same key order). */
export function sameSelection(a: Selection, b: Selection): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a value read from the site is a snapshot of this shape (else the page does without). */
export function isSnapshot(value: unknown): value is DemoSnapshot {
	const isObject = (v: unknown): v is Record<string, unknown> =>
		typeof v === 'object' && v !== null && !Array.isArray(v);
	if (!isObject(value) || value.formaat !== SNAPSHOT_FORMAT) return false;
	const { extent, figures, import: counts } = value;
	return (
		typeof value.importdatum === 'string' &&
		isObject(extent) &&
		['corporaties', 'doelgroepen', 'wijken'].every((k) => Array.isArray(extent[k])) &&
		isObject(figures) &&
		isObject(figures.selection) &&
		isObject(figures.previousPeriod) &&
		isObject(figures.previous) &&
		['current', 'perGroup', 'trend'].every((k) => {
			const breakdown = figures[k];
			return isObject(breakdown) && isObject(breakdown.totaal) && isObject(breakdown.groepen);
		}) &&
		isObject(counts) &&
		isObject(counts.totals) &&
		isObject(counts.totals.dossiers) &&
		isObject(counts.totals.gebeurtenissen) &&
		isObject(counts.completeness)
	);
}
