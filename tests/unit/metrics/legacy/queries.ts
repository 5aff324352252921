/** FROZEN COPY (before issue 20, commit 37c3dc8): the oracle of the parity test; do not change. */
import type { Param } from '../../../../src/lib/db/database';
import {
	DOCUMENT_FIGURES,
	LEAD_TIME_FIELDS,
	ruleColumn,
	type Counted,
	type Figure,
	type ShareFigure
} from '../../../../src/lib/metrics/catalog';
import { constant } from './schema';
import type { Dimension, Selection } from '../../../../src/lib/metrics/types';

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

const SELECTED_DOSSIER = `list_contains(string_split($corporaties, chr(31)), corporatie)
	AND list_contains(string_split($doelgroepen, chr(31)), doelgroep)
	AND ($wijken IS NULL OR list_contains(string_split($wijken, chr(31)), wijk))`;

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
				`gebeurtenis = ${constant(counted.event)}`,
				counted.status && `kenmerk = ${constant(counted.status)}`,
				counted.reden && `reden = ${constant(counted.reden)}`,
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

/** A share as SQL over the columns of its teller and noemer: null when the noemer is 0. */
function shareSql(f: ShareFigure): string {
	const noemer = f.noemer.map(alias).join(' + ');
	return `(CASE WHEN ${noemer} = 0 THEN NULL ELSE ${alias(f.teller)} / (${noemer}) END)::DOUBLE AS ${alias(f.id)}`;
}

/** The columns of `telling` the period figures group on (cooperation rules are boolean columns). */
export const TELLING_KEYS = ['gebeurtenis', 'reden', 'kenmerk'];

/** Period figures (b, c, d, a) for the selection: one row for the total and one per group. */
export function periodQuery(selection: Selection, dimension: Dimension | null): BoundQuery {
	const counts = countedOver('telling');
	const sums = counts
		.map(
			(f) =>
				`coalesce(sum(n) FILTER (WHERE ${countCondition(f.counted)}), 0)::INTEGER AS ${alias(f.id)}`
		)
		.join(',\n\t\t');
	const rules = [
		...new Set(
			counts.flatMap((f) =>
				f.counted.table === 'telling' && f.counted.rule ? [ruleColumn(f.counted.rule)] : []
			)
		)
	];
	const keys = [...TELLING_KEYS, ...rules].join(', ');
	const shares = DOCUMENT_FIGURES.filter((f): f is ShareFigure => f.kind === 'share').map(shareSql);
	// First the counts per kind of event (a few dozen rows), then each figure over those.
	const sql = `
SELECT *${shares.map((s) => `, ${s}`).join('')}
FROM (
	SELECT totaal, groep,
		${sums}
	FROM (
		SELECT grouping(groep) = 1 AS totaal, groep, ${keys}, sum(n) AS n
		FROM (
			SELECT ${groupKey(dimension, 'datum')} AS groep, ${keys}, n
			FROM telling
			WHERE datum >= $van::DATE AND datum < $tot::DATE AND ${SELECTED_DOSSIER}
		)
		GROUP BY ${groupingSets(keys)}
	)
	GROUP BY totaal, groep
)`;
	const { peildatum: _, ...values } = selectionValues(selection);
	return bindNamed(sql, values);
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
