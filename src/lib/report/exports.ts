/**
 * The figure exports for people (CSV for Dutch Excel, .xlsx): a header block with the selection
 * and the state, then tables whose rows carry the catalog's Dutch labels, shares as percentages,
 * days as whole days, and the figure's code in a last column of its own.
 */
import { REASONS } from '../domain/codes';
import { LEAD_TIMES } from '../domain/lead-times';
import { toExcelCsv } from '../import/csv-writer';
import {
	figure,
	figuresAlongChain,
	figuresIn,
	FIGURES,
	SECTIONS,
	type Figure
} from '../metrics/catalog';
import type { EvaluationDocument } from '../metrics/document';
import type { Metrics } from '../metrics/types';
import {
	corporationName,
	formatDate,
	formatPeriod,
	formatPeriodDays,
	orderCorporations
} from './format';
import { countNoun, joinList } from './letter/grammar';
import { modeLabel, publishFigure, type Mode, type PublishedCell } from './publication';
import { corporationsText, doelgroepenText } from './selection-text';
import { boundBlocks } from './blocks';
import type { ExportLine, ExportRow, ExportTable, ValueKind } from './export-table';
import { tablesToXlsx, type SheetCell, type SheetTable } from './xlsx';

export type { ExportLine, ExportRow, ExportTable, ValueKind } from './export-table';

/** The header of the code column: the figure's name in the JSON and on the command line. */
export const CODE_HEADER = 'Code';

/** The lines above every exported table: what it is, the selection, the state and the date made. */
export function exportHeader(
	doc: EvaluationDocument,
	mode: Mode,
	generatedOn: string
): [string, string][] {
	const s = doc.selectie;
	const name = formatPeriod(s.van, s.tot);
	const days = formatPeriodDays(s.van, s.tot);
	const read = doc.import.dossiers.gelezen + doc.import.gebeurtenissen.gelezen;
	const rejected = doc.import.dossiers.geweigerd + doc.import.gebeurtenissen.geweigerd;
	return [
		['Periode', name === days ? name : `${name} (${days})`],
		['Corporaties', corporationsText(s.corporaties)],
		['Doelgroepen', doelgroepenText(s.doelgroepen)],
		[
			'Wijken',
			s.wijken === null ? 'alle wijken' : s.wijken.length === 0 ? 'geen wijk' : joinList(s.wijken)
		],
		['Peildatum', formatDate(s.peildatum)],
		[
			'Status',
			mode === 'publicatie'
				? 'Publicatieversie: kleine aantallen zijn afgeschermd'
				: 'Voorlopig: interne werkversie met exacte aantallen, niet voor publicatie'
		],
		...(mode === 'publicatie' ? [['Afscherming', modeLabel(mode)] as [string, string]] : []),
		[
			'Gegevens',
			`${countNoun(read, 'regel', 'regels')} gelezen, ${countNoun(rejected, 'regel', 'regels')} geweigerd (niet in de cijfers)`
		],
		[
			'Toelichting',
			'Aandelen in procenten, doorlooptijden in hele dagen; – is onbekend (geen zaken). De kolom Code is de naam van het cijfer in de JSON en op de opdrachtregel.'
		],
		['Gemaakt op', formatDate(generatedOn)]
	];
}

/** The title of every export: the evaluation and its period. */
function exportTitle(doc: EvaluationDocument): string {
	return `Evaluatie preventie huisuitzettingen, ${formatPeriod(doc.selectie.van, doc.selectie.tot)}`;
}

/** The columns of a table: Totaal, then each corporation in the order of the werkafspraken. */
function columnsOf(doc: EvaluationDocument, corporations: boolean) {
	const labels = orderCorporations(Object.keys(doc.per_corporatie));
	const shown = corporations ? labels : [];
	return {
		names: ['Totaal', ...shown.map(corporationName)],
		metrics: [doc.totaal, ...shown.map((c) => doc.per_corporatie[c] as Metrics)]
	};
}

/** A catalog figure as an export row over the columns' published metrics. */
function figureRow(f: Figure, columns: readonly Metrics[], mode: Mode): ExportRow {
	return {
		label: f.label,
		kind: f.kind,
		cells: columns.map((m) => publishFigure(m, f.id, mode)),
		code: f.id
	};
}

/**
 * Every figure of the catalog (also the shares outside the JSON, such as the cooperation shares),
 * per corporation and in total, as published; a heading above each section of Artikel 4.
 */
export function allFiguresTable(doc: EvaluationDocument, mode: Mode): ExportTable {
	const { names, metrics } = columnsOf(doc, true);
	const lines: ExportLine[] = [];
	let section: string | null = null;
	for (const f of FIGURES) {
		if (f.section !== section) {
			section = f.section;
			lines.push({ heading: SECTIONS.find((s) => s.id === section)?.title ?? section });
		}
		lines.push(figureRow(f, metrics, mode));
	}
	return {
		sheet: 'Cijfers',
		title: 'Alle cijfers, totaal en per corporatie',
		header: ['Cijfer', ...names],
		lines
	};
}

/** The sheets of the blocks beside Artikel 4 that are there (vroegsignalering, schuldhulpverlening, the chain), as published. */
export function blockTables(doc: EvaluationDocument, mode: Mode): ExportTable[] {
	return boundBlocks(doc).map((b) => b.exportTable(mode));
}

/**
 * The tables of the letter, as numbers: key figures, evictions per reason, lead times (median and
 * completed cases) and cooperation (shares); a column per corporation when more than one.
 */
export function letterFigureTables(doc: EvaluationDocument, mode: Mode): ExportTable[] {
	const { names, metrics } = columnsOf(doc, Object.keys(doc.per_corporatie).length > 1);
	const table = (sheet: string, title: string, first: string, figures: readonly Figure[]) => ({
		sheet,
		title,
		header: [first, ...names],
		lines: figures.map((f) => figureRow(f, metrics, mode))
	});
	return [
		table('Kerncijfers', 'Kerncijfers', 'Cijfer', figuresAlongChain('brief')),
		table(
			'Ontruimingen per reden',
			'Ontruimingen per reden',
			'Reden',
			REASONS.map((r) => figure(`ontruimingen_per_reden.${r}`))
		),
		table(
			'Doorlooptijden (mediaan, dagen)',
			'Doorlooptijden: mediaan in hele dagen en het aantal afgeronde zaken',
			'Doorlooptijd',
			LEAD_TIMES.flatMap(({ id }) => [
				figure(`doorlooptijden.${id}.mediaan`),
				figure(`doorlooptijden.${id}.n`)
			])
		),
		table(
			'Samenwerking (aandeel)',
			'Samenwerking: aandeel van de zaken waarin de afspraak is nagekomen',
			'Afspraak',
			figuresIn('samenwerking')
		)
	];
}

const PERCENT = new Intl.NumberFormat('nl-NL', {
	style: 'percent',
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});

/** A published number for people: whole days and euros, counts as they are, a share as its fraction. */
function rounded(kind: ValueKind, n: number): number {
	return kind === 'days' || kind === 'amount' ? Math.round(n) : n;
}

/** A cell for the CSV: `87,5%` for a share (Dutch Excel reads it as a percentage), `–` for unknown. */
function csvCell(kind: ValueKind, cell: PublishedCell): string | number {
	if (cell === null) return '–';
	if (typeof cell === 'string') return cell;
	return kind === 'share' ? PERCENT.format(cell) : rounded(kind, cell);
}

/** A cell for the .xlsx: numbers stay numbers, with a percent, whole-number or grouped format. */
function xlsxCell(kind: ValueKind, cell: PublishedCell): SheetCell {
	if (cell === null) return '–';
	if (typeof cell === 'string') return cell;
	if (kind === 'share') return { number: cell, format: '0.0%' };
	return { number: rounded(kind, cell), format: kind === 'count' ? '#,##0' : '0' };
}

/** A table's header row and lines as CSV rows. */
function csvRows(table: ExportTable): (string | number)[][] {
	return [
		[table.title],
		[...table.header, CODE_HEADER],
		...table.lines.map((line) =>
			'heading' in line
				? [line.heading]
				: [line.label, ...line.cells.map((c) => csvCell(line.kind, c)), line.code]
		)
	];
}

/** The figures as CSV for Dutch Excel: the header block, all figures, and the vroegsignalering figures. */
export function figuresCsv(doc: EvaluationDocument, mode: Mode, generatedOn: string): string {
	return toExcelCsv([
		[exportTitle(doc)],
		...exportHeader(doc, mode, generatedOn),
		[],
		...csvRows(allFiguresTable(doc, mode)),
		...blockTables(doc, mode).flatMap((t) => [[], ...csvRows(t)])
	]);
}

/** An export table as a sheet: title and header block above, labels, typed cells and the code last. */
function toSheet(table: ExportTable, header: [string, string][], title: string): SheetTable {
	const width = Math.min(
		60,
		Math.max(24, ...table.lines.map((l) => ('heading' in l ? 0 : l.label.length)))
	);
	return {
		sheet: table.sheet,
		above: [
			[{ bold: title }],
			...header.map(([label, value]): SheetCell[] => [{ bold: label }, value]),
			[],
			[{ bold: table.title }]
		],
		header: [...table.header, CODE_HEADER],
		rows: table.lines.map((line) =>
			'heading' in line
				? [{ bold: line.heading }]
				: [line.label, ...line.cells.map((c) => xlsxCell(line.kind, c)), line.code]
		),
		widths: [width, ...table.header.slice(1).map(() => 14), 44]
	};
}

/**
 * The figures as an .xlsx workbook: all figures, the vroegsignalering figures, and the letter's
 * tables as numbers; the header block with the selection and the state above every sheet.
 */
export async function figuresXlsx(
	doc: EvaluationDocument,
	mode: Mode,
	generatedOn: string
): Promise<Uint8Array> {
	const header = exportHeader(doc, mode, generatedOn);
	const title = exportTitle(doc);
	return tablesToXlsx(
		[allFiguresTable(doc, mode), ...blockTables(doc, mode), ...letterFigureTables(doc, mode)].map(
			(t) => toSheet(t, header, title)
		)
	);
}
