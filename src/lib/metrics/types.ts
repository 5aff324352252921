/** The shapes of a selection and of the Artikel 4 figures (evaluate-contract.md). */
import type { FunnelStage, Reason } from '../domain/codes';
import type { LeadTimeId } from '../domain/lead-times';
import type { CooperationId, FIGURES, LEAD_TIME_FIELDS } from './catalog';

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
	/**
	 * Only these gemeenten (codes `0392`) in the vroegsignalering figures; absent: every gemeente
	 * of the loaded deliveries (ddas-vroegsignalering.md). The case-data figures ignore it.
	 */
	gemeenten?: string[];
}

/** The loaded data's date range and attribute values (what the selection's defaults come from). */
export interface DataExtent {
	eersteDatum: string | null;
	laatsteDatum: string | null;
	corporaties: string[];
	doelgroepen: string[];
	wijken: string[];
}

/** A selection as the user gives it: left-out parts take the defaults of metrics.md. */
export type SelectionInput = Pick<Selection, 'van' | 'tot'> &
	Partial<Omit<Selection, 'van' | 'tot'>>;

/** The figures of one lead time (LEAD_TIME_FIELDS): counts, and quantiles in days (null when none completed). */
export type LeadTimeFigures = {
	[F in (typeof LEAD_TIME_FIELDS)[number] as F['field']]: F['kind'] extends 'days'
		? number | null
		: number;
};

export interface Ratio {
	teller: number;
	noemer: number;
}

type Catalogued = (typeof FIGURES)[number];
/** The ids of a kind of figure that are keys of METRICS itself (no dot). */
type TopLevel<F> = F extends { id: infer I extends string }
	? I extends `${string}.${string}`
		? never
		: I
	: never;

/**
 * Every Artikel 4 figure for one group of dossiers (METRICS in evaluate-contract.md), typed from
 * the figure catalog: its counts, the shares in the document, and the four nested groups.
 */
export type Metrics = { [K in TopLevel<Extract<Catalogued, { kind: 'count' }>>]: number } & {
	[K in TopLevel<Extract<Catalogued, { kind: 'share'; document: true }>>]: number | null;
} & {
	ontruimingen_per_reden: Record<Reason, number>;
	trechter: Record<FunnelStage, number>;
	doorlooptijden: Record<LeadTimeId, LeadTimeFigures>;
	samenwerking: Record<CooperationId, Ratio>;
};

/** The breakdowns of metrics.md: one Metrics per value of the dimension, plus the total. */
export type Dimension = 'corporatie' | 'doelgroep' | 'wijk' | 'halfjaar';

export interface Breakdown {
	totaal: Metrics;
	/** Keyed by the dimension's value (a corporation label, a doelgroep, a wijk, or `2015-1` / `2015-2`). */
	groepen: Record<string, Metrics>;
}
