/**
 * suggestProfile on whole exports: date columns found by their values (an impossible date, Excel
 * serials, mixed notations; ids that are no dates), personal data never placed, the corporation
 * from a column or a name, the shape, and every open sentence; on five realistic exports of other
 * systems (tests/fixtures/suggest), worked out by hand.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileTable } from '../../../../src/lib/import/profiles/match';
import { distinctValues } from '../../../../src/lib/import/profiles/draft';
import {
	profileColumns,
	validateProfile,
	type ValueSpec
} from '../../../../src/lib/import/profiles/format';
import {
	suggestProfile,
	type ProfileSuggestion
} from '../../../../src/lib/import/profiles/suggest';
import {
	dateKind,
	columnValues,
	isDateValued
} from '../../../../src/lib/import/profiles/suggest/values';
import { tablesToXlsx } from '../../../../src/lib/report/xlsx';

/** The suggestion for a fixture file (CSV or workbook), read as the CLI reads it. */
function suggestFile(
	path: string,
	bytes: Uint8Array = new Uint8Array(readFileSync(path))
): ProfileSuggestion {
	const read = fileTable(bytes)!;
	return suggestProfile({
		fileName: path.split('/').pop()!,
		header: read.table.header,
		rows: read.table.rows.map((r) => r.fields),
		fromWorkbook: read.sheets !== null,
		sheet: read.sheet
	});
}

const F = 'tests/fixtures/suggest';

/** A one-column-per-step wide export with a contract number, from the name `ymere.csv`. */
function wide(
	header: string[],
	rows: string[][],
	extra: Partial<Parameters<typeof suggestProfile>[0]> = {}
) {
	return suggestProfile({
		fileName: 'ymere.csv',
		header: ['Contractnummer', 'Huishoudtype', ...header],
		rows: rows.map((r, i) => [`YM-${1000 + i}`, 'Gezin met kinderen', ...r]),
		...extra
	});
}
const events = (s: ProfileSuggestion) =>
	s.profiel.vorm === 'breed'
		? Object.fromEntries(s.profiel.gebeurtenissen.map((e) => [e.kolom, e.gebeurtenis]))
		: {};

describe('dates by value', () => {
	it.each([
		['2015-03-01', false, 'leesbaar'],
		['1-3-2015', false, 'leesbaar'],
		['01/03/2015', false, 'leesbaar'],
		['2015-03-01T00:00:00', false, 'leesbaar'],
		['31-02-2015', false, 'onmogelijk'],
		['2015-02-30', false, 'onmogelijk'],
		['01-03-15', false, 'anders'],
		['1.3.2015', false, 'anders'],
		['2015-03-01 10:00', false, 'anders'],
		['1 mrt 2015', false, 'anders'],
		['41418', true, 'leesbaar'],
		['41418.5', true, 'leesbaar'],
		['41418', false, null],
		['1234', true, null],
		['123456782', true, null],
		['ja', false, null],
		['2015', false, null]
	] as const)('%s (workbook %s) → %s', (value, workbook, kind) => {
		expect(dateKind(value, workbook)).toBe(kind);
	});
	it('a column of dates with one impossible date in its first row holds dates', () => {
		const [col] = columnValues(1, [['31-02-2015'], ['01-03-2015'], ['']], false);
		expect(isDateValued(col!)).toBe(true);
		const s = wide(['Datum vonnis'], [['31-02-2015'], ['01-03-2015']]);
		expect(events(s)).toEqual({ 'Datum vonnis': 'vonnis' });
		expect(s.open.join(' ')).not.toContain('Datum vonnis');
	});
	it('80 % of the non-empty cells must be dates: 4 of 5 is, 3 of 5 is not', () => {
		const col = (cells: string[]) =>
			columnValues(
				1,
				cells.map((c) => [c]),
				false
			)[0]!;
		expect(isDateValued(col(['01-03-2015', '02-03-2015', '03-03-2015', '04-03-2015', 'nvt']))).toBe(
			true
		);
		expect(isDateValued(col(['01-03-2015', '02-03-2015', '03-03-2015', 'nvt', 'nvt']))).toBe(false);
		expect(isDateValued(col(['', '']))).toBe(false);
	});
	it('mixed notations are one date column', () => {
		const s = wide(
			['Ontruimingsdatum'],
			[['2015-03-01'], ['2/3/2015'], ['03-03-2015'], ['2015-03-04T00:00:00']]
		);
		expect(events(s)).toEqual({ Ontruimingsdatum: 'ontruiming' });
	});
	it('Excel serials are dates in a workbook, not in a CSV file', () => {
		const rows = [['41418'], ['41500'], ['2013-06-01']];
		expect(events(wide(['Datum vonnis'], rows, { fromWorkbook: true }))).toEqual({
			'Datum vonnis': 'vonnis'
		});
		const csv = wide(['Datum vonnis'], rows);
		expect(events(csv)).toEqual({});
		expect(csv.open).toContain(
			'De kolom ‘Datum vonnis’ lijkt de stap vonnis, maar bevat niet alleen datums (bijv. ‘41418’); hij is niet gekoppeld.'
		);
	});
	it('a column of 9-digit ids is no date column, also in a workbook', () => {
		const s = wide(
			['Datum 1 mnd achterstand', 'Relatiecode'],
			[
				['2015-03-01', '100234567'],
				['2015-03-02', '100234568']
			],
			{ fromWorkbook: true }
		);
		expect(events(s)).toEqual({ 'Datum 1 mnd achterstand': 'achterstand_1m' });
		expect(s.open.join(' ')).not.toContain('Relatiecode');
	});
	it('numeric contract numbers in a workbook that look like serials are still the id', () => {
		const s = suggestProfile({
			fileName: 'ymere.xlsx',
			fromWorkbook: true,
			header: ['Contractnummer', 'Datum contract', 'Huishoudtype', 'Datum 1 mnd achterstand'],
			rows: [
				['41234', '2001-05-01', 'Gezin', '42005'],
				['41235', '1999-02-01', 'Senior', '42010']
			]
		});
		expect(s.profiel.dossier_id).toEqual({ kolommen: ['Contractnummer'], pseudonimiseren: true });
		expect(s.open).toEqual([
			'De kolom ‘Datum contract’ bevat datums maar is aan geen stap gekoppeld.'
		]);
	});
	it('a date column without a step word stays open and is named; so is one with two steps', () => {
		const s = wide(
			['Datum 1 mnd achterstand', 'Datum laatste betaling', 'Melding SDV na 2 mnd achterstand'],
			[['2015-03-01', '2015-02-01', '2015-04-01']]
		);
		expect(events(s)).toEqual({ 'Datum 1 mnd achterstand': 'achterstand_1m' });
		expect(s.open).toEqual([
			'De kolom ‘Datum laatste betaling’ bevat datums maar is aan geen stap gekoppeld.',
			'De kolom ‘Melding SDV na 2 mnd achterstand’ bevat datums maar is aan geen stap gekoppeld.',
			'De kolomnaam ‘Melding SDV na 2 mnd achterstand’ past bij meer dan één stap (achterstand_2m, melding_sdv); kies zelf.'
		]);
	});
	it('an empty column with a clear step header is placed (it gives no events)', () => {
		const s = wide(
			['Datum 1 mnd achterstand', 'Vonnisdatum'],
			[
				['2015-03-01', ''],
				['2015-03-02', '']
			]
		);
		expect(events(s)).toEqual({
			'Datum 1 mnd achterstand': 'achterstand_1m',
			Vonnisdatum: 'vonnis'
		});
	});
});

describe('personal data is never placed', () => {
	it('a date column that is personal data (Geboortedatum) is named, not placed', () => {
		const s = wide(['Datum 1 mnd achterstand', 'Geboortedatum'], [['2015-03-01', '1961-05-12']]);
		expect(events(s)).toEqual({ 'Datum 1 mnd achterstand': 'achterstand_1m' });
		expect(s.open).toContain(
			'De kolom ‘Geboortedatum’ bevat datums maar lijkt persoonsgegevens; hij wordt niet gekoppeld en niet geladen.'
		);
	});
	it('a column whose values are phone numbers is not placed, whatever its header', () => {
		const s = wide(['Datum 1 mnd achterstand', 'Huishouden'], [['2015-03-01', '06-12345678']]);
		if (s.profiel.vorm !== 'breed') throw new Error('breed');
		expect(JSON.stringify(s.profiel)).not.toContain('"Huishouden"');
	});
	const HEADERS = [
		'Naam',
		'BSN',
		'Adres',
		'Postcode',
		'Telefoon',
		'E-mail',
		'Geboortedatum',
		'IBAN'
	];
	it('property: a personal column is used only as the pseudonymised id', () => {
		fc.assert(
			fc.property(
				fc.subarray(HEADERS, { minLength: 1 }),
				fc.subarray(['Datum 1 mnd achterstand', 'Huishoudtype', 'Wijk', 'Vonnis', 'Soort'], {
					minLength: 1
				}),
				(personal, other) => {
					const header = ['Huurcontractnummer', ...personal, ...other];
					const rows = [0, 1, 2].map((i) =>
						header.map((h) =>
							h === 'Huurcontractnummer'
								? `YM-${i}`
								: HEADERS.includes(h)
									? '2015-03-0' + (i + 1)
									: h.startsWith('Datum') || h === 'Vonnis'
										? `2015-04-0${i + 1}`
										: 'Noord'
						)
					);
					const s = suggestProfile({ fileName: 'ymere.csv', header, rows });
					const used = JSON.stringify({ ...s.profiel, dossier_id: null });
					for (const h of personal) expect(used).not.toContain(`"${h}"`);
					expect(s.profiel.dossier_id).toEqual({
						kolommen: ['Huurcontractnummer'],
						pseudonimiseren: true
					});
				}
			),
			{ numRuns: 60 }
		);
	});
	it('an id that is already a pseudonym (hex) is not pseudonymised again; a contract number is', () => {
		const hex = suggestProfile({
			fileName: 'ymere.csv',
			header: ['Dossier ID', 'Doelgroep', 'Datum 1 mnd achterstand'],
			rows: [
				['37eb2344547604c29476ff28b7f4e8b1', 'senior', '2015-03-01'],
				['f4f483cf069f2271fecdc05ab00a843b', 'oggz', '2015-03-02']
			]
		});
		expect(hex.profiel.dossier_id).toEqual({ kolommen: ['Dossier ID'], pseudonimiseren: false });
		expect(validateProfile(hex.profiel).ok).toBe(true);
		const own = suggestProfile({
			fileName: 'ymere.csv',
			header: ['Dossier ID', 'Doelgroep', 'Datum 1 mnd achterstand'],
			rows: [['D-1', 'senior', '2015-03-01']]
		});
		expect(own.profiel.dossier_id.pseudonimiseren).toBe(true);
	});
});

describe('properties over random exports', () => {
	const HEADERS = [
		'Huurcontractnummer',
		'Dossiernummer',
		'Naam',
		'Geboortedatum',
		'Huishoudtype',
		'Wijk',
		'Datum 1 mnd achterstand',
		'2e herinnering',
		'Vonnisdatum',
		'Ontruiming',
		'Reden ontruiming',
		'Einddatum',
		'Afloop',
		'Datum',
		'Datum laatste betaling',
		'Activiteit',
		'Melding SDV na 2 mnd achterstand',
		'Opmerking',
		''
	];
	const CELLS = [
		'2015-03-01',
		'31-02-2015',
		'01-03-15',
		'41418',
		'Gezin met kinderen',
		'65',
		'65+',
		'Huurschuld',
		'Ontruimd',
		'Intake',
		'Notitie toegevoegd',
		'YM-1',
		'YM-2',
		'06-12345678',
		'ja',
		''
	];
	const exports = fc.record({
		header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 9 }),
		rows: fc.array(fc.array(fc.constantFrom(...CELLS), { minLength: 9, maxLength: 9 }), {
			maxLength: 12
		}),
		fromWorkbook: fc.boolean(),
		fileName: fc.constantFrom('ymere.csv', 'export.csv', 'sdv-activiteiten.csv')
	});
	it('every date column is placed or named, every label of a used column placed or named, no personal column used', () => {
		fc.assert(
			fc.property(exports, (input) => {
				const rows = input.rows.map((r) => r.slice(0, input.header.length));
				const s = suggestProfile({ ...input, rows });
				const open = s.open.join('\n');
				const used = new Set(profileColumns(s.profiel));
				const values = columnValues(input.header.length, rows, input.fromWorkbook);
				input.header.forEach((name, i) => {
					if (!isDateValued(values[i]!)) return;
					const named =
						name === '' ? open.includes(`(kolom ${i + 1})`) : open.includes(`‘${name}’`);
					expect(used.has(name) || named, `${name} (kolom ${i + 1})`).toBe(true);
				});
				for (const name of ['Naam', 'Geboortedatum'])
					expect(JSON.stringify({ ...s.profiel, dossier_id: null })).not.toContain(`"${name}"`);
				const specs: (ValueSpec | undefined)[] = [s.profiel.corporatie, s.profiel.doelgroep];
				if (s.profiel.vorm === 'breed')
					for (const e of s.profiel.gebeurtenissen) specs.push(e.reden, e.uitkomst);
				else specs.push(s.profiel.gebeurtenis, s.profiel.reden, s.profiel.uitkomst);
				for (const spec of specs) {
					if (!spec || !('kolom' in spec) || spec.kolom === '') continue;
					for (const label of distinctValues(input.header, rows, spec.kolom))
						expect(
							label in (spec.waarden ?? {}) ||
								open.includes(`Het label ‘${label}’ in kolom ‘${spec.kolom}’`),
							`${label} in ${spec.kolom}`
						).toBe(true);
					expect(spec.anders).toBeUndefined();
				}
			}),
			{ numRuns: 500 }
		);
	});
});

describe('never wrong', () => {
	it('a label `65` (a spreadsheet’s 65+) is not senior and not overig: it is named', () => {
		const s = suggestProfile({
			fileName: 'ymere.csv',
			header: ['Contractnummer', 'Huishoudtype', 'Datum 1 mnd achterstand'],
			rows: [
				['YM-1', '65', '2015-03-01'],
				['YM-2', 'Gezin met kinderen', '2015-03-01']
			]
		});
		expect(s.profiel.doelgroep).toEqual({
			kolom: 'Huishoudtype',
			waarden: { 'Gezin met kinderen': 'gezin_met_kinderen' }
		});
		expect(s.open).toEqual(['Het label ‘65’ in kolom ‘Huishoudtype’ is niet gekoppeld.']);
	});
	it('no `anders` is ever set to hide labels that are not placed', () => {
		for (const path of [
			'Ymere_export_tobias.csv',
			'Elan_huurachterstand.csv',
			'huurincasso-export-2015.csv'
		])
			expect(JSON.stringify(suggestFile(`${F}/${path}`).profiel)).not.toContain('"anders"');
	});
	it('without a corporation in the file or its name: an empty corporatie and a sentence', () => {
		const s = suggestProfile({
			fileName: 'export.csv',
			header: ['Contractnummer', 'Huishoudtype', 'Datum 1 mnd achterstand'],
			rows: [['C-1', 'Gezin', '2015-03-01']]
		});
		expect(s.profiel.corporatie).toEqual({ waarde: '' });
		expect(validateProfile(s.profiel).ok).toBe(false);
		expect(s.open).toEqual([
			'Uit het bestand en de bestandsnaam is niet op te maken van welke corporatie de export is; vul de corporatie in.'
		]);
	});
	it('the corporation from the sheet name of a workbook', () => {
		const s = suggestProfile({
			fileName: 'incasso.xlsx',
			sheet: 'Pré Wonen',
			fromWorkbook: true,
			header: ['Contractnummer', 'Huishoudtype', 'Datum 1 mnd achterstand'],
			rows: [['C-1', 'Gezin', '41418']]
		});
		expect(s.profiel).toMatchObject({ werkblad: 'Pré Wonen', corporatie: { waarde: 'Pré Wonen' } });
		expect(s.open).toEqual([]);
	});
	it('a wide export without the 1-month step says that it counts no signal', () => {
		const s = wide(['Vonnisdatum'], [['2015-03-01']]);
		expect(s.open).toEqual([
			'Let op: profiel ‘ymere’ koppelt geen kolom aan ‘1 maand huurachterstand’ (achterstand_1m); dit bestand telt geen signalen.'
		]);
	});
	it('one step column beside a status column with step labels is still wide (ids do not repeat)', () => {
		const s = suggestProfile({
			fileName: 'ymere.csv',
			header: [
				'Contractnummer',
				'Naam corporatie',
				'Doelgroep',
				'Datum 1 mnd achterstand',
				'Status'
			],
			rows: [
				['C-1', 'Ymere', 'senior', '2015-03-01', 'Deurwaarder'],
				['C-2', 'Ymere', 'oggz', '2015-03-02', 'Betalingsregeling']
			]
		});
		expect(s.profiel).toMatchObject({
			vorm: 'breed',
			corporatie: { kolom: 'Naam corporatie', waarden: { Ymere: 'Ymere' } },
			gebeurtenissen: [{ gebeurtenis: 'achterstand_1m', kolom: 'Datum 1 mnd achterstand' }]
		});
		expect(s.open).toEqual([]);
	});
	it('a corporation’s own activity log: long, and it gives the dossiers', () => {
		const s = suggestProfile({
			fileName: 'ymere-activiteiten.csv',
			header: ['Contractnummer', 'Huishoudtype', 'Datum', 'Activiteit'],
			rows: [
				['C-1', 'Gezin met kinderen', '2015-03-01', '1e herinnering verstuurd'],
				['C-1', 'Gezin met kinderen', '2015-03-04', 'Telefonisch contact'],
				['C-1', 'Gezin met kinderen', '2015-05-04', 'Overdracht deurwaarder'],
				['C-2', '65', '2015-03-02', 'Notitie']
			]
		});
		expect(s.profiel).toEqual({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'ymere-activiteiten',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contractnummer'], pseudonimiseren: true },
			corporatie: { waarde: 'Ymere' },
			doelgroep: { kolom: 'Huishoudtype', waarden: { 'Gezin met kinderen': 'gezin_met_kinderen' } },
			datum: { kolom: 'Datum' },
			gebeurtenis: {
				kolom: 'Activiteit',
				waarden: {
					'1e herinnering verstuurd': 'achterstand_1m',
					'Telefonisch contact': 'contact',
					'Overdracht deurwaarder': 'deurwaarder',
					Notitie: null
				}
			}
		});
		expect(s.open).toEqual(['Het label ‘65’ in kolom ‘Huishoudtype’ is niet gekoppeld.']);
		expect(validateProfile(s.profiel).ok).toBe(true);
	});
	it('a Wijkteam export with a doelgroep but no corporation: its dossiers come from elsewhere', () => {
		const s = suggestProfile({
			fileName: 'swt.csv',
			header: ['Contractnr verhuurder', 'Doelgroep', 'Datum', 'Soort'],
			rows: [
				['C-1', '65', '2015-03-01', 'Huisbezoek'],
				['C-1', '65', '2015-03-04', 'Intake']
			]
		});
		expect(s.profiel).toEqual({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'swt',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contractnr verhuurder'], pseudonimiseren: true },
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Soort', waarden: { Huisbezoek: 'huisbezoek' } }
		});
		expect(s.open).toEqual([
			'Het label ‘Intake’ in kolom ‘Soort’ is niet gekoppeld.',
			'Dit bestand noemt de doelgroep (kolom ‘Doelgroep’) maar niet de corporatie; de activiteiten horen nu bij dossiers uit de andere bestanden. Vul de corporatie in als dit bestand ook de dossiers geeft.'
		]);
	});
	it('a long export whose name says nothing: its party from its own steps, or from a header', () => {
		const sdv = suggestProfile({
			fileName: 'activiteiten.csv',
			header: ['Huurcontract', 'Datum', 'Activiteit'],
			rows: [
				['YM-1', '2015-03-01', 'Aanmelding via verhuurder'],
				['YM-1', '2015-03-05', 'Uitnodigingsbrief verstuurd'],
				['YM-1', '2015-03-09', 'Telefonisch contact']
			]
		});
		expect(sdv.profiel.vorm === 'lang' && sdv.profiel.gebeurtenis).toEqual({
			kolom: 'Activiteit',
			waarden: {
				'Aanmelding via verhuurder': 'melding_sdv',
				'Uitnodigingsbrief verstuurd': 'uitnodiging_sdv',
				'Telefonisch contact': null
			}
		});
		const swt = suggestProfile({
			fileName: 'registraties.csv',
			header: ['Contractnr verhuurder', 'Datum activiteit', 'Soort', 'Wijkteam'],
			rows: [
				['YM-1', '1/3/2015', 'Aanmelding', 'SWT Noord'],
				['YM-1', '3/3/2015', 'Telefonisch contact', 'SWT Noord']
			]
		});
		expect(swt.profiel.vorm === 'lang' && swt.profiel.gebeurtenis).toEqual({
			kolom: 'Soort',
			waarden: { Aanmelding: 'melding_swt', 'Telefonisch contact': null }
		});
		// Both parties' steps: no party, so a bare referral and a contact stay open.
		const both = suggestProfile({
			fileName: 'registraties.csv',
			header: ['Contractnr', 'Datum', 'Soort'],
			rows: [
				['YM-1', '1/3/2015', 'Intake'],
				['YM-1', '2/3/2015', 'Plan van aanpak'],
				['YM-1', '3/3/2015', 'Aanmelding'],
				['YM-1', '4/3/2015', 'Telefonisch contact']
			]
		});
		expect(both.open).toEqual([
			'Het label ‘Aanmelding’ in kolom ‘Soort’ is niet gekoppeld.',
			'Het label ‘Telefonisch contact’ in kolom ‘Soort’ is niet gekoppeld.'
		]);
	});
	it('a column name that stands twice is used for nothing', () => {
		const s = wide(
			['Vonnis', 'Vonnis', 'Datum 1 mnd achterstand'],
			[['2015-03-01', '2015-03-02', '2015-02-01']]
		);
		expect(events(s)).toEqual({ 'Datum 1 mnd achterstand': 'achterstand_1m' });
		expect(s.open).toContain(
			'De kolomnaam ‘Vonnis’ staat 2 keer in de kopregel; die kolommen worden niet gebruikt.'
		);
	});
});

describe('held-out findings (issue 18)', () => {
	it('a reminder column gives way to a column that names the same month of arrears itself', () => {
		const s = wide(
			['Tweede maand achterstand', '1e herinnering', '2e herinnering'],
			[['2015-04-01', '2015-03-01', '2015-03-15']]
		);
		// `1e herinnering` has no month column beside it: still read as the first month.
		expect(events(s)).toEqual({
			'Tweede maand achterstand': 'achterstand_2m',
			'1e herinnering': 'achterstand_1m'
		});
		expect(s.open).toEqual([
			'De kolom ‘2e herinnering’ is niet gekoppeld: een herinnering kan op achterstand_2m wijzen, maar de kolom ‘Tweede maand achterstand’ noemt die stap zelf. Kies zelf als ‘2e herinnering’ toch een stap is.'
		]);
	});
	it('two columns of equal weight on one step are both placed and named', () => {
		const s = wide(
			['Datum 1 mnd achterstand', '1e huisbezoek', '2e huisbezoek'],
			[['2015-03-01', '2015-03-10', '2015-04-10']]
		);
		expect(events(s)).toEqual({
			'Datum 1 mnd achterstand': 'achterstand_1m',
			'1e huisbezoek': 'huisbezoek',
			'2e huisbezoek': 'huisbezoek'
		});
		expect(s.open).toEqual([
			'De kolommen ‘1e huisbezoek’ en ‘2e huisbezoek’ zijn allemaal gekoppeld aan huisbezoek; controleer dat elk een eigen gebeurtenis is.'
		]);
	});
	it('a reminder label gives way to a label that names the same month itself', () => {
		const s = suggestProfile({
			fileName: 'ymere-activiteiten.csv',
			header: ['Contractnummer', 'Huishoudtype', 'Datum', 'Activiteit'],
			rows: [
				['C-1', 'Senior', '2015-03-01', '2 maanden achterstand'],
				['C-1', 'Senior', '2015-03-04', '2e herinnering verstuurd'],
				['C-1', 'Senior', '2015-02-04', '1e herinnering verstuurd']
			]
		});
		expect(s.profiel).toMatchObject({
			gebeurtenis: {
				kolom: 'Activiteit',
				waarden: {
					'2 maanden achterstand': 'achterstand_2m',
					'1e herinnering verstuurd': 'achterstand_1m'
				}
			}
		});
		expect(s.open).toEqual([
			'Het label ‘2e herinnering verstuurd’ in kolom ‘Activiteit’ is niet gekoppeld: een herinnering kan op achterstand_2m wijzen, maar het label ‘2 maanden achterstand’ noemt die stap zelf.'
		]);
	});
	it('an abbreviated household header (hh_type) is the doelgroep; its own codes stay open', () => {
		const s = suggestProfile({
			fileName: 'elan_wonen.csv',
			header: ['contract_id', 'hh_grootte', 'hh_type', 'datum_1e_mnd_achterstand'],
			rows: [
				['EW-1', '4', 'GMK', '2015-03-01'],
				['EW-2', '1', 'SEN', '2015-03-02'],
				['EW-3', '1', 'Onbekend', '2015-03-03']
			]
		});
		// The household's size (hh_grootte) is no doelgroep.
		expect(s.profiel.doelgroep).toEqual({ kolom: 'hh_type', waarden: { Onbekend: 'overig' } });
		expect(s.open).toEqual([
			'Het label ‘GMK’ in kolom ‘hh_type’ is niet gekoppeld.',
			'Het label ‘SEN’ in kolom ‘hh_type’ is niet gekoppeld.'
		]);
	});
	it('no doelgroep column recognised: a column that may hold it is taken without a table, and said', () => {
		const s = suggestProfile({
			fileName: 'ymere.csv',
			header: ['Contractnummer', 'Categorie', 'Status', 'Openstaand bedrag', 'Achterstand 1 mnd'],
			rows: [
				['C-1', 'GMK', 'Lopend', '399,44', '2015-03-01'],
				['C-2', 'SEN', 'Gesloten', '1.280,70', '2015-03-02'],
				['C-3', 'ALL', 'Lopend', '87,00', '2015-03-03']
			]
		});
		expect(s.profiel.doelgroep).toEqual({ kolom: 'Categorie' });
		expect(s.open).toEqual([
			'Geen kolom met de doelgroep (huishoudtype) herkend. De kolom ‘Categorie’ kan de doelgroep zijn (een handvol labels, verder nergens voor gebruikt) en staat daarom als doelgroepkolom, maar zonder gekoppelde labels: koppel elk label aan een doelgroep, of kies een andere kolom of geen kolom (dan krijgen alle dossiers doelgroep ‘overig’). Zolang een label niet gekoppeld is, worden die dossiers geweigerd.',
			'Het label ‘GMK’ in kolom ‘Categorie’ is niet gekoppeld.',
			'Het label ‘SEN’ in kolom ‘Categorie’ is niet gekoppeld.',
			'Het label ‘ALL’ in kolom ‘Categorie’ is niet gekoppeld.'
		]);
		expect(validateProfile(s.profiel).ok).toBe(true);
	});
	it('several such columns: the first is taken, the others named', () => {
		const s = suggestProfile({
			fileName: 'ymere.csv',
			header: ['Contractnummer', 'Type', 'Gemeente', 'Achterstand 1 mnd'],
			rows: [
				['C-1', 'A', 'Haarlem', '2015-03-01'],
				['C-2', 'B', 'Heemstede', '2015-03-02']
			]
		});
		expect(s.profiel.doelgroep).toEqual({ kolom: 'Type' });
		expect(s.open).toContain('Ook de kolom ‘Gemeente’ kan de doelgroep zijn.');
	});
	it('without any column that may hold the doelgroep: every dossier overig, and said', () => {
		const s = suggestProfile({
			fileName: 'ymere.csv',
			header: ['Contractnummer', 'Status', 'Openstaand bedrag', 'Opmerking', 'Achterstand 1 mnd'],
			rows: [
				['C-1', 'Lopend', '399,44', 'Belt terug', '2015-03-01'],
				['C-2', 'Gesloten', '1.280,70', '', '2015-03-02']
			]
		});
		expect(s.profiel.doelgroep).toEqual({ waarde: 'overig' });
		expect(s.open).toEqual([
			'Geen kolom met de doelgroep (huishoudtype) gevonden: alle dossiers krijgen nu doelgroep ‘overig’; kies de kolom als het bestand er een heeft.'
		]);
	});
	it('in SDV’s export: a referral via the Wijkteam is its own referral in; its own closing stays open', () => {
		const s = suggestProfile({
			fileName: 'sdv-activiteiten.csv',
			header: ['Huurcontractnummer', 'Datum activiteit', 'Activiteit'],
			rows: [
				['YM-1', '2015-03-01', 'Aanmelding via wijkteam'],
				['YM-1', '2015-03-09', 'Betalingsregeling verhuurder getroffen'],
				['YM-1', '2015-06-01', 'Dossier gesloten']
			]
		});
		expect(s.profiel).toMatchObject({
			gebeurtenis: {
				kolom: 'Activiteit',
				waarden: {
					'Aanmelding via wijkteam': 'melding_sdv',
					'Betalingsregeling verhuurder getroffen': 'betalingsregeling'
				}
			}
		});
		expect(s.open).toEqual([
			'Het label ‘Dossier gesloten’ in kolom ‘Activiteit’ is niet gekoppeld.'
		]);
	});
});

describe('five exports of other systems (tests/fixtures/suggest)', () => {
	it('Ymere, camelCase and underscores, personal data, an impossible date, a `65` label', () => {
		const s = suggestFile(`${F}/Ymere_export_tobias.csv`);
		expect(s.profiel).toEqual({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'Ymere_export_tobias',
			vorm: 'breed',
			dossier_id: { kolommen: ['ContractNr'], pseudonimiseren: true },
			corporatie: { waarde: 'Ymere' },
			doelgroep: {
				kolom: 'HuishoudSamenstelling',
				waarden: {
					'Gezin met kinderen': 'gezin_met_kinderen',
					'65+': 'senior',
					Alleenstaand: 'overig',
					Eenoudergezin: 'gezin_met_kinderen',
					Onbekend: 'overig'
				}
			},
			wijk: { kolom: 'Buurt' },
			gebeurtenissen: [
				{ gebeurtenis: 'achterstand_1m', kolom: 'DatumAchterstand1Mnd' },
				{ gebeurtenis: 'achterstand_2m', kolom: 'dt_herinnering_2' },
				{ gebeurtenis: 'achterstand_3m', kolom: 'Achterstand3Mnd' },
				{ gebeurtenis: 'melding_sdv', kolom: 'DatumMeldingSDV' },
				{ gebeurtenis: 'vonnis', kolom: 'dt_vonnis' },
				{
					gebeurtenis: 'ontruiming',
					kolom: 'OntruimingsDatum',
					reden: { kolom: 'OntruimingsReden', waarden: { Huurschuld: 'huurachterstand' } }
				},
				{
					gebeurtenis: 'afgesloten',
					kolom: 'DatumAfgesloten',
					uitkomst: {
						kolom: 'RedenAfsluiting',
						waarden: {
							'Achterstand ingelopen': 'opgelost',
							Ontruimd: 'ontruimd',
							'Verhuisd naar andere woning': 'verhuisd'
						}
					}
				}
			]
		});
		expect(s.open).toEqual([
			'Het label ‘65’ in kolom ‘HuishoudSamenstelling’ is niet gekoppeld.',
			'De kolom ‘Geboortedatum’ bevat datums maar lijkt persoonsgegevens; hij wordt niet gekoppeld en niet geladen.',
			'De kolom ‘DatumLaatsteBetaling’ bevat datums maar is aan geen stap gekoppeld.'
		]);
		expect(validateProfile(s.profiel).ok).toBe(true);
	});

	it('Elan, other wordings (herinneringen, uit handen, gedagvaard, uitspraak), a hearing date left open', () => {
		const s = suggestFile(`${F}/Elan_huurachterstand.csv`);
		expect(s.profiel).toMatchObject({
			vorm: 'breed',
			dossier_id: { kolommen: ['Huurovereenkomst'], pseudonimiseren: true },
			corporatie: { waarde: 'Elan Wonen' },
			doelgroep: {
				kolom: 'Type huishouden',
				waarden: {
					'Gezin met kinderen': 'gezin_met_kinderen',
					'AOW-gerechtigd': 'senior',
					'OGGZ-cliënt': 'oggz',
					'Paar zonder kinderen': 'overig',
					'Samengesteld gezin': 'gezin_met_kinderen'
				}
			},
			wijk: { kolom: 'Stadsdeel' }
		});
		expect(events(s)).toEqual({
			'1e herinnering': 'achterstand_1m',
			'2e herinnering': 'achterstand_2m',
			'Datum 3 maanden achterstand': 'achterstand_3m',
			'Contact gelegd': 'contact',
			'Verwijzing schuldhulp': 'melding_sdv',
			'Doorverwijzing wijkteam': 'melding_swt',
			'Regeling getroffen': 'betalingsregeling',
			'Uit handen gegeven': 'deurwaarder',
			Gedagvaard: 'dagvaarding',
			'Uitspraak kantonrechter': 'vonnis',
			Aangezegd: 'aanzegging',
			'Woning ontruimd': 'ontruiming',
			'Dossier gesloten': 'afgesloten'
		});
		expect(s.open).toEqual([
			'De kolom ‘Datum zitting’ bevat datums maar is aan geen stap gekoppeld.'
		]);
	});

	it('a corporation column: its known labels placed, an unknown corporation named', () => {
		const s = suggestFile(`${F}/huurincasso-export-2015.csv`);
		expect(s.profiel).toMatchObject({
			dossier_id: { kolommen: ['Dossiernummer'], pseudonimiseren: true },
			corporatie: { kolom: 'Corporatie', waarden: { Ymere: 'Ymere', 'Pre Wonen': 'Pré Wonen' } },
			doelgroep: {
				kolom: 'Doelgroep',
				waarden: { Senior: 'senior', Gezin: 'gezin_met_kinderen', Overig: 'overig' }
			}
		});
		expect(s.open).toEqual(['Het label ‘Woonopmaat’ in kolom ‘Corporatie’ is niet gekoppeld.']);
	});

	it('a Kredietbank activity log: long, the contract number, steps and skips, the uncertain labels named', () => {
		const s = suggestFile(`${F}/kredietbank-activiteiten.csv`);
		expect(s.profiel).toEqual({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'kredietbank-activiteiten',
			vorm: 'lang',
			dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: true },
			datum: { kolom: 'Datum actie' },
			gebeurtenis: {
				kolom: 'Actie',
				waarden: {
					'Melding ontvangen van corporatie': 'melding_sdv',
					'Uitnodiging verstuurd': 'uitnodiging_sdv',
					'Telefoon geen gehoor': null,
					'Intake heeft plaatsgevonden': 'intake_sdv',
					'Budgetbeheer gestart': 'budgetbeheer',
					'E-mail ontvangen': null,
					'Schuldsanering gestart': 'schuldhulptraject',
					Notitie: null
				}
			}
		});
		expect(s.open).toEqual([
			'Het label ‘Intake gepland’ in kolom ‘Actie’ is niet gekoppeld.',
			'Het label ‘Dossier gesloten’ in kolom ‘Actie’ is niet gekoppeld.'
		]);
		expect(validateProfile(s.profiel).ok).toBe(true);
	});

	it('a Wijkteam export (tab-separated): its referral, visits, consultations; a case meeting left open', () => {
		const s = suggestFile(`${F}/wijkteam-export.csv`);
		expect(s.profiel).toEqual({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'wijkteam-export',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contractnummer verhuurder'], pseudonimiseren: true },
			datum: { kolom: 'Datum' },
			gebeurtenis: {
				kolom: 'Type contact',
				waarden: {
					'Melding ontvangen': 'melding_swt',
					Huisbezoek: 'huisbezoek',
					'Overleg met woningcorporatie': 'afstemming_swt',
					'PvA opgesteld': 'plan_van_aanpak',
					'Terugkoppeling aan corporatie': 'terugkoppeling',
					'Telefonisch contact': null
				}
			}
		});
		expect(s.open).toEqual(['Het label ‘Casusoverleg’ in kolom ‘Type contact’ is niet gekoppeld.']);
	});

	it('a workbook whose dates are Excel serials, on its widest sheet', async () => {
		const bytes = await tablesToXlsx([
			{ sheet: 'Toelichting', header: ['Export van het incassosysteem'], rows: [] },
			{
				sheet: 'Incasso',
				header: [
					'Huurcontract',
					'Huishouden',
					'Signaal 1 mnd',
					'Overdracht DW',
					'Vonnis',
					'Dat. laatste betaling'
				],
				rows: [
					['PW-1', 'Eenoudergezin', 42005, 42100, null, 42001],
					['PW-2', 'Senior', 42010, null, 42200, 42003]
				]
			}
		]);
		const s = suggestFile(`${F}/PreWonen_incasso.xlsx`, bytes);
		expect(s.profiel).toMatchObject({
			werkblad: 'Incasso',
			corporatie: { waarde: 'Pré Wonen' },
			doelgroep: {
				kolom: 'Huishouden',
				waarden: { Eenoudergezin: 'gezin_met_kinderen', Senior: 'senior' }
			}
		});
		expect(events(s)).toEqual({
			'Signaal 1 mnd': 'achterstand_1m',
			'Overdracht DW': 'deurwaarder',
			Vonnis: 'vonnis'
		});
		expect(s.open).toEqual([
			'De kolom ‘Dat. laatste betaling’ bevat datums maar is aan geen stap gekoppeld.'
		]);
	});
});
