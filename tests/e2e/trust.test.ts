/**
 * The path into the figures, as a new user walks it (issue: figures that can be trusted): five
 * own exports and the key file without profiles, mapped one after the other by accepting the
 * suggestions, give the figures of the exchange-format demo; a file with rejected rows puts a
 * notice with `data-geweigerd` on the dashboard, the report and the briefing, equal to the
 * command line's count; "Profiel herstellen" opens the profile that was used and a repair
 * changes only what the user changes; the key's fingerprint is shown, its content never; a
 * reload with the parties' data asks first and says what must be picked again.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	ROOT,
	evaluateCli,
	followLink,
	readMetrics,
	runAxe,
	settle,
	setPeriod,
	useSite,
	waitForReady
} from './harness';

const site = useSite();
const run = promisify(execFile);

const BRONNEN = `${ROOT}data/bronnen`;
const KEY_FILE = `${BRONNEN}/demo-sleutel.txt`;
const KEY = readFileSync(KEY_FILE, 'utf8').split(/\r?\n/)[0]!;
const SOURCES = [
	'ymere-huurincasso.csv',
	'pre-wonen-huurincasso.xlsx',
	'elan-wonen-huurincasso.csv',
	'sdv-activiteiten.csv',
	'swt-registraties.csv'
];
const PERIOD = { van: '2015-01-01', tot: '2015-07-01' };
const FILE_INPUT = 'input[type="file"][multiple]';

async function openDemo(): Promise<Page> {
	const { page } = await site.open();
	await page.goto(site.url('/'));
	await waitForReady(page);
	await setPeriod(page, PERIOD.van, PERIOD.tot);
	return page;
}

async function pick(page: Page, paths: string[]): Promise<void> {
	await settle(page, () => page.locator(FILE_INPUT).first().setInputFiles(paths));
}

/** Screenshots at 1366 and 390 px (the first 2,800 px of the page), into test-results/. */
async function shoot(page: Page, name: string): Promise<void> {
	const size = page.viewportSize();
	for (const width of [1366, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const height = Math.min(2800, await page.evaluate(() => document.documentElement.scrollHeight));
		await page.screenshot({
			path: `${ROOT}test-results/trust-${name}-${width}.png`,
			fullPage: true,
			clip: { x: 0, y: 0, width, height }
		});
	}
	if (size) await page.setViewportSize(size);
}

/** A work folder for files made by a test. */
function workDir(): string {
	return mkdtempSync(path.join(tmpdir(), 'trust-'));
}

describe('from the parties’ own exports to figures that can be trusted', () => {
	test('five exports and the key file, no profiles: accepting the suggestions gives the demo’s figures', async () => {
		const page = await openDemo();
		const demo = await readMetrics(page);
		const started = Date.now();
		await pick(page, [...SOURCES.map((f) => `${BRONNEN}/${f}`), KEY_FILE]);
		const offer = page.getByTestId('koppelen-aanbod');
		await offer.waitFor();
		expect(await offer.textContent()).toContain('0 van 5 gekoppeld');
		// The key file is recognised, and its content is never on the page.
		expect(await page.locator('main').textContent()).not.toContain(KEY);
		await offer.getByRole('link', { name: 'Kolommen koppelen' }).click();
		await page.waitForURL((url) => url.pathname === '/koppelen');
		for (let i = 0; i < SOURCES.length; i++) {
			await waitForReady(page);
			const flow = page.getByTestId('koppelen-voortgang');
			expect(await flow.textContent()).toContain(`${i} van 5 gekoppeld`);
			// The page never shows the key, nor the values of a personal-data column.
			expect(await page.locator('main').textContent()).not.toContain(KEY);
			await page.getByTestId('voorbeeld').locator('tr[data-preview-table]').first().waitFor();
			await shoot(page, `stap-${i + 1}`);
			const submit = page.locator('form.mapping button[type="submit"]');
			expect(await submit.isEnabled(), `file ${i + 1} can be used as suggested`).toBe(true);
			if (i < SOURCES.length - 1) {
				expect(await submit.textContent()).toContain('volgend bestand');
				await submit.click();
				await page
					.getByTestId('koppelen-voortgang')
					.getByText(`${i + 1} van 5 gekoppeld`)
					.waitFor();
			} else {
				await submit.click();
				await page.waitForURL((url) => url.pathname === '/');
			}
		}
		// Back on the dashboard the key is asked, and the picked key file is offered.
		const useFile = page.getByRole('button', { name: 'Dit bestand als sleutel gebruiken' });
		await useFile.waitFor();
		await shoot(page, 'sleutel');
		expect(await runAxe(page), 'axe with the key form').toEqual([]);
		await settle(page, () => useFile.click());
		const seconds = Math.round((Date.now() - started) / 1000);
		console.log(`five exports mapped and loaded by accepting the suggestions in ${seconds} s`);
		await setPeriod(page, PERIOD.van, PERIOD.tot);
		expect(await readMetrics(page)).toEqual(demo);
		// The fingerprint of the demo key (HMAC-SHA256(key, 'vingerafdruk'), by Python's hmac), never the key.
		expect(await page.getByTestId('sleutel-vingerafdruk').textContent()).toContain('23daf949');
		expect(await page.locator('body').textContent()).not.toContain(KEY);
		expect(await page.getByTestId('onvolledig').count(), 'nothing rejected: no notice').toBe(0);
		await shoot(page, 'geladen');
	});

	test('rejected rows: the notice on every page with figures equals the CLI; "Profiel herstellen" repairs only what the user changes', async () => {
		const dir = workDir();
		// A spreadsheet turned the label `65+` into 65, and the profile has no fallback (`anders`).
		const csv = readFileSync(`${BRONNEN}/ymere-huurincasso.csv`, 'utf8').replaceAll(
			';65+;',
			';65;'
		);
		const sixtyFive = (csv.match(/;65;/g) ?? []).length;
		expect(sixtyFive).toBeGreaterThan(3);
		const profile = JSON.parse(readFileSync(`${BRONNEN}/ymere.profiel.json`, 'utf8'));
		delete profile.doelgroep.anders;
		writeFileSync(`${dir}/ymere-huurincasso.csv`, csv);
		writeFileSync(`${dir}/ymere.profiel.json`, JSON.stringify(profile, null, 2));
		const cli = await evaluateCli({
			dossiers: [],
			gebeurtenissen: [],
			...PERIOD,
			extra: [
				'--profiel',
				`${dir}/ymere.profiel.json`,
				'--bron',
				`${dir}/ymere-huurincasso.csv`,
				'--sleutel-bestand',
				KEY_FILE
			]
		});
		const imported = cli.import as Record<string, { geweigerd: number }>;
		const rejected = imported.dossiers!.geweigerd + imported.gebeurtenissen!.geweigerd;
		expect(imported.dossiers!.geweigerd).toBeGreaterThanOrEqual(sixtyFive);

		const page = await openDemo();
		await pick(page, [`${dir}/ymere-huurincasso.csv`, `${dir}/ymere.profiel.json`]);
		await page.getByLabel('Sleutel', { exact: true }).fill(`  ${KEY}\n`);
		await settle(page, () => page.getByRole('button', { name: 'Doorgaan' }).click());
		await setPeriod(page, PERIOD.van, PERIOD.tot);
		for (const where of ['/', '/rapport', '/briefing']) {
			if (where !== '/') {
				await followLink(page, where);
				await waitForReady(page);
			}
			const notice = page.getByTestId('onvolledig');
			expect(await notice.getAttribute('data-geweigerd'), `notice on ${where}`).toBe(
				String(rejected)
			);
			const text = ((await notice.textContent()) ?? '').replace(/\s+/g, ' ');
			expect(text).toContain('ymere-huurincasso.csv');
			expect(text).toContain('onbekende doelgroep');
			if (where === '/briefing') {
				// One page: the notice in one sentence; the labels are counted.
				expect(text).toContain('labels zijn niet gekoppeld');
			} else {
				expect(text).toContain('Het label ‘65’ in kolom ‘Huishoudtype’');
				expect(text).toContain('bedoeld is misschien ‘65+’');
			}
			await shoot(page, `melding${where.replace('/', '-') || '-dashboard'}`);
			if (where === '/briefing') {
				// Printed, the one-page briefing carries the notice and stays one A4 page.
				const pdf = `${dir}/briefing.pdf`;
				writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
				const info = (await run('pdfinfo', [pdf])).stdout;
				expect(/^Pages:\s+(\d+)/m.exec(info)?.[1]).toBe('1');
				const printed = (await run('pdftotext', [pdf, '-'])).stdout.replace(/\s+/g, ' ');
				expect(printed).toContain('Let op: onvolledige cijfers');
			}
		}
		// The letter's draft opens with the notice too.
		await followLink(page, '/rapport');
		await waitForReady(page);
		expect(await page.locator('article').first().textContent()).toContain(
			'Let op: onvolledige gegevens'
		);
		// The dashboard's figures equal the CLI's on the same files.
		await followLink(page, '/');
		await waitForReady(page);
		for (const { id, value } of await readMetrics(page)) {
			if (!/^(signalen|vonnissen|aanzeggingen|ontruimingen)$/.test(id)) continue;
			expect(value, id).toBe(String((cli.totaal as Record<string, number>)[id]));
		}

		// Repair: the screen opens with the profile that was used; only `65` is changed.
		await page
			.getByTestId('onvolledig')
			.getByRole('button', { name: /Profiel herstellen/ })
			.click();
		await page.waitForURL((url) => url.pathname === '/koppelen');
		await waitForReady(page);
		const label = page.locator('select[data-label="65"]');
		expect(await label.inputValue()).toBe('');
		expect(await page.locator('select[data-label="65+"]').inputValue()).toBe('senior');
		await shoot(page, 'herstellen');
		await label.selectOption('senior');
		const [saved] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Profiel opslaan (.json)' }).click()
		]);
		const repaired = JSON.parse(readFileSync(await saved.path(), 'utf8'));
		// Everything the profile mapped is still there; the one label is added.
		expect(repaired.gebeurtenissen).toEqual(profile.gebeurtenissen);
		expect(repaired.dossier_id).toEqual(profile.dossier_id);
		expect(repaired.doelgroep.waarden).toEqual({ ...profile.doelgroep.waarden, '65': 'senior' });
		await page.getByRole('button', { name: 'Laden met dit profiel' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		await waitForReady(page);
		writeFileSync(`${dir}/hersteld.profiel.json`, JSON.stringify(repaired));
		const after = await evaluateCli({
			dossiers: [],
			gebeurtenissen: [],
			...PERIOD,
			extra: [
				'--profiel',
				`${dir}/hersteld.profiel.json`,
				'--bron',
				`${dir}/ymere-huurincasso.csv`,
				'--sleutel-bestand',
				KEY_FILE
			]
		});
		const afterImport = after.import as Record<string, { geweigerd: number }>;
		const rejectedAfter = afterImport.dossiers!.geweigerd + afterImport.gebeurtenissen!.geweigerd;
		expect(rejectedAfter).toBeLessThan(rejected);
		await setPeriod(page, PERIOD.van, PERIOD.tot);
		const notice = page.getByTestId('onvolledig');
		if (rejectedAfter === 0) expect(await notice.count()).toBe(0);
		else expect(await notice.getAttribute('data-geweigerd')).toBe(String(rejectedAfter));
		for (const { id, value } of await readMetrics(page)) {
			if (!/^(signalen|vonnissen|aanzeggingen|ontruimingen)$/.test(id)) continue;
			expect(value, id).toBe(String((after.totaal as Record<string, number>)[id]));
		}
	});

	test('a wide profile without the signal step waits for the user’s confirmation', async () => {
		const dir = workDir();
		const profile = JSON.parse(readFileSync(`${BRONNEN}/elan-wonen.profiel.json`, 'utf8'));
		profile.gebeurtenissen = profile.gebeurtenissen.filter(
			(e: { gebeurtenis: string }) => e.gebeurtenis !== 'achterstand_1m'
		);
		writeFileSync(`${dir}/elan.profiel.json`, JSON.stringify(profile));
		const page = await openDemo();
		const before = await readMetrics(page);
		await pick(page, [`${BRONNEN}/elan-wonen-huurincasso.csv`, `${dir}/elan.profiel.json`]);
		const warning = page.getByTestId('stappen-waarschuwing');
		await warning.waitFor();
		expect(await warning.textContent()).toContain('achterstand_1m');
		expect(await readMetrics(page), 'nothing loaded yet').toEqual(before);
		await page.getByRole('button', { name: 'Toch laden' }).click();
		await page.getByLabel('Sleutel', { exact: true }).fill(KEY);
		await settle(page, () => page.getByRole('button', { name: 'Doorgaan' }).click());
		expect(await page.getByTestId('demo-melding').count()).toBe(0);
	});

	test('a reload with the parties’ data asks first, and afterwards names the files to pick again', async () => {
		const page = await openDemo();
		await pick(page, [`${BRONNEN}/ymere-huurincasso.csv`, `${BRONNEN}/ymere.profiel.json`]);
		await page.getByLabel('Sleutel', { exact: true }).fill(KEY);
		await settle(page, () => page.getByRole('button', { name: 'Doorgaan' }).click());
		const dialogs: string[] = [];
		page.once('dialog', (dialog) => {
			dialogs.push(dialog.type());
			void dialog.dismiss();
		});
		await page.reload({ timeout: 2_000 }).catch(() => undefined);
		expect(dialogs).toEqual(['beforeunload']);
		expect(await page.getByTestId('demo-melding').count(), 'still the own data').toBe(0);
		// Leaving anyway: the page says what was lost.
		page.once('dialog', (dialog) => void dialog.accept());
		await page.reload();
		await waitForReady(page);
		const lost = page.getByTestId('herladen-melding');
		expect(await lost.textContent()).toContain('ymere-huurincasso.csv');
		await shoot(page, 'herladen');
	});

	test('a shared link opened without the data says that the figures are demo figures', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/?van=2015-01-01&tot=2015-07-01&corporatie=ymere'));
		await waitForReady(page);
		const text = (await page.getByTestId('gedeelde-link-melding').textContent()) ?? '';
		expect(text.replace(/\s+/g, ' ')).toContain('de cijfers hieronder zijn de demodata');
	});
});
