/**
 * Excel workbooks (.xlsx): each non-empty sheet becomes one input file, written as CSV text so
 * that it goes through exactly the same import steps (and line numbers are the sheet's rows).
 */
import readXlsxFile from 'read-excel-file/universal';
import type { InputFile } from './types';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a zip container, as an .xlsx workbook is. */
export function isWorkbook(bytes: Uint8Array): boolean {
	return ZIP_SIGNATURE.every((b, i) => bytes[i] === b);
}

function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
	return String(value);
}

function csvField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One sheet's rows as CSV text (comma, LF). */
export function sheetToCsv(rows: readonly (readonly unknown[])[]): string {
	return rows.map((row) => row.map((cell) => csvField(cellText(cell))).join(',')).join('\n');
}

/** Replaces every workbook among the files by one file per non-empty sheet; other files pass unchanged. */
export async function expandWorkbooks(files: readonly InputFile[]): Promise<InputFile[]> {
	const out: InputFile[] = [];
	for (const file of files) {
		if (!isWorkbook(file.bytes)) {
			out.push(file);
			continue;
		}
		let sheets: { sheet: string; data: unknown[][] }[];
		try {
			const copy = file.bytes.slice().buffer as ArrayBuffer;
			sheets = (await readXlsxFile(copy)) as unknown as { sheet: string; data: unknown[][] }[];
		} catch {
			// Not a readable workbook: let the importer refuse it as binary.
			out.push(file);
			continue;
		}
		const encoder = new TextEncoder();
		for (const { sheet, data } of sheets) {
			if (!data.some((row) => row.some((cell) => cellText(cell).trim() !== ''))) continue;
			out.push({ name: `${file.name} (blad ${sheet})`, bytes: encoder.encode(sheetToCsv(data)) });
		}
	}
	return out;
}
