/**
 * The tables the metrics run on. The importer's rows are loaded into `dossiers` and
 * `gebeurtenissen`; at load the derivations below compute, once, everything about a dossier or
 * an event that does not depend on the selection, so that a selection is a few small queries.
 */
import { LEAD_TIMES } from '../domain/lead-times';

/** A SQL string literal for one of the code's own constants (never for text from a file). */
export function constant(value: string): string {
	if (!/^[a-z0-9_]+$/.test(value)) throw new Error(`not a code constant: ${value}`);
	return `'${value}'`;
}

/** The norms table (versioned: a later `geldig_vanaf` for the same pair replaces the earlier one). */
export const NORMS_TABLE_SQL = `
CREATE OR REPLACE TABLE normen (
	corporatie VARCHAR NOT NULL,
	doorlooptijd VARCHAR NOT NULL,
	dagen INTEGER NOT NULL,
	geldig_vanaf DATE NOT NULL,
	bron VARCHAR
);`;

const FROM_CODES = [...new Set(LEAD_TIMES.map((l) => l.from))];

/**
 * Per dossier, in one pass over its events: its attributes, its start (earliest achterstand_1m),
 * the funnel stages it reached, the earliest event of each lead time's from-type, and the first
 * and last dates that the event statuses and cooperation indicators need.
 */
const DOSSIER_FACTS_SQL = `
CREATE OR REPLACE TABLE dossier_feiten AS
SELECT
	d.dk, d.corporatie, d.doelgroep, d.wijk,
	min(g.datum) FILTER (g.gebeurtenis = 'achterstand_1m') AS start,
	${FROM_CODES.map((code) => `min(g.datum) FILTER (g.gebeurtenis = ${constant(code)}) AS eerste_${code}`).join(',\n\t')},
	coalesce(bool_or(g.gebeurtenis = 'achterstand_2m'), false) AS heeft_achterstand_2m,
	coalesce(bool_or(g.gebeurtenis = 'achterstand_3m'), false) AS heeft_achterstand_3m,
	coalesce(bool_or(g.gebeurtenis = 'deurwaarder'), false) AS heeft_deurwaarder,
	coalesce(bool_or(g.gebeurtenis = 'vonnis'), false) AS heeft_vonnis,
	coalesce(bool_or(g.gebeurtenis = 'aanzegging'), false) AS heeft_aanzegging,
	coalesce(bool_or(g.gebeurtenis = 'ontruiming'), false) AS heeft_ontruiming,
	coalesce(bool_or(g.gebeurtenis = 'afgesloten' AND g.uitkomst <> 'ontruimd'), false)
		AND NOT coalesce(bool_or(g.gebeurtenis = 'deurwaarder'), false) AS afgesloten_zonder_deurwaarder,
	min(g.datum) FILTER (g.gebeurtenis = 'afstemming_swt') AS eerste_afstemming,
	min(g.datum) FILTER (g.gebeurtenis = 'huisbezoek') AS eerste_huisbezoek,
	max(g.datum) FILTER (g.gebeurtenis = 'plan_van_aanpak') AS laatste_plan,
	max(g.datum) FILTER (g.gebeurtenis = 'terugkoppeling') AS laatste_terugkoppeling,
	max(g.datum) FILTER (g.gebeurtenis = 'ontruiming') AS laatste_ontruiming,
	max(g.datum) FILTER (g.gebeurtenis = 'afgesloten') AS laatste_afgesloten,
	max(g.datum) FILTER (g.gebeurtenis = 'afgesloten' AND g.uitkomst = 'ontruimd') AS laatste_afgesloten_ontruimd
FROM dossiers d
LEFT JOIN gebeurtenissen g ON g.dk = d.dk
GROUP BY d.dk, d.corporatie, d.doelgroep, d.wijk;`;

/**
 * Event counts per day and dossier attributes, for the events the period figures count, each
 * with its characteristic (kenmerk): the status of an aanzegging or vonnis (metrics.md d.), and
 * whether a deurwaarder, melding_sdv or achterstand_3m event meets its cooperation step (a.).
 */
const EVENT_COUNTS_SQL = `
CREATE OR REPLACE TABLE telling AS
SELECT
	f.corporatie, f.doelgroep, f.wijk, g.datum, g.gebeurtenis,
	CASE WHEN g.gebeurtenis = 'ontruiming' THEN coalesce(g.reden, 'onbekend') END AS reden,
	CASE
		WHEN g.gebeurtenis IN ('aanzegging', 'vonnis') THEN
			CASE
				WHEN f.laatste_ontruiming >= g.datum OR f.laatste_afgesloten_ontruimd >= g.datum THEN 'ontruimd'
				WHEN f.laatste_afgesloten >= g.datum THEN 'voorkomen'
				ELSE 'lopend'
			END
		WHEN g.gebeurtenis = 'deurwaarder' THEN
			CASE WHEN f.eerste_afstemming <= g.datum AND f.eerste_huisbezoek <= g.datum THEN 'ja' ELSE 'nee' END
		WHEN g.gebeurtenis = 'melding_sdv' THEN
			CASE WHEN f.laatste_plan >= g.datum THEN 'ja' ELSE 'nee' END
		WHEN g.gebeurtenis = 'achterstand_3m' THEN
			CASE WHEN f.laatste_terugkoppeling >= g.datum THEN 'ja' ELSE 'nee' END
	END AS kenmerk,
	count(*)::INTEGER AS n
FROM gebeurtenissen g
JOIN dossier_feiten f ON f.dk = g.dk
WHERE g.gebeurtenis IN ('achterstand_1m', 'melding_sdv', 'melding_swt', 'deurwaarder', 'vonnis',
	'aanzegging', 'ontruiming', 'achterstand_3m')
GROUP BY ALL;`;

/**
 * Per dossier, in a second pass: the end of each lead time, the earliest to-event on or after
 * the dossier's earliest from-event (null while open).
 */
const LEAD_TIME_ENDS_SQL = `
CREATE OR REPLACE TABLE doorlooptijd_einden AS
SELECT f.dk,
	${LEAD_TIMES.map((l) => `min(g.datum) FILTER (g.gebeurtenis = ${constant(l.to)} AND g.datum >= f.eerste_${l.from}) AS eind_${l.id}`).join(',\n\t')}
FROM dossier_feiten f
JOIN gebeurtenissen g ON g.dk = f.dk
WHERE g.gebeurtenis IN (${[...new Set(LEAD_TIMES.map((l) => constant(l.to)))].join(', ')})
GROUP BY f.dk;`;

/** The norms with the date each stops being in force (the next version's geldig_vanaf). */
const NORM_PERIODS_SQL = `
CREATE OR REPLACE TABLE norm_perioden AS
SELECT corporatie, doorlooptijd, dagen, geldig_vanaf,
	coalesce(lead(geldig_vanaf) OVER (PARTITION BY corporatie, doorlooptijd ORDER BY geldig_vanaf), DATE '9999-12-31') AS geldig_tot
FROM normen;`;

/**
 * One row per dossier and lead time that has a start: start, end (null while open), days, and
 * the norm of the dossier's corporation in force on the start.
 */
const LEAD_TIMES_SQL = `
CREATE OR REPLACE TABLE doorlooptijden AS
WITH lang AS (
	${LEAD_TIMES.map(
		(l) => `SELECT f.dk, f.corporatie, f.doelgroep, f.wijk, ${constant(l.id)} AS doorlooptijd,
		f.eerste_${l.from} AS start, e.eind_${l.id} AS eind
	FROM dossier_feiten f LEFT JOIN doorlooptijd_einden e ON e.dk = f.dk
	WHERE f.eerste_${l.from} IS NOT NULL`
	).join('\n\tUNION ALL\n\t')}
)
SELECT lang.*, (eind - start)::INTEGER AS dagen, n.dagen AS norm
FROM lang
LEFT JOIN norm_perioden n ON n.corporatie = lang.corporatie AND n.doorlooptijd = lang.doorlooptijd
	AND lang.start >= n.geldig_vanaf AND lang.start < n.geldig_tot;
DROP TABLE doorlooptijd_einden;`;

/** Everything derived at load, in order. Re-run after the norms change. */
export const DERIVE_SQL = [
	DOSSIER_FACTS_SQL,
	EVENT_COUNTS_SQL,
	LEAD_TIME_ENDS_SQL,
	NORM_PERIODS_SQL,
	LEAD_TIMES_SQL
].join('\n');
