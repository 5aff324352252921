import { describe, expect, it } from 'vitest';
import {
	MAX_IMPORT_BYTES,
	commandLineSizeRefusal,
	importLimit,
	nativeImportLimit,
	sizeRefusal
} from '../../../src/lib/import/size-limit';

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

describe('the size limit of the command line on native DuckDB', () => {
	it('is four fifths of the memory, less half a GB, at 20 bytes of memory per byte read, at most 2 GB', () => {
		// (25.2 GB × 0.8 − 0.512 GB) / 20 = 982.4 MB
		expect(nativeImportLimit(25_200_000_000)).toBe(982_400_000);
		// 8 GB: (6.4 − 0.512) / 20 = 294.4 MB, more than the tab's 160 MB
		expect(nativeImportLimit(8_000_000_000)).toBe(294_400_000);
		expect(nativeImportLimit(100_000_000)).toBe(0);
		// 128 GB would allow 5.1 GB; Node reads at most 2 GiB of a file whole
		expect(nativeImportLimit(128_000_000_000)).toBe(2_000_000_000);
	});

	it('refuses in Dutch with the machine named, and lets the limit itself through', () => {
		expect(commandLineSizeRefusal([982_400_000], 982_400_000, 25_200_000_000)).toBeNull();
		const message = commandLineSizeRefusal(
			[2_400_000_000, 100_000_000],
			982_400_000,
			25_200_000_000
		);
		expect(message).toBe(
			'de bestanden zijn samen 2.500 MB; de evaluator kan met --engine native op deze machine ' +
				"(25 GB werkgeheugen) ongeveer 982 MB (zo'n 23,4 miljoen gebeurtenissen) inlezen. " +
				'Er is niets ingelezen. Splits de export (bijvoorbeeld per jaar of per corporatie).'
		);
	});
});
