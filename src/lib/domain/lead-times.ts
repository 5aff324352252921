/** The ten lead times (doorlooptijden) of metrics.md and the default norms of the 2015 werkafspraken. */
import type { EventCode } from './codes';

export interface LeadTimeDefinition {
	id: string;
	from: EventCode;
	to: EventCode;
	/** Dutch label for screens and reports. */
	label: string;
}

export const LEAD_TIMES = [
	{ id: 'signaal_contact', from: 'achterstand_1m', to: 'contact', label: 'Signaal → contact' },
	{
		id: 'achterstand2_huisbezoek',
		from: 'achterstand_2m',
		to: 'huisbezoek',
		label: 'Twee maanden achterstand → huisbezoek'
	},
	{
		id: 'melding_uitnodiging',
		from: 'melding_sdv',
		to: 'uitnodiging_sdv',
		label: 'Melding SDV → uitnodiging'
	},
	{
		id: 'uitnodiging_intake',
		from: 'uitnodiging_sdv',
		to: 'intake_sdv',
		label: 'Uitnodiging → intake SDV'
	},
	{
		id: 'achterstand3_terugkoppeling',
		from: 'achterstand_3m',
		to: 'terugkoppeling',
		label: 'Drie maanden achterstand → terugkoppeling'
	},
	{
		id: 'melding_plan',
		from: 'melding_sdv',
		to: 'plan_van_aanpak',
		label: 'Melding SDV → plan van aanpak'
	},
	{
		id: 'signaal_deurwaarder',
		from: 'achterstand_1m',
		to: 'deurwaarder',
		label: 'Signaal → deurwaarder'
	},
	{ id: 'deurwaarder_vonnis', from: 'deurwaarder', to: 'vonnis', label: 'Deurwaarder → vonnis' },
	{ id: 'vonnis_ontruiming', from: 'vonnis', to: 'ontruiming', label: 'Vonnis → ontruiming' },
	{
		id: 'signaal_afgesloten',
		from: 'achterstand_1m',
		to: 'afgesloten',
		label: 'Signaal → afgesloten (totale duur)'
	}
] as const satisfies readonly LeadTimeDefinition[];

export type LeadTimeId = (typeof LEAD_TIMES)[number]['id'];
export const LEAD_TIME_IDS: readonly LeadTimeId[] = LEAD_TIMES.map((l) => l.id);

/** One norm: at most `days` days for a lead time at a corporation, in force from `effectiveFrom`. */
export interface Norm {
	corporatie: string;
	leadTime: LeadTimeId;
	days: number;
	/** ISO date from which this norm holds; a later row for the same pair replaces it. */
	effectiveFrom: string;
	/** Where the norm comes from in the werkafspraken (Dutch). */
	source: string;
}

/**
 * The norms of the 2015 werkafspraken. They are given effect from 2000-01-01, the earliest
 * date the exchange format accepts, so that they apply to all data until a revision is entered.
 */
export const DEFAULT_NORMS: readonly Norm[] = (
	[
		[
			'signaal_contact',
			[8, 30, 30],
			'Ymere neemt op dag 8 contact op; Pré Wonen en Elan Wonen binnen de eerste maand'
		],
		[
			'achterstand2_huisbezoek',
			[21, 14, 14],
			'Ymere: week 2 of 3; Pré Wonen en Elan Wonen: binnen de eerste 2 weken'
		],
		[
			'melding_uitnodiging',
			[7, 7, 7],
			'Schulddienstverlening stuurt binnen een week een brief met uitnodiging'
		],
		['uitnodiging_intake', [null, 7, 7], 'Afspraak binnen 1 week na de uitnodiging'],
		['achterstand3_terugkoppeling', [14, 14, 14], 'Terugkoppeling aan het begin van de derde maand']
	] as [LeadTimeId, (number | null)[], string][]
).flatMap(([leadTime, days, source]) =>
	(['ymere', 'pre_wonen', 'elan_wonen'] as const).flatMap((corporatie, i) => {
		const norm = days[i];
		return norm === null || norm === undefined
			? []
			: [{ corporatie, leadTime, days: norm, effectiveFrom: '2000-01-01', source }];
	})
);

/** The norm days in force on `date`, keyed `corporatie|leadTime` (the latest effectiveFrom ≤ date). */
export function normsInForce(norms: readonly Norm[], date: string): Map<string, number> {
	const latest = new Map<string, Norm>();
	for (const norm of norms) {
		if (norm.effectiveFrom > date) continue;
		const key = `${norm.corporatie}|${norm.leadTime}`;
		const current = latest.get(key);
		if (!current || current.effectiveFrom <= norm.effectiveFrom) latest.set(key, norm);
	}
	return new Map([...latest].map(([key, norm]) => [key, norm.days]));
}
