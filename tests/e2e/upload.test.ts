/**
 * Uploading the user's own files on the dashboard: the personal-data dialog, a file refused whole,
 * the file picker by keyboard, and the progress line while a larger file loads.
 *
 * tests/fixtures/upload/ by hand: dossiers-bsn.csv has an extra column `bsn` with BSNs that pass
 * the eleven-test (111222333, 123456782). Its events (gebeurtenissen-bsn.csv) run from 2014-12-20
 * to 2015-06-30, so the default period is the latest complete half-year [2015-01-01, 2015-07-01).
 * In it the achterstand_1m events of P01 (gezin met kinderen), P02 (senior) and P03 (oggz) count:
 * 3 signalen and 1 melding SDV (P02). P04's signal is left out (doelgroep overig, not selected by
 * default) and P05's lies before the period (2014-12-20).
 * dossiers-zonder-doelgroep.csv lacks the required column `doelgroep`: refused whole.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tablesToXlsx } from '../../src/lib/report/xlsx';
import {
	ROOT,
	evaluateCli,
	followLink,
	readMetric,
	readPeriod,
	readyMark,
	settle,
	useSite,
	waitForReady
} from './harness';

const site = useSite();

const UPLOAD = `${ROOT}tests/fixtures/upload`;
const BSN = {
	dossiers: `${UPLOAD}/dossiers-bsn.csv`,
	gebeurtenissen: `${UPLOAD}/gebeurtenissen-bsn.csv`
};
const ZONDER_DOELGROEP = `${UPLOAD}/dossiers-zonder-doelgroep.csv`;
/** Worked out by hand (see above). */
const BSN_FIGURES = { van: '2015-01-01', tot: '2015-07-01', signalen: '3', meldingen_sdv: '1' };

const DEMO_BANNER = 'Demodata (fictief)';
const FILE_INPUT = 'input[type="file"][multiple]';

/** The dashboard with the demo data, ready; its signalen. */
async function openDemo(): Promise<{ page: Page; signalen: string }> {
	const { page } = await site.open();
	await page.goto(site.url('/'));
	await waitForReady(page);
	await expect(page.getByText(DEMO_BANNER).first().isVisible()).resolves.toBe(true);
	const signalen = await readMetric(page, 'signalen');
	expect(signalen, 'the demo shows signalen').not.toBeNull();
	return { page, signalen: signalen! };
}

/**
 * Hands files to the picker and waits until the page has dealt with them: the picker empties its
 * input once loading is over, whether the files were loaded, refused or held for a decision.
 */
async function pickFiles(page: Page, paths: string[]): Promise<void> {
	const input = page.locator(FILE_INPUT).first();
	await input.setInputFiles(paths);
	await page.waitForFunction(
		(selector) =>
			(document.querySelector(selector) as HTMLInputElement | null)?.files?.length === 0,
		FILE_INPUT,
		{ timeout: 90_000 }
	);
}

/** The demo data is still what the page shows. */
async function expectDemo(page: Page, signalen: string): Promise<void> {
	await waitForReady(page);
	expect(await page.getByText(DEMO_BANNER).first().isVisible(), 'the demo banner').toBe(true);
	expect(await readMetric(page, 'signalen'), 'the demo signalen').toBe(signalen);
}

describe('personal data in an upload', () => {
	test('opens the dialog; dropping the column loads the files, /import names it', async () => {
		const { page, signalen } = await openDemo();
		expect(signalen, 'the fixture must differ from the demo').not.toBe(BSN_FIGURES.signalen);

		await pickFiles(page, [BSN.dossiers, BSN.gebeurtenissen]);
		const dialog = page.getByRole('dialog', { name: 'Mogelijk persoonsgegevens gevonden' });
		await dialog.waitFor({ state: 'visible' });
		const items = (await dialog.locator('li').allTextContents()).map((t) =>
			t.replace(/\s+/g, ' ').trim()
		);
		expect(items.length).toBeGreaterThan(0);
		expect(
			items.every((t) => t.startsWith('Kolom bsn: ')),
			items.join(' | ')
		).toBe(true);
		expect(items.join(' | ')).toMatch(/Kolom bsn: bevat burgerservicenummers \(elfproef\)/);
		await expect(dialog.getByText('dossiers-bsn.csv').isVisible()).resolves.toBe(true);

		// Nothing is loaded while the user decides.
		await expectDemo(page, signalen);

		await settle(page, () =>
			dialog.getByRole('button', { name: 'Deze kolommen weglaten en doorgaan' }).click()
		);
		await dialog.waitFor({ state: 'hidden' });
		// The load runs after the dialog closes: wait for the demo banner to go, then for the figures.
		await page.getByText(DEMO_BANNER).first().waitFor({ state: 'hidden', timeout: 60_000 });
		await waitForReady(page);
		// The new figures follow the new data (see docs/import-decisions.md on the loading state).
		await page.waitForFunction(
			(expected) =>
				document.querySelector('[data-metric="signalen"]')?.getAttribute('data-value') === expected,
			BSN_FIGURES.signalen,
			{ timeout: 60_000 }
		);
		expect(await readPeriod(page)).toEqual({ van: BSN_FIGURES.van, tot: BSN_FIGURES.tot });
		expect(await readMetric(page, 'signalen')).toBe(BSN_FIGURES.signalen);
		expect(await readMetric(page, 'meldingen_sdv')).toBe(BSN_FIGURES.meldingen_sdv);

		await followLink(page, '/import');
		await waitForReady(page);
		const row = page.locator('tr', { has: page.locator('th', { hasText: 'dossiers-bsn.csv' }) });
		await expect(row.textContent()).resolves.toContain('bsn (weggelaten)');
		const events = page.locator('tr', {
			has: page.locator('th', { hasText: 'gebeurtenissen-bsn.csv' })
		});
		await expect(events.count()).resolves.toBe(1);
	});

	test('Annuleren keeps the demo data', async () => {
		const { page, signalen } = await openDemo();
		await pickFiles(page, [BSN.dossiers, BSN.gebeurtenissen]);
		const dialog = page.getByRole('dialog', { name: 'Mogelijk persoonsgegevens gevonden' });
		await dialog.waitFor({ state: 'visible' });

		await dialog.getByRole('button', { name: 'Annuleren' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await expectDemo(page, signalen);
	});

	test('in a workbook sheet: dropping the column loads that sheet', async () => {
		// One sheet, flagged: the workbook's only data. Continuing must load it without `bsn`.
		const dir = await mkdtemp(join(tmpdir(), 'upload-xlsx-'));
		try {
			const path = join(dir, 'export-bsn.xlsx');
			await writeFile(
				path,
				await tablesToXlsx([
					{
						sheet: 'dossiers',
						header: ['dossier_id', 'corporatie', 'doelgroep', 'bsn'],
						rows: [
							['X01', 'Ymere', 'senior', '111222333'],
							['X02', 'Elan Wonen', 'oggz', '123456782']
						]
					}
				])
			);
			const { page, signalen } = await openDemo();
			await pickFiles(page, [path]);
			const dialog = page.getByRole('dialog', { name: 'Mogelijk persoonsgegevens gevonden' });
			await dialog.waitFor({ state: 'visible' });
			await expect(dialog.getByText('export-bsn.xlsx (blad dossiers)').count()).resolves.toBe(1);
			await expectDemo(page, signalen);

			const since = await readyMark(page);
			await dialog.getByRole('button', { name: 'Deze kolommen weglaten en doorgaan' }).click();
			await dialog.waitFor({ state: 'hidden' });
			await waitForReady(page, { since, timeout: 30_000 }).catch(async (error: Error) => {
				const banner = await page.getByText(DEMO_BANNER).first().isVisible();
				throw new Error(
					`the page did not load the sheet after “Deze kolommen weglaten en doorgaan” ` +
						`(demo banner still shown: ${banner}; ${error.message.split('\n')[0]})`
				);
			});
			// The load runs after the dialog closes: wait for the demo banner to go, then for the figures.
			await page.getByText(DEMO_BANNER).first().waitFor({ state: 'hidden', timeout: 60_000 });
			await waitForReady(page);

			await followLink(page, '/import');
			await waitForReady(page);
			const row = page.locator('tr', {
				has: page.locator('th', { hasText: 'export-bsn.xlsx (blad dossiers)' })
			});
			await expect(row.textContent()).resolves.toContain('bsn (weggelaten)');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});

describe('a file refused whole', () => {
	test('leaves the demo data, and /import lists the refusal', async () => {
		const { page, signalen } = await openDemo();
		await pickFiles(page, [ZONDER_DOELGROEP]);
		await expectDemo(page, signalen);

		await followLink(page, '/import');
		await waitForReady(page);
		const section = page.locator('section', {
			has: page.getByRole('heading', { name: 'Bestanden die in zijn geheel zijn geweigerd' })
		});
		await section.waitFor({ state: 'visible' });
		const item = section.locator('li', { hasText: 'dossiers-zonder-doelgroep.csv' });
		await expect(item.count()).resolves.toBe(1);
		await expect(item.textContent()).resolves.toContain('doelgroep');
		// The report below is still the demo's.
		await expect(page.getByRole('heading', { name: 'Bestanden (demodata)' }).count()).resolves.toBe(
			1
		);
	});
});

describe('the file picker by keyboard', () => {
	test('Tab reaches the selection and the file input, each with a visible focus', async () => {
		const { page } = await openDemo();
		// Chromium has the file input's accessible name computed as a screen reader gets it.
		const cdp = await page.context().newCDPSession(page);
		const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
		const { nodeId } = await cdp.send('DOM.querySelector', {
			nodeId: root.nodeId,
			selector: FILE_INPUT
		});
		const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
			nodeId,
			fetchRelatives: false
		});
		const name = String(nodes[0]?.name?.value ?? '').trim();
		expect(name, 'accessible name of the file input').toMatch(/exportbestanden/i);

		const MAX_TABS = 80;
		const seen: { what: string; outline: string }[] = [];
		for (let i = 0; i < MAX_TABS; i++) {
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return null;
				const input = el instanceof HTMLInputElement ? el : null;
				// The file input is visually hidden: its label, styled as a button, shows the focus.
				const shown =
					input?.type === 'file' ? document.querySelector(`label[for="${input.id}"]`) : el;
				const style = shown ? getComputedStyle(shown) : null;
				const what =
					el.tagName.toLowerCase() +
					(input ? `[type=${input.type}]` : '') +
					(el.id ? `#${el.id}` : '') +
					(input?.name ? `[name=${input.name}]` : '');
				// After its day, month and year fields, Tab stops on a date input's own calendar
				// button (inside the browser's shadow tree, so the input itself is not :focus). The
				// browser draws its own ring there, which computed styles do not show.
				if (input?.type === 'date' && !input.matches(':focus') && input.matches(':focus-within')) {
					return { what: `${what}::calendar-button`, outline: 'browser' };
				}
				return {
					what,
					outline:
						style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
							? `${style.outlineStyle} ${style.outlineWidth}`
							: 'none'
				};
			});
			if (!focused) continue;
			seen.push(focused);
			if (focused.what.startsWith('input[type=file]')) break;
		}
		const list = seen.map((s) => s.what).join(', ');
		const file = seen.find((s) => s.what.startsWith('input[type=file]'));
		expect(file, `the file input within ${MAX_TABS} Tabs: ${list}`).toBeDefined();
		for (const target of ['select#periode', 'input[type=date]#van', 'input[type=date]#tm']) {
			expect(
				seen.some((s) => s.what.startsWith(target)),
				`${target} before the file input: ${list}`
			).toBe(true);
		}
		expect(
			seen.filter((s) => s.what.startsWith('input[type=checkbox]')).length,
			`checkboxes before the file input: ${list}`
		).toBeGreaterThan(0);
		const unmarked = seen.filter((s) => s.outline === 'none').map((s) => s.what);
		expect(unmarked, 'focused without a visible outline').toEqual([]);
	});
});

describe('loading a larger file', () => {
	let dir = '';
	const run = promisify(execFile);

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'upload-e2e-'));
		await run(
			`${ROOT}node_modules/.bin/tsx`,
			['src/cli/demo-data.ts', '--events', '50000', '--out', dir],
			{ cwd: ROOT }
		);
	});

	afterAll(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	test('shows progress, then the figures the command line gives', async () => {
		const { page } = await openDemo();
		const files = {
			dossiers: join(dir, 'dossiers.csv'),
			gebeurtenissen: join(dir, 'gebeurtenissen.csv')
		};

		// Every text a [role="status"] shows from here on, also one that comes and goes quickly.
		await page.evaluate(() => {
			const texts: string[] = [];
			(window as unknown as { __statusTexts: string[] }).__statusTexts = texts;
			const record = () => {
				for (const el of document.querySelectorAll('[role="status"]')) {
					const text = el.textContent?.trim() ?? '';
					if (text && !texts.includes(text)) texts.push(text);
				}
			};
			new MutationObserver(record).observe(document.body, {
				subtree: true,
				childList: true,
				characterData: true
			});
		});
		const before = await page.$$eval('[role="status"]', (els) =>
			els.map((e) => e.textContent?.trim() ?? '')
		);

		await settle(page, async () => {
			await page.locator(FILE_INPUT).first().setInputFiles([files.dossiers, files.gebeurtenissen]);
			await page.waitForFunction(
				(old) =>
					(window as unknown as { __statusTexts: string[] }).__statusTexts.some(
						(t) => !old.includes(t) && /…/.test(t)
					),
				before,
				{ polling: 'raf', timeout: 60_000 }
			);
		});
		const texts = await page.evaluate(
			() => (window as unknown as { __statusTexts: string[] }).__statusTexts
		);
		expect(
			texts.some((t) =>
				/bestand\(en\) lezen|regels gelezen|regels gecontroleerd|laden in DuckDB/.test(t)
			),
			texts.join(' | ')
		).toBe(true);
		await expect(page.locator('.dropzone [role="status"]').count()).resolves.toBe(0);
		// The load runs after the dialog closes: wait for the demo banner to go, then for the figures.
		await page.getByText(DEMO_BANNER).first().waitFor({ state: 'hidden', timeout: 60_000 });
		await waitForReady(page);

		const { van, tot } = await readPeriod(page);
		const doc = await evaluateCli({
			dossiers: [files.dossiers],
			gebeurtenissen: [files.gebeurtenissen],
			van,
			tot
		});
		const expected = (doc.totaal as Record<string, unknown>).signalen;
		expect(typeof expected).toBe('number');
		expect(expected as number).toBeGreaterThan(0);
		expect(await readMetric(page, 'signalen'), `[${van}, ${tot})`).toBe(String(expected));
		expect(await readMetric(page, 'ontruimingen'), `[${van}, ${tot})`).toBe(
			String((doc.totaal as Record<string, unknown>).ontruimingen)
		);
	});
});
