/**
 * Properties of the workbook reader. Hostile workbooks (fuzz-workbooks.ts: a valid small workbook
 * with its parts and its zip bytes mutated) never make it throw, answer within a time in proportion
 * to their size, and give rows or a one-line Dutch refusal naming the file; a few seconds of this
 * run here, `npm run fuzz` runs it for longer. And a valid sheet of random cells (text with every
 * character XML and CSV make special, numbers, gaps between rows and cells) reads back exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	BASE_PARTS,
	hostileRecipe,
	hostileWorkbook,
	judge,
	zipParts
} from '../../../src/cli/fuzz-workbooks';
import { readWorkbookSheets } from '../../../src/lib/import/workbook';

describe('hostile workbooks', () => {
	it('never throw, answer in time, and give rows or a Dutch refusal naming the file', () => {
		const answers = { rows: 0, refused: 0 };
		fc.assert(
			fc.property(hostileRecipe, (recipe) => {
				const j = judge(hostileWorkbook(recipe));
				if (j.answer !== 'threw') answers[j.answer]++;
				expect(j.problem).toBeNull();
			}),
			{ numRuns: 4000, interruptAfterTimeLimit: 3000, markInterruptAsFailure: false }
		);
		// Enough inputs ran, and both kinds of answer came up.
		expect(answers.rows + answers.refused).toBeGreaterThan(50);
		expect(answers.rows).toBeGreaterThan(0);
		expect(answers.refused).toBeGreaterThan(0);
	});
});

const ALPHABET = [
	'a',
	'Z',
	'0',
	'7',
	' ',
	',',
	';',
	'"',
	"'",
	'\n',
	'\r',
	'\t',
	'&',
	'<',
	'>',
	'=',
	'_',
	'x',
	'_x000D_',
	'é',
	'€',
	'ß',
	'😀',
	'\u00a0',
	']]>',
	'&amp;'
];
const cellValue = fc.oneof(
	{
		weight: 4,
		arbitrary: fc
			.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 8 })
			.map((text) => ({ text, number: false }))
	},
	{
		weight: 1,
		arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ text: String(n), number: true }))
	}
);
const sheetCells = fc.array(
	fc.record({
		rowGap: fc.integer({ min: 1, max: 4 }),
		cells: fc.array(
			fc.record({
				columnGap: fc.integer({ min: 1, max: 4 }),
				value: cellValue,
				shared: fc.boolean(),
				withReference: fc.boolean()
			}),
			{ maxLength: 6 }
		)
	}),
	{ maxLength: 12 }
);

/** Text as SpreadsheetML writes it: XML escapes, CR and a literal `_xHHHH_` in OOXML's escape. */
function xmlText(text: string): string {
	return text
		.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\r/g, '_x000D_');
}

const columnName = (i: number) =>
	i < 26
		? String.fromCharCode(65 + i)
		: String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26));

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

describe('a valid sheet of random cells', () => {
	it('reads back exactly: one line per row, every line with text as wide as the sheet so far', () => {
		fc.assert(
			fc.property(sheetCells, (rows) => {
				const strings: string[] = [];
				let xml = '';
				let rowNumber = 0;
				const expectedLines: string[] = [];
				let width = 0;
				let lastText = 0;
				for (const row of rows) {
					rowNumber += row.rowGap;
					let column = -1;
					let cellsXml = '';
					const fields: string[] = [];
					for (const c of row.cells) {
						column += c.columnGap;
						const ref = c.withReference ? ` r="${columnName(column)}${rowNumber}"` : '';
						if (!c.withReference && c.columnGap > 1) {
							// A cell without reference follows the previous one: fill the gap with empty cells.
							for (let k = column - c.columnGap + 1; k < column; k++) cellsXml += '<c/>';
						}
						if (c.value.number) cellsXml += `<c${ref}><v>${c.value.text}</v></c>`;
						else if (c.shared) {
							cellsXml += `<c${ref} t="s"><v>${strings.length}</v></c>`;
							strings.push(c.value.text);
						} else {
							cellsXml += `<c${ref} t="inlineStr"><is><t>${xmlText(c.value.text)}</t></is></c>`;
						}
						fields[column] = c.value.text;
					}
					xml += `<row r="${rowNumber}">${cellsXml}</row>`;
					width = Math.max(width, column + 1);
					if (fields.some((f) => /\S/.test(f ?? ''))) {
						while (expectedLines.length < rowNumber - 1) expectedLines.push('');
						const line = Array.from({ length: width }, (_, i) => csvField(fields[i] ?? ''));
						expectedLines.push(line.join(','));
						lastText = rowNumber;
					}
				}
				const sst = `<sst>${strings.map((s) => `<si><t>${xmlText(s)}</t></si>`).join('')}</sst>`;
				const bytes = zipParts({
					...BASE_PARTS,
					'xl/sharedStrings.xml': sst,
					'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${xml}</sheetData></worksheet>`,
					'xl/worksheets/sheet2.xml': '<worksheet><sheetData/></worksheet>'
				});
				const read = readWorkbookSheets('willekeurig.xlsx', bytes);
				if (!read.ok) throw new Error(read.refusal.message);
				const sheet = read.sheets[0]!;
				expect(sheet.empty).toBe(lastText === 0);
				expect(new TextDecoder().decode(sheet.csv)).toBe(
					expectedLines.slice(0, lastText).join('\n')
				);
			}),
			{ numRuns: 300 }
		);
	});
});
