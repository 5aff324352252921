/** Every page passes axe-core's WCAG 2.0/2.1 A and AA rules, under the site's real CSP. */
import { describe, expect, test } from 'vitest';
import {
	FIXTURES,
	followLink,
	runAxe,
	uploadFiles,
	useSite,
	waitForReady,
	type AxeViolation
} from './harness';

const site = useSite();

const summary = (violations: AxeViolation[]) =>
	violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`);

describe('accessibility (axe, WCAG 2.1 AA)', () => {
	for (const path of [
		'/',
		'/rapport',
		'/rapport?modus=publicatie',
		'/briefing',
		'/import',
		'/koppelen',
		'/verantwoording',
		'/toegankelijkheid'
	]) {
		test(`${path} on the demo data`, async () => {
			const { page } = await site.open();
			await page.goto(site.url(path));
			await waitForReady(page);
			expect(summary(await runAxe(page))).toEqual([]);
		});
	}

	test('/ with an alert, an open definition and a refused end date', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/?van=2015-01-01&tot=2015-07-01&corporatie='));
		await waitForReady(page);
		await page.locator('button[aria-controls="uitleg-signalen"]').click();
		await page.locator('input[type="date"][name="tm"]').fill('2014-12-31');
		await page.locator('#periode-melding').waitFor();
		expect(await page.locator('[role="alert"]').count()).toBe(2);
		expect(summary(await runAxe(page))).toEqual([]);
	});

	test('/rapport with an edited paragraph', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/rapport'));
		await waitForReady(page);
		await page.locator('[data-paragraph="b"] textarea').fill('Aangepaste tekst.');
		await page.locator('[data-edits="1"]').waitFor();
		expect(summary(await runAxe(page))).toEqual([]);
	});

	test('/import with the report of an upload with rejected rows', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [FIXTURES.dossiers, FIXTURES.gebeurtenissen]);
		await followLink(page, '/import');
		await waitForReady(page);
		expect(summary(await runAxe(page))).toEqual([]);
	});
});
