/** Artikel 4 a: the steps of the werkafspraken by which the cooperation can be followed. */
import { COOPERATION, NORMED_LEAD_TIMES } from '../../metrics/catalog';
import { formatShare } from '../format';
import { COUNT_THRESHOLD, HIDDEN_SECONDARY, isHidden, MIN_DENOMINATOR } from '../publication';
import { COOPERATION_WORDS, joinList, numberWord, sentences, theOnly } from './grammar';
import { portion, shareShown } from './published';
import type { Context } from './types';

/** Samenwerking en communicatie: each cooperation rule of the catalog in one sentence. */
export function cooperation(ctx: Context): string {
	const t = ctx.input.totaal;
	let omitted = false;
	const lines = COOPERATION.map(({ id, noun }) => {
		const w = COOPERATION_WORDS[id];
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
			? [
					`In deze periode zijn er ${joinList(COOPERATION.map((c) => COOPERATION_WORDS[c.id].noneClause))}.`
				]
			: lines),
		omitted &&
			`Percentages zijn alleen vermeld bij ten minste ${numberWord(MIN_DENOMINATOR)} zaken.`,
		NORMED_LEAD_TIMES.some((id) => t.doorlooptijden[id].met_norm > 0) &&
			'Hoe vaak de afgesproken termijnen zijn gehaald, staat bij de doorlooptijden.'
	);
}
