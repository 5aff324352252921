/**
 * Loading is transactional (issue 9): a refused file never touches what is loaded, picks are
 * served one after another, `data-state` is `loading` from the pick until the new figures are on
 * screen, and a refusal is shown where the file was dropped.
 *
 * The expected figures come from the command line on the same files (an independent run of the
 * same definitions), never from the page itself.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	FIXTURES,
	ROOT,
	evaluateCli,
	followLink,
	readMetric,
	readPeriod,
	useSite,
	waitForReady
} from './harness';

const site = useSite();

const DEMO_BANNER = 'Demodata (fictief)';
const FILE_INPUT = 'input[type="file"][multiple]';
const BSN = {
	dossiers: `${ROOT}tests/fixtures/upload/dossiers-bsn.csv`,
	gebeurtenissen: `${ROOT}tests/fixtures/upload/gebeurtenissen-bsn.csv`
};

let dir = '';
/** A file named `gebeurtenissen.csv` (like the loaded fixture) that is refused whole: a NUL byte. */
let refusedTwin = '';

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'loading-'));
	await mkdir(join(dir, 'twin'));
	refusedTwin = join(dir, 'twin', 'gebeurtenissen.csv');
	await writeFile(
		refusedTwin,
		Buffer.from('dossier_id,datum,gebeurtenis\nD1,2015-01-05,achterstand_1m\u0000\n', 'utf8')
	);
});

afterAll(async () => {
	if (dir) await rm(dir, { recursive: true, force: true });
});

/** The CLI's signalen for the fixture files in the period the page shows. */
async function cliSignalen(page: Page, files: { dossiers: string[]; gebeurtenissen: string[] }) {
	const { van, tot } = await readPeriod(page);
	const doc = await evaluateCli({ ...files, van, tot });
	return String((doc.totaal as Record<string, unknown>).signalen);
}

/** The dashboard with the demo data, ready; its signalen. */
async function openDemo(): Promise<{ page: Page; signalen: string }> {
	const { page } = await site.open();
	await page.goto(site.url('/'));
	await waitForReady(page);
	const signalen = await readMetric(page, 'signalen');
	expect(signalen, 'the demo shows signalen').not.toBeNull();
	return { page, signalen: signalen! };
}

/**
 * Records every change of the root's `data-state` from now on, with the signalen shown and
 * whether the demo banner is up at that moment.
 */
async function recordStates(page: Page): Promise<void> {
	await page.evaluate(() => {
		const log: { state: string | null; signalen: string | null }[] = [];
		(window as unknown as { __states: typeof log }).__states = log;
		const root = document.querySelector('[data-state]')!;
		new MutationObserver(() => {
			log.push({
				state: root.getAttribute('data-state'),
				signalen:
					document.querySelector('[data-metric="signalen"]')?.getAttribute('data-value') ?? null
			});
		}).observe(root, { attributes: true, attributeFilter: ['data-state'] });
	});
}

async function recordedStates(page: Page) {
	return page.evaluate(
		() =>
			(window as unknown as { __states: { state: string | null; signalen: string | null }[] })
				.__states
	);
}

describe('transactional loading', () => {
	test('a refused file named like a loaded one leaves the loaded data; the refusal shows at the drop zone', async () => {
		const { page, signalen: demo } = await openDemo();
		await page
			.locator(FILE_INPUT)
			.first()
			.setInputFiles([FIXTURES.dossiers, FIXTURES.gebeurtenissen]);
		await page.getByText(DEMO_BANNER).first().waitFor({ state: 'hidden', timeout: 90_000 });
		await waitForReady(page);
		const loaded = await readMetric(page, 'signalen');
		const expected = await cliSignalen(page, {
			dossiers: [FIXTURES.dossiers],
			gebeurtenissen: [FIXTURES.gebeurtenissen]
		});
		expect(loaded, 'the fixture figures, as the CLI gives them').toBe(expected);
		expect(loaded, 'the fixture differs from the demo').not.toBe(demo);

		await page.locator(FILE_INPUT).first().setInputFiles([refusedTwin]);
		const alert = page.getByTestId('weigeringen');
		await alert.waitFor({ state: 'visible', timeout: 90_000 });
		await waitForReady(page);
		const text = (await alert.textContent()) ?? '';
		expect(text, 'the refusal names the file').toContain('gebeurtenissen.csv');
		expect(text).toContain('wat al geladen was, blijft staan');
		expect(await alert.getByRole('link', { name: 'Naar het importverslag' }).count()).toBe(1);
		// The refusal sits where the file was dropped: inside the drop zone's section.
		const zone = page.locator('section', { has: page.locator(FILE_INPUT) });
		expect(await zone.getByTestId('weigeringen').count()).toBe(1);

		expect(await readMetric(page, 'signalen'), 'the loaded figures stay').toBe(loaded);
		expect(await page.getByText(DEMO_BANNER).count()).toBe(0);

		// The import report still lists both loaded files, and the refusal.
		await followLink(page, '/import');
		await waitForReady(page);
		const refusedSection = page.locator('section', {
			has: page.getByRole('heading', { name: 'Bestanden die in zijn geheel zijn geweigerd' })
		});
		await expect(refusedSection.textContent()).resolves.toContain('gebeurtenissen.csv');
		for (const name of ['dossiers.csv', 'gebeurtenissen.csv']) {
			const row = page.locator('tr', { has: page.locator('th', { hasText: name }) });
			expect(await row.count(), `${name} is still a loaded file`).toBeGreaterThan(0);
		}
	});

	test('two quick picks: both land, one after the other', async () => {
		const { page, signalen: demo } = await openDemo();
		await recordStates(page);
		// Two picks in the same task: the second comes while the first is still being read.
		const picks = await Promise.all(
			[FIXTURES.dossiers, FIXTURES.gebeurtenissen].map(async (path) => ({
				name: basename(path),
				base64: (await readFile(path)).toString('base64')
			}))
		);
		await page.evaluate(
			({ selector, picks }) => {
				const input = document.querySelector(selector) as HTMLInputElement;
				for (const pick of picks) {
					const bytes = Uint8Array.from(atob(pick.base64), (c) => c.charCodeAt(0));
					const transfer = new DataTransfer();
					transfer.items.add(new File([bytes], pick.name, { type: 'text/csv' }));
					input.files = transfer.files;
					input.dispatchEvent(new Event('change', { bubbles: true }));
				}
			},
			{ selector: FILE_INPUT, picks }
		);
		await page.getByText(DEMO_BANNER).first().waitFor({ state: 'hidden', timeout: 90_000 });
		await waitForReady(page);
		// Both files together, as the command line reads them in the period the page shows (events
		// without their dossiers would be rejected).
		const expected = await cliSignalen(page, {
			dossiers: [FIXTURES.dossiers],
			gebeurtenissen: [FIXTURES.gebeurtenissen]
		});
		expect(expected).not.toBe(demo);
		expect(await readMetric(page, 'signalen')).toBe(expected);
		const states = await recordedStates(page);
		const ready = states.filter((s) => s.state === 'ready');
		expect(ready.length, 'ready once, when both picks have landed').toBeGreaterThan(0);
		expect(ready.filter((s) => s.signalen !== expected)).toEqual([]);

		await followLink(page, '/import');
		await waitForReady(page);
		for (const name of ['dossiers.csv', 'gebeurtenissen.csv']) {
			const row = page.locator('tr', { has: page.locator('th', { hasText: name }) });
			expect(await row.count(), `${name} is loaded`).toBeGreaterThan(0);
		}
	});

	test('data-state is loading from the pick until the new figures are on screen', async () => {
		const { page, signalen: demo } = await openDemo();
		await recordStates(page);
		await page
			.locator(FILE_INPUT)
			.first()
			.setInputFiles([FIXTURES.dossiers, FIXTURES.gebeurtenissen]);
		await page.getByText(DEMO_BANNER).first().waitFor({ state: 'hidden', timeout: 90_000 });
		await waitForReady(page);
		const loaded = (await readMetric(page, 'signalen'))!;
		expect(loaded).not.toBe(demo);
		const states = await recordedStates(page);
		expect(states[0]?.state, 'the first change after the pick').toBe('loading');
		const stale = states.filter((s) => s.state === 'ready' && s.signalen !== loaded);
		expect(stale, 'never ready with the old figures after the pick').toEqual([]);
	});

	test('after “Deze kolommen weglaten en doorgaan”, loading until the new figures are on screen', async () => {
		const { page, signalen: demo } = await openDemo();
		await page.locator(FILE_INPUT).first().setInputFiles([BSN.dossiers, BSN.gebeurtenissen]);
		const dialog = page.getByRole('dialog', { name: 'Mogelijk persoonsgegevens gevonden' });
		await dialog.waitFor({ state: 'visible' });
		// While the user decides, the page shows (and is ready with) the demo figures.
		await waitForReady(page);
		expect(await readMetric(page, 'signalen')).toBe(demo);

		await recordStates(page);
		await dialog.getByRole('button', { name: 'Deze kolommen weglaten en doorgaan' }).click();
		// Handed to the page right after the click: the new load is running, not "ready".
		expect(await page.evaluate(() => document.documentElement.dataset.state)).toBe('loading');
		await dialog.waitFor({ state: 'hidden' });
		await page.getByText(DEMO_BANNER).first().waitFor({ state: 'hidden', timeout: 90_000 });
		await waitForReady(page);
		const loaded = (await readMetric(page, 'signalen'))!;
		// tests/fixtures/upload: 3 signalen in the default period (worked out in upload.test.ts).
		expect(loaded).toBe('3');
		const states = await recordedStates(page);
		expect(states[0]?.state).toBe('loading');
		const stale = states.filter((s) => s.state === 'ready' && s.signalen !== loaded);
		expect(stale, 'never ready with the demo figures after the click').toEqual([]);
	});
});
