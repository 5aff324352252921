/**
 * After an upload, /import lists every rejected row with its line number and reason, as the
 * importer reports them (run here on the same files) and as worked out by hand.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../../src/lib/import';
import { FIXTURES, followLink, uploadFiles, useSite, waitForReady } from './harness';

const site = useSite();

describe('the import report', () => {
	test('lists the rejected rows with line number and reason', async () => {
		const files = await Promise.all(
			[FIXTURES.dossiers, FIXTURES.gebeurtenissen].map(async (path) => ({
				name: basename(path),
				bytes: new Uint8Array(await readFile(path))
			}))
		);
		const report = importFiles(files, { today: '2026-01-01' });
		const rejected = report.files.flatMap((f) => f.rejected);
		// By hand: D06's unknown doelgroep, the invalid date, and D06's event (unknown dossier).
		expect(rejected.map((r) => `${r.file}:${r.line}:${r.code}`).sort()).toEqual([
			'dossiers.csv:7:onbekende_doelgroep',
			'gebeurtenissen.csv:10:ongeldige_datum',
			'gebeurtenissen.csv:33:onbekend_dossier'
		]);

		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [FIXTURES.dossiers, FIXTURES.gebeurtenissen]);
		await followLink(page, '/import');
		await waitForReady(page);

		const rows = await page.$$eval('table tr', (trs) =>
			trs.map((tr) => ({
				cells: [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
				text: tr.textContent ?? ''
			}))
		);
		for (const issue of rejected) {
			const reason = issue.message.slice(issue.message.indexOf(': ') + 2);
			const row = rows.find(
				(r) =>
					(r.cells.includes(String(issue.line)) || r.text.includes(`regel ${issue.line}`)) &&
					r.text.includes(reason)
			);
			expect(
				row,
				`a table row with line ${issue.line} and “${reason}” (${issue.file})`
			).toBeDefined();
		}
	});
});
