/**
 * A draft council information letter (raadsinformatiebrief) from the Artikel 4 figures; pure.
 * One module per paragraph in `letter/`, the Dutch they share in `letter/grammar.ts`.
 */
import type { Completeness } from '../import/completeness';
import type { SelectionFigures } from '../metrics/dashboard';
import type { VsDocument } from '../metrics/vroegsignalering';
import type { KetenFigures } from '../metrics/keten';
import type { ShvDocument } from '../metrics/schuldhulpverlening';
import { corporationName, formatPeriod, orderCorporations, periodPhrase } from './format';
import { incompleteParagraph } from './incomplete';
import { accountability } from './letter/accountability';
import { chain } from './letter/chain';
import { debtHelp } from './letter/debt-help';
import { comparison } from './letter/comparison';
import { cooperation } from './letter/cooperation';
import { earlySignals } from './letter/early-signals';
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
	publishedMetrics,
	publishedKetenFigures,
	publishedShvDocument,
	publishedVsDocument,
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

const HEADINGS: Record<ParagraphId, string> = {
	onvolledig: 'Let op: onvolledige gegevens',
	inleiding: 'Inleiding',
	b: 'Signalen en meldingen',
	c: 'Ontruimingen en hun redenen',
	d: 'Voorkomen huisuitzettingen',
	e: 'Doorlooptijden',
	vroegsignalering: 'Vroegsignalering (Wet gemeentelijke schuldhulpverlening)',
	schuldhulpverlening: 'Schuldhulpverlening (Wet gemeentelijke schuldhulpverlening)',
	keten: 'Van signaal tot vonnis',
	a: 'Samenwerking en communicatie',
	vergelijking: 'Vergelijking met de vorige periode',
	verantwoording: 'Verantwoording'
};

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
				vroegsignalering: exact.vroegsignalering ?? null,
				schuldhulpverlening: exact.schuldhulpverlening ?? null,
				keten: exact.keten ?? null
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
		vroegsignalering: exact.vroegsignalering
			? publishedVsDocument(exact.vroegsignalering, protection)
			: null,
		schuldhulpverlening: exact.schuldhulpverlening
			? publishedShvDocument(exact.schuldhulpverlening, protection)
			: null,
		keten: exact.keten ? publishedKetenFigures(exact.keten, protection) : null
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
		heading: HEADINGS[id],
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
			...(input.vroegsignalering
				? [paragraph('vroegsignalering', earlySignals(ctx, input.vroegsignalering))]
				: []),
			...(input.schuldhulpverlening
				? [paragraph('schuldhulpverlening', debtHelp(ctx, input.schuldhulpverlening))]
				: []),
			...(input.keten ? [paragraph('keten', chain(ctx, input.keten))] : []),
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
	figures: SelectionFigures & {
		vroegsignalering?: VsDocument | null;
		schuldhulpverlening?: ShvDocument | null;
		keten?: KetenFigures | null;
	},
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
		vroegsignalering: figures.vroegsignalering ?? null,
		schuldhulpverlening: figures.schuldhulpverlening ?? null,
		keten: figures.keten ?? null,
		completeness
	});
}

/** The draft as Markdown (the golden files and the command line's `--format md`); see letterToMarkdown. */
export function letterToText(draft: LetterDraft, mode: Mode): string {
	return letterToMarkdown(draft, mode);
}
