/**
 * The schuldhulpverlening figures in a publication: they are cells of the one protected table, a
 * reader cannot work out any hidden count from the published ones, and the letter's paragraph and
 * table and the export say only published counts. Our own delivery in VNG's v1.0 shape (the hand
 * counts of tests/unit/metrics/schuldhulpverlening.test.ts): 9 aanmeldingen in 2025-H1 over
 * gemeenten 0363, 0392 and 0599, most counts 1–4.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { shvToArrowIpc } from '../../../src/lib/db/shv-arrow';
import { importShvFiles } from '../../../src/lib/import/ddas-shv';
import type { Counts } from '../../../src/lib/import/types';
import { buildDocument } from '../../../src/lib/metrics/document';
import { emptyMetrics } from '../../../src/lib/metrics/evaluate';
import { shvDocument, type ShvDocument } from '../../../src/lib/metrics/schuldhulpverlening';
import { loadSchuldhulpverlening } from '../../../src/lib/metrics/schuldhulpverlening-load';
import type { Selection } from '../../../src/lib/metrics/types';
import { blockTables, figuresCsv } from '../../../src/lib/report/exports';
import { isDetermined } from '../../../src/lib/report/intervals';
import { draftLetterFor } from '../../../src/lib/report/letter';
import { protectFigures, publishedBlocks } from '../../../src/lib/report/protected-figures';
import { HIDDEN_PRIMARY } from '../../../src/lib/report/publication';

const FIXTURE = 'tests/fixtures/ddas/shv-v1.0-eigen-levering.json';
const PERIOD = { van: '2025-01-01', tot: '2025-07-01' };
let db: Database;
let doc: ShvDocument;

beforeAll(async () => {
	db = await openNodeDatabase();
	const result = importShvFiles([{ name: 'hand.json', bytes: readFileSync(FIXTURE) }], {
		today: '2025-09-01'
	});
	await loadSchuldhulpverlening(db, shvToArrowIpc(result));
	doc = await shvDocument(
		db,
		{ ...PERIOD, gemeenten: ['0363', '0392', '0599'], peildatum: '2025-06-30' },
		result.bestanden
	);
});
afterAll(async () => {
	await db.close();
});

const selection: Selection = {
	...PERIOD,
	corporaties: [],
	doelgroepen: [],
	wijken: null,
	peildatum: null
};
const zero: Counts = {
	gelezen: 0,
	geaccepteerd: 0,
	waarschuwingen: 0,
	dubbel: 0,
	geweigerd: 0,
	overgeslagen: 0
};
const figuresOf = (shv: ShvDocument) => ({
	selection,
	current: { totaal: emptyMetrics(), groepen: {} },
	perGroup: { totaal: emptyMetrics(), groepen: {} },
	previous: emptyMetrics(),
	previousPeriod: { van: '2024-07-01', tot: '2025-01-01' },
	schuldhulpverlening: shv
});

describe('schuldhulpverlening in a publication', () => {
	it('hides the small counts and leaves none that can be worked out', () => {
		expect(doc.totaal.aanmeldingen).toBe(9);
		const protection = protectFigures(figuresOf(doc), 'publicatie');
		const hidden = [...protection.states].filter(
			([id, state]) => id.includes('|schuldhulpverlening.') && state !== 'shown'
		);
		expect(hidden.length).toBeGreaterThan(0);
		for (const [id] of hidden) expect(isDetermined(protection.ranges.get(id)!), id).toBe(false);
		const published = publishedBlocks(
			{ schuldhulpverlening: doc },
			protection
		).schuldhulpverlening!;
		// 9 aanmeldingen in total: shown; 0392's crisis count (3) hidden.
		expect(published.totaal.aanmeldingen).toBe(9);
		expect(published.per_gemeente['0392']!.aanmeldingen_crisis).toBe(HIDDEN_PRIMARY);
		expect(published.totaal.doorlooptijden.aanmelding_eerste_gesprek.mediaan).toBeNull();
	});

	it('the letter and the export say only published counts', () => {
		const figures = figuresOf(doc);
		const protection = protectFigures(figures, 'publicatie');
		const draft = draftLetterFor(figures, 'publicatie', protection);
		const text = draft.paragraphs.find((p) => p.id === 'schuldhulpverlening')!.text;
		expect(text).toContain('hebben zich in deze periode negen huishoudens aangemeld');
		expect(text).toContain('minder dan vijf');
		const table = draft.tables.find((t) => t.id === 'schuldhulpverlening')!;
		expect(table.rows[0]).toEqual(['Aanmeldingen', '9']);
		const published = buildDocument(
			selection,
			{ dossiers: zero, gebeurtenissen: zero },
			figures.current,
			{
				schuldhulpverlening: publishedBlocks({ schuldhulpverlening: doc }, protection)
					.schuldhulpverlening!
			}
		);
		const [sheet] = blockTables(published, 'publicatie');
		if (!sheet) throw new Error('geen tabel van de schuldhulpverlening');
		expect(sheet.header).toEqual([
			'Cijfer',
			'Totaal',
			'Amsterdam (0363)',
			'Haarlem (0392)',
			'Rotterdam (0599)'
		]);
		const csv = figuresCsv(published, 'publicatie', '2025-07-15');
		expect(csv).toContain('schuldhulpverlening.eerste_gesprek.binnen_norm');
		// Every exact count of 1–4 of a gemeente is written as < 5 or x.
		for (const line of sheet.lines)
			if ('cells' in line && line.kind === 'count')
				for (const cell of line.cells)
					expect(typeof cell === 'number' && cell >= 1 && cell <= 4).toBe(false);
	});

	it('intern: every figure exact', () => {
		const protection = protectFigures(figuresOf(doc), 'intern');
		expect(publishedBlocks({ schuldhulpverlening: doc }, protection).schuldhulpverlening!).toEqual(
			doc
		);
	});
});
