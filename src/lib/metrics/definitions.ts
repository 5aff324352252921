/**
 * The Artikel 4 figures as data (metrics.md): each period figure is the number of counted events
 * that meet its condition; each cohort figure the number of dossiers that do. The SQL of
 * `queries.ts` is compiled from these lists, so every figure is defined here once.
 */
import { REASONS } from '../domain/codes';

export interface FigureDefinition {
	/** Dotted path in the METRICS object of evaluate-contract.md. */
	id: string;
	/** SQL condition over one row of `telling` (period figures) or `dossier_feiten` (funnel). */
	where: string;
}

/** b., c., d. and a.: figures counted over the events in the period (table `telling`). */
export const PERIOD_FIGURES: readonly FigureDefinition[] = [
	{ id: 'signalen', where: `gebeurtenis = 'achterstand_1m'` },
	{ id: 'meldingen_sdv', where: `gebeurtenis = 'melding_sdv'` },
	{ id: 'meldingen_swt', where: `gebeurtenis = 'melding_swt'` },
	{ id: 'deurwaarder', where: `gebeurtenis = 'deurwaarder'` },
	{ id: 'vonnissen', where: `gebeurtenis = 'vonnis'` },
	{ id: 'aanzeggingen', where: `gebeurtenis = 'aanzegging'` },
	{ id: 'ontruimingen', where: `gebeurtenis = 'ontruiming'` },
	...REASONS.map((reden) => ({
		id: `ontruimingen_per_reden.${reden}`,
		where: `gebeurtenis = 'ontruiming' AND reden = '${reden}'`
	})),
	...(['voorkomen', 'ontruimd', 'lopend'] as const).flatMap((status) => [
		{ id: `aanzeggingen_${status}`, where: `gebeurtenis = 'aanzegging' AND kenmerk = '${status}'` },
		{ id: `vonnissen_${status}`, where: `gebeurtenis = 'vonnis' AND kenmerk = '${status}'` }
	]),
	...(
		[
			['deurwaarder_na_afstemming', 'deurwaarder'],
			['meldingen_met_plan', 'melding_sdv'],
			['terugkoppeling_na_3m', 'achterstand_3m']
		] as const
	).flatMap(([id, gebeurtenis]) => [
		{ id: `samenwerking.${id}.teller`, where: `gebeurtenis = '${gebeurtenis}' AND kenmerk = 'ja'` },
		{ id: `samenwerking.${id}.noemer`, where: `gebeurtenis = '${gebeurtenis}'` }
	])
];

/** The share of prevented evictions: voorkomen / (voorkomen + ontruimd), null when that is 0. */
export const SHARE_PREVENTED_SQL = `CASE WHEN "aanzeggingen_voorkomen" + "aanzeggingen_ontruimd" = 0 THEN NULL
	ELSE "aanzeggingen_voorkomen" / ("aanzeggingen_voorkomen" + "aanzeggingen_ontruimd") END`;

/** The funnel: dossiers of the cohort (start in the period) that reached each stage (table `dossier_feiten`). */
export const FUNNEL_FIGURES: readonly FigureDefinition[] = [
	{ id: 'trechter.achterstand_1m', where: 'true' },
	{ id: 'trechter.achterstand_2m', where: 'heeft_achterstand_2m' },
	{ id: 'trechter.achterstand_3m', where: 'heeft_achterstand_3m' },
	{ id: 'trechter.deurwaarder', where: 'heeft_deurwaarder' },
	{ id: 'trechter.vonnis', where: 'heeft_vonnis' },
	{ id: 'trechter.aanzegging', where: 'heeft_aanzegging' },
	{ id: 'trechter.ontruiming', where: 'heeft_ontruiming' },
	{ id: 'trechter.afgesloten_zonder_deurwaarder', where: 'afgesloten_zonder_deurwaarder' }
];

/**
 * e.: the figures of one lead time over the dossiers whose start lies in the period (table
 * `doorlooptijden`; `dagen` and `eind` are null while open; `$peildatum` is the reference date).
 */
export const LEAD_TIME_FIGURES: readonly { id: string; sql: string }[] = [
	{ id: 'n', sql: 'count(eind)' },
	{ id: 'open', sql: 'count(*) - count(eind)' },
	{ id: 'mediaan', sql: 'quantile_cont(dagen, 0.5)' },
	{ id: 'p25', sql: 'quantile_cont(dagen, 0.25)' },
	{ id: 'p75', sql: 'quantile_cont(dagen, 0.75)' },
	{ id: 'p90', sql: 'quantile_cont(dagen, 0.9)' },
	{ id: 'met_norm', sql: 'count(*) FILTER (eind IS NOT NULL AND norm IS NOT NULL)' },
	{ id: 'binnen_norm', sql: 'count(*) FILTER (dagen <= norm)' },
	{
		id: 'open_boven_norm',
		sql: 'count(*) FILTER (eind IS NULL AND norm IS NOT NULL AND $peildatum - start > norm)'
	}
];
