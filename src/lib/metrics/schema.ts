/**
 * The tables the metrics run on. The importer's rows are loaded into `dossiers` and
 * `gebeurtenissen`; at load the derivations below compute, once, everything about a dossier or
 * an event that does not depend on the selection, so that a selection is a few small queries.
 */
import { EVENT_CODES, OUTCOMES, REASONS, TARGET_GROUPS, type EventCode } from '../domain/codes';
import { LEAD_TIME_IDS, LEAD_TIMES } from '../domain/lead-times';
import {
	COOPERATION,
	FIGURES,
	ruleColumn,
	STATUS_EVENTS,
	STATUS_SQL,
	type CooperationRule
} from './catalog';

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
DROP TABLE IF EXISTS norm_perioden;
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
	wijk::wijk_code AS wijk,
	adres_sleutel::VARCHAR AS adres_sleutel
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

/** An event code as a typed literal: compared as the ENUM's integer, never as text. */
export function eventCode(code: EventCode): string {
	return `${constant(code)}::gebeurtenis_code`;
}

/** A list of event codes as typed literals, for `IN (…)`. */
function eventCodes(codes: readonly EventCode[]): string {
	return codes.map(eventCode).join(', ');
}

/** The earliest date of each of these event types per dossier (the from-types and the cooperation dates). */
const FIRST_OF: readonly { code: EventCode; column: string }[] = [
	...FROM_CODES.filter((code) => code !== 'achterstand_1m').map((code) => ({
		code,
		column: `eerste_${code}`
	})),
	{ code: 'afstemming_swt', column: 'eerste_afstemming' },
	{ code: 'huisbezoek', column: 'eerste_huisbezoek' }
];

/** The latest date of each of these event types per dossier (statuses and cooperation). */
const LAST_OF: readonly { code: EventCode; column: string }[] = [
	{ code: 'plan_van_aanpak', column: 'laatste_plan' },
	{ code: 'terugkoppeling', column: 'laatste_terugkoppeling' },
	{ code: 'ontruiming', column: 'laatste_ontruiming' },
	{ code: 'afgesloten', column: 'laatste_afgesloten' }
];

/**
 * Per dossier, in one pass over its events: its attributes, its start (earliest achterstand_1m),
 * the funnel stages it reached, the earliest event of each lead time's from-type, and the first
 * and last dates that the event statuses and cooperation indicators need. Only the aggregates
 * that carry information (each FILTER aggregate costs a pass over its filter): whether a dossier
 * reached a stage follows from its earliest or latest date of that stage.
 */
const DOSSIER_FACTS_SQL = `
CREATE OR REPLACE TABLE dossier_feiten AS
WITH per_dossier AS (
	SELECT
		dk,
		min(datum) FILTER (gebeurtenis = ${eventCode('achterstand_1m')}) AS start,
		${FIRST_OF.map((f) => `min(datum) FILTER (gebeurtenis = ${eventCode(f.code)}) AS ${f.column}`).join(',\n\t\t')},
		${LAST_OF.map((f) => `max(datum) FILTER (gebeurtenis = ${eventCode(f.code)}) AS ${f.column}`).join(',\n\t\t')},
		max(datum) FILTER (gebeurtenis = ${eventCode('afgesloten')} AND uitkomst = 'ontruimd'::uitkomst_code)
			AS laatste_afgesloten_ontruimd,
		bool_or(gebeurtenis = ${eventCode('aanzegging')}) AS heeft_aanzegging,
		bool_or(gebeurtenis = ${eventCode('afgesloten')} AND uitkomst <> 'ontruimd'::uitkomst_code)
			AS afgesloten_niet_ontruimd
	FROM gebeurtenissen
	GROUP BY dk
)
SELECT
	d.dk, d.corporatie, d.doelgroep, d.wijk,
	p.start,
	p.start AS eerste_achterstand_1m,
	${FIRST_OF.map((f) => `p.${f.column}`).join(', ')},
	${LAST_OF.map((f) => `p.${f.column}`).join(', ')},
	p.laatste_afgesloten_ontruimd,
	p.eerste_achterstand_2m IS NOT NULL AS heeft_achterstand_2m,
	p.eerste_achterstand_3m IS NOT NULL AS heeft_achterstand_3m,
	p.eerste_deurwaarder IS NOT NULL AS heeft_deurwaarder,
	p.eerste_vonnis IS NOT NULL AS heeft_vonnis,
	coalesce(p.heeft_aanzegging, false) AS heeft_aanzegging,
	p.laatste_ontruiming IS NOT NULL AS heeft_ontruiming,
	coalesce(p.afgesloten_niet_ontruimd, false) AND p.eerste_deurwaarder IS NULL
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

/** The table alias of a cooperation rule's matches (`CooperationRule.matches`). */
export function matchAlias(id: string): string {
	return `m_${ruleColumn(id).slice('regel_'.length)}`;
}

/**
 * Event counts per day and dossier attributes, for the events the period figures count, each
 * with its status (kenmerk) when it is an aanzegging or vonnis (metrics.md d.) and, per
 * cooperation rule of the catalog, whether it meets that rule (a.). A rule that looks at other
 * events is a join on its matching (dossier, date) pairs, not a subquery per event.
 */
const EVENT_COUNTS_SQL = `
CREATE OR REPLACE TABLE telling AS
SELECT
	f.corporatie, f.doelgroep, f.wijk, g.datum, g.gebeurtenis,
	CASE WHEN g.gebeurtenis = ${eventCode('ontruiming')} THEN coalesce(g.reden, 'onbekend'::reden_code) END AS reden,
	CASE WHEN g.gebeurtenis IN (${eventCodes(STATUS_EVENTS)}) THEN
			${STATUS_SQL}
	END AS kenmerk,
	${COOPERATION.map((rule) => `g.gebeurtenis = ${eventCode(rule.event)} AND coalesce(${rule.holds}, false) AS ${ruleColumn(rule.id)}`).join(',\n\t')},
	count(*)::INTEGER AS n
FROM gebeurtenissen g
JOIN dossier_feiten f ON f.dk = g.dk
${COOPERATION.flatMap((rule: CooperationRule) =>
	rule.matches
		? [
				`LEFT JOIN (${rule.matches}) ${matchAlias(rule.id)} ON ${matchAlias(rule.id)}.dk = g.dk AND ${matchAlias(rule.id)}.datum = g.datum`
			]
		: []
).join('\n')}
WHERE g.gebeurtenis IN (${eventCodes(COUNTED_EVENTS)})
GROUP BY ALL;`;

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
 * the norm of the dossier's corporation in force on the start. The ten lead times are unpivoted
 * from `dossier_feiten` first; the end is the earliest to-event on or after the start, one join
 * on (dossier, event type) and one minimum, not ten FILTER aggregates over every to-event (an
 * as-of join gave the same at 1M events but cost three times as much on the demo's first run).
 */
const LEAD_TIMES_SQL = `
CREATE OR REPLACE TABLE doorlooptijden AS
WITH lang AS (
	${LEAD_TIMES.map(
		(
			l
		) => `SELECT dk, corporatie, doelgroep, wijk, ${constant(l.id)}::doorlooptijd_code AS doorlooptijd,
		${eventCode(l.to)} AS naar, eerste_${l.from} AS start
	FROM dossier_feiten
	WHERE eerste_${l.from} IS NOT NULL`
	).join('\n\tUNION ALL\n\t')}
),
einden AS (
	SELECT dk, gebeurtenis, datum
	FROM gebeurtenissen
	WHERE gebeurtenis IN (${eventCodes([...new Set(LEAD_TIMES.map((l) => l.to))])})
),
eind AS (
	SELECT lang.dk, lang.doorlooptijd, min(e.datum) AS eind
	FROM lang
	JOIN einden e ON e.dk = lang.dk AND e.gebeurtenis = lang.naar AND e.datum >= lang.start
	GROUP BY lang.dk, lang.doorlooptijd
),
met_eind AS (
	SELECT lang.* EXCLUDE (naar), eind.eind
	FROM lang
	LEFT JOIN eind ON eind.dk = lang.dk AND eind.doorlooptijd = lang.doorlooptijd
)
SELECT m.*, (m.eind - m.start)::INTEGER AS dagen, n.dagen AS norm
FROM met_eind m
LEFT JOIN norm_perioden n ON n.corporatie = m.corporatie AND n.doorlooptijd = m.doorlooptijd
	AND m.start >= n.geldig_vanaf AND m.start < n.geldig_tot;`;

/** The tables the first screen needs (the period figures and the funnel), derived at load. */
export const FIRST_DERIVE_SQL = [DOSSIER_FACTS_SQL, EVENT_COUNTS_SQL].join('\n');

/** The lead-time table, derived after the first screen's figures; re-run after the norms change. */
export const LEAD_TIME_DERIVE_SQL = [NORM_PERIODS_SQL, LEAD_TIMES_SQL].join('\n');

/** Everything derived at load, in order. */
export const DERIVE_SQL = [FIRST_DERIVE_SQL, LEAD_TIME_DERIVE_SQL].join('\n');
