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

/** A workbook's sheets as CSV text, in workbook order (`empty` when no cell has content); null when it cannot be read. */
export async function workbookSheets(
	bytes: Uint8Array
): Promise<{ sheet: string; csv: string; empty: boolean }[] | null> {
	let sheets: { sheet: string; data: unknown[][] }[];
	try {
		const copy = bytes.slice().buffer as ArrayBuffer;
		sheets = (await readXlsxFile(copy)) as unknown as { sheet: string; data: unknown[][] }[];
	} catch {
		return null;
	}
	return sheets.map(({ sheet, data }) => ({
		sheet,
		csv: sheetToCsv(data),
		empty: !data.some((row) => row.some((cell) => cellText(cell).trim() !== ''))
	}));
}

/** Replaces every workbook among the files by one file per non-empty sheet; other files pass unchanged. */
export async function expandWorkbooks(files: readonly InputFile[]): Promise<InputFile[]> {
	const out: InputFile[] = [];
	const encoder = new TextEncoder();
	for (const file of files) {
		const sheets = isWorkbook(file.bytes) ? await workbookSheets(file.bytes) : null;
		// Not a workbook, or not a readable one: the importer reads it (and refuses it as binary).
		if (sheets === null) {
			out.push(file);
			continue;
		}
		for (const { sheet, csv, empty } of sheets) {
			if (!empty) out.push({ name: `${file.name} (blad ${sheet})`, bytes: encoder.encode(csv) });
		}
	}
	return out;
}
