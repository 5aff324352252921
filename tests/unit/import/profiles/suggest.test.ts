/**
 * The mapping screen's suggestions ("Kolommen koppelen"): header words to steps, labels to codes,
 * table-driven; the draft a file gets and the profile it builds; and, on the demo exports of
 * data/bronnen, the suggested profile reads exactly the rows their committed profile reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSources } from '../../../../src/lib/import/pipeline';
import {
	buildProfile,
	distinctValues,
	initialDraft
} from '../../../../src/lib/import/profiles/draft';
import { parseProfile } from '../../../../src/lib/import/profiles/format';
import { fileHead, profileFits } from '../../../../src/lib/import/profiles/match';
import { webCryptoPseudonymiser } from '../../../../src/lib/import/profiles/pseudonym';
import {
	corporationFromName,
	looksLikeDates,
	suggestActivity,
	suggestGroup,
	suggestMapping,
	suggestOutcome,
	suggestReason,
	suggestStep
} from '../../../../src/lib/import/profiles/suggest';
import { decodeBytes } from '../../../../src/lib/import/decode';
import { parseCsv } from '../../../../src/lib/import/parse';
import { workbookSheets, isWorkbook } from '../../../../src/lib/import/workbook';

describe('suggestStep: a wide export’s header to the step its dates hold', () => {
	it.each([
		['Datum 1 mnd achterstand', 'achterstand_1m'],
		['1e herinnering', 'achterstand_1m'],
		['Herinnering verstuurd', 'achterstand_1m'],
		['Eerste maand achterstand', 'achterstand_1m'],
		['2e aanmaning', 'achterstand_2m'],
		['Aanmaning', 'achterstand_2m'],
		['Achterstand 2 maanden', 'achterstand_2m'],
		['3e maand', 'achterstand_3m'],
		['Laatste aanmaning', 'achterstand_3m'],
		['Eerste contact', 'contact'],
		['Aanmelding SDV', 'melding_sdv'],
		['Melding schulddienstverlening', 'melding_sdv'],
		['Aanmelding wijkteam', 'melding_swt'],
		['Uitnodiging SDV', 'uitnodiging_sdv'],
		['Intake', 'intake_sdv'],
		['Huisbezoek', 'huisbezoek'],
		['Plan van aanpak', 'plan_van_aanpak'],
		['Terugkoppeling', 'terugkoppeling'],
		['Betalingsregeling getroffen', 'betalingsregeling'],
		['Start budgetbeheer', 'budgetbeheer'],
		['Overdracht deurwaarder', 'deurwaarder'],
		['Dagvaarding', 'dagvaarding'],
		['Vonnisdatum', 'vonnis'],
		['Datum aanzegging', 'aanzegging'],
		['Ontruimingsdatum', 'ontruiming'],
		['Einddatum', 'afgesloten'],
		['Dossier afgesloten', 'afgesloten'],
		['Reden ontruiming', null],
		['Afloop', null],
		['Naam huurder', null],
		['Huurcontractnummer', null],
		['Postcode', null],
		['Wijk', null]
	])('%s → %s', (header, code) => {
		expect(suggestStep(header)).toBe(code);
	});
});

describe('label tables', () => {
	it.each([
		['Uitnodigingsbrief verstuurd', 'uitnodiging_sdv'],
		['Intakegesprek', 'intake_sdv'],
		['Start schuldregeling', 'schuldhulptraject'],
		['Afstemming met verhuurder', 'afstemming_swt'],
		['Plan van aanpak vastgesteld', 'plan_van_aanpak'],
		['Telefonisch contact', null],
		['Dossier bijgewerkt', null]
	])('activity %s → %s', (label, code) => {
		expect(suggestActivity(label)).toBe(code);
	});
	it.each([
		['Gezin met kinderen', 'gezin_met_kinderen'],
		['Eenoudergezin', 'gezin_met_kinderen'],
		['Paar zonder kinderen', 'overig'],
		['65+', 'senior'],
		['Bijzondere doelgroep (OGGZ)', 'oggz'],
		['Alleenstaand', 'overig']
	])('doelgroep %s → %s', (label, code) => {
		expect(suggestGroup(label)).toBe(code);
	});
	it.each([
		['Huurschuld', 'huurachterstand'],
		['Overlast', 'overlast'],
		['Hennepkwekerij', 'hennep_drugs'],
		['Woonfraude', 'woonfraude'],
		['Anders', 'overig']
	])('reden %s → %s', (label, code) => {
		expect(suggestReason(label)).toBe(code);
	});
	it.each([
		['Schuld betaald', 'opgelost'],
		['Regeling loopt', 'betalingsregeling'],
		['Naar schuldhulp', 'schuldhulp'],
		['Vertrokken', 'verhuisd'],
		['Ontruimd', 'ontruimd'],
		['Overig', 'overig']
	])('uitkomst %s → %s', (label, code) => {
		expect(suggestOutcome(label)).toBe(code);
	});
	it.each([
		['ymere-huurincasso.csv', 'Ymere'],
		['Export Pré Wonen 2015.xlsx', 'Pré Wonen'],
		['elan-wonen-huurincasso.csv', 'Elan Wonen'],
		['sdv-activiteiten.csv', '']
	])('corporation from the file name %s → %s', (name, corporation) => {
		expect(corporationFromName(name)).toBe(corporation);
	});
	it('dates: every filled value a date; a workbook’s serials only in the date range', () => {
		expect(looksLikeDates(['01-03-2013', '', '2013-03-05', '5/3/2013'])).toBe(true);
		expect(looksLikeDates(['', ''])).toBe(false);
		expect(looksLikeDates(['01-03-13'])).toBe(false);
		expect(looksLikeDates(['41334'], true)).toBe(true);
		expect(looksLikeDates(['41334'], false)).toBe(false);
		expect(looksLikeDates(['1234'], true)).toBe(false);
	});
});

describe('suggestMapping', () => {
	it('a long registration: lang, the contract number (not the registration number), date and activity', () => {
		const s = suggestMapping(
			'sdv.csv',
			['Registratienummer', 'Huurcontract', 'Cliëntnaam', 'BSN', 'Datum', 'Activiteit'],
			[['SDV-1', 'YM-1', 'A', '123456782', '01-05-2013', 'Intakegesprek']]
		);
		expect(s).toMatchObject({
			vorm: 'lang',
			idColumn: 'Huurcontract',
			dateColumn: 'Datum',
			activityColumn: 'Activiteit',
			groupColumn: null
		});
	});
	it('a wide export: breed, attributes by header words, a date column only when its values are dates', () => {
		const s = suggestMapping(
			'ymere.csv',
			['Contractnr', 'Huishoudtype', 'Buurt', '1e herinnering', 'Vonnis', 'Aanzegging'],
			[['1', 'Gezin', 'Noord', '01-02-2014', 'ja', '']]
		);
		expect(s.vorm).toBe('breed');
		expect(s.idColumn).toBe('Contractnr');
		expect(s.groupColumn).toBe('Huishoudtype');
		expect(s.wijkColumn).toBe('Buurt');
		expect(s.corporationValue).toBe('Ymere');
		// "Vonnis" holds "ja", not dates: not suggested; the empty "Aanzegging" is.
		expect(s.steps).toEqual({
			Contractnr: null,
			Huishoudtype: null,
			Buurt: null,
			'1e herinnering': 'achterstand_1m',
			Vonnis: null,
			Aanzegging: 'aanzegging'
		});
	});
});

/** The whole table of a demo export (CSV or the profile's sheet). */
function readTable(path: string, sheet?: string) {
	let bytes: Uint8Array = new Uint8Array(readFileSync(path));
	if (isWorkbook(bytes)) {
		const sheets = workbookSheets(bytes)!;
		bytes = (sheets.find((s) => s.sheet === sheet) ?? sheets[0]!).csv;
	}
	const decoded = decodeBytes(path, bytes);
	if (!decoded.ok) throw new Error(path);
	return parseCsv(decoded.text)!;
}

describe('the demo exports: the suggested profile reads what the committed profile reads', () => {
	const KEY = 'demo-sleutel-werkgroep-haarlem-2015';
	it.each([
		['ymere-huurincasso.csv', 'ymere.profiel.json'],
		['pre-wonen-huurincasso.xlsx', 'pre-wonen.profiel.json'],
		['elan-wonen-huurincasso.csv', 'elan-wonen.profiel.json'],
		['sdv-activiteiten.csv', 'sdv.profiel.json'],
		['swt-registraties.csv', 'swt.profiel.json']
	])('%s', async (file, profileFile) => {
		const committed = parseProfile(readFileSync(`data/bronnen/${profileFile}`, 'utf8'));
		if (!committed.ok) throw new Error(committed.message);
		const bytes = new Uint8Array(readFileSync(`data/bronnen/${file}`));
		const head = fileHead(bytes, undefined, 200)!;
		const table = readTable(`data/bronnen/${file}`, head.sheet ?? undefined);
		const suggestion = suggestMapping(file, head.header, head.rows, head.fromWorkbook);
		const draft = initialDraft(
			file,
			suggestion,
			(c) => distinctValues(head.header, table.rows, c),
			head.sheet
		);
		const built = buildProfile(draft);
		if (!built.ok) throw new Error(built.message);
		expect(profileFits(built.profile, head.header)).toBe(true);
		const pseudonymiser = await webCryptoPseudonymiser(KEY);
		// A long file's events need the dossiers: read it with the Ymere export (through its profile).
		const ymere = parseProfile(readFileSync('data/bronnen/ymere.profiel.json', 'utf8'));
		if (!ymere.ok) throw new Error(ymere.message);
		const others =
			built.profile.vorm === 'lang'
				? [
						{
							name: 'ymere-huurincasso.csv',
							bytes: new Uint8Array(readFileSync('data/bronnen/ymere-huurincasso.csv')),
							profile: ymere.profile
						}
					]
				: [];
		const read = (profile: typeof built.profile) =>
			importSources([...others, { name: file, bytes, profile }], {
				today: '2026-01-01',
				pseudonymiser
			});
		const [mine, theirs] = await Promise.all([read(built.profile), read(committed.profile)]);
		expect(mine.totals).toEqual(theirs.totals);
		expect(mine.dossiers).toEqual(theirs.dossiers);
		expect(mine.events).toEqual(theirs.events);
		expect(mine.totals.gebeurtenissen.geaccepteerd).toBeGreaterThan(0);
	});
});
