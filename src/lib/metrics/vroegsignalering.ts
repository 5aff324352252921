/**
 * The vroegsignalering (Wgs) figures of ddas-vroegsignalering.md: each defined once here, as data
 * and SQL over the tables of vroegsignalering-load.ts, for the total and per gemeente at once.
 */
import type { Database } from '../db/database';
import {
	CONTACT_KINDS,
	HELP_RESULTS,
	PARTNER_TYPES,
	RESULT_KEYS,
	VS_LEAD_TIMES,
	type CaseResult,
	type ContactKind,
	type PartnerType,
	type VsLeadTime
} from '../domain/ddas';
import type { DdasCounts, DdasFileReport } from '../import/ddas-combine';
import { LIST_SEPARATOR, bindNamed } from './queries';
import { halfYearsSpanning } from './periods';

/** The selection of these figures: a period `[van, tot)` and a set of gemeentecodes. */
export interface VsSelection {
	van: string;
	tot: string;
	gemeenten: readonly string[];
}

export interface VsLeadTimeFigures {
	n: number;
	open: number;
	mediaan: number | null;
	p25: number | null;
	p75: number | null;
	p90: number | null;
}

/** `VS_METRICS` of the spec. */
export interface VsMetrics {
	signalen: Record<PartnerType, number>;
	signalen_huur: number;
	bedrag_huur_mediaan: number | null;
	zaken_huur: number;
	opgepakt: number;
	contact_gepoogd: number;
	bereikt: number;
	hulp: number;
	meervoudig: number;
	resultaten: Record<CaseResult, number>;
	contactpogingen: Record<ContactKind, { pogingen: number; bereikt: number }>;
	doorlooptijden: Record<VsLeadTime, VsLeadTimeFigures>;
}

export interface VsFigures {
	totaal: VsMetrics;
	per_gemeente: Record<string, VsMetrics>;
}

/** The ends of each lead time in `vs_huurzaken`: days from `start`, and whether the case has an end. */
const LEAD_TIME_END: Record<VsLeadTime, string> = {
	// Not greatest(): it skips NULL, so a case never picked up would count as 0 days.
	signaal_opgepakt:
		'CASE WHEN opgepakt >= start THEN opgepakt - start WHEN opgepakt < start THEN 0 END',
	signaal_eerste_poging: 'eerste_poging - start',
	signaal_bereikt: 'eerste_bereikt - start'
};

const IN_GEMEENTEN = `list_contains(string_split($gemeenten, chr(31)), gemeente)`;
const GROUPS = 'GROUPING SETS ((gemeente), ())';

const SIGNALS_SQL = `SELECT gemeente, partner AS sleutel, count(*) AS n FROM vs_signalen
WHERE signaaldatum >= $van::DATE AND signaaldatum < $tot::DATE AND ${IN_GEMEENTEN}
GROUP BY GROUPING SETS ((gemeente, partner), (partner))`;

const AMOUNT_SQL = `SELECT gemeente, quantile_cont(bedrag, 0.5) AS mediaan FROM vs_signalen
WHERE partner = 'Huur' AND bedrag IS NOT NULL
	AND signaaldatum >= $van::DATE AND signaaldatum < $tot::DATE AND ${IN_GEMEENTEN}
GROUP BY ${GROUPS}`;

const COHORT = `FROM vs_huurzaken WHERE start >= $van::DATE AND start < $tot::DATE AND ${IN_GEMEENTEN}`;

const COHORT_SQL = `SELECT gemeente, count(*) AS zaken_huur, count(opgepakt) AS opgepakt,
	count(*) FILTER (WHERE gepoogd) AS contact_gepoogd, count(*) FILTER (WHERE bereikt) AS bereikt,
	count(*) FILTER (WHERE list_contains(string_split($hulp, chr(31)), resultaat)) AS hulp,
	count(*) FILTER (WHERE meervoudig) AS meervoudig,
	${VS_LEAD_TIMES.map(
		(
			id
		) => `count(${LEAD_TIME_END[id]}) AS ${id}_n, count(*) - count(${LEAD_TIME_END[id]}) AS ${id}_open,
	quantile_cont(${LEAD_TIME_END[id]}, [0.5, 0.25, 0.75, 0.9]) AS ${id}_q`
	).join(',\n\t')}
${COHORT} GROUP BY ${GROUPS}`;

const RESULTS_SQL = `SELECT gemeente, resultaat AS sleutel, count(*) AS n ${COHORT}
GROUP BY GROUPING SETS ((gemeente, resultaat), (resultaat))`;

const ATTEMPTS_SQL = `SELECT h.gemeente, p.soort AS sleutel, count(*) AS n, count(*) FILTER (WHERE p.bereikt) AS bereikt
FROM vs_pogingen p JOIN vs_huurzaken h USING (zaak)
WHERE h.start >= $van::DATE AND h.start < $tot::DATE AND list_contains(string_split($gemeenten, chr(31)), h.gemeente)
GROUP BY GROUPING SETS ((h.gemeente, p.soort), (p.soort))`;

const zeros = <K extends string, V>(keys: readonly K[], value: () => V) =>
	Object.fromEntries(keys.map((k) => [k, value()])) as Record<K, V>;

/** Figures that are all zero (no data in the selection). */
export function emptyVsMetrics(): VsMetrics {
	return {
		signalen: zeros(PARTNER_TYPES, () => 0),
		signalen_huur: 0,
		bedrag_huur_mediaan: null,
		zaken_huur: 0,
		opgepakt: 0,
		contact_gepoogd: 0,
		bereikt: 0,
		hulp: 0,
		meervoudig: 0,
		resultaten: zeros(RESULT_KEYS, () => 0),
		contactpogingen: zeros(CONTACT_KINDS, () => ({ pogingen: 0, bereikt: 0 })),
		doorlooptijden: zeros(VS_LEAD_TIMES, () => ({
			n: 0,
			open: 0,
			mediaan: null,
			p25: null,
			p75: null,
			p90: null
		}))
	};
}

type Keyed = { gemeente: string | null; sleutel: string; n: number; bereikt?: number };

/** Computes the figures of a selection: the total over its gemeenten and each gemeente. */
export async function computeVroegsignalering(
	db: Database,
	selection: VsSelection
): Promise<VsFigures> {
	const values = {
		van: selection.van,
		tot: selection.tot,
		gemeenten: selection.gemeenten.join(LIST_SEPARATOR),
		hulp: HELP_RESULTS.join(LIST_SEPARATOR)
	};
	const run = <T extends Record<string, unknown>>(sql: string) => {
		const q = bindNamed(sql, values);
		return db.query<T>(q.sql, q.params);
	};
	const totaal = emptyVsMetrics();
	const per_gemeente: Record<string, VsMetrics> = {};
	for (const g of selection.gemeenten) per_gemeente[g] = emptyVsMetrics();
	const target = (gemeente: string | null) => (gemeente === null ? totaal : per_gemeente[gemeente]);

	const [signals, amounts, cohort, results, attempts] = await Promise.all([
		run<Keyed>(SIGNALS_SQL),
		run<{ gemeente: string | null; mediaan: number | null }>(AMOUNT_SQL),
		run<Record<string, unknown> & { gemeente: string | null }>(COHORT_SQL),
		run<Keyed>(RESULTS_SQL),
		run<Keyed>(ATTEMPTS_SQL)
	]);
	for (const r of signals) {
		const m = target(r.gemeente);
		if (m) m.signalen[r.sleutel as PartnerType] = r.n;
	}
	for (const r of amounts) {
		const m = target(r.gemeente);
		if (m) m.bedrag_huur_mediaan = r.mediaan;
	}
	for (const r of cohort) {
		const m = target(r.gemeente);
		if (!m) continue;
		for (const key of [
			'zaken_huur',
			'opgepakt',
			'contact_gepoogd',
			'bereikt',
			'hulp',
			'meervoudig'
		] as const)
			m[key] = r[key] as number;
		for (const id of VS_LEAD_TIMES) {
			const n = r[`${id}_n`] as number;
			const q = r[`${id}_q`] as (number | null)[] | null;
			m.doorlooptijden[id] = {
				n,
				open: r[`${id}_open`] as number,
				mediaan: n > 0 && q ? q[0]! : null,
				p25: n > 0 && q ? q[1]! : null,
				p75: n > 0 && q ? q[2]! : null,
				p90: n > 0 && q ? q[3]! : null
			};
		}
	}
	for (const r of results) {
		const m = target(r.gemeente);
		if (m) m.resultaten[r.sleutel as CaseResult] = r.n;
	}
	for (const r of attempts) {
		const m = target(r.gemeente);
		if (m) m.contactpogingen[r.sleutel as ContactKind] = { pogingen: r.n, bereikt: r.bereikt ?? 0 };
	}
	for (const m of [totaal, ...Object.values(per_gemeente)]) m.signalen_huur = m.signalen.Huur;
	return { totaal, per_gemeente };
}

/** Every gemeente with an accepted signal or case, sorted; empty when no delivery is loaded. */
export async function vsGemeenten(db: Database): Promise<string[]> {
	if (!(await hasVroegsignalering(db))) return [];
	const rows = await db.query<{ gemeente: string }>(
		`SELECT gemeente FROM vs_signalen UNION SELECT gemeente FROM vs_zaken ORDER BY gemeente`
	);
	return rows.map((r) => r.gemeente);
}

/** Whether the vroegsignalering tables are loaded. */
export async function hasVroegsignalering(db: Database): Promise<boolean> {
	const rows = await db.query<{ n: number }>(
		`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'vs_huurzaken'`
	);
	return rows[0]!.n > 0;
}

/** The first and the last signal date of the loaded deliveries (`YYYY-MM-DD`; null without signals). */
export async function vsExtent(
	db: Database
): Promise<{ eersteDatum: string | null; laatsteDatum: string | null }> {
	if (!(await hasVroegsignalering(db))) return { eersteDatum: null, laatsteDatum: null };
	const [extent] = await db.query<{ eerste: string | null; laatste: string | null }>(
		`SELECT min(signaaldatum) AS eerste, max(signaaldatum) AS laatste FROM vs_signalen`
	);
	return { eersteDatum: extent?.eerste ?? null, laatsteDatum: extent?.laatste ?? null };
}

/** The half-years `[van, tot)` the data covers: from the first to the last signal. */
export async function vsHalfYears(db: Database): Promise<{ van: string; tot: string }[]> {
	const { eersteDatum: eerste, laatsteDatum: laatste } = await vsExtent(db);
	if (!eerste || !laatste) return [];
	return halfYearsSpanning(eerste, laatste);
}

/** The total figures for every half-year the data covers (the trend). */
export async function computeVsTrend(
	db: Database,
	gemeenten: readonly string[]
): Promise<{ van: string; tot: string; totaal: VsMetrics }[]> {
	const out = [];
	for (const h of await vsHalfYears(db)) {
		const { totaal } = await computeVroegsignalering(db, { ...h, gemeenten });
		out.push({ ...h, totaal });
	}
	return out;
}

/** The import counts of the JSON block: summed over the delivery files. */
export interface VsImportTotals {
	signalen: DdasCounts;
	zaken: DdasCounts;
	/** Read with the werkgroep key: the signals that got an address key (absent without a key). */
	adres_sleutels?: number;
}

/** The `vroegsignalering` block of the evaluation JSON (ddas-vroegsignalering.md). */
export interface VsDocument {
	selectie: { gemeenten: string[] };
	import: VsImportTotals;
	totaal: VsMetrics;
	per_gemeente: Record<string, VsMetrics>;
}

/** Sums the per-file counts. */
export function vsImportTotals(files: readonly DdasFileReport[]): VsImportTotals {
	const sum = (part: 'signalen' | 'zaken'): DdasCounts => {
		const out = { gelezen: 0, geaccepteerd: 0, waarschuwingen: 0, vervangen: 0, geweigerd: 0 };
		for (const f of files)
			for (const key of Object.keys(out) as (keyof DdasCounts)[]) out[key] += f[part][key];
		return out;
	};
	const keyed = files.filter((f) => f.adresSleutels !== undefined);
	return {
		signalen: sum('signalen'),
		zaken: sum('zaken'),
		...(keyed.length > 0 ? { adres_sleutels: keyed.reduce((n, f) => n + f.adresSleutels!, 0) } : {})
	};
}

/** The block for a selection, on the loaded tables. */
export async function vsDocument(
	db: Database,
	selection: VsSelection,
	files: readonly DdasFileReport[]
): Promise<VsDocument> {
	const gemeenten = [...selection.gemeenten].sort();
	const figures = await computeVroegsignalering(db, { ...selection, gemeenten });
	return {
		selectie: { gemeenten },
		import: vsImportTotals(files),
		totaal: figures.totaal,
		per_gemeente: figures.per_gemeente
	};
}

/** What the engine holds of the deliveries: each vroegsignalering table with its columns and rows. */
export async function vsLoadedTables(
	db: Database
): Promise<{ tabel: string; kolommen: string; rijen: number }[]> {
	if (!(await hasVroegsignalering(db))) return [];
	return db.query(
		`WITH rijen AS (
			SELECT 'vs_signalen' AS tabel, count(*) AS rijen FROM vs_signalen
			UNION ALL SELECT 'vs_zaken', count(*) FROM vs_zaken
			UNION ALL SELECT 'vs_pogingen', count(*) FROM vs_pogingen
			UNION ALL SELECT 'vs_huurzaken', count(*) FROM vs_huurzaken
		)
		SELECT c.table_name AS tabel, string_agg(c.column_name, ', ' ORDER BY c.column_index) AS kolommen,
			any_value(r.rijen) AS rijen
		FROM duckdb_columns() c JOIN rijen r ON r.tabel = c.table_name
		GROUP BY c.table_name ORDER BY c.table_name`
	);
}
