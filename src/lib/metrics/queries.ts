/** Compiles the figure definitions into the selection queries; pure, no I/O. */
import type { Param } from '../db/database';
import {
	DOCUMENT_FIGURES,
	LEAD_TIME_FIELDS,
	ruleColumn,
	type Counted,
	type Figure
} from './catalog';
import { constant, eventCode } from './schema';
import type { Dimension, Selection } from './types';

/** Separator for lists bound as one string parameter (DuckDB-WASM cannot bind a list). */
export const LIST_SEPARATOR = '\u001f';

/** A query with named placeholders (`$van`) compiled to positional ones, and its values. */
export interface BoundQuery {
	sql: string;
	params: Param[];
}

/** Replaces `$name` placeholders with `$1…$n` and collects the values in that order. */
export function bindNamed(sql: string, values: Record<string, Param>): BoundQuery {
	const names: string[] = [];
	const compiled = sql.replace(/\$([a-z_]+)/g, (_, name: string) => {
		if (!(name in values)) throw new Error(`no value for $${name}`);
		let index = names.indexOf(name);
		if (index < 0) index = names.push(name) - 1;
		return `$${index + 1}`;
	});
	return { sql: compiled, params: names.map((n) => values[n] as Param) };
}

/** The SQL expression of a dimension's group key, over a table whose date column is `dateColumn`. */
function groupKey(dimension: Dimension | null, dateColumn: string): string {
	switch (dimension) {
		case null:
			return 'NULL::VARCHAR';
		case 'corporatie':
			return 'corporatie::VARCHAR';
		case 'doelgroep':
			return 'doelgroep::VARCHAR';
		case 'wijk':
			return `coalesce(wijk::VARCHAR, '')`;
		case 'halfjaar':
			return `year(${dateColumn})::VARCHAR || '-' || CASE WHEN month(${dateColumn}) <= 6 THEN '1' ELSE '2' END`;
	}
}

/**
 * The selection's filter on a table with the dossier attributes. The lists are cast to the
 * attributes' ENUM types once (an unknown value becomes NULL and matches nothing), so that each
 * row is compared as an ENUM, not cast to text.
 */
const SELECTED_DOSSIER = `list_contains(TRY_CAST(string_split($corporaties, chr(31)) AS corporatie_code[]), corporatie)
	AND list_contains(TRY_CAST(string_split($doelgroepen, chr(31)) AS doelgroep_code[]), doelgroep)
	AND ($wijken IS NULL OR list_contains(TRY_CAST(string_split($wijken, chr(31)) AS wijk_code[]), wijk))`;

function selectionValues(selection: Selection): Record<string, Param> {
	return {
		van: selection.van,
		tot: selection.tot,
		corporaties: selection.corporaties.join(LIST_SEPARATOR),
		doelgroepen: selection.doelgroepen.join(LIST_SEPARATOR),
		wijken: selection.wijken === null ? null : selection.wijken.join(LIST_SEPARATOR),
		peildatum: selection.peildatum
	};
}

/** A quoted column alias for a figure id (ids are the code's own constants). */
function alias(id: string): string {
	if (!/^[a-z0-9_.]+$/.test(id)) throw new Error(`not a figure id: ${id}`);
	return `"${id}"`;
}

/** The total and, per value of the group key, the groups (a null dimension has one empty group). */
function groupingSets(inner: string): string {
	return `GROUPING SETS ((${inner}), (groep${inner ? ', ' + inner : ''}))`;
}

/** The SQL condition of a count over `telling` or `dossier_feiten` (values are the code's own constants). */
export function countCondition(counted: Counted): string {
	switch (counted.table) {
		case 'telling':
			return [
				`gebeurtenis = ${eventCode(counted.event)}`,
				counted.status && `kenmerk = ${constant(counted.status)}`,
				counted.reden && `reden = ${constant(counted.reden)}::reden_code`,
				counted.rule && ruleColumn(counted.rule)
			]
				.filter(Boolean)
				.join(' AND ');
		case 'dossier_feiten':
			return counted.where;
		case 'doorlooptijden':
			throw new Error('a lead-time figure is an aggregate, not a condition');
	}
}

/** The document figures counted over one table. */
function countedOver(table: Counted['table']): (Figure & { counted: Counted })[] {
	return DOCUMENT_FIGURES.filter(
		(f): f is Figure & { counted: Counted } => 'counted' in f && f.counted.table === table
	);
}

/** The columns of `telling` the period figures group on (cooperation rules are boolean columns). */
export const TELLING_KEYS = ['gebeurtenis', 'reden', 'kenmerk'];

/** The boolean columns of `telling` the period figures test (one per cooperation rule counted). */
export const TELLING_RULES: readonly string[] = [
	...new Set(
		countedOver('telling').flatMap((f) =>
			f.counted.table === 'telling' && f.counted.rule ? [ruleColumn(f.counted.rule)] : []
		)
	)
];

/**
 * The events of the period per group and kind (event, reason, status, rules): one scan of
 * `telling` whose few dozen rows per group every period figure is summed from (evaluate.ts).
 */
export function periodRowsQuery(selection: Selection, dimension: Dimension | null): BoundQuery {
	const keys = [...TELLING_KEYS, ...TELLING_RULES].join(', ');
	const sql = `
SELECT ${groupKey(dimension, 'datum')} AS groep, ${keys}, sum(n)::BIGINT AS n
FROM telling
WHERE datum >= $van::DATE AND datum < $tot::DATE AND ${SELECTED_DOSSIER}
GROUP BY ALL`;
	const { peildatum: _, ...values } = selectionValues(selection);
	return bindNamed(sql, values);
}

/**
 * The events of the selection's period and of the previous period (`huidig` tells which) per
 * corporation, doelgroep and kind: one scan of `telling` for the dashboard's three breakdowns
 * of the period figures (per corporation, per doelgroep, the previous period's total).
 */
export function selectionRowsQuery(
	selection: Selection,
	previous: { van: string; tot: string }
): BoundQuery {
	const keys = [...TELLING_KEYS, ...TELLING_RULES].join(', ');
	const sql = `
SELECT datum >= $van::DATE AND datum < $tot::DATE AS huidig, corporatie, doelgroep, ${keys},
	sum(n)::BIGINT AS n
FROM telling
WHERE ((datum >= $van::DATE AND datum < $tot::DATE)
		OR (datum >= $vorige_van::DATE AND datum < $vorige_tot::DATE))
	AND ${SELECTED_DOSSIER}
GROUP BY ALL`;
	const { peildatum: _, ...values } = selectionValues(selection);
	return bindNamed(sql, { ...values, vorige_van: previous.van, vorige_tot: previous.tot });
}

/** The funnel of the cohort whose start lies in the period. */
export function funnelQuery(selection: Selection, dimension: Dimension | null): BoundQuery {
	const counts = countedOver('dossier_feiten')
		.map((f) => `(count(*) FILTER (WHERE ${countCondition(f.counted)}))::INTEGER AS ${alias(f.id)}`)
		.join(',\n\t');
	const sql = `
SELECT grouping(groep) = 1 AS totaal, groep,
	${counts}
FROM (
	SELECT ${groupKey(dimension, 'start')} AS groep, *
	FROM dossier_feiten
	WHERE start >= $van::DATE AND start < $tot::DATE AND ${SELECTED_DOSSIER}
)
GROUP BY ${groupingSets('')}`;
	const { peildatum: _, ...values } = selectionValues(selection);
	return bindNamed(sql, values);
}

/** The lead times of the dossiers whose earliest from-event lies in the period. */
export function leadTimeQuery(selection: Selection, dimension: Dimension | null): BoundQuery {
	const figures = LEAD_TIME_FIELDS.map((f) => {
		const cast = f.kind === 'days' ? 'DOUBLE' : 'INTEGER';
		return `(${f.sql.replace('$peildatum', '$peildatum::DATE')})::${cast} AS ${alias(f.field)}`;
	}).join(',\n\t');
	const sql = `
SELECT grouping(groep) = 1 AS totaal, groep, doorlooptijd,
	${figures}
FROM (
	SELECT ${groupKey(dimension, 'start')} AS groep, *
	FROM doorlooptijden
	WHERE start >= $van::DATE AND start < $tot::DATE AND ${SELECTED_DOSSIER}
)
GROUP BY ${groupingSets('doorlooptijd')}`;
	return bindNamed(sql, selectionValues(selection));
}
