/** CSV for Dutch Excel: UTF-8 with BOM, `;`, CRLF, decimal comma, cells escaped against formula injection. */

/** Prefixes a text cell that Excel would read as a formula (= + - @, tab, CR) with a single quote. */
export function escapeCsvCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A number as Dutch Excel reads it: decimal comma, no thousands separator. */
function dutchNumber(value: number): string {
	return String(value).replace('.', ',');
}

function cell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? dutchNumber(value) : escapeCsvCell(value);
	return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV document for Dutch Excel (starts with a BOM, lines end in CRLF). */
export function toExcelCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
