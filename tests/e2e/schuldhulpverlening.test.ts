/**
 * A DDAS schuldhulpverlening delivery dropped on the dashboard is recognised by its content and
 * never read as a vroegsignalering delivery (issue 22): a wrong, empty delivery without a word.
 */
import { describe, expect, test } from 'vitest';
import { ROOT, uploadFiles, useSite, waitForReady } from './harness';

const site = useSite();
const SHV = `${ROOT}tests/fixtures/ddas/shv-v1.0-eigen-levering.json`;

describe('a schuldhulpverlening delivery on the dashboard', () => {
	test('is refused by name, and what was loaded stays', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		const before = await page.locator('[data-section="vroegsignalering"]').count();
		await uploadFiles(page, [SHV]);
		const alert = page.getByTestId('weigeringen');
		await alert.waitFor();
		expect(await alert.textContent()).toContain(
			'shv-v1.0-eigen-levering.json is een DDAS-levering schuldhulpverlening; '
		);
		expect(await page.locator('[data-section="vroegsignalering"]').count()).toBe(before);
		const body = (await page.locator('body').textContent()) ?? '';
		for (const client of ['111222333', '9999ZZ', '1971-03-04']) expect(body).not.toContain(client);
	});
});
