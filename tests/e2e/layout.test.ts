/**
 * Every page at a desktop (1366 px) and a phone (390 px) width: nothing wider than the viewport,
 * the filters folded behind one button on the phone, and a screenshot of each page in
 * test-results/screens/ (git-ignored) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT, followLink, useSite, waitForReady } from './harness';

const site = useSite();
const SCREENS = `${ROOT}test-results/screens`;
mkdirSync(SCREENS, { recursive: true });

const PAGES = [
	'/',
	'/import',
	'/rapport',
	'/briefing',
	'/verantwoording',
	'/toegankelijkheid'
] as const;
const name = (path: string) => (path === '/' ? 'dashboard' : path.slice(1));

/** The widest thing on the page: the document's scroll width. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * The whole page in one file, and in parts of at most 1,600 px high (a long page squeezed into
 * one image is too small to read).
 */
async function screenshots(page: Page, stem: string): Promise<void> {
	await page.screenshot({ path: `${SCREENS}/${stem}.png`, fullPage: true });
	const { width, height } = await page.evaluate(() => ({
		width: document.documentElement.clientWidth,
		height: document.documentElement.scrollHeight
	}));
	for (let y = 0, part = 1; y < height; y += 1600, part++) {
		const clip = { x: 0, y, width, height: Math.min(1600, height - y) };
		await page.screenshot({ path: `${SCREENS}/${stem}-deel${part}.png`, fullPage: true, clip });
	}
}

describe('every page at 1366 and 390 px', () => {
	for (const width of [1366, 390]) {
		test(`${width} px: no sideways scrolling; screenshots`, async () => {
			const { page } = await site.open();
			await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
			await page.goto(site.url('/'));
			await waitForReady(page);
			for (const path of PAGES) {
				if (path !== '/') await followLink(page, path);
				if (!['/import', '/verantwoording', '/toegankelijkheid'].includes(path))
					await waitForReady(page);
				await page.waitForTimeout(200);
				await screenshots(page, `${name(path)}-${width}`);
				expect(await scrollWidth(page), `${path} at ${width} px`).toBeLessThanOrEqual(width);
			}
		});
	}

	test('390 px: the filters fold behind one button; the first figure is on the first screen', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(site.url('/'));
		await waitForReady(page);
		const toggle = page.getByRole('button', { name: 'Filters' });
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await page.locator('#periode').isVisible()).toBe(false);
		const first = page.locator('[data-metric]').first();
		const box = await first.boundingBox();
		expect(box, 'a headline figure').not.toBeNull();
		expect(box!.y + box!.height, 'the first figure ends within the first screen').toBeLessThan(844);

		await toggle.click();
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		expect(await page.locator('#periode').isVisible()).toBe(true);
		await page.screenshot({ path: `${SCREENS}/dashboard-filters-open-390.png` });
		expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

		// A wide screen shows the filters without a button.
		await toggle.click();
		expect(await page.locator('#periode').isVisible()).toBe(false);
		await page.setViewportSize({ width: 1366, height: 900 });
		expect(await toggle.isVisible()).toBe(false);
		expect(await page.locator('#periode').isVisible()).toBe(true);
	});
});
