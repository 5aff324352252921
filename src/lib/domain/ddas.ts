/**
 * The code lists of VNG Realisatie's DDAS uitwisselmodel vroegsignalering, version 1.2
 * (`$defs` of json_schema_Uitwisselmodel.json), and the spec's groupings over them. Data, no I/O.
 */

/** `EnumSignaalpartner` of version 1.2. */
export const PARTNER_TYPES = [
	'Belastingdienst',
	'CAK Eigen bijdrage',
	'CAK Zorgverzekeringen',
	'Dienst Toeslagen',
	'DUO',
	'Energie',
	'Huur',
	'Hypotheek',
	'Overige',
	'Water',
	'Zorg'
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** `EnumEindresultaat` of version 1.2. */
export const RESULTS = [
	'(Budget)advies en/of quick fix',
	'Definitief geen contact kunnen krijgen',
	'Geen reactie na eerder contact',
	'Inwoner al bekend bij schuldhulpverlening',
	'Inwoner heeft al een ander lopend traject',
	'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
	'Inwoner is overleden',
	'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
	'Niet opgepakt: andere reden',
	'Niet opgepakt: herhaalde melding',
	'Niet opgepakt: onterecht signaal',
	'Persoon is geen inwoner (meer) in de gemeente',
	'Vervolghulp en/of verwijzing',
	'Vervolghulp en/of verwijzing financieel',
	'Vervolghulp en/of verwijzing niet financieel',
	'Verwijzing zonder tussenkomst inwoner'
] as const;
/** A case's result: one of the 1.2 list, `geen` (none yet) or `onbekend` (not on the list). */
export type CaseResult = (typeof RESULTS)[number] | 'geen' | 'onbekend';
/** The keys of `resultaten`, in this order. */
export const RESULT_KEYS: readonly CaseResult[] = [...RESULTS, 'geen', 'onbekend'];

/** Results that count as `hulp`: the case led to follow-up help or a referral. */
export const HELP_RESULTS: readonly CaseResult[] = [
	'Vervolghulp en/of verwijzing',
	'Vervolghulp en/of verwijzing financieel',
	'Vervolghulp en/of verwijzing niet financieel',
	'Verwijzing zonder tussenkomst inwoner'
];

/** Results of earlier versions that were renamed in 1.2 (matched like codes). */
export const RESULT_ALIASES: Readonly<Record<string, CaseResult>> = {
	'Verwijzing zonder toestemming': 'Verwijzing zonder tussenkomst inwoner'
};

/** `EnumContactsoort` of version 1.2. */
export const CONTACT_KINDS = [
	'Administratief',
	'Afspraak op locatie',
	'Brief',
	'Huisbezoek',
	'Kaartje',
	'Mail',
	'Onbekend',
	'Overige',
	'SMS/Whatsapp',
	'Telefoon'
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** The lead times of the vroegsignalering figures, from the start of a rent case. */
export const VS_LEAD_TIMES = [
	'signaal_opgepakt',
	'signaal_eerste_poging',
	'signaal_bereikt'
] as const;
export type VsLeadTime = (typeof VS_LEAD_TIMES)[number];

/** A code as matched: trimmed, lower case, runs of white space as one space. */
export function codeKey(value: string): string {
	return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

function lookup<T extends string>(list: readonly T[], aliases: Readonly<Record<string, T>> = {}) {
	const map = new Map<string, T>();
	for (const value of list) map.set(codeKey(value), value);
	for (const [alias, value] of Object.entries(aliases)) map.set(codeKey(alias), value);
	return (value: string): T | null => map.get(codeKey(value)) ?? null;
}

/** The 1.2 partner type for a written one (case-insensitive); null when unknown. */
export const matchPartnerType = lookup<PartnerType>(PARTNER_TYPES);
/** The 1.2 result for a written one (case-insensitive, 1.0 names included); null when unknown. */
export const matchResult = lookup<CaseResult>(RESULTS, RESULT_ALIASES);
/** The 1.2 contact kind for a written one (case-insensitive); null when unknown. */
export const matchContactKind = lookup<ContactKind>(CONTACT_KINDS);
