/**
 * Native DuckDB takes a large Arrow table as CSV text it reads itself (native.ts, `arrowAsCsv`):
 * every value must come back exactly as it went in — quotes, separators, line breaks, spaces at
 * either end, the empty string apart from NULL, characters beyond ASCII — and in the same order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Table, makeVector } from 'apache-arrow';
import { arrowAsCsv, openNativeDatabase } from '../../../src/lib/db/native';
import { utf8Vector } from '../../../src/lib/db/arrow';
import type { Database } from '../../../src/lib/db/database';

let db: Database;
beforeAll(async () => {
	db = await openNativeDatabase();
});
afterAll(async () => {
	await db.close();
});

const AWKWARD = [
	'a',
	'',
	' voor',
	'na ',
	'x"y',
	'""',
	'"',
	'a,b',
	'regel 1\nregel 2',
	'\n',
	'\t',
	'NULL',
	'Pré Wonen é ü',
	'😀',
	'\\',
	"'",
	'=SOM(1)'
];

/** A table of `rows` rows: an id, two text columns (one with NULLs), an integer with negatives. */
function table(rows: number): { table: Table; text: (string | null)[]; other: (string | null)[] } {
	const text: (string | null)[] = [];
	const other: (string | null)[] = [];
	const ints: number[] = [];
	for (let i = 0; i < rows; i++) {
		text.push(AWKWARD[i % AWKWARD.length]! + (i % 7 === 0 ? String(i) : ''));
		other.push(i % 3 === 0 ? null : AWKWARD[(i * 5) % AWKWARD.length]!);
		ints.push(i % 11 === 0 && i > 0 ? -i : i);
	}
	return {
		table: new Table({
			n: makeVector(Int32Array.from(ints)),
			t: utf8Vector(text),
			o: utf8Vector(other)
		}),
		text,
		other
	};
}

describe('native insertArrow as CSV', () => {
	it('gives back every value exactly, in order, on the CSV path and on the appender', async () => {
		for (const rows of [25_000, 500]) {
			const t = table(rows);
			if (rows >= 10_000) expect(arrowAsCsv(t.table)).not.toBeNull();
			await db.insertArrow('rt', t.table);
			const back = await db.query<{ n: number; t: string; o: string | null }>(
				'SELECT n, t, o FROM rt'
			);
			expect(back.length).toBe(rows);
			for (let i = 0; i < rows; i++) {
				expect(back[i], `row ${i} of ${rows}`).toEqual({
					n: i % 11 === 0 && i > 0 ? -i : i,
					t: t.text[i],
					o: t.other[i]
				});
			}
		}
	});

	it('leaves other column types and odd names to the appender', () => {
		const floats = new Table({ x: makeVector(Float64Array.from([1.5])) });
		expect(arrowAsCsv(floats)).toBeNull();
		const odd = new Table({ 'a b': utf8Vector(['x']) });
		expect(arrowAsCsv(odd)).toBeNull();
		const bytes = arrowAsCsv(new Table({ t: utf8Vector(['x"y', null, '']) }));
		expect(new TextDecoder().decode(bytes!)).toBe('"x""y"\n\n""\n');
	});
});
