/**
 * The personal data in the columns a profile does not use never reaches DuckDB: the five demo
 * exports of data/bronnen go through their profiles into the real engine, and every text value of
 * every table there is compared with the names, BSNs, phone numbers, addresses, postcodes and
 * contract numbers of the exports. The loaded tables read back as exchange rows equal the rows the
 * pipeline accepted (what the page's exchange-file download writes).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/lib/db/database';
import { openNodeDatabase } from '../../../../src/lib/db/node';
import { importSources } from '../../../../src/lib/import/pipeline';
import { parseProfile } from '../../../../src/lib/import/profiles/format';
import { profileFor } from '../../../../src/lib/import/profiles/match';
import { nodePseudonymiser } from '../../../../src/lib/import/profiles/pseudonym-node';
import type { ImportResult } from '../../../../src/lib/import/types';
import { exchangeRows } from '../../../../src/lib/metrics/exchange-rows';
import { loadData } from '../../../../src/lib/metrics/load';

const DIR = 'data/bronnen';
const KEY = readFileSync(`${DIR}/demo-sleutel.txt`, 'utf8').split(/\r?\n/)[0]!;
const SOURCES = [
	'ymere-huurincasso.csv',
	'pre-wonen-huurincasso.xlsx',
	'elan-wonen-huurincasso.csv',
	'sdv-activiteiten.csv',
	'swt-registraties.csv'
];
const PROFILES = [
	'ymere.profiel.json',
	'pre-wonen.profiel.json',
	'elan-wonen.profiel.json',
	'sdv.profiel.json',
	'swt.profiel.json'
];
/** The columns of the CSV exports that hold personal data (used pseudonymised, or not used). */
const PERSONAL: [string, string[]][] = [
	['ymere-huurincasso.csv', ['Huurcontractnummer', 'Naam huurder', 'Adres', 'Postcode']],
	['elan-wonen-huurincasso.csv', ['Huurcontractnummer', 'Naam huurder', 'Adres', 'Postcode']],
	['sdv-activiteiten.csv', ['Registratienummer', 'Huurcontract', 'Cliëntnaam', 'BSN', 'Consulent']],
	['swt-registraties.csv', ['Contractnr verhuurder', 'Naam cliënt', 'Telefoon']]
];

let db: Database;
let result: ImportResult;

beforeAll(async () => {
	const profiles = PROFILES.map((name) => {
		const parsed = parseProfile(readFileSync(`${DIR}/${name}`, 'utf8'), name);
		if (!parsed.ok) throw new Error(parsed.message);
		return { profile: parsed.profile, fileName: name };
	});
	const files = SOURCES.map((name) => {
		const file = { name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) };
		return { ...file, profile: profileFor(file, profiles) };
	});
	result = await importSources(files, {
		today: '2026-01-01',
		pseudonymiser: nodePseudonymiser(KEY)
	});
	db = await openNodeDatabase();
	await loadData(db, result);
}, 60_000);

afterAll(async () => {
	await db?.close();
});

function personalValues(): Set<string> {
	const out = new Set<string>();
	for (const [file, columns] of PERSONAL) {
		const text = readFileSync(`${DIR}/${file}`, 'utf8').replace(/^\uFEFF/, '');
		const lines = text.split(/\r?\n/).filter((l) => l !== '');
		const delimiter = lines[0]!.includes(';') ? ';' : ',';
		const header = lines[0]!.split(delimiter);
		for (const line of lines.slice(1)) {
			const cells = line.split(delimiter);
			for (const c of columns) {
				const v = cells[header.indexOf(c)]?.trim();
				if (v) out.add(v.toUpperCase());
			}
		}
	}
	return out;
}

describe('unused personal-data columns never reach DuckDB', () => {
	it('no value of any table in the engine is a name, BSN, phone, address, postcode or contract number', async () => {
		const personal = personalValues();
		expect(personal.size).toBeGreaterThan(1000);
		const tables = await db.query<{ table_name: string }>(
			'SELECT table_name FROM duckdb_tables() ORDER BY 1'
		);
		expect(tables.map((t) => t.table_name)).toEqual(
			expect.arrayContaining(['dossiers', 'gebeurtenissen'])
		);
		let checked = 0;
		for (const { table_name } of tables) {
			const columns = await db.query<{ column_name: string }>(
				'SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index',
				[table_name]
			);
			for (const { column_name } of columns) {
				// Identifiers from the engine's own catalog, quoted: no file content in this SQL.
				const values = await db.query<{ v: string | null }>(
					`SELECT DISTINCT CAST("${column_name.replaceAll('"', '""')}" AS VARCHAR) AS v FROM "${table_name.replaceAll('"', '""')}"`
				);
				for (const { v } of values) {
					if (v !== null)
						expect(personal.has(v.toUpperCase()), `${table_name}.${column_name}: ${v}`).toBe(false);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(1000);
		const columns = await db.query<{ table_name: string; column_name: string }>(
			"SELECT table_name, column_name FROM duckdb_columns() WHERE table_name IN ('dossiers', 'gebeurtenissen') ORDER BY table_name, column_index"
		);
		expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
			'dossiers.dk',
			'dossiers.dossier_id',
			'dossiers.corporatie',
			'dossiers.doelgroep',
			'dossiers.wijk',
			'dossiers.adres_sleutel',
			'gebeurtenissen.dk',
			'gebeurtenissen.datum',
			'gebeurtenissen.gebeurtenis',
			'gebeurtenissen.reden',
			'gebeurtenissen.uitkomst'
		]);
	});

	it('the loaded tables read back as exchange rows are the accepted rows', async () => {
		const rows = await exchangeRows(db);
		expect(rows.dossiers).toEqual(result.dossiers);
		expect(rows.events).toEqual(result.events);
		expect(rows.dossiers.every((d) => /^[0-9a-f]{32}$/.test(d.dossier_id))).toBe(true);
	});
});
