import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/lib/report/markdown';
import { figureTableMarkdown } from '../../../src/lib/report/figure-table';

describe('escapeMarkdown', () => {
	it.each([
		{ input: 'Pré Wonen', expected: 'Pré Wonen' },
		{ input: 'A | B', expected: 'A \\| B' },
		{ input: '<img src=x onerror=alert(1)>', expected: '\\<img src=x onerror=alert(1)>' },
		{ input: '</b>', expected: '\\</b>' },
		{ input: '< 5', expected: '< 5' },
		{ input: '[klik](javascript:x)', expected: '\\[klik\\](javascript:x)' },
		{ input: '*vet* _schuin_ `code`', expected: '\\*vet\\* \\_schuin\\_ \\`code\\`' },
		{ input: '&amp; &#60;', expected: '&amp;amp; &amp;#60;' },
		{ input: 'twee\nregels', expected: 'twee regels' }
	])('$input', ({ input, expected }) => expect(escapeMarkdown(input)).toBe(expected));

	it('keeps a label with a pipe inside its table cell', () => {
		const md = figureTableMarkdown({ header: ['cijfer', 'totaal', 'A|B'], rows: [['x', 1, 2]] });
		expect(md.split('\n')[0]).toBe('| cijfer | totaal | A\\|B |');
		expect(md.split('\n')[0]!.split(/(?<!\\)\|/).length).toBe(5);
	});
});
