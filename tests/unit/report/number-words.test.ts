/** Dutch number words: nul to twintig written out, digits above. */
import { describe, expect, it } from 'vitest';
import { capitalize, numberWord } from '../../../src/lib/report/letter/grammar';

describe('numberWord', () => {
	it.each([
		[0, 'nul'],
		[1, 'één'],
		[2, 'twee'],
		[8, 'acht'],
		[11, 'elf'],
		[12, 'twaalf'],
		[14, 'veertien'],
		[18, 'achttien'],
		[19, 'negentien'],
		[20, 'twintig'],
		[21, '21'],
		[100, '100'],
		[18500, '18.500'],
		[-1, '-1']
	])('%i → %s', (n, word) => {
		expect(numberWord(n)).toBe(word);
	});

	it('writes every word from 0 to 20 differently', () => {
		const words = Array.from({ length: 21 }, (_, n) => numberWord(n));
		expect(new Set(words).size).toBe(21);
		expect(words.every((w) => /^[a-zé]+$/.test(w))).toBe(true);
	});
});

describe('capitalize', () => {
	it('drops the accent of a capital Eén (Taalunie)', () => {
		expect(capitalize('één ontruiming')).toBe('Eén ontruiming');
		expect(capitalize('achttien')).toBe('Achttien');
	});
});
