/**
 * Header words to steps (src/lib/import/profiles/suggest/classify.ts): many spellings per step as
 * systems write them (numbers as digits, ordinals or words; compounds; camelCase; underscores),
 * and headers that must stay open because they are ambiguous, planned, cancelled or no date.
 */
import { describe, expect, it } from 'vitest';
import type { EventCode } from '../../../../src/lib/domain/codes';
import { stepOfHeader, textWords } from '../../../../src/lib/import/profiles/suggest/classify';
import { splitCompound } from '../../../../src/lib/import/profiles/suggest/words';

const SPELLINGS: Partial<Record<EventCode, string[]>> = {
	achterstand_1m: [
		'Datum 1 mnd achterstand',
		'Achterstand (1 mnd)',
		'mnd1 achterstand',
		'eerste maand',
		'1e mnd',
		'een maand',
		'1-maands',
		'1mnd',
		'Achterstand1Maand',
		'achterstand_1m',
		'1M achterstand',
		'Huurachterstand 1e maand',
		'1ste maand huurachterstand',
		'eenmaandsachterstand',
		'1e herinnering',
		'Eerste herinnering verstuurd',
		'DatumAchterstand1Mnd',
		'dt_achterstand_1_maand',
		'Signaal 1 maand',
		'1 maandhuur achterstand'
	],
	achterstand_2m: [
		'Datum 2 mnd achterstand',
		'Achterstand (2 mnd)',
		'mnd2 achterstand',
		'tweede maand',
		'2e mnd',
		'twee maanden',
		'2-maands',
		'2mnd',
		'tweemaandsachterstand',
		'Achterstand 2 maanden',
		'tweede herinnering',
		'2de herinnering',
		'Huurachterstand 2e maand'
	],
	achterstand_3m: [
		'Datum 3 mnd achterstand',
		'Achterstand (3 mnd)',
		'mnd3 achterstand',
		'derde maand',
		'3e mnd',
		'drie maanden achterstand',
		'3-maands',
		'3mnd',
		'Achterstand3Mnd',
		'achterstand_3m',
		'3 maanden huurachterstand'
	],
	contact: [
		'Eerste contact',
		'Contact',
		'Datum contact',
		'Contactdatum',
		'Contact huurder',
		'Contact met huurder',
		'Klantcontact',
		'Huurdercontact',
		'Contact gelegd',
		'DatumContact',
		'dt_contact',
		'1e contactmoment'
	],
	huisbezoek: [
		'Huisbezoek',
		'datumhuisbezoek',
		'huisbezoekdatum',
		'Datum huisbezoek',
		'Huisbezoek afgelegd',
		'Bezoek aan huis',
		'Thuisbezoek',
		'HuisbezoekDatum',
		'dt_huisbezoek',
		'Datum bezoek huurder',
		'huisbezoek_uitgevoerd'
	],
	melding_sdv: [
		'Aanmelding SDV',
		'DatumMeldingSDV',
		'Melding schulddienstverlening',
		'Verwijzing schuldhulp',
		'Doorverwijzing schuldhulpverlening',
		'Overdracht SDV',
		'Aanmelding kredietbank',
		'Verwezen naar SHV',
		'Gemeld bij SDV',
		'Naar schuldhulp',
		'aanmeldingsdatum schuldhulp',
		'Melding_SDV',
		'Aanmelding budgetbeheer',
		'Aanmelding budgetbeheer-intake',
		'Verwijzing intake SDV',
		'Datum doorverwijzing naar schulddienstverlening',
		'Melding SDV via wijkteam',
		'Doorverwijzing door wijkteam naar schuldhulp'
	],
	melding_swt: [
		'Aanmelding wijkteam',
		'Melding SWT',
		'Melding sociaal wijkteam',
		'Verwijzing wijkteam',
		'Doorverwezen naar het sociaal wijkteam',
		'Overdracht wijkteam',
		'DatumMeldingSWT',
		'aanmelding_swt',
		'Aanmelding sociaal team',
		'Gemeld bij wijkteam'
	],
	afstemming_swt: ['Afstemming SWT', 'Afstemming wijkteam', 'Overleg wijkteam', 'Afstemming'],
	uitnodiging_sdv: ['Uitnodiging SDV', 'Uitnodigingsbrief', 'Uitnodiging intake', 'Uitgenodigd'],
	intake_sdv: ['Intake', 'Intakegesprek', 'Datum intake SDV', 'Intake schuldhulp'],
	plan_van_aanpak: ['Plan van aanpak', 'PvA', 'PvA opgesteld', 'Datum plan van aanpak'],
	terugkoppeling: ['Terugkoppeling', 'Teruggekoppeld', 'Terugkoppeling ketenpartners'],
	betalingsregeling: [
		'Betalingsregeling getroffen',
		'Betalingsregeling',
		'Regeling',
		'Afbetalingsregeling',
		'Datum regeling',
		'Betaalafspraak',
		'Regeling getroffen',
		'BetalingsregelingDatum',
		'dt_betalingsregeling',
		'Startdatum betalingsregeling'
	],
	budgetbeheer: ['Start budgetbeheer', 'Budgetbeheer', 'Budgetbeheer gestart'],
	schuldhulptraject: ['Start schuldregeling', 'Schuldhulptraject', 'Start schuldhulp', 'WSNP'],
	deurwaarder: [
		'Overdracht deurwaarder',
		'Deurwaarder',
		'Datum deurwaarder',
		'Deurwaarderoverdracht',
		'deurwaardersoverdracht',
		'Overdracht incasso',
		'incasso-overdracht',
		'Uit handen gegeven',
		'Overgedragen aan deurwaarder',
		'DatumOverdrachtDeurwaarder',
		'Overdracht DW',
		'dt_deurwaarder'
	],
	dagvaarding: [
		'Dagvaarding',
		'Datum dagvaarding',
		'Dagvaardingsdatum',
		'Gedagvaard',
		'Dagvaarding uitgebracht',
		'DatumDagvaarding',
		'dt_dagvaarding',
		'Dagvaarding deurwaarder',
		'Dagvaarding betekend',
		'dagvaarding_datum'
	],
	vonnis: [
		'Vonnisdatum',
		'Vonnis',
		'dt_vonnis',
		'Datum vonnis',
		'Uitspraak',
		'Datum uitspraak kantonrechter',
		'Ontbinding huurovereenkomst',
		'Ontruimingsvonnis',
		'Vonnis ontruiming',
		'Kantonrechter',
		'Vonnis ontvangen',
		'DatumVonnis',
		'Rechterlijke uitspraak'
	],
	aanzegging: [
		'Aanzegging',
		'Datum aanzegging',
		'Ontruimingsaanzegging',
		'Aanzegging ontruiming',
		'Aangezegd op',
		'Aanzegdatum',
		'DatumAanzegging',
		'dt_aanzegging',
		'Aankondiging ontruiming',
		'aanzegging_deurwaarder'
	],
	ontruiming: [
		'Ontruimingsdatum',
		'ontruimingsdatum',
		'Ontruiming',
		'Datum ontruiming',
		'Ontruimd op',
		'Huisuitzetting',
		'Datum uitzetting',
		'Uitzettingsdatum',
		'Datum ontr.',
		'Woning ontruimd',
		'DatumOntruiming',
		'dt_ontruiming',
		'Ontruiming uitgevoerd'
	],
	afgesloten: [
		'Einddatum',
		'Einde',
		'Dossier afgesloten',
		'Afsluitdatum',
		'Datum afsluiting',
		'Afsluiting dossier',
		'Gesloten op',
		'Dossier beëindigd',
		'Beëindigd',
		'Einde dossier',
		'Afgerond',
		'DatumAfgesloten',
		'dt_einde',
		'Sluitingsdatum'
	]
};

describe('stepOfHeader: spellings per step', () => {
	const rows = Object.entries(SPELLINGS).flatMap(([code, list]) =>
		list.map((header) => [header, code] as const)
	);
	it.each(rows)('%s → %s', (header, code) => {
		// A numbered reminder names a month of arrears only as a proxy (weaker than the month itself).
		const proxy = /herinnering/i.test(header) && !/achterstand|maand|mnd/i.test(header);
		expect(stepOfHeader(header)).toEqual({ code, ambiguous: [], proxy });
	});
	it('at least ten spellings for each common step', () => {
		for (const code of [
			'achterstand_1m',
			'achterstand_2m',
			'achterstand_3m',
			'contact',
			'huisbezoek',
			'melding_sdv',
			'melding_swt',
			'betalingsregeling',
			'deurwaarder',
			'dagvaarding',
			'vonnis',
			'aanzegging',
			'ontruiming',
			'afgesloten'
		] as const)
			expect(SPELLINGS[code]!.length).toBeGreaterThanOrEqual(10);
	});
});

describe('stepOfHeader: never a wrong step', () => {
	it.each([
		// No step word, or a role instead of a step.
		'Datum',
		'Naam huurder',
		'Huurcontractnummer',
		'Postcode',
		'Wijk',
		'Reden ontruiming',
		'Afloop',
		'Huishoudtype',
		// Counts, amounts, notes and who: not a step's date.
		'Bedrag achterstand 1 mnd',
		'Aantal maanden achterstand',
		'Status deurwaarder',
		'Opmerking vonnis',
		'Medewerker huisbezoek',
		// Planned, cancelled, attempted, refused or prevented.
		'Geplande ontruiming',
		'Ontruiming gepland',
		'Ontruiming geannuleerd',
		'Ontruiming voorkomen',
		'Huisbezoek gepland',
		'Contactpoging',
		'Aanmelding SDV afgewezen',
		'Verzoek ontruiming',
		'Uitgestelde ontruiming',
		// A hearing, an appeal, the serving of a judgment: no judgment.
		'Zittingsdatum',
		'Datum zitting kantonrechter',
		'Hoger beroep vonnis',
		'Betekening vonnis',
		// The end of something else than the dossier.
		'Einddatum betalingsregeling',
		'Einde huurovereenkomst',
		'Einde huur',
		'Gasafsluiting',
		'Einde budgetbeheer',
		'Afsluiting SDV',
		// A record's own dates.
		'Registratiedatum',
		'Invoerdatum vonnis',
		'Laatst gewijzigd',
		// Months that are not 1, 2 or 3, or a range.
		'Achterstand > 3 mnd',
		'Achterstand 1 tot 3 maanden',
		'4 mnd achterstand',
		// Words that alone name no step.
		'Herinnering',
		'Aanmaning',
		'1e aanmaning',
		'Laatste aanmaning',
		'Melding',
		'Aanmelding',
		'Overdracht',
		'Incasso',
		'Schuldhulp',
		'MDO',
		'Overleg',
		'Start',
		'Datum laatste contact',
		'Intake wijkteam',
		'Uitnodiging wijkteam',
		// A party after via, door, vanuit or van referred; it is not where the referral went.
		'Melding via wijkteam',
		'Aanmelding door het wijkteam',
		'Verwijzing vanuit sociaal wijkteam',
		'Melding van schuldhulp',
		// A payment arrangement of gas or water is not the rent's.
		'Betalingsregeling energie'
	])('%s stays open', (header) => {
		expect(stepOfHeader(header).code).toBeNull();
	});
	it.each([
		['Melding SDV na 2 mnd achterstand', ['achterstand_2m', 'melding_sdv']],
		['Uitnodiging huisbezoek', ['huisbezoek', 'uitnodiging_sdv']],
		['Huisbezoek na dagvaarding', ['dagvaarding', 'huisbezoek']],
		['Aanmelding SDV en wijkteam', ['melding_sdv', 'melding_swt']],
		['Vonnis dagvaarding', ['dagvaarding', 'vonnis']],
		['Budgetbeheer-intake', ['budgetbeheer', 'intake_sdv']]
	])('%s is ambiguous: %o', (header, codes) => {
		const answer = stepOfHeader(header);
		expect(answer.code).toBeNull();
		expect([...answer.ambiguous].sort()).toEqual(codes);
	});
});

describe('words: normalisation', () => {
	it.each([
		['Achterstand (1 mnd)', 'achterstand 1 maand'],
		['mnd2 achterstand', 'mnd 2 achterstand'],
		['3mnd', '3 maand'],
		['1e mnd', '1 mnd'],
		['2-maands', '2 maands'],
		['tweede herinnering', '2 herinnering'],
		['datumhuisbezoek', 'datum huisbezoek'],
		['DatumMeldingSDV', 'datum melding sdv'],
		['dt_vonnis', 'dt vonnis'],
		['ontruimingsdatum', 'ontruiming datum'],
		['huisbezoekdatum', 'huisbezoek datum'],
		['Dossier beëindigd', 'dossier beeindigd'],
		['PvA', 'pva'],
		['65+', '65 plus'],
		['E-mail', 'e mail']
	])('%s → %s', (text, expected) => {
		expect(textWords(text).join(' ')).toBe(expected);
	});
	it('a compound splits only when wholly made of known stems, fewest parts first', () => {
		const stems = new Set(['datum', 'dat', 'huisbezoek', 'huis', 'bezoek', 'ontruiming', 'in']);
		expect(splitCompound('datumhuisbezoek', stems)).toEqual(['datum', 'huisbezoek']);
		expect(splitCompound('ontruimingsdatum', stems)).toEqual(['ontruiming', 'datum']);
		expect(splitCompound('datumnotatie', stems)).toBeNull();
		// Two-letter words are no parts: `informatie` is not `in` + `formatie`.
		expect(splitCompound('inhuis', stems)).toBeNull();
		expect(splitCompound('datum', stems)).toBeNull();
	});
	it('splits a header word of thousands of stems, and refuses one with a foreign tail', () => {
		const stems = new Set(['huisnummer', 'huis', 'nummer', 'postcode']);
		// A hostile export's header: 5,000 stems in one word, then the same with one letter too many.
		const word = 'huisnummer'.repeat(5000);
		const parts = splitCompound(word, stems);
		expect(parts).toHaveLength(5000);
		expect(new Set(parts)).toEqual(new Set(['huisnummer']));
		expect(splitCompound(`${word}x`, stems)).toBeNull();
		expect(splitCompound(`postcode${'x'.repeat(50000)}`, stems)).toBeNull();
	});
});
