/**
 * The parties' own exports in the page (shared/spec/source-profiles.md, "Page"): the demo sources
 * of data/bronnen with their profiles and key give exactly the figures of the exchange-format demo;
 * a wrong profile is refused with its Dutch message and leaves the loaded data; the mapping screen
 * builds a working profile for a wide export by keyboard alone; unused personal-data columns never
 * reach DuckDB.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { exchangeCsv } from '../../src/lib/import/exchange-csv';
import { importSources, type SourceFile } from '../../src/lib/import/pipeline';
import { parseProfile } from '../../src/lib/import/profiles/format';
import { profileFor } from '../../src/lib/import/profiles/match';
import { webCryptoPseudonymiser } from '../../src/lib/import/profiles/pseudonym';
import { todayInAmsterdam } from '../../src/lib/domain/dates';
import { formatCount } from '../../src/lib/report/format';
import {
	ROOT,
	followLink,
	readMetric,
	readMetrics,
	runAxe,
	settle,
	setPeriod,
	useSite,
	waitForReady
} from './harness';

const site = useSite();

const BRONNEN = `${ROOT}data/bronnen`;
const KEY = readFileSync(`${BRONNEN}/demo-sleutel.txt`, 'utf8').split(/\r?\n/)[0]!;
const SOURCES = [
	'ymere-huurincasso.csv',
	'pre-wonen-huurincasso.xlsx',
	'elan-wonen-huurincasso.csv',
	'sdv-activiteiten.csv',
	'swt-registraties.csv'
];
const PROFILES = [
	'ymere.profiel.json',
	'pre-wonen.profiel.json',
	'elan-wonen.profiel.json',
	'sdv.profiel.json',
	'swt.profiel.json'
];
const PERIOD = { van: '2015-01-01', tot: '2015-07-01' };
const FILE_INPUT = 'input[type="file"][multiple]';
const DEMO_BANNER = 'Demodata (fictief)';

/** The dashboard with the exchange-format demo loaded, at the period. */
async function openDemo(): Promise<Page> {
	const { page } = await site.open();
	await page.goto(site.url('/'));
	await waitForReady(page);
	await setPeriod(page, PERIOD.van, PERIOD.tot);
	return page;
}

/** Hands files to the picker and waits until the page has dealt with them (the input empties). */
async function pick(page: Page, paths: string[]): Promise<void> {
	await settle(page, () => page.locator(FILE_INPUT).first().setInputFiles(paths));
}

/** The demo sources with the profile each is read with (as the page assigns them). */
function demoSourceFiles(): SourceFile[] {
	const profiles = PROFILES.map((name) => {
		const parsed = parseProfile(readFileSync(`${BRONNEN}/${name}`, 'utf8'), name);
		if (!parsed.ok) throw new Error(parsed.message);
		return { profile: parsed.profile, fileName: name };
	});
	return SOURCES.map((name) => {
		const file = { name, bytes: new Uint8Array(readFileSync(`${BRONNEN}/${name}`)) };
		return { ...file, profile: profileFor(file, profiles) };
	});
}

/** Names, BSNs, phone numbers, addresses and contract numbers in the CSV exports. */
function personalValues(): string[] {
	const out = new Set<string>();
	for (const [file, columns] of [
		['ymere-huurincasso.csv', ['Huurcontractnummer', 'Naam huurder', 'Adres', 'Postcode']],
		['sdv-activiteiten.csv', ['Cliëntnaam', 'BSN']],
		['swt-registraties.csv', ['Naam cliënt', 'Telefoon']]
	] as const) {
		const lines = readFileSync(`${BRONNEN}/${file}`, 'utf8')
			.replace(/^\uFEFF/, '')
			.split(/\r?\n/);
		const delimiter = lines[0]!.includes(';') ? ';' : ',';
		const header = lines[0]!.split(delimiter);
		for (const line of lines.slice(1, 200)) {
			const cells = line.split(delimiter);
			for (const c of columns) {
				const v = cells[header.indexOf(c)]?.trim();
				if (v) out.add(v);
			}
		}
	}
	return [...out];
}

describe('source profiles in the page', () => {
	test('the demo sources with their profiles and key give the figures of the exchange-format demo', async () => {
		const page = await openDemo();
		const demo = await readMetrics(page);
		expect(demo.length).toBeGreaterThan(20);

		await pick(
			page,
			[...SOURCES, ...PROFILES].map((f) => `${BRONNEN}/${f}`)
		);
		// The profiles pseudonymise: the page asks for the key, and nothing is loaded yet.
		const key = page.getByLabel('Sleutel', { exact: true });
		await key.waitFor();
		expect(await key.getAttribute('type')).toBe('password');
		expect(await page.getByText(DEMO_BANNER).first().isVisible()).toBe(true);
		// A key shorter than 16 characters is refused with a Dutch message; nothing loads.
		await key.fill('te-kort');
		await page.getByRole('button', { name: 'Doorgaan' }).click();
		await expect(page.locator('#sleutel-fout').textContent()).resolves.toContain(
			'minstens 16 tekens'
		);
		expect(await page.getByText(DEMO_BANNER).first().isVisible()).toBe(true);
		await key.fill(KEY);
		await settle(page, () => page.getByRole('button', { name: 'Doorgaan' }).click());
		expect(await page.getByText(DEMO_BANNER).count(), 'the demo is replaced').toBe(0);
		await setPeriod(page, PERIOD.van, PERIOD.tot);
		expect(await readMetrics(page)).toEqual(demo);
		// The key is in memory only: not in the URL, not in storage.
		expect(page.url()).not.toContain(KEY);
		const stored = await page.evaluate(() =>
			JSON.stringify({ ...localStorage, ...sessionStorage })
		);
		expect(stored).not.toContain(KEY);
		expect(stored, 'the profiles are remembered').toContain('Ymere huurincasso-export');

		// The same files through the same pipeline in Node: the report and the accepted rows.
		const result = await importSources(demoSourceFiles(), {
			today: todayInAmsterdam(),
			pseudonymiser: await webCryptoPseudonymiser(KEY)
		});
		await followLink(page, '/import');
		await waitForReady(page);
		for (const file of result.files) {
			const cell = page.locator(
				`[data-count="overgeslagen"][data-file="${file.name}"][data-role="${file.role}"]`
			);
			expect(await cell.getAttribute('data-value'), `overgeslagen of ${file.name}`).toBe(
				String(file.counts.overgeslagen)
			);
		}
		expect(result.totals.gebeurtenissen.overgeslagen).toBeGreaterThan(0);
		await shoot(page, 'import-bronprofielen');
		// The unused columns that look like personal data are marked (not loaded).
		for (const column of ['Naam huurder', 'Postcode', 'Cliëntnaam', 'BSN', 'Telefoon']) {
			expect(
				await page.locator(`[data-pii-column="${column}"]`).count(),
				`${column} marked`
			).toBeGreaterThan(0);
		}
		// The exchange-format download: the loaded tables, exactly the pipeline's accepted rows.
		const expected = exchangeCsv(result);
		for (const which of ['dossiers', 'gebeurtenissen'] as const) {
			const [file] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: `Download ${which}.csv` }).click()
			]);
			expect(file.suggestedFilename()).toBe(`${which}.csv`);
			const text = readFileSync(await file.path(), 'utf8');
			expect(text).toBe(expected[which]);
			// No personal data of the exports in what was loaded.
			for (const value of personalValues()) expect(text).not.toContain(value);
		}
	});

	test('a wrong profile: its Dutch message naming the key, at the drop zone; the loaded data stays', async () => {
		const page = await openDemo();
		const signalen = await readMetric(page, 'signalen');
		const wrong = {
			name: 'ymere-fout.profiel.json',
			mimeType: 'application/json',
			buffer: Buffer.from(
				readFileSync(`${BRONNEN}/ymere.profiel.json`, 'utf8').replace('"breed"', '"wijd"')
			)
		};
		await settle(page, () =>
			page
				.locator(FILE_INPUT)
				.first()
				.setInputFiles([
					{
						name: 'ymere-huurincasso.csv',
						mimeType: 'text/csv',
						buffer: readFileSync(`${BRONNEN}/ymere-huurincasso.csv`)
					},
					wrong
				])
		);
		const zone = page.getByTestId('weigeringen');
		await expect(zone.textContent()).resolves.toContain(
			'ymere-fout.profiel.json: ongeldig profiel: ‘vorm’ moet ‘breed’ of ‘lang’ zijn, niet "wijd"'
		);
		expect(await page.getByText(DEMO_BANNER).first().isVisible()).toBe(true);
		expect(await readMetric(page, 'signalen')).toBe(signalen);
		expect(await page.getByLabel('Sleutel', { exact: true }).count()).toBe(0);
	});

	test('a profile picked after its export applies to the export waiting for its columns', async () => {
		const page = await openDemo();
		// A profile alone, with nothing waiting: remembered, and the page says so.
		await pick(page, [`${BRONNEN}/swt.profiel.json`]);
		await expect(page.locator('.dropzone').textContent()).resolves.toContain(
			'Profiel ‘Sociaal Wijkteam, registraties’ is onthouden'
		);
		// The export without a profile waits for its columns; nothing is loaded.
		await pick(page, [`${BRONNEN}/ymere-huurincasso.csv`]);
		await page.getByTestId('koppelen-aanbod').waitFor();
		expect(await page.getByText(DEMO_BANNER).first().isVisible()).toBe(true);
		// Its profile, picked now, reads it (after the key).
		await pick(page, [`${BRONNEN}/ymere.profiel.json`]);
		await page.getByLabel('Sleutel', { exact: true }).fill(KEY);
		await settle(page, () => page.getByRole('button', { name: 'Doorgaan' }).click());
		expect(await page.getByText(DEMO_BANNER).count()).toBe(0);
		expect(await page.getByTestId('koppelen-aanbod').count()).toBe(0);
		await followLink(page, '/import');
		await waitForReady(page);
		const names = await page.$$eval('[data-count="overgeslagen"]', (cells) =>
			cells.map((c) => `${c.getAttribute('data-file')}|${c.getAttribute('data-role')}`)
		);
		expect(names).toEqual([
			'ymere-huurincasso.csv|dossiers',
			'ymere-huurincasso.csv|gebeurtenissen'
		]);
	});

	test('the mapping screen builds a working profile for a wide export by keyboard alone', async () => {
		// Session A: the Elan Wonen export with its profile file and the key.
		const a = await openDemo();
		await pick(a, [`${BRONNEN}/elan-wonen-huurincasso.csv`, `${BRONNEN}/elan-wonen.profiel.json`]);
		await a.getByLabel('Sleutel', { exact: true }).fill(KEY);
		await settle(a, () => a.getByRole('button', { name: 'Doorgaan' }).click());
		await setPeriod(a, PERIOD.van, PERIOD.tot);
		const viaProfileFile = await readMetrics(a);
		expect(await readMetric(a, 'signalen')).not.toBe('0');

		// Session B: the same export, one step column renamed and no corporation in the file name,
		// mapped on the mapping screen with the keyboard only.
		const page = await openDemo();
		const original = readFileSync(`${BRONNEN}/elan-wonen-huurincasso.csv`, 'utf8');
		const renamed = original.replace(',Eerste contact,', ',Klant gesproken,');
		expect(renamed).not.toBe(original);
		const chooser = page.waitForEvent('filechooser');
		await tabTo(page, { selector: '#bestanden' });
		await page.keyboard.press('Enter');
		await settle(page, async () =>
			(await chooser).setFiles({
				name: 'huurincasso-export-2015.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(renamed)
			})
		);
		const offer = page.getByTestId('koppelen-aanbod');
		await expect(offer.textContent()).resolves.toContain('huurincasso-export-2015.csv');
		await tabTo(page, { text: 'Kolommen koppelen' });
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/koppelen');
		await waitForReady(page);
		await page.getByTestId('voorbeeld').getByText('nog niet compleet').waitFor();
		// The samples never show the values of a column that looks like personal data.
		const lines = renamed.split(/\r?\n/);
		const head = lines[0]!.split(',');
		const shown = (await page.locator('main').textContent()) ?? '';
		for (const column of ['Naam huurder', 'Adres', 'Postcode']) {
			const at = head.indexOf(column);
			expect(at, column).toBeGreaterThan(-1);
			for (const line of lines.slice(1, 20)) {
				const value = line.split(',')[at]?.trim();
				if (value) expect(shown, `${column} sample`).not.toContain(value);
			}
		}

		// The steps are suggested from the header words; "Klant gesproken" is not: pick it with the arrow keys.
		const step = 'select[data-step-column="Klant gesproken"]';
		expect(await page.locator(step).inputValue()).toBe('');
		await tabTo(page, { selector: step });
		await page.keyboard.press('ArrowDown'); // achterstand_1m
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
		expect(await page.locator(step).inputValue()).toBe('contact');
		// The corporation: one value for the file, typed.
		await tabTo(page, { selector: '#p-corp' });
		await page.keyboard.type('Elan Wonen');
		await page
			.getByTestId('voorbeeld')
			.locator('tr[data-preview-table="gebeurtenissen"]')
			.waitFor();
		// The preview gives the counts the pipeline gives for the export through its committed profile.
		const elan = demoSourceFiles().filter((f) => f.name === 'elan-wonen-huurincasso.csv');
		const expected = await importSources(elan, {
			today: todayInAmsterdam(),
			pseudonymiser: await webCryptoPseudonymiser(KEY)
		});
		for (const file of expected.files) {
			const c = file.counts;
			const cells = [
				c.gelezen,
				c.geaccepteerd,
				c.waarschuwingen,
				c.dubbel,
				c.geweigerd,
				c.overgeslagen
			];
			const row = page.getByTestId('voorbeeld').locator(`tr[data-preview-table="${file.role}"] td`);
			expect(await row.allTextContents(), `preview of ${file.role}`).toEqual(
				cells.map(formatCount)
			);
		}
		expect(expected.files.map((f) => f.role)).toEqual(['dossiers', 'gebeurtenissen']);
		await shoot(page, 'koppelen');
		const viewport = page.viewportSize()!;
		for (const width of [1366, 390]) {
			await page.setViewportSize({ width, height: 900 });
			expect(await runAxe(page), `axe on /koppelen at ${width} px`).toEqual([]);
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth),
				`no sideways scrolling at ${width} px`
			).toBeLessThanOrEqual(width);
		}
		await page.setViewportSize(viewport);

		// Save the profile file (download) and check that it parses.
		await tabTo(page, { text: 'Profiel opslaan (.json)' });
		const [saved] = await Promise.all([
			page.waitForEvent('download'),
			page.keyboard.press('Enter')
		]);
		expect(saved.suggestedFilename()).toBe('huurincasso-export-2015.profiel.json');
		const savedText = readFileSync(await saved.path(), 'utf8');
		const parsed = parseProfile(savedText);
		if (!parsed.ok) throw new Error(parsed.message);
		expect(JSON.parse(savedText)).toMatchObject({
			formaat: 'huisuitzettingen-bronprofiel/1',
			vorm: 'breed',
			corporatie: { waarde: 'Elan Wonen' },
			dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: true }
		});
		expect(parsed.profile.vorm === 'breed' && parsed.profile.gebeurtenissen).toContainEqual({
			gebeurtenis: 'contact',
			kolom: 'Klant gesproken'
		});
		expect(savedText).not.toContain(KEY);

		// Load: back on the dashboard the key is asked (Sleutel, Doorgaan), by keyboard too.
		await tabTo(page, { text: 'Laden met dit profiel' });
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/');
		await page.getByLabel('Sleutel', { exact: true }).waitFor();
		expect(await runAxe(page), 'axe with the key form').toEqual([]);
		await tabTo(page, { selector: '#sleutel' });
		await page.keyboard.type(KEY);
		await settle(page, () => page.keyboard.press('Enter'));
		await setPeriod(page, PERIOD.van, PERIOD.tot);
		expect(await readMetrics(page)).toEqual(viaProfileFile);

		// The profile is remembered in this browser and proposed when a file with its columns comes again.
		const again = page.waitForEvent('filechooser');
		await tabTo(page, { selector: '#bestanden' });
		await page.keyboard.press('Enter');
		await settle(page, async () =>
			(await again).setFiles({
				name: 'huurincasso-export-2015-2.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(renamed)
			})
		);
		const proposal = 'Opgeslagen profiel ‘huurincasso-export-2015’ gebruiken';
		await tabTo(page, { text: proposal });
		await settle(page, () => page.keyboard.press('Enter'));
		await tabTo(page, { text: 'Importverslag' });
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/import');
		await waitForReady(page);
		const files = await page.$$eval('[data-count="overgeslagen"]', (cells) =>
			cells.map((c) => c.getAttribute('data-file'))
		);
		expect(files).toContain('huurincasso-export-2015-2.csv');
	});
});

/** Presses Tab until the focused element matches the selector or has the text (at most 400 times). */
async function tabTo(page: Page, target: { selector?: string; text?: string }): Promise<void> {
	for (let i = 0; i < 400; i++) {
		const found = await page.evaluate(({ selector, text }) => {
			const e = document.activeElement;
			if (!e || e === document.body) return false;
			if (selector !== undefined) return e.matches(selector);
			return e.textContent?.trim() === text;
		}, target);
		if (found) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`no focusable element matches ${JSON.stringify(target)}`);
}

/** Screenshots of the page at 1366 and 390 px wide (the whole page, in parts of 1400 px), into test-results/. */
async function shoot(page: Page, name: string): Promise<void> {
	const size = page.viewportSize();
	for (const width of [1366, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		for (let y = 0, part = 1; y < height; y += 1400, part++) {
			await page.screenshot({
				path: `${ROOT}test-results/${name}-${width}-${part}.png`,
				fullPage: true,
				clip: { x: 0, y, width, height: Math.min(1400, height - y) }
			});
		}
	}
	if (size) await page.setViewportSize(size);
}
