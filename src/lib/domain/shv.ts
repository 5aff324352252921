/**
 * The enumerations of the DDAS uitwisselmodel schuldhulpverlening v1.0 (spec:
 * ddas-schuldhulpverlening.md), and the spellings of 0.9 and 0.10 that mean the same.
 */
import { codeKey } from './ddas';

/** EnumUitstroomreden (v1.0). */
export const UITSTROOM_REDENEN = [
	'Overleden',
	'Verhuisd',
	'Nietverschenen',
	'Ingetrokken',
	'Niet passend',
	'Overig',
	'Voldoet niet',
	'Afgerond',
	'Zelf'
] as const;
export type UitstroomReden = (typeof UITSTROOM_REDENEN)[number] | 'onbekend';

/** EnumOplossingssoort (v1.0). */
export const OPLOSSINGSSOORTEN = [
	'Betalingsregeling',
	'Herfinanciering',
	'Saneringskrediet',
	'Schuldbemiddeling',
	'0%-aanbod'
] as const;
export type Oplossingssoort = (typeof OPLOSSINGSSOORTEN)[number] | 'onbekend';

/** EnumBegeleidingssoort (v1.0; Budgetbegeleiding since 0.10). */
export const BEGELEIDINGSSOORTEN = [
	'Budgetcoaching',
	'Budgetbeheer',
	'Beschermingsbewind',
	'Lange Termijn Begeleiding (DFD)',
	'Budgetbegeleiding'
] as const;
export type Begeleidingssoort = (typeof BEGELEIDINGSSOORTEN)[number] | 'onbekend';

/** EnumBeschikkingssoort (v1.0). 0.10's Beeindigingsbeschikking is no beschikking on admission. */
export const BESCHIKKINGSSOORTEN = ['Toelatingsbeschikking', 'Afwijzingsbeschikking'] as const;
export type Beschikkingssoort = (typeof BESCHIKKINGSSOORTEN)[number];

/** EnumSchuldensoort (v1.0). */
export const SCHULDSOORTEN = ['Zorg', 'Publiek', 'Nuts', 'Overig'] as const;
export type Schuldsoort = (typeof SCHULDSOORTEN)[number] | 'onbekend';

/** Matches a value case-insensitively (white space collapsed) against a v1.0 list and its aliases. */
function matcher<T extends string>(list: readonly T[], aliases: Readonly<Record<string, T>> = {}) {
	const byKey = new Map<string, T>(list.map((v) => [codeKey(v), v]));
	for (const [alias, value] of Object.entries(aliases)) byKey.set(codeKey(alias), value);
	return (value: string): T | null => byKey.get(codeKey(value)) ?? null;
}

/** The v1.0 uitstroomreden of a value ("Niet verschenen" written apart included). */
export const matchUitstroomReden = matcher(UITSTROOM_REDENEN, {
	'Niet verschenen': 'Nietverschenen'
});
/** The v1.0 oplossingssoort of a value ("0% aanbod" as some exports write it). */
export const matchOplossing = matcher(OPLOSSINGSSOORTEN, { '0% aanbod': '0%-aanbod' });
/** The v1.0 begeleidingssoort of a value. */
export const matchBegeleiding = matcher(BEGELEIDINGSSOORTEN, {
	'Lange Termijn Begeleiding': 'Lange Termijn Begeleiding (DFD)'
});
/** The v1.0 beschikkingssoort of a value. */
export const matchBeschikking = matcher(BESCHIKKINGSSOORTEN);
/** The v1.0 schuldsoort of a value. */
export const matchSchuldsoort = matcher(SCHULDSOORTEN);

/** The keys of `oplossing_per_soort`: the v1.0 values, then `onbekend`. */
export const OPLOSSING_KEYS = [...OPLOSSINGSSOORTEN, 'onbekend'] as const;
/** The keys of `uitstroom_per_reden`: the v1.0 values, then `onbekend`. */
export const UITSTROOM_KEYS = [...UITSTROOM_REDENEN, 'onbekend'] as const;
/** The keys of `schulden_per_soort`: the v1.0 values, then `onbekend`. */
export const SCHULDSOORT_KEYS = [...SCHULDSOORTEN, 'onbekend'] as const;
/** The beschikkingssoorten as stored: the v1.0 values, then `onbekend`. */
export const BESCHIKKING_KEYS = [...BESCHIKKINGSSOORTEN, 'onbekend'] as const;
/** The begeleidingssoorten as stored: the v1.0 values, then `onbekend`. */
export const BEGELEIDING_KEYS = [...BEGELEIDINGSSOORTEN, 'onbekend'] as const;

/** The lead times of the schuldhulpverlening figures (days). */
export const SHV_LEAD_TIMES = ['aanmelding_eerste_gesprek', 'eerste_gesprek_beschikking'] as const;
export type ShvLeadTime = (typeof SHV_LEAD_TIMES)[number];

/**
 * Whether an aanmelding is a crisis (spec: "The legal norms"): `aanmelding.crisisinterventie`
 * true, or a crisisinterventie starting on or before the first conversation (any start when
 * there is no first conversation yet).
 */
export function isCrisis(t: {
	crisisAanmelding: boolean;
	eersteCrisis: string | null;
	eersteGesprek: string | null;
}): boolean {
	if (t.crisisAanmelding) return true;
	if (t.eersteCrisis === null) return false;
	return t.eersteGesprek === null || t.eersteCrisis <= t.eersteGesprek;
}
