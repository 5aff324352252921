/**
 * The filters never contradict the figures: after each change the boxes, the summary sentence and
 * the figures describe one selection, and a state the figures cannot follow is said in an alert.
 * Figures are compared with the command line and with a fresh load of the same URL.
 */
import { KETEN_COUNTS } from '../../src/lib/metrics/keten';
import { KETEN_DEFINITIONS } from '../../src/lib/report/keten';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { FIGURES, SHV_FIGURES, VS_FIGURES } from '../../src/lib/metrics/catalog';
import {
	evaluateCli,
	metricFromDocument,
	parseDataValue,
	readMetrics,
	readPeriod,
	readyMark,
	settle,
	useSite,
	waitForReady
} from './harness';

const site = useSite();
const DEMO = { dossiers: ['data/dossiers.csv'], gebeurtenissen: ['data/gebeurtenissen.csv'] };
const PERIOD = 'van=2015-01-01&tot=2015-07-01';

/** The values of the corporation boxes that are checked, as on screen. */
const checkedBoxes = (page: Page, name: string) =>
	page.$$eval(`input[type="checkbox"][name="${name}"]`, (boxes) =>
		(boxes as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.value)
	);
const box = (page: Page, name: string, value: string) =>
	page.locator(`input[type="checkbox"][name="${name}"][value="${value}"]`);
const summary = (page: Page) => page.locator('[data-summary]').first().innerText();
const alerts = async (page: Page) =>
	(await page.locator('main [role="alert"]').allInnerTexts()).map((t) => t.trim());

/** The page's figures equal those of a fresh load of its own URL. */
async function expectFreshLoadAgrees(page: Page): Promise<void> {
	const fresh = await site.open();
	await fresh.page.goto(page.url());
	await waitForReady(fresh.page);
	expect(await readMetrics(page)).toEqual(await readMetrics(fresh.page));
	expect(await checkedBoxes(fresh.page, 'corporatie')).toEqual(
		await checkedBoxes(page, 'corporatie')
	);
}

describe('the filters and the figures agree', () => {
	test('unchecking the last corporation selects none, says so, and every figure is zero', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/?${PERIOD}&corporatie=ymere`));
		await waitForReady(page);
		expect(await checkedBoxes(page, 'corporatie')).toEqual(['ymere']);
		expect(await alerts(page)).toEqual([]);
		expect(
			Number(await page.locator('[data-metric="signalen"]').getAttribute('data-value'))
		).toBeGreaterThan(0);

		await settle(page, () => box(page, 'corporatie', 'ymere').uncheck());
		expect(new URL(page.url()).searchParams.getAll('corporatie')).toEqual(['']);
		expect(await checkedBoxes(page, 'corporatie')).toEqual([]);
		const [alert] = await alerts(page);
		expect(alert).toMatch(/^Geen corporatie gekozen: .*alle cijfers zijn nul/);
		expect(await summary(page)).toContain('Corporaties: geen corporatie.');
		const metrics = await readMetrics(page);
		expect(metrics.length).toBeGreaterThanOrEqual(10);
		for (const { id, value } of metrics) {
			expect([0, null], id).toContain(parseDataValue(value));
		}

		// The empty selection is a state of its own: a reload and a fresh load show it again.
		await page.reload();
		await waitForReady(page);
		expect(await checkedBoxes(page, 'corporatie')).toEqual([]);
		expect((await alerts(page))[0]).toMatch(/^Geen corporatie gekozen/);
		await expectFreshLoadAgrees(page);
	});

	test('unchecking one corporation gives the figures of the other two', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/?${PERIOD}`));
		await waitForReady(page);
		expect(await checkedBoxes(page, 'corporatie')).toEqual(['ymere', 'pre_wonen', 'elan_wonen']);

		await settle(page, () => box(page, 'corporatie', 'elan_wonen').uncheck());
		expect(await checkedBoxes(page, 'corporatie')).toEqual(['ymere', 'pre_wonen']);
		expect(await summary(page)).toContain('Corporaties: Ymere en Pré Wonen.');
		expect(await alerts(page)).toEqual([]);

		const doc = await evaluateCli({
			...DEMO,
			van: '2015-01-01',
			tot: '2015-07-01',
			extra: ['--corporatie', 'ymere', '--corporatie', 'pre_wonen']
		});
		const metrics = await readMetrics(page);
		expect(metrics.length).toBeGreaterThanOrEqual(10);
		for (const { id, value } of metrics) {
			expect(parseDataValue(value), id).toBe(metricFromDocument(doc, id) ?? null);
		}
		await expectFreshLoadAgrees(page);
	});

	test('two quick clicks leave boxes and figures on the same selection', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/?${PERIOD}`));
		await waitForReady(page);
		const mark = await readyMark(page);
		await box(page, 'corporatie', 'ymere').uncheck();
		await box(page, 'corporatie', 'pre_wonen').uncheck();
		await page.waitForURL((url) => url.searchParams.getAll('corporatie').join() === 'elan_wonen');
		await waitForReady(page, { since: mark });
		await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
		expect(await checkedBoxes(page, 'corporatie')).toEqual(['elan_wonen']);
		expect(await summary(page)).toContain('Corporaties: Elan Wonen.');
		await expectFreshLoadAgrees(page);
	});

	test('an end date before the start date is refused with an alert; the figures stay described', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/?${PERIOD}`));
		await waitForReady(page);
		const before = await readMetrics(page);
		const url = page.url();

		const tm = page.locator('input[type="date"][name="tm"]');
		await tm.fill('2014-12-31');
		const alert = page.locator('#periode-melding[role="alert"]');
		await alert.waitFor();
		expect(await alert.innerText()).toBe(
			'De einddatum (31 december 2014) ligt vóór de begindatum (1 januari 2015). De cijfers gelden nog voor eerste halfjaar 2015. Pas een van beide datums aan.'
		);
		expect(await tm.getAttribute('aria-invalid')).toBe('true');
		// Nothing moved: the URL, the summary and the figures are still those of the first half of 2015.
		expect(page.url()).toBe(url);
		expect(await summary(page)).toContain('Periode: eerste halfjaar 2015.');
		expect(await readMetrics(page)).toEqual(before);
		await expectFreshLoadAgrees(page);

		// A valid end date clears the alert and shows its period.
		await settle(page, () => tm.fill('2015-03-31'));
		expect(await alert.count()).toBe(0);
		expect(await readPeriod(page)).toEqual({ van: '2015-01-01', tot: '2015-04-01' });
		expect(new URL(page.url()).searchParams.get('tot')).toBe('2015-04-01');
		expect(await summary(page)).toContain('Periode: 1 januari t/m 31 maart 2015.');
	});

	test('the default selection says that overige huurders are left out', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/?${PERIOD}`));
		await waitForReady(page);
		expect(await summary(page)).toContain('zonder overige huurders');
		const hint = page.locator('#doelgroep-uitleg');
		expect(await hint.innerText()).toContain('Overige huurders tellen nu niet mee');
		expect(
			await page
				.locator('fieldset', { has: box(page, 'doelgroep', 'overig') })
				.getAttribute('aria-describedby')
		).toBe('doelgroep-uitleg');
		await settle(page, () => box(page, 'doelgroep', 'overig').check());
		expect(await hint.innerText()).toContain('Overige huurders tellen nu mee');
		expect(await summary(page)).toMatch(/Doelgroepen: alle doelgroepen, ook overige huurders/);
	});
});

describe('definitions in place', () => {
	test('each headline figure has an "i" that opens and closes by keyboard', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/?${PERIOD}`));
		await waitForReady(page);
		const ids = await page.$$eval('.headline [data-metric]', (els) =>
			els.map((e) => e.getAttribute('data-metric')!)
		);
		expect(ids).toHaveLength(10);
		for (const id of [...ids, 'aandeel_voorkomen']) {
			const button = page.locator(`button[aria-controls="uitleg-${id}"]`);
			const panel = page.locator(`#uitleg-${id}`);
			expect(await button.getAttribute('aria-expanded'), id).toBe('false');
			expect(await panel.isVisible()).toBe(false);
			await button.focus();
			await page.keyboard.press('Enter');
			expect(await button.getAttribute('aria-expanded'), id).toBe('true');
			expect(await panel.isVisible()).toBe(true);
			expect(await panel.innerText()).toBe(FIGURES.find((f) => f.id === id)?.definition);
			await page.keyboard.press('Escape');
			expect(await button.getAttribute('aria-expanded')).toBe('false');
			await page.keyboard.press('Space');
			expect(await panel.isVisible()).toBe(true);
			await page.keyboard.press('Space');
			expect(await panel.isVisible()).toBe(false);
		}
	});

	test('the Verantwoording page shows the same sentences', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/verantwoording'));
		await waitForReady(page);
		for (const id of ['signalen', 'ontruimingen', 'aanzeggingen_lopend', 'aandeel_voorkomen']) {
			const f = FIGURES.find((x) => x.id === id);
			expect(await page.locator(`dd[data-definition="${id}"]`).innerText(), id).toBe(f?.definition);
		}
		// The delivery blocks' figures of the dashboard and the letter, from their catalog records.
		for (const [block, figures] of [
			['vroegsignalering', VS_FIGURES],
			['schuldhulpverlening', SHV_FIGURES]
		] as const) {
			const shown = figures.filter((f) => f.views.length > 0);
			expect(await page.locator(`dd[data-definition^="${block}."]`).count(), block).toBe(
				shown.length
			);
			for (const f of shown)
				expect(await page.locator(`dd[data-definition="${block}.${f.id}"]`).innerText(), f.id).toBe(
					f.definition
				);
		}
		// The chain: every count and its lead time.
		const keten = [...KETEN_COUNTS, 'doorlooptijd'] as const;
		expect(await page.locator('dd[data-definition^="keten."]').count()).toBe(keten.length);
		for (const id of keten)
			expect(await page.locator(`dd[data-definition="keten.${id}"]`).innerText(), id).toBe(
				KETEN_DEFINITIONS[id]
			);
	});

	test('the dashboard runs in the order of Artikel 4', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/?${PERIOD}`));
		await waitForReady(page);
		const headings = await page.locator('main h2').allInnerTexts();
		const parts = headings.map((h) => /^([a-e])\. /.exec(h)?.[1]).filter(Boolean);
		expect(parts).toEqual(['a', 'b', 'c', 'd', 'e']);
		// Totaal first, then the corporations in the order of the werkafspraken, in every table.
		for (const caption of ['Samenwerkingsindicatoren', 'Alle cijfers per corporatie']) {
			const header = await page
				.locator('table', { has: page.locator('caption', { hasText: caption }) })
				.locator('thead th')
				.allInnerTexts();
			expect(header.slice(1), caption).toEqual(['Totaal', 'Ymere', 'Pré Wonen', 'Elan Wonen']);
		}
	});
});

describe('periods as a person says them', () => {
	const leaks = /Van \(t\/m\)|niet t\/m|Tot \(niet|periode van \d+ \w+ \d{4} tot \d/;

	for (const path of ['/', '/rapport', '/briefing']) {
		test(`${path} names a half-year and a range of months in words`, async () => {
			const { page } = await site.open();
			await page.goto(site.url(`${path}?${PERIOD}`));
			await waitForReady(page);
			let text = await page.locator('main').innerText();
			expect(text).toContain('eerste halfjaar 2015');
			expect(text).not.toMatch(leaks);

			await page.goto(site.url(`${path}?van=2014-11-01&tot=2015-05-01`));
			await waitForReady(page);
			text = await page.locator('main').innerText();
			expect(text).toContain('1 november 2014 t/m 30 april 2015');
			expect(text).not.toMatch(leaks);
			expect(text).not.toContain('1 mei 2015');
			if (path === '/') {
				expect(await page.locator('label[for="van"]').innerText()).toBe('Van');
				expect(await page.locator('label[for="tm"]').innerText()).toBe('Tot en met');
				expect(await readPeriod(page)).toEqual({ van: '2014-11-01', tot: '2015-05-01' });
			}
			if (path === '/rapport') {
				expect(await page.locator('.report-title').innerText()).toBe(
					'Evaluatie werkafspraken preventie huisuitzettingen Haarlem: 1 november 2014 t/m 30 april 2015'
				);
			}
		});
	}
});

describe('the letter editor', () => {
	test('keeps an edit across a mode switch and a page switch, and asks before discarding it', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/rapport?${PERIOD}`));
		await waitForReady(page);
		const textarea = page.locator('[data-paragraph="inleiding"] textarea');
		const drafted = await textarea.inputValue();
		const edited = `${drafted} Een zin van de ambtenaar.`;
		await textarea.fill(edited);
		await page.locator('[data-edits="1"]').waitFor();

		// To publication mode and back: the publication draft is its own, the edit comes back.
		await settle(page, () => page.getByRole('radio', { name: /^Publicatie/ }).check());
		expect(await textarea.inputValue()).not.toContain('Een zin van de ambtenaar.');
		expect(await page.locator('.edit-status').innerText()).toContain(
			'Uw aanpassingen in de interne werkversie blijven bewaard'
		);
		await settle(page, () => page.getByRole('radio', { name: /^Intern/ }).check());
		expect(await textarea.inputValue()).toBe(edited);

		// To the dashboard and back within the site: still there.
		await page.getByRole('link', { name: 'Dashboard' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		await waitForReady(page);
		await page.getByRole('link', { name: 'Rapport' }).click();
		await page.waitForURL((url) => url.pathname === '/rapport');
		await waitForReady(page);
		expect(await textarea.inputValue()).toBe(edited);

		// A reload would lose it: the browser asks first. Staying keeps the text.
		const dialogs: string[] = [];
		page.once('dialog', (dialog) => {
			dialogs.push(dialog.type());
			void dialog.dismiss();
		});
		await page.reload({ timeout: 2_000 }).catch(() => undefined);
		expect(dialogs).toEqual(['beforeunload']);
		expect(await textarea.inputValue()).toBe(edited);

		// Restoring the draft asks too; "Annuleren" keeps the edit, "OK" restores the draft.
		page.once('dialog', (dialog) => {
			dialogs.push(`${dialog.type()}: ${dialog.message()}`);
			void dialog.dismiss();
		});
		await page.getByRole('button', { name: 'Oorspronkelijke tekst terugzetten' }).click();
		expect(dialogs[1]).toBe(
			'confirm: Uw aanpassing van één alinea gaat verloren. De oorspronkelijke tekst terugzetten?'
		);
		expect(await textarea.inputValue()).toBe(edited);
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Oorspronkelijke tekst terugzetten' }).click();
		expect(await textarea.inputValue()).toBe(drafted);

		// Without edits, a reload asks nothing.
		page.once('dialog', (dialog) => {
			dialogs.push(dialog.type());
			void dialog.accept();
		});
		await page.reload();
		await waitForReady(page);
		expect(dialogs).toHaveLength(2);
	});
});
