/**
 * The schuldhulpverlening figures in the catalog (SHV_FIGURES) hold together with the figures the
 * engine computes and the report shows: one record per leaf of a real ShvMetrics (our own v1.0
 * delivery, computed on DuckDB-WASM), in the JSON's order; the report's rows, the letter's rows,
 * the labels and the quantiles' cases all come from the records.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { shvToArrowIpc } from '../../../src/lib/db/shv-arrow';
import { importShvFiles } from '../../../src/lib/import/ddas-shv';
import { SHV_FIGURES, shvFigure } from '../../../src/lib/metrics/catalog';
import {
	emptyShvMetrics,
	shvDocument,
	type ShvDocument
} from '../../../src/lib/metrics/schuldhulpverlening';
import { loadSchuldhulpverlening } from '../../../src/lib/metrics/schuldhulpverlening-load';
import {
	SHV_COUNT_PATHS,
	SHV_LETTER_ROWS,
	SHV_ROWS,
	isShvQuantile,
	shvExportTable,
	shvLabel,
	shvQuantileCases,
	shvReport
} from '../../../src/lib/report/schuldhulpverlening';

const SHV_FIXTURE = 'tests/fixtures/ddas/shv-v1.0-eigen-levering.json';

/** Every leaf of an object, by its dotted path, in the object's order. */
const leaves = (node: unknown, path: string[] = []): string[] =>
	node !== null && typeof node === 'object'
		? Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]))
		: [path.join('.')];

const ids = SHV_FIGURES.map((f) => f.id);

let db: Database;
let doc: ShvDocument;
beforeAll(async () => {
	const result = importShvFiles([{ name: 'hand.json', bytes: readFileSync(SHV_FIXTURE) }], {
		today: '2025-09-01'
	});
	db = await openNodeDatabase();
	await loadSchuldhulpverlening(db, shvToArrowIpc(result));
	doc = await shvDocument(
		db,
		{ van: '2025-01-01', tot: '2025-07-01', gemeenten: ['0363', '0392'], peildatum: '2025-06-30' },
		result.bestanden
	);
});
afterAll(async () => db.close());

describe('the schuldhulpverlening figures in the catalog', () => {
	it('are every leaf of computed figures, in the JSON order, each once', () => {
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(leaves(doc.totaal));
		for (const m of Object.values(doc.per_gemeente)) expect(ids).toEqual(leaves(m));
		expect(ids).toEqual(leaves(emptyShvMetrics()));
		// The fixture has values in every kind of leaf (a test of the shape, not of zeros).
		expect(doc.totaal.aanmeldingen).toBeGreaterThan(0);
		expect(doc.totaal.doorlooptijden.eerste_gesprek_beschikking.p90).not.toBeNull();
	});

	it('are the rows the report shows, and the report shows no other', () => {
		expect(new Set(SHV_ROWS).size).toBe(SHV_ROWS.length);
		expect([...SHV_ROWS].sort()).toEqual([...ids].sort());
		// Counts first, then the quantiles, each in catalog order.
		expect(SHV_ROWS).toEqual([
			...SHV_FIGURES.filter((f) => f.kind === 'count').map((f) => f.id),
			...SHV_FIGURES.filter((f) => f.kind === 'days').map((f) => f.id)
		]);
		expect(SHV_COUNT_PATHS).toEqual(SHV_ROWS.filter((p) => !isShvQuantile(p)));
		const lines = shvExportTable(doc, 'intern').lines.flatMap((l) => ('heading' in l ? [] : [l]));
		expect(lines.map((l) => l.code)).toEqual(SHV_ROWS.map((p) => `schuldhulpverlening.${p}`));
		expect(lines.map((l) => l.label)).toEqual(SHV_ROWS.map((p) => shvFigure(p).label));
		expect(lines.map((l) => l.kind)).toEqual(SHV_ROWS.map((p) => shvFigure(p).kind));
	});

	it('gives every figure its own label and a Dutch one-sentence definition', () => {
		const labels = SHV_FIGURES.map((f) => f.label);
		expect(new Set(labels).size).toBe(labels.length);
		for (const f of SHV_FIGURES) {
			expect(f.label, f.id).toBe(shvLabel(f.id));
			expect(f.label.trim().length, f.id).toBeGreaterThan(0);
			expect(f.definition.trim().length, f.id).toBeGreaterThan(20);
			// One sentence: a capital first, a full stop last.
			expect(f.definition, f.id).toMatch(/^[A-Z].*\.$/s);
			// Dutch, not English: Dutch function words, none of the English ones.
			expect(f.definition, f.id).toMatch(/\b(de|het|een|van|met|zonder|op)\b/);
			expect(f.definition, f.id).not.toMatch(/\b(the|with|without|and|which|after)\b/i);
		}
	});

	it('takes a quantile over its lead time’s completed trajecten, a count as a small count', () => {
		for (const f of SHV_FIGURES) {
			if (f.kind === 'days') {
				expect(f.publication, f.id).toBe('min-cases');
				expect(f.cases, f.id).toBe(`${f.id.slice(0, f.id.lastIndexOf('.'))}.n`);
				expect(shvFigure(f.cases!).kind, f.id).toBe('count');
				expect(shvQuantileCases(f.id)).toBe(f.cases);
				expect(isShvQuantile(f.id)).toBe(true);
			} else {
				expect(f.publication, f.id).toBe('small-count');
				expect(f.cases, f.id).toBeUndefined();
				expect(isShvQuantile(f.id)).toBe(false);
			}
		}
		expect(SHV_FIGURES.filter((f) => f.kind === 'days').map((f) => f.id)).toEqual(
			ids.filter((id) => /\.(mediaan|p25|p75|p90)$/.test(id))
		);
	});

	it('has the letter’s rows as its brief view, and the spec’s headlines as its kern view', () => {
		const brief = SHV_FIGURES.filter((f) => f.views.includes('brief')).map((f) => f.id);
		expect(SHV_LETTER_ROWS).toEqual(brief);
		const table = shvReport.letterTable(doc, { mode: 'intern', corporations: [] });
		expect(table.rows.map((r) => r[0])).toEqual(brief.map((id) => shvFigure(id).label));
		// ddas-schuldhulpverlening.md, "Command line, JSON and page": the section's headlines.
		expect(SHV_FIGURES.filter((f) => f.views.includes('kern')).map((f) => f.id)).toEqual([
			'aanmeldingen',
			'eerste_gesprek.binnen_norm',
			'beschikking.binnen_norm'
		]);
	});

	it('throws on an id it does not know', () => {
		expect(() => shvFigure('aanmeldingen_onbekend')).toThrow(/not a schuldhulpverlening figure/);
		expect(() => shvFigure('doorlooptijden.aanmelding_eerste_gesprek')).toThrow();
	});
});
