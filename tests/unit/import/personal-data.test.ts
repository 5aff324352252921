import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	cannotSignal,
	classifyValue,
	describeFinding,
	ibanMod97Valid,
	isBsn,
	isIban,
	isPhoneNumber,
	isSuspiciousHeader,
	passesElevenTest,
	screenPersonalData,
	textValueReason,
	valueSignal
} from '../../../src/lib/import/personal-data';

describe('passesElevenTest', () => {
	// 111222333: 9+8+7+12+10+8+9+6−3 = 66 = 6·11. 123456782: 9+16+21+24+25+24+21+16−2 = 154 = 14·11.
	// 999999990: 9·44 − 0 = 396 = 36·11. 123456789: 156 − 9 = 147 = 13·11 + 4.
	it.each([
		{ input: '111222333', expected: true },
		{ input: '123456782', expected: true },
		{ input: '999999990', expected: true },
		{ input: '123456789', expected: false },
		{ input: '111222334', expected: false },
		{ input: '000000000', expected: false },
		{ input: '12345678', expected: false },
		{ input: '1234567820', expected: false },
		{ input: '12345678a', expected: false }
	])('$input', ({ input, expected }) => expect(passesElevenTest(input)).toBe(expected));
});

describe('ibanMod97Valid', () => {
	it.each([
		{ input: 'NL91ABNA0417164300', expected: true },
		{ input: 'nl91abna0417164300', expected: true },
		{ input: 'GB82WEST12345698765432', expected: true },
		{ input: 'DE89370400440532013000', expected: true },
		{ input: 'BE68539007547034', expected: true },
		{ input: 'NL91ABNA0417164301', expected: false },
		{ input: 'NL92ABNA0417164300', expected: false },
		{ input: 'NL91', expected: false },
		{ input: 'NL91 ABNA', expected: false }
	])('$input', ({ input, expected }) => expect(ibanMod97Valid(input)).toBe(expected));
});

describe('isIban', () => {
	it.each([
		{ input: 'NL91ABNA0417164300', expected: true },
		{ input: 'NL91 ABNA 0417 1643 00', expected: true },
		{ input: 'GB82 WEST 1234 5698 7654 32', expected: true },
		{ input: 'NL91ABNA041716430', expected: false },
		{ input: 'XX91ABNA0417164300', expected: false },
		{ input: 'NL91ABNA0417164301', expected: false },
		{ input: 'dossier-2015-0001', expected: false }
	])('$input', ({ input, expected }) => expect(isIban(input)).toBe(expected));
});

describe('isPhoneNumber', () => {
	it.each([
		{ input: '0612345678', expected: true },
		{ input: '06-12345678', expected: true },
		{ input: '06 1234 5678', expected: true },
		{ input: '(06) 12345678', expected: true },
		{ input: '+31612345678', expected: true },
		{ input: '+31 6 1234 5678', expected: true },
		{ input: '0031612345678', expected: true },
		{ input: '+31 23 511 5115', expected: true },
		{ input: '023-5115115', expected: true },
		{ input: '(023) 511 51 15', expected: true },
		{ input: '06-03-2015', expected: false },
		{ input: '06/03/2015', expected: false },
		{ input: '061234567', expected: false },
		{ input: '0235115115', expected: false },
		{ input: '+3161234567', expected: false },
		{ input: '2015-03-06', expected: false }
	])('$input', ({ input, expected }) => expect(isPhoneNumber(input)).toBe(expected));
});

describe('isBsn', () => {
	it.each([
		{ input: '111222333', expected: true },
		{ input: '111 222 333', expected: true },
		{ input: '111.222.333', expected: true },
		{ input: '123456789', expected: false },
		{ input: '11122233', expected: false }
	])('$input', ({ input, expected }) => expect(isBsn(input)).toBe(expected));
});

describe('classifyValue', () => {
	it.each([
		{ input: '111222333', expected: null },
		{ input: ' 123456782 ', expected: null },
		{ input: '111-222-333', expected: 'bsn' },
		{ input: '123456789', expected: null },
		{ input: '2011 RD', expected: 'postcode' },
		{ input: '2011RD', expected: 'postcode' },
		{ input: '2011 rd', expected: 'postcode' },
		{ input: '0123 AB', expected: null },
		{ input: '2011 R', expected: null },
		{ input: 'jan@example.nl', expected: 'email' },
		{ input: 'mail naar j.jansen@gemeente.haarlem.nl', expected: 'email' },
		{ input: 'a@b', expected: null },
		{ input: '06-12345678', expected: 'telefoon' },
		{ input: '+31612345678', expected: 'telefoon' },
		{ input: 'NL91ABNA0417164300', expected: 'iban' },
		{ input: 'NL91 ABNA 0417 1643 00', expected: 'iban' },
		{ input: '06-03-2015', expected: null },
		{ input: '2015-03-01', expected: null },
		{ input: '2015-03-01T00:00:00', expected: null },
		{ input: '1-3-2015', expected: null },
		{ input: 'achterstand_1m', expected: null },
		{ input: 'Zuid-West', expected: null },
		{ input: 'pre_wonen', expected: null },
		{ input: 'Y-2015-000123', expected: null },
		{ input: '7f3a9c2e1b', expected: null },
		{ input: '', expected: null }
	])('$input → $expected', ({ input, expected }) => expect(classifyValue(input)).toBe(expected));
});

describe('isSuspiciousHeader', () => {
	it.each([
		...[
			'bsn',
			'BSN',
			'Burgerservicenummer',
			'naam',
			'Naam',
			'voornaam',
			'Achternaam',
			'adres',
			'Straat',
			'huisnummer',
			'Postcode',
			'geboortedatum',
			'Geboortedatum',
			'email',
			'E-mail',
			'e_mail',
			'E mail',
			'telefoon',
			'Telefoonnummer',
			'iban',
			'IBAN',
			'naam_huurder',
			'Naam huurder',
			'huurder_naam',
			'bsn_huurder',
			'postcode_huurder',
			'Telefoon-mobiel',
			'email_adres',
			'Contractnummer'
		].map((input) => ({ input, expected: true })),
		...[
			'dossier_id',
			'Dossier ID',
			'wijk',
			'corporatie',
			'doelgroep',
			'datum',
			'gebeurtenis',
			'reden',
			'uitkomst',
			'opmerking',
			'corporatie_naam',
			'Wijk naam',
			'naamloos',
			'adressering',
			'postcodegebied',
			'bedrag',
			''
		].map((input) => ({ input, expected: false }))
	])('$input → $expected', ({ input, expected }) =>
		expect(isSuspiciousHeader(input)).toBe(expected)
	);
});

describe('screenPersonalData', () => {
	it('finds header and value signals per column, first line, unknown columns included', () => {
		const header = ['dossier_id', 'datum', 'BSN', 'opmerking'];
		const rows = [
			{ line: 2, fields: ['D1', '2015-03-01', '', 'belt terug'] },
			{ line: 3, fields: ['111222333', '2015-03-01', '', ''] },
			{ line: 4, fields: ['D2', '06-03-2015', '', 'jan@example.nl'] },
			{ line: 5, fields: ['123456782', '2015-03-01', '', 'piet@example.nl'] },
			{ line: 6, fields: ['999999990', '2015-03-01', '', '06-12345678'] }
		];
		expect(screenPersonalData(header, rows)).toEqual([
			{ column: 'dossier_id', reason: 'bsn', line: 3 },
			{ column: 'BSN', reason: 'kolomnaam', line: null },
			{ column: 'opmerking', reason: 'email', line: 4 },
			{ column: 'opmerking', reason: 'telefoon', line: 6 }
		]);
	});

	it('screens a header cell as a value (a file without a header row)', () => {
		expect(screenPersonalData(['111.222.333', 'x'], [], 1)).toEqual([
			{ column: '(kolom 1)', reason: 'bsn', line: 1 }
		]);
	});

	it('finds nothing in clean data', () => {
		const header = ['dossier_id', 'datum', 'gebeurtenis', 'wijk'];
		const rows = [{ line: 2, fields: ['Y-001', '06-03-2015', 'achterstand_1m', 'Schalkwijk'] }];
		expect(screenPersonalData(header, rows)).toEqual([]);
	});

	it('describes a finding in Dutch', () => {
		expect(describeFinding({ column: 'dossier_id', reason: 'bsn', line: 3 })).toBe(
			'kolom ‘dossier_id’: bevat een BSN (9 cijfers die de elfproef doorstaan) (eerst op regel 3)'
		);
		expect(describeFinding({ column: 'naam', reason: 'kolomnaam', line: null })).toBe(
			'kolom ‘naam’: de kolomnaam wijst op persoonsgegevens'
		);
	});
});

describe('cannotSignal: the screen’s fast path never skips a value that signals', () => {
	it('holds for generated values of digits, dashes, spaces, letters and @', () => {
		const char = fc.constantFrom(..."0123456789-- @.NLnl+()/'abcdefRD");
		fc.assert(
			fc.property(fc.array(char, { minLength: 6, maxLength: 24 }), (chars) => {
				const value = chars.join('');
				if (cannotSignal(value)) expect(valueSignal(value)).toBeNull();
			}),
			{ numRuns: 20_000 }
		);
	});

	it.each(['2015-03-01', 'achterstand_1m', 'Pré Wonen', 'D12-3'])('skips %s', (value) => {
		expect(cannotSignal(value)).toBe(true);
		expect(valueSignal(value)).toBeNull();
	});

	it.each(['j@example.nl', '2011 RD', '123456782', 'D2013-000001'])('reads %s', (value) =>
		expect(cannotSignal(value)).toBe(false)
	);
});

describe('the screen’s fast paths (dates, the digit gate, the cache, runs) skip nothing', () => {
	it('one value in a free-text column is flagged exactly when textValueReason finds it', () => {
		const char = fc.constantFrom(..."0123456789-- @./NLnl+()'abcdefRDT:");
		fc.assert(
			fc.property(fc.array(char, { minLength: 4, maxLength: 24 }), (chars) => {
				const value = chars.join('');
				const found = screenPersonalData(['opmerking'], [{ line: 2, fields: [value] }]);
				expect(found.map((f) => f.reason)).toEqual(
					textValueReason(value) === null ? [] : [textValueReason(value)]
				);
			}),
			{ numRuns: 20_000 }
		);
	});

	it.each(['2015-03-01', '01-03-2015', '01/03/2015', '2015/03/01'])('%s is a date', (value) =>
		expect(textValueReason(value)).toBeNull()
	);
});
