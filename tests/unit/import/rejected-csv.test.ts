import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { rejectedRowsCsv } from '../../../src/lib/import/rejected-csv';
import type { RowIssue } from '../../../src/lib/import/types';
import { file } from './helpers';

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
