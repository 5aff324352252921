/**
 * The Utf8 columns the tab's engine receives (src/lib/db/arrow.ts): every string written byte for
 * byte as TextEncoder writes it, whatever it holds — ASCII ids, accents, characters outside the
 * BMP, lone surrogates (written as U+FFFD, as TextEncoder does), empty strings and nulls.
 */
import { describe, expect, test } from 'vitest';
import { utf8Vector } from '../../../src/lib/db/arrow';

const encoder = new TextEncoder();

/** The column as Arrow holds it: offsets, bytes and which values are null. */
function layout(values: (string | null)[]) {
	const data = utf8Vector(values).data[0]!;
	const offsets = [...data.valueOffsets];
	const bytes = [...data.values.subarray(0, offsets[values.length])];
	const present = values.map((_, i) => data.getValid(i));
	return { offsets, bytes, present };
}

/** The same, written string by string with TextEncoder.encode (the independent computation). */
function expected(values: (string | null)[]) {
	const offsets = [0];
	const bytes: number[] = [];
	for (const value of values) {
		if (value !== null) bytes.push(...encoder.encode(value));
		offsets.push(bytes.length);
	}
	return { offsets, bytes, present: values.map((v) => v !== null) };
}

/** A deterministic generator (no Math.random: a failure can be run again). */
function generator(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const UNITS = [
	'a',
	'Z',
	'0',
	'_',
	'-',
	' ',
	'é',
	'ß',
	'€',
	'中',
	'😀',
	'\ud800',
	'\udfff',
	'\u0000'
];

describe('utf8Vector', () => {
	test('hand-picked values: bytes and offsets as TextEncoder writes them', () => {
		const values = ['D-001', '', null, 'Pré Wonen', '😀', 'x\ud800y', null, 'abc'];
		const got = layout(values);
		expect(got).toEqual(expected(values));
		// By hand: 'D-001' 5 bytes, '' 0, null 0, 'Pré Wonen' 10 (é two bytes), '😀' 4,
		// 'x\ud800y' 5 (the lone surrogate as U+FFFD, three bytes), null 0, 'abc' 3.
		expect(got.offsets).toEqual([0, 5, 5, 5, 15, 19, 24, 24, 27]);
		expect(utf8Vector(values).toArray()).toEqual([
			'D-001',
			'',
			null,
			'Pré Wonen',
			'😀',
			'x\ufffdy',
			null,
			'abc'
		]);
	});

	test('a list whose bytes fill the buffer sized for it exactly (three bytes per unit)', () => {
		const values = ['€中', '\ud800'];
		expect(layout(values)).toEqual(expected(values));
		expect(layout(values).offsets).toEqual([0, 6, 9]);
	});

	test('generated lists: the same bytes as TextEncoder, value for value', () => {
		const random = generator(20261208);
		for (let run = 0; run < 300; run++) {
			const values = Array.from({ length: Math.floor(random() * 40) }, () => {
				if (random() < 0.1) return null;
				const length = Math.floor(random() * 12);
				let text = '';
				for (let i = 0; i < length; i++) text += UNITS[Math.floor(random() * UNITS.length)];
				return text;
			});
			expect(layout(values), JSON.stringify(values)).toEqual(expected(values));
		}
	});
});
