/** The shapes of the draft letter: its input, its paragraphs and tables, and what each paragraph is written from. */
import type { Completeness } from '../../import/completeness';
import type { Metrics, Selection } from '../../metrics/types';
import type { BlockId, Blocks } from '../../metrics/blocks';
import type { Range } from '../intervals';
import type { Mode } from '../publication';
import type { Protection } from '../protect';
import type { Say } from './grammar';

export type ParagraphId =
	| 'onvolledig'
	| 'inleiding'
	| 'b'
	| 'c'
	| 'd'
	| 'e'
	| BlockId
	| 'a'
	| 'vergelijking'
	| 'verantwoording';

export interface LetterParagraph {
	id: ParagraphId;
	heading: string;
	text: string;
}

export interface LetterTable {
	id: 'kerncijfers' | 'redenen' | 'doorlooptijden' | 'samenwerking' | BlockId;
	caption: string;
	header: string[];
	rows: string[][];
}

export interface LetterDraft {
	title: string;
	paragraphs: LetterParagraph[];
	tables: LetterTable[];
}

/** The blocks beside Artikel 4 are the exact figures (metrics/blocks.ts); the letter uses their protected cells, and writes a paragraph and a table for each that is there. */
export interface LetterInput extends Blocks {
	selection: Selection;
	/** The exact figures; in publication mode the letter uses only their protected cells. */
	totaal: Metrics;
	perCorporatie: Record<string, Metrics>;
	previous: Metrics | null;
	previousPeriod: { van: string; tot: string } | null;
	mode: Mode;
	/**
	 * The protection of the whole publication (protected-figures.ts), so that the letter hides the
	 * same cells as the other outputs; without it, the letter's own figures are protected.
	 */
	protection?: Protection;
	/** Default `Haarlem`. */
	municipality?: string;
	/** How complete the import is; when rows were rejected or labels not placed, the letter opens with a paragraph that says so. */
	completeness?: Completeness | null;
}

/** What every paragraph is written from: the published figures and the writer of counts. */
export interface Context {
	/** The input with the published (protected) figures in place of the exact ones. */
	input: LetterInput;
	/** The range a reader can work out for a hidden count of the total (path as in the figure table). */
	range: (path: string) => Range | undefined;
	mode: Mode;
	say: (...counts: number[]) => Say;
	/** `In het tweede halfjaar van 2016`, `In de periode van 1 november 2014 t/m 30 april 2015`. */
	period: string;
	/** ` bij Ymere` when one corporation is selected, else empty. */
	bij: string;
}
