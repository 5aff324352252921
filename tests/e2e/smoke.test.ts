/**
 * The dashboard opens on the demo data: figures on screen, nothing fetched from anywhere but the
 * site itself (also by the DuckDB and import workers), no errors, no CSP violations.
 */
import { describe, expect, test } from 'vitest';
import { readMetric, useSite, waitForReady } from './harness';

const site = useSite();

describe('the dashboard on the demo data', () => {
	test('shows the demo figures', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);

		const signalen = await readMetric(page, 'signalen');
		expect(signalen, '[data-metric="signalen"] data-value').toMatch(/^\d+$/);
		expect(Number(signalen)).toBeGreaterThan(0);
		await expect(page.getByText('Demodata (fictief)').first().isVisible()).resolves.toBe(true);
	});

	test('loads everything from its own origin, workers included, without errors', async () => {
		const session = await site.open();
		const { page } = session;
		const response = await page.goto(site.url('/'));
		await waitForReady(page);

		expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");

		// The DuckDB worker fetches the .wasm itself: seeing it proves worker requests are recorded.
		const wasm = session.requests.filter((url) => new URL(url).pathname.endsWith('.wasm'));
		expect(wasm.length, 'a .wasm request').toBeGreaterThan(0);
		for (const url of wasm) expect(new URL(url).origin).toBe(site.origin);

		expect(session.workers.length, 'workers started by the page').toBeGreaterThan(0);
		for (const url of session.workers) expect(new URL(url).origin).toBe(site.origin);

		for (const url of session.requests) {
			const { protocol } = new URL(url);
			if (protocol === 'http:' || protocol === 'https:')
				expect(new URL(url).origin).toBe(site.origin);
		}
		await session.assertClean();
	});
});
