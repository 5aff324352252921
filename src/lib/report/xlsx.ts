/** Excel workbooks (.xlsx) of figure tables, with write-excel-file (loaded only when one is made). */

export interface SheetTable {
	/** Sheet name, at most 31 characters. */
	sheet: string;
	header: string[];
	rows: (string | number | null)[][];
}

/** The tables as one workbook, a sheet each: header row bold, numbers as numbers, text as text (never a formula). */
export async function tablesToXlsx(tables: readonly SheetTable[]): Promise<Uint8Array> {
	const { default: writeXlsxFile } = await import('write-excel-file/universal');
	const sheets = tables.map((table) => ({
		sheet: table.sheet.slice(0, 31),
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
