/** The shape of a block's entry in the report's registry (blocks.ts); types only. */
import type { BlockId, BlockOf } from '../metrics/blocks';
import type { ExportTable } from './export-table';
import type { Relation } from './intervals';
import type { Context, LetterTable } from './letter/types';
import type { CellState } from './protect';
import type { Mode } from './publication';

/** What the letter's table of a block may use besides its figures. */
export interface LetterTableContext {
	mode: Mode;
	/** The corporations with a column of their own (none when only one is selected). */
	corporations: readonly string[];
}

/** The report's definition of one block. */
export interface ReportBlock<Id extends BlockId = BlockId> {
	id: Id;
	/** The heading of its paragraph in the letter. */
	heading: string;
	/** Its counts in the one protected table (total column `totaal`) and the relations between them. */
	cells(block: BlockOf<Id>): { values: Map<string, number>; relations: Relation[] };
	/** The block as published: every hidden count replaced by its marker (`state` of a cell). */
	publish(
		block: BlockOf<Id>,
		state: (column: string, path: string) => CellState,
		mode: Mode
	): BlockOf<Id>;
	/** Its paragraph in the letter, from the published block. */
	paragraph(ctx: Context, block: BlockOf<Id>): string;
	/** Its table in the letter, from the published block. */
	letterTable(block: BlockOf<Id>, table: LetterTableContext): LetterTable;
	/** Its sheet in the exports (CSV, workbook), from the published block. */
	exportTable(block: BlockOf<Id>, mode: Mode): ExportTable;
	/** Its table in the command line's Markdown, from the published block (with its heading). */
	markdown(block: BlockOf<Id>, mode: Mode): string;
}
