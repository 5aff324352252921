/**
 * The charts follow the figures: after every kind of filter change each chart's canvas is, pixel
 * for pixel, the canvas a fresh load of the same URL draws, and the table behind the chart says
 * what the page's figure hooks say. (Before, the canvases kept the first selection.)
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT, settle, useSite, waitForReady, type Site } from './harness';

/** Downloaded charts kept for a person to look at (git-ignored). */
const SCREENS = `${ROOT}test-results/screens`;
mkdirSync(SCREENS, { recursive: true });

const site: Site = useSite();

/** Each chart on the page: its id and its pixels as a PNG data URL (or its empty sentence). */
async function chartPixels(page: Page): Promise<Record<string, string>> {
	return page.$$eval('figure[data-chart]', (figures) =>
		Object.fromEntries(
			figures.map((f) => {
				const canvas = f.querySelector('canvas');
				return [
					f.getAttribute('data-chart') ?? '',
					canvas
						? canvas.toDataURL('image/png')
						: `leeg: ${f.querySelector('.chart-empty')?.textContent}`
				];
			})
		)
	);
}

/** The body cells (after the row header) of a chart's table, as numbers. */
async function chartTable(page: Page, id: string): Promise<number[][]> {
	return page.$$eval(`figure[data-chart="${id}"] table tbody tr`, (rows) =>
		rows.map((row) =>
			[...row.querySelectorAll('td')].map((td) =>
				Number((td.textContent ?? '').trim().replace(/\./g, '').replace(',', '.'))
			)
		)
	);
}

/** The values of the hooks whose id starts with `prefix`, in document order. */
async function hooks(page: Page, prefix: string): Promise<number[]> {
	return page.$$eval(
		`[data-metric^="${prefix}"]`,
		(elements) => elements.map((e) => Number(e.getAttribute('data-value'))),
		prefix
	);
}

/** The reasons and funnel tables behind the charts agree with the figure hooks. */
async function expectTablesAgree(page: Page): Promise<void> {
	const reasons = await hooks(page, 'ontruimingen_per_reden.');
	const funnel = await hooks(page, 'trechter.');
	expect(reasons.length, 'reason hooks').toBeGreaterThan(0);
	expect(funnel.length, 'funnel hooks').toBeGreaterThan(0);
	if ((await page.locator('figure[data-chart="redenen"] canvas').count()) > 0) {
		expect((await chartTable(page, 'redenen')).map((r) => r[0])).toEqual(reasons);
	} else {
		expect(reasons.every((n) => n === 0)).toBe(true);
	}
	if ((await page.locator('figure[data-chart="trechter"] canvas').count()) > 0) {
		expect((await chartTable(page, 'trechter')).map((r) => r[0])).toEqual(funnel);
	}
}

/** The page's charts equal those of a fresh load of its URL. */
async function expectLikeFreshLoad(page: Page, step: string): Promise<Record<string, string>> {
	const after = await chartPixels(page);
	const fresh = await site.open();
	await fresh.page.goto(page.url());
	await waitForReady(fresh.page);
	const expected = await chartPixels(fresh.page);
	expect(Object.keys(after), step).toEqual(Object.keys(expected));
	for (const id of Object.keys(expected)) {
		expect(after[id] === expected[id], `${step}: chart ${id} equals a fresh load`).toBe(true);
	}
	await fresh.page.close();
	await expectTablesAgree(page);
	return after;
}

describe('charts after a filter change', () => {
	test('every kind of filter change redraws every chart as a fresh load would', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(site.url('/'));
		await waitForReady(page);
		const first = await chartPixels(page);
		// In the order of Artikel 4 (c, d, e), then the trend.
		expect(Object.keys(first)).toEqual(['redenen', 'trechter', 'doorlooptijden', 'trend']);
		await expectTablesAgree(page);

		const steps: [string, () => Promise<unknown>][] = [
			['period preset', () => page.locator('#periode').selectOption('2014-1')],
			['date input', () => page.locator('input[type="date"][name="van"]').fill('2014-03-01')],
			[
				'corporation box',
				() => page.locator('input[name="corporatie"][value="ymere"]').setChecked(false)
			],
			['doelgroep box', () => page.locator('input[name="doelgroep"][value="overig"]').check()],
			['wijk', () => page.locator('input[name="wijk"]').first().check()],
			['peildatum', () => page.locator('input[type="date"][name="peildatum"]').fill('2015-06-30')]
		];
		let previous = first;
		let changed = 0;
		for (const [step, action] of steps) {
			await settle(page, action);
			const now = await expectLikeFreshLoad(page, step);
			if (JSON.stringify(now) !== JSON.stringify(previous)) changed++;
			previous = now;
		}
		// The charts did change along the way (the comparison is not between unchanged canvases).
		expect(changed).toBeGreaterThanOrEqual(4);
		expect(previous.redenen).not.toBe(first.redenen);
	}, 600_000);

	test('a selection without data says so instead of drawing empty grids', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/?van=2030-01-01&tot=2030-07-01'));
		await waitForReady(page);
		const texts = await page.$$eval('figure[data-chart] .chart-empty', (els) =>
			els.map((e) => e.textContent?.trim())
		);
		expect(texts).toContain('Geen gegevens voor deze selectie');
		expect(await page.locator('figure[data-chart="trechter"] canvas').count()).toBe(0);
	});

	test('the trend marks the selected half-year; the table toggles are named after their chart', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/?van=2015-01-01&tot=2015-07-01'));
		await waitForReady(page);
		const marked = await page.$$eval('figure[data-chart="trend"] tbody th', (cells) =>
			cells.map((c) => c.textContent?.trim()).filter((t) => t?.includes('(selectie)'))
		);
		expect(marked).toEqual(['1e halfjaar 2015 (selectie)']);
		const toggles = await page.$$eval('figure[data-chart] summary', (s) =>
			s.map((e) => e.textContent?.trim())
		);
		expect(toggles).toEqual([
			'Tabel bij: Ontruimingen naar reden',
			'Tabel bij: Trechter van het cohort',
			'Tabel bij: Mediane doorlooptijd per corporatie (dagen)',
			'Tabel bij: Verloop per halfjaar'
		]);
		expect(new Set(toggles).size).toBe(toggles.length);
	});

	test("the demo's first half-year, from 4 March 2013, is marked incomplete, not drawn as a low", async () => {
		const { page } = await site.open();
		await page.goto(site.url('/?van=2015-01-01&tot=2015-07-01'));
		await waitForReady(page);
		const rows = await page.$$eval('figure[data-chart="trend"] tbody th', (cells) =>
			cells.map((c) => c.textContent?.trim())
		);
		expect(rows[0]).toBe('1e halfjaar 2013 (onvolledig)');
		expect(rows.filter((r) => r?.includes('onvolledig'))).toEqual([rows[0]]);
		expect(
			await page.locator('figure[data-chart="trend"] [role="img"]').getAttribute('aria-label')
		).toContain('De gegevens dekken 1e halfjaar 2013 maar voor een deel (onvolledig).');
	});
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('a downloaded chart', () => {
	test('is drawn at three times its size on screen, with room for its title and caption', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(site.url('/?van=2015-01-01&tot=2015-07-01'));
		await waitForReady(page);
		for (const id of ['trend', 'redenen']) {
			const figure = page.locator(`figure[data-chart="${id}"]`);
			const canvas = await figure
				.locator('canvas')
				.evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				figure.getByRole('button', { name: /^Download als PNG/ }).click()
			]);
			expect(download.suggestedFilename()).toBe(`${id}.png`);
			const path = await download.path();
			copyFileSync(path, `${SCREENS}/chart-${id}.png`);
			const { width, height } = pngSize(readFileSync(path));
			// 16 CSS pixels of margin on either side, all at 3 device pixels per CSS pixel.
			expect(width).toBe(3 * (canvas.width + 32));
			// Above the drawing a title, under it the selection, the mode and the source: at
			// least five lines of text besides the margins.
			expect(height).toBeGreaterThan(3 * (canvas.height + 32 + 5 * 16));
		}
		// The chart on screen is drawn back at the screen's resolution afterwards.
		const after = await page
			.locator('figure[data-chart="trend"] canvas')
			.evaluate((c) => (c as HTMLCanvasElement).width / c.clientWidth);
		expect(after).toBe(2);
	});
});

describe('the charts of the deliveries after a filter change', () => {
	/** The charts of a fresh load of the page's URL with the demo deliveries added (they are not in the URL). */
	async function freshWithDeliveries(url: string): Promise<Record<string, string>> {
		const fresh = await site.open();
		await fresh.page.setViewportSize({ width: 1366, height: 900 });
		await fresh.page.goto(url);
		await waitForReady(fresh.page);
		await settle(fresh.page, () => fresh.page.getByTestId('demo-leveringen').click());
		await fresh.page.locator('[data-section="keten"]').waitFor();
		const pixels = await chartPixels(fresh.page);
		await fresh.page.close();
		return pixels;
	}

	test('the vroegsignalering and chain charts redraw as a fresh load with the deliveries would; the chain table says what its hooks say', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(site.url('/'));
		await waitForReady(page);
		await settle(page, () => page.getByTestId('demo-leveringen').click());
		await page.locator('[data-section="keten"]').waitFor();
		const first = await chartPixels(page);
		expect(Object.keys(first)).toEqual(expect.arrayContaining(['keten']));
		const steps: [string, () => Promise<unknown>][] = [
			['period preset', () => page.locator('#periode').selectOption('2015-1')],
			[
				'corporation box',
				() => page.locator('input[name="corporatie"][value="elan_wonen"]').setChecked(false)
			],
			['doelgroep box', () => page.locator('input[name="doelgroep"][value="overig"]').check()]
		];
		let previous = first;
		let changed = 0;
		for (const [step, action] of steps) {
			await settle(page, action);
			const now = await chartPixels(page);
			const expected = await freshWithDeliveries(page.url());
			expect(Object.keys(now), step).toEqual(Object.keys(expected));
			for (const id of Object.keys(expected))
				expect(now[id] === expected[id], `${step}: chart ${id} equals a fresh load`).toBe(true);
			// The chain's table: a column per corporation, its rows the stages' hooks.
			const table = await chartTable(page, 'keten');
			const corporations = await page.$$eval('figure[data-chart="keten"] table thead th', (ths) =>
				ths.slice(1).map((th) => th.textContent?.trim() ?? '')
			);
			const codes: Record<string, string> = {
				Ymere: 'ymere',
				'Pré Wonen': 'pre_wonen',
				'Elan Wonen': 'elan_wonen'
			};
			const stages = [
				'vonnissen',
				'met_huursignaal',
				'met_aanmelding_shv',
				'met_eerste_gesprek_shv'
			];
			const fromHooks = await Promise.all(
				stages.map((id) =>
					Promise.all(
						corporations.map(async (c) =>
							Number(
								await page
									.locator(
										c === 'Totaal'
											? `[data-section="keten"] td[data-metric="keten.${id}"]`
											: `[data-section="keten"] [data-metric="keten.per_corporatie.${codes[c]}.${id}"]`
									)
									.getAttribute('data-value')
							)
						)
					)
				)
			);
			expect(table, `${step}: the chain table equals its hooks`).toEqual(fromHooks);
			if (JSON.stringify(now) !== JSON.stringify(previous)) changed++;
			previous = now;
		}
		expect(changed).toBeGreaterThanOrEqual(2);
		expect(previous.keten).not.toBe(first.keten);
	}, 600_000);
});
