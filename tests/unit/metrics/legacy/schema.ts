/**
 * FROZEN COPY of src/lib/metrics/schema.ts as it was before issue 20 (commit 37c3dc8), with the
 * cooperation rules' conditions of that time: the oracle the parity test compares the new
 * derivations against. Not used by the product; do not change.
 *
 * The tables the metrics run on. The importer's rows are loaded into `dossiers` and
 * `gebeurtenissen`; at load the derivations below compute, once, everything about a dossier or
 * an event that does not depend on the selection, so that a selection is a few small queries.
 */
import { EVENT_CODES, OUTCOMES, REASONS, TARGET_GROUPS } from '../../../../src/lib/domain/codes';
import { LEAD_TIME_IDS, LEAD_TIMES } from '../../../../src/lib/domain/lead-times';
import {
	FIGURES,
	ruleColumn,
	STATUS_EVENTS,
	STATUS_SQL
} from '../../../../src/lib/metrics/catalog';

/** The cooperation rules as they were: the event and the condition on `g` and `f`. */
const COOPERATION = [
	{
		id: 'contact_binnen_14_dagen',
		event: 'achterstand_1m',
		holds: `EXISTS (SELECT 1 FROM gebeurtenissen c WHERE c.dk = g.dk AND c.gebeurtenis = 'contact'
			AND c.datum >= g.datum AND c.datum <= g.datum + 14)`
	},
	{
		id: 'deurwaarder_na_afstemming',
		event: 'deurwaarder',
		holds: 'f.eerste_afstemming <= g.datum AND f.eerste_huisbezoek <= g.datum'
	},
	{ id: 'meldingen_met_plan', event: 'melding_sdv', holds: 'f.laatste_plan >= g.datum' },
	{
		id: 'terugkoppeling_na_3m',
		event: 'achterstand_3m',
		holds: 'f.laatste_terugkoppeling >= g.datum'
	}
] as const;

/** A SQL string literal for one of the code's own constants (never for text from a file). */
export function constant(value: string): string {
	if (!/^[a-z0-9_]+$/.test(value)) throw new Error(`not a code constant: ${value}`);
	return `'${value}'`;
}

const enumOf = (values: readonly string[]) => `ENUM (${values.map(constant).join(', ')})`;

/**
 * The base tables from the Arrow data as it arrives (`dossiers_in`, `gebeurtenissen_in`, text
 * columns): every code and attribute becomes an ENUM (one byte a row, compared as an integer,
 * still written as a string literal in SQL). The corporations and wijken are the data's own, so
 * their types are made anew at each load, after the tables that use them are gone.
 */
export const BASE_TABLES_SQL = `
DROP TABLE IF EXISTS doorlooptijden;
DROP TABLE IF EXISTS telling;
DROP TABLE IF EXISTS dossier_feiten;
DROP TABLE IF EXISTS dossiers;
DROP TABLE IF EXISTS gebeurtenissen;
DROP TYPE IF EXISTS corporatie_code;
DROP TYPE IF EXISTS wijk_code;
CREATE TYPE corporatie_code AS ENUM (
	SELECT DISTINCT corporatie FROM dossiers_in WHERE corporatie IS NOT NULL ORDER BY 1);
CREATE TYPE wijk_code AS ENUM (SELECT DISTINCT wijk FROM dossiers_in WHERE wijk IS NOT NULL ORDER BY 1);
CREATE TYPE IF NOT EXISTS doelgroep_code AS ${enumOf(TARGET_GROUPS)};
CREATE TYPE IF NOT EXISTS doorlooptijd_code AS ${enumOf(LEAD_TIME_IDS)};
CREATE TYPE IF NOT EXISTS gebeurtenis_code AS ${enumOf(EVENT_CODES)};
CREATE TYPE IF NOT EXISTS reden_code AS ${enumOf(REASONS)};
CREATE TYPE IF NOT EXISTS uitkomst_code AS ${enumOf(OUTCOMES)};
CREATE TABLE dossiers AS
SELECT dk, dossier_id,
	corporatie::corporatie_code AS corporatie,
	doelgroep::doelgroep_code AS doelgroep,
	wijk::wijk_code AS wijk
FROM dossiers_in;
CREATE TABLE gebeurtenissen AS
SELECT dk, datum,
	gebeurtenis::gebeurtenis_code AS gebeurtenis,
	reden::reden_code AS reden,
	uitkomst::uitkomst_code AS uitkomst
FROM gebeurtenissen_in;
DROP TABLE dossiers_in;
DROP TABLE gebeurtenissen_in;`;

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
WITH per_dossier AS (
	SELECT
		dk,
		min(datum) FILTER (gebeurtenis = 'achterstand_1m') AS start,
		${FROM_CODES.map((code) => `min(datum) FILTER (gebeurtenis = ${constant(code)}) AS eerste_${code}`).join(',\n\t\t')},
		bool_or(gebeurtenis = 'achterstand_2m') AS heeft_achterstand_2m,
		bool_or(gebeurtenis = 'achterstand_3m') AS heeft_achterstand_3m,
		bool_or(gebeurtenis = 'deurwaarder') AS heeft_deurwaarder,
		bool_or(gebeurtenis = 'vonnis') AS heeft_vonnis,
		bool_or(gebeurtenis = 'aanzegging') AS heeft_aanzegging,
		bool_or(gebeurtenis = 'ontruiming') AS heeft_ontruiming,
		bool_or(gebeurtenis = 'afgesloten' AND uitkomst <> 'ontruimd') AS afgesloten_niet_ontruimd,
		min(datum) FILTER (gebeurtenis = 'afstemming_swt') AS eerste_afstemming,
		min(datum) FILTER (gebeurtenis = 'huisbezoek') AS eerste_huisbezoek,
		max(datum) FILTER (gebeurtenis = 'plan_van_aanpak') AS laatste_plan,
		max(datum) FILTER (gebeurtenis = 'terugkoppeling') AS laatste_terugkoppeling,
		max(datum) FILTER (gebeurtenis = 'ontruiming') AS laatste_ontruiming,
		max(datum) FILTER (gebeurtenis = 'afgesloten') AS laatste_afgesloten,
		max(datum) FILTER (gebeurtenis = 'afgesloten' AND uitkomst = 'ontruimd') AS laatste_afgesloten_ontruimd
	FROM gebeurtenissen
	GROUP BY dk
)
SELECT
	d.dk, d.corporatie, d.doelgroep, d.wijk,
	p.* EXCLUDE (dk, heeft_achterstand_2m, heeft_achterstand_3m, heeft_deurwaarder, heeft_vonnis,
		heeft_aanzegging, heeft_ontruiming, afgesloten_niet_ontruimd),
	coalesce(p.heeft_achterstand_2m, false) AS heeft_achterstand_2m,
	coalesce(p.heeft_achterstand_3m, false) AS heeft_achterstand_3m,
	coalesce(p.heeft_deurwaarder, false) AS heeft_deurwaarder,
	coalesce(p.heeft_vonnis, false) AS heeft_vonnis,
	coalesce(p.heeft_aanzegging, false) AS heeft_aanzegging,
	coalesce(p.heeft_ontruiming, false) AS heeft_ontruiming,
	coalesce(p.afgesloten_niet_ontruimd, false) AND NOT coalesce(p.heeft_deurwaarder, false)
		AS afgesloten_zonder_deurwaarder
FROM dossiers d
LEFT JOIN per_dossier p ON p.dk = d.dk;`;

/** The events the period figures count, and the cooperation rules they are tested against. */
const COUNTED_EVENTS = [
	...new Set(
		FIGURES.flatMap((f) =>
			'counted' in f && f.counted.table === 'telling' ? [f.counted.event] : []
		)
	)
];

/**
 * Event counts per day and dossier attributes, for the events the period figures count, each
 * with its status (kenmerk) when it is an aanzegging or vonnis (metrics.md d.) and, per
 * cooperation rule of the catalog, whether it meets that rule (a.).
 */
const EVENT_COUNTS_SQL = `
CREATE OR REPLACE TABLE telling AS
SELECT
	f.corporatie, f.doelgroep, f.wijk, g.datum, g.gebeurtenis,
	CASE WHEN g.gebeurtenis = 'ontruiming' THEN coalesce(g.reden, 'onbekend') END AS reden,
	CASE WHEN g.gebeurtenis IN (${STATUS_EVENTS.map(constant).join(', ')}) THEN
			${STATUS_SQL}
	END AS kenmerk,
	${COOPERATION.map((rule) => `g.gebeurtenis = ${constant(rule.event)} AND coalesce(${rule.holds}, false) AS ${ruleColumn(rule.id)}`).join(',\n\t')},
	count(*)::INTEGER AS n
FROM gebeurtenissen g
JOIN dossier_feiten f ON f.dk = g.dk
WHERE g.gebeurtenis IN (${COUNTED_EVENTS.map(constant).join(', ')})
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
SELECT
	-- NULL for a corporation that is not in the data: its norm applies to no dossier.
	TRY_CAST(corporatie AS corporatie_code) AS corporatie,
	doorlooptijd::doorlooptijd_code AS doorlooptijd,
	dagen, geldig_vanaf,
	coalesce(lead(geldig_vanaf) OVER (PARTITION BY corporatie, doorlooptijd ORDER BY geldig_vanaf), DATE '9999-12-31') AS geldig_tot
FROM normen;`;

/**
 * One row per dossier and lead time that has a start: start, end (null while open), days, and
 * the norm of the dossier's corporation in force on the start.
 */
const LEAD_TIMES_SQL = `
CREATE OR REPLACE TEMP TABLE doorlooptijd_breed AS
SELECT f.dk, f.corporatie, f.doelgroep, f.wijk,
	${FROM_CODES.map((code) => `f.eerste_${code}`).join(', ')},
	${LEAD_TIMES.map((l) => `e.eind_${l.id}`).join(', ')}
FROM dossier_feiten f
LEFT JOIN doorlooptijd_einden e ON e.dk = f.dk;
CREATE OR REPLACE TABLE doorlooptijden AS
WITH lang AS (
	${LEAD_TIMES.map(
		(
			l
		) => `SELECT dk, corporatie, doelgroep, wijk, ${constant(l.id)}::doorlooptijd_code AS doorlooptijd,
		eerste_${l.from} AS start, eind_${l.id} AS eind
	FROM doorlooptijd_breed
	WHERE eerste_${l.from} IS NOT NULL`
	).join('\n\tUNION ALL\n\t')}
)
SELECT lang.*, (eind - start)::INTEGER AS dagen, n.dagen AS norm
FROM lang
LEFT JOIN norm_perioden n ON n.corporatie = lang.corporatie AND n.doorlooptijd = lang.doorlooptijd
	AND lang.start >= n.geldig_vanaf AND lang.start < n.geldig_tot;
DROP TABLE doorlooptijd_breed;
DROP TABLE doorlooptijd_einden;`;

/** Everything derived at load, in order. Re-run after the norms change. */
export const DERIVE_SQL = [
	DOSSIER_FACTS_SQL,
	EVENT_COUNTS_SQL,
	LEAD_TIME_ENDS_SQL,
	NORM_PERIODS_SQL,
	LEAD_TIMES_SQL
].join('\n');
