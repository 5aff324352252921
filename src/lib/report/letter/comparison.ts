/** The letter's comparison with the previous period: signals, referrals, aanzeggingen, evictions. */
import { figuresIn, type Figure } from '../../metrics/catalog';
import { countOf } from '../../metrics/values';
import { periodPhrase } from '../format';
import { HIDDEN_SECONDARY } from '../publication';
import { sentences, speaker } from './grammar';
import type { Context } from './types';

/** The figures compared with the previous period. */
const COMPARED = figuresIn('vergelijking');

/** Vergelijking met de vorige periode: each figure's change, the previous period named once. */
export function comparison(ctx: Context): string {
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
