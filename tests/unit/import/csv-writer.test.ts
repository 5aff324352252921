import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCsvCell, readEscapedCell, toExcelCsv } from '../../../src/lib/import/csv-writer';

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

/** A minimal reader of the CSV dialect written here (`;`, `"` quotes, CRLF), for round trips. */
function readCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i] as string;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	return rows;
}

describe('escaping against formula injection (property)', () => {
	it('never lets a cell start with a formula character, and keeps the text readable', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (value) => {
				const escaped = escapeCsvCell(value);
				const unquoted =
					escaped.startsWith('"') && escaped.endsWith('"') && escaped.length >= 2
						? escaped.slice(1, -1).replace(/""/g, '"')
						: escaped;
				expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
				expect(unquoted === value || unquoted === `'${value}`).toBe(true);
			})
		);
	});

	it('round-trips every table through the CSV dialect', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), {
					maxLength: 5
				}),
				(rows) => {
					const csv = toExcelCsv(rows);
					expect(csv.startsWith('\uFEFF')).toBe(true);
					const back = readCsv(csv.slice(1));
					expect(back).toHaveLength(rows.length);
					back.forEach((row, r) =>
						row.forEach((cell, c) => {
							const original = rows[r]?.[c] as string;
							expect(cell === original || cell === `'${original}`).toBe(true);
						})
					);
				}
			)
		);
	});

	it('the exchange reader undoes the escape exactly (an apostrophe before a formula is escaped too)', () => {
		expect(escapeCsvCell("'=x")).toBe("''=x");
		expect(escapeCsvCell("'plain")).toBe("'plain");
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), fc.nat({ max: 3 }), (tail, quotes) => {
				const value = "'".repeat(quotes) + tail;
				const escaped = escapeCsvCell(value);
				const unquoted =
					escaped.startsWith('"') && escaped.endsWith('"') && escaped.length >= 2
						? escaped.slice(1, -1).replace(/""/g, '"')
						: escaped;
				expect(readEscapedCell(unquoted)).toBe(value);
			})
		);
	});

	it('writes numbers with a decimal comma and empty cells for null', () => {
		expect(toExcelCsv([['a', 1.5, null, -3]])).toBe('\uFEFFa;1,5;;-3\r\n');
	});
});
