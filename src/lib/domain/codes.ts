/** The code lists of exchange format v1 (shared/spec/exchange-format.md), as data. */

export const EVENT_CODES = [
	'achterstand_1m',
	'achterstand_2m',
	'achterstand_3m',
	'contact',
	'huisbezoek',
	'afstemming_swt',
	'melding_sdv',
	'melding_swt',
	'uitnodiging_sdv',
	'intake_sdv',
	'plan_van_aanpak',
	'terugkoppeling',
	'betalingsregeling',
	'budgetbeheer',
	'schuldhulptraject',
	'deurwaarder',
	'dagvaarding',
	'vonnis',
	'aanzegging',
	'ontruiming',
	'afgesloten'
] as const;
export type EventCode = (typeof EVENT_CODES)[number];

/** Eviction reasons; `onbekend` is what an `ontruiming` without a valid reason gets. */
export const REASONS = [
	'huurachterstand',
	'overlast',
	'hennep_drugs',
	'woonfraude',
	'overig',
	'onbekend'
] as const;
export type Reason = (typeof REASONS)[number];
/** The reasons a file may state (`onbekend` is assigned, never read). */
export const STATED_REASONS: readonly Reason[] = REASONS.filter((r) => r !== 'onbekend');

export const OUTCOMES = [
	'opgelost',
	'betalingsregeling',
	'schuldhulp',
	'verhuisd',
	'ontruimd',
	'overig'
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const TARGET_GROUPS = ['gezin_met_kinderen', 'senior', 'oggz', 'overig'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
/** The priority groups of the werkafspraken: the default doelgroep selection. */
export const PRIORITY_GROUPS: readonly TargetGroup[] = ['gezin_met_kinderen', 'senior', 'oggz'];

/** The three corporations that signed the Haarlem werkafspraken. */
export const KNOWN_CORPORATIONS = ['ymere', 'pre_wonen', 'elan_wonen'] as const;

/** Funnel stages of metrics.md, in order. */
export const FUNNEL_STAGES = [
	'achterstand_1m',
	'achterstand_2m',
	'achterstand_3m',
	'deurwaarder',
	'vonnis',
	'aanzegging',
	'ontruiming',
	'afgesloten_zonder_deurwaarder'
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Normalizes a code or header: trimmed, lower case, spaces and hyphens as `_`. */
export function normalizeCode(value: string): string {
	return value
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

/** Normalizes a corporation label: lower case, accents removed, spaces and hyphens as `_`. */
export function normalizeCorporation(value: string): string {
	return normalizeCode(value.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

export function isEventCode(value: string): value is EventCode {
	return (EVENT_CODES as readonly string[]).includes(value);
}
export function isTargetGroup(value: string): value is TargetGroup {
	return (TARGET_GROUPS as readonly string[]).includes(value);
}
export function isStatedReason(value: string): value is Reason {
	return STATED_REASONS.includes(value as Reason);
}
export function isOutcome(value: string): value is Outcome {
	return (OUTCOMES as readonly string[]).includes(value);
}
