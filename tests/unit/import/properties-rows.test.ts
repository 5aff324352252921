/**
 * Property tests whose files reach row validation: a valid combined exchange header, random rows
 * (quoted where needed, some over two lines), stray quotes, lines written in Windows-1252 inside a
 * UTF-8 file, blank rows, and fields beyond the header holding personal data. The generator counts
 * the physical records it writes; the importer's `gelezen` must equal that count, every row must be
 * accounted for, and a personal-data value must be flagged and never appear in the result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import type { ImportResult } from '../../../src/lib/import/types';
import { win1252 } from './helpers';

const today = '2020-01-01';
const HEADER = [
	'dossier_id',
	'datum',
	'gebeurtenis',
	'corporatie',
	'doelgroep',
	'wijk',
	'opmerking'
];

/** Personal data as it turns up in a stray column: the value and the digits or text that must not leak. */
const PII = [
	{ value: 'BSN 123456782', secret: '123456782' },
	{ value: 'j.jansen@example.nl', secret: 'j.jansen@example.nl' },
	{ value: '+31 6 12345678', secret: '12345678' },
	{ value: 'bel 06-12345678', secret: '12345678' }
];

// Every value that needs quotes starts with a letter, so that a stray opening quote is always
// closed (if at all) by a quote followed by a letter: the stray record is exactly one line.
const ID = fc.constantFrom('D1', 'D2', 'D3', 'd-4', 'D.5', '', 'D 6', 'x"y');
const DATE = fc.constantFrom(
	'2015-03-01',
	'01-03-2015',
	'1-3-2015',
	'31-02-2015',
	'2030-01-01',
	'',
	'gisteren'
);
const CODE = fc.constantFrom(
	'achterstand_1m',
	'Achterstand 1m',
	'vonnis',
	'ontruiming',
	'afgesloten',
	'contact',
	'onzin',
	''
);
const CORP = fc.constantFrom('Ymere', 'Pré Wonen', 'Elan Wonen', 'elan_wonen', 'Onbekend', '');
const GROUP = fc.constantFrom('senior', 'oggz', 'gezin_met_kinderen', 'overig', 'jong', '');
const WIJK = fc.constantFrom('Noord', 'Zuid-West', 'Schalkwijk', '');
const NOTE = fc.constantFrom(
	'',
	'ok',
	'a;b',
	'a,b',
	'zei "ja"',
	'twee\nregels',
	'één € café',
	'5" scherm'
);

type Stray = 'none' | 'unclosed' | 'text_after' | 'inside';
const ROW = fc.record({
	values: fc.tuple(ID, DATE, CODE, CORP, GROUP, WIJK, NOTE),
	stray: fc.constantFrom<Stray>('none', 'none', 'none', 'unclosed', 'text_after', 'inside'),
	strayAt: fc.nat({ max: 6 }),
	cp1252: fc.boolean(),
	pii: fc.oneof(
		{ weight: 12, arbitrary: fc.constant(null) },
		{ weight: 1, arbitrary: fc.constantFrom(...PII) }
	),
	blankBefore: fc.constantFrom('', '', '', '\n', ';;;;;;\n')
});
const FILE = fc.record({
	delimiter: fc.constantFrom(',', ';'),
	eol: fc.constantFrom('\n', '\r\n'),
	bom: fc.boolean(),
	rows: fc.array(ROW, { maxLength: 25 })
});

interface Built {
	bytes: Uint8Array;
	records: number;
	pii: (typeof PII)[number][];
	cp1252: boolean;
}

function quote(value: string, delimiter: string): string {
	return /[",;\n]/.test(value) && !value.startsWith('5"') && value !== 'x"y'
		? `"${value.replaceAll('"', '""')}"`
		: value.replace(delimiter === ',' ? ',' : ';', ' ');
}

/** Builds the file's bytes and counts its physical data records as written. */
function build(spec: FileSpec): Built {
	const enc = new TextEncoder();
	const chunks: Uint8Array[] = [];
	const d = spec.delimiter;
	const mixed = spec.rows.some((r) => r.cp1252);
	// A mixed file must show UTF-8 somewhere to be read per line: a BOM, or a UTF-8 é in the header.
	const header = HEADER.join(d) + (mixed && !spec.bom ? `${d}opmerking é` : '');
	chunks.push(enc.encode((spec.bom ? '\uFEFF' : '') + header + spec.eol));
	let records = 0;
	const pii: Built['pii'] = [];
	let cp1252 = false;
	for (const row of spec.rows) {
		if (row.blankBefore)
			chunks.push(enc.encode(row.blankBefore.replaceAll(';', d).replace('\n', spec.eol)));
		const fields = row.values.map((v) => quote(v, d));
		if (row.stray === 'unclosed')
			fields[row.strayAt] = `"oeps ${fields[row.strayAt]!.replaceAll('"', '')}`;
		if (row.stray === 'text_after') fields[row.strayAt] = `"zei "ja" toen"`;
		if (row.stray === 'inside')
			fields[row.strayAt] = `5" ${fields[row.strayAt]!.replaceAll('"', '')}`;
		if (row.stray !== 'none') fields[6] = fields[6]!.replaceAll('"', '').replaceAll('\n', ' ');
		// Rows as wide as the header, as real exports write them.
		if (mixed && !spec.bom) fields.push('');
		if (row.pii) {
			fields.push(row.pii.value);
			pii.push(row.pii);
		}
		const text = fields.join(d).replaceAll('\n', spec.eol) + spec.eol;
		const latin = row.cp1252 && /[é€ë]/.test(text);
		cp1252 ||= latin;
		chunks.push(latin ? win1252(text) : enc.encode(text));
		records++;
	}
	const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.length;
	}
	return { bytes, records, pii, cp1252 };
}
type FileSpec = {
	delimiter: string;
	eol: string;
	bom: boolean;
	rows: {
		values: string[];
		stray: Stray;
		strayAt: number;
		cp1252: boolean;
		pii: (typeof PII)[number] | null;
		blankBefore: string;
	}[];
};

function run(bytes: Uint8Array, dropPersonalData: boolean): ImportResult {
	let result: ImportResult | undefined;
	expect(() => {
		result = importFiles([{ name: 'p.csv', bytes }], { today, dropPersonalData });
	}).not.toThrow();
	return result!;
}

function checkBalance(result: ImportResult, records: number): void {
	expect(result.refused).toEqual([]);
	expect(result.files).toHaveLength(1);
	const c = result.files[0]!.counts;
	expect(c.gelezen).toBe(records);
	expect(c.gelezen).toBe(c.geaccepteerd + c.dubbel + c.geweigerd + c.overgeslagen);
	expect(result.files[0]!.rejected).toHaveLength(c.geweigerd);
	expect(result.files[0]!.duplicates).toHaveLength(c.dubbel);
}

describe('generated files that reach row validation', () => {
	it('never throw, count every physical record, and never leak flagged personal data', () => {
		let reachedRows = 0;
		let withStray = 0;
		let withCp1252 = 0;
		let withPii = 0;
		fc.assert(
			fc.property(FILE, (spec) => {
				const built = build(spec as FileSpec);
				const plain = run(built.bytes, false);
				if (built.pii.length > 0) {
					withPii++;
					expect(plain.files).toEqual([]);
					expect(plain.refused.map((r) => r.code)).toEqual(['persoonsgegevens']);
					const json = JSON.stringify(plain);
					for (const p of built.pii) expect(json).not.toContain(p.secret);
					const dropped = run(built.bytes, true);
					checkBalance(dropped, built.records);
					expect(dropped.files[0]!.droppedColumns.length).toBeGreaterThan(0);
					const droppedJson = JSON.stringify(dropped);
					for (const p of built.pii) expect(droppedJson).not.toContain(p.secret);
				} else checkBalance(plain, built.records);
				if (built.cp1252) {
					withCp1252++;
					const loaded = built.pii.length > 0 ? run(built.bytes, true) : plain;
					expect(loaded.files[0]!.windows1252Lines.length).toBeGreaterThan(0);
					expect(JSON.stringify(loaded)).not.toContain('Ã');
				}
				if (built.records > 0) reachedRows++;
				if (spec.rows.some((r) => r.stray !== 'none')) withStray++;
			}),
			{ numRuns: 100 }
		);
		// The generator must actually produce what the properties are about.
		expect(reachedRows).toBeGreaterThan(50);
		expect(withStray).toBeGreaterThan(20);
		expect(withCp1252).toBeGreaterThan(5);
		expect(withPii).toBeGreaterThan(15);
	});
});
