/**
 * The look at 1366 and 390 px: every wide table shows that it scrolls (a shade at the edge with
 * more to see, gone once that edge is reached; none on a table that fits), and every chart's
 * labels fit inside its canvas (nothing is drawn in the canvas's outer pixels, where a label that
 * is cut off would show).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT, settle, useSite, waitForReady } from './harness';

/** Screenshots for a person to look at (git-ignored). */
const SCREENS = `${ROOT}test-results/screens`;
mkdirSync(SCREENS, { recursive: true });

const site = useSite();
const WIDTHS = [1366, 390] as const;
/** Longer than the shade's fade (0.15 s) and a ResizeObserver round. */
const SETTLE_MS = 350;

interface Box {
	label: string;
	wider: boolean;
	start: number;
	end: number;
}

/** Every scroll box that is on screen (all details opened first), with the opacity of its shades. */
async function scrollBoxes(page: Page): Promise<Box[]> {
	await page.$$eval('details', (all) =>
		all.forEach((d) => ((d as HTMLDetailsElement).open = true))
	);
	await page.waitForTimeout(SETTLE_MS);
	return page.$$eval('.table-scroll', (boxes) =>
		boxes
			.filter((b) => b.getClientRects().length > 0)
			.map((b) => {
				const frame = b.parentElement!;
				return {
					label: b.getAttribute('aria-label') ?? '',
					wider: b.scrollWidth > b.clientWidth + 1,
					start: Number(getComputedStyle(frame, '::before').opacity),
					end: Number(getComputedStyle(frame, '::after').opacity)
				};
			})
	);
}

/** Scrolls every box that is wider than its content to its far end. */
async function scrollAllToEnd(page: Page): Promise<void> {
	await page.$$eval('.table-scroll', (boxes) =>
		boxes.forEach((b) => (b.scrollLeft = b.scrollWidth))
	);
	await page.waitForTimeout(SETTLE_MS);
}

async function expectCues(page: Page, where: string): Promise<number> {
	const boxes = await scrollBoxes(page);
	expect(boxes.length, `${where}: scroll boxes on screen`).toBeGreaterThan(0);
	for (const box of boxes) {
		const name = `${where}: ${box.label}`;
		if (box.wider) {
			expect(box.end, `${name}: the shade at the end`).toBe(1);
			expect(box.start, `${name}: no shade at the start`).toBe(0);
		} else {
			expect([box.start, box.end], `${name} fits: no shade`).toEqual([0, 0]);
		}
	}
	await scrollAllToEnd(page);
	const after = await scrollBoxes(page);
	for (const box of after) {
		const name = `${where}, scrolled to the end: ${box.label}`;
		expect(box.end, `${name}: no shade at the end`).toBe(0);
		expect(box.start, `${name}: shade at the start`).toBe(box.wider ? 1 : 0);
	}
	return boxes.filter((b) => b.wider).length;
}

/**
 * The charts whose canvas has something drawn in its outer `edge` device pixels (a label cut
 * off at the canvas's edge), with the first such pixel.
 */
async function chartsTouchingEdge(page: Page, edge = 3): Promise<string[]> {
	await page.waitForFunction(() =>
		[...document.querySelectorAll('figure[data-chart] canvas')].every(
			(c) => (c as HTMLCanvasElement).width > 0
		)
	);
	return page.$$eval(
		'figure[data-chart] canvas',
		(canvases, edge) =>
			canvases.flatMap((node) => {
				const canvas = node as HTMLCanvasElement;
				const { width, height } = canvas;
				const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
				for (let y = 0; y < height; y++) {
					for (let x = 0; x < width; x++) {
						const inner = x >= edge && x < width - edge && y >= edge && y < height - edge;
						if (inner) {
							x = width - edge - 1;
							continue;
						}
						if (pixels[(y * width + x) * 4 + 3]! > 0) {
							const id = canvas.closest('figure')?.getAttribute('data-chart');
							return [`${id} (${width}×${height}): pixel at ${x},${y}`];
						}
					}
				}
				return [];
			}),
		edge
	);
}

describe('wide tables show that they scroll', () => {
	for (const width of WIDTHS) {
		test(`${width} px: dashboard, import report, report, accountability`, async () => {
			const { page } = await site.open();
			await page.setViewportSize({ width, height: 900 });
			let wider = 0;
			for (const path of ['/', '/import', '/rapport', '/verantwoording']) {
				await page.goto(site.url(path));
				await waitForReady(page);
				wider += await expectCues(page, `${path} at ${width} px`);
			}
			// The lead-time table is wider than its box at both widths (its "Open…" columns).
			expect(wider, 'tables wider than their box').toBeGreaterThan(0);
		});
	}

	test('a table that fits shows no shade; narrowing the window brings it', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(site.url('/verantwoording'));
		await waitForReady(page);
		const norms = page.locator('.table-scroll[aria-label="Normen (schuifbaar)"]');
		const shade = () =>
			norms.evaluate((b) => Number(getComputedStyle(b.parentElement!, '::after').opacity));
		expect(await norms.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
		expect(await shade()).toBe(0);
		await page.setViewportSize({ width: 390, height: 900 });
		await page.waitForTimeout(SETTLE_MS);
		expect(await norms.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
		expect(await shade()).toBe(1);
		// The keyboard scrolls the box (it is a focusable region): the shade at the start comes.
		await norms.focus();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await page.waitForTimeout(SETTLE_MS);
		expect(await norms.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
		expect(
			await norms.evaluate((b) => Number(getComputedStyle(b.parentElement!, '::before').opacity))
		).toBe(1);
	});
});

describe('chart labels fit inside the chart', () => {
	for (const width of WIDTHS) {
		test(`${width} px: dashboard (with a DDAS delivery), report, briefing`, async () => {
			const { page } = await site.open();
			await page.setViewportSize({ width, height: 900 });
			await page.goto(site.url('/'));
			await waitForReady(page);
			await settle(page, () =>
				page
					.locator('input[type="file"][multiple]')
					.setInputFiles(resolve(ROOT, 'data/vroegsignalering-haarlem.json'))
			);
			await page.locator('[data-section="vroegsignalering"] figure[data-chart]').first().waitFor();
			const charts = await page.locator('figure[data-chart] canvas').count();
			expect(charts, 'charts on the dashboard').toBeGreaterThanOrEqual(9);
			expect(await chartsTouchingEdge(page), `dashboard at ${width} px`).toEqual([]);
			// A fresh tab: leaving the page with a delivery loaded would ask first.
			const other = (await site.open()).page;
			await other.setViewportSize({ width, height: 900 });
			for (const path of ['/rapport', '/briefing']) {
				await other.goto(site.url(path));
				await waitForReady(other);
				expect(await chartsTouchingEdge(other), `${path} at ${width} px`).toEqual([]);
			}
		});
	}
});

describe('the first screen of the dashboard', () => {
	test('1366×900: the headline figures of b, c and d with their change, each part linked to its section', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(site.url('/'));
		await waitForReady(page);
		const parts = page.locator('[data-kerncijfers] [data-kern-part]');
		expect(
			await parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-kern-part')))
		).toEqual(['b', 'c', 'd']);
		const headlines = page.locator('[data-kerncijfers] .headline');
		expect(await headlines.count()).toBe(10);
		for (const box of await headlines.evaluateAll((els) =>
			els.map((e) => {
				const r = e.getBoundingClientRect();
				return { text: e.textContent?.trim() ?? '', top: r.top, bottom: r.bottom };
			})
		)) {
			expect(box.top, box.text).toBeGreaterThanOrEqual(0);
			expect(box.bottom, box.text).toBeLessThan(900);
			// Each carries its change against the previous period.
			expect(box.text).toMatch(/t\.o\.v\. vorige periode|gelijk aan vorige periode/);
		}
		// The sentence on why "Ontruimingen" and "Aanzeggingen: ontruimd" differ is there too.
		const difference = page.locator('[data-kerncijfers] [data-difference]');
		expect((await difference.boundingBox())!.y).toBeLessThan(900);
		expect(await difference.innerText()).toMatch(
			/^Ontruimingen telt .*‘Aanzeggingen: ontruimd’ telt/
		);
		// Each part's heading links to its section, which follows in the order a–e.
		for (const [part, heading] of [
			['b', 'b. Meldingen'],
			['c', 'c. Ontruimingen en hun redenen'],
			['d', 'd. Voorkomen ontruimingen']
		] as const) {
			const href = await page.locator(`[data-kern-part="${part}"] h3 a`).getAttribute('href');
			expect(await page.locator(href!).innerText()).toBe(heading);
		}
		const sections = await page.$$eval('.content section > h2', (hs) =>
			hs.map((h) => h.textContent?.trim().slice(0, 2))
		);
		expect(sections.slice(0, 6)).toEqual(['Ke', 'a.', 'b.', 'c.', 'd.', 'e.']);
		await page.screenshot({ path: `${SCREENS}/first-screen-1366.png` });
		await page.locator('[data-kern-part="c"] h3 a').click();
		await page.waitForTimeout(200);
		const top = await page
			.locator('#ontruimingen-kop')
			.evaluate((h) => h.getBoundingClientRect().top);
		expect(top).toBeLessThan(200);
	});

	test('390 px: the first headline figure on the first screen', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(site.url('/'));
		await waitForReady(page);
		const first = await page.locator('[data-kerncijfers] .headline').first().boundingBox();
		expect(first!.y + first!.height).toBeLessThan(844);
		await page.screenshot({ path: `${SCREENS}/first-screen-390.png` });
	});
});
