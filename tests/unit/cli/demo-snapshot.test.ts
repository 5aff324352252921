/**
 * The demo's first view from the build (src/cli/demo-snapshot.ts, src/lib/metrics/snapshot.ts):
 * it survives its JSON file value for value, it is the default view of the demo data, and its
 * figures are the ones the evaluation computes per breakdown on the same data (evaluate(), the
 * path of the command line and the report, not the page's one-scan path the snapshot uses).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSnapshot } from '../../../src/cli/demo-snapshot';
import type { Database } from '../../../src/lib/db/database';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { importSources } from '../../../src/lib/import/pipeline';
import { evaluate, PERIOD_ONLY } from '../../../src/lib/metrics/evaluate';
import { loadData } from '../../../src/lib/metrics/load';
import { dataRange, previousPeriod } from '../../../src/lib/metrics/periods';
import {
	isSnapshot,
	sameSelection,
	SNAPSHOT_FORMAT,
	type DemoSnapshot
} from '../../../src/lib/metrics/snapshot';

const DATA = new URL('../../../data/', import.meta.url);
const demoFile = (name: string) => readFileSync(new URL(name, DATA));
/** Data lines of a CSV (header and a closing line break not counted). */
const lines = (name: string) => demoFile(name).toString('utf8').trimEnd().split('\n').length - 1;

/** JSON with every object's keys sorted: equal strings mean equal values everywhere. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
			: v
	);
}

let snapshot: DemoSnapshot;
let db: Database;

beforeAll(async () => {
	snapshot = await demoSnapshot('2026-12-07');
	const result = await importSources(
		['dossiers', 'gebeurtenissen'].map((name) => ({
			name: `${name}.csv`,
			bytes: new Uint8Array(demoFile(`${name}.csv`))
		})),
		{ today: '2026-12-07' }
	);
	db = await openNodeDatabase();
	await loadData(db, result);
}, 120_000);

afterAll(async () => {
	await db?.close();
});

describe('the demo snapshot', () => {
	it('survives its JSON file value for value, and is recognised by its shape', () => {
		const read: unknown = JSON.parse(JSON.stringify(snapshot));
		expect(read).toEqual(snapshot);
		expect(isSnapshot(read)).toBe(true);
		expect(snapshot.formaat).toBe(SNAPSHOT_FORMAT);
		expect(snapshot.importdatum).toBe('2026-12-07');
	});

	it('is the default view of the demo data, with every row of the files accepted', () => {
		// The demo's events end on 2016-12-30: the latest half-year, all corporations, the
		// priority groups, no wijk filter, peildatum the latest event (metrics.md, defaults).
		expect(snapshot.figures.selection).toEqual({
			van: '2016-07-01',
			tot: '2017-01-01',
			corporaties: ['elan_wonen', 'pre_wonen', 'ymere'],
			doelgroepen: ['gezin_met_kinderen', 'oggz', 'senior'],
			wijken: null,
			peildatum: '2016-12-30'
		});
		expect(snapshot.figures.previousPeriod).toEqual({ van: '2016-01-01', tot: '2016-07-01' });
		const { totals, completeness } = snapshot.import;
		expect(totals.dossiers.gelezen).toBe(lines('dossiers.csv'));
		expect(totals.gebeurtenissen.gelezen).toBe(lines('gebeurtenissen.csv'));
		expect(totals.dossiers.geweigerd + totals.gebeurtenissen.geweigerd).toBe(0);
		expect(completeness.complete).toBe(true);
		expect(completeness.read).toBe(lines('dossiers.csv') + lines('gebeurtenissen.csv'));
		expect(completeness.rejected).toBe(0);
	});

	it('holds the figures evaluate() computes on the same data', async () => {
		const { selection } = snapshot.figures;
		expect(canonical(snapshot.figures.current)).toBe(
			canonical(await evaluate(db, selection, 'corporatie'))
		);
		expect(canonical(snapshot.figures.perGroup)).toBe(
			canonical(await evaluate(db, selection, 'doelgroep', PERIOD_ONLY))
		);
		const before = await evaluate(
			db,
			{ ...selection, ...previousPeriod(selection) },
			null,
			PERIOD_ONLY
		);
		expect(canonical(snapshot.figures.previous)).toBe(canonical(before.totaal));
		const range = dataRange(snapshot.extent)!;
		expect(canonical(snapshot.figures.trend)).toBe(
			canonical(await evaluate(db, { ...selection, ...range }, 'halfjaar', PERIOD_ONLY))
		);
		// The lead times are there (the page shows them from the snapshot).
		expect(snapshot.figures.current.totaal.doorlooptijden.signaal_contact.n).toBeGreaterThan(0);
	});

	it('sameSelection and isSnapshot refuse what differs', () => {
		const { selection } = snapshot.figures;
		expect(sameSelection(selection, { ...selection })).toBe(true);
		expect(sameSelection(selection, { ...selection, van: '2016-01-01' })).toBe(false);
		expect(sameSelection(selection, { ...selection, wijken: ['Noord'] })).toBe(false);
		expect(isSnapshot(null)).toBe(false);
		expect(isSnapshot({ ...snapshot, formaat: SNAPSHOT_FORMAT + 1 })).toBe(false);
		expect(isSnapshot({ ...snapshot, figures: null })).toBe(false);
		expect(isSnapshot('{}')).toBe(false);
		// A file of the right format with a part missing: the page would fail on it, so it is refused.
		const { trend: _trend, ...withoutTrend } = snapshot.figures;
		expect(isSnapshot({ ...snapshot, figures: withoutTrend })).toBe(false);
		const noTotal = { ...snapshot.figures, current: { groepen: {} } };
		expect(isSnapshot({ ...snapshot, figures: noTotal })).toBe(false);
		expect(isSnapshot({ ...snapshot, extent: { ...snapshot.extent, wijken: null } })).toBe(false);
		expect(isSnapshot({ ...snapshot, import: undefined })).toBe(false);
		const { completeness: _c, ...noCompleteness } = snapshot.import;
		expect(isSnapshot({ ...snapshot, import: noCompleteness })).toBe(false);
	});
});
