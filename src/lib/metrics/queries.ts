/** Compiles the figure definitions into the three selection queries; pure, no I/O. */
import type { Param } from '../db/database';
import {
	FUNNEL_FIGURES,
	LEAD_TIME_FIGURES,
	PERIOD_FIGURES,
	SHARE_PREVENTED_SQL
} from './definitions';
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

/** Period figures (b, c, d, a) for the selection: one row for the total and one per group. */
export function periodQuery(selection: Selection, dimension: Dimension | null): BoundQuery {
	const sums = PERIOD_FIGURES.map(
		(f) => `coalesce(sum(n) FILTER (WHERE ${f.where}), 0)::INTEGER AS ${alias(f.id)}`
	).join(',\n\t\t');
	// First the counts per kind of event (a few dozen rows), then each figure over those.
	const sql = `
SELECT *, (${SHARE_PREVENTED_SQL})::DOUBLE AS aandeel_voorkomen
FROM (
	SELECT totaal, groep,
		${sums}
	FROM (
		SELECT grouping(groep) = 1 AS totaal, groep, gebeurtenis, reden, kenmerk, sum(n) AS n
		FROM (
			SELECT ${groupKey(dimension, 'datum')} AS groep, gebeurtenis, reden, kenmerk, n
			FROM telling
			WHERE datum >= $van::DATE AND datum < $tot::DATE AND ${SELECTED_DOSSIER}
		)
		GROUP BY ${groupingSets('gebeurtenis, reden, kenmerk')}
	)
	GROUP BY totaal, groep
)`;
	const { peildatum: _, ...values } = selectionValues(selection);
	return bindNamed(sql, values);
}

/** The funnel of the cohort whose start lies in the period. */
export function funnelQuery(selection: Selection, dimension: Dimension | null): BoundQuery {
	const counts = FUNNEL_FIGURES.map(
		(f) => `(count(*) FILTER (WHERE ${f.where}))::INTEGER AS ${alias(f.id)}`
	).join(',\n\t');
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
	const figures = LEAD_TIME_FIGURES.map((f) => {
		const cast = ['mediaan', 'p25', 'p75', 'p90'].includes(f.id) ? 'DOUBLE' : 'INTEGER';
		return `(${f.sql.replace('$peildatum', '$peildatum::DATE')})::${cast} AS ${alias(f.id)}`;
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
