/**
 * The report, the briefing and the .docx agree with each other and with the dashboard, for the
 * May 2015 selection of the council letter (families with children, 1 November 2014 – 1 May 2015),
 * and the printed report has its page numbers and its mode on every page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { readZipEntry } from '../unit/report/unzip';
import { ROOT, followLink, readMetric, useSite, waitForReady } from './harness';

const run = promisify(execFile);
const site = useSite();
const QUERY = 'van=2014-11-01&tot=2015-05-01&doelgroep=gezin_met_kinderen';

/** The command line on the demo data, for the May 2015 selection of families with children. */
async function evaluateMay2015(extra: string[]): Promise<void> {
	await run(
		`${ROOT}node_modules/.bin/tsx`,
		[
			'src/cli/evaluate.ts',
			...['--dossiers', 'data/dossiers.csv', '--gebeurtenissen', 'data/gebeurtenissen.csv'],
			...['--van', '2014-11-01', '--tot', '2015-05-01', '--doelgroep', 'gezin_met_kinderen'],
			...extra
		],
		{ cwd: ROOT }
	);
}

/** The text of each page of a PDF (pdftotext, from Debian's poppler-utils). */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
	const dir = await mkdtemp(path.join(tmpdir(), 'pdf-'));
	const file = path.join(dir, 'rapport.pdf');
	await writeFile(file, bytes);
	const { stdout } = await run('pdftotext', ['-layout', file, '-']);
	return stdout.split('\f').filter((page) => page.trim() !== '');
}

/** The value of the report's textarea for a paragraph (what is printed and copied). */
async function paragraph(page: import('playwright-core').Page, id: string): Promise<string> {
	return page.locator(`[data-paragraph="${id}"] textarea`).inputValue();
}

describe('the May 2015 selection', () => {
	test('dashboard, report, briefing and .docx tell the same figures', async () => {
		const { page } = await site.open();
		await page.goto(site.url(`/?${QUERY}`));
		await waitForReady(page);
		expect(await readMetric(page, 'aanzeggingen')).toBe('18');
		expect(await readMetric(page, 'aanzeggingen_voorkomen')).toBe('17');
		expect(await readMetric(page, 'aanzeggingen_ontruimd')).toBe('1');

		await followLink(page, '/rapport');
		await waitForReady(page);
		const d = await paragraph(page, 'd');
		expect(d).toContain(
			'In de periode van 1 november 2014 t/m 30 april 2015 zijn in totaal achttien aanzeggingen tot huisuitzetting geweest van gezinnen met kinderen.'
		);
		expect(d).toContain('op één na, allemaal voorkomen');
		const kerncijfers = page
			.locator('table', { hasText: 'Aanzeggingen: ontruiming voorkomen' })
			.first();
		await expect(
			kerncijfers
				.locator('tr', { hasText: 'Aanzeggingen: ontruiming voorkomen' })
				.first()
				.textContent()
		).resolves.toMatch(/17/);

		await followLink(page, '/briefing');
		await waitForReady(page);
		const figure = (label: string) =>
			page
				.locator('.briefing-figure', { hasText: label })
				.locator('.headline-value')
				.first()
				.textContent();
		await expect(figure('Aanzeggingen: ontruiming voorkomen')).resolves.toBe('17');
		await expect(figure('Ontruimingen')).resolves.toBe('1');

		// The same selection from the command line as .docx: the same paragraph, word for word.
		const out = path.join(await mkdtemp(path.join(tmpdir(), 'docx-')), 'brief.docx');
		await evaluateMay2015(['--format', 'docx', '--out', out]);
		const xml = new TextDecoder().decode(
			readZipEntry(new Uint8Array(await readFile(out)), 'word/document.xml')!
		);
		const text = xml.replace(/<[^>]+>/g, '');
		expect(text).toContain(d);
	});

	test('the printed report numbers its pages and carries its mode on every page', async () => {
		const { page } = await site.open();
		for (const mode of ['intern', 'publicatie'] as const) {
			await page.goto(
				site.url(`/rapport?${QUERY}${mode === 'publicatie' ? '&modus=publicatie' : ''}`)
			);
			await waitForReady(page);
			await page.emulateMedia({ media: 'print' });
			const pages = await pdfPages(
				await page.pdf({ preferCSSPageSize: true, printBackground: true })
			);
			await page.emulateMedia({ media: 'screen' });
			expect(pages.length).toBeGreaterThanOrEqual(3);
			pages.forEach((text, i) => {
				expect(text).toContain(`Pagina ${i + 1} van ${pages.length}`);
				expect(text).toContain(mode === 'publicatie' ? 'Publicatieversie' : 'Interne werkversie');
			});
			const all = pages.join('\n');
			expect(all).toContain('achttien aanzeggingen');
			if (mode === 'publicatie') {
				// One eviction is a count below five: published as "< 5", never as 1; the 17 prevented
				// next to 18 would give it away, so that is hidden too (x), in the text as well.
				expect(all).toMatch(/Aanzeggingen: ontruimd\s+<\s?5/);
				// The label may wrap in the printed table ("Aanzeggingen: ontruiming … voorkomen").
				expect(all).toMatch(/Aanzeggingen: ontruiming\s+x\b/);
				expect(all).toContain('vrijwel allemaal voorkomen');
				expect(all).not.toContain('zeventien');
				expect(all).not.toMatch(/op één na/);
			} else {
				expect(all).toMatch(/Aanzeggingen: ontruimd\s+1\b/);
			}
		}
	});

	test('the command line prints the same report to PDF', async () => {
		const out = path.join(await mkdtemp(path.join(tmpdir(), 'pdf-')), 'rapport.pdf');
		await evaluateMay2015(['--format', 'pdf', '--publicatie', '--out', out]);
		const pages = await pdfPages(new Uint8Array(await readFile(out)));
		expect(pages.length).toBeGreaterThanOrEqual(3);
		pages.forEach((text, i) => {
			expect(text).toContain(`Pagina ${i + 1} van ${pages.length}`);
			expect(text).toContain('Publicatieversie');
		});
		const all = pages.join('\n');
		expect(all).toContain('achttien aanzeggingen');
		// The files were loaded through the page's picker: not the demo banner's data, but the same figures.
		expect(all).not.toContain('Demodata (fictief)');
	});
});
