/**
 * Source profiles (shared/spec/source-profiles.md): the profile file's validation, value specs,
 * the shapes `breed` and `lang`, Excel serial dates, keyed pseudonymisation (the spec's test
 * vectors), `overgeslagen` and the personal-data rules. Every count below is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { importSources, type SourceFile } from '../../../../src/lib/import/pipeline';
import { excelSerialToIso } from '../../../../src/lib/import/profiles/excel-dates';
import { parseProfile, type SourceProfile } from '../../../../src/lib/import/profiles/format';
import {
	addressMessage,
	pseudonymMessage,
	webCryptoPseudonymiser,
	keyFingerprint,
	keyProblem,
	normalizeKey
} from '../../../../src/lib/import/profiles/pseudonym';
import { nodePseudonymiser } from '../../../../src/lib/import/profiles/pseudonym-node';
import { tablesToXlsx } from '../../../../src/lib/report/xlsx';
import { bytes, win1252 } from '../helpers';

const KEY = 'werkgroep-haarlem-2015-evaluatie';
const today = '2026-01-01';

const WIDE = {
	formaat: 'huisuitzettingen-bronprofiel/1',
	naam: 'Ymere huurincasso-export',
	vorm: 'breed',
	dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: true },
	corporatie: { waarde: 'Ymere' },
	doelgroep: {
		kolom: 'Huishoudtype',
		waarden: { 'Gezin met kinderen': 'gezin_met_kinderen', '65+': 'senior' },
		anders: 'overig'
	},
	wijk: { kolom: 'Wijk' },
	gebeurtenissen: [
		{ gebeurtenis: 'achterstand_1m', kolom: 'Datum 1 mnd achterstand' },
		{ gebeurtenis: 'vonnis', kolom: 'Vonnis' },
		{
			gebeurtenis: 'ontruiming',
			kolom: 'Ontruimingsdatum',
			reden: { kolom: 'Reden ontruiming', waarden: { Huurschuld: 'huurachterstand' } }
		}
	]
};

const LONG = {
	formaat: 'huisuitzettingen-bronprofiel/1',
	naam: 'Schulddienstverlening, activiteiten',
	vorm: 'lang',
	dossier_id: { kolommen: ['Huurcontract'], pseudonimiseren: true },
	datum: { kolom: 'Datum' },
	gebeurtenis: {
		kolom: 'Activiteit',
		waarden: {
			'Aanmelding via verhuurder': 'melding_sdv',
			'Uitnodiging verstuurd': 'uitnodiging_sdv',
			'Telefonisch contact': null
		}
	}
};

function profile(json: unknown): SourceProfile {
	const out = parseProfile(JSON.stringify(json), 'test.profiel.json');
	if (!out.ok) throw new Error(out.message);
	return out.profile;
}

const source = (name: string, text: string, p?: unknown): SourceFile => ({
	name,
	bytes: bytes(text),
	profile: p === undefined ? null : profile(p)
});

const run = (files: SourceFile[], key: string | null = KEY) =>
	importSources(files, { today, pseudonymiser: key === null ? null : nodePseudonymiser(key) });

describe('pseudonymisation (the spec’s test vectors)', () => {
	const vectors: [string[], string, string][] = [
		[['YM-0001234'], 'YM-0001234', '37eb2344547604c29476ff28b7f4e8b1'],
		[[' YM 0001234', '3011 ad'], 'YM0001234|3011AD', 'f4f483cf069f2271fecdc05ab00a843b']
	];
	it.each(vectors)(
		'%j → message %s → %s (node:crypto and Web Crypto)',
		async (values, message, hex) => {
			expect(pseudonymMessage(values)).toBe(message);
			expect(await nodePseudonymiser(KEY)([message])).toEqual([hex]);
			expect(await (await webCryptoPseudonymiser(KEY))([message])).toEqual([hex]);
		}
	);

	it('the key is trimmed: a line ending, a pasted space or a BOM changes nothing', async () => {
		for (const given of [`${KEY}\n`, `  ${KEY}\t`, `\uFEFF${KEY}\r\n`]) {
			expect(normalizeKey(given)).toBe(KEY);
			expect(await nodePseudonymiser(given)(['YM-0001234'])).toEqual([
				'37eb2344547604c29476ff28b7f4e8b1'
			]);
			expect(await (await webCryptoPseudonymiser(given))(['YM-0001234'])).toEqual([
				'37eb2344547604c29476ff28b7f4e8b1'
			]);
			expect(await keyFingerprint(given)).toBe('d1caeaac');
		}
		expect(keyProblem(' '.repeat(20) + 'kort')).not.toBeNull();
	});

	it('the fingerprint of the spec’s test key is d1caeaac; another key has another', async () => {
		expect(await keyFingerprint(KEY)).toBe('d1caeaac');
		expect(await keyFingerprint(`${KEY}-2`)).not.toBe('d1caeaac');
	});

	it('the address key: the spec’s test vectors, with and without an addition', async () => {
		const cases: [string, string, string | undefined, string, string][] = [
			['2011 rd', '12', 'a', 'ADRES|2011RD|12|A', '4fb8234058cac101594025b34c6476f8'],
			['2011 rd', '12', undefined, 'ADRES|2011RD|12|', '168a1b435661b79565def24c4e1e5767'],
			[' 2011RD ', ' 12', ' A ', 'ADRES|2011RD|12|A', '4fb8234058cac101594025b34c6476f8']
		];
		for (const [postcode, huisnummer, toevoeging, message, hex] of cases) {
			expect(addressMessage(postcode, huisnummer, toevoeging)).toBe(message);
			expect(await nodePseudonymiser(KEY)([message])).toEqual([hex]);
			expect(await (await webCryptoPseudonymiser(KEY))([message])).toEqual([hex]);
		}
	});

	it('a different key gives a different pseudonym', async () => {
		const [a] = await nodePseudonymiser(KEY)(['YM-0001234']);
		const [b] = await nodePseudonymiser(`${KEY}-2`)(['YM-0001234']);
		expect(a).not.toBe(b);
	});
});

describe('Excel serial dates (1900 date system)', () => {
	const cases: [string, string | null][] = [
		['1', '1900-01-01'],
		['59', '1900-02-28'],
		['60', null],
		['61', '1900-03-01'],
		['42005', '2015-01-01'],
		['42064', '2015-03-01'],
		['42064.75', '2015-03-01'],
		['0', null],
		['-3', null],
		['2015-03-01', null],
		['4e4', null]
	];
	it.each(cases)('%s → %s', (serial, iso) => expect(excelSerialToIso(serial)).toBe(iso));
});

describe('the profile file itself: a wrong profile names the key', () => {
	const bad: [string, (p: Record<string, unknown>) => unknown, string][] = [
		['no JSON', () => '{', 'geen geldige JSON'],
		['other format', (p) => ({ ...p, formaat: 'bronprofiel/2' }), '‘formaat’'],
		['no naam', (p) => ({ ...p, naam: '' }), '‘naam’'],
		['unknown vorm', (p) => ({ ...p, vorm: 'smal' }), '‘vorm’'],
		['no id columns', (p) => ({ ...p, dossier_id: { kolommen: [] } }), '‘dossier_id.kolommen’'],
		[
			'pseudonimiseren not boolean',
			(p) => ({ ...p, dossier_id: { kolommen: ['A'], pseudonimiseren: 'ja' } }),
			'‘dossier_id.pseudonimiseren’'
		],
		['breed without doelgroep', (p) => ({ ...p, doelgroep: undefined }), '‘doelgroep’'],
		[
			'unknown doelgroep code in waarden',
			(p) => ({ ...p, doelgroep: { kolom: 'H', waarden: { '65+': 'bejaard' } } }),
			'‘doelgroep.waarden.65+’'
		],
		[
			'unknown anders',
			(p) => ({ ...p, doelgroep: { kolom: 'H', anders: 'alleenstaand' } }),
			'‘doelgroep.anders’'
		],
		[
			'unknown event code',
			(p) => ({ ...p, gebeurtenissen: [{ gebeurtenis: 'brief', kolom: 'X' }] }),
			'‘gebeurtenissen.0.gebeurtenis’'
		],
		[
			'reden on another code',
			(p) => ({
				...p,
				gebeurtenissen: [{ gebeurtenis: 'vonnis', kolom: 'X', reden: { waarde: 'overlast' } }]
			}),
			'‘gebeurtenissen.0.reden’'
		],
		['unknown key', (p) => ({ ...p, kolommen: [] }), '‘kolommen’'],
		[
			'null only for activities',
			(p) => ({ ...p, doelgroep: { kolom: 'H', waarden: { x: null } } }),
			'‘doelgroep.waarden.x’'
		],
		['value spec without kolom or waarde', (p) => ({ ...p, wijk: {} }), '‘wijk’']
	];
	it.each(bad)('%s', (_, change, key) => {
		const changed = change(structuredClone(WIDE));
		const text = typeof changed === 'string' ? changed : JSON.stringify(changed);
		const out = parseProfile(text, 'ymere.profiel.json');
		expect(out.ok).toBe(false);
		if (!out.ok) {
			expect(out.message).toContain('ymere.profiel.json');
			expect(out.message).toContain(key);
		}
	});

	it('lang: corporatie without doelgroep is refused, both or none are fine', () => {
		const out = parseProfile(JSON.stringify({ ...LONG, corporatie: { waarde: 'Ymere' } }));
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.message).toContain('‘doelgroep’');
		expect(parseProfile(JSON.stringify(LONG)).ok).toBe(true);
	});

	it('codes in a profile are normalized as the exchange format reads them', () => {
		const p = profile({ ...WIDE, corporatie: { waarde: 'Pré Wonen' } });
		expect(p.corporatie).toEqual({ waarde: 'pre_wonen' });
	});
});

const WIDE_CSV = [
	'Huurcontractnummer;Naam huurder;Huishoudtype;Wijk;Datum 1 mnd achterstand;Vonnis;Ontruimingsdatum;Reden ontruiming',
	'YM-0001234;J. Jansen;Gezin met kinderen;Noord;01-03-2015;;;', // line 2: 1 event
	'YM-0001235;P. de Vries;65+;Oost;2015-03-02;2015-05-04;2015-06-01;Huurschuld', // line 3: 3 events
	';K. Bakker;Alleenstaand;Oost;2015-03-02;;2015-06-01;', // line 4: dossier rejected, 2 events rejected
	'YM-0001236;A. Smit;alleenstaande;Centrum;2015-02-30;;2015-06-02;Onbekende reden', // line 5
	'YM-0001234;J. Jansen;Gezin met kinderen;Noord;01-03-2015;;;' // line 6: duplicate dossier and event
].join('\r\n');

describe('breed: one row per dossier, a date column per step', () => {
	it('counts dossiers per row and events per non-empty mapped cell; a rejected dossier rejects its events', async () => {
		const result = await run([source('ymere.csv', WIDE_CSV, WIDE)]);
		expect(result.refused).toEqual([]);
		const [dossiers, events] = result.files;
		// Rows 2, 3, 5 accepted, 4 rejected (no contract number), 6 a duplicate of 2.
		expect(dossiers!.role).toBe('dossiers');
		expect(dossiers!.counts).toMatchObject({
			gelezen: 5,
			geaccepteerd: 3,
			dubbel: 1,
			geweigerd: 1
		});
		expect(dossiers!.rejected[0]).toMatchObject({
			line: 4,
			column: 'Huurcontractnummer',
			code: 'waarde_ontbreekt'
		});
		// Events: line 2: 1, line 3: 3, line 4: 2 (rejected with its dossier), line 5: 2 (invalid
		// date rejected; eviction with an unknown reason accepted with a warning), line 6: 1 duplicate.
		expect(events!.role).toBe('gebeurtenissen');
		expect(events!.counts).toMatchObject({ gelezen: 9, geaccepteerd: 5, dubbel: 1, geweigerd: 3 });
		const rejected = events!.rejected.map((r) => [r.line, r.column, r.code]);
		expect(rejected).toEqual([
			[4, 'Datum 1 mnd achterstand', 'dossier_geweigerd'],
			[4, 'Ontruimingsdatum', 'dossier_geweigerd'],
			[5, 'Datum 1 mnd achterstand', 'ongeldige_datum']
		]);
		const ids = await nodePseudonymiser(KEY)(['YM-0001234', 'YM-0001235', 'YM-0001236']);
		expect(result.dossiers).toEqual([
			{ dossier_id: ids[0], corporatie: 'ymere', doelgroep: 'gezin_met_kinderen', wijk: 'Noord' },
			{ dossier_id: ids[1], corporatie: 'ymere', doelgroep: 'senior', wijk: 'Oost' },
			{ dossier_id: ids[2], corporatie: 'ymere', doelgroep: 'overig', wijk: 'Centrum' }
		]);
		const eviction = result.events.find(
			(e) => e.dossier_id === ids[1] && e.gebeurtenis === 'ontruiming'
		);
		expect(eviction).toMatchObject({ datum: '2015-06-01', reden: 'huurachterstand' });
		const unknownReason = events!.warnings.find((w) => w.code === 'reden_onbekend');
		expect(unknownReason).toMatchObject({ line: 5, column: 'Reden ontruiming' });
	});

	it('unused columns are never loaded; those that look like personal data are marked', async () => {
		const result = await run([source('ymere.csv', WIDE_CSV, WIDE)]);
		const report = result.files[0]!;
		expect(report.unknownColumns).toEqual(['Naam huurder']);
		expect(report.personalDataNotLoaded.map((f) => [f.column, f.reason])).toEqual([
			['Naam huurder', 'kolomnaam']
		]);
		const everything = JSON.stringify(result);
		for (const secret of ['Jansen', 'de Vries', 'YM-0001234', 'YM-0001235', 'Bakker'])
			expect(everything).not.toContain(secret);
	});

	it('a column the profile names that the file lacks refuses the file, naming column and profile', async () => {
		const text = WIDE_CSV.replace('Vonnis;', 'Uitspraak;');
		const result = await run([source('ymere.csv', text, WIDE)]);
		expect(result.files).toEqual([]);
		expect(result.refused[0]!.code).toBe('kolom_ontbreekt');
		expect(result.refused[0]!.message).toContain('‘Vonnis’');
		expect(result.refused[0]!.message).toContain('Ymere huurincasso-export');
	});

	it('columns are found by the header rule (case, spaces and hyphens)', async () => {
		const text = WIDE_CSV.replace('Datum 1 mnd achterstand', 'DATUM-1-MND-ACHTERSTAND');
		const result = await run([source('ymere.csv', text, WIDE)]);
		expect(result.refused).toEqual([]);
		expect(result.totals.gebeurtenissen.geaccepteerd).toBe(5);
	});

	it('a pseudonymising profile without a key is refused with a message that asks for it', async () => {
		const result = await run([source('ymere.csv', WIDE_CSV, WIDE)], null);
		expect(result.refused[0]!.code).toBe('sleutel_ontbreekt');
		expect(result.refused[0]!.message).toMatch(/sleutel/);
	});

	it('personal data in a used column refuses the file; the pseudonymised id column is not screened', async () => {
		const p = { ...WIDE, wijk: { kolom: 'Naam huurder' } };
		const result = await run([source('ymere.csv', WIDE_CSV, p)]);
		expect(result.refused[0]!.code).toBe('persoonsgegevens');
		expect(result.refused[0]!.personalData.map((f) => f.column)).toEqual(['Naam huurder']);
		// Without pseudonymisation the contract-number column is screened like any other.
		const plain = {
			...WIDE,
			dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: false }
		};
		const out = await run([source('ymere.csv', WIDE_CSV, plain)], null);
		expect(out.refused[0]!.code).toBe('persoonsgegevens');
		expect(out.refused[0]!.personalData.map((f) => f.column)).toEqual(['Huurcontractnummer']);
	});
});

const LONG_CSV = [
	'Huurcontract,Datum,Activiteit,Medewerker,BSN',
	'YM-0001234,2015-03-20,Aanmelding via verhuurder,Els,111222333', // melding_sdv
	'ym 0001234,2015-03-24,Telefonisch contact,Els,111222333', // skipped
	'YM-0001234,2015-03-27,Uitnodiging verstuurd,Els,111222333', // uitnodiging_sdv
	'YM-0001234,2015-03-30,intake_sdv,Els,111222333', // the cell itself: a code
	'YM-0001234,2015-04-02,Huisbezoek gepland,Els,111222333', // unknown label: rejected
	'YM-9999999,2015-04-02,Uitnodiging verstuurd,Els,111222333' // unknown dossier: rejected
].join('\n');

describe('lang: one row per activity, labels to codes or skipped', () => {
	it('counts overgeslagen, matches the pseudonyms of another party, refuses nothing for the BSN column it does not use', async () => {
		const result = await run([
			source('ymere.csv', WIDE_CSV, WIDE),
			source('sdv.csv', LONG_CSV, LONG)
		]);
		expect(result.refused).toEqual([]);
		const sdv = result.files.find((f) => f.name === 'sdv.csv')!;
		expect(sdv.role).toBe('gebeurtenissen');
		expect(sdv.counts).toEqual({
			gelezen: 6,
			geaccepteerd: 3,
			waarschuwingen: 0,
			dubbel: 0,
			geweigerd: 2,
			overgeslagen: 1
		});
		expect(sdv.rejected.map((r) => [r.line, r.column, r.code])).toEqual([
			[6, 'Activiteit', 'onbekende_gebeurtenis'],
			[7, 'Huurcontract', 'onbekend_dossier']
		]);
		expect(sdv.personalDataNotLoaded.map((f) => [f.column, f.reason])).toEqual([
			['BSN', 'kolomnaam'],
			['BSN', 'bsn']
		]);
		const [id] = await nodePseudonymiser(KEY)(['YM-0001234']);
		const codes = result.events.filter((e) => e.dossier_id === id).map((e) => e.gebeurtenis);
		expect(codes).toEqual(['achterstand_1m', 'melding_sdv', 'uitnodiging_sdv', 'intake_sdv']);
		expect(JSON.stringify(result)).not.toContain('111222333');
		expect(result.totals.gebeurtenissen.overgeslagen).toBe(1);
	});

	it('with corporatie and doelgroep a long file defines its dossiers, as a combined file', async () => {
		const p = {
			...LONG,
			// An unpseudonymised id column: named as a dossier, not a contract (that is personal data).
			dossier_id: { kolommen: ['Dossier'], pseudonimiseren: false },
			corporatie: { waarde: 'Elan Wonen' },
			doelgroep: { waarde: 'oggz' }
		};
		const text = [
			'Dossier;Datum;Activiteit',
			'E1;20-03-2015;achterstand_1m',
			'E1;24-03-2015;Telefonisch contact'
		].join('\n');
		const result = await run([source('elan.csv', text, p)], null);
		expect(result.files[0]!.role).toBe('gecombineerd');
		expect(result.files[0]!.counts).toMatchObject({ gelezen: 2, geaccepteerd: 1, overgeslagen: 1 });
		expect(result.dossiers).toEqual([
			{ dossier_id: 'E1', corporatie: 'elan_wonen', doelgroep: 'oggz', wijk: null }
		]);
	});
});

describe('value specs: label table, then the cell itself, then anders, then the exchange rule', () => {
	const p = (doelgroep: unknown) => ({
		...WIDE,
		dossier_id: { kolommen: ['Id'], pseudonimiseren: false },
		wijk: undefined,
		doelgroep,
		gebeurtenissen: [{ gebeurtenis: 'achterstand_1m', kolom: 'Datum' }]
	});
	const cases: [string, unknown, string, string | null][] = [
		[
			'label (case, spaces, hyphens)',
			{ kolom: 'Groep', waarden: { 'Gezin met kinderen': 'gezin_met_kinderen' } },
			' GEZIN-MET kinderen ',
			'gezin_met_kinderen'
		],
		['the cell itself', { kolom: 'Groep', waarden: { x: 'senior' } }, 'OGGZ', 'oggz'],
		['anders', { kolom: 'Groep', anders: 'overig' }, 'Alleenstaand', 'overig'],
		['anders for an empty cell', { kolom: 'Groep', anders: 'overig' }, '', 'overig'],
		['no rule: rejected', { kolom: 'Groep' }, 'Alleenstaand', null],
		['one value', { waarde: 'Senior' }, 'whatever', 'senior']
	];
	it.each(cases)('%s', async (_, spec, cell, expected) => {
		const text = `Id;Groep;Datum\nA1;${cell};2015-03-01\n`;
		const result = await run([source('x.csv', text, p(spec))], null);
		if (expected === null) {
			expect(result.files[0]!.rejected[0]).toMatchObject({
				code: 'onbekende_doelgroep',
				column: 'Groep'
			});
		} else expect(result.dossiers[0]!.doelgroep).toBe(expected);
	});
});

describe('workbooks through a profile', () => {
	it('reads the named sheet; date cells are dates and numbers in a date column are Excel serials', async () => {
		const xlsx = await tablesToXlsx([
			{ sheet: 'Toelichting', header: ['Export van'], rows: [['2016-01-01']] },
			{
				sheet: 'Export',
				header: ['Contract', 'Type', 'Signaal', 'Vonnis'],
				rows: [
					['P-1', 'Gezin met kinderen', 42064, '04-05-2015'],
					['P-2', '65+', '2015-03-02', 42128]
				]
			}
		]);
		const p = profile({
			...WIDE,
			werkblad: 'Export',
			dossier_id: { kolommen: ['Contract'], pseudonimiseren: false },
			corporatie: { waarde: 'Pré Wonen' },
			doelgroep: {
				kolom: 'Type',
				waarden: { 'Gezin met kinderen': 'gezin_met_kinderen', '65+': 'senior' }
			},
			wijk: undefined,
			gebeurtenissen: [
				{ gebeurtenis: 'achterstand_1m', kolom: 'Signaal' },
				{ gebeurtenis: 'vonnis', kolom: 'Vonnis' }
			]
		});
		const result = await importSources([{ name: 'pw.xlsx', bytes: xlsx, profile: p }], { today });
		expect(result.refused).toEqual([]);
		expect(result.events.map((e) => [e.dossier_id, e.gebeurtenis, e.datum])).toEqual([
			['P-1', 'achterstand_1m', '2015-03-01'],
			['P-1', 'vonnis', '2015-05-04'],
			['P-2', 'achterstand_1m', '2015-03-02'],
			['P-2', 'vonnis', '2015-05-04']
		]);
		const missing = profile({ ...WIDE, werkblad: 'Blad9' });
		const out = await importSources([{ name: 'pw.xlsx', bytes: xlsx, profile: missing }], {
			today
		});
		expect(out.refused[0]).toMatchObject({ code: 'werkblad_ontbreekt' });
	});

	it('a serial in a CSV date column stays an invalid date', async () => {
		const p = {
			...WIDE,
			dossier_id: { kolommen: ['Id'], pseudonimiseren: false },
			doelgroep: { waarde: 'senior' },
			wijk: undefined,
			gebeurtenissen: [{ gebeurtenis: 'achterstand_1m', kolom: 'Datum' }]
		};
		const result = await run([source('x.csv', 'Id;Datum\nA1;42064\n', p)], null);
		expect(result.files[1]!.rejected[0]).toMatchObject({
			code: 'ongeldige_datum',
			column: 'Datum'
		});
	});
});

describe('a profile file with stray Windows-1252 lines', () => {
	it('reads those lines as Windows-1252 and warns on exactly their rows, in both tables', async () => {
		const header =
			'Huurcontractnummer;Huishoudtype;Wijk;Datum 1 mnd achterstand;Vonnis;Ontruimingsdatum;Reden ontruiming\n';
		const input = Uint8Array.from([
			...bytes(`${header}YM-1;65+;Centrum é;2015-01-10;;;\n`),
			...win1252('YM-2;65+;Schalkwijk é;2015-02-10;;;\n'),
			...bytes('YM-3;65+;Noord;2015-03-10;;;\n')
		]);
		const result = await run([{ name: 'ymere.csv', bytes: input, profile: profile(WIDE) }]);
		expect(result.refused).toEqual([]);
		expect(result.dossiers.map((d) => d.wijk)).toEqual(['Centrum é', 'Schalkwijk é', 'Noord']);
		for (const role of ['dossiers', 'gebeurtenissen'] as const) {
			const report = result.files.find((f) => f.role === role)!;
			expect(report.windows1252Lines, role).toEqual([3]);
			const mixed = report.warnings.filter((w) => w.code === 'tekens_windows_1252');
			expect(
				mixed.map((w) => w.line),
				role
			).toEqual([3]);
		}
	});
});
