/**
 * The selection lives in the URL: a filter change updates the figures and the query string,
 * back and forward step through the selections, a reload restores the view.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	FIXTURES,
	readMetric,
	readMetrics,
	settle,
	setPeriod,
	uploadFiles,
	useSite,
	waitForReady
} from './harness';

const site = useSite();

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const input = (page: Page, name: string) =>
	page.locator(`input[type="date"][name="${name}"]`).inputValue();

describe('the selection in the URL', () => {
	test('a filter change updates figures and URL; back, forward and reload restore it', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [FIXTURES.dossiers, FIXTURES.gebeurtenissen]);

		// Hand-counted on the fixture (see parity.test.ts): 5 signalen from 2015-01-01, 2 from 2015-07-01.
		await setPeriod(page, '2015-01-01', '2016-07-01');
		expect(await readMetric(page, 'signalen')).toBe('5');

		await settle(page, () => page.locator('input[type="date"][name="van"]').fill('2015-07-01'));
		await page.waitForURL((url) => url.searchParams.get('van') === '2015-07-01');
		expect(param(page, 'tot')).toBe('2016-07-01');
		expect(await readMetric(page, 'signalen')).toBe('2');
		const narrowed = await readMetrics(page);

		await settle(page, () => page.goBack());
		expect(param(page, 'van')).toBe('2015-01-01');
		expect(await input(page, 'van')).toBe('2015-01-01');
		expect(await readMetric(page, 'signalen')).toBe('5');

		await settle(page, () => page.goForward());
		expect(param(page, 'van')).toBe('2015-07-01');
		expect(await input(page, 'van')).toBe('2015-07-01');
		expect(await readMetrics(page)).toEqual(narrowed);

		const url = page.url();
		await page.reload();
		await waitForReady(page);
		expect(page.url()).toBe(url);
		expect(await input(page, 'van')).toBe('2015-07-01');
		expect(await input(page, 'tm')).toBe('2016-06-30');
		if (await page.getByText('Demodata (fictief)').first().isVisible()) {
			// The uploaded files live in the tab's memory only: a reload shows the demo data in
			// the same selection, as a fresh visit to the URL does.
			const fresh = await site.open();
			await fresh.page.goto(url);
			await waitForReady(fresh.page);
			expect(await readMetrics(page)).toEqual(await readMetrics(fresh.page));
		} else {
			expect(await readMetrics(page)).toEqual(narrowed);
		}
	});

	test('opening a URL with a period shows that period', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/?van=2015-01-01&tot=2015-07-01'));
		await waitForReady(page);
		expect(await input(page, 'van')).toBe('2015-01-01');
		expect(await input(page, 'tm')).toBe('2015-06-30');
		expect(param(page, 'van')).toBe('2015-01-01');
	});
});
