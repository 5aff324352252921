/**
 * The chain from signal to eviction (ddas-schuldhulpverlening.md, "The chain"): the corporations'
 * dossiers with a `vonnis` in the period meet, through the keyed address pseudonym `adres_sleutel`,
 * the vroegsignalering Huur signals and the schuldhulpverlening trajecten of the same address. Each
 * figure is defined once here, as SQL over the loaded tables, per corporation and in total at once.
 *
 * Decisions where the spec leaves room (docs/decisions.md, "De keten"):
 * - a dossier with several vonnissen in the period counts once, at its first vonnis in the period;
 *   its status (voorkomen, ontruimd, lopend) is that vonnis's status of metrics.md d.;
 * - "the 365 days up to and including the vonnis date" are the days `vonnis - 364 … vonnis`;
 * - `met_eerste_gesprek_shv`: at least one of the window's trajecten had its first conversation on
 *   or before the vonnis date;
 * - `doorlooptijd_signaal_aanmelding`: from the earliest Huur signal in the window to the earliest
 *   aanmelding in the window on or after it; a dossier whose aanmeldingen all lie before the
 *   signal has no such lead time.
 * The dashboard's selection applies: corporaties, doelgroepen and wijken filter the dossiers.
 * `vonnissen_zonder_adressleutel` counts the selection's dossiers with a vonnis in the period that
 * have no address key: they are outside the cohort, and the page says so beside the figures.
 */
import type { Database, Param } from '../db/database';
import { LIST_SEPARATOR, bindNamed } from './queries';
import { eventCode } from './schema';
import type { Selection } from './types';

/** Days before the vonnis (inclusive of the vonnis day itself: 365 days in all). */
export const KETEN_VENSTER_DAGEN = 365;

export interface KetenLeadTime {
	n: number;
	mediaan: number | null;
	p25: number | null;
	p75: number | null;
}

/** The chain figures of one corporation or the total. */
export interface KetenMetrics {
	vonnissen: number;
	/** Dossiers of the selection with a vonnis in the period but no address key: outside the chain. */
	vonnissen_zonder_adressleutel: number;
	met_huursignaal: number;
	met_aanmelding_shv: number;
	met_eerste_gesprek_shv: number;
	voorkomen_met_shv: number;
	voorkomen_zonder_shv: number;
	doorlooptijd_signaal_aanmelding: KetenLeadTime;
}

/** The `keten` block of the evaluation JSON. */
export interface KetenFigures {
	totaal: KetenMetrics;
	per_corporatie: Record<string, KetenMetrics>;
}

/** The ids of the chain's counts, in the order the page and the exports show them. */
export const KETEN_COUNTS = [
	'vonnissen',
	'met_huursignaal',
	'met_aanmelding_shv',
	'met_eerste_gesprek_shv',
	'voorkomen_met_shv',
	'voorkomen_zonder_shv',
	'vonnissen_zonder_adressleutel'
] as const satisfies readonly (keyof KetenMetrics)[];

export type KetenCount = (typeof KETEN_COUNTS)[number];

/** Figures that are all zero (no vonnis in the selection). */
export function emptyKetenMetrics(): KetenMetrics {
	return {
		vonnissen: 0,
		vonnissen_zonder_adressleutel: 0,
		met_huursignaal: 0,
		met_aanmelding_shv: 0,
		met_eerste_gesprek_shv: 0,
		voorkomen_met_shv: 0,
		voorkomen_zonder_shv: 0,
		doorlooptijd_signaal_aanmelding: { n: 0, mediaan: null, p25: null, p75: null }
	};
}

const WINDOW = (date: string, vonnis: string) =>
	`${date} > ${vonnis} - INTERVAL ${KETEN_VENSTER_DAGEN} DAY AND ${date} <= ${vonnis}`;

/** The dossiers of the selection, as dossier_feiten's filter does it. */
const FILTERED = `list_contains(TRY_CAST(string_split($corporaties, chr(31)) AS corporatie_code[]), d.corporatie)
	AND list_contains(TRY_CAST(string_split($doelgroepen, chr(31)) AS doelgroep_code[]), d.doelgroep)
	AND ($wijken IS NULL OR list_contains(TRY_CAST(string_split($wijken, chr(31)) AS wijk_code[]), d.wijk))`;

/** The dossiers of the selection that have an address key. */
const SELECTED = `d.adres_sleutel IS NOT NULL AND ${FILTERED}`;

/** The dossiers of the selection with a vonnis in the period and no address key, per corporation and in total. */
const WITHOUT_KEY_SQL = `SELECT d.corporatie::VARCHAR AS corporatie, count(DISTINCT d.dk) AS n
FROM gebeurtenissen g JOIN dossiers d ON d.dk = g.dk
WHERE g.gebeurtenis = ${eventCode('vonnis')} AND g.datum >= $van::DATE AND g.datum < $tot::DATE
	AND d.adres_sleutel IS NULL AND ${FILTERED}
GROUP BY GROUPING SETS ((d.corporatie), ())`;

/**
 * One query: the cohort (first vonnis in the period per dossier with a key), its status, the Huur
 * signals and the trajecten of its address in the window, grouped per corporation and in total.
 * `signalen` and `trajecten` are the loaded tables or empty stand-ins when a kind is missing.
 */
function ketenSql(signalen: string, trajecten: string): string {
	return `WITH cohort AS (
	SELECT d.dk, d.corporatie, d.adres_sleutel AS sleutel, min(g.datum) AS vonnis
	FROM gebeurtenissen g JOIN dossiers d ON d.dk = g.dk
	WHERE g.gebeurtenis = ${eventCode('vonnis')} AND g.datum >= $van::DATE AND g.datum < $tot::DATE
		AND ${SELECTED}
	GROUP BY d.dk, d.corporatie, d.adres_sleutel
), status AS (
	SELECT c.*, CASE
		WHEN f.laatste_ontruiming >= c.vonnis OR f.laatste_afgesloten_ontruimd >= c.vonnis THEN 'ontruimd'
		WHEN f.laatste_afgesloten >= c.vonnis THEN 'voorkomen'
		ELSE 'lopend' END AS status
	FROM cohort c JOIN dossier_feiten f ON f.dk = c.dk
), huur AS (
	SELECT c.dk, min(s.signaaldatum) AS eerste_signaal
	FROM cohort c JOIN (${signalen}) s ON s.adres_sleutel = c.sleutel
	WHERE s.partner = 'Huur' AND ${WINDOW('s.signaaldatum', 'c.vonnis')}
	GROUP BY c.dk
), shv AS (
	SELECT c.dk, list(t.aanmelding) AS aanmeldingen,
		bool_or(t.eerste_gesprek <= c.vonnis) AS gesprek
	FROM cohort c JOIN (${trajecten}) t ON t.adres_sleutel = c.sleutel
	WHERE ${WINDOW('t.aanmelding', 'c.vonnis')}
	GROUP BY c.dk
), rij AS (
	SELECT s.corporatie::VARCHAR AS corporatie, s.status, h.eerste_signaal IS NOT NULL AS huur,
		t.dk IS NOT NULL AS aanmelding, coalesce(t.gesprek, false) AS gesprek,
		list_min(list_filter(t.aanmeldingen, a -> a >= h.eerste_signaal)) - h.eerste_signaal AS dagen
	FROM status s LEFT JOIN huur h ON h.dk = s.dk LEFT JOIN shv t ON t.dk = s.dk
)
SELECT corporatie, count(*) AS vonnissen,
	count(*) FILTER (WHERE huur) AS met_huursignaal,
	count(*) FILTER (WHERE aanmelding) AS met_aanmelding_shv,
	count(*) FILTER (WHERE aanmelding AND gesprek) AS met_eerste_gesprek_shv,
	count(*) FILTER (WHERE status = 'voorkomen' AND aanmelding) AS voorkomen_met_shv,
	count(*) FILTER (WHERE status = 'voorkomen' AND NOT aanmelding) AS voorkomen_zonder_shv,
	count(dagen) AS doorlooptijd_n,
	quantile_cont(dagen, [0.5, 0.25, 0.75]) AS doorlooptijd_q
FROM rij
GROUP BY GROUPING SETS ((corporatie), ())`;
}

const NO_SIGNALS =
	'SELECT NULL::VARCHAR AS adres_sleutel, NULL::VARCHAR AS partner, NULL::DATE AS signaaldatum WHERE false';
const NO_TRAJECTEN =
	'SELECT NULL::VARCHAR AS adres_sleutel, NULL::DATE AS aanmelding, NULL::DATE AS eerste_gesprek WHERE false';

/** Which of the tables with address keys are loaded and hold at least one key. */
async function keyedTables(
	db: Database
): Promise<{ dossiers: boolean; vs: boolean; shv: boolean }> {
	const tables = new Set(
		(
			await db.query<{ t: string }>(
				`SELECT table_name AS t FROM duckdb_columns()
				WHERE column_name = 'adres_sleutel' AND table_name IN ('dossiers', 'vs_signalen', 'shv_trajecten')`
			)
		).map((r) => r.t)
	);
	const keyed = async (table: string) =>
		tables.has(table) &&
		(
			await db.query<{ n: number }>(
				`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE adres_sleutel IS NOT NULL LIMIT 1)`
			)
		)[0]!.n > 0;
	return {
		dossiers: await keyed('dossiers'),
		vs: await keyed('vs_signalen'),
		shv: await keyed('shv_trajecten')
	};
}

/**
 * The chain figures of a selection, or null when address keys do not meet on both sides (dossiers
 * with a key, and signals or trajecten with a key).
 */
export async function computeKeten(
	db: Database,
	selection: Selection
): Promise<KetenFigures | null> {
	const k = await keyedTables(db);
	if (!k.dossiers || !(k.vs || k.shv)) return null;
	const values: Record<string, Param> = {
		van: selection.van,
		tot: selection.tot,
		corporaties: selection.corporaties.join(LIST_SEPARATOR),
		doelgroepen: selection.doelgroepen.join(LIST_SEPARATOR),
		wijken: selection.wijken === null ? null : selection.wijken.join(LIST_SEPARATOR)
	};
	const q = bindNamed(
		ketenSql(
			k.vs ? 'SELECT adres_sleutel, partner, signaaldatum FROM vs_signalen' : NO_SIGNALS,
			k.shv ? 'SELECT adres_sleutel, aanmelding, eerste_gesprek FROM shv_trajecten' : NO_TRAJECTEN
		),
		values
	);
	const rows = await db.query<Record<string, unknown> & { corporatie: string | null }>(
		q.sql,
		q.params
	);
	const totaal = emptyKetenMetrics();
	const per_corporatie: Record<string, KetenMetrics> = {};
	for (const c of [...selection.corporaties].sort()) per_corporatie[c] = emptyKetenMetrics();
	for (const r of rows) {
		const m = r.corporatie === null ? totaal : per_corporatie[r.corporatie];
		if (!m) continue;
		for (const id of KETEN_COUNTS)
			if (id !== 'vonnissen_zonder_adressleutel') m[id] = Number(r[id]);
		const n = Number(r.doorlooptijd_n);
		const quantiles = r.doorlooptijd_q as (number | null)[] | null;
		m.doorlooptijd_signaal_aanmelding = {
			n,
			mediaan: n > 0 && quantiles ? quantiles[0]! : null,
			p25: n > 0 && quantiles ? quantiles[1]! : null,
			p75: n > 0 && quantiles ? quantiles[2]! : null
		};
	}
	// What the chain leaves out: the page and the letter say how complete the cohort is.
	const without = bindNamed(WITHOUT_KEY_SQL, values);
	for (const r of await db.query<{ corporatie: string | null; n: unknown }>(
		without.sql,
		without.params
	)) {
		const m = r.corporatie === null ? totaal : per_corporatie[r.corporatie];
		if (m) m.vonnissen_zonder_adressleutel = Number(r.n);
	}
	return { totaal, per_corporatie };
}

/** How many dossiers of a corporation carry an address key (the import report's view of the chain). */
export interface AddressKeyCoverage {
	corporatie: string;
	dossiers: number;
	met_adressleutel: number;
}

/**
 * Per corporation, the loaded dossiers and those with an address key; empty when no dossier has
 * one (then there is no chain to be complete or not).
 */
export async function addressKeyCoverage(db: Database): Promise<AddressKeyCoverage[]> {
	const rows = await db.query<{ corporatie: string; dossiers: unknown; met: unknown }>(
		`SELECT corporatie::VARCHAR AS corporatie, count(*) AS dossiers, count(adres_sleutel) AS met
		FROM dossiers GROUP BY ALL ORDER BY corporatie`
	);
	const out = rows.map((r) => ({
		corporatie: r.corporatie,
		dossiers: Number(r.dossiers),
		met_adressleutel: Number(r.met)
	}));
	return out.some((r) => r.met_adressleutel > 0) ? out : [];
}
