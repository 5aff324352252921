/**
 * The report's side of the blocks beside Artikel 4 (metrics/blocks.ts): for each block, how the
 * publication protects it, its letter paragraph and table, its export sheet and its Markdown
 * table. The letter, the exports, the protected table and the command line iterate over
 * REPORT_BLOCKS; a new source adds one entry here, defined beside its figures in report/ (the
 * shape of an entry is block.ts).
 */
import type { BlockId, BlockOf, Blocks } from '../metrics/blocks';
import type { LetterTableContext, ReportBlock } from './block';
import type { ExportTable } from './export-table';
import type { Relation } from './intervals';
import { ketenReport } from './keten';
import type { Context, LetterTable } from './letter/types';
import type { CellState } from './protect';
import type { Mode } from './publication';
import { shvReport } from './schuldhulpverlening';
import { vsReport } from './vroegsignalering';

export type { LetterTableContext, ReportBlock } from './block';

/** Every block's report, in the order of BLOCK_IDS. */
export const REPORT_BLOCKS = [vsReport, shvReport, ketenReport] as const;

/** One present block with its report, bound to its figures. */
export interface BoundBlock {
	id: BlockId;
	heading: string;
	cells(): { values: Map<string, number>; relations: Relation[] };
	publish(state: (column: string, path: string) => CellState, mode: Mode): unknown;
	paragraph(ctx: Context): string;
	letterTable(table: LetterTableContext): LetterTable;
	exportTable(mode: Mode): ExportTable;
	markdown(mode: Mode): string;
}

function bind<Id extends BlockId>(report: ReportBlock<Id>, block: BlockOf<Id>): BoundBlock {
	return {
		id: report.id,
		heading: report.heading,
		cells: () => report.cells(block),
		publish: (state, mode) => report.publish(block, state, mode),
		paragraph: (ctx) => report.paragraph(ctx, block),
		letterTable: (table) => report.letterTable(block, table),
		exportTable: (mode) => report.exportTable(block, mode),
		markdown: (mode) => report.markdown(block, mode)
	};
}

/** The blocks that are there, in order, each bound to its report. */
export function boundBlocks(blocks: Blocks): BoundBlock[] {
	return REPORT_BLOCKS.flatMap((report) => {
		const block = blocks[report.id];
		return block ? [bind(report as ReportBlock, block as never)] : [];
	});
}

/** The blocks as published (the absent ones left out). */
export function publishBlocks(
	blocks: Blocks,
	state: (column: string, path: string) => CellState,
	mode: Mode
): Blocks {
	return Object.fromEntries(boundBlocks(blocks).map((b) => [b.id, b.publish(state, mode)]));
}

/** The heading of a block's paragraph. */
export function blockHeading(id: BlockId): string {
	return REPORT_BLOCKS.find((r) => r.id === id)!.heading;
}
