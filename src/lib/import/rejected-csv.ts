/** The rejected rows as a CSV file to send back to the party that made the export (Dutch Excel). */
import { toExcelCsv } from './csv-writer';
import type { FileReport, RowIssue } from './types';

/** The rejected rows of a file report (or a list of issues) as CSV: UTF-8 BOM, `;`, CRLF; regel, kolom, reden, melding, then the original columns. */
export function rejectedRowsCsv(input: FileReport | readonly RowIssue[]): string {
	const issues: readonly RowIssue[] = isIssueList(input) ? input : input.rejected;
	const columns = [...new Set(issues.flatMap((issue) => Object.keys(issue.values)))];
	return toExcelCsv([
		['regel', 'kolom', 'reden', 'melding', ...columns],
		...issues.map((issue) => [
			issue.line,
			issue.column ?? '',
			issue.code,
			issue.message,
			...columns.map((name) => issue.values[name] ?? '')
		])
	]);
}

function isIssueList(input: FileReport | readonly RowIssue[]): input is readonly RowIssue[] {
	return Array.isArray(input);
}
