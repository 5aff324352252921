/**
 * The address on the mapping screen (issue 22): a corporation's export with postcode, house
 * number and addition is mapped on /koppelen; the suggestion proposes the address, the user takes
 * the house number out (the half address is refused in Dutch) and picks it again with the
 * keyboard; the profile is used, the key given, and the loaded dossiers carry the address keys of
 * the spec's rule (compared with Web Crypto in Node). No postcode ever reaches the page: not as a
 * sample, not in the import report, not in the exchange download. Axe clean and no sideways
 * scrolling at 1366 and 390 px; screenshots in test-results/screens.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addressMessage, webCryptoPseudonymiser } from '../../src/lib/import/profiles/pseudonym';
import { ROOT, expectAxeClean, followLink, settle, useSite, waitForReady } from './harness';

const site = useSite();
const SCREENS = `${ROOT}test-results/screens`;
const KEY = readFileSync(`${ROOT}data/bronnen/demo-sleutel.txt`, 'utf8').split(/\r?\n/)[0]!;

/** Four dossiers: two with an addition, one without a second month, one with a vonnis. */
const ROWS = [
	['YM-0100001', '2011 RD', '12', 'A', 'Senior', '02-03-2015', '02-04-2015', ''],
	['YM-0100002', '2035 MV', '163', '', 'Gezin met kinderen', '05-03-2015', '', '15-09-2015'],
	['YM-0100003', '2019 HI', '28', 'bis', 'Alleenstaand', '10-03-2015', '10-04-2015', ''],
	['YM-0100004', '2041 AD', '11', '', 'Senior', '12-03-2015', '', '']
];
const CSV = [
	'Huurcontractnummer;Postcode;Huisnummer;Toevoeging;Huishoudtype;Datum 1 mnd achterstand;Datum 2 mnd achterstand;Vonnis',
	...ROWS.map((r) => r.join(';'))
].join('\r\n');
/** Every way a postcode of the file could be written on the page. */
const POSTCODES = ROWS.flatMap(([, pc]) => [pc!, pc!.replace(' ', '')]);

async function noPostcode(page: Page, where: string): Promise<void> {
	const html = await page.content();
	for (const pc of POSTCODES) expect(html, `${pc} on ${where}`).not.toContain(pc);
}

/** The sample cell of a column in the table of columns. */
const sample = (page: Page, column: string) =>
	page.locator(`table.columns tr[data-column="${column}"] td.values`);

describe('the address on the mapping screen', () => {
	test('chosen on /koppelen, the dossiers get the address keys; no postcode on any page', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await settle(page, () =>
			page
				.locator('input[type="file"][multiple]')
				.first()
				.setInputFiles({
					name: 'ymere-adressen.csv',
					mimeType: 'text/csv',
					buffer: Buffer.from(CSV)
				})
		);
		await page.getByTestId('koppelen-aanbod').getByText('Kolommen koppelen').click();
		await page.waitForURL((url) => url.pathname === '/koppelen');
		await waitForReady(page);

		// The suggestion proposes the address, says in `open` that it needs the key, shows no sample.
		const fieldset = page.getByTestId('adres');
		await expect(fieldset.locator('legend').textContent()).resolves.toBe(
			'Adres (alleen voor de adressleutel van de keten)'
		);
		expect(await page.locator('#p-postcode').inputValue()).toBe('Postcode');
		expect(await page.locator('#p-huisnummer').inputValue()).toBe('Huisnummer');
		expect(await page.locator('#p-toevoeging').inputValue()).toBe('Toevoeging');
		await expect(page.getByTestId('open-punten').textContent()).resolves.toContain(
			'is gekoppeld voor de adressleutel van de keten'
		);
		for (const column of ['Postcode', 'Huisnummer', 'Toevoeging']) {
			expect(await sample(page, column).textContent(), column).toBe('— (adres, niet getoond)');
			await expect(
				page.locator(`table.columns tr[data-column="${column}"] td`).first().textContent()
			).resolves.toBe('alleen als adressleutel (niet geladen)');
		}
		expect(await sample(page, 'Huishoudtype').textContent()).toContain('Senior');
		// The address columns are no step columns.
		expect(await page.locator('select[data-step-column="Toevoeging"]').count()).toBe(0);
		await expect(page.getByTestId('adres-sleutel').textContent()).resolves.toBe(
			'Dit profiel pseudonimiseert het dossier_id en maakt een adressleutel: daarvoor is de sleutel van de werkgroep nodig. Bij het laden vraagt de pagina erom; zonder sleutel wordt het bestand niet ingelezen.'
		);
		await noPostcode(page, '/koppelen');

		// ‘Geen’ for the house number: the half address is refused in Dutch, nothing can be loaded.
		await page.locator('#p-huisnummer').selectOption('');
		await expect(page.getByTestId('adres-onvolledig').textContent()).resolves.toContain(
			'kies ook de kolom met het huisnummer, of ‘geen’ bij de postcode: een adressleutel heeft de postcode én het huisnummer nodig'
		);
		await expect(page.getByTestId('voorbeeld').textContent()).resolves.toContain(
			'Het profiel is nog niet compleet'
		);
		expect(await page.getByRole('button', { name: 'Laden met dit profiel' }).isDisabled()).toBe(
			true
		);
		// The house number is no address column now: personal data by its header, still hidden.
		expect(await sample(page, 'Huisnummer').textContent()).toBe('(verborgen)');

		// Picked again with the keyboard: the options are ‘geen’, then the columns in file order.
		await page.locator('#p-huisnummer').focus();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
		expect(await page.locator('#p-huisnummer').inputValue()).toBe('Huisnummer');
		await page.getByTestId('adres-sleutel').waitFor();
		expect(await page.getByTestId('adres-onvolledig').count()).toBe(0);
		const preview = page.getByTestId('voorbeeld').locator('tr[data-preview-table="dossiers"] td');
		await preview.first().waitFor();
		// 4 read, 4 accepted, 0 warned, 0 double, 0 rejected, 0 skipped.
		await expect.poll(() => preview.allTextContents()).toEqual(['4', '4', '0', '0', '0', '0']);
		await noPostcode(page, '/koppelen after the choice');

		mkdirSync(SCREENS, { recursive: true });
		const viewport = page.viewportSize()!;
		for (const width of [1366, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await expectAxeClean(page, `/koppelen at ${width} px`);
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth),
				`no sideways scrolling at ${width} px`
			).toBeLessThanOrEqual(width);
			await fieldset.scrollIntoViewIfNeeded();
			await page.screenshot({ path: `${SCREENS}/adres-koppelen-${width}.png` });
			await page
				.locator('table.columns')
				.screenshot({ path: `${SCREENS}/adres-kolommen-${width}.png` });
		}
		await page.setViewportSize(viewport);

		// Load: the key is asked on the dashboard, then the file loads.
		await page.getByRole('button', { name: 'Laden met dit profiel' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		await page.getByLabel('Sleutel', { exact: true }).fill(KEY);
		await settle(page, () => page.getByRole('button', { name: 'Doorgaan' }).click());
		await noPostcode(page, 'the dashboard');

		// The loaded dossiers carry the address keys of the spec's rule, and nothing of the address.
		await followLink(page, '/import');
		await waitForReady(page);
		await noPostcode(page, '/import');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download dossiers.csv' }).click()
		]);
		const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
		const [head, ...lines] = text
			.trim()
			.split('\r\n')
			.map((l) => l.split(';'));
		const pseudonymise = await webCryptoPseudonymiser(KEY);
		const ids = await pseudonymise(ROWS.map((r) => r[0]!));
		const keys = await pseudonymise(ROWS.map(([, pc, nr, toev]) => addressMessage(pc!, nr!, toev)));
		const at = (name: string) => head!.indexOf(name);
		expect(at('adres_sleutel')).toBeGreaterThan(-1);
		expect(lines.map((l) => [l[at('dossier_id')], l[at('adres_sleutel')]])).toEqual(
			ids.map((id, i) => [id, keys[i]])
		);
		expect(new Set(keys).size).toBe(4);
		for (const pc of POSTCODES) expect(text).not.toContain(pc);
		await page.screenshot({ path: `${SCREENS}/adres-import-1366.png`, fullPage: true });
	});
});
