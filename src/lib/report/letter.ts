/**
 * A draft council information letter (raadsinformatiebrief) from the Artikel 4 figures; pure.
 * One module per paragraph in `letter/`, the Dutch they share in `letter/grammar.ts`.
 */
import type { Completeness } from '../import/completeness';
import type { SelectionFigures } from '../metrics/dashboard';
import { BLOCK_IDS, presentBlocks, type BlockId, type Blocks } from '../metrics/blocks';
import { blockHeading, boundBlocks } from './blocks';
import { corporationName, formatPeriod, orderCorporations, periodPhrase } from './format';
import { incompleteParagraph } from './incomplete';
import { accountability } from './letter/accountability';
import { comparison } from './letter/comparison';
import { cooperation } from './letter/cooperation';
import { evictions } from './letter/evictions';
import { speaker } from './letter/grammar';
import { introduction } from './letter/introduction';
import { leadTimes } from './letter/lead-times';
import { prevented } from './letter/prevented';
import { referrals } from './letter/referrals';
import { letterToMarkdown } from './letter/render';
import { letterTables } from './letter/tables';
import type {
	Context,
	LetterDraft,
	LetterInput,
	LetterParagraph,
	ParagraphId
} from './letter/types';
import type { Mode } from './publication';
import {
	cellId,
	corporationColumn,
	PREVIOUS,
	protectFigures,
	publishedBreakdown,
	publishedBlocks,
	publishedMetrics,
	TOTAL,
	type Protection
} from './protected-figures';

export type {
	LetterDraft,
	LetterInput,
	LetterParagraph,
	LetterTable,
	ParagraphId
} from './letter/types';
export { letterToHtml, letterToMarkdown, letterToPlainText } from './letter/render';

const HEADINGS: Record<Exclude<ParagraphId, BlockId>, string> = {
	onvolledig: 'Let op: onvolledige gegevens',
	inleiding: 'Inleiding',
	b: 'Signalen en meldingen',
	c: 'Ontruimingen en hun redenen',
	d: 'Voorkomen huisuitzettingen',
	e: 'Doorlooptijden',
	a: 'Samenwerking en communicatie',
	vergelijking: 'Vergelijking met de vorige periode',
	verantwoording: 'Verantwoording'
};

const isBlockId = (id: ParagraphId): id is BlockId => (BLOCK_IDS as readonly string[]).includes(id);

/**
 * The draft letter: title, paragraphs for Artikel 4 b, c, d, e, a, comparison, and tables. In
 * publication mode every count in it comes from the protected cells: a hidden count is never
 * stated, nor two counts whose difference is hidden.
 */
export function draftLetter(exact: LetterInput): LetterDraft {
	const { selection, mode } = exact;
	const protection =
		exact.protection ??
		protectFigures(
			{
				selection,
				current: { totaal: exact.totaal, groepen: exact.perCorporatie },
				previous: exact.previous,
				previousPeriod: exact.previousPeriod,
				...presentBlocks(exact)
			},
			mode
		);
	const current = publishedBreakdown(
		{ totaal: exact.totaal, groepen: exact.perCorporatie },
		protection,
		corporationColumn
	);
	const input: LetterInput = {
		...exact,
		totaal: current.totaal,
		perCorporatie: current.groepen,
		previous: exact.previous && publishedMetrics(exact.previous, PREVIOUS, protection),
		vroegsignalering: null,
		schuldhulpverlening: null,
		keten: null,
		...publishedBlocks(presentBlocks(exact), protection)
	};
	const corporations = orderCorporations(selection.corporaties);
	const only = corporations.length === 1 ? corporations[0] : undefined;
	const ctx: Context = {
		input,
		range: (path) => protection.ranges.get(cellId(TOTAL, path)),
		mode,
		say: speaker(mode),
		period: `In ${periodPhrase(selection.van, selection.tot)}`,
		bij: only === undefined ? '' : ` bij ${corporationName(only)}`
	};
	const incomplete = exact.completeness ? incompleteParagraph(exact.completeness) : null;
	const paragraph = (id: ParagraphId, text: string): LetterParagraph => ({
		id,
		heading: isBlockId(id) ? blockHeading(id) : HEADINGS[id],
		text
	});
	return {
		title:
			`Evaluatie werkafspraken preventie huisuitzettingen ${input.municipality ?? 'Haarlem'}: ` +
			formatPeriod(selection.van, selection.tot),
		paragraphs: [
			...(incomplete === null ? [] : [paragraph('onvolledig', incomplete)]),
			paragraph('inleiding', introduction(ctx)),
			paragraph('b', referrals(ctx)),
			paragraph('c', evictions(ctx)),
			paragraph('d', prevented(ctx)),
			paragraph('e', leadTimes(ctx)),
			...boundBlocks(input).map((block) => paragraph(block.id, block.paragraph(ctx))),
			paragraph('a', cooperation(ctx)),
			paragraph('vergelijking', comparison(ctx)),
			paragraph('verantwoording', accountability(ctx))
		],
		tables: letterTables(input)
	};
}

/**
 * The letter for the figures of a selection (current per corporation, and the previous period),
 * from the publication's protected cells: pass the protection of the whole publication (with its
 * trend) so that every output hides the same cells; without one, it is made from these figures.
 */
export function draftLetterFor(
	figures: SelectionFigures & Blocks,
	mode: Mode,
	protection: Protection = protectFigures(figures, mode),
	completeness: Completeness | null = null
): LetterDraft {
	return draftLetter({
		selection: figures.selection,
		totaal: figures.current.totaal,
		perCorporatie: figures.current.groepen,
		previous: figures.previous,
		previousPeriod: figures.previousPeriod,
		mode,
		protection,
		...presentBlocks(figures),
		completeness
	});
}

/** The draft as Markdown (the golden files and the command line's `--format md`); see letterToMarkdown. */
export function letterToText(draft: LetterDraft, mode: Mode): string {
	return letterToMarkdown(draft, mode);
}
