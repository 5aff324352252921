/**
 * The suggestion of an `adres` (issue 22, src/lib/import/profiles/suggest/address.ts): from the
 * header words, confirmed by the values (a Dutch postcode, a plain house number, a short
 * addition); never a guess, never an address column for another role, never a value quoted in
 * `open`. Small exports written by hand; every expectation worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { buildProfile, draftFromProfile } from '../../../../src/lib/import/profiles/draft';
import {
	profileColumns,
	validateProfile,
	type SourceProfile
} from '../../../../src/lib/import/profiles/format';
import { addressHeader, findAddress } from '../../../../src/lib/import/profiles/suggest/address';
import { suggestProfile } from '../../../../src/lib/import/profiles/suggest';
import { mappingView } from '../../../../src/lib/import/profiles/view';
import { bytes } from '../helpers';

/** A `;` file as header and rows. */
function table(lines: string[]): { header: string[]; rows: string[][] } {
	const [head, ...rest] = lines.map((l) => l.split(';'));
	return { header: head!, rows: rest };
}

function suggest(fileName: string, lines: string[]) {
	return suggestProfile({ fileName, ...table(lines) });
}

/** The columns a profile reads for anything but its address. */
function otherColumns(p: SourceProfile): string[] {
	const address = new Set(Object.values(p.adres ?? {}));
	return profileColumns(p).filter((c) => !address.has(c));
}

const PROPOSED = (parts: string) =>
	`Het adres (${parts}) is gekoppeld voor de adressleutel van de keten: bij het inlezen wordt het met de sleutel van de werkgroep een code, en het adres zelf wordt niet geladen. Laat het adres weg als dit bestand geen adressleutels moet geven.`;

describe('address headers, by their words', () => {
	it.each([
		['Postcode', 'postcode'],
		['Post code', 'postcode'],
		['PC', 'postcode'],
		['postcode_huurder', 'postcode'],
		['PostcodeHuurder', 'postcode'],
		['Postcode huurder', 'postcode'],
		['Huisnummer', 'huisnummer'],
		['Huisnr.', 'huisnummer'],
		['Huisnummer huurder', 'huisnummer'],
		['Adres huisnummer', 'huisnummer'],
		['Nr', 'nummer'],
		['Nummer', 'nummer'],
		['Toevoeging', 'toevoeging'],
		['Huisnummertoevoeging', 'toevoeging'],
		['Huisnummer toevoeging', 'toevoeging'],
		['huisnr_toev', 'toevoeging'],
		['Huisletter', 'toevoeging'],
		['Toev.', 'toevoeging'],
		['Straat', 'straat'],
		['Adres', 'straat'],
		// Not an address part: a postcode area, a four-digit postcode, a correspondence address,
		// a postcode with the place, a dossier's number, a house number with its addition.
		['Postcodegebied', null],
		['PC4', null],
		['Postcode (4)', null],
		['Postcode correspondentieadres', null],
		['Postcode/woonplaats', null],
		['Dossiernr', null],
		['Nr dossier', null],
		['Huisnummer en toevoeging', null],
		['Huurder', null],
		['Woonplaats', null]
	])('%s → %s', (header, kind) => {
		expect(addressHeader(header)).toBe(kind);
	});
});

describe('the suggestion proposes an address', () => {
	it('`Postcode;Huisnr;Toev`: all three, the key sentence in `open`, the rest of the profile as without them', () => {
		const lines = [
			'Huurcontractnummer;Postcode;Huisnr;Toev;Huishoudtype;Datum 1 mnd achterstand;Vonnis',
			'YM-0001234;2011 RD;12;A;Senior;01-03-2015;',
			'YM-0001235;2011rd;14;;Gezin met kinderen;01-04-2015;01-09-2015',
			'YM-0001236;3011 AD;7;bis;Senior;01-05-2015;'
		];
		const s = suggest('ymere-export.csv', lines);
		expect(s.profiel).toEqual({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'ymere-export',
			vorm: 'breed',
			dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: true },
			corporatie: { waarde: 'Ymere' },
			doelgroep: {
				kolom: 'Huishoudtype',
				waarden: { Senior: 'senior', 'Gezin met kinderen': 'gezin_met_kinderen' }
			},
			adres: { postcode: 'Postcode', huisnummer: 'Huisnr', toevoeging: 'Toev' },
			gebeurtenissen: [
				{ gebeurtenis: 'achterstand_1m', kolom: 'Datum 1 mnd achterstand' },
				{ gebeurtenis: 'vonnis', kolom: 'Vonnis' }
			]
		});
		expect(s.open[0]).toBe(PROPOSED('postcode ‘Postcode’, huisnummer ‘Huisnr’, toevoeging ‘Toev’'));
		expect(validateProfile(s.profiel).ok).toBe(true);
		// The same file without its address columns gives the same profile but for `adres`.
		const without = suggest(
			'ymere-export.csv',
			lines.map((l) =>
				l
					.split(';')
					.filter((_, i) => i < 1 || i > 3)
					.join(';')
			)
		);
		expect(without.profiel).toEqual({ ...s.profiel, adres: undefined });
		expect(without.open).toEqual(s.open.slice(1));
		// Through the screen's draft unchanged.
		const d = draftFromProfile(s.profiel, 'ymere-export.csv', () => [], null);
		expect(buildProfile(d)).toEqual(validateProfile(s.profiel));
	});

	it('`PC;Huisnummer`: postcode and house number, no addition', () => {
		const s = suggest('elan-huurincasso.csv', [
			'Dossiernummer;PC;Huisnummer;Doelgroep;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'D-1;2011 RD;12;Senior;01-03-2015;01-04-2015',
			'D-2;2035MV;163;Senior;01-03-2015;'
		]);
		expect(s.profiel.adres).toEqual({ postcode: 'PC', huisnummer: 'Huisnummer' });
		expect(s.profiel.dossier_id).toEqual({ kolommen: ['Dossiernummer'], pseudonimiseren: true });
		expect(otherColumns(s.profiel)).not.toContain('PC');
		expect(s.open).toContain(PROPOSED('postcode ‘PC’, huisnummer ‘Huisnummer’'));
	});

	it('a bare `Nr` beside the street and the postcode is the house number', () => {
		const s = suggest('pre-wonen.csv', [
			'Contractnr;Straat;Nr;Toevoeging;Postcode;Woonplaats;Doelgroep;Achterstand 1 mnd;Achterstand 2 mnd',
			'05086099-01;Vlinderstraat;63;;2019TB;Haarlem;Senior;7-2-2015;9-3-2015',
			'02014623-01;Kastanjehof;28;A;2082AX;Haarlem;Senior;30-03-2015;'
		]);
		expect(s.profiel.adres).toEqual({
			postcode: 'Postcode',
			huisnummer: 'Nr',
			toevoeging: 'Toevoeging'
		});
	});

	it('an already pseudonymised id: the address alone needs the key, and open says so', () => {
		const s = suggest('ymere.csv', [
			'Dossier_id;Postcode;Huisnummer;Doelgroep;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'37eb2344547604c29476ff28b7f4e8b1;2011 RD;12;Senior;01-03-2015;01-04-2015'
		]);
		expect(s.profiel.dossier_id.pseudonimiseren).toBe(false);
		expect(s.profiel.adres).toEqual({ postcode: 'Postcode', huisnummer: 'Huisnummer' });
		expect(s.open.some((o) => o.includes('met de sleutel van de werkgroep'))).toBe(true);
	});

	it('lang: only with corporatie and doelgroep (the file gives dossiers), as format.ts allows', () => {
		const activities = [
			'Huurcontract;Postcode;Huisnummer;Datum;Activiteit',
			'YM-1;2011 RD;12;01-03-2015;Uitnodigingsbrief verstuurd',
			'YM-1;2011 RD;12;05-03-2015;Intakegesprek',
			'YM-2;3011 AD;7;06-03-2015;Uitnodigingsbrief verstuurd'
		];
		const sdv = suggest('sdv-activiteiten.csv', activities);
		expect(sdv.profiel.vorm).toBe('lang');
		expect(sdv.profiel.adres).toBeUndefined();
		expect(sdv.open.join(' ')).not.toContain('adressleutel');
		expect(otherColumns(sdv.profiel)).not.toContain('Postcode');
		expect(otherColumns(sdv.profiel)).not.toContain('Huisnummer');

		const withDossiers = suggest('swt-registraties.csv', [
			'Huurcontract;Verhuurder;Doelgroep;Postcode;Huisnummer;Datum;Activiteit',
			'YM-1;Ymere;Senior;2011 RD;12;01-03-2015;Huisbezoek',
			'YM-1;Ymere;Senior;2011 RD;12;05-03-2015;Huisbezoek',
			'YM-2;Ymere;Senior;3011 AD;7;06-03-2015;Huisbezoek'
		]);
		expect(withDossiers.profiel.vorm).toBe('lang');
		expect(withDossiers.profiel.adres).toEqual({ postcode: 'Postcode', huisnummer: 'Huisnummer' });
		expect(validateProfile(withDossiers.profiel).ok).toBe(true);
	});
});

describe('no address, and no address column for anything else', () => {
	it('`Postcode` only: no address, no sentence; the postcode stays personal data and is used for nothing', () => {
		const s = suggest('ymere.csv', [
			'Huurcontractnummer;Naam huurder;Adres;Postcode;Doelgroep;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'YM-1;Kees Meijer;Europaweg 28;2019 HI;Senior;01-03-2013;03-04-2013'
		]);
		expect(s.profiel.adres).toBeUndefined();
		expect(profileColumns(s.profiel)).not.toContain('Postcode');
		expect(s.open.join(' ')).not.toMatch(/adressleutel|adres gekoppeld/);
	});

	it('`Nr` as the dossier number and no postcode: no address', () => {
		const s = suggest('ymere.csv', [
			'Nr;Huishoudtype;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'1001;Senior;01-03-2015;01-04-2015',
			'1002;Gezin met kinderen;01-03-2015;'
		]);
		expect(s.profiel.adres).toBeUndefined();
		expect(s.open.join(' ')).not.toContain('adres');
	});

	it('a bare `Nr` away from the address columns is no house number', () => {
		const s = suggest('ymere.csv', [
			'Nr;Huishoudtype;Postcode;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'12;Senior;2011 RD;01-03-2015;01-04-2015'
		]);
		expect(s.profiel.adres).toBeUndefined();
	});

	it('values that do not fit leave the address open, with a sentence that quotes no value', () => {
		const pc4 = suggest('ymere.csv', [
			'Huurcontractnummer;Postcode;Huisnummer;Doelgroep;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'YM-1;2011;12;Senior;01-03-2015;01-04-2015',
			'YM-2;3011;7;Senior;01-03-2015;'
		]);
		expect(pc4.profiel.adres).toBeUndefined();
		expect(pc4.open).toContain(
			'De kolom ‘Postcode’ lijkt de postcode, maar bevat niet alleen volledige postcodes (vier cijfers en twee letters); er is geen adres gekoppeld; kies het zelf als dit bestand adressleutels moet geven.'
		);
		const glued = suggest('ymere.csv', [
			'Huurcontractnummer;Postcode;Huisnummer;Doelgroep;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'YM-1;2011 RD;12A;Senior;01-03-2015;01-04-2015',
			'YM-2;3011 AD;7-III;Senior;01-03-2015;'
		]);
		expect(glued.profiel.adres).toBeUndefined();
		expect(glued.open).toContain(
			'De kolom ‘Huisnummer’ lijkt het huisnummer, maar bevat niet alleen huisnummers (cijfers; een toevoeging hoort in een eigen kolom); er is geen adres gekoppeld; kies het zelf als dit bestand adressleutels moet geven.'
		);
		for (const s of [pc4, glued]) expect(s.open.join(' ')).not.toMatch(/2011|3011|12A|7-III/);
	});

	it('two postcode columns, or two additions: open, never one of them by chance', () => {
		const two = suggest('ymere.csv', [
			'Huurcontractnummer;Postcode;PC;Huisnummer;Doelgroep;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'YM-1;2011 RD;2011RD;12;Senior;01-03-2015;01-04-2015'
		]);
		expect(two.profiel.adres).toBeUndefined();
		expect(two.open).toContain(
			'De kolommen ‘Postcode’ en ‘PC’ kunnen elk de postcode zijn; er is geen adres gekoppeld; kies het zelf als dit bestand adressleutels moet geven.'
		);
		const additions = suggest('ymere.csv', [
			'Huurcontractnummer;Postcode;Huisnummer;Huisletter;Toevoeging;Doelgroep;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'YM-1;2011 RD;12;A;2;Senior;01-03-2015;01-04-2015'
		]);
		expect(additions.profiel.adres).toBeUndefined();
		expect(additions.open).toContain(
			'De kolommen ‘Huisletter’ en ‘Toevoeging’ kunnen elk de toevoeging zijn; er is geen adres gekoppeld; kies het zelf als dit bestand adressleutels moet geven.'
		);
	});

	it('an address column is no doelgroep guess, as it would be without the address', () => {
		// Without a household column, a short list of labels may be taken for the doelgroep; the
		// addition `Toev` (A, B) is such a list, unless it is the address's.
		const lines = [
			'Huurcontractnummer;Postcode;Huisnr;Toev;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'YM-1;2011 RD;12;A;01-03-2015;01-04-2015',
			'YM-2;2011 RD;14;B;01-03-2015;',
			'YM-3;3011 AD;7;A;01-03-2015;'
		];
		const s = suggest('ymere.csv', lines);
		expect(s.profiel.adres).toEqual({
			postcode: 'Postcode',
			huisnummer: 'Huisnr',
			toevoeging: 'Toev'
		});
		expect(s.profiel.doelgroep).toEqual({ waarde: 'overig' });
		// Without the house number there is no address: `Toev` is then just a column of labels.
		const noNumber = suggest(
			'ymere.csv',
			lines.map((l) =>
				l
					.split(';')
					.filter((_, i) => i !== 2)
					.join(';')
			)
		);
		expect(noNumber.profiel.adres).toBeUndefined();
		expect(noNumber.profiel.doelgroep).toEqual({ kolom: 'Toev' });
	});

	it('is deterministic: the same file gives the same suggestion, and findAddress the same answer', () => {
		const lines = [
			'Huurcontractnummer;Postcode;Huisnr;Toev;Datum 1 mnd achterstand;Datum 2 mnd achterstand',
			'YM-1;2011 RD;12;A;01-03-2015;01-04-2015'
		];
		expect(suggest('ymere.csv', lines)).toEqual(suggest('ymere.csv', lines));
		const { header, rows } = table(lines);
		expect(
			findAddress(
				header,
				header.map(() => true),
				rows
			)
		).toEqual(
			findAddress(
				header,
				header.map(() => true),
				rows
			)
		);
	});
});

describe('the mapping screen’s view never holds the suggested address’s values', () => {
	it('no samples or labels of Postcode, Huisnr or Toev; Postcode still marked as personal data', () => {
		const text = [
			'Huurcontractnummer;Postcode;Huisnr;Toev;Huishoudtype;Datum 1 mnd achterstand',
			'YM-1;2011 RD;12;A;Senior;01-03-2015',
			'YM-2;3011 AD;7;bis;Senior;01-04-2015'
		].join('\r\n');
		const result = mappingView({ name: 'ymere.csv', bytes: bytes(text) }, null);
		if (!result.ok) throw new Error(result.message);
		const { view } = result;
		expect(view.suggestion.profiel.adres).toEqual({
			postcode: 'Postcode',
			huisnummer: 'Huisnr',
			toevoeging: 'Toev'
		});
		for (const c of ['Postcode', 'Huisnr', 'Toev']) {
			expect(view.samples[c], c).toEqual([]);
			expect(view.labels[c], c).toEqual([]);
		}
		expect(view.samples['Huishoudtype']).toEqual(['Senior']);
		expect(view.personal).toContain('Postcode');
		expect(JSON.stringify(view)).not.toMatch(/2011|3011|bis/);
	});
});
