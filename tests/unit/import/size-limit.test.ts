import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, importLimit, sizeRefusal } from '../../../src/lib/import/size-limit';

const file = (name: string, size: number) => ({ name, bytes: new Uint8Array(size) });

describe('the size limit of a browser import', () => {
	it('is the fixed maximum, or less where the heap is smaller', () => {
		expect(importLimit(undefined)).toBe(MAX_IMPORT_BYTES);
		expect(importLimit(4_294_705_152)).toBe(MAX_IMPORT_BYTES);
		expect(importLimit(2_000_000_000)).toBe(80_000_000);
	});

	it('lets files up to the limit through, counted together', () => {
		expect(sizeRefusal([file('a.csv', 600), file('b.csv', 400)], 1_000)).toBeNull();
	});

	it('refuses larger files with a Dutch message that says nothing was loaded', () => {
		const message = sizeRefusal(
			[file('a.csv', 90_000_000), file('b.csv', 80_000_000)],
			160_000_000
		);
		expect(message).toContain('De bestanden zijn samen 170 MB');
		expect(message).toContain('ongeveer 160 MB');
		expect(message).toContain('Er is niets geladen en de huidige gegevens blijven staan');
	});
});
