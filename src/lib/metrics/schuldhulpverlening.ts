/**
 * The schuldhulpverlening (Wgs) figures of ddas-schuldhulpverlening.md: each defined once here, as
 * SQL over the tables of schuldhulpverlening-load.ts, for the total and per gemeente at once.
 */
import type { Database } from '../db/database';
import {
	OPLOSSING_KEYS,
	SCHULDSOORT_KEYS,
	SHV_LEAD_TIMES,
	UITSTROOM_KEYS,
	type ShvLeadTime
} from '../domain/shv';
import type { ShvCounts, ShvFileReport } from '../import/ddas-shv';
import { LIST_SEPARATOR, bindNamed } from './queries';
import type { VsLeadTimeFigures } from './vroegsignalering';
import { halfYearsSpanning } from './periods';

/** The selection of these figures: `[van, tot)` on the aanmelding date, gemeenten, peildatum. */
export interface ShvSelection {
	van: string;
	tot: string;
	gemeenten: readonly string[];
	/** For `eerste_gesprek.open_boven_norm`: trajecten still without a first conversation. */
	peildatum: string;
}

/** `SHV_METRICS`: the figures of the spec's table. */
export interface ShvMetrics {
	aanmeldingen: number;
	aanmeldingen_crisis: number;
	eerste_gesprek: { n: number; binnen_norm: number; open_boven_norm: number };
	beschikking: { n: number; binnen_norm: number; toelating: number; afwijzing: number };
	plan_van_aanpak: number;
	schuldregeling_toegekend: number;
	begeleiding: number;
	moratorium: number;
	oplossing_per_soort: Record<(typeof OPLOSSING_KEYS)[number], number>;
	uitstroom_per_reden: Record<(typeof UITSTROOM_KEYS)[number], number>;
	schulden_per_soort: Record<(typeof SCHULDSOORT_KEYS)[number], number>;
	doorlooptijden: Record<ShvLeadTime, VsLeadTimeFigures>;
}

export interface ShvFigures {
	totaal: ShvMetrics;
	per_gemeente: Record<string, ShvMetrics>;
}

/**
 * Each lead time: which cohort trajecten have a start, and the end (metrics.md: the end is dated on
 * or after the start, else there is none yet). A traject without an intake has no start for the
 * second.
 */
const LEAD_TIME: Record<ShvLeadTime, { start: string; end: string }> = {
	aanmelding_eerste_gesprek: {
		start: 'true',
		end: 'CASE WHEN eerste_gesprek >= aanmelding THEN eerste_gesprek - aanmelding END'
	},
	eerste_gesprek_beschikking: {
		start: 'eerste_gesprek IS NOT NULL',
		end: 'CASE WHEN beschikkingsdatum >= eerste_gesprek THEN beschikkingsdatum - eerste_gesprek END'
	}
};

const IN_GEMEENTEN = `list_contains(string_split($gemeenten, chr(31)), gemeente)`;
const COHORT = `aanmelding >= $van::DATE AND aanmelding < $tot::DATE AND ${IN_GEMEENTEN}`;
const GROUPS = 'GROUPING SETS ((gemeente), ())';

const COHORT_SQL = `SELECT gemeente, count(*) AS aanmeldingen,
	count(*) FILTER (WHERE crisis) AS aanmeldingen_crisis,
	count(eerste_gesprek) AS eg_n,
	count(*) FILTER (WHERE eerste_gesprek <= norm_eerste_gesprek) AS eg_binnen,
	count(*) FILTER (WHERE eerste_gesprek IS NULL AND norm_eerste_gesprek < $peildatum::DATE) AS eg_open_boven,
	count(beschikkingsdatum) AS b_n,
	count(*) FILTER (WHERE beschikkingsdatum <= norm_beschikking) AS b_binnen,
	count(*) FILTER (WHERE beschikkingsdatum IS NOT NULL AND beschikkingssoort = 'Toelatingsbeschikking') AS b_toelating,
	count(*) FILTER (WHERE beschikkingsdatum IS NOT NULL AND beschikkingssoort = 'Afwijzingsbeschikking') AS b_afwijzing,
	count(plan_van_aanpak) AS plan_van_aanpak, count(schuldregeling_toegekend) AS schuldregeling_toegekend,
	count(*) FILTER (WHERE begeleiding) AS begeleiding, count(*) FILTER (WHERE moratorium) AS moratorium,
	${SHV_LEAD_TIMES.map(
		(id) => `count(${LEAD_TIME[id].end}) AS ${id}_n,
	count(*) FILTER (WHERE ${LEAD_TIME[id].start} AND (${LEAD_TIME[id].end}) IS NULL) AS ${id}_open,
	quantile_cont(${LEAD_TIME[id].end}, [0.5, 0.25, 0.75, 0.9]) AS ${id}_q`
	).join(',\n\t')}
FROM shv_trajecten WHERE ${COHORT} GROUP BY ${GROUPS}`;

const OPLOSSING_SQL = `SELECT gemeente, oplossing AS sleutel, count(*) AS n FROM shv_trajecten
WHERE ${COHORT} AND oplossing IS NOT NULL
GROUP BY GROUPING SETS ((gemeente, oplossing), (oplossing))`;

const UITSTROOM_SQL = `SELECT gemeente, coalesce(uitstroom_reden, 'onbekend') AS sleutel, count(*) AS n
FROM shv_trajecten WHERE ${COHORT} AND uitstroom
GROUP BY GROUPING SETS ((gemeente, coalesce(uitstroom_reden, 'onbekend')), (coalesce(uitstroom_reden, 'onbekend')))`;

const SCHULDEN_SQL = `SELECT t.gemeente, s.schuldsoort AS sleutel, count(DISTINCT t.traject) AS n
FROM shv_schulden s JOIN shv_trajecten t USING (traject)
WHERE t.aanmelding >= $van::DATE AND t.aanmelding < $tot::DATE
	AND list_contains(string_split($gemeenten, chr(31)), t.gemeente)
GROUP BY GROUPING SETS ((t.gemeente, s.schuldsoort), (s.schuldsoort))`;

const zeros = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Figures that are all zero (no data in the selection). */
export function emptyShvMetrics(): ShvMetrics {
	return {
		aanmeldingen: 0,
		aanmeldingen_crisis: 0,
		eerste_gesprek: { n: 0, binnen_norm: 0, open_boven_norm: 0 },
		beschikking: { n: 0, binnen_norm: 0, toelating: 0, afwijzing: 0 },
		plan_van_aanpak: 0,
		schuldregeling_toegekend: 0,
		begeleiding: 0,
		moratorium: 0,
		oplossing_per_soort: zeros(OPLOSSING_KEYS),
		uitstroom_per_reden: zeros(UITSTROOM_KEYS),
		schulden_per_soort: zeros(SCHULDSOORT_KEYS),
		doorlooptijden: Object.fromEntries(
			SHV_LEAD_TIMES.map((id) => [
				id,
				{ n: 0, open: 0, mediaan: null, p25: null, p75: null, p90: null }
			])
		) as Record<ShvLeadTime, VsLeadTimeFigures>
	};
}

/** A figure by its dotted path (a catalog id, SHV_FIGURES); null for a quantile without a value. */
export function shvValue(m: ShvMetrics, path: string): number | null {
	let node: unknown = m;
	for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
	if (node === undefined) throw new Error(`no value for ${path}`);
	return typeof node === 'number' ? node : null;
}

type Keyed = { gemeente: string | null; sleutel: string; n: number };

/** Computes the figures of a selection: the total over its gemeenten and each gemeente. */
export async function computeSchuldhulpverlening(
	db: Database,
	selection: ShvSelection
): Promise<ShvFigures> {
	const values = {
		van: selection.van,
		tot: selection.tot,
		peildatum: selection.peildatum,
		gemeenten: selection.gemeenten.join(LIST_SEPARATOR)
	};
	const run = <T extends Record<string, unknown>>(sql: string) => {
		const q = bindNamed(sql, values);
		return db.query<T>(q.sql, q.params);
	};
	const totaal = emptyShvMetrics();
	const per_gemeente: Record<string, ShvMetrics> = {};
	for (const g of selection.gemeenten) per_gemeente[g] = emptyShvMetrics();
	const target = (gemeente: string | null) => (gemeente === null ? totaal : per_gemeente[gemeente]);

	const [cohort, oplossing, uitstroom, schulden] = await Promise.all([
		run<Record<string, unknown> & { gemeente: string | null }>(COHORT_SQL),
		run<Keyed>(OPLOSSING_SQL),
		run<Keyed>(UITSTROOM_SQL),
		run<Keyed>(SCHULDEN_SQL)
	]);
	for (const r of cohort) {
		const m = target(r.gemeente);
		if (!m) continue;
		const n = (key: string) => r[key] as number;
		m.aanmeldingen = n('aanmeldingen');
		m.aanmeldingen_crisis = n('aanmeldingen_crisis');
		m.eerste_gesprek = {
			n: n('eg_n'),
			binnen_norm: n('eg_binnen'),
			open_boven_norm: n('eg_open_boven')
		};
		m.beschikking = {
			n: n('b_n'),
			binnen_norm: n('b_binnen'),
			toelating: n('b_toelating'),
			afwijzing: n('b_afwijzing')
		};
		for (const key of [
			'plan_van_aanpak',
			'schuldregeling_toegekend',
			'begeleiding',
			'moratorium'
		] as const)
			m[key] = n(key);
		for (const id of SHV_LEAD_TIMES) {
			const count = n(`${id}_n`);
			const q = r[`${id}_q`] as (number | null)[] | null;
			m.doorlooptijden[id] = {
				n: count,
				open: n(`${id}_open`),
				mediaan: count > 0 && q ? q[0]! : null,
				p25: count > 0 && q ? q[1]! : null,
				p75: count > 0 && q ? q[2]! : null,
				p90: count > 0 && q ? q[3]! : null
			};
		}
	}
	for (const r of oplossing) {
		const m = target(r.gemeente);
		if (m) m.oplossing_per_soort[r.sleutel as keyof ShvMetrics['oplossing_per_soort']] = r.n;
	}
	for (const r of uitstroom) {
		const m = target(r.gemeente);
		if (m) m.uitstroom_per_reden[r.sleutel as keyof ShvMetrics['uitstroom_per_reden']] = r.n;
	}
	for (const r of schulden) {
		const m = target(r.gemeente);
		if (m) m.schulden_per_soort[r.sleutel as keyof ShvMetrics['schulden_per_soort']] = r.n;
	}
	return { totaal, per_gemeente };
}

/** Whether the schuldhulpverlening tables are loaded. */
export async function hasSchuldhulpverlening(db: Database): Promise<boolean> {
	const rows = await db.query<{ n: number }>(
		`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'shv_trajecten'`
	);
	return rows[0]!.n > 0;
}

/** Every gemeente with an accepted traject, sorted; empty when no delivery is loaded. */
export async function shvGemeenten(db: Database): Promise<string[]> {
	if (!(await hasSchuldhulpverlening(db))) return [];
	const rows = await db.query<{ gemeente: string }>(
		'SELECT DISTINCT gemeente FROM shv_trajecten ORDER BY gemeente'
	);
	return rows.map((r) => r.gemeente);
}

/**
 * The latest date in the loaded trajecten (`YYYY-MM-DD`; null without any): the default
 * peildatum, as metrics.md takes the latest event date of the loaded data.
 */
export async function shvLatestDate(db: Database): Promise<string | null> {
	if (!(await hasSchuldhulpverlening(db))) return null;
	const [row] = await db.query<{ laatste: string | null }>(
		`SELECT max(greatest(aanmelding, eerste_gesprek, beschikkingsdatum, plan_van_aanpak,
			schuldregeling_toegekend, schuldregeling_afgewezen, uitstroom_datum)) AS laatste FROM shv_trajecten`
	);
	return row?.laatste ?? null;
}

/** The first and the last aanmelding of the loaded trajecten (nulls without any). */
export async function shvExtent(
	db: Database
): Promise<{ eersteDatum: string | null; laatsteDatum: string | null }> {
	if (!(await hasSchuldhulpverlening(db))) return { eersteDatum: null, laatsteDatum: null };
	const [row] = await db.query<{ eerste: string | null; laatste: string | null }>(
		'SELECT min(aanmelding) AS eerste, max(aanmelding) AS laatste FROM shv_trajecten'
	);
	return { eersteDatum: row?.eerste ?? null, laatsteDatum: row?.laatste ?? null };
}

/** The half-years `[van, tot)` the data covers: from the first to the last aanmelding. */
export async function shvHalfYears(db: Database): Promise<{ van: string; tot: string }[]> {
	const { eersteDatum, laatsteDatum } = await shvExtent(db);
	return eersteDatum && laatsteDatum ? halfYearsSpanning(eersteDatum, laatsteDatum) : [];
}

/** The total figures for every half-year the data covers (the trend). */
export async function computeShvTrend(
	db: Database,
	gemeenten: readonly string[],
	peildatum: string
): Promise<{ van: string; tot: string; totaal: ShvMetrics }[]> {
	const out = [];
	for (const h of await shvHalfYears(db)) {
		const { totaal } = await computeSchuldhulpverlening(db, { ...h, gemeenten, peildatum });
		out.push({ ...h, totaal });
	}
	return out;
}

/** The `schuldhulpverlening` block of the evaluation JSON (ddas-schuldhulpverlening.md). */
export interface ShvDocument {
	selectie: { gemeenten: string[]; peildatum: string };
	import: ShvImportTotals;
	totaal: ShvMetrics;
	per_gemeente: Record<string, ShvMetrics>;
}

/** The import counts of the JSON block: summed over the delivery files. */
export interface ShvImportTotals {
	trajecten: ShvCounts;
	/** Read with the werkgroep key: the trajecten that got an address key (absent without a key). */
	adres_sleutels?: number;
}

/** Sums the per-file counts. */
export function shvImportTotals(files: readonly ShvFileReport[]): ShvImportTotals {
	const out: ShvCounts = {
		gelezen: 0,
		geaccepteerd: 0,
		waarschuwingen: 0,
		vervangen: 0,
		geweigerd: 0
	};
	for (const f of files)
		for (const key of Object.keys(out) as (keyof ShvCounts)[]) out[key] += f.trajecten[key];
	const keyed = files.filter((f) => f.adresSleutels !== undefined);
	return {
		trajecten: out,
		...(keyed.length > 0 ? { adres_sleutels: keyed.reduce((n, f) => n + f.adresSleutels!, 0) } : {})
	};
}

/** The block for a selection, on the loaded tables. */
export async function shvDocument(
	db: Database,
	selection: ShvSelection,
	files: readonly ShvFileReport[]
): Promise<ShvDocument> {
	const gemeenten = [...selection.gemeenten].sort();
	const figures = await computeSchuldhulpverlening(db, { ...selection, gemeenten });
	return {
		selectie: { gemeenten, peildatum: selection.peildatum },
		import: shvImportTotals(files),
		totaal: figures.totaal,
		per_gemeente: figures.per_gemeente
	};
}
