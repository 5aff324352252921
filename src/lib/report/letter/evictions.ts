/** Artikel 4 c: the bailiff, the judgments, and the evictions carried out in the period with their reasons. */
import { REASONS, type Reason } from '../../domain/codes';
import type { Metrics } from '../../metrics/types';
import { HIDDEN_PRIMARY, HIDDEN_SECONDARY } from '../publication';
import { joinList, numberWord, reasonPhrase, sentences, type Say } from './grammar';
import { COUNT_THRESHOLD } from '../publication';
import type { Context } from './types';

/** Ontruimingen en hun redenen. */
export function evictions(ctx: Context): string {
	const t = ctx.input.totaal;
	const chain = ctx.say(t.deurwaarder, t.vonnissen);
	return sentences(
		`In deze periode ${chain.agree(t.deurwaarder, 'is', 'zijn')}${ctx.bij} ${chain.amount(t.deurwaarder, 'dossier', 'dossiers')} aan de deurwaarder overgedragen en ${chain.agree(t.vonnissen, 'is', 'zijn')} er ${chain.amount(t.vonnissen, 'vonnis', 'vonnissen')} uitgesproken.`,
		evictionSentence(t, ctx.say)
	);
}

/**
 * The evictions carried out in the period and their reasons, said once: "Er is één ontruiming
 * uitgevoerd, wegens huurachterstand.", "Er zijn acht ontruimingen uitgevoerd: vijf wegens
 * huurachterstand, …; van één is de reden niet bekend." `where` follows the verb (the briefing
 * says ` in deze periode`; the letter's paragraph has said it already). Shared by letter and briefing.
 */
export function evictionSentence(
	t: Metrics,
	say: (...counts: number[]) => Say,
	where = ''
): string {
	const n = t.ontruimingen;
	const perReason = t.ontruimingen_per_reden;
	if (n === 0) return `Er zijn${where} geen ontruimingen uitgevoerd.`;
	if (n === HIDDEN_SECONDARY) {
		return `Er zijn${where} ontruimingen uitgevoerd; om kleine aantallen elders te beschermen, worden het aantal en de redenen in deze publicatieversie niet vermeld.`;
	}
	if (say().hidden(n)) {
		return `Er zijn${where} minder dan ${numberWord(COUNT_THRESHOLD)} ontruimingen uitgevoerd; bij zo’n klein aantal worden de redenen niet uitgesplitst.`;
	}
	// Hidden counts after the shown ones: `x` (at least five) before `< 5`; never by their values.
	const order = (k: number) => (k === HIDDEN_SECONDARY ? -1 : k === HIDDEN_PRIMARY ? -2 : k);
	const known = REASONS.filter((r) => r !== 'onbekend' && perReason[r] !== 0).sort(
		(a, b) => order(perReason[b]) - order(perReason[a]) || REASONS.indexOf(a) - REASONS.indexOf(b)
	);
	const unknown = perReason.onbekend;
	const s = say(n, ...known.map((r) => perReason[r]), unknown);
	const head = `Er ${s.agree(n, 'is', 'zijn')}${where} ${s.amount(n, 'ontruiming', 'ontruimingen')} uitgevoerd`;
	const [first] = known;
	if (first === undefined) {
		if (unknown === 0) return `${head}.`;
		if (unknown === n) {
			return n === 1
				? `${head}; de reden is niet bekend.`
				: `${head}; van geen ervan is de reden bekend.`;
		}
		return `${head}; van ${s.num(unknown)} is de reden niet bekend.`;
	}
	if (known.length === 1 && unknown === 0 && perReason[first] === n) {
		const phrase = reasonPhrase(first);
		if (n === 1) return `${head}, ${phrase}.`;
		return n === 2 ? `${head}, beide ${phrase}.` : `${head}, alle ${s.num(n)} ${phrase}.`;
	}
	// Two or more reasons below five are said once: "wegens overlast en woonfraude elk minder dan vijf keer".
	const small = known.filter((r) => perReason[r] !== HIDDEN_SECONDARY && s.hidden(perReason[r]));
	const listed = small.length >= 2 ? known.filter((r) => !small.includes(r)) : known;
	const parts = listed.map((r) => `${s.num(perReason[r])} ${reasonPhrase(r)}`);
	const group =
		small.length >= 2 ? `${reasonsTogether(small)} elk ${s.num(HIDDEN_PRIMARY)} keer` : '';
	const rest = unknown !== 0 ? `; van ${s.num(unknown)} is de reden niet bekend` : '';
	const said = [parts.length > 0 && joinList(parts), group].filter(Boolean).join('; ');
	return `${head}: ${said}${rest}.`;
}

/** Reasons in one phrase, `wegens` said once: `wegens overlast, hennep of drugs en woonfraude`. */
function reasonsTogether(reasons: readonly Reason[]): string {
	const phrases = reasons.map(reasonPhrase);
	const because = phrases.filter((p) => p.startsWith('wegens '));
	const other = phrases.filter((p) => !p.startsWith('wegens '));
	const merged =
		because.length > 0 ? [`wegens ${joinList(because.map((p) => p.slice('wegens '.length)))}`] : [];
	return joinList([...merged, ...other]);
}
