/** The rejected rows as a CSV file to send back to the party that made the export (Dutch Excel). */
import type { FileReport, RowIssue } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

/** Escapes one cell for a `;` CSV opened in Excel: a leading = + - @ tab or CR gets a `'`; quotes when needed. */
export function escapeCsvCell(value: string): string {
	let v = FORMULA_START.test(value) ? `'${value}` : value;
	if (NEEDS_QUOTES.test(v) || v !== v.trim()) v = `"${v.replace(/"/g, '""')}"`;
	return v;
}

/** The rejected rows of a file report (or a list of issues) as CSV: UTF-8 BOM, `;`, CRLF; regel, kolom, reden, melding, then the original columns. */
export function rejectedRowsCsv(input: FileReport | readonly RowIssue[]): string {
	const issues: readonly RowIssue[] = isIssueList(input) ? input : input.rejected;
	const columns: string[] = [];
	const known = new Set<string>();
	for (const issue of issues) {
		for (const name of Object.keys(issue.values)) {
			if (!known.has(name)) {
				known.add(name);
				columns.push(name);
			}
		}
	}
	const lines: string[] = [
		['regel', 'kolom', 'reden', 'melding', ...columns].map(escapeCsvCell).join(';')
	];
	for (const issue of issues) {
		const cells = [
			String(issue.line),
			escapeCsvCell(issue.column ?? ''),
			escapeCsvCell(issue.code),
			escapeCsvCell(issue.message)
		];
		for (const name of columns) cells.push(escapeCsvCell(issue.values[name] ?? ''));
		lines.push(cells.join(';'));
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function isIssueList(input: FileReport | readonly RowIssue[]): input is readonly RowIssue[] {
	return Array.isArray(input);
}
