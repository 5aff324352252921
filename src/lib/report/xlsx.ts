/** Excel workbooks (.xlsx) of figure tables, with write-excel-file (loaded only when one is made). */

export interface SheetTable {
	/** Sheet name; made valid for Excel by sheetNames. */
	sheet: string;
	header: string[];
	rows: (string | number | null)[][];
}

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * Sheet names Excel accepts, in order: without `: \ / ? * [ ]`, not starting or ending with an
 * apostrophe, not empty and not `History` (reserved), at most 31 characters, and unique without
 * regard to case (a repeated name gets ` (2)`, ` (3)`, … within the 31).
 */
export function sheetNames(names: readonly string[]): string[] {
	const taken = new Set<string>();
	return names.map((name) => {
		let base = name
			.replace(/[:\\/?*[\]]/g, ' ')
			.replace(/\s+/g, ' ')
			.replace(/^[\s']+|[\s']+$/g, '');
		if (base === '' || base.toLowerCase() === 'history') base = `Blad ${taken.size + 1}`;
		let candidate = base.slice(0, MAX_SHEET_NAME).trimEnd();
		for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
			const suffix = ` (${n})`;
			candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
		}
		taken.add(candidate.toLowerCase());
		return candidate;
	});
}

/** The tables as one workbook, a sheet each: header row bold, numbers as numbers, text as text (never a formula). */
export async function tablesToXlsx(tables: readonly SheetTable[]): Promise<Uint8Array> {
	const { default: writeXlsxFile } = await import('write-excel-file/universal');
	const names = sheetNames(tables.map((t) => t.sheet));
	const sheets = tables.map((table, i) => ({
		sheet: names[i] as string,
		data: [
			table.header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
			...table.rows.map((row) =>
				row.map((value) =>
					value === null
						? null
						: typeof value === 'number'
							? { value, type: Number }
							: { value, type: String }
				)
			)
		],
		columns: table.header.map((_, i) => ({ width: i === 0 ? 48 : 14 }))
	}));
	const blob = await writeXlsxFile(sheets as never).toBlob();
	return new Uint8Array(await blob.arrayBuffer());
}
