/** The committed demo DDAS delivery is what the seeded generator makes, and it reads without a finding. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoDeliveries } from '../../../src/lib/demo/chain';
import { readDdasText } from '../../../src/lib/import/ddas';

describe('the demo DDAS delivery', () => {
	const committed = readFileSync('data/vroegsignalering-haarlem.json', 'utf8');

	it('is the generator output for the demo chain (npm run demo-ddas)', () => {
		expect(committed === demoDeliveries().vroegsignalering).toBe(true);
	});

	it('covers Haarlem from March 2013 to December 2023, with no finding', () => {
		const read = readDdasText('demo', committed, { today: '2024-01-15' });
		expect(read.weigering).toBeNull();
		expect(read.meldingen).toEqual([]);
		expect(new Set(read.signalen.map((s) => s.gemeente))).toEqual(new Set(['0392']));
		const dates = read.signalen.map((s) => s.signaaldatum).sort();
		expect(dates[0]! >= '2013-03-01' && dates[0]! < '2013-04-01').toBe(true);
		expect(dates.at(-1)! > '2023-12-01' && dates.at(-1)! <= '2023-12-31').toBe(true);
		expect(read.clientObjecten).toBe(read.gelezen.signalen);
	});
});
