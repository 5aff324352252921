/**
 * Held-out tests of the personal-data guard (exchange-format.md, "Personal data guard"), written
 * without reading the guard or its own tests. Each case is a small exchange-format file run
 * through the real import (`importFiles`), with its verdict: refused (code `persoonsgegevens`,
 * naming the column) or accepted. The rules: a phone number, BSN or postcode is a whole token,
 * never digits inside a longer alphanumeric token (so 32-hex pseudonyms always pass); a free-text
 * column and fields beyond the header width are refused on one eleven-proof number or one
 * postcode; a postcode as `wijk`, a BSN as `dossier_id` (even in one row) and person names as
 * `wijk` are refused; contract-number headers are personal data; e-mail, IBAN and phone numbers
 * are refused anywhere; a random 9-digit id column (about 1 in 11 eleven-proof by chance), dates,
 * amounts and codes are not. BSNs and IBANs are computed here (eleven-test, mod-97).
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import type { ImportResult, InputFile } from '../../../src/lib/import/types';
import { file } from './helpers';

const today = '2025-01-01';

// ---- BSN (eleven-test) and IBAN (mod-97), computed here ----

/** The eleven-test sum of the first eight digits: 9·d1 + 8·d2 + … + 2·d8. */
function elevenSum(first8: string): number {
	return [...first8].reduce((sum, d, i) => sum + Number(d) * (9 - i), 0);
}
/** True when the 9-digit text passes the BSN eleven-test (9·d1 + … + 2·d8 − d9 ≡ 0 mod 11). */
function elevenProof(nine: string): boolean {
	return /^\d{9}$/.test(nine) && (elevenSum(nine.slice(0, 8)) - Number(nine[8])) % 11 === 0;
}
/** A BSN: the eight digits with the check digit that passes the eleven-test. */
function bsn(first8: string): string {
	const check = elevenSum(first8) % 11;
	if (check === 10) throw new Error(`${first8}: no check digit passes; pick other digits`);
	const out = first8 + String(check);
	if (!elevenProof(out)) throw new Error(out);
	return out;
}
/** A 9-digit number with the same first eight digits that does NOT pass the eleven-test. */
function notBsn(first8: string): string {
	const out = first8 + String(((elevenSum(first8) % 11) + 1) % 10);
	if (elevenProof(out)) throw new Error(out);
	return out;
}
/** The remainder mod 97 of the IBAN's number (letters as 10–35), digit by digit. */
function mod97(text: string): number {
	let rest = 0;
	for (const ch of text.toUpperCase()) {
		const value = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
		for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
	}
	return rest;
}
/** A valid IBAN (mod-97 = 1) for the country and BBAN. */
function iban(country: string, bban: string): string {
	const check = 98 - mod97(bban + country + '00');
	const out = country + String(check).padStart(2, '0') + bban;
	if (mod97(out.slice(4) + out.slice(0, 4)) !== 1) throw new Error(out);
	return out;
}
/** The same IBAN with wrong check digits (mod-97 ≠ 1). */
function badIban(country: string, bban: string): string {
	const good = iban(country, bban);
	const wrong = ((Number(good.slice(2, 4)) + 1) % 97) + 2;
	const out = country + String(wrong).padStart(2, '0') + bban;
	if (mod97(out.slice(4) + out.slice(0, 4)) === 1) throw new Error(out);
	return out;
}
/** In groups of four, as IBANs are printed. */
const grouped = (text: string) => text.replace(/(.{4})(?=.)/g, '$1 ');

const BSN_A = bsn('12345678'); // 123456782
const BSN_B = bsn('23456789');
const BSN_C = bsn('11122233');
const BSN_D = bsn('30405061');
const NL_IBAN = iban('NL', 'RABO0123456789');
const NL_IBAN_2 = iban('NL', 'INGB0001234567');
const BE_IBAN = iban('BE', '539007547034');
const DE_IBAN = iban('DE', '370400440532013000');
const NL_BAD_IBAN = badIban('NL', 'ABNA0417164300');

/** A 32-character lower-case hex pseudonym built around the given part (filled with fixed hex). */
function hex32(part: string, at = 4): string {
	const fill = 'c3a9e17f5b2d8046f1e9a7c5b3d2e0f4a6c8e0b2d4f6a8c0';
	const out = (fill.slice(0, at) + part + fill).slice(0, 32);
	if (!/^[0-9a-f]{32}$/i.test(out)) throw new Error(out);
	return out;
}

// ---- Files ----

const DOSSIER_COLUMNS = ['dossier_id', 'corporatie', 'doelgroep', 'wijk'];
const CORPS = ['Ymere', 'Pré Wonen', 'Elan Wonen'];
const GROUPS = ['gezin_met_kinderen', 'senior', 'oggz', 'overig'];
const WIJKEN = ['Schalkwijk', 'Centrum', 'Noord', 'Oost', 'Zuid-West', 'Europawijk'];

/** A field as CSV with `;`, quoted when it needs to be. */
const field = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (header: string[], rows: string[][]) =>
	[header, ...rows].map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';

interface DossierOptions {
	ids?: string[];
	wijk?: (i: number) => string;
	/** Extra columns: header and a value per row. */
	extra?: [string, (i: number) => string][];
	/** Rows that get one more field than the header: row index → value. */
	beyond?: Record<number, string>;
	rows?: number;
}

/** The ids D-001, D-002, … */
const plainIds = (n: number) =>
	Array.from({ length: n }, (_, i) => `D-${String(i + 1).padStart(3, '0')}`);

/** A dossiers file: valid in every other way. */
function dossiers(name: string, options: DossierOptions = {}): InputFile {
	const n = options.ids?.length ?? options.rows ?? 8;
	const ids = options.ids ?? plainIds(n);
	const extra = options.extra ?? [];
	const header = [...DOSSIER_COLUMNS, ...extra.map(([h]) => h)];
	const rows = ids.map((id, i) => {
		const row = [
			id,
			CORPS[i % CORPS.length]!,
			GROUPS[i % GROUPS.length]!,
			options.wijk ? options.wijk(i) : WIJKEN[i % WIJKEN.length]!,
			...extra.map(([, v]) => v(i))
		];
		if (options.beyond?.[i] !== undefined) row.push(options.beyond[i]!);
		return row;
	});
	return file(name, csv(header, rows));
}

const EVENT_CODES = ['achterstand_1m', 'achterstand_2m', 'huisbezoek', 'melding_sdv', 'afgesloten'];
/** An events file for the given ids, one event per row, valid in every other way. */
function events(
	name: string,
	ids: string[],
	extra: [string, (i: number) => string][] = []
): InputFile {
	const header = [
		'dossier_id',
		'datum',
		'gebeurtenis',
		'reden',
		'uitkomst',
		...extra.map(([h]) => h)
	];
	const rows = ids.map((id, i) => {
		const code = EVENT_CODES[i % EVENT_CODES.length]!;
		return [
			id,
			`2015-0${1 + (i % 9)}-1${i % 10}`,
			code,
			'',
			code === 'afgesloten' ? 'opgelost' : '',
			...extra.map(([, v]) => v(i))
		];
	});
	return file(name, csv(header, rows));
}

/** A combined file (events with the dossier columns on every row). */
function combined(
	name: string,
	ids: string[],
	wijk: (i: number) => string = (i) => WIJKEN[i % 6]!
): InputFile {
	const header = ['dossier_id', 'datum', 'gebeurtenis', 'corporatie', 'doelgroep', 'wijk'];
	const rows = ids.map((id, i) => [
		id,
		`2015-03-${String(1 + i).padStart(2, '0')}`,
		'achterstand_1m',
		'Ymere',
		'senior',
		wijk(i)
	]);
	return file(name, csv(header, rows));
}

/** Free text as a caseworker writes it, without anything personal. */
const PROSE = [
	'Huurder gebeld, geen gehoor',
	'Afspraak gemaakt voor volgende week',
	'Regeling nagekomen, 3 termijnen betaald',
	'Brief verstuurd naar huurder',
	'Overleg met wijkteam gepland',
	'Geen reactie op 2e brief',
	'Komt op spreekuur',
	'Dossier overgedragen aan collega'
];
const prose = (i: number) => PROSE[i % PROSE.length]!;
/** Free text, with the given text in row `at` only. */
const proseWith = (at: number, text: string) => (i: number) => (i === at ? text : prose(i));

// ---- Cases ----

type Verdict = { refused: string | null } | 'accepted';
interface Case {
	name: string;
	files: InputFile[];
	/** The file the verdict is about. */
	target: string;
	verdict: Verdict;
}

const refused = (column: string | null): Verdict => ({ refused: column });
const one = (name: string, f: InputFile, verdict: Verdict): Case => ({
	name,
	files: [f],
	target: f.name,
	verdict
});

/** 24 random-looking 9-digit case numbers of which exactly two pass the eleven-test by chance. */
const CASE_NUMBERS = [
	'40817263',
	'51928374',
	'62039485',
	'73140596',
	'84251607',
	'95362718',
	'16473829',
	'27584930',
	'38695041',
	'49706152',
	'50817263',
	'61928374',
	'72039485',
	'83140596',
	'94251607',
	'15362718',
	'26473829',
	'37584930',
	'48695041',
	'59706152',
	'60817263',
	'71928374',
	'82039485',
	'93140596'
].map((first8, i) => (i === 5 || i === 17 ? bsn(first8) : notBsn(first8)));
/** 30 more, three of them eleven-proof. */
const REGISTRATION_NUMBERS = Array.from({ length: 30 }, (_, i) => {
	const first8 = String(31_000_000 + i * 2_345_677).slice(0, 8);
	return i % 10 === 3 ? bsn(first8) : notBsn(first8);
});

const HEX_IDS = [
	hex32('0608912706', 22), // the product's own kind: ends in a phone-like run
	hex32('123456782'), // an eleven-proof run inside
	hex32('2011ab', 10), // a postcode-like run inside
	hex32('3011ad', 0),
	hex32('0612345678', 8),
	hex32('0201234567', 12),
	hex32(BSN_B, 20),
	'12345678901234567890123456789012' // digits only, still 32 hex characters
];

const CASES: Case[] = [
	// --- accepted: nothing personal, or digits inside a longer token ---
	one('plain dossiers file', dossiers('plain.csv'), 'accepted'),
	one(
		'32-hex pseudonyms as dossier_id (one ends in 0608912706)',
		dossiers('hex.csv', { ids: HEX_IDS }),
		'accepted'
	),
	one(
		'upper-case 32-hex ids with a phone-like and an eleven-proof run inside',
		dossiers('hex-upper.csv', {
			ids: [
				hex32('0612345678').toUpperCase(),
				hex32(BSN_C, 9).toUpperCase(),
				hex32('1234ab', 2).toUpperCase()
			]
		}),
		'accepted'
	),
	{
		name: '32-hex pseudonyms in an events file and its dossiers file',
		files: [dossiers('hex-d.csv', { ids: HEX_IDS }), events('hex-e.csv', HEX_IDS)],
		target: 'hex-e.csv',
		verdict: 'accepted'
	},
	one('32-hex pseudonyms in a combined file', combined('hex-c.csv', HEX_IDS), 'accepted'),
	one(
		'a random 9-digit case-number column (2 of 24 eleven-proof by chance)',
		dossiers('zaaknummers.csv', { rows: 24, extra: [['zaaknummer', (i) => CASE_NUMBERS[i]!]] }),
		'accepted'
	),
	one(
		'a random 9-digit registration-number column (3 of 30 eleven-proof by chance)',
		dossiers('registratie.csv', {
			rows: 30,
			extra: [['registratienummer', (i) => REGISTRATION_NUMBERS[i]!]]
		}),
		'accepted'
	),
	one(
		'9-digit dossier_ids, none eleven-proof',
		dossiers('ids-9.csv', {
			ids: ['40817263', '51928374', '62039485', '73140596', '84251607', '16473829'].map(notBsn)
		}),
		'accepted'
	),
	one(
		'amounts in Dutch notation',
		dossiers('bedragen.csv', {
			extra: [
				[
					'achterstand',
					(i) =>
						['1.234,56', '987,00', '12.345,67', '-450,00', '1.234.567,89', '0,00', '75,5', '3.000'][
							i
						]!
				]
			]
		}),
		'accepted'
	),
	one(
		'dates in every notation in an extra column',
		dossiers('datums.csv', {
			extra: [
				[
					'datum_aanmelding',
					(i) =>
						[
							'2015-03-01',
							'01-03-2015',
							'1-3-2015',
							'01/03/2015',
							'2015-03-01T10:15:00',
							'31-12-2015',
							'2016-02-29',
							''
						][i]!
				]
			]
		}),
		'accepted'
	),
	one(
		'codes in an extra column',
		dossiers('codes.csv', {
			extra: [
				[
					'categorie',
					(i) => ['A1', 'B12', 'HA-2015-001', 'X', 'C3.2', 'ZK/2015/17', 'R-04', 'N'][i]!
				]
			]
		}),
		'accepted'
	),
	one(
		'free text without anything personal',
		dossiers('tekst.csv', { extra: [['opmerking', prose]] }),
		'accepted'
	),
	one(
		'free text with a 9-digit number that is not eleven-proof',
		dossiers('tekst-9.csv', {
			extra: [['opmerking', proseWith(2, `Kenmerk deurwaarder ${notBsn('12345678')}`)]]
		}),
		'accepted'
	),
	one(
		'free text with an eleven-proof run inside an invoice number',
		dossiers('tekst-factuur.csv', {
			extra: [['opmerking', proseWith(1, `Factuur INV${BSN_A}X openstaand`)]]
		}),
		'accepted'
	),
	one(
		'free text with a postcode-like run inside a reference',
		dossiers('tekst-ref.csv', {
			extra: [['notitie', proseWith(3, 'Zie dossier AB2011RDX van vorig jaar')]]
		}),
		'accepted'
	),
	one(
		'free text with a phone-like run inside a case code',
		dossiers('tekst-zaak.csv', {
			extra: [['toelichting', proseWith(4, 'Zaak ZK0612345678 loopt nog')]]
		}),
		'accepted'
	),
	one(
		'free text quoting a 32-hex pseudonym with a phone-like run inside',
		dossiers('tekst-hex.csv', {
			extra: [['opmerking', proseWith(5, `Zelfde huishouden als ${hex32('0612345678', 8)}`)]]
		}),
		'accepted'
	),
	one(
		'free text with a month and year (06-2015) and an amount',
		dossiers('tekst-maand.csv', {
			extra: [['opmerking', proseWith(0, 'Achterstand sinds 06-2015, nu 1.234,56 open')]]
		}),
		'accepted'
	),
	one(
		'free text with dates and amounts',
		dossiers('tekst-datum.csv', {
			extra: [
				[
					'toelichting',
					proseWith(5, 'Regeling per 01-03-2015, termijn 125,00, 2e termijn 15/04/2015')
				]
			]
		}),
		'accepted'
	),
	one(
		'free text with a 10-digit number that does not start with 0',
		dossiers('tekst-10.csv', {
			extra: [['opmerking', proseWith(6, 'Oud dossiernummer 2015000123')]]
		}),
		'accepted'
	),
	one(
		'free text with an IBAN whose check digits are wrong',
		dossiers('tekst-iban-fout.csv', {
			extra: [['opmerking', proseWith(2, `Rekening ${NL_BAD_IBAN} klopt niet`)]]
		}),
		'accepted'
	),
	one(
		'wijk: neighbourhood names of one or more words',
		dossiers('wijken.csv', {
			wijk: (i) =>
				[
					'Ter Kleef',
					'Zuid-West',
					'Oud-Schoten',
					'Indische Buurt',
					'Garenkokerskwartier',
					'Vondelkwartier',
					'Rozenprieel',
					'Haarlem-Noord'
				][i]!
		}),
		'accepted'
	),
	one(
		'wijk: neighbourhoods named after painters and writers',
		dossiers('wijken-namen.csv', {
			wijk: (i) =>
				[
					'Frans Halsbuurt',
					'Van der Pekbuurt',
					'Jan Maijenbuurt',
					'Schalkwijk',
					'Kleverpark',
					'Frans Halsbuurt',
					'Delftwijk',
					'Van der Pekbuurt'
				][i]!
		}),
		'accepted'
	),
	one(
		'wijk: area codes',
		dossiers('wijk-codes.csv', {
			wijk: (i) => ['W01', 'W02', 'Wijk 12', 'B3', 'SW-4', 'W01', 'C', 'W10'][i]!
		}),
		'accepted'
	),
	one(
		'wijk: four-digit postcode areas without letters',
		dossiers('wijk-pc4.csv', {
			wijk: (i) => ['2011', '2012', '2034', '2035', '2011', '2024', '2025', '2033'][i]!
		}),
		'accepted'
	),
	one(
		'dossier_ids with digits (YM-2015-000123)',
		dossiers('ids-ym.csv', {
			ids: ['YM-2015-000123', 'YM-2015-000124', 'PW.15.77', 'EW_0001', 'SDV-2015-12', 'A1']
		}),
		'accepted'
	),
	one(
		'events file with an empty free-text column and timestamps',
		events('ev-tijd.csv', plainIds(8), [
			['opmerking', () => ''],
			['geregistreerd', (i) => `2015-04-0${1 + i}T09:30:00`]
		]),
		'accepted'
	),

	// --- refused: a personal-data header ---
	...(
		[
			['bsn', (i: number) => [BSN_A, BSN_B, BSN_C, BSN_D][i % 4]!],
			[
				'naam',
				(i: number) => ['Jan de Vries', 'Fatima el Amrani', 'Pieter Jansen', 'Els de Boer'][i % 4]!
			],
			['voornaam', (i: number) => ['Jan', 'Fatima', 'Pieter', 'Els'][i % 4]!],
			['achternaam', (i: number) => ['de Vries', 'el Amrani', 'Jansen', 'de Boer'][i % 4]!],
			['adres', (i: number) => `Lindelaan ${i + 3}`],
			['straat', (i: number) => ['Lindelaan', 'Esdoornstraat', 'Kievitpad', 'Molenvliet'][i % 4]!],
			['huisnummer', (i: number) => [`${i + 1}`, `${i + 10}a`, `${i + 2}-3`][i % 3]!],
			['postcode', (i: number) => `20${11 + i} RD`],
			['geboortedatum', (i: number) => `${1950 + i * 3}-0${1 + i}-1${i}`],
			['Geboortedatum', (i: number) => `0${1 + i}-05-1962`],
			['email', (i: number) => `huurder${i}@voorbeeld.nl`],
			['E-mailadres', (i: number) => `bewoner.${i}@voorbeeld.nl`],
			['telefoon', (i: number) => `06-1234567${i}`],
			['Telefoonnummer', (i: number) => `023-512345${i}`],
			['iban', () => NL_IBAN]
		] as [string, (i: number) => string][]
	).map(([header, value], k) =>
		one(
			`header ‘${header}’`,
			dossiers(`kop-${k}-${header.toLowerCase()}.csv`, { extra: [[header, value]] }),
			refused(header)
		)
	),
	// --- refused: a contract number is personal data unless pseudonymised ---
	one(
		'header ‘Huurcontract’',
		dossiers('huurcontract.csv', { extra: [['Huurcontract', (i) => `YM-00${12345 + i}`]] }),
		refused('Huurcontract')
	),
	one(
		'header ‘huurcontractnummer’',
		dossiers('huurcontractnummer.csv', {
			extra: [['huurcontractnummer', (i) => `${4512 + i}-01`]]
		}),
		refused('huurcontractnummer')
	),
	one(
		'header ‘contractnummer’',
		dossiers('contractnummer.csv', { extra: [['contractnummer', (i) => `C${100200 + i}`]] }),
		refused('contractnummer')
	),

	// --- refused: one BSN or one postcode in free text ---
	one(
		'one eleven-proof number in ‘opmerking’',
		dossiers('opm-bsn.csv', {
			extra: [['opmerking', proseWith(3, `Cliënt heeft nummer ${BSN_A} doorgegeven`)]]
		}),
		refused('opmerking')
	),
	one(
		'one eleven-proof number at the end of a sentence',
		dossiers('opm-bsn-punt.csv', {
			extra: [['toelichting', proseWith(7, `BSN cliënt: ${BSN_D}.`)]]
		}),
		refused('toelichting')
	),
	one(
		'one eleven-proof number alone in ‘notitie’',
		dossiers('not-bsn.csv', { extra: [['notitie', proseWith(0, BSN_C)]] }),
		refused('notitie')
	),
	one(
		'one eleven-proof number in a quoted multi-line note',
		dossiers('opm-regels.csv', {
			extra: [['opmerking', proseWith(2, `Cliënt gesproken.\nBSN ${BSN_B} genoteerd`)]]
		}),
		refused('opmerking')
	),
	one(
		'one eleven-proof number in ‘bijzonderheden’',
		dossiers('bijz-bsn.csv', {
			extra: [['bijzonderheden', proseWith(5, `Partner (${BSN_B}) woont ook op het adres`)]]
		}),
		refused('bijzonderheden')
	),
	one(
		'one postcode ‘2011 RD’ in ‘notitie’',
		dossiers('not-pc.csv', {
			extra: [['notitie', proseWith(4, 'Verhuisd naar 2011 RD, nieuw adres volgt')]]
		}),
		refused('notitie')
	),
	one(
		'one postcode ‘2011RD’ in ‘toelichting’',
		dossiers('toel-pc.csv', { extra: [['toelichting', proseWith(1, 'Nieuwe woning 2011RD')]] }),
		refused('toelichting')
	),
	one(
		'one lower-case postcode ‘2034ab’ in ‘opmerking’',
		dossiers('opm-pc-klein.csv', {
			extra: [['opmerking', proseWith(6, 'post naar 2034ab sturen')]]
		}),
		refused('opmerking')
	),
	one(
		'postcodes in a free-text ‘locatie’ column',
		dossiers('locatie.csv', { extra: [['locatie', (i) => `Woning ${2031 + i} BK`]] }),
		refused('locatie')
	),
	one(
		'a column of eleven-proof numbers under an innocent header',
		dossiers('nummer.csv', { extra: [['nummer', (i) => [BSN_A, BSN_B, BSN_C, BSN_D][i % 4]!]] }),
		refused('nummer')
	),

	// --- refused: fields beyond the header width ---
	one(
		'a BSN in a field beyond the header width',
		dossiers('breed-bsn.csv', { beyond: { 3: BSN_A } }),
		refused(null)
	),
	one(
		'a postcode in a field beyond the header width',
		dossiers('breed-pc.csv', { beyond: { 5: '2011 RD' } }),
		refused(null)
	),
	one(
		'a phone number in a field beyond the header width',
		dossiers('breed-tel.csv', { beyond: { 2: '06-12345678' } }),
		refused(null)
	),
	one(
		'an e-mail address in a field beyond the header width',
		dossiers('breed-mail.csv', { beyond: { 6: 'j.devries@voorbeeld.nl' } }),
		refused(null)
	),

	// --- refused: wijk ---
	one(
		'wijk ‘1234ab’ in one row',
		dossiers('wijk-pc.csv', { wijk: (i) => (i === 2 ? '1234ab' : WIJKEN[i % 6]!) }),
		refused('wijk')
	),
	one(
		'wijk ‘2011  RD’ (two spaces) in one row',
		dossiers('wijk-pc-spaties.csv', { wijk: (i) => (i === 5 ? '2011  RD' : WIJKEN[i % 6]!) }),
		refused('wijk')
	),
	one(
		'wijk: a postcode on every row',
		dossiers('wijk-pc-alle.csv', { wijk: (i) => `20${11 + i} ${['RD', 'AB', 'KL', 'MN'][i % 4]}` }),
		refused('wijk')
	),
	one(
		'wijk: person names',
		dossiers('wijk-namen.csv', {
			wijk: (i) =>
				[
					'Jan de Vries',
					'Fatima el Amrani',
					'Pieter Jansen',
					'Sanne Bakker',
					'Mohamed Yilmaz',
					'Els de Boer',
					'Kees van Dijk',
					'Anouk Visser'
				][i]!
		}),
		refused('wijk')
	),
	one(
		'wijk: initial and surname',
		dossiers('wijk-initialen.csv', {
			wijk: (i) =>
				[
					'J. de Vries',
					'A. Bakker',
					'M. el Amrani',
					'P. Jansen',
					'S. Visser',
					'K. van Dijk',
					'E. de Boer',
					'R. Smit'
				][i]!
		}),
		refused('wijk')
	),
	one(
		'wijk: person names in a combined file',
		combined(
			'comb-namen.csv',
			plainIds(8),
			(i) =>
				[
					'Jan de Vries',
					'Fatima el Amrani',
					'Pieter Jansen',
					'Sanne Bakker',
					'Mohamed Yilmaz',
					'Els de Boer',
					'Kees van Dijk',
					'Anouk Visser'
				][i]!
		),
		refused('wijk')
	),
	one(
		'wijk: an e-mail address',
		dossiers('wijk-mail.csv', {
			wijk: (i) => (i === 1 ? 'wijkteam.noord@voorbeeld.nl' : WIJKEN[i % 6]!)
		}),
		refused('wijk')
	),
	one(
		'wijk: a phone number',
		dossiers('wijk-tel.csv', { wijk: (i) => (i === 4 ? '023-5123456' : WIJKEN[i % 6]!) }),
		refused('wijk')
	),

	// --- refused: a BSN as dossier_id ---
	one(
		'dossier_id: one BSN among eight ids',
		dossiers('id-bsn-1.csv', { ids: plainIds(8).map((id, i) => (i === 6 ? BSN_A : id)) }),
		refused('dossier_id')
	),
	one(
		'dossier_id: two BSNs among ten ids',
		dossiers('id-bsn-2.csv', {
			ids: plainIds(10).map((id, i) => (i === 2 ? BSN_B : i === 8 ? BSN_C : id))
		}),
		refused('dossier_id')
	),
	one(
		'dossier_id: every id a BSN',
		dossiers('id-bsn-alle.csv', { ids: [BSN_A, BSN_B, BSN_C, BSN_D] }),
		refused('dossier_id')
	),
	{
		name: 'dossier_id: a BSN in an events file',
		files: [
			dossiers('id-ev-d.csv'),
			events(
				'id-ev-e.csv',
				plainIds(8).map((id, i) => (i === 3 ? BSN_D : id))
			)
		],
		target: 'id-ev-e.csv',
		verdict: refused('dossier_id')
	},
	one(
		'dossier_id: a BSN in a combined file',
		combined(
			'id-comb.csv',
			plainIds(6).map((id, i) => (i === 0 ? BSN_C : id))
		),
		refused('dossier_id')
	),

	// --- refused: e-mail, IBAN, phone anywhere ---
	one(
		'e-mail in ‘opmerking’',
		dossiers('mail-opm.csv', {
			extra: [['opmerking', proseWith(2, 'Mail naar j.devries@voorbeeld.nl gestuurd')]]
		}),
		refused('opmerking')
	),
	one(
		'e-mail in a column with another name',
		dossiers('mail-contact.csv', {
			extra: [['contactpersoon', (i) => `bewoner${i}@voorbeeld.nl`]]
		}),
		refused('contactpersoon')
	),
	{
		name: 'e-mail in an extra column of an events file',
		files: [
			dossiers('mail-ev-d.csv'),
			events('mail-ev-e.csv', plainIds(8), [
				['kanaal', (i) => (i === 5 ? 'info.huurder@voorbeeld.nl' : 'brief')]
			])
		],
		target: 'mail-ev-e.csv',
		verdict: refused('kanaal')
	},
	one(
		'IBAN (NL) in ‘opmerking’',
		dossiers('iban-nl.csv', { extra: [['opmerking', proseWith(1, `Terugstorten op ${NL_IBAN}`)]] }),
		refused('opmerking')
	),
	one(
		'IBAN (NL) in groups of four',
		dossiers('iban-groep.csv', {
			extra: [['toelichting', proseWith(3, `Rekening ${grouped(NL_IBAN_2)} opgegeven`)]]
		}),
		refused('toelichting')
	),
	one(
		'IBAN (BE) in ‘notitie’',
		dossiers('iban-be.csv', { extra: [['notitie', proseWith(0, `Betaalt via ${BE_IBAN}`)]] }),
		refused('notitie')
	),
	one(
		'IBAN (DE) in a code column',
		dossiers('iban-de.csv', { extra: [['kenmerk', (i) => (i === 4 ? DE_IBAN : `K${i}`)]] }),
		refused('kenmerk')
	),
	one(
		'phone ‘06-12345678’ in ‘opmerking’',
		dossiers('tel-06.csv', { extra: [['opmerking', proseWith(2, 'Bereikbaar op 06-12345678')]] }),
		refused('opmerking')
	),
	one(
		'phone ‘+31 6 12345678’ in ‘opmerking’',
		dossiers('tel-31.csv', {
			extra: [['opmerking', proseWith(5, 'Nummer +31 6 12345678 (zoon)')]]
		}),
		refused('opmerking')
	),
	one(
		'phone ‘+31612345678’ in ‘toelichting’',
		dossiers('tel-31-kort.csv', {
			extra: [['toelichting', proseWith(1, 'Belt vanaf +31612345678')]]
		}),
		refused('toelichting')
	),
	one(
		'phone ‘020-1234567’ in ‘notitie’',
		dossiers('tel-020.csv', { extra: [['notitie', proseWith(7, 'Werkgever 020-1234567')]] }),
		refused('notitie')
	),
	one(
		'phone ‘0612345678’ in ‘opmerking’',
		dossiers('tel-10.csv', { extra: [['opmerking', proseWith(3, 'Nieuw nummer 0612345678')]] }),
		refused('opmerking')
	),
	one(
		'phone in a code column',
		dossiers('tel-code.csv', { extra: [['kenmerk', (i) => (i === 6 ? '06-87654321' : `K${i}`)]] }),
		refused('kenmerk')
	)
];

/** The same column name by the header rule. */
const sameColumn = (a: string | null, b: string) =>
	a !== null &&
	a
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_') ===
		b
			.trim()
			.toLowerCase()
			.replace(/[\s-]+/g, '_');

function describeOutcome(result: ImportResult, target: string): string {
	const r = result.refused.find((x) => x.name === target);
	if (r)
		return `geweigerd (${r.code}): ${r.message} [${r.personalData.map((f) => `${f.column}:${f.reason}`).join(', ')}]`;
	return result.files.some((f) => f.name === target) ? 'geaccepteerd' : 'niet in het rapport';
}

describe('held-out personal-data guard: the helpers', () => {
	it('compute eleven-proof numbers and valid IBANs', () => {
		expect(BSN_A).toBe('123456782');
		expect(elevenProof('111222333')).toBe(true);
		expect(elevenProof('123456789')).toBe(false);
		expect(iban('NL', 'ABNA0417164300')).toBe('NL91ABNA0417164300');
		expect(iban('BE', '539007547034')).toBe('BE68539007547034');
		expect(iban('DE', '370400440532013000')).toBe('DE89370400440532013000');
		expect(mod97(NL_BAD_IBAN.slice(4) + NL_BAD_IBAN.slice(0, 4))).not.toBe(1);
		expect(CASE_NUMBERS.filter(elevenProof)).toHaveLength(2);
		expect(REGISTRATION_NUMBERS.filter(elevenProof)).toHaveLength(3);
		expect(new Set(REGISTRATION_NUMBERS).size).toBe(30);
		expect(HEX_IDS.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
		expect(HEX_IDS[0]!.endsWith('0608912706')).toBe(true);
	});
	it('has at least 60 cases, with unique names and file names', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(60);
		expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
		expect(new Set(CASES.flatMap((c) => c.files.map((f) => f.name))).size).toBe(
			CASES.reduce((n, c) => n + c.files.length, 0)
		);
	});
});

describe('held-out personal-data guard: each file refused or accepted as the rules say', () => {
	for (const { name, files, target, verdict } of CASES)
		it(name, () => {
			const result = importFiles(files, { today });
			const outcome = describeOutcome(result, target);
			const refusal = result.refused.find((r) => r.name === target);
			if (verdict === 'accepted') {
				expect(refusal, `${target}: verwacht geaccepteerd, kreeg ${outcome}`).toBeUndefined();
				expect(
					result.files.map((f) => f.name),
					outcome
				).toContain(target);
				return;
			}
			expect(
				refusal?.code,
				`${target}: verwacht geweigerd wegens persoonsgegevens, kreeg ${outcome}`
			).toBe('persoonsgegevens');
			if (verdict.refused !== null) {
				const column = verdict.refused;
				expect(
					refusal!.personalData.some((f) => sameColumn(f.column, column)),
					`${target}: de weigering moet kolom ‘${column}’ noemen; kreeg ${outcome}`
				).toBe(true);
			}
		});
});
