/**
 * The May 2015 letter selection of the demo data (gezinnen met kinderen, 1 november 2014 – 1 mei
 * 2015) in publication mode: every output made from the one protected table, audited.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { importFiles } from '../../../src/lib/import';
import { computeDashboard, type DashboardFigures } from '../../../src/lib/metrics/dashboard';
import { buildDocument, type EvaluationDocument } from '../../../src/lib/metrics/document';
import { applyDefaults, dataExtent } from '../../../src/lib/metrics/selection';
import { loadData } from '../../../src/lib/metrics/load';
import { figuresCsv, figuresXlsx } from '../../../src/lib/report/exports';
import { figureTable, figureTableMarkdown } from '../../../src/lib/report/figure-table';
import { draftLetterFor, letterToText } from '../../../src/lib/report/letter';
import {
	corporationColumn,
	protectFigures,
	publishedBreakdown,
	type Protection
} from '../../../src/lib/report/protected-figures';
import { displayFigureTable } from '../../../src/lib/report/publication';
import { audit, tableFromCsv, tableFromMarkdown, tableFromRows } from './auditor';
import { readZipEntry } from './unzip';

let db: Database;
let figures: DashboardFigures;
let protection: Protection;
let exact: EvaluationDocument;
let published: EvaluationDocument;

beforeAll(async () => {
	const files = await Promise.all(
		['data/dossiers.csv', 'data/gebeurtenissen.csv'].map(async (name) => ({
			name,
			bytes: new Uint8Array(await readFile(name))
		}))
	);
	const result = importFiles(files, { today: '2026-12-01' });
	db = await openNodeDatabase();
	await loadData(db, result);
	const extent = await dataExtent(db);
	const selection = applyDefaults(
		{ van: '2014-11-01', tot: '2015-05-01', doelgroepen: ['gezin_met_kinderen'] },
		extent
	);
	figures = await computeDashboard(db, selection, extent);
	protection = protectFigures(figures, 'publicatie');
	exact = buildDocument(selection, result.totals, figures.current);
	published = buildDocument(
		selection,
		result.totals,
		publishedBreakdown(figures.current, protection, corporationColumn)
	);
}, 300_000);

afterAll(async () => {
	await db?.close();
});

/** The md output as the command line writes it: the letter, then the table of all figures. */
function markdown(doc: EvaluationDocument): string {
	return `${letterToText(draftLetterFor(figures, 'publicatie', protection), 'publicatie')}\n### Tabel: alle cijfers per corporatie\n\n${figureTableMarkdown(
		displayFigureTable(figureTable(doc), 'publicatie')
	)}\n`;
}

/** The rows of the first sheet of an .xlsx (shared strings and numbers). */
function xlsxRows(bytes: Uint8Array): (string | number | null)[][] {
	const text = (name: string) =>
		new TextDecoder().decode(readZipEntry(bytes, name) ?? new Uint8Array());
	const unescape = (s: string) =>
		s
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&');
	const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
		unescape([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''))
	);
	const column = (ref: string) =>
		[...(ref.match(/^[A-Z]+/)?.[0] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) -
		1;
	return [...text('xl/worksheets/sheet1.xml').matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map(
		(row) => {
			const out: (string | number | null)[] = [];
			for (const c of (row[1] ?? '').matchAll(
				/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g
			)) {
				const attrs = c[2] ?? '';
				const body = c[3] ?? '';
				const v = body.match(/<v>([\s\S]*?)<\/v>/)?.[1];
				const inline = body.match(/<t[^>]*>([\s\S]*?)<\/t>/)?.[1];
				out[column(c[1] as string)] = /t="s"/.test(attrs)
					? (shared[Number(v)] ?? null)
					: inline !== undefined
						? unescape(inline)
						: v !== undefined
							? Number(v)
							: null;
			}
			return Array.from(out, (x) => x ?? null);
		}
	);
}

describe('the May 2015 letter selection in publication mode', () => {
	it('leaks in primary suppression alone, as the issue found', () => {
		const result = audit(tableFromCsv(figuresCsv(exact, 'publicatie', '2026-12-01')));
		const cells = result.determined.map((f) => f.cell);
		expect(cells).toContain('totaal|aanzeggingen_ontruimd');
		expect(cells.length).toBeGreaterThan(5);
	});

	it('hides cells by the primary and the secondary rule', () => {
		expect(protection.primary).toBeGreaterThan(0);
		expect(protection.secondary).toBeGreaterThan(0);
		console.info(
			`mei 2015, gezinnen met kinderen: ${protection.primary} primair, ${protection.secondary} secundair verborgen`
		);
	});

	it('md: no hidden cell is determined', () => {
		const result = audit(tableFromMarkdown(markdown(published)));
		expect(result.hidden).toBeGreaterThan(20);
		expect(result.determined).toEqual([]);
	});

	it('CSV: no hidden cell is determined', () => {
		const result = audit(tableFromCsv(figuresCsv(published, 'publicatie', '2026-12-01')));
		expect(result.determined).toEqual([]);
	});

	it('.xlsx: no hidden cell is determined', async () => {
		const bytes = await figuresXlsx(published, 'publicatie', '2026-12-01');
		const rows = xlsxRows(bytes);
		// The header row of the figures: `cijfer`, `totaal`, then the corporations' names.
		const result = audit(tableFromRows(rows));
		expect(result.hidden).toBeGreaterThan(20);
		expect(result.determined).toEqual([]);
	});

	it('the letter states no hidden count and no complement of one', () => {
		const text = letterToText(draftLetterFor(figures, 'publicatie', protection), 'publicatie');
		expect(text).not.toMatch(/op (één|een|\S+) na/);
		expect(text).not.toContain('zeventien');
		expect(text).toContain('achttien aanzeggingen');
		expect(text).toContain('vrijwel allemaal voorkomen');
		expect(text).toContain(
			'vrijwel allemaal voorkomen; minder dan vijf aanzeggingen hebben tot een ontruiming geleid.'
		);
		console.info(text.slice(text.indexOf('## Voorkomen'), text.indexOf('## Doorlooptijden')));
	});

	it('is exact in intern mode', () => {
		const intern = protectFigures(figures, 'intern');
		expect(intern.states.size).toBe(0);
		const text = letterToText(draftLetterFor(figures, 'intern', intern), 'intern');
		expect(text).toContain('zijn deze uitzettingen, op één na, allemaal voorkomen');
	});
});
