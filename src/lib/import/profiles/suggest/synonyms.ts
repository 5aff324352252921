/**
 * The suggestions' vocabulary, as data: the Dutch words and word forms that parties' systems write
 * for each step, column role and label, and the rules that combine them into an event code.
 * Words are written as they are read (`words.ts` normalises both sides: `plan van aanpak`,
 * `65+`, `e-mail`). A word may stand in one list only (a unit test checks this).
 */
import type { EventCode, Outcome, Reason, TargetGroup } from '../../../domain/codes';

/** What a word of a header or activity label means. */
export type Concept =
	// Steps and what they combine with.
	| 'ARREARS'
	| 'MONTH'
	| 'HERINNERING'
	| 'AANMANING'
	| 'CONTACT'
	| 'HUISBEZOEK'
	| 'AFSTEMMING'
	| 'OVERLEG'
	| 'REFERRAL'
	| 'NAAR'
	| 'SCHULDHULP'
	| 'SDV_ORG'
	| 'SWT'
	| 'BUDGET'
	| 'SCHULDREGELING'
	| 'TRAJECT'
	| 'START'
	| 'INVITE'
	| 'INTAKE'
	| 'PVA'
	| 'TERUGKOPPELING'
	| 'REGELING'
	| 'PAYMENT_PLAN'
	| 'BAILIFF'
	| 'INCASSO'
	| 'UITHANDEN'
	| 'DAGVAARDING'
	| 'VONNIS'
	| 'BETEKENING'
	| 'AANZEGGING'
	| 'AANKONDIGING'
	| 'ONTRUIMING'
	| 'END'
	| 'VERHUURDER'
	| 'CONTRACT'
	| 'HUUR'
	| 'UTILITY'
	| 'MORE'
	// Numbers: 1, 2, 3, and any other (`NHIGH`: 4 and up, not a year).
	| 'N1'
	| 'N2'
	| 'N3'
	| 'NHIGH'
	// The party whose long export a label stands in, when the label does not name one itself.
	| 'PARTY_SDV'
	| 'PARTY_SWT'
	// Column roles.
	| 'DOSSIER'
	| 'PERSON_NR'
	| 'GROUP'
	| 'MEASURE'
	| 'WIJK'
	| 'ACTIVITY'
	| 'REDEN'
	| 'AFLOOP'
	| 'DATE'
	| 'RECORD_DATE'
	// Words that make a header no step's date (`BLOCK_HEADER`) or a header or label no step (`BLOCK`).
	| 'BLOCK'
	| 'BLOCK_HEADER'
	// Known words without a meaning of their own.
	| 'FILLER';

/** The concepts that words stand for (numbers are read as numbers). */
export type WordConcept = Exclude<
	Concept,
	'N1' | 'N2' | 'N3' | 'NHIGH' | 'PARTY_SDV' | 'PARTY_SWT'
>;

/** The words of each concept (headers and activity labels). */
export const CONCEPT_WORDS: Record<WordConcept, readonly string[]> = {
	ARREARS: [
		'achterstand',
		'achterstanden',
		'huurachterstand',
		'huurachterstanden',
		'betalingsachterstand',
		'betaalachterstand',
		'achterstallig',
		'achterstallige',
		'achterst',
		'huurschuld',
		'huurschulden',
		'wanbetaling',
		'signaal'
	],
	MONTH: ['maand', 'maanden', 'maands', 'maandse', 'mnd', 'mnden', 'mndn', 'mnds', 'maandhuur'],
	HERINNERING: [
		'herinnering',
		'herinneringen',
		'herinneringsbrief',
		'reminder',
		'betalingsherinnering'
	],
	AANMANING: ['aanmaning', 'aanmaningen', 'aanmaningsbrief', 'sommatie', 'ingebrekestelling'],
	CONTACT: [
		'contact',
		'contacten',
		'contactmoment',
		'klantcontact',
		'huurdercontact',
		'contact gelegd'
	],
	HUISBEZOEK: [
		'huisbezoek',
		'huisbezoeken',
		'thuisbezoek',
		'bezoek',
		'bezoeken',
		'bezoek aan huis'
	],
	AFSTEMMING: ['afstemming', 'afgestemd', 'afstemmingsoverleg', 'afstemmen'],
	OVERLEG: ['overleg', 'overlegd', 'casusoverleg', 'mdo', 'multidisciplinair'],
	REFERRAL: [
		'melding',
		'meldingen',
		'gemeld',
		'aanmelding',
		'aanmeldingen',
		'aangemeld',
		'aanmelden',
		'verwijzing',
		'verwezen',
		'doorverwijzing',
		'doorverwezen',
		'doorverwijzen',
		'overdracht',
		'overgedragen',
		'overgedragen aan',
		'doorgezet',
		'doorgestuurd',
		'toeleiding',
		'toegeleid'
	],
	NAAR: ['naar'],
	SCHULDHULP: [
		'schuldhulp',
		'schuldhulpverlening',
		'schulddienstverlening',
		'schuldhulpverlener',
		'schuldendienstverlening',
		'schuldhulpverleningstraject'
	],
	SDV_ORG: ['sdv', 'shv', 'kredietbank', 'gkb', 'plangroep', 'schuldenbureau'],
	SWT: [
		'swt',
		'wijkteam',
		'wijkteams',
		'sociaal wijkteam',
		'sociaal team',
		'sociaalteam',
		'buurtteam',
		'gebiedsteam',
		'wijkteammedewerker'
	],
	BUDGET: ['budgetbeheer', 'budgetbeheerder', 'budgetbeheerrekening'],
	SCHULDREGELING: [
		'schuldregeling',
		'schuldenregeling',
		'schuldhulptraject',
		'schuldsanering',
		'schuldbemiddeling',
		'saneringskrediet',
		'wsnp',
		'msnp',
		'minnelijk',
		'minnelijke',
		'minnelijk traject'
	],
	TRAJECT: ['traject', 'trajecten', 'hulpverleningstraject'],
	START: ['start', 'gestart', 'begin', 'aanvang', 'opstart', 'ingang'],
	INVITE: ['uitnodiging', 'uitnodigingen', 'uitgenodigd', 'uitnodigen', 'uitnodigingsbrief'],
	INTAKE: ['intake', 'intakegesprek', 'intakes'],
	PVA: ['plan van aanpak', 'pva', 'plan', 'plannen van aanpak', 'pva opgesteld'],
	TERUGKOPPELING: [
		'terugkoppeling',
		'terugkoppelingen',
		'teruggekoppeld',
		'terugkoppelen',
		'terugmelding',
		'terugrapportage'
	],
	// A bare `regeling`, or a plan to pay off that may be a debt settlement's (`aflossingsplan`).
	REGELING: [
		'regeling',
		'regelingen',
		'afbetaling',
		'betalingsplan',
		'aflossingsregeling',
		'aflossingsplan'
	],
	// A payment arrangement by name: the same step in any party's export.
	PAYMENT_PLAN: [
		'betalingsregeling',
		'betalingsregelingen',
		'betaalregeling',
		'afbetalingsregeling',
		'betalingsafspraak',
		'betaalafspraak'
	],
	BAILIFF: ['deurwaarder', 'deurwaarders', 'gerechtsdeurwaarder', 'deurwaarderskantoor', 'dw'],
	INCASSO: ['incasso', 'incassobureau', 'incassotraject', 'incassopartner'],
	UITHANDEN: ['uit handen', 'uithanden', 'uit handen gegeven', 'uithandengegeven'],
	DAGVAARDING: ['dagvaarding', 'dagvaardingen', 'gedagvaard', 'dagvaarden', 'dagvaardingsdatum'],
	VONNIS: [
		'vonnis',
		'vonnissen',
		'uitspraak',
		'uitspraken',
		'ontbinding',
		'ontbonden',
		'kantonrechter',
		'rechterlijke uitspraak',
		'gerechtelijke uitspraak'
	],
	BETEKENING: ['betekening', 'betekend'],
	AANZEGGING: ['aanzegging', 'aanzeggingen', 'aangezegd', 'aanzeg', 'aanzeggen'],
	AANKONDIGING: ['aankondiging', 'aangekondigd'],
	ONTRUIMING: [
		'ontruiming',
		'ontruimingen',
		'ontruimd',
		'ontruimen',
		'uitzetting',
		'uitzettingen',
		'huisuitzetting',
		'huisuitzettingen',
		'uitgezet',
		'woningontruiming',
		'ontr'
	],
	END: [
		'einde',
		'eind',
		'afgesloten',
		'afsluiting',
		'afsluit',
		'gesloten',
		'sluiting',
		'sluit',
		'beeindigd',
		'beeindiging',
		'afgerond',
		'afronding',
		'einddatum'
	],
	VERHUURDER: [
		'verhuurder',
		'corporatie',
		'woningcorporatie',
		'corporatienaam',
		'woningbouwvereniging',
		'woningstichting',
		'woonstichting',
		'wooncorporatie',
		'verhuurorganisatie'
	],
	CONTRACT: [
		'contract',
		'huurcontract',
		'huurcontractnummer',
		'contractnummer',
		'contractnr',
		'huurovereenkomst',
		'overeenkomst',
		'overeenkomstnummer',
		'huurovereenkomstnummer',
		'contractid'
	],
	HUUR: ['huur', 'huurrelatie', 'huurperiode'],
	UTILITY: ['gas', 'water', 'stroom', 'energie', 'elektriciteit'],
	MORE: ['meer', 'ruim', 'boven', 'langer', 'minder', 'minimaal', 'maximaal', 'tot'],
	DOSSIER: [
		'dossier',
		'dossiers',
		'dossiernummer',
		'dossiernr',
		'dossierid',
		'zaak',
		'zaaknummer',
		'casus',
		'casusnummer'
	],
	PERSON_NR: ['klantnummer', 'relatienummer', 'huurdernummer', 'klantnr', 'relatienr', 'huurdernr'],
	GROUP: [
		'doelgroep',
		'doelgroepen',
		'huishoudtype',
		'huishouden',
		'huishoudens',
		'huishoudsamenstelling',
		'huishoudtypering',
		'huishoudsituatie',
		'gezinssituatie',
		'gezinssamenstelling',
		'gezinstype',
		'gezinsvorm',
		'leefsituatie',
		'leefvorm',
		'samenstelling',
		'typering',
		// Abbreviations of household (`hh_type`, `HHType`, `huish. samenst.`).
		'hh',
		'hhtype',
		'hhsamenstelling',
		'huish',
		'samenst'
	],
	// A size, count or income of the household: no doelgroep (`hh_grootte`, `Huishoudinkomen`).
	MEASURE: [
		'grootte',
		'omvang',
		'personen',
		'inkomen',
		'inkomsten',
		'gezinsgrootte',
		'huishoudgrootte',
		'huishoudinkomen',
		'gezinsinkomen',
		'gezinsleden'
	],
	WIJK: [
		'wijk',
		'wijknaam',
		'wijkcode',
		'buurt',
		'buurtnaam',
		'buurtcode',
		'stadsdeel',
		'gebied',
		'district'
	],
	ACTIVITY: [
		'activiteit',
		'activiteiten',
		'soort',
		'type',
		'handeling',
		'actie',
		'acties',
		'gebeurtenis',
		'omschrijving',
		'onderwerp',
		'stap',
		'mijlpaal',
		'verrichting',
		'interventie',
		'categorie'
	],
	REDEN: ['reden', 'redenen', 'oorzaak', 'grond', 'aanleiding'],
	AFLOOP: [
		'afloop',
		'uitkomst',
		'resultaat',
		'eindresultaat',
		'eindstatus',
		'afsluitreden',
		'afsluitcode',
		'uitstroom',
		'uitstroomreden'
	],
	DATE: ['datum', 'dat', 'dt', 'date', 'd', 'dd', 'per', 'op', 'wanneer', 'dag'],
	RECORD_DATE: [
		'invoer',
		'ingevoerd',
		'invoerdatum',
		'aanmaak',
		'aanmaakdatum',
		'aangemaakt',
		'registratie',
		'registratiedatum',
		'geregistreerd',
		'wijziging',
		'wijzigingsdatum',
		'gewijzigd',
		'mutatie',
		'mutatiedatum',
		'export',
		'exportdatum',
		'peildatum',
		'laatst'
	],
	BLOCK: [
		'gepland',
		'geplande',
		'planning',
		'verwacht',
		'verwachte',
		'voorgenomen',
		'beoogd',
		'beoogde',
		'uiterlijk',
		'deadline',
		'termijn',
		'geannuleerd',
		'geannuleerde',
		'annulering',
		'ingetrokken',
		'intrekking',
		'afgeblazen',
		'uitgesteld',
		'uitgestelde',
		'uitstel',
		'opgeschort',
		'opschorting',
		'aangehouden',
		'aanhouding',
		'niet',
		'geen',
		'zonder',
		'mislukt',
		'poging',
		'pogingen',
		'weigering',
		'geweigerd',
		'afgewezen',
		'afwijzing',
		'beroep',
		'verzet',
		'zitting',
		'rolzitting',
		'voorkomen',
		'afgewend',
		'gestaakt',
		'verbroken',
		'gebroken',
		'laatste',
		'vorige',
		'volgende',
		'verval',
		'vervaldatum',
		'herhaling',
		'heropend',
		'heropening',
		'nogmaals',
		'verzoek',
		'aanvraag',
		'aangevraagd',
		'voornemen',
		'dreigend',
		'dreigende',
		'dreiging',
		'risico',
		'voorstel',
		'advies',
		'controle',
		'beoordeling',
		'gewenst',
		'gewenste',
		'mogelijk',
		'mogelijke',
		'eventueel',
		'eventuele',
		'indien',
		'concept',
		'kopie',
		'vervallen',
		'ongeldig',
		'teruggetrokken',
		'teruggedraaid',
		'geschrapt',
		'verwachting'
	],
	BLOCK_HEADER: [
		'status',
		'stand',
		'fase',
		'opmerking',
		'opmerkingen',
		'toelichting',
		'notitie',
		'notities',
		'bedrag',
		'bedragen',
		'saldo',
		'hoogte',
		'euro',
		'eur',
		'aantal',
		'totaal',
		'kosten',
		'medewerker',
		'consulent',
		'behandelaar',
		'casemanager',
		'naam',
		'code',
		'nummer',
		'nr',
		'id',
		'kenmerk',
		'referentie',
		'ref',
		'indicatie',
		'vlag',
		'ja',
		'nee',
		'jn',
		'persoon',
		'contactpersoon',
		'gegevens',
		'adres',
		'telefoon',
		'email',
		'week',
		'leeftijd',
		'versie',
		'duur',
		'dagen',
		'doorlooptijd',
		'reactie',
		'reactietermijn'
	],
	FILLER: [
		'de',
		'het',
		'van',
		'aan',
		'met',
		'bij',
		'in',
		'voor',
		'via',
		'en',
		'of',
		'uit',
		'om',
		'te',
		'door',
		'vanuit',
		'is',
		'na',
		'huurder',
		'huurders',
		'klant',
		'client',
		'clienten',
		'bewoner',
		'bewoners',
		'gehad',
		'gelegd',
		'getroffen',
		'verstuurd',
		'verzonden',
		'ontvangen',
		'afgegeven',
		'uitgebracht',
		'plaatsgevonden',
		'vastgesteld',
		'opgesteld',
		'gedaan',
		'afgelegd',
		'uitgevoerd',
		'gerealiseerd',
		'brief',
		'gesprek',
		'telefonisch',
		'persoonlijk',
		'huis',
		'woning',
		'afspraak',
		'ketenpartner',
		'ketenpartners',
		'partners',
		'partner',
		'gegeven',
		'gemaakt',
		'akkoord',
		'overeengekomen',
		'opgestart',
		'ingezet',
		'toegekend',
		'ingediend',
		'per post',
		'verslag'
	]
};

/** A rule: every group of `all` has a concept in the words, and no concept of `none` is there. */
export interface StepRule {
	code: EventCode;
	all: readonly (readonly Concept[])[];
	none?: readonly Concept[];
	/**
	 * The words name something that usually comes with the step, not the step itself (a numbered
	 * reminder for a month of arrears): weaker evidence, which gives way to a column or label that
	 * names the step itself.
	 */
	proxy?: true;
}

const ARREARS_WORDS: Concept[] = ['ARREARS', 'MONTH'];
const BAILIFF_ACTIONS: Concept[] = [
	'DAGVAARDING',
	'VONNIS',
	'AANZEGGING',
	'AANKONDIGING',
	'ONTRUIMING',
	'BETEKENING'
];
const DEBT_HELP: Concept[] = ['SCHULDHULP', 'SDV_ORG'];
const PARTIES: Concept[] = [...DEBT_HELP, 'SWT', 'BAILIFF', 'INCASSO', 'PARTY_SDV', 'PARTY_SWT'];

/**
 * The steps, per code: which words make a header or activity label that step. Of the rules that
 * match, one whose words include another's wins (`uitnodiging intake` over `intake`); when codes
 * still differ the header is ambiguous and stays open. Except for `afgesloten`, `END` words
 * (`einde regeling`) keep every rule from matching. `PARTY_SDV` and `PARTY_SWT` stand for the
 * party of a long export (a bare `Aanmelding` in Schulddienstverlening's export is its referral).
 */
export const STEP_RULES: readonly StepRule[] = [
	{ code: 'achterstand_1m', all: [ARREARS_WORDS, ['N1']], none: ['N2', 'N3', 'NHIGH', 'MORE'] },
	{ code: 'achterstand_2m', all: [ARREARS_WORDS, ['N2']], none: ['N1', 'N3', 'NHIGH', 'MORE'] },
	{ code: 'achterstand_3m', all: [ARREARS_WORDS, ['N3']], none: ['N1', 'N2', 'NHIGH', 'MORE'] },
	// The n-th reminder is read as the n-th month of arrears, unless the step is named itself.
	{
		code: 'achterstand_1m',
		all: [['HERINNERING'], ['N1']],
		none: ['N2', 'N3', 'NHIGH', 'MORE'],
		proxy: true
	},
	{
		code: 'achterstand_2m',
		all: [['HERINNERING'], ['N2']],
		none: ['N1', 'N3', 'NHIGH', 'MORE'],
		proxy: true
	},
	{
		code: 'achterstand_3m',
		all: [['HERINNERING'], ['N3']],
		none: ['N1', 'N2', 'NHIGH', 'MORE'],
		proxy: true
	},
	{ code: 'contact', all: [['CONTACT']], none: [...PARTIES, 'VERHUURDER'] },
	{ code: 'huisbezoek', all: [['HUISBEZOEK']], none: ['BAILIFF', 'INCASSO', 'PARTY_SDV'] },
	{
		code: 'afstemming_swt',
		all: [['AFSTEMMING']],
		none: [...DEBT_HELP, 'BAILIFF', 'INCASSO', 'PARTY_SDV']
	},
	{
		code: 'afstemming_swt',
		all: [['OVERLEG'], ['SWT', 'VERHUURDER']],
		none: [...DEBT_HELP, 'PARTY_SDV']
	},
	{
		code: 'melding_sdv',
		all: [
			['REFERRAL', 'NAAR'],
			[...DEBT_HELP, 'PARTY_SDV']
		]
	},
	// Within Schulddienstverlening's own export a referral to budgetbeheer or an intake is internal.
	{ code: 'melding_sdv', all: [['REFERRAL'], ['BUDGET']], none: ['PARTY_SDV'] },
	// A referral for an intake (`Aanmelding budgetbeheer-intake`, `Verwijzing intake SDV`).
	{ code: 'melding_sdv', all: [['REFERRAL'], ['INTAKE']], none: ['SWT', 'PARTY_SWT', 'PARTY_SDV'] },
	{ code: 'melding_sdv', all: [['REFERRAL'], ['BUDGET'], ['INTAKE']], none: ['PARTY_SDV'] },
	{
		code: 'melding_swt',
		all: [
			['REFERRAL', 'NAAR'],
			['SWT', 'PARTY_SWT']
		]
	},
	{
		code: 'uitnodiging_sdv',
		all: [['INVITE']],
		none: ['SWT', 'PARTY_SWT', 'BAILIFF', 'VERHUURDER']
	},
	{ code: 'uitnodiging_sdv', all: [['INVITE'], ['INTAKE']], none: ['SWT', 'PARTY_SWT'] },
	{ code: 'intake_sdv', all: [['INTAKE']], none: ['SWT', 'PARTY_SWT', 'VERHUURDER'] },
	{ code: 'plan_van_aanpak', all: [['PVA']], none: ['PARTY_SDV'] },
	{ code: 'terugkoppeling', all: [['TERUGKOPPELING']] },
	{
		code: 'betalingsregeling',
		all: [['REGELING', 'PAYMENT_PLAN']],
		none: [...DEBT_HELP, 'BUDGET', 'SCHULDREGELING', 'BAILIFF', 'PARTY_SDV', 'UTILITY']
	},
	// A payment arrangement by name is one in Schulddienstverlening's export too, unless of gas or water.
	{
		code: 'betalingsregeling',
		all: [['PAYMENT_PLAN']],
		none: [...DEBT_HELP, 'BUDGET', 'SCHULDREGELING', 'BAILIFF', 'UTILITY']
	},
	{ code: 'budgetbeheer', all: [['BUDGET']] },
	{ code: 'schuldhulptraject', all: [['SCHULDREGELING']] },
	{ code: 'schuldhulptraject', all: [['START', 'TRAJECT'], ['SCHULDHULP']] },
	{ code: 'schuldhulptraject', all: [['TRAJECT'], ['SDV_ORG', 'PARTY_SDV']] },
	{ code: 'deurwaarder', all: [['BAILIFF']], none: BAILIFF_ACTIONS },
	{ code: 'deurwaarder', all: [['INCASSO'], ['REFERRAL']], none: BAILIFF_ACTIONS },
	{ code: 'deurwaarder', all: [['UITHANDEN']], none: BAILIFF_ACTIONS },
	{ code: 'dagvaarding', all: [['DAGVAARDING']] },
	{ code: 'vonnis', all: [['VONNIS']], none: ['BETEKENING'] },
	{ code: 'vonnis', all: [['VONNIS'], ['ONTRUIMING']], none: ['BETEKENING'] },
	{ code: 'aanzegging', all: [['AANZEGGING']] },
	{ code: 'aanzegging', all: [['AANZEGGING'], ['ONTRUIMING']] },
	{ code: 'aanzegging', all: [['AANKONDIGING'], ['ONTRUIMING']] },
	{ code: 'ontruiming', all: [['ONTRUIMING']] },
	{
		code: 'afgesloten',
		all: [['END']],
		none: [
			'CONTRACT',
			'HUUR',
			'UTILITY',
			...PARTIES,
			'BUDGET',
			'SCHULDREGELING',
			'TRAJECT',
			'REGELING',
			'PAYMENT_PLAN'
		]
	}
];

/** Concepts that speak of a step (not numbers, `naar` or the landlord): a label with one is never skipped. */
export const STEP_CONCEPTS: ReadonlySet<Concept> = new Set(
	STEP_RULES.flatMap((r) => r.all.flat()).filter(
		(c) => !['N1', 'N2', 'N3', 'NHIGH', 'NAAR', 'VERHUURDER', 'PARTY_SDV', 'PARTY_SWT'].includes(c)
	)
);

/**
 * Activity labels that are clearly no step (`overslaan`): every word is one of these or a
 * filler, and at least one is a `head` (a note, a mail, a call without answer, an admin action).
 */
export const SKIP_WORDS = {
	head: [
		'notitie',
		'notities',
		'aantekening',
		'memo',
		'document',
		'documenten',
		'bijlage',
		'bijlagen',
		'mail',
		'email',
		'e mail',
		'mailtje',
		'sms',
		'whatsapp',
		'app',
		'geen gehoor',
		'voicemail',
		'ingesproken',
		'ingezien',
		'bijgewerkt',
		'gewijzigd',
		'aangepast',
		'taak',
		'archief',
		'gearchiveerd',
		'gescand',
		'geupload',
		'upload',
		'correspondentie',
		'poging',
		'pogingen',
		'contactpoging',
		'niet bereikbaar',
		'niet bereikt',
		'niet opgenomen',
		'adreswijziging',
		'gegevens gewijzigd'
	],
	ok: [
		'toegevoegd',
		'aangemaakt',
		'verstuurd',
		'verzonden',
		'ontvangen',
		'dossier',
		'gegevens',
		'telefoon',
		'telefonisch',
		'gebeld',
		'contact',
		'intern',
		'extern',
		'uitgaand',
		'uitgaande',
		'inkomend',
		'inkomende',
		'huurder',
		'klant',
		'client',
		'bericht',
		'per',
		'naar',
		'van',
		'aan',
		'de',
		'het',
		'een',
		'1',
		'mislukt',
		'status'
	]
} as const;

/** Words that turn a label around (`ontruiming voorkomen`, `geen kinderen`) unless a phrase holds them. */
export const NEGATIONS: readonly string[] = [
	'niet',
	'geen',
	'zonder',
	'voorkomen',
	'afgewend',
	'mislukt',
	'afgewezen',
	'geweigerd',
	'ingetrokken',
	'geannuleerd',
	'gepland',
	'verbroken',
	'uit huis',
	'ex',
	'nooit'
];

/** Doelgroep labels; `NO_CHILD` (`zonder kinderen`) makes a household `overig` whatever else it says. */
export const GROUP_WORDS: Record<TargetGroup | 'NO_CHILD', readonly string[]> = {
	gezin_met_kinderen: [
		'gezin',
		'gezinnen',
		'gezin met kinderen',
		'gezin met kind',
		'gezinnen met kinderen',
		'met kinderen',
		'met kind',
		'met kind eren',
		'met minderjarige kinderen',
		'kind',
		'kinderen',
		'kids',
		'minderjarig',
		'minderjarige',
		'minderjarigen',
		'eenoudergezin',
		'eenoudergezinnen',
		'eenouder',
		'oudergezin',
		'tweeoudergezin',
		'alleenstaande ouder',
		'alleenstaande ouders',
		'alleenstaande moeder',
		'alleenstaande vader',
		'ouder met kinderen',
		'ouders met kinderen',
		'ouder met kind',
		'thuiswonende kinderen',
		'jong gezin'
	],
	senior: [
		'senior',
		'senioren',
		'oudere',
		'ouderen',
		'aow',
		'aow er',
		'aower',
		'aowers',
		'aow gerechtigd',
		'aow gerechtigde',
		'aowgerechtigd',
		'aow leeftijd',
		'bejaard',
		'bejaarde',
		'bejaarden',
		'gepensioneerd',
		'gepensioneerde',
		'65 plus',
		'65plus',
		'65 plusser',
		'65 plussers',
		'65 jaar en ouder',
		'65 jaar of ouder',
		'65 en ouder',
		'65 jaar plus',
		'ouder dan 65',
		'ouder dan 65 jaar',
		'vanaf 65',
		'vanaf 65 jaar',
		'boven 65',
		'boven de 65'
	],
	oggz: [
		'oggz',
		'ggz',
		'bijzondere doelgroep',
		'bijzondere doelgroepen',
		'kwetsbaar',
		'kwetsbare',
		'kwetsbaren',
		'kwetsbare huurder',
		'kwetsbare groep',
		'psychisch',
		'psychische',
		'psychiatrisch',
		'psychiatrische',
		'psychische problematiek',
		'verslaving',
		'verslaafd',
		'verslavingsproblematiek',
		'zorgmijder',
		'zorgmijders',
		'beschermd wonen',
		'begeleid wonen',
		'maatschappelijke opvang',
		'bemoeizorg',
		'oggz client',
		'ggz client'
	],
	overig: [
		'alleenstaand',
		'alleenstaande',
		'alleenstaanden',
		'paar',
		'echtpaar',
		'stel',
		'samenwonend',
		'samenwonende',
		'samenwonenden',
		'eenpersoonshuishouden',
		'eenpersoons',
		'overig',
		'overige',
		'overigen',
		'anders',
		'onbekend',
		'niet bekend',
		'niet ingevuld',
		'geen doelgroep',
		'geen bijzondere doelgroep',
		'regulier',
		'reguliere huurder'
	],
	NO_CHILD: [
		'zonder kinderen',
		'zonder kind',
		'geen kinderen',
		'geen kind',
		'kinderloos',
		'zonder thuiswonende kinderen',
		'kinderen uit huis'
	]
};

/** Eviction reasons (`reden`). */
export const REASON_WORDS: Record<Exclude<Reason, 'onbekend'>, readonly string[]> = {
	huurachterstand: [
		'huurachterstand',
		'huurschuld',
		'huurschulden',
		'achterstand',
		'betalingsachterstand',
		'wanbetaling',
		'schuld',
		'schulden',
		'financieel',
		'financiele reden',
		'financiele redenen',
		'huur niet betaald',
		'niet betalen',
		'niet betalen huur',
		'achterstallige huur',
		'betalingsproblemen'
	],
	overlast: [
		'overlast',
		'ernstige overlast',
		'burenoverlast',
		'geluidsoverlast',
		'woonoverlast',
		'overlastgevend gedrag',
		'wangedrag',
		'intimidatie',
		'agressie',
		'burenruzie'
	],
	hennep_drugs: [
		'hennep',
		'hennepkwekerij',
		'hennepteelt',
		'hennepplantage',
		'wietplantage',
		'wietkwekerij',
		'kwekerij',
		'drugs',
		'drugshandel',
		'drugsvondst',
		'drugslab',
		'opiumwet',
		'damocles',
		'drugs gerelateerd'
	],
	woonfraude: [
		'woonfraude',
		'onderhuur',
		'illegale onderhuur',
		'illegale bewoning',
		'fraude',
		'adresfraude',
		'geen hoofdverblijf',
		'niet zelf bewoond',
		'woning niet bewoond',
		'airbnb',
		'toeristische verhuur',
		'illegale verhuur'
	],
	overig: ['anders', 'overig', 'overige', 'andere reden', 'overige redenen', 'overige reden']
};

/** Outcomes of a closed dossier (`uitkomst`). */
export const OUTCOME_WORDS: Record<Outcome, readonly string[]> = {
	opgelost: [
		'opgelost',
		'betaald',
		'voldaan',
		'ingelopen',
		'afgelost',
		'afbetaald',
		'schuld betaald',
		'schuld voldaan',
		'achterstand ingelopen',
		'achterstand voldaan',
		'achterstand betaald',
		'volledig betaald',
		'schuldenvrij',
		'geen achterstand',
		'geen achterstand meer',
		'zelf betaald'
	],
	betalingsregeling: [
		'regeling',
		'betalingsregeling',
		'afbetalingsregeling',
		'betaalregeling',
		'regeling loopt',
		'regeling getroffen',
		'lopende regeling',
		'betalingsafspraak',
		'betaalafspraak'
	],
	schuldhulp: [
		'schuldhulp',
		'schuldhulpverlening',
		'schulddienstverlening',
		'naar schuldhulp',
		'in schuldhulp',
		'sdv',
		'naar sdv',
		'budgetbeheer',
		'schuldregeling',
		'schuldsanering',
		'wsnp',
		'msnp',
		'kredietbank',
		'minnelijk traject',
		'budgetbegeleiding'
	],
	verhuisd: [
		'verhuisd',
		'vertrokken',
		'vertrek',
		'verhuizing',
		'opgezegd',
		'huur opgezegd',
		'zelf opgezegd',
		'huuropzegging',
		'opzegging',
		'woning verlaten',
		'zelf vertrokken',
		'met onbekende bestemming vertrokken',
		'vertrokken met onbekende bestemming',
		'andere woning',
		'verhuisd naar andere woning'
	],
	ontruimd: ['ontruimd', 'ontruiming', 'uitgezet', 'huisuitzetting', 'woning ontruimd'],
	overig: ['overig', 'overige', 'anders', 'andere reden', 'overleden']
};

/** The Haarlem corporations as written in a corporation column or a file name (any spelling). */
export const CORPORATION_WORDS: Record<string, readonly string[]> = {
	Ymere: ['ymere'],
	'Pré Wonen': ['pre wonen', 'prewonen', 'pre woningen'],
	'Elan Wonen': ['elan wonen', 'elanwonen', 'elan']
};

/** Words beside a corporation's name that do not change which corporation it is. */
export const CORPORATION_FILLERS: readonly string[] = [
	'stichting',
	'woonstichting',
	'woningstichting',
	'woningcorporatie',
	'corporatie',
	'haarlem',
	'bv',
	'nv',
	'vestiging',
	'regio'
];

/** Words of a file or sheet name that say the export is Schulddienstverlening's or the Sociaal Wijkteam's. */
export const PARTY_NAME_WORDS = {
	sdv: ['sdv', 'schulddienstverlening', 'schuldhulp', 'schuldhulpverlening', 'kredietbank', 'shv'],
	swt: ['swt', 'wijkteam', 'wijkteams', 'sociaal wijkteam', 'sociaal team', 'buurtteam']
} as const;
