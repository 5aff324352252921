/**
 * What the mapping screen ("Kolommen koppelen") shows of a file: its columns with a few sample
 * values, the labels of each column, which columns look like personal data, and the suggested
 * profile. Computed in the import worker (a workbook is unpacked there), so the page stays free.
 * The values of a column that looks like personal data, or that the suggestion takes for the
 * address (the address key's postcode, huisnummer, toevoeging), are never part of it.
 */
import { screenPersonalData } from '../personal-data';
import type { InputFile } from '../types';
import { distinctValues } from './draft';
import { addressColumns } from './format';
import { fileTable } from './match';
import { suggestProfile, type ProfileSuggestion } from './suggest';

export interface MappingView {
	fileName: string;
	/** The workbook's sheets, or null for a CSV file. */
	sheets: string[] | null;
	sheet: string | null;
	/** The named columns, trimmed, in file order. */
	columns: string[];
	/** Up to three distinct values per column (from the first 500 rows); none for personal data or the suggested address. */
	samples: Record<string, string[]>;
	/** Up to 200 distinct values per column, for the label tables; none for personal data or the suggested address. */
	labels: Record<string, string[]>;
	/** Columns whose header or values look like personal data. */
	personal: string[];
	/** Data rows in the file (or sheet). */
	rows: number;
	suggestion: ProfileSuggestion;
}

/** Rows read for the samples and the personal-data marks. */
const SAMPLE_ROWS = 500;

/** The mapping screen's view of a file (of a workbook's sheet: default the widest), or a Dutch reason it cannot be read. */
export function mappingView(
	file: InputFile,
	sheet: string | null
): { ok: true; view: MappingView } | { ok: false; message: string } {
	const read = fileTable(file.bytes, sheet);
	if (read === null) {
		return {
			ok: false,
			message: `${file.name} kan niet als tabel worden gelezen (geen CSV-bestand of werkblad met een kopregel).`
		};
	}
	const { table } = read;
	const header = table.header.map((h) => h.trim());
	const columns = header.filter((h) => h !== '');
	const first = table.rows.slice(0, SAMPLE_ROWS);
	const personal = [
		...new Set(screenPersonalData(header, first, table.headerLine).map((f) => f.column))
	];
	const suggestion = suggestProfile({
		fileName: file.name,
		header: table.header,
		rows: table.rows.map((r) => r.fields),
		fromWorkbook: read.sheets !== null,
		sheet: read.sheet
	});
	const hidden = new Set([
		...personal,
		...addressColumns(suggestion.profiel).map(([, column]) => column)
	]);
	const samples: Record<string, string[]> = {};
	const labels: Record<string, string[]> = {};
	for (const c of columns) {
		samples[c] = hidden.has(c) ? [] : distinctValues(header, first, c, 3);
		labels[c] = hidden.has(c) ? [] : distinctValues(header, table.rows, c);
	}
	return {
		ok: true,
		view: {
			fileName: file.name,
			sheets: read.sheets,
			sheet: read.sheet,
			columns,
			samples,
			labels,
			personal,
			rows: table.rows.length,
			suggestion
		}
	};
}
