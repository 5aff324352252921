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
import {
	ROOT,
	followLink,
	readMetric,
	readMetrics,
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
});
