/**
 * Workbooks under the site's own security headers: the demo exports saved as .xlsx by LibreOffice
 * Calc (headless, real date cells, 12,000+ event rows) load through the page's file input with the
 * same figures as the CSV files; the report's own .xlsx export, loaded back, ends with a Dutch
 * message instead of hanging. Every download button on every page gives a valid file of its type.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readZipEntry } from '../unit/report/unzip';
import { ROOT, followLink, readMetrics, uploadFiles, useSite, waitForReady } from './harness';

const site = useSite();
const run = promisify(execFile);
const DEMO = {
	dossiers: `${ROOT}data/dossiers.csv`,
	gebeurtenissen: `${ROOT}data/gebeurtenissen.csv`
};
const SELECTION = '/?van=2015-01-01&tot=2015-07-01';
let dir = '';

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'werkmap-'));
	// soffice wants a writable profile; a fresh one per run also keeps runs independent.
	await run(
		'soffice',
		[
			`-env:UserInstallation=file://${dir}/profiel`,
			'--headless',
			'--convert-to',
			'xlsx',
			'--outdir',
			dir,
			DEMO.dossiers,
			DEMO.gebeurtenissen
		],
		{ env: { ...process.env, HOME: dir }, timeout: 170_000 }
	);
}, 180_000);
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** The bytes of the download `click` starts. */
async function downloaded(page: Page, click: () => Promise<unknown>) {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const path = await download.path();
	return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const isZip = (b: Uint8Array) => ZIP.every((x, i) => b[i] === x);
const text = (b: Uint8Array | null) => new TextDecoder().decode(b ?? new Uint8Array());

/** Decodes a PNG far enough to know it is whole: signature, IHDR, and IDAT inflating to its size. */
function expectPng(bytes: Uint8Array, name: string): void {
	expect([...bytes.subarray(0, 8)], name).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const width = view.getUint32(16);
	const height = view.getUint32(20);
	const colourType = bytes[25];
	const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
	expect(channels, `${name}: RGB(A)`).toBeGreaterThan(0);
	const idat: Uint8Array[] = [];
	for (let at = 8; at < bytes.length;) {
		const length = view.getUint32(at);
		const type = text(bytes.subarray(at + 4, at + 8));
		if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(idat));
	expect(raw.length, `${name}: pixel data`).toBe(height * (1 + width * channels));
	expect(width * height).toBeGreaterThan(10_000);
}

/** A workbook: zip, sheet names Excel accepts. */
function expectXlsx(bytes: Uint8Array, name: string): string[] {
	expect(isZip(bytes), `${name}: zip`).toBe(true);
	const workbook = text(readZipEntry(bytes, 'xl/workbook.xml'));
	const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1] as string);
	expect(names.length, `${name}: sheets`).toBeGreaterThan(0);
	for (const sheet of names) {
		expect(sheet.length, sheet).toBeLessThanOrEqual(31);
		expect(sheet, sheet).not.toMatch(/[:\\/?*[\]]/);
	}
	expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
	return names;
}

describe('workbooks', () => {
	test('LibreOffice workbooks of the demo exports give the figures of the CSV files', async () => {
		const csvText = await readFile(DEMO.gebeurtenissen, 'utf8');
		expect(csvText.trim().split('\n').length - 1, 'event rows').toBeGreaterThanOrEqual(12_000);
		const { page } = await site.open();
		await page.goto(site.url(SELECTION));
		await waitForReady(page);
		await uploadFiles(page, [DEMO.dossiers, DEMO.gebeurtenissen]);
		const fromCsv = await readMetrics(page);
		expect(fromCsv.find((m) => m.id === 'signalen')?.value).toMatch(/^[1-9]/);

		await uploadFiles(page, [join(dir, 'dossiers.xlsx'), join(dir, 'gebeurtenissen.xlsx')]);
		expect(page.url()).toContain('van=2015-01-01');
		expect(await page.getByRole('alert').count()).toBe(0);
		expect(await readMetrics(page)).toEqual(fromCsv);
		await followLink(page, '/import');
		const names = await page
			.locator('table')
			.first()
			.locator('tbody th, tbody td')
			.allTextContents();
		expect(names.join(' ')).toContain('gebeurtenissen.xlsx (blad gebeurtenissen)');
	}, 600_000);

	test('every download is a valid file; the report workbook loads back with a message', async () => {
		const { page } = await site.open();
		await page.goto(site.url(SELECTION));
		await waitForReady(page);
		for (const button of await page.getByRole('button', { name: /Download als PNG/ }).all()) {
			const file = await downloaded(page, () => button.click());
			expectPng(file.bytes, file.name);
		}

		await followLink(page, '/rapport');
		await waitForReady(page);
		const xlsx = await downloaded(page, () =>
			page.getByRole('button', { name: 'Excel (.xlsx)' }).click()
		);
		expect(xlsx.name).toMatch(/^[^\\/:*?"<>|]+\.xlsx$/);
		expect(expectXlsx(xlsx.bytes, xlsx.name)).toContain('Cijfers');
		const docx = await downloaded(page, () =>
			page.getByRole('button', { name: 'Word (.docx)' }).click()
		);
		expect(isZip(docx.bytes)).toBe(true);
		expect(text(readZipEntry(docx.bytes, 'word/document.xml'))).toContain('<w:body>');
		const csv = await downloaded(page, () => page.getByRole('button', { name: 'CSV' }).click());
		const parsed = Papa.parse<string[]>(text(csv.bytes).replace(/^\uFEFF/, ''), { delimiter: ';' });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data.length).toBeGreaterThan(10);
		const json = await downloaded(page, () => page.getByRole('button', { name: 'JSON' }).click());
		expect(JSON.parse(text(json.bytes))).toHaveProperty('selectie');
		for (const button of await page.getByRole('button', { name: /Download als PNG/ }).all()) {
			const file = await downloaded(page, () => button.click());
			expectPng(file.bytes, file.name);
		}
		expect(await page.getByRole('alert').count()).toBe(0);

		await followLink(page, '/briefing');
		await waitForReady(page);
		for (const button of await page.getByRole('button', { name: /Download als PNG/ }).all()) {
			const file = await downloaded(page, () => button.click());
			expectPng(file.bytes, file.name);
		}

		// The report's workbook loaded back: not exchange files, so answered by name, never a hang.
		await followLink(page, '/import');
		const input = page.locator('input[type="file"][multiple]').first();
		await input.setInputFiles({
			name: xlsx.name,
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: Buffer.from(xlsx.bytes)
		});
		await page.waitForFunction(
			() =>
				(document.querySelector('input[type="file"][multiple]') as HTMLInputElement).files
					?.length === 0,
			null,
			{ timeout: 120_000 }
		);
		// Not an exchange file: the page offers to map its columns (source-profiles.md, "Page"),
		// naming the file, and loads nothing until the user does.
		const offer = page.getByTestId('koppelen-aanbod');
		await offer.waitFor({ state: 'visible', timeout: 120_000 });
		await expect(offer.textContent()).resolves.toContain(xlsx.name);

		for (const button of await page.getByRole('button', { name: /^Download/ }).all()) {
			const file = await downloaded(page, () => button.click());
			const rows = Papa.parse<string[]>(text(file.bytes).replace(/^\uFEFF/, ''), {
				delimiter: ';'
			});
			expect(rows.errors, file.name).toEqual([]);
		}
	}, 600_000);
});
