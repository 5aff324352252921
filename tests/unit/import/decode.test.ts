import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWindows1252, looksBinary } from '../../../src/lib/import/decode';
import { bytes, win1252 } from './helpers';

describe('decodeBytes', () => {
	const ok = [
		{ name: 'plain UTF-8', input: bytes('a;b\n'), expected: { text: 'a;b\n', encoding: 'utf-8' } },
		{
			name: 'UTF-8 with accent',
			input: bytes('Pré Wonen'),
			expected: { text: 'Pré Wonen', encoding: 'utf-8' }
		},
		{
			name: 'UTF-8 with BOM: BOM stripped',
			input: Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('dossier_id')]),
			expected: { text: 'dossier_id', encoding: 'utf-8-bom' }
		},
		{
			name: 'Windows-1252 é (0xE9)',
			input: Uint8Array.from([0x50, 0x72, 0xe9, 0x20, 0x57, 0x6f, 0x6e, 0x65, 0x6e]),
			expected: { text: 'Pré Wonen', encoding: 'windows-1252' }
		},
		{
			name: 'Windows-1252 € (0x80)',
			input: win1252('€ 5;ë'),
			expected: { text: '€ 5;ë', encoding: 'windows-1252' }
		},
		{
			name: 'pure ASCII counts as UTF-8',
			input: win1252('abc'),
			expected: { text: 'abc', encoding: 'utf-8' }
		},
		{
			name: 'one stray control character in a longer text is not binary',
			input: bytes(`a;b\n${'x'.repeat(200)}\u0001\n`),
			expected: { text: `a;b\n${'x'.repeat(200)}\u0001\n`, encoding: 'utf-8' }
		}
	];
	it.each(ok)('$name', ({ input, expected }) => {
		expect(decodeBytes('f.csv', input)).toEqual({ ok: true, ...expected });
	});

	const refused = [
		{ name: 'no bytes', input: new Uint8Array(0), expected: 'leeg' },
		{ name: 'only whitespace', input: bytes(' \r\n\t\n '), expected: 'leeg' },
		{ name: 'only a BOM', input: Uint8Array.from([0xef, 0xbb, 0xbf]), expected: 'leeg' },
		{ name: 'a NUL byte', input: Uint8Array.from([0x61, 0x00, 0x62]), expected: 'binair' },
		{
			name: 'a zip (xlsx) header',
			input: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
			expected: 'binair'
		},
		{
			name: 'many control characters',
			input: Uint8Array.from([1, 2, 3, 4, 5, 0x61, 0x62]),
			expected: 'binair'
		},
		{
			name: 'UTF-16 LE BOM',
			input: Uint8Array.from([0xff, 0xfe, 0x61, 0x00]),
			expected: 'geen_csv'
		}
	];
	it.each(refused)('refuses $name as $expected', ({ input, expected }) => {
		const result = decodeBytes('f.csv', input);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.refusal.code).toBe(expected);
			expect(result.refusal.message).toMatch(/^f\.csv: /);
		}
	});

	it('names Excel for a zip file', () => {
		const result = decodeBytes('x.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]));
		expect(!result.ok && result.refusal.message).toContain('Excel');
	});
});

describe('looksBinary', () => {
	it.each([
		{ name: 'text', input: bytes('a,b\r\n1,2\t3\n'), expected: false },
		{
			name: 'NUL late in the file',
			input: Uint8Array.from([...bytes('a'.repeat(100_000)), 0]),
			expected: true
		},
		{
			name: '2 control chars in 10 bytes',
			input: Uint8Array.from([1, 1, 97, 97, 97, 97, 97, 97, 97, 97]),
			expected: true
		}
	])('$name', ({ input, expected }) => expect(looksBinary(input)).toBe(expected));
});

describe('decodeWindows1252', () => {
	it.each([
		{ name: 'euro', input: [0x80], expected: '€' },
		{ name: 'curly quotes', input: [0x91, 0x92, 0x93, 0x94], expected: '‘’“”' },
		{ name: 'dashes', input: [0x96, 0x97], expected: '–—' },
		{ name: 'Ÿ', input: [0x9f], expected: 'Ÿ' },
		{ name: 'undefined bytes stay C1', input: [0x81, 0x8d], expected: '\u0081\u008d' },
		{ name: 'Latin-1 letters', input: [0xe9, 0xeb, 0xef], expected: 'éëï' }
	])('$name', ({ input, expected }) =>
		expect(decodeWindows1252(Uint8Array.from(input))).toBe(expected)
	);
});
