/**
 * The dossier's address key in the exchange format (ddas-schuldhulpverlening.md, "The chain"): the
 * optional column `adres_sleutel` of a dossiers or combined file, 32 lower-case hex characters or
 * the row is rejected; conflicts as a wijk's; into DuckDB's `dossiers.adres_sleutel`; written
 * back by the exchange writer only when a dossier has a key. Every count is worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { exchangeCsv } from '../../../src/lib/import/exchange-csv';
import { isSuspiciousHeader } from '../../../src/lib/import/personal-data';
import type { Counts, ImportResult } from '../../../src/lib/import/types';
import { openNodeDatabase } from '../../../src/lib/db/node';
import type { Database } from '../../../src/lib/db/database';
import { loadData } from '../../../src/lib/metrics/load';
import { exchangeRows } from '../../../src/lib/metrics/exchange-rows';
import { file, lines } from './helpers';

const today = '2020-01-01';
/** The spec's two address keys (key `werkgroep-haarlem-2015-evaluatie`). */
const K1 = '4fb8234058cac101594025b34c6476f8';
const K2 = '168a1b435661b79565def24c4e1e5767';

const counts = (
	gelezen: number,
	geaccepteerd: number,
	waarschuwingen: number,
	dubbel: number,
	geweigerd: number
): Counts => ({ gelezen, geaccepteerd, waarschuwingen, dubbel, geweigerd, overgeslagen: 0 });

const report = (result: ImportResult, name: string) => {
	const r = result.files.find((f) => f.name === name);
	if (!r) throw new Error(`no report for ${name}: ${JSON.stringify(result.refused)}`);
	return r;
};

/** A signal for each id, so no dossier gets the `geen_signaal` warning. */
const signals = (ids: string[]) =>
	file(
		'gebeurtenissen.csv',
		lines(['dossier_id;datum;gebeurtenis', ...ids.map((id) => `${id};2015-03-01;achterstand_1m`)])
	);

/**
 * Lines 2–10: three valid rows (one with spaces around its key), three invalid keys, an exact
 * duplicate, and two rows of a known dossier with another key.
 */
const DOSSIERS = file(
	'dossiers.csv',
	lines([
		'dossier_id;corporatie;doelgroep;wijk;Adres Sleutel',
		`D1;Ymere;senior;Noord;${K1}`,
		'D2;Ymere;senior;Noord;',
		`D3;Ymere;senior;Noord;${K1.toUpperCase()}`,
		'D4;Ymere;senior;Noord;4fb8',
		`D5;Ymere;senior;Noord;${'z'.repeat(32)}`,
		`D1;Ymere;senior;Noord;${K1}`,
		`D1;Ymere;senior;Noord;${K2}`,
		`D2;Ymere;senior;Noord;${K2}`,
		`D6;Ymere;senior;Noord; ${K2} `
	])
);

describe('adres_sleutel in a dossiers file', () => {
	const result = importFiles([DOSSIERS, signals(['D1', 'D2', 'D6'])], { today });
	const r = report(result, 'dossiers.csv');

	it('is a known column (header rule), not an address: the file is not refused', () => {
		expect(result.refused).toEqual([]);
		expect(r.unknownColumns).toEqual([]);
		expect(isSuspiciousHeader('adres_sleutel')).toBe(false);
		expect(isSuspiciousHeader('Adres-sleutel')).toBe(false);
		// Any other address header still is.
		expect(isSuspiciousHeader('Adres')).toBe(true);
		expect(isSuspiciousHeader('adressleutel')).toBe(true);
	});

	it('counts: 9 read = 3 accepted + 1 duplicate + 5 rejected', () => {
		expect(r.counts).toEqual(counts(9, 3, 0, 1, 5));
		const c = r.counts;
		expect(c.gelezen).toBe(c.geaccepteerd + c.dubbel + c.geweigerd + c.overgeslagen);
		expect(r.duplicates).toEqual([
			{ file: 'dossiers.csv', line: 7, firstFile: 'dossiers.csv', firstLine: 2 }
		]);
	});

	it('a valid key is kept (trimmed), an empty one is no key', () => {
		expect(result.dossiers).toEqual([
			{
				dossier_id: 'D1',
				corporatie: 'ymere',
				doelgroep: 'senior',
				wijk: 'Noord',
				adres_sleutel: K1
			},
			{ dossier_id: 'D2', corporatie: 'ymere', doelgroep: 'senior', wijk: 'Noord' },
			{
				dossier_id: 'D6',
				corporatie: 'ymere',
				doelgroep: 'senior',
				wijk: 'Noord',
				adres_sleutel: K2
			}
		]);
	});

	it('an invalid key rejects the row with its line, its column and a Dutch reason', () => {
		const rejected = r.rejected.map((i) => [i.line, i.column, i.code, i.message]);
		expect(rejected).toEqual([
			[
				4,
				'Adres Sleutel',
				'ongeldige_adres_sleutel',
				`dossiers.csv, regel 4, kolom Adres Sleutel: geen geldige adres_sleutel: hoofdletters (32 tekens 0-9 en a-f, in kleine letters; de sleutel wordt niet omgezet)`
			],
			[
				5,
				'Adres Sleutel',
				'ongeldige_adres_sleutel',
				'dossiers.csv, regel 5, kolom Adres Sleutel: geen geldige adres_sleutel: 4 tekens in plaats van 32 (32 tekens 0-9 en a-f, in kleine letters)'
			],
			[
				6,
				'Adres Sleutel',
				'ongeldige_adres_sleutel',
				`dossiers.csv, regel 6, kolom Adres Sleutel: geen geldige adres_sleutel: tekens buiten 0-9 en a-f (32 tekens 0-9 en a-f, in kleine letters)`
			],
			[
				8,
				'Adres Sleutel',
				'tegenstrijdig_dossier',
				`dossiers.csv, regel 8, kolom Adres Sleutel: dossier ‘D1’ staat al in dossiers.csv, regel 2, met Adres Sleutel ‘${K1}’; deze regel geeft ‘${K2}’ (de eerste regel blijft staan)`
			],
			[
				9,
				'Adres Sleutel',
				'tegenstrijdig_dossier',
				`dossiers.csv, regel 9, kolom Adres Sleutel: dossier ‘D2’ staat al in dossiers.csv, regel 3, met Adres Sleutel ‘(leeg)’; deze regel geeft ‘${K2}’ (de eerste regel blijft staan)`
			]
		]);
		expect(r.rejected[0]!.values).toEqual({
			dossier_id: 'D3',
			corporatie: 'Ymere',
			doelgroep: 'senior',
			wijk: 'Noord',
			'Adres Sleutel': K1.toUpperCase()
		});
	});

	it('is compared only when both files have the column, as the wijk', () => {
		const other = file(
			'dossiers-swt.csv',
			lines(['dossier_id;corporatie;doelgroep', 'D1;Ymere;senior', 'D2;Ymere;senior'])
		);
		const both = importFiles([DOSSIERS, other, signals(['D1', 'D2', 'D6'])], { today });
		expect(report(both, 'dossiers-swt.csv').counts).toEqual(counts(2, 0, 0, 2, 0));
		// The other way round: the first file says nothing about the key, so the key is not looked at.
		const reversed = importFiles([other, DOSSIERS, signals(['D1', 'D2', 'D6'])], { today });
		expect(reversed.dossiers.map((d) => d.adres_sleutel ?? null)).toEqual([null, null, K2]);
		// D1 ×3 and D2 ×2 of dossiers.csv are duplicates of the first file's rows now; three keys invalid.
		expect(report(reversed, 'dossiers.csv').counts).toEqual(counts(9, 1, 0, 5, 3));
	});

	it('a key that is a postcode is refused by the personal-data guard, as any postcode', () => {
		const out = importFiles(
			[
				file(
					'dossiers.csv',
					lines(['dossier_id;corporatie;doelgroep;adres_sleutel', 'D1;Ymere;senior;2011 RD'])
				)
			],
			{ today }
		);
		expect(out.refused.map((f) => [f.code, f.personalData])).toEqual([
			['persoonsgegevens', [{ column: 'adres_sleutel', reason: 'postcode', line: 2 }]]
		]);
		expect(out.refused[0]!.message).not.toContain('2011');
	});
});

describe('adres_sleutel in a combined file', () => {
	it('defines the dossier’s key; a row of the same dossier with another key is a conflict', () => {
		const combined = file(
			'gecombineerd.csv',
			lines([
				'dossier_id;datum;gebeurtenis;corporatie;doelgroep;adres_sleutel',
				`D1;2015-03-01;achterstand_1m;Ymere;senior;${K1}`,
				`D1;2015-04-01;contact;Ymere;senior;${K1}`,
				`D1;2015-05-01;vonnis;Ymere;senior;${K2}`,
				'D2;2015-03-01;achterstand_1m;Ymere;oggz;',
				'D3;2015-03-01;achterstand_1m;Ymere;oggz;xyz'
			])
		);
		const out = importFiles([combined], { today });
		const r = report(out, 'gecombineerd.csv');
		// 5 read: lines 2, 3 and 5 accepted; line 4 conflicts; line 6 has an invalid key.
		expect(r.counts).toEqual(counts(5, 3, 0, 0, 2));
		expect(r.rejected.map((i) => [i.line, i.column, i.code])).toEqual([
			[4, 'adres_sleutel', 'tegenstrijdig_dossier'],
			[6, 'adres_sleutel', 'ongeldige_adres_sleutel']
		]);
		expect(out.dossiers.map((d) => [d.dossier_id, d.adres_sleutel ?? null])).toEqual([
			['D1', K1],
			['D2', null]
		]);
		expect(out.events).toHaveLength(3);
	});
});

describe('adres_sleutel in DuckDB and back out', () => {
	let db: Database;
	beforeAll(async () => {
		db = await openNodeDatabase();
	}, 60_000);
	afterAll(async () => {
		await db.close();
	});

	it('fills dossiers.adres_sleutel (NULL without a key) and reads back as the same rows', async () => {
		const result = importFiles([DOSSIERS, signals(['D1', 'D2', 'D6'])], { today });
		await loadData(db, result);
		const rows = await db.query<{ dossier_id: string; adres_sleutel: string | null }>(
			'SELECT dossier_id, adres_sleutel FROM dossiers ORDER BY dk'
		);
		expect(rows).toEqual([
			{ dossier_id: 'D1', adres_sleutel: K1 },
			{ dossier_id: 'D2', adres_sleutel: null },
			{ dossier_id: 'D6', adres_sleutel: K2 }
		]);
		const [type] = await db.query<{ t: string }>(
			"SELECT data_type AS t FROM duckdb_columns() WHERE table_name = 'dossiers' AND column_name = 'adres_sleutel'"
		);
		expect(type?.t).toBe('VARCHAR');
		expect((await exchangeRows(db)).dossiers).toEqual(result.dossiers);
	});

	it('without any key the table still has the column, all NULL', async () => {
		const result = importFiles(
			[
				file('dossiers.csv', lines(['dossier_id;corporatie;doelgroep', 'D1;Ymere;senior'])),
				signals(['D1'])
			],
			{ today }
		);
		await loadData(db, result);
		expect(await db.query('SELECT dossier_id, adres_sleutel FROM dossiers')).toEqual([
			{ dossier_id: 'D1', adres_sleutel: null }
		]);
	});
});

describe('the exchange writer', () => {
	it('writes adres_sleutel only when a dossier has a key; the files read back to the same rows', () => {
		const result = importFiles([DOSSIERS, signals(['D1', 'D2', 'D6'])], { today });
		const csv = exchangeCsv(result);
		expect(csv.dossiers).toBe(
			'\uFEFFdossier_id;corporatie;doelgroep;wijk;adres_sleutel\r\n' +
				`D1;ymere;senior;Noord;${K1}\r\nD2;ymere;senior;Noord;\r\nD6;ymere;senior;Noord;${K2}\r\n`
		);
		const back = importFiles(
			[file('dossiers.csv', csv.dossiers), file('gebeurtenissen.csv', csv.gebeurtenissen)],
			{ today }
		);
		expect(back.refused).toEqual([]);
		expect(back.dossiers).toEqual(result.dossiers);
		expect(back.events).toEqual(result.events);
	});

	it('without any key the dossiers file is exactly as before', () => {
		const csv = exchangeCsv({
			dossiers: [{ dossier_id: 'D1', corporatie: 'ymere', doelgroep: 'senior', wijk: null }],
			events: []
		});
		expect(csv.dossiers).toBe('\uFEFFdossier_id;corporatie;doelgroep;wijk\r\nD1;ymere;senior;\r\n');
	});
});

describe('an address in the adres_sleutel column', () => {
	it('is rejected without the value in the reason (a glued postcode and number passes the guard)', async () => {
		const { importSources } = await import('../../../src/lib/import/pipeline');
		const result = await importSources(
			[
				{
					name: 'dossiers.csv',
					bytes: new TextEncoder().encode(
						'dossier_id,corporatie,doelgroep,wijk,adres_sleutel\nD1,ymere,senior,,2011RD12\n'
					)
				},
				{
					name: 'gebeurtenissen.csv',
					bytes: new TextEncoder().encode(
						'dossier_id,datum,gebeurtenis,reden,uitkomst\nD1,2015-01-05,vonnis,,\n'
					)
				}
			],
			{ today: '2026-01-01', pseudonymiser: null }
		);
		const issue = result.files[0]!.rejected.find((i) => i.code === 'ongeldige_adres_sleutel')!;
		expect(issue.message).toBe(
			'dossiers.csv, regel 2, kolom adres_sleutel: geen geldige adres_sleutel: tekens buiten 0-9 en a-f (32 tekens 0-9 en a-f, in kleine letters)'
		);
		expect(issue.message).not.toContain('2011');
	});
});
