/** Artikel 4 e: the median lead times and how often the agreed norm was met. */
import { LEAD_TIMES, type LeadTimeId } from '../../domain/lead-times';
import { NORMED_LEAD_TIMES } from '../../metrics/catalog';
import { formatDays, formatShare } from '../format';
import { isHidden, isQuantileShown, MIN_DENOMINATOR, MIN_QUANTILE_N } from '../publication';
import { joinList, LEAD_TIME_PHRASES, numberWord, sentences } from './grammar';
import { shareShown } from './published';
import type { Context } from './types';

/** Doorlooptijden: the five with a norm, and any other lead time measured against one. */
export function leadTimes(ctx: Context): string {
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
		`Voor ${numberWord(ids.length)} ${ids.length === 1 ? 'doorlooptijd' : 'doorlooptijden'} zijn in de werkafspraken termijnen (normen) afgesproken.`,
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
