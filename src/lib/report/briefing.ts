/** The alderman's one-page briefing: six headline figures with their change and three bullets; pure. */
import { LEAD_TIMES, normsInForce, DEFAULT_NORMS, type Norm } from '../domain/lead-times';
import type { DashboardFigures } from '../metrics/dashboard';
import type { Metrics } from '../metrics/types';
import { figuresAlongChain, nounOf } from '../metrics/catalog';
import { countOf } from '../metrics/values';
import {
	corporationName,
	formatCount,
	formatShare,
	LEAD_TIME_LABELS,
	periodPhrase
} from './format';
import type { Range } from './intervals';
import { evictionSentence } from './letter/evictions';
import { numberWord, sentences, speaker } from './letter/grammar';
import {
	COUNT_THRESHOLD,
	displayCount,
	HIDDEN_SECONDARY,
	isHidden,
	isRatioShown,
	isSuppressedCount,
	type Mode
} from './publication';
import type { KetenFigures } from '../metrics/keten';
import {
	cellId,
	protectFigures,
	publishedBlocks,
	publishedFigures,
	TOTAL,
	type Protection
} from './protected-figures';

/** The alderman's six figures, along the chain of the werkafspraken. */
export const BRIEFING_FIGURES = figuresAlongChain('briefing');

export interface BriefingFigure {
	id: string;
	label: string;
	/**
	 * As published in the mode, a hidden count in words: `minder dan vijf`, or for a count hidden to
	 * protect another the range a reader can work out (`15 t/m 17`); never `< 5` or `x`.
	 */
	display: string;
	/** The change against the previous period, as published (empty when it cannot be shown). */
	change: string;
}

export interface Briefing {
	figures: BriefingFigure[];
	/** Three bullets; a fourth on the chain from signal to eviction when it is there. */
	bullets: string[];
}

function changeText(now: number, before: number, mode: Mode): string {
	if (isSuppressedCount(now, mode) || isSuppressedCount(before, mode)) return '';
	const d = now - before;
	if (d === 0) return 'gelijk aan de vorige periode';
	return `${d > 0 ? '+' : '−'}${displayCount(Math.abs(d), 'intern')} t.o.v. de vorige periode (${displayCount(before, mode)})`;
}

function largestChange(current: Metrics, previous: Metrics, period: string, mode: Mode): string {
	const candidates = BRIEFING_FIGURES.map((f) => ({
		f,
		now: countOf(current, f.id),
		before: countOf(previous, f.id)
	}))
		.filter(({ now, before }) => !isSuppressedCount(now, mode) && !isSuppressedCount(before, mode))
		.map((x) => ({ ...x, d: x.now - x.before }))
		.sort((a, b) => Math.abs(b.d) - Math.abs(a.d));
	const top = candidates[0];
	if (!top || top.d === 0) {
		return `Ten opzichte van ${period} zijn de kerncijfers gelijk gebleven of alleen in kleine aantallen veranderd.`;
	}
	const { singular, plural } = nounOf(top.f.id);
	const say = speaker(mode)(top.now, top.before, Math.abs(top.d));
	return sentences(
		`de grootste verandering ten opzichte van ${period}: ${say.amount(top.now, singular, plural)}, ` +
			`${top.d > 0 ? 'een stijging' : 'een daling'} van ${say.exact(Math.abs(top.d))} (was ${say.num(top.before)}).`
	);
}

/** `Uitnodiging → intake SDV` → `uitnodiging → intake SDV`; an acronym at the start keeps its capitals. */
function lowerFirst(label: string): string {
	return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function weakestNorm(figures: DashboardFigures, norms: readonly Norm[], mode: Mode): string {
	const inForce = normsInForce(norms, figures.selection.tot);
	let weakest: {
		corporation: string;
		id: string;
		share: number;
		binnen: number;
		met: number;
	} | null = null;
	for (const [corporation, metrics] of Object.entries(figures.current.groepen)) {
		for (const lt of LEAD_TIMES) {
			const f = metrics.doorlooptijden[lt.id];
			if (f.met_norm === 0 || isHidden(f.binnen_norm) || !isRatioShown(f.met_norm, mode)) continue;
			const share = f.binnen_norm / f.met_norm;
			if (!weakest || share < weakest.share) {
				weakest = { corporation, id: lt.id, share, binnen: f.binnen_norm, met: f.met_norm };
			}
		}
	}
	if (!weakest) {
		return mode === 'publicatie'
			? 'De doorlooptijden tegen de normen zijn in deze periode te klein in aantal om te publiceren.'
			: 'In deze periode is geen doorlooptijd met een norm afgerond.';
	}
	const norm = inForce.get(`${weakest.corporation}|${weakest.id}`);
	const say = speaker('intern')(weakest.binnen, weakest.met);
	return sentences(
		`de zwakste norm: ${lowerFirst(LEAD_TIME_LABELS[weakest.id] ?? weakest.id)} bij ${corporationName(weakest.corporation)}; ` +
			`${formatShare(weakest.share)} binnen de norm${norm === undefined ? '' : ` van ${norm} ${norm === 1 ? 'dag' : 'dagen'}`} ` +
			`(${say.num(weakest.binnen)} van de ${say.num(weakest.met)}).`
	);
}

/**
 * A headline figure as published: the count, `minder dan vijf` for a small one, and for one hidden
 * by the secondary rule the whole numbers a reader can work out from the publication anyway.
 */
function headline(n: number, mode: Mode, range: Range | undefined): string {
	if (n === HIDDEN_SECONDARY) {
		const min = Math.max(range?.min ?? COUNT_THRESHOLD, COUNT_THRESHOLD);
		return range?.max === null || range?.max === undefined
			? `ten minste ${formatCount(min)}`
			: `${formatCount(min)} t/m ${formatCount(range.max)}`;
	}
	return isSuppressedCount(n, mode)
		? `minder dan ${numberWord(COUNT_THRESHOLD)}`
		: displayCount(n, mode);
}

/**
 * The chain in one sentence, from its published figures: of the households with a vonnis, how many
 * had an aanmelding at debt help in the year before, and with how many of those the eviction was
 * prevented; and how many dossiers with a vonnis the chain leaves out (no address key).
 */
function chainBullet(keten: KetenFigures, mode: Mode): string | null {
	const m = keten.totaal;
	if (m.vonnissen === 0 && m.vonnissen_zonder_adressleutel === 0) return null;
	const say = speaker(mode)(m.vonnissen, m.met_aanmelding_shv, m.voorkomen_met_shv);
	const outside = speaker(mode)(m.vonnissen_zonder_adressleutel);
	const zonder = m.vonnissen_zonder_adressleutel;
	const aangemeld =
		m.met_aanmelding_shv === 0
			? `was er geen in het jaar ervoor aangemeld bij de schuldhulpverlening`
			: `${say.agree(m.met_aanmelding_shv, 'was', 'waren')} er ${say.num(m.met_aanmelding_shv)} in het jaar ervoor aangemeld bij de schuldhulpverlening; bij ${m.voorkomen_met_shv === 0 ? 'geen van hen' : `${say.num(m.voorkomen_met_shv)} daarvan`} werd de ontruiming voorkomen`;
	return sentences(
		m.vonnissen === 0
			? 'van signaal tot vonnis: geen dossier met een adressleutel kreeg een vonnis.'
			: `van signaal tot vonnis: van de ${say.amount(m.vonnissen, 'huishouden', 'huishoudens')} met een vonnis ${aangemeld}.`,
		zonder !== 0 &&
			`${outside.amount(zonder, 'dossier', 'dossiers')} met een vonnis ${outside.agree(zonder, 'telt', 'tellen')} niet mee (geen adressleutel).`
	);
}

/** The briefing for the figures of a selection, in the given mode, from the publication's protected cells. */
export function draftBriefing(
	exact: DashboardFigures & { keten?: KetenFigures | null },
	mode: Mode,
	norms: readonly Norm[] = DEFAULT_NORMS,
	protection: Protection = protectFigures(exact, mode)
): Briefing {
	const figures = publishedFigures(exact, protection);
	const keten = exact.keten ? publishedBlocks({ keten: exact.keten }, protection).keten : null;
	const chain = keten ? chainBullet(keten, mode) : null;
	const total = figures.current.totaal;
	const period = periodPhrase(figures.previousPeriod.van, figures.previousPeriod.tot);
	return {
		figures: BRIEFING_FIGURES.map((f) => ({
			id: f.id,
			label: f.label,
			display: headline(countOf(total, f.id), mode, protection.ranges.get(cellId(TOTAL, f.id))),
			change: changeText(countOf(total, f.id), countOf(figures.previous, f.id), mode)
		})),
		bullets: [
			largestChange(total, figures.previous, period, mode),
			weakestNorm(figures, norms, mode),
			evictionSentence(total, speaker(mode), ' in deze periode'),
			...(chain ? [chain] : [])
		]
	};
}
