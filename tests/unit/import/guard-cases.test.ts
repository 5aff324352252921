import { describe, expect, it } from 'vitest';
import { importFiles, rejectedRowsCsv } from '../../../src/lib/import';
import { bsnBeyondChance, passesElevenTest } from '../../../src/lib/import/personal-data';
import { file, lines } from './helpers';

const today = '2020-01-01';
const DOSSIERS = file('d.csv', lines(['dossier_id;corporatie;doelgroep', 'D1;Ymere;senior']));

/** An events file with one comment value on its second data row. */
function withComment(value: string, header = 'opmerking') {
	return file(
		'e.csv',
		lines([
			`dossier_id;datum;gebeurtenis;${header}`,
			'D1;2015-01-01;achterstand_1m;belt terug',
			`D1;2015-02-01;contact;${value}`
		])
	);
}

describe('the guard flags personal data in every notation, and never echoes it', () => {
	it.each([
		{ value: '+31 (0)6 1234 5678', reason: 'telefoon' },
		{ value: '0031 (0)6 12345678', reason: 'telefoon' },
		{ value: 'bellen op 06-1234 5678 na 17u', reason: 'telefoon' },
		{ value: 'tel. (023) 511 51 15', reason: 'telefoon' },
		{ value: '123-456-782', reason: 'bsn' },
		{ value: '123.456.782', reason: 'bsn' },
		{ value: 'BSN 123456782 bekend bij SDV', reason: 'bsn' },
		{ value: 'bsn: 1234.56.782', reason: 'bsn' },
		{ value: "'123456782", reason: 'bsn' },
		{ value: 'NL91-ABNA-0417-1643-00', reason: 'iban' },
		{ value: 'betaalt via NL91 ABNA 0417 1643 00 maandelijks', reason: 'iban' },
		{ value: 'rekening NL91ABNA0417164300.', reason: 'iban' },
		{ value: '2011 RD Haarlem', reason: 'postcode' },
		{ value: 'woont op 2011RD', reason: 'postcode' },
		// In free text a postcode with letters A–F counts too (hex shapes are judged only in id columns).
		{ value: 'kenmerk 2011FE', reason: 'postcode' },
		{ value: '1234ab', reason: 'postcode' },
		{ value: 'belt 123456782 terug', reason: 'bsn' },
		{ value: 'mail j.jansen@example.nl', reason: 'email' }
	])('value $value → $reason', ({ value, reason }) => {
		const result = importFiles([DOSSIERS, withComment(value)], { today });
		expect(result.refused.map((r) => r.personalData)).toEqual([
			[{ column: 'opmerking', reason, line: 3 }]
		]);
		expect(JSON.stringify(result)).not.toContain(value);
	});

	it.each([
		'geb. datum',
		'Geb.datum',
		'Tel.',
		'Huurdernaam',
		'Klantnaam',
		'Adresgegevens',
		'Postcode/woonplaats',
		'Rek.nr.',
		'Geboortejaar',
		'E-mailadres',
		'Naam huurder',
		'BSN'
	])('header %s → kolomnaam', (header) => {
		const result = importFiles([DOSSIERS, withComment('x', header)], { today });
		expect(result.refused.map((r) => r.personalData)).toEqual([
			[{ column: header, reason: 'kolomnaam', line: null }]
		]);
	});
});

describe('the guard lets ordinary data through', () => {
	it.each([
		'Naam corporatie',
		'Naam wijk',
		'Wijknaam',
		'corporatie_naam',
		'Adres bekend',
		'Aantal adressen',
		'Postcodegebied',
		'opmerking',
		'Telefonisch contact'.replace('Telefonisch', 'Contactwijze')
	])('header %s', (header) => {
		const result = importFiles([DOSSIERS, withComment('x', header)], { today });
		expect(result.refused).toEqual([]);
	});

	it.each([
		'2015-03-01',
		'06-03-2015',
		'2015-03-01T10:00:00+01:00',
		'in 2015 en 2016 gesprekken',
		'bedrag 1.234,56 euro',
		'Y-2015-000123',
		'7f3a9c2e1b',
		'belt 123456789 terug',
		'bedrag 123456782,50 euro'
	])('value %s', (value) => {
		const result = importFiles([DOSSIERS, withComment(value)], { today });
		expect(result.refused).toEqual([]);
	});

	it('a column of hex pseudonyms of which a few look like postcodes', () => {
		const ids = ['2011FE', 'a3f9c1', '9bd0e2', '1234AB', 'ff0012', '0c4d5e', '77aa10', '5e6f7a'];
		const rows = ids.map((id, i) => `${id};2015-01-0${(i % 9) + 1};achterstand_1m`);
		const dossiers = file(
			'd.csv',
			lines(['dossier_id;corporatie;doelgroep', ...ids.map((id) => `${id};Ymere;senior`)])
		);
		const events = file('e.csv', lines(['dossier_id;datum;gebeurtenis', ...rows]));
		const result = importFiles([dossiers, events], { today });
		expect(result.refused).toEqual([]);
		expect(result.events).toHaveLength(ids.length);
	});

	it('a column of numeric 9-digit pseudonyms, some passing the eleven-test by chance', () => {
		// A fixed linear congruential sequence: no randomness in the test, ~1 in 11 pass.
		const ids: string[] = [];
		let x = 12345;
		while (ids.length < 400) {
			x = (x * 1103515245 + 12345) % 2 ** 31;
			ids.push(String(100_000_000 + (x % 900_000_000)));
		}
		const passing = ids.filter(passesElevenTest).length;
		expect(passing).toBeGreaterThan(10);
		const dossiers = file(
			'd.csv',
			lines(['dossier_id;corporatie;doelgroep', ...ids.map((id) => `${id};Ymere;senior`)])
		);
		const result = importFiles([dossiers], { today });
		expect(result.refused).toEqual([]);
		expect(result.dossiers).toHaveLength(400);
	});

	it('one 9-digit pseudonym that passes by chance is not a BSN; three of three are', () => {
		expect(bsnBeyondChance(1, 1)).toBe(false);
		expect(bsnBeyondChance(2, 2)).toBe(false);
		expect(bsnBeyondChance(3, 3)).toBe(true);
		expect(bsnBeyondChance(1000, 120)).toBe(false);
		expect(bsnBeyondChance(1000, 1000)).toBe(true);
	});
});

describe('personal data beyond the header width', () => {
	const wide = (extra: string) =>
		file(
			'e.csv',
			lines([
				'dossier_id;datum;gebeurtenis',
				'D1;2015-01-01;achterstand_1m',
				`D1;2015-02-01;contact;${extra}`
			])
		);

	it.each([
		{ extra: '123-456-782', reason: 'bsn' },
		{ extra: 'jan@example.nl', reason: 'email' },
		{ extra: '06-12345678', reason: 'telefoon' }
	])('$extra in a 4th field under a 3-column header → $reason', ({ extra, reason }) => {
		const result = importFiles([DOSSIERS, wide(extra)], { today });
		expect(result.refused.map((r) => r.personalData)).toEqual([
			[{ column: '(kolom 4)', reason, line: 3 }]
		]);
		expect(JSON.stringify(result)).not.toContain(extra);
	});

	it('dropped on request: the row is rejected and the value is in no report or download', () => {
		const result = importFiles([DOSSIERS, wide('jan@example.nl')], {
			today,
			dropPersonalData: true
		});
		const e = result.files.find((f) => f.name === 'e.csv')!;
		expect(e.counts).toMatchObject({ gelezen: 2, geaccepteerd: 1, geweigerd: 1 });
		expect(JSON.stringify(result)).not.toContain('jan@example.nl');
		expect(rejectedRowsCsv(e)).not.toContain('jan@example.nl');
	});

	it('in a malformed record, too', () => {
		const f = file(
			'e.csv',
			lines(['dossier_id;datum;gebeurtenis', 'D1;2015-01-01;"oeps;jan@example.nl'])
		);
		const result = importFiles([DOSSIERS, f], { today });
		expect(result.refused[0]!.personalData).toEqual([
			{ column: '(kolom 4)', reason: 'email', line: 2 }
		]);
	});
});
