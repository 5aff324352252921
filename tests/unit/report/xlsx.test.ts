/**
 * Sheet names Excel accepts: at most 31 characters, none of `: \ / ? * [ ]`, unique. The letter's
 * table captions (long, with a colon) once made write-excel-file throw, and the report's
 * "Excel (.xlsx)" button did nothing.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src/lib/import/workbook';
import {
	MAX_SHEET_NAME,
	sheetNames,
	shortenByWords,
	tablesToXlsx
} from '../../../src/lib/report/xlsx';

const VALID = /^[^:\\/?*[\]']([^:\\/?*[\]]*[^:\\/?*[\]'])?$/;

describe('shortenByWords', () => {
	it.each([
		// The sheet name, cut mid-word before: now whole words, no dangling "in".
		[
			'Doorlooptijden: mediaan in dagen, tussen haakjes het aantal afgeronde zaken',
			'Doorlooptijden: mediaan'
		],
		['Doorlooptijden (mediaan, dagen)', 'Doorlooptijden (mediaan, dagen)'],
		// An open parenthesis is not left behind.
		['Trechter van het cohort (start in de periode)', 'Trechter van het cohort'],
		['Samenwerking: aandeel van de zaken waarin de afspraak is nagekomen', 'Samenwerking: aandeel'],
		['Vroegsignalering: kerncijfers (alle verhuurders)', 'Vroegsignalering: kerncijfers'],
		// One word longer than the limit is the only thing ever cut.
		['Huisuitzettingspreventiewerkafspraken', 'Huisuitzettingspreventiewerkafs']
	])('%s → %s', (text, short) => {
		expect(shortenByWords(text, MAX_SHEET_NAME)).toBe(short);
		expect(short.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
	});
});

describe('sheetNames', () => {
	it('drops forbidden characters, shortens by words and keeps names unique', () => {
		const names = sheetNames([
			'Doorlooptijden: mediaan per corporatie en norm',
			'Doorlooptijden: mediaan per corporatie en aandeel',
			'a/b\\c?d*e[f]g',
			"'quoted'",
			'',
			'History',
			'Cijfers',
			'cijfers'
		]);
		expect(names).toEqual([
			'Doorlooptijden mediaan',
			'Doorlooptijden mediaan (2)',
			'a b c d e f g',
			'quoted',
			'Blad 5',
			'Blad 6',
			'Cijfers',
			'cijfers (2)'
		]);
		for (const name of names) {
			expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
			expect(name).toMatch(VALID);
		}
	});
});

describe('tablesToXlsx', () => {
	it('writes a workbook with long, colon-bearing captions that reads back with valid names', async () => {
		const bytes = await tablesToXlsx([
			{ sheet: 'Tabel 1: meldingen en ontruimingen per corporatie', header: ['a'], rows: [[1]] },
			{ sheet: 'Tabel 1: meldingen en ontruimingen per corporatie', header: ['b'], rows: [[2]] }
		]);
		const sheets = readWorkbook({ name: 'x.xlsx', bytes });
		expect(sheets?.map((s) => s.name)).toEqual([
			'x.xlsx (blad Tabel 1 meldingen)',
			'x.xlsx (blad Tabel 1 meldingen (2))'
		]);
		expect(sheets?.map((s) => new TextDecoder().decode(s.bytes))).toEqual(['a\n1', 'b\n2']);
	});
});
