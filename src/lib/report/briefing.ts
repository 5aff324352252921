/** The alderman's one-page briefing: six headline figures with their change and three bullets; pure. */
import { REASONS } from '../domain/codes';
import { LEAD_TIMES, normsInForce, DEFAULT_NORMS, type Norm } from '../domain/lead-times';
import type { DashboardFigures } from '../metrics/dashboard';
import type { Metrics } from '../metrics/types';
import {
	corporationName,
	FIGURE_LABELS,
	formatPeriod,
	formatShare,
	LEAD_TIME_LABELS
} from './format';
import { joinList, sentences, speaker } from './letter-words';
import {
	displayCount,
	HIDDEN_SECONDARY,
	isHidden,
	isRatioShown,
	isSuppressedCount,
	type Mode
} from './publication';
import { protectFigures, publishedFigures, type Protection } from './protected-figures';

export const BRIEFING_FIGURES = [
	'signalen',
	'meldingen_sdv',
	'vonnissen',
	'aanzeggingen',
	'aanzeggingen_voorkomen',
	'ontruimingen'
] as const;
type FigureId = (typeof BRIEFING_FIGURES)[number];

export interface BriefingFigure {
	id: FigureId;
	label: string;
	/** As published in the mode. */
	display: string;
	/** The change against the previous period, as published (empty when it cannot be shown). */
	change: string;
}

export interface Briefing {
	figures: BriefingFigure[];
	bullets: [string, string, string];
}

const NOUNS: Record<FigureId, [string, string]> = {
	signalen: ['signaal', 'signalen'],
	meldingen_sdv: ['melding bij Schulddienstverlening', 'meldingen bij Schulddienstverlening'],
	vonnissen: ['vonnis', 'vonnissen'],
	aanzeggingen: ['aanzegging', 'aanzeggingen'],
	aanzeggingen_voorkomen: ['voorkomen ontruiming', 'voorkomen ontruimingen'],
	ontruimingen: ['ontruiming', 'ontruimingen']
};

const REASON_WORDS: Record<string, string> = {
	huurachterstand: 'huurachterstand',
	overlast: 'overlast',
	hennep_drugs: 'hennep of drugs',
	woonfraude: 'woonfraude',
	overig: 'een andere reden',
	onbekend: 'een onbekende reden'
};

function changeText(now: number, before: number, mode: Mode): string {
	if (isSuppressedCount(now, mode) || isSuppressedCount(before, mode)) return '';
	const d = now - before;
	if (d === 0) return 'gelijk aan de vorige periode';
	return `${d > 0 ? '+' : '−'}${displayCount(Math.abs(d), 'intern')} t.o.v. de vorige periode (${displayCount(before, mode)})`;
}

function largestChange(current: Metrics, previous: Metrics, period: string, mode: Mode): string {
	const candidates = BRIEFING_FIGURES.filter(
		(id) => !isSuppressedCount(current[id], mode) && !isSuppressedCount(previous[id], mode)
	)
		.map((id) => ({ id, d: current[id] - previous[id] }))
		.sort((a, b) => Math.abs(b.d) - Math.abs(a.d));
	const top = candidates[0];
	if (!top || top.d === 0) {
		return `Ten opzichte van de periode van ${period} zijn de kerncijfers gelijk gebleven of alleen in kleine aantallen veranderd.`;
	}
	const [singular, plural] = NOUNS[top.id];
	const say = speaker(mode)(current[top.id], previous[top.id], Math.abs(top.d));
	return sentences(
		`de grootste verandering ten opzichte van de periode van ${period}: ${say.amount(current[top.id], singular, plural)}, ` +
			`${top.d > 0 ? 'een stijging' : 'een daling'} van ${say.exact(Math.abs(top.d))} (was ${say.num(previous[top.id])}).`
	);
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
		`de zwakste norm: ${LEAD_TIME_LABELS[weakest.id]?.toLowerCase()} bij ${corporationName(weakest.corporation)}; ` +
			`${formatShare(weakest.share)} binnen de norm${norm === undefined ? '' : ` van ${norm} dagen`} ` +
			`(${say.num(weakest.binnen)} van de ${say.num(weakest.met)}).`
	);
}

function evictions(total: Metrics, mode: Mode): string {
	const n = total.ontruimingen;
	const say = speaker(mode)(n);
	if (n === 0) return 'Er waren in deze periode geen ontruimingen.';
	if (n === HIDDEN_SECONDARY) {
		return 'Het aantal ontruimingen en hun redenen worden in de publicatieversie niet vermeld.';
	}
	if (say.hidden(n)) {
		return 'Er waren in deze periode minder dan vijf ontruimingen; de redenen worden in de publicatieversie niet uitgesplitst.';
	}
	// Hidden counts after the shown ones (`x`, at least five, before `< 5`), never by their values.
	const order = (k: number) => (isHidden(k) ? (k === HIDDEN_SECONDARY ? 1 : 0) : k + 2);
	const parts = REASONS.filter((r) => total.ontruimingen_per_reden[r] !== 0)
		.sort((a, b) => order(total.ontruimingen_per_reden[b]) - order(total.ontruimingen_per_reden[a]))
		.map((r) => {
			const k = total.ontruimingen_per_reden[r];
			return `${speaker(mode)(k, n).num(k)} wegens ${REASON_WORDS[r]}`;
		});
	return sentences(
		`er ${say.agree(n, 'was', 'waren')} ${say.amount(n, 'ontruiming', 'ontruimingen')}: ${joinList(parts)}.`
	);
}

/** The briefing for the figures of a selection, in the given mode, from the publication's protected cells. */
export function draftBriefing(
	exact: DashboardFigures,
	mode: Mode,
	norms: readonly Norm[] = DEFAULT_NORMS,
	protection: Protection = protectFigures(exact, mode)
): Briefing {
	const figures = publishedFigures(exact, protection);
	const total = figures.current.totaal;
	const period = formatPeriod(figures.previousPeriod.van, figures.previousPeriod.tot);
	return {
		figures: BRIEFING_FIGURES.map((id) => ({
			id,
			label: FIGURE_LABELS[id] ?? id,
			display: displayCount(total[id], mode),
			change: changeText(total[id], figures.previous[id], mode)
		})),
		bullets: [
			largestChange(total, figures.previous, period, mode),
			weakestNorm(figures, norms, mode),
			evictions(total, mode)
		]
	};
}
