/**
 * Issue 20, part 2: after a pick the headline figures are painted before the lead-time table is
 * derived. The root's `data-kern` says `ready` while `data-state` still says `loading`; at that
 * moment the headline figures are the new data's, the sections a and e say `loading` and show no
 * lead-time figure (never an empty value as if it were a figure); at the end every figure is
 * there. The expected figures come from the command line on the same files.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { FIXTURES, evaluateCli, readMetric, readPeriod, useSite, waitForReady } from './harness';

const site = useSite();

interface Moment {
	kern: string | null;
	state: string | null;
	signalen: string | null;
	sections: (string | null)[];
	leadTimeMetrics: number;
	status: boolean;
}

/** Records the page at every change of the root's `data-kern` or `data-state` from now on. */
async function record(page: Page): Promise<void> {
	await page.evaluate(() => {
		const log: Moment[] = [];
		(window as unknown as { __moments: Moment[] }).__moments = log;
		const root = document.documentElement;
		new MutationObserver(() => {
			log.push({
				kern: root.getAttribute('data-kern'),
				state: root.getAttribute('data-state'),
				signalen:
					document.querySelector('[data-metric="signalen"]')?.getAttribute('data-value') ?? null,
				sections: ['samenwerking-kop', 'doorlooptijden-kop'].map(
					(id) =>
						document
							.querySelector(`section[aria-labelledby="${id}"]`)
							?.getAttribute('data-state') ?? null
				),
				leadTimeMetrics: document.querySelectorAll('[data-metric^="doorlooptijden."]').length,
				status: [...document.querySelectorAll('[role="status"]')].some((e) =>
					e.textContent?.includes('De doorlooptijden worden berekend')
				)
			});
		}).observe(root, { attributes: true, attributeFilter: ['data-kern', 'data-state'] });
	});
}

describe('the first screen before the lead times', () => {
	test('headline figures first (data-kern), then every figure (data-state)', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		expect(await page.locator('html').getAttribute('data-kern')).toBe('ready');
		await record(page);
		await page
			.locator('input[type="file"][multiple]')
			.first()
			.setInputFiles([FIXTURES.dossiers, FIXTURES.gebeurtenissen]);
		await page
			.getByText('Demodata (fictief)')
			.first()
			.waitFor({ state: 'hidden', timeout: 90_000 });
		await waitForReady(page);

		const { van, tot } = await readPeriod(page);
		const doc = await evaluateCli({
			dossiers: [FIXTURES.dossiers],
			gebeurtenissen: [FIXTURES.gebeurtenissen],
			van,
			tot
		});
		const totaal = doc.totaal as Record<string, unknown>;
		const signalen = String(totaal.signalen);
		const moments = await page.evaluate(
			() => (window as unknown as { __moments: Moment[] }).__moments
		);

		const first = moments.find((m) => m.kern === 'ready');
		expect(first, 'the headline figures became ready').toBeDefined();
		expect(first!.state, 'before every figure was').toBe('loading');
		expect(first!.signalen, 'with the new data’s figures').toBe(signalen);
		expect(first!.sections).toEqual(['loading', 'loading']);
		expect(first!.leadTimeMetrics, 'no lead time shown at its empty value').toBe(0);
		expect(first!.status, 'the page says the lead times are coming').toBe(true);

		const last = moments.at(-1)!;
		expect(last).toMatchObject({ kern: 'ready', state: 'ready', signalen, status: false });
		expect(last.sections).toEqual(['ready', 'ready']);
		expect(last.leadTimeMetrics).toBeGreaterThan(0);
		const lead = (totaal.doorlooptijden as Record<string, Record<string, unknown>>)
			.signaal_contact!;
		expect(await readMetric(page, 'doorlooptijden.signaal_contact.n')).toBe(String(lead.n));
	});
});
