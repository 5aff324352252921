/**
 * The tables the metrics run on. The importer's rows are loaded into `dossiers` and
 * `gebeurtenissen`; at load the derivations below compute, once, everything about a dossier or
 * an event that does not depend on the selection, so that a selection is a few small queries.
 */
import { EVENT_CODES, OUTCOMES, REASONS } from '../domain/codes';
import { LEAD_TIMES } from '../domain/lead-times';

/** A SQL string literal for one of the code's own constants (never for text from a file). */
export function constant(value: string): string {
	if (!/^[a-z0-9_]+$/.test(value)) throw new Error(`not a code constant: ${value}`);
	return `'${value}'`;
}

/** A SQL list literal of the code's own constants, indexed 1-based like the Arrow code columns. */
export function constantList(values: readonly string[]): string {
	return `[${values.map(constant).join(', ')}]`;
}

/**
 * Turns the Arrow-loaded raw tables (codes as small integers, 0 = none) into the base tables.
 * `dossiers_raw(dk, dossier_id, corporatie, doelgroep, wijk)`,
 * `gebeurtenissen_raw(dk, datum, gebeurtenis, reden, uitkomst)`.
 */
export const BASE_SQL = `
CREATE OR REPLACE TABLE dossiers AS
	SELECT dk::INTEGER AS dk, dossier_id, corporatie, doelgroep, wijk FROM dossiers_raw;
CREATE OR REPLACE TABLE gebeurtenissen AS
	SELECT dk::INTEGER AS dk, datum,
		${constantList(EVENT_CODES)}[gebeurtenis + 1] AS gebeurtenis,
		CASE WHEN reden > 0 THEN ${constantList(REASONS)}[reden] END AS reden,
		CASE WHEN uitkomst > 0 THEN ${constantList(OUTCOMES)}[uitkomst] END AS uitkomst
	FROM gebeurtenissen_raw;
DROP TABLE dossiers_raw;
DROP TABLE gebeurtenissen_raw;
`;

/** The norms table (versioned: a later `geldig_vanaf` for the same pair replaces the earlier one). */
export const NORMS_TABLE_SQL = `
CREATE OR REPLACE TABLE normen (
	corporatie VARCHAR NOT NULL,
	doorlooptijd VARCHAR NOT NULL,
	dagen INTEGER NOT NULL,
	geldig_vanaf DATE NOT NULL,
	bron VARCHAR
);`;

const leadTimeDefinitions = LEAD_TIMES.map(
	(l) => `(${constant(l.id)}, ${constant(l.from)}, ${constant(l.to)})`
).join(',\n\t\t');

/**
 * Per dossier: its attributes, its start (earliest achterstand_1m), the funnel stages it reached,
 * and the first and last dates that the event statuses and cooperation indicators need.
 */
const DOSSIER_FACTS_SQL = `
CREATE OR REPLACE TABLE dossier_feiten AS
SELECT
	d.dk, d.corporatie, d.doelgroep, d.wijk,
	min(g.datum) FILTER (g.gebeurtenis = 'achterstand_1m') AS start,
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
 * One row per dossier and lead time: the earliest from-event (start), the earliest to-event on or
 * after it (eind, null while open), and the norm of the dossier's corporation in force on the start.
 */
const LEAD_TIMES_SQL = `
CREATE OR REPLACE TABLE doorlooptijden AS
WITH definities(doorlooptijd, van_code, naar_code) AS (
	VALUES
		${leadTimeDefinitions}
),
starts AS (
	SELECT g.dk, d.doorlooptijd, d.naar_code, min(g.datum) AS start
	FROM gebeurtenissen g
	JOIN definities d ON g.gebeurtenis = d.van_code
	GROUP BY g.dk, d.doorlooptijd, d.naar_code
),
einden AS (
	SELECT s.dk, s.doorlooptijd, s.start, min(e.datum) AS eind
	FROM starts s
	LEFT JOIN gebeurtenissen e ON e.dk = s.dk AND e.gebeurtenis = s.naar_code AND e.datum >= s.start
	GROUP BY s.dk, s.doorlooptijd, s.start
)
SELECT
	e.dk, f.corporatie, f.doelgroep, f.wijk, e.doorlooptijd, e.start, e.eind,
	(e.eind - e.start)::INTEGER AS dagen,
	(
		SELECT arg_max(n.dagen, n.geldig_vanaf)
		FROM normen n
		WHERE n.corporatie = f.corporatie AND n.doorlooptijd = e.doorlooptijd AND n.geldig_vanaf <= e.start
	) AS norm
FROM einden e
JOIN dossier_feiten f ON f.dk = e.dk;`;

/** Everything derived at load, in order. Re-run after the norms change. */
export const DERIVE_SQL = [DOSSIER_FACTS_SQL, EVENT_COUNTS_SQL, LEAD_TIMES_SQL].join('\n');
