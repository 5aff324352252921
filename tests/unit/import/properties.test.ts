import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import type { ImportResult, InputFile } from '../../../src/lib/import/types';

const today = '2020-01-01';

/** Checks the bookkeeping of a result: every row read is accounted for once, totals add up. */
function checkAccounts(result: ImportResult, inputs: readonly InputFile[]): void {
	expect(result.files.length + result.refused.length).toBe(inputs.length);
	const sums = { dossiers: [0, 0, 0, 0, 0], gebeurtenissen: [0, 0, 0, 0, 0] };
	let dossierRows = 0;
	let eventRows = 0;
	for (const f of result.files) {
		const c = f.counts;
		expect(c.gelezen).toBe(c.geaccepteerd + c.dubbel + c.geweigerd);
		expect(f.rejected).toHaveLength(c.geweigerd);
		expect(f.duplicates).toHaveLength(c.dubbel);
		expect(c.waarschuwingen).toBeLessThanOrEqual(c.geaccepteerd);
		expect(new Set(f.warnings.map((w) => w.line)).size).toBe(c.waarschuwingen);
		const settled = [...f.rejected.map((r) => r.line), ...f.duplicates.map((d) => d.line)];
		expect(new Set(settled).size).toBe(settled.length);
		const sum = f.role === 'dossiers' ? sums.dossiers : sums.gebeurtenissen;
		[c.gelezen, c.geaccepteerd, c.waarschuwingen, c.dubbel, c.geweigerd].forEach(
			(n, i) => (sum[i]! += n)
		);
		if (f.role === 'dossiers') dossierRows += c.geaccepteerd;
		else eventRows += c.geaccepteerd;
	}
	const asArray = (c: ImportResult['totals']['dossiers']) => [
		c.gelezen,
		c.geaccepteerd,
		c.waarschuwingen,
		c.dubbel,
		c.geweigerd
	];
	expect(asArray(result.totals.dossiers)).toEqual(sums.dossiers);
	expect(asArray(result.totals.gebeurtenissen)).toEqual(sums.gebeurtenissen);
	expect(result.events).toHaveLength(eventRows);
	expect(result.dossiers.length).toBeGreaterThanOrEqual(dossierRows);
}

const HEADER_NAMES = [
	'dossier_id',
	'Dossier ID',
	'Dossier-Id',
	'datum',
	' DATUM ',
	'gebeurtenis',
	'Gebeurtenis',
	'reden',
	'uitkomst',
	'corporatie',
	'doelgroep',
	'wijk',
	'opmerking',
	'naam',
	''
];
const VALUES = [
	'D1',
	'D2',
	'd-3',
	'D.4',
	'',
	' ',
	'D 1',
	'111222333',
	'2015-03-01',
	'01-03-2015',
	'1-3-2015',
	'01/03/2015',
	'31-02-2015',
	'2015-03-01T00:00:00Z',
	'1999-12-31',
	'2030-01-01',
	'achterstand_1m',
	'Achterstand 1m',
	'ACHTERSTAND-1M',
	'vonnis',
	'ontruiming',
	'afgesloten',
	'aanzegging',
	'contact',
	'xyz',
	'Ymere',
	'Pré Wonen',
	'PRE WONEN',
	'Elan Wonen',
	'senior',
	'oggz',
	'Gezin met kinderen',
	'student',
	'overlast',
	'opgelost',
	'Noord',
	'noord',
	'"',
	'a;b',
	'a,b',
	'x\ny',
	'x\r\ny',
	'=1+1',
	'jan@example.nl',
	'2011 RD',
	'\t'
];
const value = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...VALUES) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
);

interface Table {
	header: string[];
	rows: string[][];
	delimiter: string;
	eol: string;
}
const table: fc.Arbitrary<Table> = fc.record({
	header: fc
		.array(fc.constantFrom(...HEADER_NAMES), { minLength: 1, maxLength: 8 })
		.filter((h) => h.some((n) => n.trim() !== '')),
	rows: fc.array(fc.array(value, { maxLength: 9 }), { maxLength: 25 }),
	delimiter: fc.constantFrom(',', ';', '\t'),
	eol: fc.constantFrom('\n', '\r\n')
});

function toCsv(t: Table): { text: string; dataRows: number } {
	// A one-column header shows no delimiter, and the importer then reads commas.
	const delimiter = t.header.length > 1 ? t.delimiter : ',';
	const cell = (v: string) => (/["\r\n,;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	const lines = [t.header, ...t.rows].map((r) => r.map(cell).join(delimiter));
	const dataRows = t.rows.filter((r) => r.some((v) => v.trim() !== '')).length;
	return { text: lines.join(t.eol) + t.eol, dataRows };
}

const COLUMN_VALUES: Record<string, readonly string[]> = {
	dossier_id: ['D1', 'D2', 'D3', 'd-4', '', 'D 5'],
	datum: [
		'2015-03-01',
		'01-03-2015',
		'1-3-2015',
		'02/03/2015',
		'2015-03-04T10:00:00Z',
		'2015-02-30',
		'1999-01-01',
		''
	],
	gebeurtenis: [
		'achterstand_1m',
		'Achterstand 1m',
		'contact',
		'vonnis',
		'aanzegging',
		'ontruiming',
		'afgesloten',
		'telefoontje'
	],
	reden: ['overlast', 'Hennep drugs', '', 'fraude'],
	uitkomst: ['opgelost', '', 'weg'],
	corporatie: ['Ymere', 'Pré Wonen', 'PRE-WONEN', 'Elan Wonen', ''],
	doelgroep: ['senior', 'OGGZ', 'gezin met kinderen', 'student'],
	wijk: ['Noord', 'noord', '', 'Zuid-West'],
	opmerking: ['', 'belt terug', 'a;b', 'x\ny']
};
const ROLE_COLUMNS = [
	['dossier_id', 'corporatie', 'doelgroep', 'wijk', 'opmerking'],
	['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst', 'opmerking'],
	['dossier_id', 'datum', 'gebeurtenis', 'reden', 'corporatie', 'doelgroep', 'wijk']
];
/** Well-formed files of each role: shuffled columns, values that are mostly valid. */
const roleTable: fc.Arbitrary<Table> = fc
	.record({
		columns: fc
			.constantFrom(...ROLE_COLUMNS)
			.chain((cols) =>
				fc.shuffledSubarray(cols, { minLength: cols.length, maxLength: cols.length })
			),
		n: fc.nat({ max: 30 }),
		delimiter: fc.constantFrom(',', ';', '\t'),
		eol: fc.constantFrom('\n', '\r\n')
	})
	.chain(({ columns, n, delimiter, eol }) =>
		fc
			.array(fc.tuple(...columns.map((c) => fc.constantFrom(...COLUMN_VALUES[c]!))), {
				minLength: n,
				maxLength: n
			})
			.map((rows) => ({ header: columns, rows, delimiter, eol }))
	);

describe('importFiles properties', () => {
	it('never throws on arbitrary bytes', () => {
		fc.assert(
			fc.property(
				fc.array(fc.uint8Array({ maxLength: 400 }), { minLength: 1, maxLength: 3 }),
				fc.boolean(),
				(blobs, drop) => {
					const inputs = blobs.map((bytes, i) => ({ name: `f${i}.csv`, bytes }));
					checkAccounts(importFiles(inputs, { today, dropPersonalData: drop }), inputs);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('never throws on arbitrary text', () => {
		const encoder = new TextEncoder();
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { minLength: 1, maxLength: 3 }),
				(texts) => {
					const inputs = texts.map((t, i) => ({ name: `f${i}.csv`, bytes: encoder.encode(t) }));
					checkAccounts(importFiles(inputs, { today }), inputs);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('accounts for every data row of CSV-like tables', () => {
		const encoder = new TextEncoder();
		fc.assert(
			fc.property(fc.array(table, { minLength: 1, maxLength: 4 }), fc.boolean(), (tables, drop) => {
				const csvs = tables.map(toCsv);
				const inputs = csvs.map((c, i) => ({ name: `t${i}.csv`, bytes: encoder.encode(c.text) }));
				const result = importFiles(inputs, { today, dropPersonalData: drop });
				checkAccounts(result, inputs);
				for (const report of result.files) {
					const i = Number(report.name.slice(1, -4));
					expect(report.counts.gelezen).toBe(csvs[i]!.dataRows);
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('accounts for every data row of well-formed files of every role', () => {
		const encoder = new TextEncoder();
		let accepted = 0;
		let rejected = 0;
		let duplicates = 0;
		fc.assert(
			fc.property(fc.array(roleTable, { minLength: 1, maxLength: 4 }), (tables) => {
				const csvs = tables.map(toCsv);
				const inputs = csvs.map((c, i) => ({ name: `t${i}.csv`, bytes: encoder.encode(c.text) }));
				const result = importFiles(inputs, { today });
				checkAccounts(result, inputs);
				expect(result.refused).toEqual([]);
				for (const report of result.files) {
					expect(report.counts.gelezen).toBe(csvs[Number(report.name.slice(1, -4))]!.dataRows);
					accepted += report.counts.geaccepteerd;
					rejected += report.counts.geweigerd;
					duplicates += report.counts.dubbel;
				}
			}),
			{ numRuns: 300 }
		);
		// The generator reaches every outcome, so the property above is not vacuous.
		expect(Math.min(accepted, rejected, duplicates)).toBeGreaterThan(0);
	});

	it('imports the same files identically twice (no state leaks between runs)', () => {
		const encoder = new TextEncoder();
		fc.assert(
			fc.property(fc.array(table, { minLength: 1, maxLength: 3 }), (tables) => {
				const inputs = tables.map((t, i) => ({
					name: `t${i}.csv`,
					bytes: encoder.encode(toCsv(t).text)
				}));
				expect(importFiles(inputs, { today })).toEqual(importFiles(inputs, { today }));
			}),
			{ numRuns: 100 }
		);
	});
});
