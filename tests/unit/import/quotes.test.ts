import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { parseCsv } from '../../../src/lib/import/parse';
import { file, lines } from './helpers';

const today = '2020-01-01';
const DOSSIERS = file(
	'dossiers.csv',
	lines(['dossier_id,corporatie,doelgroep', 'D1,Ymere,senior', 'D2,Ymere,oggz'])
);

describe('parseCsv: malformed records cost their own line only', () => {
	it.each([
		{
			name: 'unclosed quote in the middle',
			input: 'a,b,c\n1,"oeps,x\n2,y,z\n3,y,z\n',
			rows: [
				[2, true],
				[3, false],
				[4, false]
			]
		},
		{
			name: 'unclosed quote on the last line',
			input: 'a,b,c\n1,x,y\n2,"oeps,z',
			rows: [
				[2, false],
				[3, true]
			]
		},
		{
			// Found by properties-rows.test.ts (seed 180444878): the merged record is wider than the
			// header (the stray quote sits in field 2), and each of its two lines is a whole row.
			name: 'a stray quote closed by chance, the merged record wider than the header',
			input: 'a,b,c,d\nD1,"oeps 2015,x,y\n5" ,2015,x,y\n3,x,y,z\n',
			rows: [
				[2, true],
				[3, false],
				[4, false]
			]
		},
		{
			// A long row with a value over lines and no delimiter in it is one record, even when
			// each line holds a row's worth of delimiters.
			name: 'a row wider than the header with a value over lines',
			input: 'a,b,c\nD1,,"x\ny",D1,\n2,x,y\n',
			rows: [
				[2, false],
				[4, false]
			]
		},
		{
			// Found by properties-rows.test.ts: the quote in `5" ` closes the stray one, and no
			// line inside the value is a whole row; the raw text holds two rows' delimiters.
			name: 'a stray quote closed by chance on the next line, mid-row',
			input: 'a,b,c,d\n"oeps 1,x,y,z\n2,5" ,y,z\n3,x,y,z\n',
			rows: [
				[2, true],
				[3, false],
				[4, false]
			]
		},
		{
			name: 'a legitimate value over two lines with a delimiter in it',
			input: 'a,b,c,d\n1,x,y,"twee,\nregels"\n2,x,y,z\n',
			rows: [
				[2, false],
				[4, false]
			]
		},
		{
			name: 'text after a closing quote',
			input: 'a,b,c\n1,"zei "ja" toen",x\n2,y,z\n',
			rows: [
				[2, true],
				[3, false]
			]
		},
		{
			name: 'a stray quote closed lines later swallows whole rows: only its line is refused',
			input: 'a,b,c\n1,x,"oeps\n2,y,z\n3,y,z\n4,y,stray",\n5,y,z\n',
			rows: [
				[2, true],
				[3, false],
				[4, false],
				[5, false],
				[6, false]
			]
		},
		{
			name: 'a real multi-line value stays one record',
			input: 'a,b,c\n1,x,"regel een\nregel twee"\n2,y,z\n',
			rows: [
				[2, false],
				[4, false]
			]
		}
	])('$name', ({ input, rows }) => {
		const t = parseCsv(input)!;
		expect(t.rows.map((r) => [r.line, r.error !== undefined])).toEqual(rows);
	});

	it('a quote inside an unquoted value is text', () => {
		expect(parseCsv('a,b\n5" scherm,x\n')!.rows[0]!.fields).toEqual(['5" scherm', 'x']);
	});

	it('marks a header that cannot be read', () => {
		expect(parseCsv('"a,b\n1,2\n')!.headerError).toMatch(/niet wordt afgesloten/);
	});
});

describe('importFiles: an unmatched quote never drops the rest of the file', () => {
	it('rejects the line with the quote and reads the lines after it', () => {
		const events = file(
			'ev.csv',
			lines([
				'dossier_id,datum,gebeurtenis,opmerking',
				'D1,2015-01-01,achterstand_1m,',
				'D1,2015-02-01,contact,"oeps',
				'D2,2015-01-01,achterstand_1m,',
				'D2,2015-03-01,contact,ok'
			])
		);
		const result = importFiles([DOSSIERS, events], { today });
		const ev = result.files.find((f) => f.name === 'ev.csv')!;
		expect(ev.counts).toMatchObject({ gelezen: 4, geaccepteerd: 3, geweigerd: 1 });
		expect(ev.rejected.map((r) => [r.line, r.code])).toEqual([[3, 'onleesbare_regel']]);
		expect(ev.rejected[0]!.message).toMatch(/^ev\.csv, regel 3: .*aanhalingsteken/);
		expect(result.events).toHaveLength(3);
	});

	it('refuses a file whose header cannot be read, naming the line, without pasting the file', () => {
		const big = '"dossier_id,datum,gebeurtenis\n' + 'D1,2015-01-01,contact\n'.repeat(40_000);
		const result = importFiles([file('ev.csv', big)], { today });
		expect(result.files).toEqual([]);
		expect(result.refused[0]!.message).toMatch(/^ev\.csv, regel 1: de kopregel is niet te lezen/);
		expect(result.refused[0]!.message.length).toBeLessThan(300);
	});
});
