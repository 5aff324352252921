/**
 * DDAS deliveries dropped on the dashboard: the Vroegsignalering (Wgs) section shows the figures
 * of the hand count (tests/unit/metrics/vroegsignalering.test.ts: our own deliveries in the shape of VNG's examples, all three
 * gemeenten, 2025), follows the period and the gemeente filter (in the URL), holds nothing of the
 * client objects, and the demo delivery shows what the command-line evaluator computes for it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	ROOT,
	followLink,
	readMetric,
	runAxe,
	setPeriod,
	settle,
	uploadFiles,
	useSite,
	waitForReady
} from './harness';
import { evaluate as runEvaluate } from '../unit/cli/run-evaluate';

const site = useSite();
const EXAMPLES = {
	'1.0': `${ROOT}tests/fixtures/ddas/v1.0-eigen-levering.json`,
	'1.2': `${ROOT}tests/fixtures/ddas/v1.2-eigen-levering.json`
};
const DEMO = `${ROOT}data/vroegsignalering-haarlem.json`;
const SCREENS = `${ROOT}test-results/screens`;

const SECTION = '[data-section="vroegsignalering"]';
const HEADLINES = ['signalen_huur', 'zaken_huur', 'opgepakt', 'bereikt', 'hulp'] as const;

/** The `data-value` of every vroegsignalering figure on the page. */
async function figures(page: Page, ids: readonly string[]): Promise<Record<string, string | null>> {
	const out: Record<string, string | null> = {};
	for (const id of ids) out[id] = await readMetric(page, `vroegsignalering.${id}`);
	return out;
}

/** The rows of the table behind a chart of the section. */
async function chartTable(page: Page, chart: string): Promise<string[][]> {
	return page
		.locator(`${SECTION} [data-chart="${chart}"] table tbody tr`)
		.evaluateAll((rows) =>
			rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim()))
		);
}

describe('a DDAS delivery on the dashboard', () => {
	for (const [version, file] of Object.entries(EXAMPLES)) {
		test(`our ${version} delivery: the hand-counted figures, the period, the gemeente filter, no client data`, async () => {
			const { page } = await site.open();
			await page.goto(site.url('/'));
			await waitForReady(page);
			await uploadFiles(page, [file]);
			await setPeriod(page, '2025-01-01', '2026-01-01');
			const section = page.locator(SECTION);
			expect(await section.getAttribute('data-van')).toBe('2025-01-01');
			expect(
				await figures(page, [...HEADLINES, 'contact_gepoogd', 'meervoudig', 'bedrag_huur_mediaan'])
			).toEqual({
				signalen_huur: '2',
				zaken_huur: '2',
				opgepakt: '2',
				bereikt: '2',
				hulp: '2',
				contact_gepoogd: '2',
				meervoudig: '1',
				bedrag_huur_mediaan: '1210'
			});
			expect(await chartTable(page, 'vs-trechter')).toEqual([
				['Huurzaken (signaal)', '2'],
				['Opgepakt', '2'],
				['Contact gepoogd', '2'],
				['Bereikt', '2'],
				['Hulp of verwijzing', '2']
			]);
			const attempts = await chartTable(page, 'vs-contactpogingen');
			expect(attempts.find((r) => r[0] === 'Huisbezoek')).toEqual(['Huisbezoek', '2', '2']);
			expect(attempts.find((r) => r[0] === 'Telefoon')).toEqual(['Telefoon', '1', '0']);
			const partners = await chartTable(page, 'vs-signaalpartners');
			expect(partners.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(17);
			const lead = await chartTable(page, 'vs-doorlooptijden');
			expect(lead[0]!.slice(0, 4)).toEqual(['Huursignaal → opgepakt', '2', '0', '5']);

			// A shorter period: only the 0599 case starts before 10 April (0518's on the 15th).
			await setPeriod(page, '2025-04-01', '2025-04-10');
			expect(await section.getAttribute('data-tot')).toBe('2025-04-10');
			expect(await figures(page, ['zaken_huur', 'signalen_huur'])).toEqual({
				zaken_huur: '1',
				signalen_huur: '1'
			});
			await setPeriod(page, '2025-01-01', '2026-01-01');

			// The gemeente filter: three gemeenten in the example; without 0599 one rent case is left.
			const boxes = section.locator('fieldset input[type="checkbox"][name="gemeente"]');
			expect(await boxes.evaluateAll((b) => b.map((x) => (x as HTMLInputElement).value))).toEqual([
				'0034',
				'0518',
				'0599'
			]);
			await settle(page, () => section.locator('input[value="0599"]').uncheck());
			expect(new URL(page.url()).searchParams.getAll('gemeente')).toEqual(['0034', '0518']);
			expect(await figures(page, HEADLINES)).toEqual({
				signalen_huur: '1',
				zaken_huur: '1',
				opgepakt: '1',
				bereikt: '1',
				hulp: '1'
			});
			// The filter stays when the period changes (one URL selection).
			await setPeriod(page, '2025-04-01', '2025-07-01');
			expect(new URL(page.url()).searchParams.getAll('gemeente')).toEqual(['0034', '0518']);
			expect(await readMetric(page, 'vroegsignalering.zaken_huur')).toBe('1');
			// The same URL in a fresh tab, with the delivery loaded again: the same figures.
			const fresh = (await site.open()).page;
			await fresh.goto(page.url());
			await waitForReady(fresh);
			await uploadFiles(fresh, [file]);
			expect(await figures(fresh, HEADLINES)).toEqual(await figures(page, HEADLINES));
			expect(
				await fresh
					.locator(`${SECTION} input[name="gemeente"]:checked`)
					.evaluateAll((b) => b.map((x) => (x as HTMLInputElement).value))
			).toEqual(['0034', '0518']);

			// What the engine holds: only the fields the spec reads, nothing of `client` (adres_sleutel is
			// its pseudonymous address key, NULL here: no werkgroep key was given).
			const tables = await section
				.locator('tr[data-table]')
				.evaluateAll((rows) =>
					rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim()))
				);
			expect(tables).toEqual([
				[
					'vs_huurzaken',
					'zaak, gemeente, start, opgepakt, resultaat, gepoogd, bereikt, meervoudig, eerste_poging, eerste_bereikt',
					'2'
				],
				['vs_pogingen', 'zaak, soort, bereikt, datum', '19'],
				['vs_signalen', 'gemeente, id, partner, signaaldatum, bedrag, zaak, adres_sleutel', '17'],
				['vs_zaken', 'zaak, gemeente, identiteit, resultaat, opgepakt', '16']
			]);
			const text = await page.locator('body').innerText();
			for (const personal of ['999993021', 'Proefstraat', 'Verzinsel', 'Marieke Proost'])
				expect(text).not.toContain(personal);
		});
	}

	test("a delivery of 2025 beside the demo's case data: its period offered and listed, gemeenten by name", async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [EXAMPLES['1.2']]);
		const section = page.locator(SECTION);
		// The dashboard stays on the demo's period, which holds none of the delivery's signals.
		expect(await section.getAttribute('data-van')).toBe('2016-07-01');
		expect(await readMetric(page, 'vroegsignalering.signalen_huur')).toBe('0');
		const offer = section.locator('[data-offer-period] button');
		expect(await offer.innerText()).toBe('Toon de periode van de levering (eerste halfjaar 2025)');
		// The fixture's first signal is dated 5 April (0599-2), its last 11 June (0599-11).
		expect(await section.locator('[data-offer-period]').innerText()).toContain(
			'die lopen van 5 april 2025 tot en met 11 juni 2025'
		);
		// The delivery's periods in the period list, under their own heading.
		expect(
			await page
				.locator('#periode optgroup[label="Levering vroegsignalering"] option')
				.allInnerTexts()
		).toEqual(['eerste halfjaar 2025', '2025']);
		// The gemeenten by name, the code beside it.
		expect(await section.locator('fieldset label').allInnerTexts()).toEqual([
			'Almere (0034)',
			"'s-Gravenhage (0518)",
			'Rotterdam (0599)'
		]);
		expect(await section.locator('p.note').first().innerText()).toContain(
			"gemeenten Almere (0034), 's-Gravenhage (0518) en Rotterdam (0599)"
		);
		expect((await runAxe(page)).map((v) => `${v.id}: ${v.help} — ${v.targets.join(', ')}`)).toEqual(
			[]
		);

		// Taking the offer: the delivery's half-year, its hand-counted figures, no offer any more.
		await settle(page, () => offer.click());
		expect(await section.getAttribute('data-van')).toBe('2025-01-01');
		expect(await section.getAttribute('data-tot')).toBe('2025-07-01');
		expect(await readMetric(page, 'vroegsignalering.zaken_huur')).toBe('2');
		expect(await section.locator('[data-offer-period]').count()).toBe(0);
		// The year from the list.
		await settle(page, () => page.locator('#periode').selectOption({ label: '2025' }));
		expect(await section.getAttribute('data-tot')).toBe('2026-01-01');
		expect(await page.locator('#periode').inputValue()).toBe('levering-2025');
		expect(await readMetric(page, 'vroegsignalering.zaken_huur')).toBe('2');
	});

	test('the demo delivery: the figures of the command-line evaluator; one gemeente, no filter', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [DEMO]);
		await setPeriod(page, '2023-01-01', '2023-07-01');
		const cli = JSON.parse(
			(
				await runEvaluate([
					'--ddas',
					DEMO,
					'--van',
					'2023-01-01',
					'--tot',
					'2023-07-01',
					'--format',
					'json'
				])
			).stdout
		) as { vroegsignalering: { totaal: Record<string, unknown> } };
		const expected = Object.fromEntries(
			[...HEADLINES, 'contact_gepoogd', 'meervoudig'].map((id) => [
				id,
				String(cli.vroegsignalering.totaal[id])
			])
		);
		expect(Number(expected.zaken_huur)).toBeGreaterThan(0);
		expect(await figures(page, [...HEADLINES, 'contact_gepoogd', 'meervoudig'])).toEqual(expected);
		expect(await page.locator(`${SECTION} input[name="gemeente"]`).count()).toBe(0);
		// The demo case data stays loaded beside the delivery.
		expect(await page.locator('.demo-banner').count()).toBe(1);
		expect(await page.locator('[data-metric="signalen"]').count()).toBeGreaterThan(0);

		expect((await runAxe(page)).map((v) => `${v.id}: ${v.help} — ${v.targets.join(', ')}`)).toEqual(
			[]
		);
		await page.setViewportSize({ width: 390, height: 844 });
		mkdirSync(SCREENS, { recursive: true });
		await page.locator(SECTION).screenshot({ path: `${SCREENS}/vroegsignalering-390.png` });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
	});

	test('the report: the letter paragraph, the CSV and the JSON carry the figures; axe clean', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/?van=2023-01-01&tot=2023-07-01'));
		await waitForReady(page);
		await uploadFiles(page, [DEMO]);
		const zaken = await readMetric(page, 'vroegsignalering.zaken_huur');
		await followLink(page, '/rapport');
		await waitForReady(page);
		const paragraph = page.locator('[data-paragraph="vroegsignalering"] textarea');
		expect(await paragraph.inputValue()).toContain(`Van de ${zaken} huurzaken`);
		expect(await page.locator('[data-chart="vs-trechter"]').count()).toBe(1);
		const save = async (label: string) => {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: label, exact: true }).click()
			]);
			return readFile(await download.path(), 'utf8');
		};
		const csv = await save('CSV');
		expect(csv).toContain('Vroegsignalering (Wgs)');
		expect(csv).toContain(`Huurzaken (cohort);${zaken};${zaken};vroegsignalering.zaken_huur`);
		const json = JSON.parse(await save('JSON')) as {
			vroegsignalering: { totaal: { zaken_huur: number } };
		};
		expect(String(json.vroegsignalering.totaal.zaken_huur)).toBe(zaken);
		expect((await runAxe(page)).map((v) => `${v.id}: ${v.help} — ${v.targets.join(', ')}`)).toEqual(
			[]
		);
	});

	test('the import report accounts for every signal and case of the delivery; axe clean', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [EXAMPLES['1.2']]);
		await followLink(page, '/import');
		await waitForReady(page);
		const cells = (kind: string) =>
			page
				.locator(`[data-ddas-report] tr[data-kind="${kind}"] td.num`)
				.evaluateAll((tds) =>
					tds.map((td) => Number((td.textContent ?? '').replace(/\./g, '') || 0))
				);
		const [gelezen, geaccepteerd, , vervangen, geweigerd, clients] = await cells('signalen');
		expect(gelezen).toBe(geaccepteerd! + vervangen! + geweigerd!);
		// As loaded in the engine (the section's table of what it holds): 17 signals, 16 cases.
		expect(geaccepteerd).toBe(17);
		expect(clients).toBeGreaterThan(0);
		const zaken = await cells('zaken');
		expect(zaken[0]).toBe(zaken[1]! + zaken[3]! + zaken[4]!);
		expect(zaken[1]).toBe(16);
		const text = await page.locator('body').innerText();
		for (const personal of ['999993021', 'Proefstraat', 'Verzinsel', 'Marieke Proost'])
			expect(text).not.toContain(personal);
		expect((await runAxe(page)).map((v) => `${v.id}: ${v.help} — ${v.targets.join(', ')}`)).toEqual(
			[]
		);
	});

	test('a delivery that cannot be read is refused whole and touches nothing loaded', async () => {
		const dir = mkdtempSync(`${tmpdir()}/ddas-`);
		const broken = `${dir}/kapotte-levering.json`;
		writeFileSync(broken, '{"leveringen": [{"gemeentecode": "0392", "vroegsignalen": [');
		const { page } = await site.open();
		await page.goto(site.url('/?van=2025-01-01&tot=2026-01-01'));
		await waitForReady(page);
		await uploadFiles(page, [EXAMPLES['1.2']]);
		expect(await readMetric(page, 'vroegsignalering.zaken_huur')).toBe('2');
		await settle(page, () =>
			page.locator('input[type="file"][multiple]').first().setInputFiles(broken)
		);
		await page.locator('[data-testid="weigeringen"]').waitFor();
		expect(await page.locator('[data-testid="weigeringen"]').innerText()).toContain(
			'kapotte-levering.json'
		);
		expect(await readMetric(page, 'vroegsignalering.zaken_huur')).toBe('2');
		expect(await page.locator(`${SECTION} input[name="gemeente"]`).count()).toBe(3);
	});
});
