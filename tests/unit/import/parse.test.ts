import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../src/lib/import/parse';

describe('parseCsv', () => {
	it.each([
		{
			name: 'comma, LF',
			input: 'a,b\n1,2\n3,4\n',
			expected: {
				delimiter: ',',
				header: ['a', 'b'],
				headerLine: 1,
				rows: [
					[2, ['1', '2']],
					[3, ['3', '4']]
				]
			}
		},
		{
			name: 'semicolon, CRLF',
			input: 'a;b\r\n1;2\r\n',
			expected: { delimiter: ';', header: ['a', 'b'], headerLine: 1, rows: [[2, ['1', '2']]] }
		},
		{
			name: 'tab',
			input: 'a\tb\n1\t2',
			expected: { delimiter: '\t', header: ['a', 'b'], headerLine: 1, rows: [[2, ['1', '2']]] }
		},
		{
			name: 'quoted delimiter',
			input: 'a;b\n"x;y";2\n',
			expected: { delimiter: ';', header: ['a', 'b'], headerLine: 1, rows: [[2, ['x;y', '2']]] }
		},
		{
			name: 'escaped quotes',
			input: 'a,b\n"zei ""ja""",2\n',
			expected: {
				delimiter: ',',
				header: ['a', 'b'],
				headerLine: 1,
				rows: [[2, ['zei "ja"', '2']]]
			}
		},
		{
			name: 'newline inside a quoted field moves the next line number',
			input: 'a,b\n"x\ny",1\nz,2\n',
			expected: {
				delimiter: ',',
				header: ['a', 'b'],
				headerLine: 1,
				rows: [
					[2, ['x\ny', '1']],
					[4, ['z', '2']]
				]
			}
		},
		{
			name: 'CRLF inside a quoted field with CRLF line ends',
			input: 'a;b\r\n"x\r\ny\r\nz";1\r\nq;2\r\n',
			expected: {
				delimiter: ';',
				header: ['a', 'b'],
				headerLine: 1,
				rows: [
					[2, ['x\ny\nz', '1']],
					[5, ['q', '2']]
				]
			}
		},
		{
			name: 'newline inside a quoted header cell',
			input: '"a\nb";c\n1;2\n',
			expected: { delimiter: ';', header: ['a\nb', 'c'], headerLine: 1, rows: [[3, ['1', '2']]] }
		},
		{
			name: 'trailing empty lines ignored',
			input: 'a,b\n1,2\n\n\n\n',
			expected: { delimiter: ',', header: ['a', 'b'], headerLine: 1, rows: [[2, ['1', '2']]] }
		},
		{
			name: 'trailing CRLF empty lines ignored',
			input: 'a,b\r\n1,2\r\n\r\n\r\n',
			expected: { delimiter: ',', header: ['a', 'b'], headerLine: 1, rows: [[2, ['1', '2']]] }
		},
		{
			name: 'blank lines in between skipped, line numbers kept',
			input: 'a,b\n1,2\n\n   \n3,4\n',
			expected: {
				delimiter: ',',
				header: ['a', 'b'],
				headerLine: 1,
				rows: [
					[2, ['1', '2']],
					[5, ['3', '4']]
				]
			}
		},
		{
			name: 'rows of empty fields (Excel) skipped',
			input: 'a;b;c\n1;2;3\n;;\n ; ; \n',
			expected: {
				delimiter: ';',
				header: ['a', 'b', 'c'],
				headerLine: 1,
				rows: [[2, ['1', '2', '3']]]
			}
		},
		{
			name: 'leading blank lines: header is the first line with content',
			input: '\n\r\na,b\n1,2',
			expected: { delimiter: ',', header: ['a', 'b'], headerLine: 3, rows: [[4, ['1', '2']]] }
		},
		{
			name: 'Excel sep= hint line',
			input: 'sep=;\na;b\n1;2\n',
			expected: { delimiter: ';', header: ['a', 'b'], headerLine: 2, rows: [[3, ['1', '2']]] }
		},
		{
			name: 'lone CR line ends',
			input: 'a,b\r1,2\r3,4',
			expected: {
				delimiter: ',',
				header: ['a', 'b'],
				headerLine: 1,
				rows: [
					[2, ['1', '2']],
					[3, ['3', '4']]
				]
			}
		},
		{
			name: 'mixed LF and CRLF',
			input: 'a,b\r\n1,2\n3,4\r\n',
			expected: {
				delimiter: ',',
				header: ['a', 'b'],
				headerLine: 1,
				rows: [
					[2, ['1', '2']],
					[3, ['3', '4']]
				]
			}
		},
		{
			name: 'short and long rows kept as read',
			input: 'a,b,c\n1\n1,2,3,4\n',
			expected: {
				delimiter: ',',
				header: ['a', 'b', 'c'],
				headerLine: 1,
				rows: [
					[2, ['1']],
					[3, ['1', '2', '3', '4']]
				]
			}
		},
		{
			name: 'header only',
			input: 'a;b\r\n',
			expected: { delimiter: ';', header: ['a', 'b'], headerLine: 1, rows: [] }
		}
	])('$name', ({ input, expected }) => {
		const table = parseCsv(input);
		expect(table).not.toBeNull();
		expect({
			delimiter: table!.delimiter,
			header: table!.header,
			headerLine: table!.headerLine,
			rows: table!.rows.map((r) => [r.line, r.fields])
		}).toEqual(expected);
	});

	it.each([{ input: '' }, { input: '\n\n' }, { input: ' ;\n' }])(
		'no header in $input',
		({ input }) => {
			expect(parseCsv(input)).toBeNull();
		}
	);
});

describe('detectDelimiter', () => {
	it.each([
		{ name: 'comma', input: 'dossier_id,datum,gebeurtenis', expected: ',' },
		{ name: 'semicolon', input: 'dossier_id;datum;gebeurtenis', expected: ';' },
		{ name: 'tab', input: 'dossier_id\tdatum\tgebeurtenis', expected: '\t' },
		{ name: 'most fields wins', input: 'a,b;c;d', expected: ';' },
		{ name: 'delimiters inside quotes do not count', input: '"a;b;c",d,e', expected: ',' },
		{ name: 'only the first line counts', input: 'a;b\n1,2,3,4,5', expected: ';' },
		{ name: 'tab beats comma in a name', input: 'dossier_id\t"naam, kort"\tdatum', expected: '\t' },
		{ name: 'single column defaults to comma', input: 'dossier_id', expected: ',' }
	])('$name', ({ input, expected }) => expect(detectDelimiter(input)).toBe(expected));
});
