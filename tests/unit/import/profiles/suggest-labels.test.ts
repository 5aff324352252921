/**
 * Labels to codes (src/lib/import/profiles/suggest/classify.ts): doelgroep, reden, uitkomst,
 * corporation and activity labels in the spellings parties write, and the labels that must stay
 * open (`65`, a negation, two meanings at once); and the vocabulary itself (each word in one list).
 */
import { describe, expect, it } from 'vitest';
import {
	activityOfLabel,
	corporationOfText,
	groupOfLabel,
	outcomeOfLabel,
	partyOfName,
	reasonOfLabel,
	textWords
} from '../../../../src/lib/import/profiles/suggest/classify';
import {
	CONCEPT_WORDS,
	GROUP_WORDS,
	OUTCOME_WORDS,
	REASON_WORDS
} from '../../../../src/lib/import/profiles/suggest/synonyms';

describe('doelgroep labels', () => {
	it.each([
		['Gezin met kinderen', 'gezin_met_kinderen'],
		['Eenoudergezin', 'gezin_met_kinderen'],
		['1-oudergezin', 'gezin_met_kinderen'],
		['Alleenstaande ouder met kind(eren)', 'gezin_met_kinderen'],
		['Gezin m. kinderen', 'gezin_met_kinderen'],
		['Kinderen', 'gezin_met_kinderen'],
		['Samenwonend met kinderen', 'gezin_met_kinderen'],
		['gezin_met_kinderen', 'gezin_met_kinderen'],
		['65+', 'senior'],
		['67+', 'senior'],
		['65-plusser', 'senior'],
		['Senioren (65+)', 'senior'],
		['Senior', 'senior'],
		['AOW-gerechtigd', 'senior'],
		["AOW'er", 'senior'],
		['Ouderen', 'senior'],
		['65 jaar en ouder', 'senior'],
		['Ouder dan 65 jaar', 'senior'],
		['Alleenstaand 65+', 'senior'],
		['OGGZ', 'oggz'],
		['OGGZ-cliënt', 'oggz'],
		['Bijzondere doelgroep (OGGZ)', 'oggz'],
		['Kwetsbare huurder', 'oggz'],
		['GGZ', 'oggz'],
		['Psychische problematiek', 'oggz'],
		['Alleenstaand', 'overig'],
		['Paar zonder kinderen', 'overig'],
		['Gezin zonder kinderen', 'overig'],
		['Echtpaar', 'overig'],
		['Eenpersoonshuishouden', 'overig'],
		['Onbekend', 'overig'],
		['Overig', 'overig']
	])('%s → %s', (label, code) => {
		expect(groupOfLabel(label)).toBe(code);
	});
	it.each([
		// A spreadsheet turned `65+` into 65: never senior, never overig.
		'65',
		'55+',
		'65 jaar',
		'Senior met kinderen',
		'Gezin, OGGZ',
		'Meerpersoonshuishouden',
		'Jongere',
		'Student',
		''
	])('%s stays open', (label) => {
		expect(groupOfLabel(label)).toBeNull();
	});
});

describe('reden labels', () => {
	it.each([
		['Huurschuld', 'huurachterstand'],
		['Huurachterstand', 'huurachterstand'],
		['Betalingsachterstand', 'huurachterstand'],
		['Overlast', 'overlast'],
		['Ernstige overlast', 'overlast'],
		['Hennepkwekerij', 'hennep_drugs'],
		['Drugs', 'hennep_drugs'],
		['Opiumwet (Damocles)', 'hennep_drugs'],
		['Woonfraude', 'woonfraude'],
		['Illegale onderhuur', 'woonfraude'],
		['Geen hoofdverblijf', 'woonfraude'],
		['Anders', 'overig'],
		['hennep_drugs', 'hennep_drugs']
	])('%s → %s', (label, code) => {
		expect(reasonOfLabel(label)).toBe(code);
	});
	it.each(['Onbekend', 'Drugsoverlast', 'Overlast en huurschuld', 'Niet betaald?'])(
		'%s stays open',
		(label) => {
			expect(reasonOfLabel(label)).toBeNull();
		}
	);
});

describe('uitkomst labels', () => {
	it.each([
		['Schuld betaald', 'opgelost'],
		['Betaald', 'opgelost'],
		['Achterstand ingelopen', 'opgelost'],
		['Geen achterstand meer', 'opgelost'],
		['Regeling loopt', 'betalingsregeling'],
		['Betalingsregeling', 'betalingsregeling'],
		['Naar schuldhulp', 'schuldhulp'],
		['Budgetbeheer', 'schuldhulp'],
		['Vertrokken', 'verhuisd'],
		['Huur opgezegd', 'verhuisd'],
		['Vertrokken met onbekende bestemming', 'verhuisd'],
		['Ontruimd', 'ontruimd'],
		['Overig', 'overig'],
		['Overleden', 'overig']
	])('%s → %s', (label, code) => {
		expect(outcomeOfLabel(label)).toBe(code);
	});
	it.each([
		'Onbekend',
		'Ontruiming voorkomen',
		'Regeling mislukt',
		'Schuld betaald via schuldhulp'
	])('%s stays open', (label) => {
		expect(outcomeOfLabel(label)).toBeNull();
	});
});

describe('corporations and parties by name', () => {
	it.each([
		['Ymere', 'Ymere'],
		['YMERE Haarlem', 'Ymere'],
		['ymere-export', 'Ymere'],
		['Pré Wonen', 'Pré Wonen'],
		['Pre-Wonen', 'Pré Wonen'],
		['PreWonen_incasso', 'Pré Wonen'],
		['Woonstichting Pré Wonen', 'Pré Wonen'],
		['Elan', 'Elan Wonen'],
		['Elan_huurachterstand', 'Elan Wonen'],
		['elan-wonen-huurincasso', 'Elan Wonen'],
		['Woonopmaat', null],
		['Ymere/Elan', null],
		['sdv-activiteiten', null]
	])('%s → %s', (text, corporation) => {
		expect(corporationOfText(text)).toBe(corporation);
	});
	it.each([
		['ymere-huurincasso', 'corporatie'],
		['sdv-activiteiten', 'sdv'],
		['Export Kredietbank 2015', 'sdv'],
		['swt-registraties', 'swt'],
		['Sociaal Wijkteam registratie', 'swt'],
		['export', null]
	])('party of %s → %s', (name, party) => {
		expect(partyOfName(name)).toBe(party);
	});
});

describe('activity labels', () => {
	it.each([
		// Schulddienstverlening's export.
		['Aanmelding via verhuurder', 'sdv', 'melding_sdv'],
		// The party after via, door, vanuit or van referred: in SDV's export its referral in.
		['Aanmelding via wijkteam', 'sdv', 'melding_sdv'],
		['Aanmelding via het sociaal wijkteam', 'sdv', 'melding_sdv'],
		['Verwijzing door woningcorporatie', 'sdv', 'melding_sdv'],
		['Aanmelding vanuit wijkteam', 'sdv', 'melding_sdv'],
		['Melding ontvangen van wijkteam', 'sdv', 'melding_sdv'],
		// A payment arrangement by name is one in SDV's export too.
		['Betalingsregeling verhuurder getroffen', 'sdv', 'betalingsregeling'],
		['Betaalregeling met corporatie', 'sdv', 'betalingsregeling'],
		['Uitnodigingsbrief verstuurd', 'sdv', 'uitnodiging_sdv'],
		['Intakegesprek', 'sdv', 'intake_sdv'],
		['Start budgetbeheer', 'sdv', 'budgetbeheer'],
		['Start schuldregeling', 'sdv', 'schuldhulptraject'],
		['Start traject', 'sdv', 'schuldhulptraject'],
		['Telefonisch contact', 'sdv', null],
		['Notitie toegevoegd', 'sdv', null],
		['E-mail verstuurd', 'sdv', null],
		['Telefoon geen gehoor', 'sdv', null],
		['Dossier ingezien', 'sdv', null],
		// The Wijkteam's export.
		['Huisbezoek', 'swt', 'huisbezoek'],
		['Afstemming met verhuurder', 'swt', 'afstemming_swt'],
		['Overleg met corporatie', 'swt', 'afstemming_swt'],
		['Plan van aanpak vastgesteld', 'swt', 'plan_van_aanpak'],
		['Terugkoppeling ketenpartners', 'swt', 'terugkoppeling'],
		['Aanmelding', 'swt', 'melding_swt'],
		['Doorverwezen naar SDV', 'swt', 'melding_sdv'],
		['Doorverwezen naar wijkteam', 'sdv', 'melding_swt'],
		['Dossier bijgewerkt', 'swt', null],
		['Contactpoging', 'swt', null],
		// A corporation's own activity log.
		['Telefonisch contact', 'corporatie', 'contact'],
		['1e herinnering verstuurd', 'corporatie', 'achterstand_1m'],
		['Overdracht deurwaarder', 'corporatie', 'deurwaarder'],
		['vonnis', null, 'vonnis']
	] as const)('%s (%s) → %s', (label, party, code) => {
		expect(activityOfLabel(label, party)).toBe(code);
	});
	it.each([
		['Intake gepland', 'sdv'],
		['Dossier afgesloten', 'sdv'],
		// SDV's closing of its own file is not the closing of the eviction-prevention dossier.
		['Dossier gesloten', 'sdv'],
		['Dossier beëindigd', 'sdv'],
		// In SDV's export a referral naming the Wijkteam without `naar` may be the Wijkteam's referral in.
		['Aanmelding wijkteam', 'sdv'],
		['Verwijzing sociaal wijkteam', 'sdv'],
		// A referral whose referrer alone is named, where the party is not known.
		['Aanmelding via wijkteam', null],
		['Aanmelding via wijkteam', 'corporatie'],
		// A bare `regeling` in SDV's export may be a debt settlement; one of gas or water is no rent's.
		['Regeling getroffen', 'sdv'],
		['Betalingsregeling energie', 'sdv'],
		['Afstemming met verhuurder', 'sdv'],
		['Brief verstuurd', 'sdv'],
		['Doorverwezen naar budgetbeheer', 'sdv'],
		['Niet verschenen op intake', 'sdv'],
		['Intake', 'swt'],
		['MDO', 'swt'],
		['Notitie huisbezoek', 'swt'],
		['Aanmelding', null],
		['Telefonisch contact', null],
		['12', 'sdv']
	] as const)('%s (%s) stays open', (label, party) => {
		expect(activityOfLabel(label, party)).toBeUndefined();
	});
});

describe('the vocabulary', () => {
	it('each word or phrase stands in one concept', () => {
		const seen = new Map<string, string>();
		for (const [concept, list] of Object.entries(CONCEPT_WORDS)) {
			for (const phrase of list) {
				const key = textWords(phrase).join(' ');
				expect(seen.get(key) ?? concept, `${phrase} in ${seen.get(key)} and ${concept}`).toBe(
					concept
				);
				seen.set(key, concept);
			}
		}
	});
	it.each([
		['doelgroep', GROUP_WORDS],
		['reden', REASON_WORDS],
		['uitkomst', OUTCOME_WORDS]
	] as const)('each %s label phrase stands under one code', (_, table) => {
		const seen = new Map<string, string>();
		for (const [code, list] of Object.entries(table)) {
			for (const phrase of list) {
				const key = textWords(phrase).join(' ');
				expect(seen.get(key) ?? code, phrase).toBe(code);
				seen.set(key, code);
			}
		}
	});
});
