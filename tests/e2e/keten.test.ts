/**
 * The chain "Van signaal tot vonnis" on the demo (issue 22): one click adds the demo's two DDAS
 * deliveries, their address keys are made with the demo's fictitious key, and every `data-metric`
 * of the section equals what the command-line evaluator computes from the same files and key —
 * for the default period and after a change of period and corporation. No client address of the
 * deliveries reaches the page; axe clean at 1366 and 390 px.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	ROOT,
	blockValue,
	expectAxeClean,
	followLink,
	sectionMetrics,
	setPeriod,
	settle,
	uploadFiles,
	useSite,
	waitForReady
} from './harness';
import { evaluate as runEvaluate } from '../unit/cli/run-evaluate';

const site = useSite();
const SECTION = '[data-section="keten"]';
const SCREENS = `${ROOT}test-results/screens`;
const VS = `${ROOT}data/vroegsignalering-haarlem.json`;
const SHV = `${ROOT}data/schuldhulpverlening-haarlem.json`;

/** The case files, the demo's deliveries and a key file as evaluate arguments. */
const filesWith = (dossiers: string, key: string) => [
	'--dossiers',
	dossiers,
	'--gebeurtenissen',
	`${ROOT}data/gebeurtenissen.csv`,
	'--ddas',
	VS,
	'--ddas',
	SHV,
	'--sleutel-bestand',
	key
];

/** The demo's files and key. */
const FILES = filesWith(`${ROOT}data/dossiers.csv`, `${ROOT}data/bronnen/demo-sleutel.txt`);

async function cli(args: string[], files = FILES): Promise<Record<string, unknown>> {
	const run = await runEvaluate([...files, ...args]);
	expect(run.code, run.stderr).toBe(0);
	return (JSON.parse(run.stdout) as { keten: Record<string, unknown> }).keten;
}

/** The client addresses in the deliveries: none may reach the page. */
function addresses(): string[] {
	const text = readFileSync(SHV, 'utf8') + readFileSync(VS, 'utf8');
	return [...new Set([...text.matchAll(/"Postcode"\s*:\s*"([^"]+)"/g)].map((m) => m[1]!))].slice(
		0,
		200
	);
}

describe('the chain on the demo', () => {
	test('the figures of the command line, after a click; no address; axe clean', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		expect(await page.locator(SECTION).count()).toBe(0);
		await settle(page, () => page.getByTestId('demo-leveringen').click());
		await page.locator(SECTION).waitFor();
		expect(await page.getByTestId('demo-melding').count()).toBe(1);
		expect(await page.getByTestId('demo-leveringen').count()).toBe(0);
		expect(await page.locator('[data-section="schuldhulpverlening"]').count()).toBe(1);
		expect(await page.locator('[data-section="vroegsignalering"]').count()).toBe(1);

		const compare = async (args: string[]) => {
			const block = await cli(args);
			const shown = await sectionMetrics(page, 'keten');
			for (const id of [
				'keten.vonnissen',
				'keten.met_huursignaal',
				'keten.met_aanmelding_shv',
				'keten.voorkomen_met_shv',
				'keten.voorkomen_zonder_shv'
			])
				expect(Object.keys(shown)).toContain(id);
			expect(shown).toEqual(
				Object.fromEntries(Object.keys(shown).map((id) => [id, blockValue(block, id)]))
			);
			return shown;
		};
		await setPeriod(page, '2015-01-01', '2016-01-01');
		const year = await compare(['--van', '2015-01-01', '--tot', '2016-01-01']);
		// The demo's chain is not empty: households with a vonnis met the deliveries.
		expect(Number(year['keten.vonnissen'])).toBeGreaterThan(10);
		expect(Number(year['keten.met_aanmelding_shv'])).toBeGreaterThan(0);

		// One corporation: the section follows the dashboard's filter.
		const ymere = page.locator('input[type="checkbox"][name="corporatie"][value="ymere"]');
		for (const other of ['pre_wonen', 'elan_wonen']) {
			const box = page.locator(`input[type="checkbox"][name="corporatie"][value="${other}"]`);
			if (await box.isChecked()) await settle(page, () => box.uncheck());
		}
		expect(await ymere.isChecked()).toBe(true);
		await compare(['--van', '2015-01-01', '--tot', '2016-01-01', '--corporatie', 'ymere']);

		const html = await page.content();
		for (const postcode of addresses()) expect(html).not.toContain(postcode);

		// The half-year tables of the two deliveries: the row of the first half-year of 2015 equals
		// the command line's totals for that half-year (same gemeenten, same peildatum).
		const half = await runEvaluate([...FILES, '--van', '2015-01-01', '--tot', '2015-07-01']);
		expect(half.code, half.stderr).toBe(0);
		const blocks = JSON.parse(half.stdout) as Record<string, { totaal: unknown }>;
		for (const kind of ['vroegsignalering', 'schuldhulpverlening']) {
			const trend = page.locator(`[data-trend="${kind}"][data-state="ready"]`);
			await trend.waitFor();
			const cells = await trend
				.locator('tr[data-halfjaar="2015-1"] td[data-figure]')
				.evaluateAll((tds) =>
					tds.map((td) => [td.getAttribute('data-figure')!, td.getAttribute('data-value')])
				);
			expect(cells.length, kind).toBeGreaterThan(3);
			expect(Object.fromEntries(cells), kind).toEqual(
				Object.fromEntries(
					cells.map(([id]) => [
						id,
						blockValue(blocks[kind] as Record<string, unknown>, `${kind}.${id}`)
					])
				)
			);
			expect(await trend.locator('tbody tr').count(), kind).toBeGreaterThan(5);
		}

		// The report in publication mode: the letter's paragraphs on schuldhulpverlening and the chain
		// say what the command line's letter says (`--format md --publicatie`), from the same protected table.
		await followLink(page, '/rapport');
		await waitForReady(page);
		await settle(page, () => page.locator('input[name="modus"][value="publicatie"]').check());
		const md = await runEvaluate([
			...FILES,
			'--van',
			'2015-01-01',
			'--tot',
			'2016-01-01',
			'--corporatie',
			'ymere',
			'--format',
			'md',
			'--publicatie'
		]);
		expect(md.code, md.stderr).toBe(0);
		for (const [id, heading] of [
			['schuldhulpverlening', 'Schuldhulpverlening (Wet gemeentelijke schuldhulpverlening)'],
			['keten', 'Van signaal tot vonnis']
		]) {
			const onPage = await page.locator(`[data-paragraph="${id}"] textarea`).inputValue();
			const inLetter = md.stdout.split(`## ${heading}\n\n`)[1]!.split('\n\n')[0]!;
			expect(onPage).toBe(inLetter);
		}
		expect(md.stdout).toContain('### Tabel: van signaal tot vonnis');
		const report = await page.content();
		for (const postcode of addresses()) expect(report).not.toContain(postcode);

		// The import report says how many address keys were made, and that no address was kept.
		await followLink(page, '/import');
		const keys = page.locator('[data-adressleutels]');
		expect(await keys.count()).toBeGreaterThan(0);
		for (const n of await keys.evaluateAll((els) =>
			els.map((e) => e.getAttribute('data-adressleutels'))
		))
			expect(Number(n)).toBeGreaterThan(0);
		const imported = await page.content();
		for (const postcode of addresses()) expect(imported).not.toContain(postcode);
		mkdirSync(SCREENS, { recursive: true });
		await page.screenshot({ path: `${SCREENS}/keten-import-1366.png`, fullPage: true });
		await followLink(page, '/');
		await waitForReady(page);
		await expectAxeClean(page);
		mkdirSync(SCREENS, { recursive: true });
		await page.locator(SECTION).screenshot({ path: `${SCREENS}/keten-1366.png` });
		await page.setViewportSize({ width: 390, height: 844 });
		await expectAxeClean(page);
		await page.locator(SECTION).screenshot({ path: `${SCREENS}/keten-390.png` });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
	});

	test('with dossiers of one corporation without address keys: the page says the chain is incomplete, and by how much', async () => {
		// The demo's dossiers with Elan Wonen's address keys taken out; the key given as a file.
		const dir = mkdtempSync(path.join(tmpdir(), 'keten-onvolledig-'));
		const lines = readFileSync(`${ROOT}data/dossiers.csv`, 'utf8').split('\n');
		const dossiers = path.join(dir, 'dossiers-zonder-elan.csv');
		writeFileSync(
			dossiers,
			lines
				.map((l) => (l.includes(',elan_wonen,') ? l.replace(/,[0-9a-f]{32}$/, ',') : l))
				.join('\n')
		);
		const key = path.join(dir, 'werkgroep-sleutel.txt');
		writeFileSync(key, readFileSync(`${ROOT}data/bronnen/demo-sleutel.txt`));
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [dossiers, `${ROOT}data/gebeurtenissen.csv`, VS, SHV, key]);
		// Without the key the deliveries carry no address keys: no chain yet.
		expect(await page.locator(SECTION).count()).toBe(0);
		await settle(page, () =>
			page.getByRole('button', { name: 'Dit bestand als sleutel gebruiken' }).click()
		);
		await page.locator(SECTION).waitFor();
		await setPeriod(page, '2015-01-01', '2016-01-01');

		const block = await cli(
			['--van', '2015-01-01', '--tot', '2016-01-01'],
			filesWith(dossiers, key)
		);
		const shown = await sectionMetrics(page, 'keten');
		expect(shown).toEqual(
			Object.fromEntries(Object.keys(shown).map((id) => [id, blockValue(block, id)]))
		);
		// Elan Wonen's vonnissen are all outside the chain; the others' are all inside.
		const outside = Number(shown['keten.per_corporatie.elan_wonen.vonnissen_zonder_adressleutel']);
		expect(outside).toBeGreaterThan(0);
		expect(shown['keten.per_corporatie.elan_wonen.vonnissen']).toBe('0');
		expect(shown['keten.vonnissen_zonder_adressleutel']).toBe(String(outside));
		const warning = page.locator(`${SECTION} [data-keten-volledig="nee"]`);
		const words = async (l: typeof warning) => (await l.textContent())!.replace(/\s+/g, ' ');
		await expect(words(warning)).resolves.toContain(
			`De keten is onvolledig. ${outside} van de ${outside + Number(shown['keten.vonnissen'])} dossiers met een vonnis in deze periode hebben geen adressleutel`
		);
		await expect(words(warning)).resolves.toContain(`(Elan Wonen: ${outside})`);
		expect(await page.locator(`${SECTION} [data-keten-volledig="ja"]`).count()).toBe(0);
		mkdirSync(SCREENS, { recursive: true });
		await page.locator(SECTION).screenshot({ path: `${SCREENS}/keten-onvolledig-1366.png` });
		await expectAxeClean(page);

		// The letter says it too (intern: the exact count).
		await followLink(page, '/rapport');
		await waitForReady(page);
		await expect(page.locator('[data-paragraph="keten"] textarea').inputValue()).resolves.toContain(
			'geen adressleutel en tellen daarom niet mee: de keten is onvolledig.'
		);

		// The import report: per corporation the dossiers with a key; Elan Wonen none of its own.
		await followLink(page, '/import');
		const table = page.locator('[data-section="adressleutels"]');
		await table.waitFor();
		const elan = lines.filter((l) => l.includes(',elan_wonen,')).length;
		await expect(
			table.locator('tr[data-corporatie="elan_wonen"] td').allTextContents()
		).resolves.toEqual([elan.toLocaleString('nl-NL'), '0', elan.toLocaleString('nl-NL')]);
		const ymere = lines.filter((l) => l.includes(',ymere,')).length;
		expect(
			await table
				.locator('tr[data-corporatie="ymere"] [data-met-adressleutel]')
				.getAttribute('data-met-adressleutel')
		).toBe(String(ymere));
		await expect(words(table.locator('p'))).resolves.toContain(
			`Zonder adressleutel: Elan Wonen ${elan.toLocaleString('nl-NL')} van ${elan.toLocaleString('nl-NL')} dossiers.`
		);
		await expectAxeClean(page);
		await table.screenshot({ path: `${SCREENS}/keten-adressleutels-import.png` });
		rmSync(dir, { recursive: true, force: true });
	});
});
