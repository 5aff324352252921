/**
 * A DDAS schuldhulpverlening delivery dropped on the dashboard (issue 22): recognised by its
 * content and read by its own reader, never as a vroegsignalering delivery; the section
 * "Schuldhulpverlening (Wgs)" shows what the command-line evaluator computes for it, the import
 * report counts its trajecten, and no client value of the delivery reaches the page.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const SHV = `${ROOT}tests/fixtures/ddas/shv-v1.0-eigen-levering.json`;
const SECTION = '[data-section="schuldhulpverlening"]';
const SCREENS = `${ROOT}test-results/screens`;
/** The delivery's made-up client values and the other texts that must never be read. */
const NEVER = ['111222333', '1971-03-04', '9999ZZ', 'Jan Contactpersoon', 'Geheim omschreven'];

describe('a schuldhulpverlening delivery on the dashboard', () => {
	test('the figures of the command line, the import counts, the norms; no client data; axe clean', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [SHV]);
		expect(await page.getByTestId('weigeringen').count()).toBe(0);
		// Never read as a vroegsignalering delivery; the demo's case data stays beside it.
		expect(await page.locator('[data-section="vroegsignalering"]').count()).toBe(0);
		expect(await page.locator('.demo-banner').count()).toBe(1);
		const section = page.locator(SECTION);
		// The demo's period holds none of its aanmeldingen: the delivery's own period is offered.
		expect(await section.getAttribute('data-van')).toBe('2016-07-01');
		const offer = section.locator('[data-offer-period] button');
		// Its aanmeldingen run from the second half of 2024 into 2025.
		expect(await offer.innerText()).toBe(
			'Toon de periode van de levering (1 juli 2024 t/m 31 december 2025)'
		);
		await settle(page, () => offer.click());
		expect(await section.getAttribute('data-van')).toBe('2024-07-01');
		expect(await section.locator('[data-offer-period]').count()).toBe(0);
		await setPeriod(page, '2025-01-01', '2026-01-01');
		expect(await section.getAttribute('data-tot')).toBe('2026-01-01');

		// The demo's case data stay beside the delivery: their peildatum is every figure's.
		const run = await runEvaluate([
			'--dossiers',
			`${ROOT}data/dossiers.csv`,
			'--gebeurtenissen',
			`${ROOT}data/gebeurtenissen.csv`,
			'--ddas',
			SHV,
			'--van',
			'2025-01-01',
			'--tot',
			'2026-01-01',
			'--format',
			'json'
		]);
		expect(run.code).toBe(0);
		const cli = (JSON.parse(run.stdout) as { schuldhulpverlening: Record<string, unknown> })
			.schuldhulpverlening;
		const shown = await sectionMetrics(page, 'schuldhulpverlening');
		for (const id of [
			'schuldhulpverlening.aanmeldingen',
			'schuldhulpverlening.eerste_gesprek.binnen_norm',
			'schuldhulpverlening.beschikking.binnen_norm',
			'schuldhulpverlening.per_gemeente.0392.aanmeldingen'
		])
			expect(Object.keys(shown)).toContain(id);
		expect(shown).toEqual(
			Object.fromEntries(Object.keys(shown).map((id) => [id, blockValue(cli, id)]))
		);
		// Hand count of the fixture (tests/unit/metrics/schuldhulpverlening.test.ts): 10 aanmeldingen.
		expect(shown['schuldhulpverlening.aanmeldingen']).toBe('10');

		// Gemeenten by name; the norms named; the import counts.
		const perGemeente = section.getByRole('table', { name: 'Schuldhulpverlening per gemeente' });
		expect(await perGemeente.locator('tbody th[scope="row"]').allInnerTexts()).toEqual([
			'Amsterdam (0363)',
			'Haarlem (0392)',
			'Rotterdam (0599)'
		]);
		expect(await section.locator('[data-norm]').count()).toBe(3);
		expect(await section.locator('[data-norm="eerste_gesprek_crisis"]').innerText()).toContain(
			'binnen 3 werkdagen'
		);
		expect(await section.locator('[data-shv-import]').innerText()).toContain(
			'11 trajecten gelezen, 11 geaccepteerd, 0 vervangen door een latere levering, 0 geweigerd'
		);
		const html = await page.content();
		for (const value of NEVER) expect(html).not.toContain(value);
		await expectAxeClean(page);
		mkdirSync(SCREENS, { recursive: true });
		await section.screenshot({ path: `${SCREENS}/schuldhulpverlening-1366.png` });
		await page.setViewportSize({ width: 390, height: 844 });
		await expectAxeClean(page);
		await section.screenshot({ path: `${SCREENS}/schuldhulpverlening-390.png` });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);

		// The import report: the trajecten per delivery.
		await page.setViewportSize({ width: 1366, height: 900 });
		await followLink(page, '/import');
		const row = page.locator('[data-shv-report] tr[data-shv-file="shv-v1.0-eigen-levering.json"]');
		const count = (c: string) => row.locator(`[data-count="${c}"]`).innerText();
		expect([
			await count('gelezen'),
			await count('geaccepteerd'),
			await count('vervangen'),
			await count('geweigerd')
		]).toEqual(['11', '11', '0', '0']);
		const report = await page.content();
		for (const value of NEVER) expect(report).not.toContain(value);
		await expectAxeClean(page);
	});

	test('a damaged delivery is refused by name, with line and column; what was loaded stays', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/?van=2025-01-01&tot=2026-01-01'));
		await waitForReady(page);
		await uploadFiles(page, [SHV]);
		expect(
			await page
				.locator('[data-metric="schuldhulpverlening.aanmeldingen"]')
				.getAttribute('data-value')
		).toBe('10');
		const dir = mkdtempSync(`${tmpdir()}/shv-`);
		const broken = `${dir}/kapot-shv.json`;
		writeFileSync(broken, '{"leveringen":[{"schuldhulptrajecten":[{"gemeentecode":"0392",');
		await uploadFiles(page, [broken]);
		const alert = page.getByTestId('weigeringen');
		await alert.waitFor();
		expect(await alert.innerText()).toContain(
			'kapot-shv.json: dit is geen geldige JSON op regel 1, kolom 63'
		);
		expect(await page.locator('[data-section="vroegsignalering"]').count()).toBe(0);
		expect(
			await page
				.locator('[data-metric="schuldhulpverlening.aanmeldingen"]')
				.getAttribute('data-value')
		).toBe('10');
	});
});
