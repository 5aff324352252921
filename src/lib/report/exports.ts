/** The figure exports (CSV for Dutch Excel, .xlsx), each carrying its mode and selection. */
import type { EvaluationDocument } from '../metrics/document';
import { toExcelCsv } from '../import/csv-writer';
import { figureTable } from './figure-table';
import { corporationName, formatDate, formatPeriod } from './format';
import type { LetterDraft } from './letter';
import { modeLabel, publishFigureTable, type Mode } from './publication';
import { corporationsText, doelgroepenText, wijkenText } from './selection-text';
import { tablesToXlsx, type SheetTable } from './xlsx';
import { publishVsFigureTable, vsFigureTable } from './vroegsignalering';

/** The title line above the vroegsignalering table of an export. */
export const VS_TABLE_TITLE =
	'Vroegsignalering (Wgs): huurzaken en signalen uit de DDAS-levering(en), totaal en per gemeente';

/** The vroegsignalering figures as published (null without deliveries); numbers stay numbers. */
export function publishedVsFigures(doc: EvaluationDocument, mode: Mode): SheetTable | null {
	if (!doc.vroegsignalering) return null;
	const table = publishVsFigureTable(vsFigureTable(doc.vroegsignalering), mode);
	return { sheet: 'Vroegsignalering', header: table.header, rows: table.rows };
}

/** The lines above every exported table: what it is, the selection and the mode. */
export function exportPreamble(doc: EvaluationDocument, mode: Mode, generatedOn: string): string[] {
	const s = doc.selectie;
	return [
		`Evaluatie preventie huisuitzettingen, ${formatPeriod(s.van, s.tot)}`,
		`Corporaties: ${corporationsText(s.corporaties)}; doelgroepen: ${doelgroepenText(s.doelgroepen)}; ${wijkenText(s.wijken)}; peildatum ${formatDate(s.peildatum)}`,
		modeLabel(mode),
		`Gemaakt op ${formatDate(generatedOn)}`
	];
}

/** Every figure per corporation and total, as published in the given mode (numbers stay numbers). */
export function publishedFigures(doc: EvaluationDocument, mode: Mode): SheetTable {
	const table = publishFigureTable(figureTable(doc), mode);
	return {
		sheet: 'Cijfers',
		header: table.header.map((h, i) => (i < 2 ? h : corporationName(h))),
		rows: table.rows
	};
}

/** The figures as CSV for Dutch Excel, with the preamble lines above the table. */
export function figuresCsv(doc: EvaluationDocument, mode: Mode, generatedOn: string): string {
	const table = publishedFigures(doc, mode);
	const vs = publishedVsFigures(doc, mode);
	return toExcelCsv([
		...exportPreamble(doc, mode, generatedOn).map((line) => [line]),
		[],
		table.header,
		...table.rows,
		...(vs ? [[], [VS_TABLE_TITLE], vs.header, ...vs.rows] : [])
	]);
}

/** The figures (and the letter's tables, when given) as an .xlsx workbook; the preamble heads every sheet. */
export async function figuresXlsx(
	doc: EvaluationDocument,
	mode: Mode,
	generatedOn: string,
	draft?: LetterDraft
): Promise<Uint8Array> {
	const preamble = exportPreamble(doc, mode, generatedOn);
	const withPreamble = (table: SheetTable): SheetTable => ({
		sheet: table.sheet,
		header: [preamble[0] as string],
		rows: [...preamble.slice(1).map((line) => [line]), [], table.header, ...table.rows]
	});
	const letterTables: SheetTable[] =
		draft?.tables.map((t) => ({ sheet: t.caption.slice(0, 31), header: t.header, rows: t.rows })) ??
		[];
	const vs = publishedVsFigures(doc, mode);
	return tablesToXlsx(
		[publishedFigures(doc, mode), ...(vs ? [vs] : []), ...letterTables].map(withPreamble)
	);
}
