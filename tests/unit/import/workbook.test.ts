/**
 * Excel import: a workbook made here with tablesToXlsx (write-excel-file) is read back by
 * expandWorkbooks (fflate's unzipSync and the project's SpreadsheetML reader) into one CSV input per non-empty sheet, and those
 * inputs go through importFiles like any CSV. The counts below are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { zipSync } from 'fflate';
import { expandWorkbooks, isWorkbook, readWorkbook } from '../../../src/lib/import/workbook';
import { tablesToXlsx, type SheetTable } from '../../../src/lib/report/xlsx';
import { file } from './helpers';

const today = '2026-01-01';
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/**
 * Dossiers (sheet lines 2–5): W03's doelgroep `studentenhuis` is unknown, so line 4 is rejected;
 * W04 has no wijk (an empty cell).
 */
const DOSSIERS: SheetTable = {
	sheet: 'dossiers',
	header: ['dossier_id', 'corporatie', 'doelgroep', 'wijk'],
	rows: [
		['W01', 'Ymere', 'senior', 'Noord'],
		['W02', 'Pré Wonen', 'gezin_met_kinderen', 'Centrum'],
		['W03', 'Elan Wonen', 'studentenhuis', 'Oost'],
		['W04', 'Ymere', 'oggz', null]
	]
};

/**
 * Events (sheet lines 2–9), dates written as text, two of them `DD-MM-YYYY`:
 * line 6 has an invalid date (rejected), line 7 belongs to the rejected dossier W03 (rejected,
 * onbekend dossier), line 9 is an eviction without reden and without an earlier vonnis (accepted
 * with two warnings, one row with a warning). So 8 read, 6 accepted, 1 with a warning, 2 rejected.
 */
const EVENTS: SheetTable = {
	sheet: 'gebeurtenissen',
	header: ['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst'],
	rows: [
		['W01', '2015-01-10', 'achterstand_1m', null, null],
		['W01', '15-02-2015', 'contact', null, null],
		['W01', '2015-03-01', 'afgesloten', null, 'opgelost'],
		['W02', '01-02-2015', 'achterstand_1m', null, null],
		['W02', '2015-02-30', 'contact', null, null],
		['W03', '2015-03-01', 'achterstand_1m', null, null],
		['W04', '2015-04-01', 'achterstand_1m', null, null],
		['W04', '2015-05-01', 'ontruiming', null, null]
	]
};

const DOSSIERS_CSV = [
	'dossier_id,corporatie,doelgroep,wijk',
	'W01,Ymere,senior,Noord',
	'W02,Pré Wonen,gezin_met_kinderen,Centrum',
	'W03,Elan Wonen,studentenhuis,Oost',
	'W04,Ymere,oggz,'
].join('\n');

const EVENTS_CSV = [
	'dossier_id,datum,gebeurtenis,reden,uitkomst',
	'W01,2015-01-10,achterstand_1m,,',
	'W01,15-02-2015,contact,,',
	'W01,2015-03-01,afgesloten,,opgelost',
	'W02,01-02-2015,achterstand_1m,,',
	'W02,2015-02-30,contact,,',
	'W03,2015-03-01,achterstand_1m,,',
	'W04,2015-04-01,achterstand_1m,,',
	'W04,2015-05-01,ontruiming,,'
].join('\n');

describe('expandWorkbooks', () => {
	it('turns a workbook into one CSV input per sheet that importFiles counts as by hand', async () => {
		const bytes = await tablesToXlsx([DOSSIERS, EVENTS]);
		expect(isWorkbook(bytes)).toBe(true);

		const inputs = await expandWorkbooks([{ name: 'export.xlsx', bytes }]);
		expect(inputs.map((f) => f.name)).toEqual([
			'export.xlsx (blad dossiers)',
			'export.xlsx (blad gebeurtenissen)'
		]);
		expect(text(inputs[0]!.bytes)).toBe(DOSSIERS_CSV);
		expect(text(inputs[1]!.bytes)).toBe(EVENTS_CSV);

		const result = importFiles(inputs, { today });
		expect(result.refused).toEqual([]);
		const [dossiers, events] = result.files;
		expect(dossiers).toMatchObject({
			name: 'export.xlsx (blad dossiers)',
			role: 'dossiers',
			encoding: 'utf-8',
			delimiter: ',',
			counts: { gelezen: 4, geaccepteerd: 3, waarschuwingen: 0, dubbel: 0, geweigerd: 1 }
		});
		expect(events).toMatchObject({
			name: 'export.xlsx (blad gebeurtenissen)',
			role: 'gebeurtenissen',
			counts: { gelezen: 8, geaccepteerd: 6, waarschuwingen: 1, dubbel: 0, geweigerd: 2 }
		});
		const lines = (issues: { line: number; code: string }[]) =>
			issues.map((i) => `${i.line}:${i.code}`).sort();
		expect(lines(dossiers!.rejected)).toEqual(['4:onbekende_doelgroep']);
		expect(lines(events!.rejected)).toEqual(['6:ongeldige_datum', '7:onbekend_dossier']);
		expect(new Set(events!.warnings.map((w) => w.line))).toEqual(new Set([9]));
		expect(lines(events!.warnings)).toContain('9:reden_onbekend');

		expect(result.totals.dossiers.geaccepteerd).toBe(3);
		expect(result.totals.gebeurtenissen.geaccepteerd).toBe(6);
		expect(result.dossiers).toEqual([
			{ dossier_id: 'W01', corporatie: 'ymere', doelgroep: 'senior', wijk: 'Noord' },
			{
				dossier_id: 'W02',
				corporatie: 'pre_wonen',
				doelgroep: 'gezin_met_kinderen',
				wijk: 'Centrum'
			},
			{ dossier_id: 'W04', corporatie: 'ymere', doelgroep: 'oggz', wijk: null }
		]);
		// The text dates DD-MM-YYYY are read as dates.
		const dates = result.events.map((e) => `${e.dossier_id} ${e.datum} ${e.gebeurtenis}`).sort();
		expect(dates).toEqual([
			'W01 2015-01-10 achterstand_1m',
			'W01 2015-02-15 contact',
			'W01 2015-03-01 afgesloten',
			'W02 2015-02-01 achterstand_1m',
			'W04 2015-04-01 achterstand_1m',
			'W04 2015-05-01 ontruiming'
		]);
		expect(result.events.find((e) => e.gebeurtenis === 'ontruiming')?.reden).toBe('onbekend');
		expect(result.events.find((e) => e.gebeurtenis === 'afgesloten')?.uitkomst).toBe('opgelost');
	});

	it('passes a file that is not a workbook through unchanged', async () => {
		const csv = file('dossiers.csv', 'dossier_id;corporatie;doelgroep\r\nD1;Ymere;senior\r\n');
		const out = await expandWorkbooks([csv]);
		expect(out).toHaveLength(1);
		expect(out[0]).toBe(csv);
	});

	it('skips an empty sheet and keeps the order of the files', async () => {
		const csv = file(
			'gebeurtenissen.csv',
			'dossier_id,datum,gebeurtenis\nW01,2015-01-10,achterstand_1m\n'
		);
		const bytes = await tablesToXlsx([
			{ sheet: 'leeg', header: [], rows: [] },
			DOSSIERS,
			{ sheet: 'ook leeg', header: [], rows: [] }
		]);
		const out = await expandWorkbooks([{ name: 'werkmap.xlsx', bytes }, csv]);
		expect(out.map((f) => f.name)).toEqual(['werkmap.xlsx (blad dossiers)', 'gebeurtenissen.csv']);
		expect(text(out[0]!.bytes)).toBe(DOSSIERS_CSV);
		expect(out[1]).toBe(csv);
	});

	it('passes a broken zip through, and importFiles refuses it instead of throwing', async () => {
		const broken = Uint8Array.from([
			0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02,
			0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65
		]);
		expect(isWorkbook(broken)).toBe(true);
		const input = { name: 'kapot.xlsx', bytes: broken };
		const out = await expandWorkbooks([input]);
		expect(out).toEqual([input]);
		expect(out[0]!.bytes).toEqual(broken);

		const result = importFiles(out, { today });
		expect(result.files).toEqual([]);
		expect(result.refused).toHaveLength(1);
		expect(result.refused[0]).toMatchObject({ name: 'kapot.xlsx', code: 'binair' });
		expect(result.refused[0]!.message).toContain('kapot.xlsx');
	});
});

/** A minimal workbook by hand, with the parts a spreadsheet program writes. */
function handWorkbook(sheetXml: string, options: { date1904?: boolean } = {}): Uint8Array {
	const enc = (s: string) => new TextEncoder().encode(s);
	return zipSync(
		{
			'[Content_Types].xml': enc('<?xml version="1.0"?><Types/>'),
			'xl/workbook.xml': enc(
				`<workbook xmlns:r="r">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="Blad &amp; 1" sheetId="1" r:id="rId7"/></sheets></workbook>`
			),
			'xl/_rels/workbook.xml.rels': enc(
				'<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
			),
			'xl/sharedStrings.xml': enc(
				'<sst><si><t>dossier_id</t></si><si><r><rPr/><t xml:space="preserve">dat</t></r><r><t>um</t></r><rPh><t>x</t></rPh></si><si><t>a, &quot;b&quot; &lt;c&gt;_x000D_</t></si></sst>'
			),
			'xl/styles.xml': enc(
				'<styleSheet><numFmts><numFmt numFmtId="164" formatCode="DD\\-MM\\-YYYY"/><numFmt numFmtId="165" formatCode="0.0&quot;d&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>'
			),
			'xl/worksheets/sheet1.xml': enc(sheetXml)
		},
		{ level: 1 }
	);
}

describe('readWorkbook (hand-made SpreadsheetML)', () => {
	it('reads shared, rich and inline strings, dates by style; a skipped row is an empty line', () => {
		const sheet =
			'<worksheet><dimension ref="A1:C5"/><sheetData>' +
			'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
			// 42005 = 2015-01-01 in the 1900 system; style 1 (built-in 14) and 2 (custom date).
			'<row r="2"><c r="A2" t="inlineStr"><is><t>D1</t></is></c><c r="B2" s="1"><v>42005</v></c><c r="C2" s="3"><v>2.5</v></c></row>' +
			'<row r="4"><c r="B4" s="2"><v>42036.75</v></c><c r="C4" t="s"><v>2</v></c></row>' +
			'<row r="5"/></sheetData></worksheet>';
		const out = readWorkbook({ name: 'hand.xlsx', bytes: handWorkbook(sheet) });
		expect(out?.map((f) => f.name)).toEqual(['hand.xlsx (blad Blad & 1)']);
		expect(text(out![0]!.bytes)).toBe(
			['dossier_id,datum,', 'D1,2015-01-01,2.5', '', ',2015-02-01,"a, ""b"" <c>\r"'].join('\n')
		);
	});

	it('counts dates from 1904 when the workbook says so', () => {
		const sheet =
			'<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>1</v></c></row></sheetData></worksheet>';
		const out = readWorkbook({ name: 'mac.xlsx', bytes: handWorkbook(sheet, { date1904: true }) });
		expect(text(out![0]!.bytes)).toBe('1904-01-01,1904-01-02');
	});

	it('reads a sheet larger than the slice it decodes at once, row numbers intact', () => {
		const rows = Array.from(
			{ length: 60_000 },
			(_, i) =>
				`<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>regel ${i + 1} ${'x'.repeat(120)}</t></is></c></row>`
		);
		const out = readWorkbook({
			name: 'groot.xlsx',
			bytes: handWorkbook(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`)
		});
		const lines = text(out![0]!.bytes).split('\n');
		expect(lines).toHaveLength(60_000);
		expect(lines[0]).toBe(`regel 1 ${'x'.repeat(120)}`);
		expect(lines[59_999]).toBe(`regel 60000 ${'x'.repeat(120)}`);
		expect(lines.every((line, i) => line.startsWith(`regel ${i + 1} `))).toBe(true);
	});
});
