/**
 * A source profile's `adres` (ddas-schuldhulpverlening.md, "The chain"): the postcode, house
 * number and addition become the dossier's `adres_sleutel` with the werkgroep key (the spec's test
 * vectors), the raw columns are never loaded, screened, shown or written; a profile with `adres`
 * needs the key; a row without postcode or house number gets no key and a warning. Every count
 * is worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../../src/lib/db/node';
import type { Database } from '../../../../src/lib/db/database';
import { importFiles } from '../../../../src/lib/import';
import { exchangeCsv } from '../../../../src/lib/import/exchange-csv';
import { importSources, type SourceFile } from '../../../../src/lib/import/pipeline';
import { draftFromProfile, buildProfile } from '../../../../src/lib/import/profiles/draft';
import { parseProfile, type SourceProfile } from '../../../../src/lib/import/profiles/format';
import { webCryptoPseudonymiser } from '../../../../src/lib/import/profiles/pseudonym';
import { nodePseudonymiser } from '../../../../src/lib/import/profiles/pseudonym-node';
import { rejectedRowsCsv } from '../../../../src/lib/import/rejected-csv';
import { loadData } from '../../../../src/lib/metrics/load';
import { issueSentences } from '../../../../src/lib/report/incomplete';
import { bytes, file } from '../helpers';

const KEY = 'werkgroep-haarlem-2015-evaluatie';
const today = '2026-01-01';
/** The spec's vectors: (`2011 rd`, `12`, `a`) and (`2011RD`, `12`, no addition). */
const K1 = '4fb8234058cac101594025b34c6476f8';
const K2 = '168a1b435661b79565def24c4e1e5767';
/** The spec's pseudonym of `YM-0001234`. */
const ID1 = '37eb2344547604c29476ff28b7f4e8b1';

const WIDE = {
	formaat: 'huisuitzettingen-bronprofiel/1',
	naam: 'Ymere met adres',
	vorm: 'breed',
	dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: true },
	corporatie: { waarde: 'Ymere' },
	doelgroep: { kolom: 'Huishoudtype', waarden: { '65+': 'senior' } },
	adres: { postcode: 'Postcode', huisnummer: 'Huisnummer', toevoeging: 'Toev.' },
	gebeurtenissen: [
		{ gebeurtenis: 'achterstand_1m', kolom: 'Datum 1 mnd achterstand' },
		{ gebeurtenis: 'vonnis', kolom: 'Vonnis' }
	]
};

/**
 * Line 2: the first vector; 3: the second (no addition); 4: no postcode; 5: a house number of
 * spaces; 6: an unknown doelgroep (the row and its event rejected).
 */
const WIDE_CSV = [
	'Huurcontractnummer;Postcode;Huisnummer;Toev.;Huishoudtype;Datum 1 mnd achterstand;Vonnis',
	'YM-0001234;2011 rd;12;a;65+;01-03-2015;',
	'YM-0001235;2011RD;12;;gezin_met_kinderen;01-04-2015;01-09-2015',
	'YM-0001236;;14;;65+;01-05-2015;',
	'YM-0001237;3011 AD;  ;B;65+;01-05-2015;',
	'YM-0001238;3011 AD;7;;student;01-06-2015;'
].join('\r\n');

function profile(json: unknown): SourceProfile {
	const out = parseProfile(JSON.stringify(json), 'adres.profiel.json');
	if (!out.ok) throw new Error(out.message);
	return out.profile;
}

const source = (name: string, text: string, p: unknown): SourceFile => ({
	name,
	bytes: bytes(text),
	profile: profile(p)
});

const run = (files: SourceFile[], key: string | null = KEY) =>
	importSources(files, { today, pseudonymiser: key === null ? null : nodePseudonymiser(key) });

/** Every raw address value of WIDE_CSV (the column names may be named: a warning names its column). */
const RAW = ['2011 rd', '2011RD', '2011 RD', '2011', '3011 AD', '3011AD', '3011'];

describe('breed with adres: the spec’s address keys on the dossiers', () => {
	it('gives each dossier its key; without postcode or house number none, with a warning', async () => {
		const result = await run([source('ymere.csv', WIDE_CSV, WIDE)]);
		expect(result.refused).toEqual([]);
		const [dossiers, events] = result.files;
		// 5 read: lines 2–5 accepted (4 and 5 with a warning), line 6 rejected.
		expect(dossiers!.counts).toEqual({
			gelezen: 5,
			geaccepteerd: 4,
			waarschuwingen: 2,
			dubbel: 0,
			geweigerd: 1,
			overgeslagen: 0
		});
		// 6 filled date cells: 5 achterstand_1m and 1 vonnis; line 6's is rejected with its dossier.
		expect(events!.counts).toEqual({
			gelezen: 6,
			geaccepteerd: 5,
			waarschuwingen: 0,
			dubbel: 0,
			geweigerd: 1,
			overgeslagen: 0
		});
		const ids = await nodePseudonymiser(KEY)(['YM-0001235', 'YM-0001236', 'YM-0001237']);
		expect(result.dossiers.map((d) => [d.dossier_id, d.adres_sleutel ?? null])).toEqual([
			[ID1, K1],
			[ids[0], K2],
			[ids[1], null],
			[ids[2], null]
		]);
		expect(dossiers!.warnings.map((w) => [w.line, w.column, w.code, w.message])).toEqual([
			[
				4,
				'Postcode',
				'adres_onvolledig',
				`ymere.csv, regel 4, kolom Postcode: postcode ontbreekt; dossier ‘${ids[1]}’ krijgt geen adressleutel en telt niet mee in de keten`
			],
			[
				5,
				'Huisnummer',
				'adres_onvolledig',
				`ymere.csv, regel 5, kolom Huisnummer: huisnummer ontbreekt; dossier ‘${ids[2]}’ krijgt geen adressleutel en telt niet mee in de keten`
			]
		]);
	});

	it('the report says it in words', async () => {
		const result = await run([source('ymere.csv', WIDE_CSV, WIDE)]);
		expect(issueSentences(result.files)).toContain(
			'2 dossiers zonder volledig adres (postcode en huisnummer): ze krijgen geen adressleutel'
		);
	});

	it('Web Crypto (the page) gives the same keys as node:crypto (the command line)', async () => {
		const result = await importSources([source('ymere.csv', WIDE_CSV, WIDE)], {
			today,
			pseudonymiser: await webCryptoPseudonymiser(KEY)
		});
		expect(result.dossiers.map((d) => d.adres_sleutel ?? null)).toEqual([K1, K2, null, null]);
	});

	it('the address columns are not screened, not shown and in no output', async () => {
		const result = await run([source('ymere.csv', WIDE_CSV, WIDE)]);
		const [dossiers] = result.files;
		// Postcodes under a header `Postcode`: any other used column would refuse the file.
		expect(result.refused).toEqual([]);
		expect(dossiers!.unknownColumns).toEqual([]);
		expect(dossiers!.personalDataNotLoaded).toEqual([]);
		const rejected = dossiers!.rejected[0]!;
		expect(rejected).toMatchObject({
			line: 6,
			column: 'Huishoudtype',
			code: 'onbekende_doelgroep'
		});
		expect(Object.keys(rejected.values)).toEqual([
			'dossier_id',
			'Huishoudtype',
			'Datum 1 mnd achterstand',
			'Vonnis'
		]);
		const csv = exchangeCsv(result);
		for (const text of [
			JSON.stringify(result),
			csv.dossiers,
			csv.gebeurtenissen,
			...result.files.map((f) => rejectedRowsCsv(f))
		]) {
			for (const raw of RAW) expect(text).not.toContain(raw);
		}
		expect(csv.dossiers.split('\r\n')[0]).toBe(
			'\uFEFFdossier_id;corporatie;doelgroep;wijk;adres_sleutel'
		);
	});

	it('the exchange files written read back to the same dossiers and keys', async () => {
		const result = await run([source('ymere.csv', WIDE_CSV, WIDE)]);
		const csv = exchangeCsv(result);
		const back = importFiles(
			[file('dossiers.csv', csv.dossiers), file('gebeurtenissen.csv', csv.gebeurtenissen)],
			{ today }
		);
		expect(back.refused).toEqual([]);
		expect(back.dossiers).toEqual(result.dossiers);
		expect(back.events).toEqual(result.events);
	});
});

describe('the key', () => {
	it('a profile with adres and no key is refused as a pseudonymising one is, asking for it', async () => {
		const plain = {
			...WIDE,
			dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: false }
		};
		const refused = (await run([source('ymere.csv', WIDE_CSV, plain)], null)).refused;
		expect(refused.map((f) => [f.code, f.message])).toEqual([
			[
				'sleutel_ontbreekt',
				'ymere.csv: profiel ‘Ymere met adres’ maakt een adressleutel van het adres; geef de sleutel van de werkgroep om dit bestand in te lezen.'
			]
		]);
		const both = (await run([source('ymere.csv', WIDE_CSV, WIDE)], null)).refused;
		expect(both[0]!.message).toBe(
			'ymere.csv: profiel ‘Ymere met adres’ pseudonimiseert het dossier_id en maakt een adressleutel; geef de sleutel van de werkgroep om dit bestand in te lezen.'
		);
	});

	it('without pseudonymisation the id column is screened as usual; the address columns are not', async () => {
		const plain = {
			...WIDE,
			dossier_id: { kolommen: ['Dossier'], pseudonimiseren: false }
		};
		const text = WIDE_CSV.replace('Huurcontractnummer', 'Dossier').replaceAll('YM-', 'D');
		const result = await run([source('ymere.csv', text, plain)]);
		expect(result.refused).toEqual([]);
		expect(result.dossiers.map((d) => [d.dossier_id, d.adres_sleutel ?? null])).toEqual([
			['D0001234', K1],
			['D0001235', K2],
			['D0001236', null],
			['D0001237', null]
		]);
	});
});

describe('lang with corporatie, doelgroep and adres: a combined file', () => {
	const LONG = {
		formaat: 'huisuitzettingen-bronprofiel/1',
		naam: 'Elan activiteiten',
		vorm: 'lang',
		dossier_id: { kolommen: ['Dossier'] },
		corporatie: { waarde: 'Elan Wonen' },
		doelgroep: { waarde: 'oggz' },
		adres: { postcode: 'PC', huisnummer: 'Nr' },
		datum: { kolom: 'Datum' },
		gebeurtenis: { kolom: 'Activiteit' }
	};

	it('the defining row gives the key; a later row with another address is a conflict', async () => {
		const text = [
			'Dossier,PC,Nr,Datum,Activiteit',
			'E1,2011RD,12,2015-03-01,achterstand_1m',
			'E1,2011 rd,12,2015-04-01,contact',
			'E1,3011AD,12,2015-05-01,contact',
			'E2,,5,2015-03-01,achterstand_1m',
			'E2,,5,2015-04-01,contact'
		].join('\n');
		const result = await run([source('elan.csv', text, LONG)]);
		expect(result.refused).toEqual([]);
		const [combined] = result.files;
		expect(combined!.role).toBe('gecombineerd');
		// 5 read: line 4 conflicts (another address); lines 2, 3, 5, 6 accepted; line 5 warned.
		expect(combined!.counts).toEqual({
			gelezen: 5,
			geaccepteerd: 4,
			waarschuwingen: 1,
			dubbel: 0,
			geweigerd: 1,
			overgeslagen: 0
		});
		expect(combined!.rejected.map((i) => [i.line, i.column, i.code])).toEqual([
			[4, 'PC + Nr', 'tegenstrijdig_dossier']
		]);
		expect(combined!.warnings.map((i) => [i.line, i.column, i.code])).toEqual([
			[5, 'PC', 'adres_onvolledig']
		]);
		expect(result.dossiers.map((d) => [d.dossier_id, d.adres_sleutel ?? null])).toEqual([
			['E1', K2],
			['E2', null]
		]);
		// The conflict names the keys, never the addresses.
		for (const raw of ['2011', '3011']) expect(JSON.stringify(result)).not.toContain(raw);
	});
});

describe('the profile file', () => {
	const invalid = (json: unknown) => {
		const out = parseProfile(JSON.stringify(json), 'p.json');
		return out.ok ? null : out.message;
	};

	it('adres needs postcode and huisnummer; toevoeging is optional; no other keys', () => {
		expect(invalid({ ...WIDE, adres: { postcode: 'Postcode' } })).toBe(
			'p.json: ongeldig profiel: ‘adres.huisnummer’ is verplicht (een kolomnaam).'
		);
		expect(invalid({ ...WIDE, adres: { postcode: 'Postcode', huisnummer: 'Huisnummer' } })).toBe(
			null
		);
		expect(invalid({ ...WIDE, adres: { postcode: 'P', huisnummer: 'H', straat: 'S' } })).toContain(
			'‘adres.straat’ is geen sleutel van ‘adres’'
		);
	});

	it('an address column fills only the address key (or a pseudonymised id)', () => {
		expect(invalid({ ...WIDE, wijk: { kolom: 'Postcode' } })).toBe(
			'p.json: ongeldig profiel: ‘wijk.kolom’ gebruikt kolom ‘Postcode’, een adreskolom van het profiel (adres); een adreskolom mag alleen de adressleutel vullen.'
		);
		expect(
			invalid({ ...WIDE, dossier_id: { kolommen: ['Postcode'], pseudonimiseren: false } })
		).toContain('‘dossier_id.kolommen.0’ gebruikt kolom ‘Postcode’');
		expect(
			invalid({
				...WIDE,
				dossier_id: { kolommen: ['Huurcontractnummer', 'Postcode'], pseudonimiseren: true }
			})
		).toBe(null);
	});

	it('lang takes adres only with corporatie and doelgroep', () => {
		const long = {
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'SDV',
			vorm: 'lang',
			dossier_id: { kolommen: ['Dossier'] },
			adres: { postcode: 'PC', huisnummer: 'Nr' },
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Activiteit' }
		};
		expect(invalid(long)).toBe(
			'p.json: ongeldig profiel: ‘adres’ mag bij vorm ‘lang’ alleen samen met corporatie en doelgroep.'
		);
	});

	it('survives the mapping screen’s draft unchanged (a repair keeps the address)', () => {
		const p = profile(WIDE);
		const draft = draftFromProfile(p, 'ymere.csv', () => [], null);
		const rebuilt = buildProfile(draft);
		expect(rebuilt.ok && rebuilt.profile.adres).toEqual(WIDE.adres);
	});
});

describe('into DuckDB', () => {
	let db: Database;
	beforeAll(async () => {
		db = await openNodeDatabase();
	}, 60_000);
	afterAll(async () => {
		await db.close();
	});

	it('dossiers.adres_sleutel holds the keys, NULL where the address was incomplete', async () => {
		const result = await run([source('ymere.csv', WIDE_CSV, WIDE)]);
		await loadData(db, result);
		const rows = await db.query<{ adres_sleutel: string | null }>(
			'SELECT adres_sleutel FROM dossiers ORDER BY dk'
		);
		expect(rows.map((r) => r.adres_sleutel)).toEqual([K1, K2, null, null]);
	});
});
