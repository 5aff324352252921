/** A table for people in the exports (CSV, workbook) and the command line's Markdown: its shape, and the Markdown. */
import { figureTableMarkdown } from './figure-table';
import { formatCount, formatDays } from './format';
import type { PublishedCell } from './publication';

/** How a row's numbers are shown: a count, a share (a fraction shown as a percentage), days, euros. */
export type ValueKind = 'count' | 'share' | 'days' | 'amount';

/** One figure in a table for people: its label, its cells as published, and its code. */
export interface ExportRow {
	label: string;
	kind: ValueKind;
	cells: PublishedCell[];
	/** The figure's id in the JSON and the command line (`aanzeggingen_voorkomen`). */
	code: string;
}

/** A row of figures, or a heading above a group of them (a section of Artikel 4). */
export type ExportLine = ExportRow | { heading: string };

/** A table for people: what it is, its columns, and its lines. */
export interface ExportTable {
	/** The sheet's name in words (at most 31 characters). */
	sheet: string;
	/** One line above the table saying what it is. */
	title: string;
	/** The first column's heading and one per column of cells; `Code` follows. */
	header: string[];
	lines: ExportLine[];
}

/** An export table as a Markdown table under its heading (`### Tabel: …`; counts and days in Dutch). */
export function exportTableMarkdown(heading: string, table: ExportTable): string {
	const rows = table.lines.flatMap((line) =>
		'heading' in line
			? []
			: [
					[
						line.label,
						...line.cells.map((c) =>
							c === null
								? '–'
								: typeof c === 'string'
									? c
									: line.kind === 'count'
										? formatCount(c)
										: formatDays(c)
						)
					]
				]
	);
	return `\n### Tabel: ${heading}\n\n${figureTableMarkdown({ header: table.header, rows })}\n`;
}
