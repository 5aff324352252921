/** The shapes of a selection and of the Artikel 4 figures (evaluate-contract.md). */
import type { FunnelStage, Reason } from '../domain/codes';
import type { LeadTimeId } from '../domain/lead-times';

/** A selection as metrics.md defines it, with every default already resolved. */
export interface Selection {
	/** Inclusive start, `YYYY-MM-DD`. */
	van: string;
	/** Exclusive end, `YYYY-MM-DD`. */
	tot: string;
	corporaties: string[];
	doelgroepen: string[];
	/** null: no filter on wijk. */
	wijken: string[] | null;
	/** Reference date for `open_boven_norm`; null only when no event is loaded. */
	peildatum: string | null;
}

/** A selection as the user gives it: left-out parts take the defaults of metrics.md. */
export type SelectionInput = Pick<Selection, 'van' | 'tot'> &
	Partial<Omit<Selection, 'van' | 'tot'>>;

export interface LeadTimeFigures {
	n: number;
	open: number;
	mediaan: number | null;
	p25: number | null;
	p75: number | null;
	p90: number | null;
	met_norm: number;
	binnen_norm: number;
	open_boven_norm: number;
}

export interface Ratio {
	teller: number;
	noemer: number;
}

export const COOPERATION_IDS = [
	'deurwaarder_na_afstemming',
	'meldingen_met_plan',
	'terugkoppeling_na_3m'
] as const;
export type CooperationId = (typeof COOPERATION_IDS)[number];

/** Every Artikel 4 figure for one group of dossiers (METRICS in evaluate-contract.md). */
export interface Metrics {
	signalen: number;
	meldingen_sdv: number;
	meldingen_swt: number;
	deurwaarder: number;
	vonnissen: number;
	aanzeggingen: number;
	ontruimingen: number;
	ontruimingen_per_reden: Record<Reason, number>;
	aanzeggingen_voorkomen: number;
	aanzeggingen_ontruimd: number;
	aanzeggingen_lopend: number;
	aandeel_voorkomen: number | null;
	vonnissen_voorkomen: number;
	vonnissen_ontruimd: number;
	vonnissen_lopend: number;
	trechter: Record<FunnelStage, number>;
	doorlooptijden: Record<LeadTimeId, LeadTimeFigures>;
	samenwerking: Record<CooperationId, Ratio>;
}

/** The breakdowns of metrics.md: one Metrics per value of the dimension, plus the total. */
export type Dimension = 'corporatie' | 'doelgroep' | 'wijk' | 'halfjaar';

export interface Breakdown {
	totaal: Metrics;
	/** Keyed by the dimension's value (a corporation label, a doelgroep, a wijk, or `2015-1` / `2015-2`). */
	groepen: Record<string, Metrics>;
}
