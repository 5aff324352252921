/**
 * The figure catalog (metrics.md): one record per Artikel 4 figure, with its section, kind, how
 * it is counted (or, for a share, the figures it divides), its Dutch label, nouns and definition,
 * the surfaces that show it and its publication rule. The SQL, the empty figures, the labels, the
 * tables, the letter's and briefing's lists, the exports and the Verantwoording page are all
 * derived from these records; a new figure is a new record here.
 */
import { EVENT_CODES, FUNNEL_STAGES, REASONS, type EventCode, type Reason } from '../domain/codes';
import { DEFAULT_NORMS, LEAD_TIMES, type LeadTimeId } from '../domain/lead-times';
import { CONTACT_KINDS, PARTNER_TYPES, RESULT_KEYS, VS_LEAD_TIMES } from '../domain/ddas';
import {
	OPLOSSING_KEYS,
	SCHULDSOORT_KEYS,
	SHV_LEAD_TIMES,
	UITSTROOM_KEYS,
	type ShvLeadTime
} from '../domain/shv';

/** Artikel 4 a–e, and the funnel of the cohort. */
export type Section = 'a' | 'b' | 'c' | 'd' | 'e' | 'trechter';

/** The sections in the order the figure tables show them, with their headings. */
export const SECTIONS: readonly { id: Section; title: string; short: string }[] = [
	{ id: 'b', title: 'b. Meldingen', short: 'b. Meldingen' },
	{ id: 'c', title: 'c. Ontruimingen en redenen', short: 'c. Ontruimingen' },
	{ id: 'd', title: 'd. Voorkomen ontruimingen', short: 'd. Voorkomen ontruimingen' },
	{ id: 'trechter', title: 'Trechter van het cohort (start in de periode)', short: 'Trechter' },
	{ id: 'e', title: 'e. Doorlooptijden', short: 'e. Doorlooptijden' },
	{ id: 'a', title: 'a. Samenwerking', short: 'a. Samenwerking' }
];

/**
 * Where a figure is shown besides the JSON, CSV and .xlsx (which hold every figure of the
 * document): `kern` the dashboard's headline figures; `tabel` the page's table of all figures;
 * `trend` a series of the half-year chart; `doelgroep` the table per doelgroep; `briefing` the
 * alderman's six; `brief` the letter's table of key figures; `vergelijking` the letter's
 * comparison with the previous period; `samenwerking` the cooperation tables; `verantwoording`
 * a definition of its own on the Verantwoording page.
 */
export type View =
	| 'kern'
	| 'tabel'
	| 'trend'
	| 'doelgroep'
	| 'briefing'
	| 'brief'
	| 'vergelijking'
	| 'samenwerking'
	| 'verantwoording';

/** A figure's noun in running text; the gender decides the article (`de`/`het`). */
export interface Noun {
	singular: string;
	plural: string;
	gender: 'de' | 'het';
}

/** The status an aanzegging or vonnis gets (metrics.md d.). */
export type Status = 'voorkomen' | 'ontruimd' | 'lopend';

/**
 * How a count is counted: events in the period (table `telling`, with an optional status, reason
 * or cooperation rule), dossiers of the cohort (table `dossier_feiten`, a condition on its
 * columns), or one figure of a lead time (table `doorlooptijden`, an aggregate).
 */
export type Counted =
	| { table: 'telling'; event: EventCode; status?: Status; reden?: Reason; rule?: string }
	| { table: 'dossier_feiten'; where: string }
	| { table: 'doorlooptijden'; field: string };

/**
 * The publication rule (metrics.md, publication mode): `small-count` shows 1–4 as `< 5`;
 * `min-denominator` leaves a share out below 10 in its denominator; `min-cases` leaves a
 * lead-time quantile out over fewer than 5 completed cases.
 */
export type Publication = 'small-count' | 'min-denominator' | 'min-cases';

interface Common<Id extends string> {
	/** Dotted path in the METRICS object of evaluate-contract.md (a share outside it has its own). */
	id: Id;
	section: Section;
	/** Dutch label in tables. */
	label: string;
	/** A shorter label, for a chart legend. */
	short?: string;
	/** One sentence for the Verantwoording page and the "i" beside the figure. */
	definition: string;
	noun?: Noun;
	views: readonly View[];
	/** The count this one is a part of: the parts with the same `partOf` add up to it. */
	partOf?: string;
}

/** A number of events, dossiers or cases. */
export interface CountFigure<Id extends string = string> extends Common<Id> {
	kind: 'count';
	counted: Counted;
	publication: 'small-count';
}

/** teller / (sum of noemer), null when the denominator is 0; always defined by other figures. */
export interface ShareFigure<Id extends string = string> extends Common<Id> {
	kind: 'share';
	teller: string;
	noemer: readonly string[];
	/** Whether the share is a key of the JSON document (else it is shown beside its parts only). */
	document: boolean;
	publication: 'min-denominator';
}

/** Days of a lead time (a quantile), shown only over enough completed cases. */
export interface DaysFigure<Id extends string = string> extends Common<Id> {
	kind: 'days';
	counted: { table: 'doorlooptijden'; field: string };
	/** The count of completed cases the quantile is taken over. */
	cases: string;
	publication: 'min-cases';
}

export type Figure<Id extends string = string> = CountFigure<Id> | ShareFigure<Id> | DaysFigure<Id>;

type Described = Pick<Common<string>, 'label' | 'definition'> &
	Partial<Pick<Common<string>, 'short' | 'noun' | 'partOf'>>;

function count<const Id extends string>(
	id: Id,
	section: Section,
	counted: Counted,
	views: readonly View[],
	text: Described
): CountFigure<Id> {
	return { id, section, kind: 'count', counted, views, publication: 'small-count', ...text };
}

function share<const Id extends string, const D extends boolean>(
	id: Id,
	section: Section,
	parts: { teller: string; noemer: readonly string[]; document: D },
	views: readonly View[],
	text: Described
): ShareFigure<Id> & { document: D } {
	return { id, section, kind: 'share', ...parts, views, publication: 'min-denominator', ...text };
}

const event = (e: EventCode, extra: Omit<Counted & { table: 'telling' }, 'table' | 'event'> = {}) =>
	({ table: 'telling', event: e, ...extra }) as const;

// ---------------------------------------------------------------- d. the status of a notice

/** The events that get a status, and the rule that gives it (metrics.md d.; `f` its dossier, `g` the event). */
export const STATUS_EVENTS: readonly EventCode[] = ['aanzegging', 'vonnis'];
export const STATUS_SQL = `CASE
				WHEN f.laatste_ontruiming >= g.datum OR f.laatste_afgesloten_ontruimd >= g.datum THEN 'ontruimd'
				WHEN f.laatste_afgesloten >= g.datum THEN 'voorkomen'
				ELSE 'lopend'
			END`;

const REASON_TEXT: Record<Reason, { label: string; definition: string }> = {
	huurachterstand: {
		label: 'Huurachterstand',
		definition: 'Het aantal ontruimingen in de periode wegens huurachterstand.'
	},
	overlast: {
		label: 'Overlast',
		definition: 'Het aantal ontruimingen in de periode wegens overlast.'
	},
	hennep_drugs: {
		label: 'Hennep / drugs',
		definition: 'Het aantal ontruimingen in de periode wegens hennep of drugs.'
	},
	woonfraude: {
		label: 'Woonfraude',
		definition: 'Het aantal ontruimingen in de periode wegens woonfraude.'
	},
	overig: {
		label: 'Overige reden',
		definition: 'Het aantal ontruimingen in de periode om een andere reden.'
	},
	onbekend: {
		label: 'Reden onbekend',
		definition:
			'Het aantal ontruimingen in de periode zonder geldige reden: een ontruiming verdwijnt nooit uit de telling.'
	}
};

function statusFigures<const E extends 'aanzeggingen' | 'vonnissen'>(
	of: E,
	e: 'aanzegging' | 'vonnis',
	views: Record<Status, readonly View[]>,
	text: Record<Status, Pick<Described, 'label' | 'noun'>>
) {
	const what = of === 'aanzeggingen' ? 'aanzeggingen' : 'vonnissen';
	const definitions: Record<Status, string> = {
		voorkomen: `Het aantal ${what} in de periode waarna het dossier op of na die datum is afgesloten met een andere uitkomst dan ontruimd, zonder ontruiming.`,
		ontruimd: `Het aantal ${what} in de periode waarna het dossier op of na die datum een ontruiming heeft of is afgesloten met uitkomst ontruimd.`,
		lopend: `Het aantal ${what} in de periode waarvan het dossier op de peildatum nog niet is afgesloten.`
	};
	return (['voorkomen', 'ontruimd', 'lopend'] as const).map((status) =>
		count(`${of}_${status}`, 'd', event(e, { status }), views[status], {
			...text[status],
			definition: definitions[status],
			partOf: of
		})
	);
}

// ---------------------------------------------------------------- a. cooperation

/**
 * A checkable step of the werkafspraken: of the events of one kind in the period (noemer), those
 * whose dossier meets the rule (teller). `holds` is a SQL condition on the event `g` (columns of
 * `gebeurtenissen`), its dossier `f` (columns of `dossier_feiten`) and, for a rule with `matches`,
 * `m_<id>` (that query's row for the event's dossier and date, absent when none); it is
 * evaluated once, at load.
 */
export interface CooperationRule {
	id: string;
	event: EventCode;
	holds: string;
	/**
	 * A query of the distinct (`dk`, `datum`) pairs of the events that meet a rule which looks at
	 * other events of the dossier: joined once, instead of a subquery per event.
	 */
	matches?: string;
	label: string;
	definition: string;
	noun: Noun;
}

export const COOPERATION = [
	{
		id: 'contact_binnen_14_dagen',
		event: 'achterstand_1m',
		matches: `SELECT DISTINCT s.dk, s.datum
			FROM gebeurtenissen s
			JOIN gebeurtenissen c ON c.dk = s.dk
			WHERE s.gebeurtenis = 'achterstand_1m'::gebeurtenis_code
				AND c.gebeurtenis = 'contact'::gebeurtenis_code
				AND c.datum >= s.datum AND c.datum <= s.datum + 14`,
		holds: 'm_contact_binnen_14_dagen.dk IS NOT NULL',
		label: 'Contact binnen 14 dagen na één maand achterstand',
		definition:
			'Van de signalen van één maand huurachterstand in de periode: het deel waarbij het dossier een contact met de huurder had op de dag van het signaal of binnen 14 dagen daarna.',
		noun: {
			singular: 'signaal van één maand huurachterstand',
			plural: 'signalen van één maand huurachterstand',
			gender: 'het'
		}
	},
	{
		id: 'deurwaarder_na_afstemming',
		event: 'deurwaarder',
		holds: 'f.eerste_afstemming <= g.datum AND f.eerste_huisbezoek <= g.datum',
		label: 'Deurwaarder pas na afstemming met het SWT en een huisbezoek',
		definition:
			'Van de overdrachten aan de deurwaarder in de periode: het deel waarbij het dossier op of vóór die datum zowel een afstemming met het Sociaal Wijkteam als een huisbezoek had.',
		noun: {
			singular: 'overdracht aan de deurwaarder',
			plural: 'overdrachten aan de deurwaarder',
			gender: 'de'
		}
	},
	{
		id: 'meldingen_met_plan',
		event: 'melding_sdv',
		holds: 'f.laatste_plan >= g.datum',
		label: 'Meldingen bij SDV met een plan van aanpak',
		definition:
			'Van de meldingen bij Schulddienstverlening in de periode: het deel met een plan van aanpak op of na de melding.',
		noun: {
			singular: 'melding bij Schulddienstverlening',
			plural: 'meldingen bij Schulddienstverlening',
			gender: 'de'
		}
	},
	{
		id: 'terugkoppeling_na_3m',
		event: 'achterstand_3m',
		holds: 'f.laatste_terugkoppeling >= g.datum',
		label: 'Terugkoppeling na drie maanden achterstand',
		definition:
			'Van de keren dat drie maanden achterstand werd bereikt: het deel met een terugkoppeling op of na die datum.',
		noun: {
			singular: 'zaak met drie maanden huurachterstand',
			plural: 'zaken met drie maanden huurachterstand',
			gender: 'de'
		}
	}
] as const satisfies readonly CooperationRule[];

export type CooperationId = (typeof COOPERATION)[number]['id'];
export const COOPERATION_IDS: readonly CooperationId[] = COOPERATION.map((c) => c.id);

/** The column of table `telling` that holds whether an event meets a cooperation rule. */
export function ruleColumn(id: string): string {
	if (!/^[a-z0-9_]+$/.test(id)) throw new Error(`not a rule id: ${id}`);
	return `regel_${id}`;
}

function cooperationFigures<const Id extends CooperationId>(rule: CooperationRule & { id: Id }) {
	const base = `samenwerking.${rule.id}` as const;
	return [
		share(
			`${base}.aandeel`,
			'a',
			{ teller: `${base}.teller`, noemer: [`${base}.noemer`], document: false },
			['tabel', 'samenwerking', 'verantwoording'],
			{ label: rule.label, definition: rule.definition, noun: rule.noun }
		),
		count(`${base}.teller`, 'a', event(rule.event, { rule: rule.id }), ['tabel'], {
			label: `${rule.label}: aantal nagekomen`,
			definition: `${rule.definition} Dit is het aantal waarbij de afspraak is nagekomen.`
		}),
		count(`${base}.noemer`, 'a', event(rule.event), ['tabel'], {
			label: `${rule.label}: aantal zaken`,
			definition: `${rule.definition} Dit is het totaal waarover het aandeel gaat.`,
			noun: rule.noun
		})
	];
}

// ---------------------------------------------------------------- e. lead times

/** The figures of each lead time (metrics.md e.): an aggregate over `doorlooptijden` (`$peildatum` bound). */
export const LEAD_TIME_FIELDS = [
	{
		field: 'n',
		kind: 'count',
		sql: 'count(eind)',
		label: 'afgerond',
		definition: 'Het aantal dossiers met een einde (afgerond).'
	},
	{
		field: 'open',
		kind: 'count',
		sql: 'count(*) - count(eind)',
		label: 'open',
		definition: 'Het aantal dossiers zonder einde.'
	},
	{
		field: 'mediaan',
		kind: 'days',
		sql: 'quantile_cont(dagen, 0.5)',
		label: 'mediaan (dagen)',
		definition:
			'De mediaan van de afgeronde doorlooptijden in dagen: de helft duurde korter, de helft langer.'
	},
	{
		field: 'p25',
		kind: 'days',
		sql: 'quantile_cont(dagen, 0.25)',
		label: '25e percentiel (dagen)',
		definition:
			'Het 25e percentiel van de afgeronde doorlooptijden in dagen (lineaire interpolatie).'
	},
	{
		field: 'p75',
		kind: 'days',
		sql: 'quantile_cont(dagen, 0.75)',
		label: '75e percentiel (dagen)',
		definition:
			'Het 75e percentiel van de afgeronde doorlooptijden in dagen (lineaire interpolatie).'
	},
	{
		field: 'p90',
		kind: 'days',
		sql: 'quantile_cont(dagen, 0.9)',
		label: '90e percentiel (dagen)',
		definition:
			'Het 90e percentiel van de afgeronde doorlooptijden in dagen (lineaire interpolatie).'
	},
	{
		field: 'met_norm',
		kind: 'count',
		sql: 'count(*) FILTER (eind IS NOT NULL AND norm IS NOT NULL)',
		label: 'afgerond met een norm',
		definition: 'Het aantal afgeronde dossiers waarvan de corporatie voor deze stap een norm heeft.'
	},
	{
		field: 'binnen_norm',
		kind: 'count',
		sql: 'count(*) FILTER (dagen <= norm)',
		label: 'binnen de norm',
		definition: 'Van de afgeronde dossiers met een norm: het aantal dat hooguit de norm duurde.'
	},
	{
		field: 'open_boven_norm',
		kind: 'count',
		sql: 'count(*) FILTER (eind IS NULL AND norm IS NOT NULL AND $peildatum - start > norm)',
		label: 'open boven de norm',
		definition:
			'Het aantal open dossiers met een norm dat op de peildatum al langer dan de norm openstaat.'
	}
] as const satisfies readonly {
	field: string;
	kind: 'count' | 'days';
	sql: string;
	label: string;
	definition: string;
}[];

export type LeadTimeField = (typeof LEAD_TIME_FIELDS)[number]['field'];

/** Lead times with a norm in the werkafspraken (the defaults), in the order of metrics.md. */
export const NORMED_LEAD_TIMES: readonly LeadTimeId[] = LEAD_TIMES.map((l) => l.id).filter((id) =>
	DEFAULT_NORMS.some((n) => n.leadTime === id)
);

/** `Signaal → contact` → `signaal → contact`; an acronym (`SDV …`) keeps its capitals. */
function lowerFirst(label: string): string {
	return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function leadTimeFigures<const L extends LeadTimeId>(lt: { id: L; label: string }) {
	const base = `doorlooptijden.${lt.id}` as const;
	return LEAD_TIME_FIELDS.map((f): Figure<`${typeof base}.${string}`> => {
		const common = {
			id: `${base}.${f.field}` as const,
			section: 'e' as const,
			label: `${lt.label}: ${f.label}`,
			definition: f.definition,
			views: [] as View[],
			counted: { table: 'doorlooptijden' as const, field: f.field }
		};
		return f.kind === 'days'
			? { ...common, kind: 'days', cases: `${base}.n`, publication: 'min-cases' }
			: { ...common, kind: 'count', publication: 'small-count' };
	});
}

/** The share of a lead time's completed cases with a norm that stayed within it (a cooperation indicator). */
function withinNorm<const L extends LeadTimeId>(lt: { id: L; label: string }) {
	const base = `doorlooptijden.${lt.id}` as const;
	return share(
		`${base}.aandeel_binnen_norm`,
		'a',
		{ teller: `${base}.binnen_norm`, noemer: [`${base}.met_norm`], document: false },
		NORMED_LEAD_TIMES.includes(lt.id) ? ['samenwerking'] : [],
		{
			label: `Binnen de norm: ${lowerFirst(lt.label)}`,
			definition: 'Van de afgeronde dossiers met een norm: het deel dat hooguit de norm duurde.'
		}
	);
}

// ---------------------------------------------------------------- the catalog

const FUNNEL_TEXT: Record<(typeof FUNNEL_STAGES)[number], { label: string; definition: string }> = {
	achterstand_1m: {
		label: 'Eén maand achterstand (signaal)',
		definition:
			'Het aantal dossiers waarvan de start (de eerste achterstand_1m) in de periode ligt: het cohort.'
	},
	achterstand_2m: {
		label: 'Twee maanden achterstand',
		definition: 'Het aantal dossiers van het cohort dat ooit twee maanden achterstand bereikte.'
	},
	achterstand_3m: {
		label: 'Drie maanden achterstand',
		definition: 'Het aantal dossiers van het cohort dat ooit drie maanden achterstand bereikte.'
	},
	deurwaarder: {
		label: 'Naar de deurwaarder',
		definition: 'Het aantal dossiers van het cohort dat ooit aan de deurwaarder is overgedragen.'
	},
	vonnis: {
		label: 'Vonnis',
		definition: 'Het aantal dossiers van het cohort met ooit een vonnis.'
	},
	aanzegging: {
		label: 'Aanzegging',
		definition: 'Het aantal dossiers van het cohort met ooit een aanzegging.'
	},
	ontruiming: {
		label: 'Ontruiming',
		definition: 'Het aantal dossiers van het cohort met ooit een ontruiming.'
	},
	afgesloten_zonder_deurwaarder: {
		label: 'Afgesloten zonder deurwaarder',
		definition:
			'Het aantal dossiers van het cohort dat is afgesloten met een andere uitkomst dan ontruimd en nooit bij de deurwaarder kwam.'
	}
};

const FUNNEL_WHERE: Record<(typeof FUNNEL_STAGES)[number], string> = {
	achterstand_1m: 'true',
	achterstand_2m: 'heeft_achterstand_2m',
	achterstand_3m: 'heeft_achterstand_3m',
	deurwaarder: 'heeft_deurwaarder',
	vonnis: 'heeft_vonnis',
	aanzegging: 'heeft_aanzegging',
	ontruiming: 'heeft_ontruiming',
	afgesloten_zonder_deurwaarder: 'afgesloten_zonder_deurwaarder'
};

/**
 * Every figure, in the order of the JSON document (evaluate-contract.md); a share outside the
 * document stands before its parts.
 */
export const FIGURES = [
	// b. Referrals
	count(
		'signalen',
		'b',
		event('achterstand_1m'),
		['kern', 'tabel', 'trend', 'doelgroep', 'briefing', 'brief', 'vergelijking', 'verantwoording'],
		{
			label: 'Signalen (één maand achterstand)',
			short: 'Signalen',
			definition:
				'Het aantal keren dat een huurder één maand huurachterstand bereikte (gebeurtenis achterstand_1m) in de periode.',
			noun: {
				singular: 'signaal van huurachterstand',
				plural: 'signalen van huurachterstand',
				gender: 'het'
			}
		}
	),
	count(
		'meldingen_sdv',
		'b',
		event('melding_sdv'),
		['kern', 'tabel', 'trend', 'doelgroep', 'briefing', 'brief', 'vergelijking', 'verantwoording'],
		{
			label: 'Meldingen bij Schulddienstverlening',
			short: 'Meldingen SDV',
			definition:
				'Het aantal meldingen bij Schulddienstverlening (gebeurtenis melding_sdv) in de periode.',
			noun: {
				singular: 'melding bij Schulddienstverlening',
				plural: 'meldingen bij Schulddienstverlening',
				gender: 'de'
			}
		}
	),
	count(
		'meldingen_swt',
		'b',
		event('melding_swt'),
		['kern', 'tabel', 'brief', 'vergelijking', 'verantwoording'],
		{
			label: 'Meldingen bij het Sociaal Wijkteam',
			definition:
				'Het aantal meldingen bij het Sociaal Wijkteam (gebeurtenis melding_swt) in de periode.',
			noun: {
				singular: 'melding bij het Sociaal Wijkteam',
				plural: 'meldingen bij het Sociaal Wijkteam',
				gender: 'de'
			}
		}
	),
	// c. Evictions and their reasons
	count('deurwaarder', 'c', event('deurwaarder'), ['kern', 'tabel', 'brief', 'verantwoording'], {
		label: 'Dossiers naar de deurwaarder',
		definition:
			'Het aantal overdrachten van een dossier aan de deurwaarder (gebeurtenis deurwaarder) in de periode.',
		noun: {
			singular: 'overdracht aan de deurwaarder',
			plural: 'overdrachten aan de deurwaarder',
			gender: 'de'
		}
	}),
	count(
		'vonnissen',
		'c',
		event('vonnis'),
		['kern', 'tabel', 'briefing', 'brief', 'verantwoording'],
		{
			label: 'Vonnissen',
			definition: 'Het aantal vonnissen (gebeurtenis vonnis) in de periode.',
			noun: { singular: 'vonnis', plural: 'vonnissen', gender: 'het' }
		}
	),
	count(
		'aanzeggingen',
		'c',
		event('aanzegging'),
		['kern', 'tabel', 'trend', 'doelgroep', 'briefing', 'brief', 'vergelijking', 'verantwoording'],
		{
			label: 'Aanzeggingen',
			short: 'Aanzeggingen',
			definition:
				'Het aantal aanzeggingen tot huisuitzetting (gebeurtenis aanzegging) in de periode.',
			noun: {
				singular: 'aanzegging tot huisuitzetting',
				plural: 'aanzeggingen tot huisuitzetting',
				gender: 'de'
			}
		}
	),
	count(
		'ontruimingen',
		'c',
		event('ontruiming'),
		['kern', 'tabel', 'trend', 'doelgroep', 'briefing', 'brief', 'vergelijking', 'verantwoording'],
		{
			label: 'Ontruimingen',
			short: 'Ontruimingen',
			definition: 'Het aantal ontruimingen (gebeurtenis ontruiming) in de periode.',
			noun: { singular: 'ontruiming', plural: 'ontruimingen', gender: 'de' }
		}
	),
	...REASONS.map((reden) =>
		count(
			`ontruimingen_per_reden.${reden}`,
			'c',
			event('ontruiming', { reden }),
			['tabel', 'verantwoording'],
			{
				label: REASON_TEXT[reden].label,
				definition: REASON_TEXT[reden].definition,
				partOf: 'ontruimingen'
			}
		)
	),
	// d. Prevented evictions
	...statusFigures(
		'aanzeggingen',
		'aanzegging',
		{
			voorkomen: ['kern', 'tabel', 'trend', 'doelgroep', 'briefing', 'brief', 'verantwoording'],
			ontruimd: ['kern', 'tabel', 'doelgroep', 'brief', 'verantwoording'],
			lopend: ['kern', 'tabel', 'brief', 'verantwoording']
		},
		{
			voorkomen: {
				label: 'Aanzeggingen: ontruiming voorkomen',
				noun: { singular: 'voorkomen ontruiming', plural: 'voorkomen ontruimingen', gender: 'de' }
			},
			ontruimd: { label: 'Aanzeggingen: ontruimd' },
			lopend: { label: 'Aanzeggingen: lopend' }
		}
	),
	share(
		'aandeel_voorkomen',
		'd',
		{
			teller: 'aanzeggingen_voorkomen',
			noemer: ['aanzeggingen_voorkomen', 'aanzeggingen_ontruimd'],
			document: true
		},
		['tabel', 'doelgroep', 'brief', 'verantwoording'],
		{
			label: 'Aandeel voorkomen (van afgeronde aanzeggingen)',
			definition:
				'Voorkomen gedeeld door (voorkomen + ontruimd); lopende aanzeggingen tellen niet mee.'
		}
	),
	...statusFigures(
		'vonnissen',
		'vonnis',
		{
			voorkomen: ['tabel', 'brief', 'verantwoording'],
			ontruimd: ['tabel', 'brief', 'verantwoording'],
			lopend: ['tabel', 'brief', 'verantwoording']
		},
		{
			voorkomen: { label: 'Vonnissen: niet uitgevoerd (voorkomen)' },
			ontruimd: { label: 'Vonnissen: ontruimd' },
			lopend: { label: 'Vonnissen: lopend' }
		}
	),
	share(
		'aandeel_vonnissen_niet_uitgevoerd',
		'd',
		{
			teller: 'vonnissen_voorkomen',
			noemer: ['vonnissen_voorkomen', 'vonnissen_ontruimd'],
			document: false
		},
		['verantwoording'],
		{
			label: 'Aandeel vonnissen niet uitgevoerd (van afgeronde vonnissen)',
			definition:
				'Niet uitgevoerd gedeeld door (niet uitgevoerd + ontruimd); zo telt Aedes landelijk een voorkomen ontruiming.'
		}
	),
	// The funnel of the cohort
	...FUNNEL_STAGES.map((stage) =>
		count(
			`trechter.${stage}`,
			'trechter',
			{ table: 'dossier_feiten', where: FUNNEL_WHERE[stage] },
			['tabel', 'verantwoording'],
			FUNNEL_TEXT[stage]
		)
	),
	// e. Lead times
	...LEAD_TIMES.flatMap((lt) => leadTimeFigures(lt)),
	// a. Cooperation
	...COOPERATION.flatMap((rule) => cooperationFigures(rule)),
	...LEAD_TIMES.map((lt) => withinNorm(lt))
];

export type FigureId = (typeof FIGURES)[number]['id'];

const BY_ID = new Map<string, Figure>(FIGURES.map((f) => [f.id, f]));

/** The record of a figure id (throws on an id not in the catalog). */
export function figure(id: string): Figure {
	const found = BY_ID.get(id);
	if (!found) throw new Error(`not a figure id: ${id}`);
	return found;
}

/** Whether an id is in the catalog. */
export function isFigureId(id: string): boolean {
	return BY_ID.has(id);
}

/** Whether a figure is a key of the JSON document (and so carries the page's `data-metric` hook). */
export function inDocument(f: Figure): boolean {
	return f.kind !== 'share' || f.document;
}

/** The figures of the JSON document, in its order. */
export const DOCUMENT_FIGURES: readonly Figure[] = FIGURES.filter(inDocument);

/** The figures a surface shows, in catalog order. */
export function figuresIn(view: View, section?: Section): Figure[] {
	return FIGURES.filter((f) => f.views.includes(view) && (!section || f.section === section));
}

/**
 * The figures a surface shows along the chain of the werkafspraken (signal, referrals, bailiff,
 * judgment, notice, eviction), each with its statuses and share after it: the letter's key table,
 * the briefing and the table per doelgroep.
 */
export function figuresAlongChain(view: View): Figure[] {
	const step = (f: Figure): number => {
		const counted = f.kind === 'share' ? figure(f.teller) : f;
		return 'counted' in counted && counted.counted.table === 'telling'
			? EVENT_CODES.indexOf(counted.counted.event)
			: EVENT_CODES.length;
	};
	return figuresIn(view)
		.map((f, i) => ({ f, i, step: step(f) }))
		.sort((a, b) => a.step - b.step || a.i - b.i)
		.map((x) => x.f);
}

/** The label of a figure id. */
export function labelOf(id: string): string {
	return figure(id).label;
}

/** The noun of a figure, for running text. */
export function nounOf(id: string): Noun {
	const noun = figure(id).noun;
	if (!noun) throw new Error(`no noun for ${id}`);
	return noun;
}

// ------------------------------------------------ vroegsignalering (ddas-vroegsignalering.md)

/**
 * A vroegsignalering figure: one leaf of VS_METRICS, by its dotted path (`zaken_huur`,
 * `contactpogingen.Telefoon.bereikt`), with the same publication rules as the Artikel 4 figures.
 * `kern`: a headline figure of the page; `brief`: a row of the letter's vroegsignalering table.
 */
export interface VsFigure {
	id: string;
	kind: 'count' | 'amount' | 'days';
	label: string;
	definition: string;
	/** For days: the count of completed cases the quantile is taken over. */
	cases?: string;
	/** `min-cases`: a median or quantile shown only over enough cases (as the lead times). */
	publication: 'small-count' | 'min-cases';
	views: readonly ('kern' | 'brief')[];
}

const vsCount = (
	id: string,
	label: string,
	definition: string,
	views: VsFigure['views'] = []
): VsFigure => ({ id, kind: 'count', label, definition, publication: 'small-count', views });

/** The lead times' labels (from the start of the rent case). */
export const VS_LEAD_TIME_LABELS: Record<(typeof VS_LEAD_TIMES)[number], string> = {
	signaal_opgepakt: 'Huursignaal → opgepakt',
	signaal_eerste_poging: 'Huursignaal → eerste contactpoging',
	signaal_bereikt: 'Huursignaal → bereikt'
};

const VS_LEAD_TIME_DEFINITIONS: Record<(typeof VS_LEAD_TIMES)[number], string> = {
	signaal_opgepakt:
		'Dagen van het eerste huursignaal tot de datum opgepakt (0 als de zaak al eerder was opgepakt).',
	signaal_eerste_poging:
		'Dagen van het eerste huursignaal tot de eerste contactpoging op of na die dag.',
	signaal_bereikt:
		'Dagen van het eerste huursignaal tot de eerste contactpoging op of na die dag waarbij de inwoner bereikt is.'
};

/** The label of a result key (`geen`: no result yet). */
export function vsResultLabel(key: string): string {
	return key === 'geen' ? 'Nog geen resultaat' : key === 'onbekend' ? 'Onbekend resultaat' : key;
}

/** Every vroegsignalering figure, in the order of VS_METRICS (page, report, exports, CLI). */
export const VS_FIGURES: readonly VsFigure[] = [
	...PARTNER_TYPES.map((t) =>
		vsCount(
			`signalen.${t}`,
			`Signalen: ${t}`,
			`Signalen van signaalpartner ${t} met een signaaldatum in de periode.`
		)
	),
	vsCount(
		'signalen_huur',
		'Huursignalen',
		'Signalen van verhuurders (signaalpartner Huur) met een signaaldatum in de periode.',
		['kern', 'brief']
	),
	{
		id: 'bedrag_huur_mediaan',
		kind: 'amount',
		label: 'Mediane huurachterstand bij signaal (euro)',
		definition:
			'Mediaan van het bedrag van de huursignalen in de periode (lineaire interpolatie); leeg als geen signaal een bedrag heeft.',
		cases: 'signalen_huur',
		publication: 'min-cases',
		views: ['brief']
	},
	vsCount(
		'zaken_huur',
		'Huurzaken (cohort)',
		'Zaken met ten minste één huursignaal, waarvan het eerste huursignaal in de periode valt.',
		['kern', 'brief']
	),
	vsCount('opgepakt', 'Opgepakt', 'Huurzaken van het cohort met een datum opgepakt.', [
		'kern',
		'brief'
	]),
	vsCount(
		'contact_gepoogd',
		'Contact gepoogd',
		'Huurzaken van het cohort met ten minste één contactpoging (op welke datum ook).',
		['brief']
	),
	vsCount(
		'bereikt',
		'Bereikt',
		'Huurzaken van het cohort met ten minste één contactpoging waarbij de inwoner bereikt is.',
		['kern', 'brief']
	),
	vsCount(
		'hulp',
		'Hulp of verwijzing',
		'Huurzaken van het cohort met als resultaat vervolghulp en/of verwijzing (ook financieel of niet financieel) of verwijzing zonder tussenkomst inwoner.',
		['kern', 'brief']
	),
	vsCount(
		'meervoudig',
		'Ook andere achterstanden',
		'Huurzaken van het cohort die ook een signaal van een andere soort signaalpartner bevatten.',
		['brief']
	),
	...RESULT_KEYS.map((k) =>
		vsCount(
			`resultaten.${k}`,
			`Resultaat: ${vsResultLabel(k)}`,
			'Huurzaken van het cohort met dit resultaat.'
		)
	),
	...CONTACT_KINDS.flatMap((k) => [
		vsCount(
			`contactpogingen.${k}.pogingen`,
			`Contactpogingen ${k}`,
			'Contactpogingen van deze soort bij de huurzaken van het cohort.'
		),
		vsCount(
			`contactpogingen.${k}.bereikt`,
			`Contactpogingen ${k}: bereikt`,
			'Contactpogingen van deze soort bij de huurzaken van het cohort waarbij de inwoner bereikt is.'
		)
	]),
	...VS_LEAD_TIMES.flatMap((lt): VsFigure[] => {
		const label = VS_LEAD_TIME_LABELS[lt];
		const base = `doorlooptijden.${lt}`;
		const days = (field: string, what: string): VsFigure => ({
			id: `${base}.${field}`,
			kind: 'days',
			label: `${label}: ${what} (dagen)`,
			definition: VS_LEAD_TIME_DEFINITIONS[lt],
			cases: `${base}.n`,
			publication: 'min-cases',
			views: []
		});
		return [
			vsCount(`${base}.n`, `${label}: afgerond`, VS_LEAD_TIME_DEFINITIONS[lt]),
			vsCount(`${base}.open`, `${label}: open`, 'Huurzaken van het cohort zonder dit eindpunt.'),
			days('mediaan', 'mediaan'),
			days('p25', '25e percentiel'),
			days('p75', '75e percentiel'),
			days('p90', '90e percentiel')
		];
	})
];

const VS_BY_ID = new Map(VS_FIGURES.map((f) => [f.id, f]));

/** The record of a vroegsignalering figure id (throws on an unknown id). */
export function vsFigure(id: string): VsFigure {
	const found = VS_BY_ID.get(id);
	if (!found) throw new Error(`not a vroegsignalering figure id: ${id}`);
	return found;
}

// ------------------------------------- schuldhulpverlening (ddas-schuldhulpverlening.md)

/**
 * A schuldhulpverlening (Wgs) figure: one leaf of SHV_METRICS, by its dotted path
 * (`aanmeldingen`, `eerste_gesprek.binnen_norm`, `oplossing_per_soort.Schuldbemiddeling`,
 * `doorlooptijden.aanmelding_eerste_gesprek.mediaan`), with the same publication rules as the
 * Artikel 4 figures. `kern`: a headline figure of the page; `brief`: a row of the letter's
 * schuldhulpverlening table.
 */
export interface ShvFigure {
	id: string;
	kind: 'count' | 'days';
	label: string;
	definition: string;
	/** For days: the count of completed trajecten the quantile is taken over (the lead time's n). */
	cases?: string;
	/** `min-cases`: a quantile shown only over enough completed trajecten. */
	publication: 'small-count' | 'min-cases';
	views: readonly ('kern' | 'brief')[];
}

const shvCount = (
	id: string,
	label: string,
	definition: string,
	views: ShvFigure['views'] = []
): ShvFigure => ({ id, kind: 'count', label, definition, publication: 'small-count', views });

/** The lead times' labels. */
export const SHV_LEAD_TIME_LABELS: Record<ShvLeadTime, string> = {
	aanmelding_eerste_gesprek: 'Aanmelding → eerste gesprek',
	eerste_gesprek_beschikking: 'Eerste gesprek → beschikking'
};

/** Each lead time: where it runs from and to, and its completed and open trajecten. */
const SHV_LEAD_TIME_TEXT: Record<ShvLeadTime, { span: string; n: string; open: string }> = {
	aanmelding_eerste_gesprek: {
		span: 'de aanmelding tot het eerste gesprek',
		n: 'Aanmeldingen met een eerste gesprek op of na de aanmeldingsdatum: de doorlooptijd is afgerond.',
		open: 'Aanmeldingen zonder eerste gesprek op of na de aanmeldingsdatum.'
	},
	eerste_gesprek_beschikking: {
		span: 'het eerste gesprek tot de beschikking',
		n: 'Aanmeldingen met een eerste gesprek en een beschikking op of na die datum: de doorlooptijd is afgerond.',
		open: 'Aanmeldingen met een eerste gesprek, maar zonder beschikking op of na die datum.'
	}
};

/** The quantiles of a lead time, in the JSON's order, with the words of their label and definition. */
const SHV_QUANTILES = [
	{ field: 'mediaan', label: 'mediaan', what: 'De mediaan' },
	{ field: 'p25', label: 'p25', what: 'Het 25e percentiel' },
	{ field: 'p75', label: 'p75', what: 'Het 75e percentiel' },
	{ field: 'p90', label: 'p90', what: 'Het 90e percentiel' }
] as const;

/** A count per key of a DDAS enumeration (v1.0 values, then `onbekend`). */
function shvPerKey(
	head: string,
	keys: readonly string[],
	label: string,
	definition: (key: string) => string
): ShvFigure[] {
	return keys.map((k) => shvCount(`${head}.${k}`, `${label}: ${k}`, definition(k)));
}

/** Every schuldhulpverlening figure, in the order of SHV_METRICS (page, report, exports, CLI). */
export const SHV_FIGURES: readonly ShvFigure[] = [
	shvCount(
		'aanmeldingen',
		'Aanmeldingen',
		'Trajecten met een aanmelding in de periode (zonder aanmelding: de startdatum van het traject) in de gekozen gemeenten: het cohort.',
		['kern', 'brief']
	),
	shvCount(
		'aanmeldingen_crisis',
		'Aanmeldingen met crisis (3 werkdagen)',
		'Aanmeldingen die een crisis zijn: de aanmelding is een crisisinterventie, of een crisisinterventie begon op of vóór het eerste gesprek (zoals bij een dreigende ontruiming); het eerste gesprek moet dan binnen 3 werkdagen.',
		['brief']
	),
	shvCount(
		'eerste_gesprek.n',
		'Met een eerste gesprek',
		'Aanmeldingen met een datum van het eerste gesprek (de intake).',
		['brief']
	),
	shvCount(
		'eerste_gesprek.binnen_norm',
		'Eerste gesprek binnen de norm',
		'Aanmeldingen met een eerste gesprek op of vóór de normdatum: 4 weken (28 dagen) na de aanmelding, bij een crisis 3 werkdagen.',
		['kern', 'brief']
	),
	shvCount(
		'eerste_gesprek.open_boven_norm',
		'Zonder eerste gesprek, termijn verstreken',
		'Aanmeldingen zonder eerste gesprek waarvan de normdatum vóór de peildatum ligt.',
		['brief']
	),
	shvCount('beschikking.n', 'Met een beschikking', 'Aanmeldingen met een beschikkingsdatum.', [
		'brief'
	]),
	shvCount(
		'beschikking.binnen_norm',
		'Beschikking binnen 8 weken na het eerste gesprek',
		'Aanmeldingen met een beschikking uiterlijk 8 weken (56 dagen) na het eerste gesprek; zonder datum van het eerste gesprek telt een beschikking niet als binnen de norm.',
		['kern', 'brief']
	),
	shvCount(
		'beschikking.toelating',
		'Toelatingsbeschikkingen',
		'Aanmeldingen met een beschikking van de soort toelatingsbeschikking.'
	),
	shvCount(
		'beschikking.afwijzing',
		'Afwijzingsbeschikkingen',
		'Aanmeldingen met een beschikking van de soort afwijzingsbeschikking.'
	),
	shvCount(
		'plan_van_aanpak',
		'Met een plan van aanpak',
		'Aanmeldingen met een datum van afronding van het plan van aanpak.',
		['brief']
	),
	shvCount(
		'schuldregeling_toegekend',
		'Schuldregeling toegekend',
		'Aanmeldingen met een datum waarop een schuldregeling is toegekend.',
		['brief']
	),
	shvCount(
		'begeleiding',
		'Met begeleiding',
		'Aanmeldingen met ten minste één vorm van begeleiding (zoals budgetcoaching of beschermingsbewind).'
	),
	shvCount('moratorium', 'Met een moratorium', 'Aanmeldingen met ten minste één moratorium.'),
	...shvPerKey('oplossing_per_soort', OPLOSSING_KEYS, 'Oplossing', (k) =>
		k === 'onbekend'
			? 'Aanmeldingen met een oplossing van een soort die het uitwisselmodel niet kent.'
			: `Aanmeldingen met als oplossing ${k}.`
	),
	...shvPerKey('uitstroom_per_reden', UITSTROOM_KEYS, 'Uitstroom', (k) =>
		k === 'onbekend'
			? 'Aanmeldingen met een uitstroom zonder reden of met een reden die het uitwisselmodel niet kent.'
			: `Aanmeldingen met een uitstroom met als reden ${k}.`
	),
	...shvPerKey('schulden_per_soort', SCHULDSOORT_KEYS, 'Schulden', (k) =>
		k === 'onbekend'
			? 'Aanmeldingen met ten minste één schuld van een soort die het uitwisselmodel niet kent.'
			: `Aanmeldingen met ten minste één schuld van de soort ${k}.`
	),
	...SHV_LEAD_TIMES.flatMap((lt): ShvFigure[] => {
		const label = SHV_LEAD_TIME_LABELS[lt];
		const text = SHV_LEAD_TIME_TEXT[lt];
		const base = `doorlooptijden.${lt}`;
		return [
			shvCount(`${base}.n`, `${label}: afgerond`, text.n),
			shvCount(`${base}.open`, `${label}: open`, text.open),
			...SHV_QUANTILES.map((q): ShvFigure => ({
				id: `${base}.${q.field}`,
				kind: 'days',
				label: `${label}: ${q.label} (dagen)`,
				definition: `${q.what} van het aantal dagen van ${text.span}, over de afgeronde doorlooptijden (lineaire interpolatie).`,
				cases: `${base}.n`,
				publication: 'min-cases',
				views: q.field === 'mediaan' ? ['brief'] : []
			}))
		];
	})
];

const SHV_BY_ID = new Map(SHV_FIGURES.map((f) => [f.id, f]));

/** The record of a schuldhulpverlening figure id (throws on an unknown id). */
export function shvFigure(id: string): ShvFigure {
	const found = SHV_BY_ID.get(id);
	if (!found) throw new Error(`not a schuldhulpverlening figure id: ${id}`);
	return found;
}
