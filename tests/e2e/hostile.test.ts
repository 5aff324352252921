/**
 * Hostile files in the page (issue: nothing hangs, crashes, wedges the page, loses rows quietly
 * or echoes what it must not). A set of hand-made files — workbooks that lie or never end, CSVs
 * that break their quotes on every line, a delivery full of orphan cases, a profile that makes
 * too many rows, a key picked as data, formula cells — each picked in one tab after another: each
 * answered within seconds with Dutch words and no JavaScript error text, the page never left
 * `loading`, and at the end a good file still loads. The harness fails the test on any page
 * error, console error, CSP violation or request to another origin.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE_PARTS, zipParts } from '../../src/cli/fuzz-workbooks';
import { FIXTURES, ROOT, readMetric, settle, useSite, waitForReady } from './harness';

const site = useSite();
const FILE_INPUT = 'input[type="file"][multiple]';
const KEY = readFileSync(`${ROOT}data/bronnen/demo-sleutel.txt`, 'utf8').split(/\r?\n/)[0]!;
const encoder = new TextEncoder();

/** Words that only JavaScript says, never the page's Dutch. */
const JS_TEXT =
	/TypeError|RangeError|SyntaxError|ReferenceError|Maximum call stack|is not a function|undefined|NaN|\[object |at \w+ \(|Error:/;

interface HostileFile {
	name: string;
	buffer: Buffer;
	mimeType: string;
}

const file = (name: string, content: string | Uint8Array, mimeType = 'text/csv'): HostileFile => ({
	name,
	mimeType,
	buffer: Buffer.from(typeof content === 'string' ? encoder.encode(content) : content)
});

/** The base workbook with one part replaced. */
function workbook(name: string, part: string, xml: string): HostileFile {
	return file(
		name,
		zipParts({ ...BASE_PARTS, [part]: xml }),
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
}

const SHEET_HEAD =
	'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const HEADER_ROW =
	'<row r="1"><c r="A1" t="inlineStr"><is><t>dossier_id</t></is></c><c r="B1" t="inlineStr"><is><t>datum</t></is></c><c r="C1" t="inlineStr"><is><t>gebeurtenis</t></is></c></row>';

const CASES: HostileFile[] = [
	// A lone surrogate as a character reference.
	workbook(
		'surrogaat.xlsx',
		'xl/worksheets/sheet1.xml',
		`${SHEET_HEAD}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>&#xD800;</t></is></c></row></sheetData></worksheet>`
	),
	// A cell far past Excel's last column.
	workbook(
		'kolom-ver-weg.xlsx',
		'xl/worksheets/sheet1.xml',
		`${SHEET_HEAD}${HEADER_ROW}<row r="2"><c r="AAAAAAA2"><v>1</v></c></row></sheetData></worksheet>`
	),
	// A row number in the billions.
	workbook(
		'rij-ver-weg.xlsx',
		'xl/worksheets/sheet1.xml',
		`${SHEET_HEAD}${HEADER_ROW}<row r="4000000000"><c r="A4000000000"><v>1</v></c></row></sheetData></worksheet>`
	),
	// A sheet that never closes its rows.
	workbook(
		'open-rijen.xlsx',
		'xl/worksheets/sheet1.xml',
		`${SHEET_HEAD}${HEADER_ROW}${'<row><c t="inlineStr"><is><t>D1</t></is></c>'.repeat(2000)}`
	),
	// A date cell far outside the calendar: the row is read and rejected, nothing else.
	workbook(
		'datum-buiten-bereik.xlsx',
		'xl/worksheets/sheet1.xml',
		`${SHEET_HEAD}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>D1</t></is></c><c r="B2" s="1"><v>-4E+30</v></c><c r="C2" t="inlineStr"><is><t>contact</t></is></c></row></sheetData></worksheet>`
	),
	// A zip bomb: one part of 60 MB of the same byte.
	file(
		'bom.xlsx',
		zipSync({
			...Object.fromEntries(Object.entries(BASE_PARTS).map(([k, v]) => [k, encoder.encode(v)])),
			'xl/worksheets/sheet1.xml': new Uint8Array(60_000_000).fill(32)
		}),
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	),
	// Text after a closing quote on 30,000 lines.
	file(
		'aanhalingstekens.csv',
		`dossier_id,datum,gebeurtenis\n${'"D1"x,2015-01-01,contact\n'.repeat(30_000)}`
	),
	// A quote opened on the first data line and never closed.
	file(
		'open-aanhalingsteken.csv',
		`dossier_id,datum,gebeurtenis\n"D1,2015-01-01,contact\n${'D2,2015-01-02,contact\n'.repeat(20_000)}`
	),
	// UTF-16 without a BOM, and a PNG named .csv.
	file('utf16.csv', new Uint8Array(Buffer.from('dossier_id,datum\nD1,2015-01-01\n', 'utf16le'))),
	file(
		'plaatje.csv',
		new Uint8Array([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52
		])
	),
	// A DDAS delivery of 20,000 cases that refer to no signal.
	file(
		'levering-wezen.json',
		JSON.stringify({
			aanleverdatumEnTijd: '2016-01-01T00:00:00Z',
			leveringen: [
				{
					teller: 1,
					gemeentecode: '0392',
					vroegsignalen: [],
					vroegsignaalzaken: Array.from({ length: 20_000 }, (_, i) => ({
						datumOpgepakt: '2015-03-01',
						matchingsdatum: '2015-03-01',
						vroegsignalen: [{ ID: `S${i}` }]
					}))
				}
			]
		}),
		'application/json'
	),
	// The key picked as if it were data: offered as the key, its content never shown.
	file('werkgroep.txt', `${KEY}\n`, 'text/plain'),
	// A header of 20,000 columns.
	file('breed.csv', `${Array.from({ length: 20_000 }, (_, i) => `k${i}`).join(',')}\n1,2,3\n`)
];

async function pickOne(page: Page, hostile: HostileFile): Promise<number> {
	const started = Date.now();
	await settle(page, () => page.locator(FILE_INPUT).first().setInputFiles(hostile));
	return Date.now() - started;
}

describe('hostile files in the page', () => {
	test('each answered within seconds in Dutch, the page never wedged; a good file loads after them', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		const times: string[] = [];
		for (const hostile of CASES) {
			const ms = await pickOne(page, hostile);
			times.push(`${hostile.name}: ${ms} ms`);
			expect(ms, `${hostile.name} answered`).toBeLessThan(45_000);
			expect(await page.locator('html').getAttribute('data-state'), hostile.name).toBe('ready');
			const said = (await page.locator('main').textContent()) ?? '';
			expect(said, `${hostile.name}: no JavaScript text`).not.toMatch(JS_TEXT);
			expect(said, `${hostile.name}: the key is never shown`).not.toContain(KEY);
			// Whatever waits for a decision is declined, so the next file starts clean.
			for (const name of ['Annuleren', 'Nee']) {
				const button = page.getByRole('button', { name, exact: true }).first();
				if ((await button.count()) > 0 && (await button.isVisible())) await button.click();
			}
		}
		console.log(`hostile files answered: ${times.join('; ')}`);
		// Not wedged: the exchange fixture still loads and replaces the figures.
		const before = await readMetric(page, 'signalen');
		await settle(page, () =>
			page.locator(FILE_INPUT).first().setInputFiles([FIXTURES.dossiers, FIXTURES.gebeurtenissen])
		);
		expect(await page.getByTestId('demo-melding').count()).toBe(0);
		expect(await readMetric(page, 'signalen')).not.toBe(before);
	});

	test('formula cells in a loaded file leave the exchange download escaped', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		const dossiers = file(
			'dossiers.csv',
			'dossier_id,corporatie,doelgroep,wijk\nD1,ymere,senior,=2+3\nD2,ymere,senior,+Noord\n'
		);
		const events = file(
			'gebeurtenissen.csv',
			'dossier_id,datum,gebeurtenis\nD1,2015-01-05,achterstand_1m\nD2,2015-01-06,achterstand_1m\n'
		);
		await settle(page, () => page.locator(FILE_INPUT).first().setInputFiles([dossiers, events]));
		await page.getByRole('link', { name: 'Importverslag' }).click();
		await waitForReady(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download dossiers.csv' }).click()
		]);
		const text = readFileSync(await download.path(), 'utf8');
		expect(text).toContain(`;'=2+3`);
		expect(text).toContain(`;'+Noord`);
		for (const line of text.split(/\r\n/)) {
			for (const cell of line.split(';')) expect(cell).not.toMatch(/^[=+\-@]/);
		}
	});
});
