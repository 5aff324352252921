/**
 * The one CSV writer of the product: every CSV it writes (the exchange-format export, the rejected
 * rows, the figure exports, the DDAS import report) is UTF-8 with BOM, `;`, CRLF, decimal comma,
 * and every text cell escaped against formula injection. The exchange-format reader undoes the
 * escape (`readEscapedCell`), so an export read back gives the same values.
 */

/** A cell Excel would run as a formula (= + - @, tab, CR first), also behind apostrophes added before. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A cell this writer escaped: one apostrophe more than the value had, then a formula start. */
const ESCAPED = /^'+[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

/**
 * Escapes one text cell: a leading = + - @, tab or CR (also after apostrophes) gets a `'` so that
 * Excel shows it as text instead of running it; the cell is quoted when it holds `;`, `"`, a line
 * break or outer spaces.
 */
export function escapeCsvCell(value: string): string {
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as Dutch Excel reads it: decimal comma, no thousands separator. */
function dutchNumber(value: number): string {
	return String(value).replace('.', ',');
}

/** One cell: numbers with a decimal comma, text escaped, null and undefined empty. */
function cell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'number' ? dutchNumber(value) : escapeCsvCell(value);
}

/** Rows to a CSV document for Dutch Excel (starts with a BOM, lines end in CRLF). */
export function toExcelCsv(
	rows: readonly (readonly (string | number | null | undefined)[])[]
): string {
	if (rows.length === 0) return '\uFEFF';
	return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** A cell as the exchange-format reader takes it: the writer's formula escape undone (one `'` less). */
export function readEscapedCell(value: string): string {
	return value.charCodeAt(0) === 39 && ESCAPED.test(value) ? value.slice(1) : value;
}
