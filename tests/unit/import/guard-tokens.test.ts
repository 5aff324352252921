/**
 * The personal-data guard by token and by column kind (docs/import-decisions.md, "Personal data
 * guard"): a phone number, BSN or postcode is a whole token, so the product's own pseudonyms
 * always pass; free text, fields beyond the header and `wijk` flag a single BSN or postcode; a
 * `dossier_id` that is a BSN is refused; person names as `wijk`; contract and customer numbers
 * as headers; and the exchange files the product writes read back without a refusal.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { exchangeCsv } from '../../../src/lib/import/exchange-csv';
import {
	columnKind,
	isSuspiciousHeader,
	passesElevenTest,
	personNameSignal,
	screenColumns,
	screenPersonalData,
	textValueReason,
	valueSignal
} from '../../../src/lib/import/personal-data';
import { importSources } from '../../../src/lib/import/pipeline';
import { parseProfile } from '../../../src/lib/import/profiles/format';
import { profileFor } from '../../../src/lib/import/profiles/match';
import { nodePseudonymiser } from '../../../src/lib/import/profiles/pseudonym-node';
import type { ImportResult } from '../../../src/lib/import/types';
import { file, lines } from './helpers';

const today = '2020-01-01';
const DOSSIERS = file('d.csv', lines(['dossier_id;corporatie;doelgroep', 'D1;Ymere;senior']));

/** An events file with one extra column whose second data row holds `value`. */
function withColumn(value: string, header = 'opmerking') {
	return file(
		'e.csv',
		lines([
			`dossier_id;datum;gebeurtenis;${header}`,
			'D1;2015-01-01;achterstand_1m;belt terug',
			`D1;2015-02-01;contact;${value}`
		])
	);
}

/** A dossiers file with these ids (and a wijk per row when given). */
function dossiers(ids: readonly string[], wijken?: readonly string[]) {
	const header = wijken
		? 'dossier_id;corporatie;doelgroep;wijk'
		: 'dossier_id;corporatie;doelgroep';
	const rows = ids.map((id, i) => `${id};Ymere;senior${wijken ? `;${wijken[i]}` : ''}`);
	return file('d.csv', lines([header, ...rows]));
}

const findings = (result: ImportResult) => result.refused.flatMap((r) => r.personalData);

/** The lower-case hex of 16 random bytes: what the product's pseudonyms look like. */
const hex32 = () => randomBytes(16).toString('hex');

/** ISO 13616's remainder, computed here without the product's code: the first four characters moved to the end, letters as 10–35. */
function mod97Remainder(value: string): number {
	const moved = (value.slice(4) + value.slice(0, 4)).toUpperCase();
	const digits = [...moved].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
	return Number(BigInt(digits) % 97n);
}

describe('a phone number, BSN or postcode is a whole token', () => {
	// 22 hex characters, then a mobile number, a BSN (111222333: 66 = 6·11) or a postcode shape.
	const prefix = 'a3f9c1e07b2d4a5f8e1c22';
	it.each([
		`${prefix}0608912706`,
		`0608912706${prefix}`,
		`${prefix.slice(0, 23)}111222333`,
		`ab111222333cd`,
		'x0612345678',
		'0612345678x',
		'tel0612345678',
		'ab2011RDcd',
		'12011RD',
		'NL91ABNA0417164300X',
		'xNL91ABNA0417164300',
		'bsn111222333'
	])('%s signals nothing, in any column', (value) => {
		expect(valueSignal(value)).toBeNull();
		expect(textValueReason(value)).toBeNull();
		for (const header of ['dossier_id', 'opmerking', 'wijk', 'onbekend']) {
			expect(screenPersonalData([header], [{ line: 2, fields: [value] }])).toEqual([]);
		}
	});

	it.each([
		{ value: '0608912706', reason: 'telefoon' },
		{ value: 'tel:0612345678', reason: 'telefoon' },
		{ value: 'bel (06) 12345678 na vijven', reason: 'telefoon' },
		{ value: 'nummer 06-12345678.', reason: 'telefoon' },
		{ value: 'BSN:111222333', reason: 'bsn' },
		{ value: 'ref-111222333', reason: 'bsn' },
		{ value: 'zie 111222333.', reason: 'bsn' },
		{ value: 'woont in 2011RD.', reason: 'postcode' },
		{ value: 'rekening NL91ABNA0417164300, maandelijks', reason: 'iban' }
	])('$value → $reason in free text', ({ value, reason }) => {
		expect(textValueReason(value)).toBe(reason);
		const result = importFiles([DOSSIERS, withColumn(value)], { today });
		expect(findings(result)).toEqual([{ column: 'opmerking', reason, line: 3 }]);
		expect(JSON.stringify(result)).not.toContain(value);
	});

	it('a date with a time is no phone number', () => {
		for (const value of ['06-03-2015 12:00', 'gebeld op 06-03-2015 12:00 uur', '2015-03-06 10:15'])
			expect(textValueReason(value)).toBeNull();
	});

	it('the integer part of a decimal number is no BSN', () => {
		expect(textValueReason('bedrag 111222333,50')).toBeNull();
		expect(textValueReason('factor 0.111222333')).toBeNull();
	});
});

describe('the product’s pseudonyms always pass (property)', () => {
	it('100,000 random 32-hex ids: no signal, in an id column or in free text', () => {
		const ids = Array.from({ length: 100_000 }, hex32);
		expect(ids.filter((id) => valueSignal(id) !== null)).toEqual([]);
		const rows = ids.map((id, i) => ({ line: i + 2, fields: [id, id] }));
		expect(screenColumns(['dossier_id', 'opmerking'], rows)).toEqual([]);
	});

	it('32-hex ids built around a phone number, a BSN or a postcode shape: no signal', () => {
		const digits = (n: number) =>
			fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
		const inner = fc.oneof(
			digits(8).map((d) => `06${d.join('')}`),
			digits(8)
				.map((d) => d.join(''))
				.map((d) => {
					const sum = [...d].reduce((s, c, i) => s + Number(c) * (9 - i), 0);
					return `${d}${sum % 11}`;
				})
				.filter((n) => n.length === 9 && passesElevenTest(n)),
			digits(4).map((d) => `${(Number(d.join('')) % 9000) + 1000}ab`)
		);
		const hex = fc.stringMatching(/^[0-9a-f]{0,26}$/);
		fc.assert(
			fc.property(hex, inner, (head, middle) => {
				const id = (head + middle + 'f'.repeat(32)).slice(0, 32);
				if (!id.includes(middle)) return;
				expect(valueSignal(id)).toBeNull();
				expect(textValueReason(id)).toBeNull();
			}),
			{ numRuns: 20_000 }
		);
	});

	it('a random id that happens to be an IBAN (country, length and mod-97) is one', () => {
		// Found by the property below (seed 1074015722): SK, 24 characters, remainder 1.
		expect(mod97Remainder('SK49BTpl46oeKxvl7Xm7ZAn7')).toBe(1);
		expect(valueSignal('SK49BTpl46oeKxvl7Xm7ZAn7')).toBe('iban');
	});

	it('other long alphanumeric ids (16–64 letters and digits): no signal', () => {
		// Not IBANs by chance: two letters, two digits and a valid mod-97 (checked here on its own).
		const id = fc
			.stringMatching(/^[A-Za-z0-9]{16,64}$/)
			.filter((s) => /[A-Za-z]/.test(s) && /\d/.test(s))
			.filter((s) => !/^[A-Za-z]{2}\d{2}/.test(s) || mod97Remainder(s) !== 1);
		fc.assert(
			fc.property(id, (value) => {
				expect(valueSignal(value)).toBeNull();
			}),
			{ numRuns: 20_000 }
		);
	});

	it('the pseudonyms of random contract numbers under a random key (100 × 1,000): no signal', async () => {
		const contract = fc
			.tuple(fc.constantFrom('YM', 'PW', 'EW', 'ym', 'P'), fc.integer({ min: 0, max: 9_999_999 }))
			.map(([p, n]) => `${p}-${String(n).padStart(7, '0')}`);
		await fc.assert(
			fc.asyncProperty(
				fc.string({ minLength: 16, maxLength: 40 }),
				fc.array(contract, { minLength: 1000, maxLength: 1000 }),
				async (key, contracts) => {
					const ids = await nodePseudonymiser(key)(contracts);
					expect(ids.filter((id) => valueSignal(id) !== null)).toEqual([]);
					const rows = ids.map((id, i) => ({ line: i + 2, fields: [id] }));
					expect(screenColumns(['dossier_id'], rows)).toEqual([]);
				}
			),
			{ numRuns: 100 }
		);
	});

	it('a dossier_id column of 9-digit numbers passes unless far more pass the eleven-test than chance', () => {
		// 500 fixed numbers from a linear congruential sequence: about 1 in 11 pass.
		const ids: string[] = [];
		let x = 7;
		while (ids.length < 500) {
			x = (x * 48271) % 2147483647;
			ids.push(String(100_000_000 + (x % 900_000_000)));
		}
		expect(ids.filter(passesElevenTest).length).toBeGreaterThan(20);
		const result = importFiles([dossiers(ids)], { today });
		expect(result.refused).toEqual([]);
		expect(result.dossiers).toHaveLength(500);
	});
});

describe('column kinds', () => {
	it.each([
		['dossier_id', 'id'],
		['Dossier ID', 'id'],
		['corporatie', 'code'],
		['doelgroep', 'code'],
		['gebeurtenis', 'code'],
		['reden', 'code'],
		['uitkomst', 'code'],
		['datum', 'date'],
		['wijk', 'wijk'],
		['Buurt', 'wijk'],
		['Naam wijk', 'wijk'],
		['opmerking', 'text'],
		['Opmerkingen', 'text'],
		['Notitie', 'text'],
		['Toelichting', 'text'],
		['Omschrijving', 'text'],
		['Vrije tekst', 'text'],
		['Memo', 'text'],
		['Wijkteam', null],
		['kenmerk', null],
		['Extra', null]
	])('%s → %s', (header, kind) => expect(columnKind(header)).toBe(kind));

	it.each([
		{ header: 'opmerking', value: '111222333', reason: 'bsn' },
		{ header: 'opmerking', value: 'dossier 123456782', reason: 'bsn' },
		{ header: 'opmerking', value: '1234ab', reason: 'postcode' },
		{ header: 'toelichting', value: 'kenmerk 2011FE', reason: 'postcode' },
		{ header: 'notitie', value: '2011  RD', reason: 'postcode' },
		{ header: 'wijk', value: '1234ab', reason: 'postcode' },
		{ header: 'wijk', value: '2011  RD', reason: 'postcode' },
		{ header: 'wijk', value: '2011 rd', reason: 'postcode' },
		{ header: 'wijk', value: '2011rd', reason: 'postcode' },
		{ header: 'wijk', value: '1234 AB', reason: 'postcode' },
		{ header: 'wijk', value: '111222333', reason: 'bsn' },
		{ header: 'gebeurtenis', value: '111222333', reason: 'bsn' },
		{ header: 'Extra', value: 'belt 111222333 terug', reason: 'bsn' },
		{ header: 'Extra', value: '111222333', reason: 'bsn' }
	])('one value in $header: $value → $reason', ({ header, value, reason }) => {
		const events = file(
			'e.csv',
			lines([
				`dossier_id;datum;gebeurtenis;${header === 'gebeurtenis' ? 'x' : header}`,
				`D1;2015-01-01;achterstand_1m;${header === 'wijk' ? 'Noord' : 'belt terug'}`,
				header === 'gebeurtenis' ? `D1;2015-02-01;${value};y` : `D1;2015-02-01;contact;${value}`
			])
		);
		const result = importFiles([DOSSIERS, events], { today });
		expect(findings(result)).toEqual([{ column: header, reason, line: 3 }]);
		expect(JSON.stringify(result)).not.toContain(value);
	});

	it.each([
		{ value: '111222333', reason: 'bsn' },
		{ value: '1234ab', reason: 'postcode' },
		{ value: 'kenmerk 2011FE', reason: 'postcode' }
	])('beyond the header width: one $value → $reason', ({ value, reason }) => {
		const events = file(
			'e.csv',
			lines([
				'dossier_id;datum;gebeurtenis',
				'D1;2015-01-01;achterstand_1m',
				`D1;2015-02-01;contact;${value}`
			])
		);
		const result = importFiles([DOSSIERS, events], { today });
		expect(findings(result)).toEqual([{ column: '(kolom 4)', reason, line: 3 }]);
	});

	it('free text: a 9-digit number failing the eleven-test is nothing', () => {
		const result = importFiles([DOSSIERS, withColumn('111222334')], { today });
		expect(result.refused).toEqual([]);
	});

	it('a dossier_id that is a BSN is refused: one row among other ids is enough', () => {
		const result = importFiles([dossiers(['D1', 'D2', '111222333', 'D4'])], { today });
		expect(findings(result)).toEqual([{ column: 'dossier_id', reason: 'bsn', line: 4 }]);
		expect(JSON.stringify(result)).not.toContain('111222333');
	});

	it.each([
		[['111222333']],
		[['111222333', '123456782']],
		[['123456782', '999999990', '111222333']]
	])('a file whose only dossier_ids are BSNs is refused (%j)', (ids) => {
		const result = importFiles([dossiers(ids)], { today });
		expect(findings(result)).toEqual([{ column: 'dossier_id', reason: 'bsn', line: 2 }]);
	});

	it('an events file whose one dossier has a BSN as id (its rows following each other)', () => {
		const events = file(
			'e.csv',
			lines([
				'dossier_id;datum;gebeurtenis',
				'111222333;2015-01-01;achterstand_1m',
				'111222333;2015-02-01;contact',
				'111222333;2015-03-01;contact'
			])
		);
		expect(findings(importFiles([events], { today }))).toEqual([
			{ column: 'dossier_id', reason: 'bsn', line: 2 }
		]);
	});

	it.each([
		[['10000001', '10000002', '10000003', '111222333']],
		[['1000000001', '1000000002', '1000000003', '111222333']],
		[['a3f9c1e07b2d4a5f8e1c220608912706', '111222333']]
	])('a BSN among ids that are not 9-digit numbers is refused (%j)', (ids) => {
		expect(findings(importFiles([dossiers(ids)], { today }))).toEqual([
			{ column: 'dossier_id', reason: 'bsn', line: ids.length + 1 }
		]);
	});

	it('an id column of mostly 9-digit numbers: one passing by chance is not a BSN', () => {
		// 123456789 and 111222334 fail the eleven-test; 111222333 passes.
		const result = importFiles([dossiers(['123456789', '111222334', '111222333'])], { today });
		expect(result.refused).toEqual([]);
	});

	it('an events file repeats an id on every row: each 9-digit id counts once, also interleaved', () => {
		// Two of six ids pass the eleven-test (chance: 1 in 11 each); eight rows each, interleaved.
		const ids = ['111222333', '123456782', '123456789', '111222334', '987654321', '222333445'];
		expect(ids.map(passesElevenTest)).toEqual([true, true, false, false, false, false]);
		const rows = Array.from({ length: 8 }, (_, k) =>
			ids.map((id) => `${id};2015-0${k + 1}-01;contact`)
		).flat();
		const events = file('e.csv', lines(['dossier_id;datum;gebeurtenis', ...rows]));
		const result = importFiles([dossiers(ids), events], { today });
		expect(result.refused).toEqual([]);
		expect(result.events).toHaveLength(48);
	});

	it('an unknown column of mostly single tokens with digits is an id column', () => {
		const ids = ['A-1', 'A-2', 'A-3', '111222333'];
		const rows = ids.map((v, i) => ({ line: i + 2, fields: [v] }));
		expect(screenPersonalData(['Kenmerk'], rows)).toEqual([
			{ column: 'Kenmerk', reason: 'bsn', line: 5 }
		]);
		// Numeric: 9-digit ids that fail and one that passes (chance).
		const numeric = ['123456789', '111222334', '987654320', '111222333'];
		const more = numeric.map((v, i) => ({ line: i + 2, fields: [v] }));
		expect(screenPersonalData(['Kenmerk'], more)).toEqual([]);
	});

	it('hex shapes of a postcode: in an id column only when most values are, in text always', () => {
		const ids = ['2011fe', 'a3f9c1', '9bd0e2', '1234ab', 'ff0012', '0c4d5e'];
		const rows = ids.map((v, i) => ({ line: i + 2, fields: [v] }));
		expect(screenPersonalData(['dossier_id'], rows)).toEqual([]);
		expect(screenPersonalData(['opmerking'], rows)).toEqual([
			{ column: 'opmerking', reason: 'postcode', line: 2 }
		]);
	});

	it('kinds can be given per column (optional parameter)', () => {
		// 30 consecutive 9-digit numbers: a few pass the eleven-test, as numbers do by chance.
		const numbers = Array.from({ length: 30 }, (_, i) => String(123456700 + i));
		const first = numbers.findIndex(passesElevenTest);
		expect(first).toBeGreaterThanOrEqual(0);
		const rows = numbers.map((n, i) => ({ line: i + 2, fields: [n, n] }));
		// Read from their values, both are numeric id columns: chance, no BSN.
		expect(screenPersonalData(['a', 'b'], rows)).toEqual([]);
		// Given as free text, the first number that passes is a BSN.
		expect(screenPersonalData(['a', 'b'], rows, 1, ['id', 'text'])).toEqual([
			{ column: 'b', reason: 'bsn', line: first + 2 }
		]);
		// Null and undefined leave the kind to the header: `opmerking` is free text.
		expect(screenPersonalData(['a', 'opmerking'], rows, 1, [null])).toEqual([
			{ column: 'opmerking', reason: 'bsn', line: first + 2 }
		]);
	});
});

describe('names as wijk', () => {
	it.each([
		'J. de Vries',
		'J.P. Jansen',
		'J de Vries',
		'A. Jansen-de Boer',
		'Jansen, P.',
		'de Vries, J.',
		'Vries, J. de',
		'Jansen, Piet',
		'Jan de Vries',
		'Piet van den Berg',
		'Jan Willem de Vries',
		'Priya El Amrani',
		'Dhr. Jansen',
		'Mevr. de Vries',
		'mw. J. Bakker',
		'Familie El Amrani'
	])('%s is a name', (value) => {
		expect(personNameSignal(value)).toBe('naam');
		const result = importFiles([dossiers(['D1', 'D2'], ['Noord', value])], { today });
		expect(findings(result)).toEqual([{ column: 'wijk', reason: 'naam', line: 3 }]);
		expect(JSON.stringify(result)).not.toContain(value);
	});

	it.each([
		'Centrum',
		'Noord',
		'Schalkwijk',
		'Zuid-West',
		'Oud-Zuid',
		'Haarlemmerhout',
		'Kleverpark',
		'Bos en Lommer',
		'Molenwijk',
		'De Krim',
		'Van Zeggelenbuurt',
		'Kop van Zuid',
		'Hof van Delft',
		'Hoek van Holland',
		'Oog in Al',
		'P.C. Hooftbuurt',
		'Frans Halsbuurt',
		'Te Zaanenkwartier',
		'Nieuw-West',
		'Indische Buurt'
	])('%s is a neighbourhood', (value) => {
		expect(personNameSignal(value)).toBeNull();
		const result = importFiles([dossiers(['D1', 'D2'], ['Noord', value])], { today });
		expect(result.refused).toEqual([]);
	});

	it('a first name and a surname alone count only when most of the column looks like that', () => {
		// `Frans Hals` is a neighbourhood of Haarlem, and looks like a name.
		expect(personNameSignal('Frans Hals')).toBe('naam_zwak');
		const few = ['Noord', 'Frans Hals', 'Centrum', 'Zuid-West'];
		expect(importFiles([dossiers(['D1', 'D2', 'D3', 'D4'], few)], { today }).refused).toEqual([]);
		const many = ['Kees Meijer', 'Noord', 'Jan Visser', 'Anna Smit'];
		expect(findings(importFiles([dossiers(['D1', 'D2', 'D3', 'D4'], many)], { today }))).toEqual([
			{ column: 'wijk', reason: 'naam', line: 2 }
		]);
	});

	it('names are looked for in a wijk column only', () => {
		expect(importFiles([DOSSIERS, withColumn('J. de Vries')], { today }).refused).toEqual([]);
	});
});

describe('headers that name a contract or a customer', () => {
	it.each([
		'Huurcontract',
		'huurcontractnr',
		'Huurcontractnummer',
		'contractnr',
		'Contract nr',
		'Contractnr verhuurder',
		'Huurovereenkomst',
		'huurovereenkomstnummer',
		'Klantnummer',
		'Klant nr',
		'Relatienummer',
		'relatie_nr',
		'Huurdernummer',
		'Debiteurnummer',
		'Cliëntnummer',
		'VHE',
		'Verhuureenheid'
	])('%s → kolomnaam', (header) => {
		expect(isSuspiciousHeader(header)).toBe(true);
		const result = importFiles([DOSSIERS, withColumn('x', header)], { today });
		expect(findings(result)).toEqual([{ column: header, reason: 'kolomnaam', line: null }]);
	});

	it.each(['Soort huurcontract', 'Contract', 'Contracttype', 'Aantal klanten', 'Dossiernummer'])(
		'%s is not',
		(header) => expect(isSuspiciousHeader(header)).toBe(false)
	);
});

describe('a finding never echoes the value', () => {
	const values = [
		'111222333',
		'0612345678',
		'j.jansen@example.nl',
		'NL91ABNA0417164300',
		'2011 RD',
		'1234ab',
		'J. de Vries'
	];
	it.each(values)('%s, in every column kind where it is found', (value) => {
		let refused = 0;
		for (const header of ['dossier_id', 'wijk', 'opmerking', 'Extra']) {
			const ids = header === 'dossier_id' ? ['D1', value] : ['D1', 'D2'];
			const wijk = header === 'wijk' ? ['Noord', value] : ['Noord', 'Oost'];
			const extra = header === 'opmerking' || header === 'Extra' ? `;${header}` : '';
			const text = lines([
				`dossier_id;corporatie;doelgroep;wijk${extra}`,
				`${ids[0]};Ymere;senior;${wijk[0]}${extra && ';x'}`,
				`${ids[1]};Ymere;senior;${wijk[1]}${extra && `;${value}`}`
			]);
			const result = importFiles([file('d.csv', text)], { today });
			if (result.refused.length === 0) continue;
			refused++;
			expect(JSON.stringify(result)).not.toContain(value);
			expect(result.refused[0]!.message).not.toContain(value);
		}
		// A hex shape is judged by its column in an id column; a name only in a wijk column.
		expect(refused).toBe(value === 'J. de Vries' ? 1 : value === '1234ab' ? 2 : 4);
	});
});

describe('exchange files the product writes read back without a refusal', () => {
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

	it('the demo sources through their profiles, written with exchangeCsv, read back: the same rows', async () => {
		const profiles = PROFILES.map((name) => {
			const parsed = parseProfile(readFileSync(`${DIR}/${name}`, 'utf8'), name);
			if (!parsed.ok) throw new Error(parsed.message);
			return { profile: parsed.profile, fileName: name };
		});
		const files = SOURCES.map((name) => {
			const source = { name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) };
			return { ...source, profile: profileFor(source, profiles) };
		});
		const first = await importSources(files, {
			today: '2026-01-01',
			pseudonymiser: nodePseudonymiser(KEY)
		});
		expect(first.refused).toEqual([]);
		expect(first.dossiers.length).toBeGreaterThan(100);
		const csv = exchangeCsv(first);
		const again = importFiles(
			[file('dossiers.csv', csv.dossiers), file('gebeurtenissen.csv', csv.gebeurtenissen)],
			{ today: '2026-01-01' }
		);
		expect(again.refused).toEqual([]);
		expect(again.files.map((f) => f.droppedColumns)).toEqual([[], []]);
		const sorted = <T>(rows: readonly T[]) => rows.map((r) => JSON.stringify(r)).sort();
		expect(sorted(again.dossiers)).toEqual(sorted(first.dossiers));
		expect(sorted(again.events)).toEqual(sorted(first.events));
	}, 60_000);
});
