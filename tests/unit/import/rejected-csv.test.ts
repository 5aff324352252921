import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { escapeCsvCell, rejectedRowsCsv } from '../../../src/lib/import/rejected-csv';
import type { RowIssue } from '../../../src/lib/import/types';
import { file } from './helpers';

describe('escapeCsvCell', () => {
	it.each([
		{ name: 'plain', input: 'contact', expected: 'contact' },
		{ name: 'formula', input: '=SUM(A1:A9)', expected: "'=SUM(A1:A9)" },
		{ name: 'plus', input: '+31612345678', expected: "'+31612345678" },
		{ name: 'minus', input: '-1', expected: "'-1" },
		{ name: 'at', input: '@cmd', expected: "'@cmd" },
		{ name: 'leading tab', input: '\tx', expected: "'\tx" },
		{ name: 'leading CR: escaped and quoted', input: '\rx', expected: `"'\rx"` },
		{ name: 'semicolon', input: 'a;b', expected: '"a;b"' },
		{ name: 'quotes doubled', input: 'zei "ja"', expected: '"zei ""ja"""' },
		{ name: 'newline', input: 'a\nb', expected: '"a\nb"' },
		{ name: 'formula with semicolon', input: '=A1;B1', expected: `"'=A1;B1"` },
		{ name: 'surrounding spaces kept', input: ' D1 ', expected: '" D1 "' },
		{ name: 'hyphen inside is fine', input: 'Zuid-West', expected: 'Zuid-West' },
		{ name: 'date', input: '2015-03-01', expected: '2015-03-01' },
		{ name: 'empty', input: '', expected: '' }
	])('$name', ({ input, expected }) => expect(escapeCsvCell(input)).toBe(expected));
});

describe('rejectedRowsCsv', () => {
	it('writes BOM, semicolons, CRLF and the original columns of a file report', () => {
		const result = importFiles(
			[
				file('d.csv', 'dossier_id;corporatie;doelgroep\nD1;Ymere;senior\n'),
				file(
					'e.csv',
					'Dossier ID,datum,gebeurtenis,opmerking\nD1,2015-01-01,achterstand_1m,\nD1,31-02-2015,contact,"=HYPERLINK(""x"")"\nD9,2015-01-02,contact,"a;b"\n'
				)
			],
			{ today: '2020-01-01' }
		);
		const report = result.files.find((f) => f.name === 'e.csv')!;
		expect(rejectedRowsCsv(report)).toBe(
			'\uFEFF' +
				'regel;kolom;reden;melding;Dossier ID;datum;gebeurtenis;opmerking\r\n' +
				'3;datum;ongeldige_datum;e.csv, regel 3, kolom datum: ‘31-02-2015’ is geen geldige datum;D1;31-02-2015;contact;"\'=HYPERLINK(""x"")"\r\n' +
				'4;Dossier ID;onbekend_dossier;e.csv, regel 4, kolom Dossier ID: dossier ‘D9’ staat niet in de dossiers (geen geldige regel in een dossierbestand of gecombineerd bestand);D9;2015-01-02;contact;"a;b"\r\n'
		);
	});

	it('takes a list of issues with different columns', () => {
		const issues: RowIssue[] = [
			{
				file: 'a.csv',
				line: 2,
				column: null,
				code: 'onvolledige_regel',
				message: 'm1',
				values: { x: '1' }
			},
			{
				file: 'b.csv',
				line: 5,
				column: 'y',
				code: 'waarde_ontbreekt',
				message: 'm2',
				values: { y: '', z: '-3' }
			}
		];
		expect(rejectedRowsCsv(issues)).toBe(
			"\uFEFFregel;kolom;reden;melding;x;y;z\r\n2;;onvolledige_regel;m1;1;;\r\n5;y;waarde_ontbreekt;m2;;;'-3\r\n"
		);
	});

	it('writes only the header for no issues', () => {
		expect(rejectedRowsCsv([])).toBe('\uFEFFregel;kolom;reden;melding\r\n');
	});
});
