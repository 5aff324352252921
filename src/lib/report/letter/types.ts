/** The shapes of the draft letter: its input, its paragraphs and tables, and what each paragraph is written from. */
import type { Completeness } from '../../import/completeness';
import type { Metrics, Selection } from '../../metrics/types';
import type { VsDocument } from '../../metrics/vroegsignalering';
import type { KetenFigures } from '../../metrics/keten';
import type { ShvDocument } from '../../metrics/schuldhulpverlening';
import type { Range } from '../intervals';
import type { Mode } from '../publication';
import type { Protection } from '../protected-figures';
import type { Say } from './grammar';

export type ParagraphId =
	| 'onvolledig'
	| 'inleiding'
	| 'b'
	| 'c'
	| 'd'
	| 'e'
	| 'vroegsignalering'
	| 'schuldhulpverlening'
	| 'keten'
	| 'a'
	| 'vergelijking'
	| 'verantwoording';

export interface LetterParagraph {
	id: ParagraphId;
	heading: string;
	text: string;
}

export interface LetterTable {
	id:
		| 'kerncijfers'
		| 'redenen'
		| 'doorlooptijden'
		| 'samenwerking'
		| 'vroegsignalering'
		| 'schuldhulpverlening'
		| 'keten';
	caption: string;
	header: string[];
	rows: string[][];
}

export interface LetterDraft {
	title: string;
	paragraphs: LetterParagraph[];
	tables: LetterTable[];
}

export interface LetterInput {
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
	/** The vroegsignalering figures (exact); the letter uses their protected cells. Absent: no paragraph. */
	vroegsignalering?: VsDocument | null;
	/** The schuldhulpverlening figures (exact); the letter uses their protected cells. Absent: no paragraph. */
	schuldhulpverlening?: ShvDocument | null;
	/** The chain figures (exact); the letter uses their protected cells. Absent: no paragraph. */
	keten?: KetenFigures | null;
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
