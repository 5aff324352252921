/**
 * The vroegsignalering figures in publication mode: they go through the one protected table, and
 * the auditor (which rebuilds the relations between the figures on its own) cannot work out any
 * hidden count from the published table, the CSV or the letter's figures, for the demo delivery
 * per month and per half-year and for our three-gemeente delivery in the shape of VNG's example. Primary suppression alone
 * does leak, so the audit can fail.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { ddasToArrowIpc } from '../../../src/lib/db/ddas-arrow';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { importDdasFiles } from '../../../src/lib/import/ddas-combine';
import type { Counts } from '../../../src/lib/import/types';
import { buildDocument } from '../../../src/lib/metrics/document';
import { emptyMetrics } from '../../../src/lib/metrics/evaluate';
import type { Selection } from '../../../src/lib/metrics/types';
import {
	vsDocument,
	vsGemeenten,
	type VsDocument
} from '../../../src/lib/metrics/vroegsignalering';
import { loadVroegsignalering } from '../../../src/lib/metrics/vroegsignalering-load';
import { figuresCsv } from '../../../src/lib/report/exports';
import { draftLetterFor } from '../../../src/lib/report/letter';
import { protectFigures, publishedBlocks } from '../../../src/lib/report/protected-figures';
import { publishVsFigureTable, vsFigureTable } from '../../../src/lib/report/vroegsignalering';
import { audit, tableFromCsv, tableFromRows } from './auditor';

const dbs: Database[] = [];

async function loaded(files: string[]): Promise<Database> {
	const db = await openNodeDatabase();
	dbs.push(db);
	const result = importDdasFiles(
		files.map((name) => ({ name, bytes: readFileSync(name) })),
		{ today: '2026-01-01' }
	);
	await loadVroegsignalering(db, ddasToArrowIpc(result));
	return db;
}

const zero: Counts = {
	gelezen: 0,
	geaccepteerd: 0,
	waarschuwingen: 0,
	dubbel: 0,
	geweigerd: 0,
	overgeslagen: 0
};

/** A publication of only vroegsignalering figures (the Artikel 4 figures all zero). */
function publication(doc: VsDocument, period: { van: string; tot: string }) {
	const selection: Selection = {
		...period,
		corporaties: [],
		doelgroepen: [],
		wijken: null,
		peildatum: null
	};
	const figures = {
		selection,
		current: { totaal: emptyMetrics(), groepen: {} },
		perGroup: { totaal: emptyMetrics(), groepen: {} },
		previous: emptyMetrics(),
		previousPeriod: period,
		vroegsignalering: doc
	};
	const protection = protectFigures(figures, 'publicatie');
	const published = publishedBlocks({ vroegsignalering: doc }, protection).vroegsignalering!;
	return { selection, figures, protection, published };
}

/** The published figure table as a reader gets it (header row `cijfer`, then the figures). */
const printed = (doc: VsDocument) => {
	const table = publishVsFigureTable(vsFigureTable(doc), 'publicatie');
	return tableFromRows([table.header, ...table.rows]);
};

let demo: Database;
let vng: Database;

beforeAll(async () => {
	demo = await loaded(['data/vroegsignalering-haarlem.json']);
	vng = await loaded(['tests/fixtures/ddas/v1.2-eigen-levering.json']);
}, 120_000);

afterAll(async () => {
	for (const db of dbs) await db.close();
});

const months = Array.from({ length: 12 }, (_, i) => {
	const m = (k: number) => `2023-${String(k).padStart(2, '0')}-01`;
	return { van: m(i + 1), tot: i === 11 ? '2024-01-01' : m(i + 2) };
});
const halfYears = [
	{ van: '2022-07-01', tot: '2023-01-01' },
	{ van: '2023-01-01', tot: '2023-07-01' }
];

describe('vroegsignalering in publication mode', () => {
	it('no hidden count can be worked out, per month and half-year of the demo delivery', async () => {
		let primary = 0;
		let secondary = 0;
		let leaksWithoutSecondary = 0;
		for (const period of [...months, ...halfYears]) {
			const doc = await vsDocument(demo, { ...period, gemeenten: ['0392'] }, []);
			const { published, protection } = publication(doc, period);
			primary += protection.primary;
			secondary += protection.secondary;
			const result = audit(printed(published));
			expect(result.determined, `${period.van}`).toEqual([]);
			// The same table with only the small counts hidden (`< 5`, no secondary rule).
			leaksWithoutSecondary += audit(printed(doc)).determined.length;
		}
		expect(primary).toBeGreaterThan(0);
		expect(secondary).toBeGreaterThan(0);
		expect(leaksWithoutSecondary).toBeGreaterThan(0);
	});

	it('the three-gemeente delivery: the total and each gemeente, audited together', async () => {
		const gemeenten = await vsGemeenten(vng);
		const period = { van: '2025-01-01', tot: '2026-01-01' };
		const doc = await vsDocument(vng, { ...period, gemeenten }, []);
		const { published, protection } = publication(doc, period);
		expect(protection.primary).toBeGreaterThan(0);
		const table = printed(published);
		expect(table.columns).toEqual(['totaal', '0034', '0518', '0599']);
		expect(audit(table).determined).toEqual([]);
		// The funnel: every small count of the cohort shows as `< 5`.
		expect(table.cells.get('vroegsignalering.zaken_huur')?.get('totaal')).toEqual({
			kind: 'primary'
		});
	});

	it('the CSV export carries the protected table after the Artikel 4 table, and it holds', async () => {
		const period = { van: '2023-06-01', tot: '2023-07-01' };
		const doc = await vsDocument(demo, { ...period, gemeenten: ['0392'] }, []);
		const { selection, figures, published, protection } = publication(doc, period);
		const csv = figuresCsv(
			buildDocument(selection, { dossiers: zero, gebeurtenissen: zero }, figures.current, {
				vroegsignalering: published
			}),
			'publicatie',
			'2026-12-01'
		);
		expect(csv).toContain('Vroegsignalering (Wgs)');
		const table = tableFromCsv(csv, 1);
		expect(table.cells.has('vroegsignalering.zaken_huur')).toBe(true);
		const result = audit(table);
		expect(result.hidden).toBe(protection.primary + protection.secondary);
		expect(result.determined).toEqual([]);
		// The letter states the figures from the same protected cells.
		const letter = draftLetterFor(figures, 'publicatie', protection);
		const text = letter.paragraphs.find((p) => p.id === 'vroegsignalering')?.text ?? '';
		expect(published.totaal.zaken_huur).toBe(10);
		expect(text).toContain('Van de tien huurzaken');
		// A hidden count is said as "minder dan vijf", never as its number.
		expect(published.totaal.bereikt).toBeLessThan(0);
		expect(text).toContain('is bij minder dan vijf de inwoner bereikt');
	});
});
