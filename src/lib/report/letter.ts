/** A draft council information letter (raadsinformatiebrief) from the Artikel 4 figures; pure. */
import { escapeMarkdown } from './markdown';
import { REASONS } from '../domain/codes';
import { LEAD_TIMES, type LeadTimeId } from '../domain/lead-times';
import { AEDES, AEDES_AANDEEL_NIET_UITGEVOERD } from '../domain/national';
import {
	COOPERATION,
	figure,
	figuresAlongChain,
	figuresIn,
	NORMED_LEAD_TIMES,
	reasonPhrase,
	type Figure,
	type Noun
} from '../metrics/catalog';
import type { SelectionFigures } from '../metrics/dashboard';
import type { Metrics, Selection } from '../metrics/types';
import { countOf } from '../metrics/values';
import {
	corporationName,
	formatCount,
	formatDate,
	formatDays,
	formatPeriod,
	formatShare,
	LEAD_TIME_LABELS,
	orderCorporations,
	periodPhrase
} from './format';
import {
	corporationsPhrase,
	doelgroepPhrase,
	joinList,
	labelName,
	sentences,
	speaker,
	type Say
} from './letter-words';
import { numberWord } from './number-words';
import {
	COUNT_THRESHOLD,
	displayCount,
	displayDays,
	HIDDEN_PRIMARY,
	HIDDEN_SECONDARY,
	isHidden,
	displayFigure,
	isQuantileShown,
	MIN_DENOMINATOR,
	MIN_QUANTILE_N,
	modeLabel,
	NOT_SHOWN,
	SECONDARY_MARK,
	publishFigure,
	type Mode
} from './publication';
import {
	cellId,
	corporationColumn,
	PREVIOUS,
	protectFigures,
	publishedVsDocument,
	publishedBreakdown,
	publishedMetrics,
	TOTAL,
	type Protection
} from './protected-figures';
import type { Range } from './intervals';
import type { Completeness } from '../import/completeness';
import { incompleteParagraph } from './incomplete';
import { VS_FIGURES } from '../metrics/catalog';
import type { VsDocument } from '../metrics/vroegsignalering';
import { publishVsValue, vsCellText, vsValue } from './vroegsignalering';

export type ParagraphId =
	| 'onvolledig'
	| 'inleiding'
	| 'b'
	| 'c'
	| 'd'
	| 'e'
	| 'vroegsignalering'
	| 'a'
	| 'vergelijking'
	| 'verantwoording';

export interface LetterParagraph {
	id: ParagraphId;
	heading: string;
	text: string;
}

export interface LetterTable {
	id: 'kerncijfers' | 'redenen' | 'doorlooptijden' | 'samenwerking' | 'vroegsignalering';
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
	/** How complete the import is; when rows were rejected or labels not placed, the letter opens with a paragraph that says so. */
	completeness?: Completeness | null;
}

const HEADINGS: Record<ParagraphId, string> = {
	onvolledig: 'Let op: onvolledige gegevens',
	inleiding: 'Inleiding',
	b: 'Signalen en meldingen',
	c: 'Ontruimingen en hun redenen',
	d: 'Voorkomen huisuitzettingen',
	e: 'Doorlooptijden',
	vroegsignalering: 'Vroegsignalering (Wet gemeentelijke schuldhulpverlening)',
	a: 'Samenwerking en communicatie',
	vergelijking: 'Vergelijking met de vorige periode',
	verantwoording: 'Verantwoording'
};

/** Each lead time in running text, after "de doorlooptijd" / "de termijn". */
const LEAD_TIME_PHRASES: Record<LeadTimeId, string> = {
	signaal_contact: 'van het signaal tot het eerste contact',
	achterstand2_huisbezoek: 'van twee maanden achterstand tot het huisbezoek',
	melding_uitnodiging: 'van de melding bij Schulddienstverlening tot de uitnodiging',
	uitnodiging_intake: 'van de uitnodiging tot de intake bij Schulddienstverlening',
	achterstand3_terugkoppeling: 'van drie maanden achterstand tot de terugkoppeling',
	melding_plan: 'van de melding bij Schulddienstverlening tot het plan van aanpak',
	signaal_deurwaarder: 'van het signaal tot de overdracht aan de deurwaarder',
	deurwaarder_vonnis: 'van de overdracht aan de deurwaarder tot het vonnis',
	vonnis_ontruiming: 'van het vonnis tot de ontruiming',
	signaal_afgesloten: 'van het signaal tot het afsluiten van het dossier'
};

/** The figures compared with the previous period. */
const COMPARED = figuresIn('vergelijking');

interface Context {
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
				vroegsignalering: exact.vroegsignalering ?? null
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
			: null
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
			paragraph('a', cooperation(ctx)),
			paragraph('vergelijking', comparison(ctx)),
			paragraph('verantwoording', accountability(ctx))
		],
		tables: tables(input)
	};
}

/**
 * The municipality's side of "na één maand huurachterstand wordt actie ondernomen": the rent
 * signals of the DDAS deliveries and what became of the rent cases of the period.
 */
function earlySignals(ctx: Context, doc: VsDocument): string {
	const m = doc.totaal;
	const signals = ctx.say(m.signalen_huur);
	const funnel = ctx.say(m.zaken_huur, m.opgepakt, m.bereikt, m.hulp);
	const others = ctx.say(m.meervoudig);
	const gemeenten = doc.selectie.gemeenten;
	const where =
		gemeenten.length === 1 ? `gemeente ${gemeenten[0]}` : `de gemeenten ${joinList(gemeenten)}`;
	const days = m.doorlooptijden.signaal_bereikt;
	const reachDays = displayDays(days.mediaan, days.n, ctx.mode);
	const shownDays = days.n > 0 && !funnel.hidden(days.n) && reachDays !== NOT_SHOWN;
	return sentences(
		`Volgens de leveringen vroegsignalering van ${where} (het landelijke DDAS-uitwisselmodel) ${signals.agree(m.signalen_huur, 'is', 'zijn')} in deze periode ${signals.amount(m.signalen_huur, 'signaal', 'signalen')} van huurachterstand door verhuurders afgegeven.`,
		m.zaken_huur === 0
			? 'In deze periode is geen nieuwe huurzaak gestart.'
			: `Van de ${funnel.num(m.zaken_huur)} ${funnel.agree(m.zaken_huur, 'huurzaak', 'huurzaken')} met een eerste huursignaal in deze periode ${funnel.agree(m.opgepakt, 'is', 'zijn')} er ${funnel.num(m.opgepakt)} opgepakt, is bij ${funnel.num(m.bereikt)} de inwoner bereikt en ${funnel.agree(m.hulp, 'heeft', 'hebben')} ${funnel.num(m.hulp)} geleid tot vervolghulp of een verwijzing.`,
		m.zaken_huur !== 0 &&
			m.meervoudig !== 0 &&
			`Bij ${others.amount(m.meervoudig, 'huurzaak', 'huurzaken')} was er ook een andere betalingsachterstand, zoals energie, water of zorgverzekering.`,
		shownDays &&
			`Het duurde na het eerste huursignaal mediaan ${reachDays} ${days.mediaan === 1 ? 'dag' : 'dagen'} voordat de inwoner werd bereikt.`,
		'De leveringen noemen de verhuurder niet; deze cijfers gelden voor alle verhuurders samen en volgen niet de keuze van corporaties, doelgroepen en wijken.'
	);
}

function introduction(ctx: Context): string {
	const { selection } = ctx.input;
	const corporations = selection.corporaties.length
		? corporationsPhrase(selection.corporaties)
		: 'een van de corporaties';
	const wijken = selection.wijken?.length
		? `, in de ${selection.wijken.length === 1 ? 'wijk' : 'wijken'} ${joinList(selection.wijken.map(labelName))}`
		: '';
	return sentences(
		`Hierbij informeer ik u over de resultaten van de werkafspraken preventie huisuitzettingen in ${periodPhrase(selection.van, selection.tot)}.`,
		`In deze werkafspraken hebben de gemeente ${ctx.input.municipality ?? 'Haarlem'}, Schulddienstverlening, de Sociale Wijkteams en de woningcorporaties afgesproken hoe zij samen huisuitzettingen zo veel mogelijk voorkomen.`,
		'Artikel 4 vraagt om een halfjaarlijkse evaluatie van de samenwerking en communicatie, het aantal meldingen, het aantal ontruimingen en de redenen daarvan, het aantal voorkomen huisuitzettingen en de doorlooptijden.',
		`De cijfers in deze brief gaan over ${doelgroepPhrase(selection.doelgroepen)} die huren bij ${corporations}${wijken}.`
	);
}

function referrals(ctx: Context): string {
	const t = ctx.input.totaal;
	const signals = ctx.say(t.signalen);
	const reports = ctx.say(t.meldingen_sdv, t.meldingen_swt);
	const zeroOr = (s: Say, n: number) => (n === 0 ? 'geen' : s.num(n));
	return sentences(
		`In deze periode ${signals.agree(t.signalen, 'is', 'zijn')}${ctx.bij} ${signals.amount(t.signalen, 'signaal', 'signalen')} van een huurachterstand van één maand geregistreerd.`,
		t.meldingen_sdv === 0 && t.meldingen_swt === 0
			? 'Er zijn geen meldingen gedaan bij Schulddienstverlening (SDV) of het Sociaal Wijkteam (SWT).'
			: `Schulddienstverlening (SDV) heeft ${reports.amount(t.meldingen_sdv, 'melding', 'meldingen')} ontvangen en het Sociaal Wijkteam (SWT) ${zeroOr(reports, t.meldingen_swt)}.`
	);
}

function evictions(ctx: Context): string {
	const t = ctx.input.totaal;
	const chain = ctx.say(t.deurwaarder, t.vonnissen);
	const n = t.ontruimingen;
	const count = ctx.say(n);
	return sentences(
		`In deze periode ${chain.agree(t.deurwaarder, 'is', 'zijn')}${ctx.bij} ${chain.amount(t.deurwaarder, 'dossier', 'dossiers')} aan de deurwaarder overgedragen en ${chain.agree(t.vonnissen, 'is', 'zijn')} er ${chain.amount(t.vonnissen, 'vonnis', 'vonnissen')} uitgesproken.`,
		`Er ${count.agree(n, 'heeft', 'hebben')} ${count.amount(n, 'ontruiming', 'ontruimingen')} plaatsgevonden.`,
		n !== 0 && reasons(ctx, t)
	);
}

function reasons(ctx: Context, t: Metrics): string {
	const n = t.ontruimingen;
	if (n === HIDDEN_SECONDARY) return NOT_SPLIT;
	if (ctx.say().hidden(n)) {
		return `Omdat het om minder dan ${numberWord(COUNT_THRESHOLD)} ontruimingen gaat, worden de redenen niet uitgesplitst.`;
	}
	const perReason = t.ontruimingen_per_reden;
	// Hidden counts after the shown ones: `x` (at least five) before `< 5`; never by their values.
	const order = (k: number) => (k === HIDDEN_SECONDARY ? -1 : k === HIDDEN_PRIMARY ? -2 : k);
	const known = REASONS.filter((r) => r !== 'onbekend' && perReason[r] !== 0).sort(
		(a, b) => order(perReason[b]) - order(perReason[a]) || REASONS.indexOf(a) - REASONS.indexOf(b)
	);
	const unknown = perReason.onbekend;
	const s = ctx.say(...known.map((r) => perReason[r]), unknown);
	const [first] = known;
	if (first === undefined) {
		return unknown === 0
			? ''
			: `Van ${n === 1 ? 'deze ontruiming' : 'deze ontruimingen'} is de reden niet bekend.`;
	}
	if (known.length === 1 && unknown === 0) {
		const phrase = reasonPhrase(first);
		if (n === 1) return `Deze ontruiming vond plaats ${phrase}.`;
		if (n === 2) return `Beide ontruimingen vonden plaats ${phrase}.`;
		return `Deze ontruimingen vonden allemaal plaats ${phrase}.`;
	}
	const parts = known.map((r, i) =>
		i === 0
			? `${s.agree(perReason[r], 'vond', 'vonden')} er ${s.num(perReason[r])} plaats ${reasonPhrase(r)}`
			: `${s.num(perReason[r])} ${reasonPhrase(r)}`
	);
	const rest = unknown !== 0 ? `; van ${s.num(unknown)} is de reden niet bekend` : '';
	return `Van deze ontruimingen ${joinList(parts)}${rest}.`;
}

/** "zijn er zeventien voorkomen, hebben er twee tot een ontruiming geleid en loopt er nog één". */
function outcomeList(
	s: Say,
	[prevented, evicted, running]: [number, number, number],
	participle: 'voorkomen' | 'niet uitgevoerd'
): string {
	const parts: string[] = [];
	if (prevented > 0) {
		parts.push(`${s.agree(prevented, 'is', 'zijn')} er ${s.num(prevented)} ${participle}`);
	}
	if (evicted > 0) {
		parts.push(
			`${s.agree(evicted, 'heeft', 'hebben')} er ${s.num(evicted)} tot een ontruiming geleid`
		);
	}
	if (running > 0) parts.push(`${s.agree(running, 'loopt', 'lopen')} er nog ${s.num(running)}`);
	return joinList(parts);
}

function prevented(ctx: Context): string {
	const t = ctx.input.totaal;
	return sentences(...aanzeggingen(ctx, t), ...vonnissen(ctx, t));
}

function aanzeggingen(ctx: Context, t: Metrics): string[] {
	const total = t.aanzeggingen;
	const { selection } = ctx.input;
	const head = ctx.say(total);
	const v = t.aanzeggingen_voorkomen;
	const o = t.aanzeggingen_ontruimd;
	const l = t.aanzeggingen_lopend;
	const groep = doelgroepPhrase(selection.doelgroepen, total === 1 && !head.hidden(total));
	const tot = 'tot huisuitzetting geweest van';
	if (total === 0) {
		return [`${ctx.period} zijn er${ctx.bij} geen aanzeggingen ${tot} ${groep}.`];
	}
	if (total === HIDDEN_SECONDARY) {
		return [`${ctx.period} zijn er${ctx.bij} aanzeggingen ${tot} ${groep}.`, NOT_STATED];
	}
	if (head.hidden(total)) {
		return [
			`${ctx.period} zijn er${ctx.bij} ${head.num(total)} aanzeggingen ${tot} ${groep}.`,
			`Omdat het om minder dan ${numberWord(COUNT_THRESHOLD)} zaken gaat, wordt de afloop niet nader uitgesplitst.`
		];
	}
	if (total === 1) {
		const first = `${ctx.period} is er${ctx.bij} één aanzegging ${tot} ${groep}.`;
		if (v === 1 && o === 0 && l === 0) return [first, 'Deze uitzetting is voorkomen.'];
		if (o === 1 && v === 0 && l === 0)
			return [first, 'Deze aanzegging heeft tot een ontruiming geleid.'];
		if (l === 1 && v === 0 && o === 0) return [first, 'Deze zaak loopt nog.'];
		return [first];
	}
	const first = `${ctx.period} zijn${ctx.bij} in totaal ${head.num(total)} aanzeggingen ${tot} ${groep}.`;
	const s = ctx.say(v, o, l);
	if ([v, o, l].some((n) => s.hidden(n))) {
		return [first, ...hiddenOutcome(ctx, 'aanzeggingen', total, [v, o, l])];
	}
	if (l === 0) return [first, closedOutcome(ctx.say, v, o, 'deze')];
	const closed = v + o;
	const running =
		closed === 0
			? total === 2
				? 'Beide zaken lopen nog.'
				: 'Deze zaken lopen allemaal nog.'
			: `Hiervan ${s.agree(l, 'loopt', 'lopen')} er nog ${ctx.say(l).num(l)}.`;
	return [first, running, closed > 0 && closedOutcome(ctx.say, v, o, 'de overige')].filter(
		(x): x is string => typeof x === 'string'
	);
}

/** The sentence where a total is hidden by the secondary rule. */
const NOT_STATED =
	'Om kleine aantallen elders te beschermen, worden het aantal en de afloop in deze publicatieversie niet vermeld.';
const NOT_SPLIT = 'De redenen worden in deze publicatieversie niet uitgesplitst.';

/** How much of a total a hidden count is, as a reader can work it out: at least ¾, over half, or less. */
function portion(range: Range | undefined, total: number): 'allemaal' | 'meeste' | 'deel' {
	if (!range || total <= 0) return 'deel';
	if (range.min >= 0.75 * total) return 'allemaal';
	return range.min > total / 2 ? 'meeste' : 'deel';
}

/**
 * The outcome of aanzeggingen or vonnissen when one of voorkomen, ontruimd or lopend is hidden: a
 * sentence per part, a hidden count as `minder dan vijf` or in words that a reader can also work out
 * from the tables ("vrijwel allemaal"); never a difference of two counts.
 */
function hiddenOutcome(
	ctx: Context,
	figure: 'aanzeggingen' | 'vonnissen',
	total: number,
	[v, o, l]: [number, number, number]
): string[] {
	const small = `minder dan ${numberWord(COUNT_THRESHOLD)}`;
	const part = (status: string) => portion(ctx.range(`${figure}_${status}`), total);
	const done = figure === 'aanzeggingen' ? 'voorkomen' : 'niet uitgevoerd';
	const subject = figure === 'aanzeggingen' ? 'uitzettingen' : 'vonnissen';
	const out: string[] = [];
	if (v === HIDDEN_SECONDARY) {
		const p = part('voorkomen');
		const thanks = figure === 'aanzeggingen' && l === 0;
		out.push(
			p === 'allemaal'
				? thanks
					? `Dankzij de gezamenlijke aanpak van de partijen zijn deze ${subject} vrijwel allemaal ${done}.`
					: `Deze ${subject} zijn vrijwel allemaal ${done}.`
				: p === 'meeste'
					? `De meeste daarvan zijn ${done}.`
					: `Een deel daarvan is ${done}.`
		);
	} else if (v === HIDDEN_PRIMARY) {
		out.push(`Hiervan zijn er ${small} ${done}.`);
	} else if (v > 0) {
		const s = ctx.say(v);
		out.push(`Hiervan ${s.agree(v, 'is', 'zijn')} er ${s.num(v)} ${done}.`);
	}
	const rest = (n: number, status: string, one: string, many: string) => {
		if (n === 0) return;
		if (n === HIDDEN_PRIMARY) out.push(`${small} ${many}.`);
		else if (n === HIDDEN_SECONDARY) {
			const p = part(status);
			out.push(p === 'deel' ? `Een deel ${one}.` : `De meeste ${many}.`);
		} else {
			const s = ctx.say(n);
			out.push(`${s.num(n)} ${s.agree(n, one, many)}.`);
		}
	};
	rest(o, 'ontruimd', 'heeft tot een ontruiming geleid', 'hebben tot een ontruiming geleid');
	rest(l, 'lopend', 'loopt nog', 'lopen nog');
	return out;
}

/**
 * The outcome of the closed aanzeggingen in the style of the 2015 letter ("zijn deze
 * uitzettingen, op één na, allemaal voorkomen"): of all of them (`deze`, none running), or of
 * those besides the running ones (`de overige`).
 */
function closedOutcome(
	say: (...counts: number[]) => Say,
	v: number,
	o: number,
	which: 'deze' | 'de overige'
): string {
	const n = v + o;
	const all = which === 'deze';
	// Only the numbers printed in the sentence decide between words and digits.
	const s = all ? say(o) : say(n, o);
	const thanks = 'Dankzij de gezamenlijke aanpak van de partijen zijn';
	const others = (noun: string) => `De overige ${s.num(n)} ${noun}`;
	if (o === 0) {
		if (all) {
			return n === 2
				? `${thanks} beide uitzettingen voorkomen.`
				: `${thanks} deze uitzettingen allemaal voorkomen.`;
		}
		if (n === 1) return 'De andere uitzetting is voorkomen.';
		return `${others('uitzettingen')} zijn ${n === 2 ? 'allebei' : 'allemaal'} voorkomen.`;
	}
	if (v === 0) {
		if (all) {
			return n === 2
				? 'Beide aanzeggingen hebben tot een ontruiming geleid.'
				: 'Deze aanzeggingen hebben allemaal tot een ontruiming geleid.';
		}
		if (n === 1) return 'De andere aanzegging heeft tot een ontruiming geleid.';
		return `${others('aanzeggingen')} hebben ${n === 2 ? 'allebei' : 'allemaal'} tot een ontruiming geleid.`;
	}
	if (v > o && v >= 2) {
		return all
			? `${thanks} deze uitzettingen, op ${s.num(o)} na, allemaal voorkomen.`
			: `${others('uitzettingen')} zijn, op ${s.num(o)} na, allemaal voorkomen.`;
	}
	const list = outcomeList(all ? say(v, o) : say(n, v, o), [v, o, 0], 'voorkomen');
	return all ? `Hiervan ${list}.` : `Van de overige ${say(n, v, o).num(n)} ${list}.`;
}

function vonnissen(ctx: Context, t: Metrics): string[] {
	const total = t.vonnissen;
	const v = t.vonnissen_voorkomen;
	const o = t.vonnissen_ontruimd;
	const l = t.vonnissen_lopend;
	const national = `landelijk was dat in ${AEDES.jaar} ongeveer ${formatShare(AEDES_AANDEEL_NIET_UITGEVOERD)} (Aedes: ${formatCount(AEDES.vonnissen)} vonnissen, ${formatCount(AEDES.ontruimingen)} ontruimingen)`;
	const nationalAlone = `Landelijk werd in ${AEDES.jaar} ongeveer ${formatShare(AEDES_AANDEEL_NIET_UITGEVOERD)} van de vonnissen niet uitgevoerd (Aedes: ${formatCount(AEDES.vonnissen)} vonnissen, ${formatCount(AEDES.ontruimingen)} ontruimingen).`;
	const head = ctx.say(total);
	if (total === 0) return ['In deze periode zijn geen vonnissen uitgesproken.', nationalAlone];
	if (total === HIDDEN_SECONDARY) {
		return ['In deze periode zijn vonnissen uitgesproken.', NOT_STATED, nationalAlone];
	}
	if (head.hidden(total)) {
		return [
			`In deze periode zijn ${head.num(total)} vonnissen uitgesproken, te weinig om de afloop uit te splitsen.`,
			nationalAlone
		];
	}
	if (total === 1) {
		const outcome =
			v === 1
				? 'dit is niet uitgevoerd'
				: o === 1
					? 'dit heeft tot een ontruiming geleid'
					: 'deze zaak loopt nog';
		return [`In deze periode is één vonnis uitgesproken; ${outcome}.`, nationalAlone];
	}
	const s = ctx.say(total, v, o, l);
	const all = s.num(total);
	if ([v, o, l].some(isHidden)) {
		return [
			`In deze periode ${s.agree(total, 'is', 'zijn')} ${all} vonnissen uitgesproken.`,
			...hiddenOutcome(ctx, 'vonnissen', total, [v, o, l]),
			nationalAlone
		];
	}
	let outcome: string;
	if (v === total) outcome = `Van de ${all} vonnissen in deze periode is er geen uitgevoerd.`;
	else if (o === total)
		outcome =
			total === 2
				? 'Beide vonnissen in deze periode hebben tot een ontruiming geleid.'
				: `Alle ${all} vonnissen in deze periode hebben tot een ontruiming geleid.`;
	else if (l === total)
		outcome =
			total === 2
				? 'Beide vonnissen in deze periode lopen nog.'
				: `De ${all} vonnissen in deze periode lopen allemaal nog.`;
	else
		outcome = `Van de ${all} vonnissen in deze periode ${outcomeList(s, [v, o, l], 'niet uitgevoerd')}.`;
	const ratio = shareShown(t, 'aandeel_vonnissen_niet_uitgevoerd', ctx.mode);
	// All or none of the closed ones not executed: the outcome sentence already says so.
	if (v === 0 || o === 0) return [outcome, nationalAlone];
	if (ratio === null) {
		return [
			outcome,
			`Omdat het om minder dan ${numberWord(MIN_DENOMINATOR)} afgeronde zaken gaat, is geen percentage vermeld.`,
			nationalAlone
		];
	}
	const of = l > 0 ? 'de afgeronde vonnissen' : 'de vonnissen';
	return [outcome, `Daarmee is ${formatShare(ratio)} van ${of} niet uitgevoerd; ${national}.`];
}

function leadTimes(ctx: Context): string {
	const t = ctx.input.totaal;
	const ids = LEAD_TIMES.map((l) => l.id).filter(
		(id) => NORMED_LEAD_TIMES.includes(id) || t.doorlooptijden[id].met_norm !== 0
	);
	const shown: { id: LeadTimeId; share: number }[] = [];
	const empty: LeadTimeId[] = [];
	let fewCases = false;
	let fewNormCases = false;
	const lines: string[] = [];
	for (const id of ids) {
		const f = t.doorlooptijden[id];
		const phrase = LEAD_TIME_PHRASES[id];
		if (isHidden(f.n)) {
			fewCases = true;
			continue;
		}
		if (f.n === 0 || f.mediaan === null) {
			empty.push(id);
			continue;
		}
		if (!isQuantileShown(f.n, ctx.mode)) {
			fewCases = true;
			continue;
		}
		const days = `${formatDays(f.mediaan)} ${f.mediaan === 1 ? 'dag' : 'dagen'}`;
		if (f.n === 1) {
			const norm =
				f.met_norm === 0 ? '' : `; dat is ${f.binnen_norm === 1 ? 'binnen' : 'langer dan'} de norm`;
			lines.push(`In de enige afgeronde zaak duurde het ${phrase} ${days}${norm}.`);
			continue;
		}
		const ratio = shareShown(t, `doorlooptijden.${id}.aandeel_binnen_norm`, ctx.mode);
		if (f.met_norm !== 0 && ratio === null) fewNormCases = true;
		if (ratio !== null) shown.push({ id, share: ratio });
		const within =
			ratio === null ? '' : `; ${formatShare(ratio)} van de zaken bleef binnen de norm`;
		lines.push(`De mediane doorlooptijd ${phrase} was ${days}${within}.`);
	}
	const weakest = shown.reduce<(typeof shown)[number] | null>(
		(min, x) => (min === null || x.share < min.share ? x : min),
		null
	);
	let verdict: string | null = null;
	if (shown.length >= 2 && weakest) {
		verdict =
			weakest.share === 1
				? 'In alle afgeronde zaken is de norm gehaald.'
				: `De norm voor de doorlooptijd ${LEAD_TIME_PHRASES[weakest.id]} werd het minst vaak gehaald (${formatShare(weakest.share)}).`;
	}
	const emptyLine =
		empty.length === 0
			? null
			: empty.length === ids.length
				? 'In deze periode zijn voor geen van deze doorlooptijden zaken afgerond.'
				: `Voor de ${empty.length === 1 ? 'doorlooptijd' : 'doorlooptijden'} ${joinList(empty.map((id) => LEAD_TIME_PHRASES[id]))} zijn in deze periode geen afgeronde zaken.`;
	return sentences(
		`Voor ${numberWord(ids.length)} doorlooptijden zijn in de werkafspraken termijnen (normen) afgesproken.`,
		(lines.length > 0 || fewCases) &&
			'Per doorlooptijd noem ik de mediaan (de helft van de zaken duurde korter, de helft langer) en het aandeel zaken dat binnen de norm bleef.',
		...lines,
		emptyLine,
		verdict,
		fewCases &&
			`Doorlooptijden met minder dan ${numberWord(MIN_QUANTILE_N)} afgeronde zaken${ctx.mode === 'publicatie' ? ' of een weggelaten aantal' : ''} zijn niet vermeld.`,
		fewNormCases &&
			`Bij minder dan ${numberWord(MIN_DENOMINATOR)} afgeronde zaken met een norm${ctx.mode === 'publicatie' ? ', of een weggelaten aantal,' : ''} is het aandeel binnen de norm niet vermeld.`
	);
}

function cooperation(ctx: Context): string {
	const t = ctx.input.totaal;
	let omitted = false;
	const lines = COOPERATION.map(({ id, noun, words: w }) => {
		const { teller, noemer } = t.samenwerking[id];
		const s = ctx.say(teller, noemer);
		if (noemer === 0) return w.none;
		if (noemer === HIDDEN_SECONDARY) {
			return `${w.prep} de ${noun.plural} wordt de uitkomst in deze publicatieversie niet vermeld.`;
		}
		if (s.hidden(noemer)) {
			return `Het aantal ${noun.plural} is kleiner dan ${numberWord(COUNT_THRESHOLD)}; de uitkomst wordt daarom niet vermeld.`;
		}
		if (noemer === 1) {
			return `${w.prep} ${theOnly(noun)} ${teller === 1 ? w.holds : w.fails}.`;
		}
		const ratio = shareShown(t, `samenwerking.${id}.aandeel`, ctx.mode);
		if (ratio === null && (isHidden(teller) || (teller > 0 && teller < noemer))) omitted = true;
		if (teller === noemer) return `${w.prep} alle ${s.num(noemer)} ${noun.plural} ${w.holds}.`;
		if (teller === 0) return `${w.prep} geen van de ${s.num(noemer)} ${noun.plural} ${w.holds}.`;
		if (teller === HIDDEN_SECONDARY) {
			const part = portion(ctx.range(`samenwerking.${id}.teller`), noemer);
			const which = { allemaal: 'vrijwel alle', meeste: 'de meeste', deel: 'een deel' }[part];
			return `${w.prep} ${which} van de ${s.num(noemer)} ${noun.plural} ${w.holds}.`;
		}
		const pct = ratio === null ? '' : ` (${formatShare(ratio)})`;
		return `${w.prep} ${s.num(teller)} van de ${s.num(noemer)} ${noun.plural} ${w.holds}${pct}.`;
	});
	const none = COOPERATION.every(({ id }) => t.samenwerking[id].noemer === 0);
	return sentences(
		'De werkafspraken leggen een aantal stappen vast waaraan de samenwerking tussen de partijen te volgen is.',
		...(none
			? [`In deze periode zijn er ${joinList(COOPERATION.map((c) => c.words.noneClause))}.`]
			: lines),
		omitted &&
			`Percentages zijn alleen vermeld bij ten minste ${numberWord(MIN_DENOMINATOR)} zaken.`,
		NORMED_LEAD_TIMES.some((id) => t.doorlooptijden[id].met_norm > 0) &&
			'Hoe vaak de afgesproken termijnen zijn gehaald, staat bij de doorlooptijden.'
	);
}

/** `de enige melding`, `het enige vonnis`. */
function theOnly(noun: Noun): string {
	return `${noun.gender} enige ${noun.singular}`;
}

/** A share as published, or null when it is unknown or left out in the mode. */
function shareShown(t: Metrics, id: string, mode: Mode): number | null {
	const published = publishFigure(t, id, mode);
	return typeof published === 'number' ? published : null;
}

function comparison(ctx: Context): string {
	const { previous, previousPeriod, totaal } = ctx.input;
	if (previous === null) {
		return 'Voor de voorgaande periode zijn geen cijfers beschikbaar; een vergelijking is daarom niet gemaakt.';
	}
	const firstRef = previousPeriod
		? periodPhrase(previousPeriod.van, previousPeriod.tot)
		: 'de vorige periode';
	const figures = COMPARED.map((f: Figure) => ({
		cur: countOf(totaal, f.id),
		prev: countOf(previous, f.id),
		singular: f.noun?.singular ?? f.label,
		plural: f.noun?.plural ?? f.label
	}));
	if (figures.every((f) => f.cur === 0 && f.prev === 0)) {
		return `Net als in ${firstRef} waren er geen signalen, meldingen, aanzeggingen of ontruimingen.`;
	}
	const lines = figures.map(({ cur, prev, singular, plural }, i) => {
		const ref = i === 0 ? firstRef : 'die periode';
		if (cur === HIDDEN_SECONDARY || prev === HIDDEN_SECONDARY) {
			return `Het aantal ${plural} wordt in deze publicatieversie niet vergeleken met ${ref}.`;
		}
		const diff = Math.abs(cur - prev);
		const hidden = speaker(ctx.mode)().hidden;
		const mixed = hidden(cur) !== hidden(prev);
		// Only the numbers printed decide between words and digits.
		const s = mixed ? ctx.say(cur, prev) : ctx.say(cur, ...(cur === prev ? [] : [diff]));
		const there =
			i === 0
				? `In deze periode ${s.agree(cur, 'was', 'waren')} er`
				: `Er ${s.agree(cur, 'was', 'waren')}`;
		const amount = `${there} ${s.amount(cur, singular, plural)}`;
		if (hidden(cur) && hidden(prev)) return `${amount}, net als in ${ref}.`;
		if (mixed) {
			const then = prev === 0 ? `in ${ref} waren er geen` : `in ${ref} waren dat er ${s.num(prev)}`;
			return `${amount}; ${then}.`;
		}
		if (cur === prev) {
			return cur === 0 ? `${amount}, net als in ${ref}.` : `${amount}, evenveel als in ${ref}.`;
		}
		const change = cur > prev ? 'stijging' : 'daling';
		return `${amount}, een ${change} van ${s.exact(diff)} ten opzichte van ${ref}.`;
	});
	return sentences(...lines);
}

function accountability(ctx: Context): string {
	const { selection } = ctx.input;
	const peildatum = selection.peildatum ? ` (${formatDate(selection.peildatum)})` : '';
	return sentences(
		'De cijfers zijn berekend met het evaluatiedashboard preventie huisuitzettingen uit de geanonimiseerde registraties van de partijen, volgens de definities op de pagina Verantwoording van het dashboard.',
		`Een aanzegging of vonnis geldt als voorkomen wanneer het dossier daarna is afgesloten zonder ontruiming, en als lopend wanneer het dossier op de peildatum${peildatum} nog niet is afgesloten.`,
		ctx.mode === 'publicatie'
			? `In deze publicatieversie zijn aantallen van één tot en met ${numberWord(COUNT_THRESHOLD - 1)} weergegeven als ‘minder dan ${numberWord(COUNT_THRESHOLD)}’ (in de tabellen ‘< ${COUNT_THRESHOLD}’). Waar zo’n klein aantal anders uit de andere cijfers terug te rekenen zou zijn, is ook een ander aantal weggelaten (in de tabellen ‘${SECONDARY_MARK}’); een 0 is een echte nul. Percentages met een noemer onder ${numberWord(MIN_DENOMINATOR)} of met een weggelaten teller of noemer en doorlooptijden over minder dan ${numberWord(MIN_QUANTILE_N)} zaken zijn weggelaten.`
			: 'Dit is een interne werkversie met exacte aantallen; deze is niet bedoeld voor publicatie.'
	);
}

function tables(input: LetterInput): LetterTable[] {
	const { mode } = input;
	const corporations = orderCorporations(Object.keys(input.perCorporatie));
	const columns: Metrics[] = [
		input.totaal,
		...(corporations.length > 1 ? corporations.map((c) => input.perCorporatie[c] as Metrics) : [])
	];
	const header = (first: string) => [
		first,
		'Totaal',
		...(corporations.length > 1 ? corporations.map(corporationName) : [])
	];
	const row = (label: string, cell: (m: Metrics) => string) => [label, ...columns.map(cell)];
	const count = (n: number) => displayCount(n, mode);

	const figureRows = (figures: readonly Figure[]) =>
		figures.map((f) => row(f.label, (m) => displayFigure(m, f.id, mode)));
	const keyRows = figureRows(figuresAlongChain('brief'));
	const reasonRows = figureRows(REASONS.map((r) => figure(`ontruimingen_per_reden.${r}`)));
	const leadTimeRows = LEAD_TIMES.map(({ id }) =>
		row(LEAD_TIME_LABELS[id] ?? id, (m) => {
			const f = m.doorlooptijden[id];
			return f.n === 0 ? '–' : `${displayDays(f.mediaan, f.n, mode)} (${count(f.n)})`;
		})
	);
	const cooperationRows = figureRows(figuresIn('samenwerking'));
	const vs = input.vroegsignalering;
	const vsTable: LetterTable[] = vs
		? [
				{
					id: 'vroegsignalering',
					caption: 'Vroegsignalering: kerncijfers (alle verhuurders)',
					header: ['Cijfer', 'Totaal'],
					rows: VS_FIGURES.filter((f) => f.views.includes('brief')).map((f) => [
						f.label,
						vsCellText(
							f.id,
							publishVsValue(f.id, vsValue(vs.totaal, f.id), (p) => vsValue(vs.totaal, p), mode)
						)
					])
				}
			]
		: [];
	return [
		{ id: 'kerncijfers', caption: 'Kerncijfers', header: header('Cijfer'), rows: keyRows },
		{ id: 'redenen', caption: 'Ontruimingen per reden', header: header('Reden'), rows: reasonRows },
		{
			id: 'doorlooptijden',
			caption: 'Doorlooptijden: mediaan in dagen, tussen haakjes het aantal afgeronde zaken',
			header: header('Doorlooptijd'),
			rows: leadTimeRows
		},
		{
			id: 'samenwerking',
			caption: 'Samenwerking: aandeel van de zaken waarin de afspraak is nagekomen',
			header: header('Afspraak'),
			rows: cooperationRows
		},
		...vsTable
	];
}

/**
 * The letter for the figures of a selection (current per corporation, and the previous period),
 * from the publication's protected cells: pass the protection of the whole publication (with its
 * trend) so that every output hides the same cells; without one, it is made from these figures.
 */
export function draftLetterFor(
	figures: SelectionFigures & { vroegsignalering?: VsDocument | null },
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
		completeness
	});
}

/** The draft as plain text (Markdown-like): for the golden files and for copying into a letter. */
export function letterToText(draft: LetterDraft, mode: Mode): string {
	const md = escapeMarkdown;
	const row = (cells: readonly unknown[]) => `| ${cells.map((c) => md(String(c))).join(' | ')} |`;
	const out: string[] = [`# ${md(draft.title)}`, '', md(modeLabel(mode)), ''];
	for (const p of draft.paragraphs) out.push(`## ${md(p.heading)}`, '', md(p.text), '');
	for (const t of draft.tables) {
		out.push(`### Tabel: ${md(t.caption)}`, '');
		out.push(row(t.header));
		out.push(`|${t.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
		for (const r of t.rows) out.push(row(r));
		out.push('');
	}
	return out.join('\n');
}
