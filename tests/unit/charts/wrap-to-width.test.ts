/** wrapToWidth: labels of a horizontal bar chart in lines that fit, measured by a stand-in (1 per character). */
import { describe, expect, test } from 'vitest';
import { wrapToWidth } from '../../../src/lib/charts/configs';

const chars = (s: string) => s.length;

describe('wrapToWidth', () => {
	test('a label that fits stays one line', () => {
		expect(wrapToWidth('Opgepakt', 10, chars)).toEqual(['Opgepakt']);
		expect(wrapToWidth('Signaal → contact', 17, chars)).toEqual(['Signaal → contact']);
	});

	test('words go on a line while they fit', () => {
		// "Eén maand achterstand (signaal)": 3 + 1 + 5 = 9 fits in 10, "achterstand" (11) does not.
		expect(wrapToWidth('Eén maand achterstand (signaal)', 12, chars)).toEqual([
			'Eén maand',
			'achterstand',
			'(signaal)'
		]);
		expect(wrapToWidth('Twee maanden achterstand → huisbezoek', 24, chars)).toEqual([
			'Twee maanden achterstand',
			'→ huisbezoek'
		]);
	});

	test('a word wider than a line is cut into pieces ending in a hyphen', () => {
		// 'Schulddienstverlening' (21) at 8: 'Schuldd-' (8), 'ienstve-' (8), 'rlening' (7).
		expect(wrapToWidth('Schulddienstverlening', 8, chars)).toEqual([
			'Schuldd-',
			'ienstve-',
			'rlening'
		]);
		// The next word starts a new line after a cut piece.
		expect(wrapToWidth('bij Schulddienstverlening af', 12, chars)).toEqual([
			'bij',
			'Schulddiens-',
			'tverlening',
			'af'
		]);
	});

	test('every line fits, and the words come back in order', () => {
		const label = 'Definitief geen contact kunnen krijgen met de huurder na drie pogingen';
		for (const max of [6, 10, 15, 24, 80]) {
			const lines = wrapToWidth(label, max, chars);
			for (const line of lines) expect(line.length, `${line} at ${max}`).toBeLessThanOrEqual(max);
			expect(lines.join(' ').replace(/- /g, '')).toBe(label);
		}
	});

	test('extra spaces are no words; an empty label stays itself', () => {
		expect(wrapToWidth('  Hennep  /  drugs ', 20, chars)).toEqual(['Hennep / drugs']);
		expect(wrapToWidth('', 20, chars)).toEqual(['']);
	});
});
