/** Every figure of an evaluation as one table: a row per figure; the total, then each corporation. */
import { escapeMarkdown } from './markdown';
import { flattenMetrics, type EvaluationDocument } from '../metrics/document';
import { orderCorporations } from './format';

export interface FigureTable {
	header: string[];
	rows: (string | number | null)[][];
}

/** The figure table of a contract document (figure ids as in the JSON, dotted for nested ones). */
export function figureTable(doc: EvaluationDocument): FigureTable {
	const corporations = orderCorporations(Object.keys(doc.per_corporatie));
	const columns = corporations.map((c) => new Map(flattenMetrics(doc.per_corporatie[c]!)));
	return {
		header: ['cijfer', 'totaal', ...corporations],
		rows: flattenMetrics(doc.totaal).map(([id, total]) => [
			id,
			total,
			...columns.map((column) => column.get(id) ?? null)
		])
	};
}

/** The figure table as a Markdown table (numbers unformatted, unknown as `–`). */
export function figureTableMarkdown(table: FigureTable): string {
	const line = (cells: (string | number | null)[]) =>
		`| ${cells.map((c) => (c === null ? '–' : escapeMarkdown(String(c)))).join(' | ')} |`;
	return [
		line(table.header),
		`|${table.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
		...table.rows.map(line)
	].join('\n');
}
