/**
 * What leaves the report page for people, for the May 2015 selection of the demo data (families
 * with children, 1 November 2014 – 1 May 2015): "Kopieer tekst" puts HTML and plain text on the
 * clipboard, never Markdown, and the HTML pasted into LibreOffice gives headings and tables; the
 * .xlsx and the CSV carry Dutch labels, percentages, whole days, the selection and the state, and
 * LibreOffice (Dutch locale) reads the shares as percentages.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readZipEntry } from '../unit/report/unzip';
import { ROOT, useSite, waitForReady } from './harness';

const run = promisify(execFile);
const site = useSite();
const QUERY = 'van=2014-11-01&tot=2015-05-01&doelgroep=gezin_met_kinderen';
const SCREENS = `${ROOT}test-results/screens`;
/** Markdown a reader would see as marks: a heading's `#`, bold `**`, a table's `|`. */
const MARKDOWN = /(^|\n)\s*#{1,6}\s|\*\*|\|/;
let dir = '';

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'rapport-export-'));
	await mkdir(SCREENS, { recursive: true });
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** LibreOffice headless with a fresh profile and the Dutch locale (decimal comma, 87,5%). */
async function soffice(args: string[]): Promise<void> {
	await run(
		'soffice',
		[`-env:UserInstallation=file://${dir}/profiel`, '--headless', ...args, '--outdir', dir],
		{
			env: { ...process.env, HOME: dir, LANG: 'nl_NL.UTF-8', LC_ALL: 'nl_NL.UTF-8' },
			timeout: 170_000
		}
	);
}

/** The bytes of the download `click` starts. */
async function downloaded(page: Page, click: () => Promise<unknown>) {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	return {
		name: download.suggestedFilename(),
		bytes: new Uint8Array(await readFile(await download.path()))
	};
}

const text = (b: Uint8Array | null) => new TextDecoder().decode(b ?? new Uint8Array());

/** The rows of one sheet of an .xlsx (shared strings and numbers), each cell with its style index. */
function sheetRows(bytes: Uint8Array, sheet: number) {
	const shared = [
		...text(readZipEntry(bytes, 'xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)
	].map((m) => [...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
	const xml = text(readZipEntry(bytes, `xl/worksheets/sheet${sheet}.xml`));
	return [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
		[...(row[1] ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
			const v = c[3]?.match(/<v>([\s\S]*?)<\/v>/)?.[1];
			const style = Number(c[2]?.match(/ s="(\d+)"/)?.[1] ?? 0);
			const value = /t="s"/.test(c[2] ?? '')
				? shared[Number(v)]
				: v === undefined
					? null
					: Number(v);
			return { column: c[1] as string, value, style };
		})
	);
}

/** The number format of a cell style of an .xlsx (`0.0%`, `General`, …). */
function numberFormat(bytes: Uint8Array, style: number): string {
	const styles = text(readZipEntry(bytes, 'xl/styles.xml'));
	const xf = [
		...(styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf [^>]*>/g)
	][style]?.[0];
	const id = xf?.match(/numFmtId="(\d+)"/)?.[1] ?? '0';
	const custom = styles.match(new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`))?.[1];
	// Excel's built-in percentages: 9 is 0%, 10 is 0.00%.
	return custom ?? ({ '9': '0%', '10': '0.00%' } as Record<string, string>)[id] ?? `builtin ${id}`;
}

describe('the report for people', () => {
	test('"Kopieer tekst": HTML and plain text on the clipboard; pasted into LibreOffice, headings and tables without Markdown', async () => {
		const { page, context } = await site.open();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: site.origin
		});
		await page.goto(site.url(`/rapport?${QUERY}`));
		await waitForReady(page);
		await page.getByRole('button', { name: 'Kopieer tekst' }).click();
		await page.waitForFunction(() =>
			document.querySelector('p[role="status"]')?.textContent?.includes('klembord')
		);
		const copied = await page.evaluate(async () => {
			const out: Record<string, string> = {};
			for (const item of await navigator.clipboard.read()) {
				for (const type of item.types) out[type] = await (await item.getType(type)).text();
			}
			return out;
		});
		expect(Object.keys(copied).sort()).toEqual(['text/html', 'text/plain']);

		const plain = copied['text/plain'] as string;
		expect(plain).not.toMatch(MARKDOWN);
		expect(plain.split('\n')).toContain('Voorkomen huisuitzettingen');
		expect(plain).toContain('zijn in totaal achttien aanzeggingen tot huisuitzetting geweest');
		expect(plain.split('\n')).toContain('Cijfer\tTotaal\tYmere\tPré Wonen\tElan Wonen');

		const html = copied['text/html'] as string;
		expect(html).toMatch(/<h1[^>]*>Evaluatie werkafspraken preventie huisuitzettingen Haarlem/);
		expect(html).toMatch(/<h2[^>]*>Voorkomen huisuitzettingen<\/h2>/);
		expect(html.match(/<table/g)?.length).toBe(4);
		expect(html).toMatch(/<th[^>]*>Cijfer<\/th>/);
		expect(html).not.toMatch(MARKDOWN);

		// Pasted into a word processor: LibreOffice opens the copied HTML and prints it to PDF.
		const pasted = join(dir, 'geplakt.html');
		await writeFile(pasted, html);
		const pdf = join(dir, 'geplakt.pdf');
		// Writer where it is installed (Debian: libreoffice-writer-nogui), else Calc's HTML import.
		await soffice([
			'--infilter=HTML (StarWriter)',
			'--convert-to',
			'pdf:writer_pdf_Export',
			pasted
		]);
		if (!existsSync(pdf))
			await soffice(['--infilter=HTML (StarCalc)', '--convert-to', 'pdf', pasted]);
		const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
		await writeFile(`${SCREENS}/kopieer-tekst.html`, html);
		await writeFile(`${SCREENS}/kopieer-tekst.txt`, stdout);
		expect(stdout).not.toMatch(MARKDOWN);
		for (const heading of ['Inleiding', 'Voorkomen huisuitzettingen', 'Tabel: Kerncijfers']) {
			expect(stdout).toContain(heading);
		}
		expect(stdout.replace(/\s+/g, ' ')).toContain('zijn in totaal achttien aanzeggingen');
		expect(stdout.replace(/\s+/g, ' ')).toContain('Aanzeggingen: ontruiming voorkomen 17 9 5 3');
		expect(stdout).toContain('Pré Wonen');
		// For a look: the pasted letter's pages as images.
		await run('pdftoppm', ['-png', '-r', '60', pdf, `${SCREENS}/kopieer-tekst`]);
	}, 300_000);

	test('.xlsx and CSV in both modes: Dutch labels, the code last, percentages, the selection and the state', async () => {
		const { page } = await site.open();
		for (const mode of ['intern', 'publicatie'] as const) {
			await page.goto(
				site.url(`/rapport?${QUERY}${mode === 'publicatie' ? '&modus=publicatie' : ''}`)
			);
			await waitForReady(page);

			const xlsx = await downloaded(page, () =>
				page.getByRole('button', { name: 'Excel (.xlsx)' }).click()
			);
			const names = [
				...text(readZipEntry(xlsx.bytes, 'xl/workbook.xml')).matchAll(/<sheet [^>]*name="([^"]*)"/g)
			].map((m) => m[1]);
			expect(names).toEqual([
				'Cijfers',
				'Kerncijfers',
				'Ontruimingen per reden',
				'Doorlooptijden (mediaan, dagen)',
				'Samenwerking (aandeel)'
			]);
			const rows = sheetRows(xlsx.bytes, 1);
			const header = rows.find((r) => r.at(-1)?.value === 'Code');
			expect(header?.map((c) => c.value)).toEqual([
				'Cijfer',
				'Totaal',
				'Ymere',
				'Pré Wonen',
				'Elan Wonen',
				'Code'
			]);
			const figures = rows.filter((r) => r.length === 6 && r !== header);
			expect(figures.length).toBeGreaterThan(100);
			for (const row of figures) expect(String(row[0]?.value)).not.toMatch(/^[a-z_.0-9]+$/);
			const share = figures.find((r) => r.at(-1)?.value === 'aandeel_voorkomen')!;
			expect(share[0]?.value).toBe('Aandeel voorkomen (van afgeronde aanzeggingen)');
			if (mode === 'intern') {
				// 17 of the 18 aanzeggingen voorkomen, one ontruimd: 17 / 18 as a number shown as a percentage.
				expect(share[1]?.value).toBeCloseTo(17 / 18, 12);
				expect(numberFormat(xlsx.bytes, share[1]!.style)).toBe('0.0%');
			} else {
				// The one eviction is hidden, so the share is left out.
				expect(share[1]?.value).toBe('niet getoond');
			}

			// LibreOffice in Dutch shows the workbook as a person sees it: 94,4% and whole days.
			const book = join(dir, `evaluatie-${mode}.xlsx`);
			await writeFile(book, xlsx.bytes);
			await soffice([
				'--convert-to',
				'csv:Text - txt - csv (StarCalc):59,34,76,1,,1043,false,true,true,false,false,-1',
				book
			]);
			const shown = await readFile(join(dir, `evaluatie-${mode}-Cijfers.csv`), 'utf8');
			expect(shown).toContain(
				mode === 'intern'
					? 'Status;Voorlopig: interne werkversie met exacte aantallen, niet voor publicatie'
					: 'Status;Publicatieversie: kleine aantallen zijn afgeschermd'
			);
			expect(shown).toContain('Periode;1 november 2014 t/m 30 april 2015');
			expect(shown).toContain('Doelgroepen;gezinnen met kinderen, zonder overige huurders');
			if (mode === 'intern') {
				expect(shown).toMatch(/\nAandeel voorkomen \(van afgeronde aanzeggingen\);94,4%;/);
				expect(shown).toMatch(/\nAanzeggingen: ontruimd;1;/);
			} else {
				expect(shown).toMatch(/\nAanzeggingen: ontruimd;< 5;/);
			}
			// No row is labelled by its code.
			expect(shown).not.toMatch(/\n[a-z_][a-z_.0-9]*;/);
			expect(shown).toMatch(/\nSignaal → contact: mediaan \(dagen\);\d+;/);

			const csv = await downloaded(page, () =>
				page.getByRole('button', { name: 'CSV', exact: true }).click()
			);
			expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
			const parsed = Papa.parse<string[]>(text(csv.bytes), { delimiter: ';' });
			expect(parsed.errors).toEqual([]);
			const csvShare = parsed.data.find((r) => r.at(-1) === 'aandeel_voorkomen');
			expect(csvShare?.[0]).toBe('Aandeel voorkomen (van afgeronde aanzeggingen)');
			expect(csvShare?.[1]).toBe(mode === 'intern' ? '94,4%' : 'niet getoond');

			if (mode === 'intern') {
				// The CSV opened in a Dutch spreadsheet: the share is a number with a percent format.
				const file = join(dir, `evaluatie-${mode}-csv.csv`);
				await writeFile(file, csv.bytes);
				await soffice([
					'--infilter=CSV:59,34,76,1,,1043,false,true',
					'--convert-to',
					'xlsx:Calc MS Excel 2007 XML',
					file
				]);
				const opened = new Uint8Array(await readFile(join(dir, `evaluatie-${mode}-csv.xlsx`)));
				const row = sheetRows(opened, 1).find((r) => r.at(-1)?.value === 'aandeel_voorkomen')!;
				expect(row[1]?.value).toBeCloseTo(0.944, 3);
				expect(numberFormat(opened, row[1]!.style)).toMatch(/%$/);
			}
		}
	}, 600_000);
});
