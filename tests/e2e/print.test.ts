/**
 * Paper: the briefing prints on exactly one A4 page, for the default selection and for the
 * half-year whose briefing has the most text, whatever the window's width; the report prints to
 * the same number of pages twice in a row. Pages are counted with pdfinfo (poppler-utils).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, followLink, settle, useSite, waitForReady } from './harness';

const site = useSite();
const SCREENS = `${ROOT}test-results/screens`;
const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'afdruk-'));
	await mkdir(SCREENS, { recursive: true });
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** The number of pages of the page printed to an A4 PDF. */
async function printedPages(page: Page, name: string): Promise<number> {
	const file = join(dir, `${name}.pdf`);
	await writeFile(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
	const { stdout } = await run('pdfinfo', [file]);
	const pages = /^Pages:\s+(\d+)/m.exec(stdout)?.[1];
	if (!pages) throw new Error(`pdfinfo gaf geen paginatelling:\n${stdout}`);
	return Number(pages);
}

const briefingText = (page: Page) =>
	page.locator('article.briefing').evaluate((e) => (e.textContent ?? '').length);

describe('printing', () => {
	for (const width of [1366, 390]) {
		test(`${width} px: the briefing is one A4 page, also for the half-year with the most text`, async () => {
			const { page } = await site.open();
			await page.setViewportSize({ width, height: 900 });
			await page.goto(site.url('/'));
			await waitForReady(page);
			const presets = await page.$$eval('#periode option:not([disabled])', (options) =>
				options.map((o) => (o as HTMLOptionElement).value)
			);
			expect(presets.length).toBeGreaterThan(1);

			await followLink(page, '/briefing');
			await waitForReady(page);
			expect(await printedPages(page, `briefing-standaard-${width}`), 'default selection').toBe(1);

			// The half-year whose briefing is longest.
			let longest = { length: 0, url: '' };
			for (const preset of presets) {
				await followLink(page, '/');
				await waitForReady(page);
				if (width === 390) await page.getByRole('button', { name: 'Filters' }).click();
				if ((await page.locator('#periode').inputValue()) !== preset) {
					await settle(page, () => page.locator('#periode').selectOption(preset));
				}
				await followLink(page, '/briefing');
				await waitForReady(page);
				const length = await briefingText(page);
				if (length > longest.length) longest = { length, url: page.url() };
			}
			await page.goto(longest.url);
			await waitForReady(page);
			expect(await printedPages(page, `briefing-langst-${width}`), longest.url).toBe(1);
		}, 600_000);
	}

	test('the report prints to the same number of pages twice', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/rapport'));
		await waitForReady(page);
		const first = await printedPages(page, 'rapport-1');
		const second = await printedPages(page, 'rapport-2');
		expect(first).toBeGreaterThan(1);
		expect(second).toBe(first);
	});

	test('with the demo deliveries: the briefing with its chain bullet stays one A4 page at 390 px, and the report prints its chain and debt-help tables the same twice', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 390, height: 900 });
		await page.goto(site.url('/'));
		await waitForReady(page);
		await settle(page, () => page.getByTestId('demo-leveringen').click());
		await page.locator('[data-section="keten"]').waitFor();
		const presets = await page.$$eval('#periode option:not([disabled])', (options) =>
			options.map((o) => (o as HTMLOptionElement).value)
		);
		// The deliveries stay loaded across the page's own navigation (a fresh load would drop them):
		// every half-year is chosen in place, the longest briefing printed.
		const choose = async (preset: string) => {
			await followLink(page, '/');
			await waitForReady(page);
			await page.getByRole('button', { name: 'Filters' }).click();
			if ((await page.locator('#periode').inputValue()) !== preset) {
				await settle(page, () => page.locator('#periode').selectOption(preset));
			}
			await followLink(page, '/briefing');
			await waitForReady(page);
		};
		let longest = { length: 0, preset: '' };
		for (const preset of presets) {
			await choose(preset);
			const length = await briefingText(page);
			if (length > longest.length) longest = { length, preset };
		}
		await choose(longest.preset);
		const bullets = await page.locator('.briefing-bullets li').allTextContents();
		expect(bullets.some((b) => b.startsWith('Van signaal tot vonnis:'))).toBe(true);
		expect(await printedPages(page, 'briefing-leveringen-390'), longest.preset).toBe(1);
		await page.emulateMedia({ media: 'print' });
		await page.screenshot({ path: `${SCREENS}/briefing-leveringen-print-390.png`, fullPage: true });
		await page.emulateMedia({ media: 'screen' });

		await page.setViewportSize({ width: 1366, height: 900 });
		await followLink(page, '/rapport');
		await waitForReady(page);
		const first = await printedPages(page, 'rapport-leveringen-1');
		const second = await printedPages(page, 'rapport-leveringen-2');
		expect(first).toBeGreaterThan(1);
		expect(second).toBe(first);
		const { stdout } = await run('pdftotext', [join(dir, 'rapport-leveringen-1.pdf'), '-']);
		for (const heading of [
			'Vroegsignalering (Wet gemeentelijke schuldhulpverlening)',
			'Schuldhulpverlening (Wet gemeentelijke schuldhulpverlening)',
			'Van signaal tot vonnis'
		])
			expect(stdout, heading).toContain(heading);
	}, 600_000);
});
