/**
 * Issue 20, part 4: a cold start paints the demo's first view computed when the site was built
 * (build/demo-eerste-scherm.json) while the engine starts, says so, offers no filter until the
 * engine is there, and then shows the engine's own figures — the same ones. The engine is held
 * back by holding its wasm, so that the moment before it is there can be looked at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	FIXTURES,
	ROOT,
	cliTotaal,
	expectAxeClean,
	readMetric,
	readMetrics,
	readPeriod,
	useSite,
	waitForReady
} from './harness';

const site = useSite();
const SCREENS = `${ROOT}test-results/screens`;
const DEMO = {
	dossiers: `${ROOT}data/dossiers.csv`,
	gebeurtenissen: `${ROOT}data/gebeurtenissen.csv`
};

/** The data lines of a demo file (its header and a closing line break not counted). */
function dataLines(path: string): number {
	return readFileSync(path, 'utf8').trimEnd().split('\n').length - 1;
}

/** Holds every wasm request of the page (the engine's) until `release`. */
async function holdEngine(page: Page) {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let asked = 0;
	await page.route(/\.wasm(\?|$)/, async (route) => {
		asked++;
		await held;
		await route.continue();
	});
	return { release, asked: () => asked };
}

const rootAttribute = (page: Page, name: string) =>
	page.locator('html').getAttribute(name) as Promise<string | null>;

/** Holds the demo's events file (the first data the tab loads) until `release`. */
async function holdDemoData(page: Page) {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/gebeurtenissen[^/]*\.csv(\?|$)/, async (route) => {
		await held;
		await route.continue();
	});
	return { release };
}

/** Opens the dashboard and waits for its headline figures (the build's, or the engine's). */
async function openFirstView(page: Page): Promise<void> {
	await page.goto(site.url('/'));
	await page.locator('html[data-kern="ready"]').waitFor({ timeout: 30_000 });
}

/** Picks the browser tests' exchange files. */
async function pickFixtures(page: Page): Promise<void> {
	await page
		.locator('input[type="file"][multiple]')
		.first()
		.setInputFiles([FIXTURES.dossiers, FIXTURES.gebeurtenissen]);
}

/** Waits for the picked files' figures: no demo, and the command line's on the same files. */
async function expectFixtureFigures(page: Page): Promise<void> {
	await page.getByText('Demodata (fictief)').first().waitFor({ state: 'hidden', timeout: 90_000 });
	await waitForReady(page);
	const totaal = await cliTotaal(page, {
		dossiers: [FIXTURES.dossiers],
		gebeurtenissen: [FIXTURES.gebeurtenissen]
	});
	expect(await readMetric(page, 'signalen')).toBe(String(totaal.signalen));
	expect(await readMetric(page, 'vonnissen')).toBe(String(totaal.vonnissen));
}

describe('the demo’s first view from the build', () => {
	test('painted before the engine, said to be precomputed, then the engine’s same figures', async () => {
		const { page } = await site.open();
		const engine = await holdEngine(page);
		await openFirstView(page);
		await expect.poll(engine.asked, { message: 'the engine’s wasm was held' }).toBeGreaterThan(0);
		expect(await rootAttribute(page, 'data-state'), 'the page is not ready: no engine').toBe(
			'loading'
		);

		// Every section is there, lead times included, and the page says what the figures are.
		await page.locator('section[aria-labelledby="alle-cijfers-kop"]').waitFor();
		const early = await readMetrics(page);
		expect(early.filter((m) => m.id.startsWith('doorlooptijden.')).length).toBeGreaterThan(0);
		const note = (await page.locator('[data-vooraf-berekend]').textContent())!.replace(/\s+/g, ' ');
		const count = (n: number) => n.toLocaleString('nl-NL');
		expect(note).toContain('Vooraf berekend uit de demodata');
		expect(note).toContain(
			`${count(dataLines(DEMO.dossiers))} dossiers en ${count(dataLines(DEMO.gebeurtenissen))} gebeurtenissen, alle gelezen regels geaccepteerd`
		);
		expect(await page.locator('#filters-body form').count(), 'no filter without the engine').toBe(
			0
		);
		await expectAxeClean(page, 'the dashboard over the build’s figures');
		mkdirSync(SCREENS, { recursive: true });
		await page.screenshot({ path: `${SCREENS}/vooraf-berekend-1366.png` });

		engine.release();
		await waitForReady(page);
		expect(await page.locator('[data-vooraf-berekend]').count()).toBe(0);
		expect(await page.locator('#filters-body form').count()).toBe(1);
		const late = await readMetrics(page);
		expect(late, 'the engine’s figures are the build’s').toEqual(early);

		// And the command line's, on the same files and period (an independent run of the figures).
		const totaal = await cliTotaal(page, {
			dossiers: [DEMO.dossiers],
			gebeurtenissen: [DEMO.gebeurtenissen]
		});
		for (const id of ['signalen', 'vonnissen', 'ontruimingen', 'aanzeggingen_voorkomen'])
			expect(early.find((m) => m.id === id)?.value, id).toBe(String(totaal[id]));
	});

	test('390 px: the headline figures on the first screen before the engine', async () => {
		const { page } = await site.open();
		await page.setViewportSize({ width: 390, height: 844 });
		const engine = await holdEngine(page);
		await openFirstView(page);
		const first = await page.locator('[data-kerncijfers] .headline').first().boundingBox();
		expect(first, 'a headline figure').not.toBeNull();
		expect(first!.y + first!.height, 'within the first screen').toBeLessThanOrEqual(844);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(wide, 'nothing wider than the phone').toBeLessThanOrEqual(390);
		await expectAxeClean(page, 'the phone over the build’s figures');
		mkdirSync(SCREENS, { recursive: true });
		await page.screenshot({ path: `${SCREENS}/vooraf-berekend-390.png` });
		engine.release();
		await waitForReady(page);
	});

	test('a link with another view waits for the engine: no figure of the build', async () => {
		const { page } = await site.open();
		const engine = await holdEngine(page);
		await page.goto(site.url('/?van=2016-01-01&tot=2016-07-01'));
		// Read and checked (the page marks it), and two frames later: it would have been painted.
		await page.waitForFunction(() => performance.getEntriesByName('hz:snapshot-fetched').length);
		await page.evaluate(
			() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
		);
		expect(
			await page.evaluate(() => performance.getEntriesByName('hz:figures-snapshot').length)
		).toBe(0);
		expect(await page.locator('[data-metric]').count()).toBe(0);
		expect(await rootAttribute(page, 'data-kern')).toBe('loading');
		engine.release();
		await waitForReady(page);
		expect(await readPeriod(page)).toEqual({ van: '2016-01-01', tot: '2016-07-01' });
		expect(await readMetric(page, 'signalen')).not.toBeNull();
	});

	test('a file picked while the engine starts: its own figures in the end, never the build’s', async () => {
		const { page } = await site.open();
		const engine = await holdEngine(page);
		await openFirstView(page);
		await pickFixtures(page);
		// From the pick on, the build's figures are not on screen: they are not the picked files'.
		await expect.poll(() => page.locator('[data-metric]').count()).toBe(0);
		expect(await page.locator('[data-vooraf-berekend]').count()).toBe(0);
		expect(await rootAttribute(page, 'data-kern')).toBe('loading');
		engine.release();
		await expectFixtureFigures(page);
		expect(await page.locator('[data-vooraf-berekend]').count()).toBe(0);
	});

	test('a file picked before the demo’s data arrived: the picked file’s figures, not the demo’s', async () => {
		const { page } = await site.open();
		const demo = await holdDemoData(page);
		await openFirstView(page);
		await pickFixtures(page);
		demo.release();
		await expectFixtureFigures(page);
		// Settled: nothing loads after the picked files.
		await page.waitForTimeout(1_000);
		expect(await rootAttribute(page, 'data-state')).toBe('ready');
		expect(await page.getByText('Demodata (fictief)').count()).toBe(0);
		await expectFixtureFigures(page);
	});

	test.each([
		['wasm', /\.wasm(\?|$)/],
		['worker script', /engine-worker-[^/]*\.js(\?|$)/]
	])(
		'an engine whose %s cannot be fetched: said in Dutch, no figure; a pick tries again',
		async (_, what) => {
			const session = await site.open();
			const { page } = session;
			let refused = 0;
			await page.route(what, async (route) => {
				refused++;
				await route.abort('connectionfailed');
			});
			await page.goto(site.url('/'));
			await page.locator('html[data-state="error"]').waitFor({ timeout: 60_000 });
			expect(refused, 'the engine asked for it').toBeGreaterThan(0);
			const alert = (await page.getByRole('alert').first().textContent())!.replace(/\s+/g, ' ');
			expect(alert).toContain(
				'Het laden is mislukt: de rekenmodule (DuckDB) kon niet worden gestart'
			);
			expect(alert).toContain('laad de pagina opnieuw');
			expect(alert, 'no empty reason').not.toMatch(/Melding: *\./);
			expect(
				await page.getByRole('alert').filter({ hasText: 'kon niet worden gestart' }).count(),
				'said once, at the top (the file picker repeats only the errors of a pick)'
			).toBe(1);
			// The build's figures are taken down: nobody could filter them.
			expect(await page.locator('[data-metric]').count()).toBe(0);
			expect(await page.locator('[data-vooraf-berekend]').count()).toBe(0);
			expect(await page.getByText('De rekenmodule wordt gestart').count(), 'no spinner').toBe(0);
			mkdirSync(SCREENS, { recursive: true });
			await page.screenshot({ path: `${SCREENS}/rekenmodule-mislukt-1366.png` });

			// The connection is back: a pick starts the engine again and shows the picked files' figures.
			await page.unroute(what);
			await pickFixtures(page);
			await expectFixtureFigures(page);
			expect(await page.getByText('kon niet worden gestart').count(), 'the error is gone').toBe(0);
			// What the browser wrote about the refused request, and nothing else.
			const other = session.consoleErrors.filter((line) => !/^Failed to load resource/.test(line));
			expect(other, 'no other console error').toEqual([]);
			session.consoleErrors.length = 0;
		}
	);

	test('an engine that stops after its start: the next filter change says so, nothing waits for good', async () => {
		const session = await site.open();
		const { page } = session;
		await page.goto(site.url('/'));
		await waitForReady(page);
		const before = await readMetric(page, 'signalen');
		expect(before).not.toBeNull();
		const engine = page.workers().find((w) => w.url().includes('engine-worker'));
		expect(engine, 'the engine runs in the site’s guarded worker').toBeDefined();
		// What an engine that aborts looks like from the page: an uncaught error in its worker.
		await engine!.evaluate(() => {
			setTimeout(() => {
				throw new Error('proef: de rekenmodule valt om');
			});
		});
		await page.locator('input[type="date"][name="van"]').fill('2016-01-01');
		await page.locator('html[data-state="error"]').waitFor({ timeout: 30_000 });
		const alert = (await page.getByRole('alert').first().textContent())!.replace(/\s+/g, ' ');
		expect(alert).toContain('De cijfers konden niet worden berekend');
		expect(alert).toContain('de rekenmodule (DuckDB) is onverwacht gestopt');
		expect(alert).toContain('Laad de pagina opnieuw en kies daarna de bestanden nog eens');
		expect(alert).toContain('proef: de rekenmodule valt om');
		// The figures go with the engine: none stands that the page can no longer stand behind.
		expect(await page.locator('[data-metric]').count()).toBe(0);
		mkdirSync(SCREENS, { recursive: true });
		await page.screenshot({ path: `${SCREENS}/rekenmodule-gestopt-1366.png`, fullPage: false });
		// A reload brings the engine and the figures back.
		await page.reload();
		await waitForReady(page);
		expect(await readMetric(page, 'signalen')).not.toBeNull();
		expect(session.consoleErrors, 'no console error: the guard answers the failure').toEqual([]);
		expect(await page.getByText('onverwacht gestopt').count(), 'the error is gone').toBe(0);
	});
});
