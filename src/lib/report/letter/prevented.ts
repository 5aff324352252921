/**
 * Artikel 4 d: what became of the aanzeggingen and vonnissen of the period (voorkomen, ontruimd,
 * lopend), how that differs from the evictions carried out in the period, and the national figure.
 */
import { AEDES, AEDES_AANDEEL_NIET_UITGEVOERD } from '../../domain/national';
import type { Metrics } from '../../metrics/types';
import { formatCount, formatShare } from '../format';
import { HIDDEN_SECONDARY, MIN_DENOMINATOR } from '../publication';
import { doelgroepPhrase, joinList, numberWord, sentences, type Say } from './grammar';
import { NOT_STATED, portion, shareShown } from './published';
import type { Context } from './types';

type Figure = 'aanzeggingen' | 'vonnissen';

/** Whether the aanzeggingen of the period were split by outcome, and if not, why. */
type Split = 'gesplitst' | 'geen' | 'klein' | 'verborgen';

/** Voorkomen huisuitzettingen. */
export function prevented(ctx: Context): string {
	const t = ctx.input.totaal;
	const notices = aanzeggingen(ctx, t);
	return sentences(
		...notices.sentences,
		notices.split === 'gesplitst' && bridge(ctx, t),
		...vonnissen(ctx, t, notices.split)
	);
}

/**
 * The sentence that says how "op twee na voorkomen" fits "één ontruiming" in c: here the outcome
 * of the period's aanzeggingen (an eviction may come after the period), there the evictions
 * carried out in the period (after an aanzegging of any period). Null when the two agree.
 */
function bridge(ctx: Context, t: Metrics): string | null {
	const o = t.aanzeggingen_ontruimd;
	const n = t.ontruimingen;
	if (o === 0 && n === 0) return null;
	const shown = (k: number) => !ctx.say().hidden(k);
	if (shown(o) && shown(n) && o === n) return null;
	if (o === 0) {
		return n === 1 && shown(n)
			? 'De ontruiming hierboven volgde dus niet op een aanzegging uit deze periode.'
			: 'De ontruimingen hierboven volgden dus niet op een aanzegging uit deze periode.';
	}
	return 'Het gaat hier om wat er van de aanzeggingen uit deze periode is geworden, ook als de ontruiming pas later plaatsvond; bij de ontruimingen hierboven telt elke ontruiming die in deze periode is uitgevoerd, ook na een aanzegging uit een eerdere periode.';
}

function aanzeggingen(ctx: Context, t: Metrics): { sentences: string[]; split: Split } {
	const total = t.aanzeggingen;
	const { selection } = ctx.input;
	const head = ctx.say(total);
	const v = t.aanzeggingen_voorkomen;
	const o = t.aanzeggingen_ontruimd;
	const l = t.aanzeggingen_lopend;
	const groep = doelgroepPhrase(selection.doelgroepen, total === 1 && !head.hidden(total));
	const tot = 'tot huisuitzetting geweest van';
	if (total === 0) {
		return {
			sentences: [`${ctx.period} zijn er${ctx.bij} geen aanzeggingen ${tot} ${groep}.`],
			split: 'geen'
		};
	}
	if (total === HIDDEN_SECONDARY) {
		return {
			sentences: [`${ctx.period} zijn er${ctx.bij} aanzeggingen ${tot} ${groep}.`, NOT_STATED],
			split: 'verborgen'
		};
	}
	if (head.hidden(total)) {
		return {
			sentences: [
				`${ctx.period} zijn er${ctx.bij} ${head.num(total)} aanzeggingen ${tot} ${groep}.`,
				'Bij zo’n klein aantal wordt de afloop niet uitgesplitst.'
			],
			split: 'klein'
		};
	}
	const said = (...lines: (string | false)[]) => ({
		sentences: lines.filter((x): x is string => typeof x === 'string'),
		split: 'gesplitst' as const
	});
	if (total === 1) {
		const first = `${ctx.period} is er${ctx.bij} één aanzegging ${tot} ${groep}.`;
		if (v === 1 && o === 0 && l === 0) return said(first, 'Deze uitzetting is voorkomen.');
		if (o === 1 && v === 0 && l === 0) {
			return said(first, 'Deze aanzegging heeft tot een ontruiming geleid.');
		}
		if (l === 1 && v === 0 && o === 0) return said(first, 'Deze zaak loopt nog.');
		return said(first);
	}
	const first = `${ctx.period} zijn${ctx.bij} in totaal ${head.num(total)} aanzeggingen ${tot} ${groep}.`;
	if ([v, o, l].some((n) => ctx.say().hidden(n))) {
		return said(first, ...hiddenOutcome(ctx, 'aanzeggingen', total, [v, o, l]));
	}
	if (l === 0) return said(first, closedOutcome(ctx.say, v, o, 'deze'));
	const closed = v + o;
	const running =
		closed === 0
			? total === 2
				? 'Beide zaken lopen nog.'
				: 'Deze zaken lopen allemaal nog.'
			: `Hiervan ${ctx.say(l).agree(l, 'loopt', 'lopen')} er nog ${ctx.say(l).num(l)}.`;
	return said(first, running, closed > 0 && closedOutcome(ctx.say, v, o, 'de overige'));
}

/** Who a part of the outcome is: a count (`veertien`, `minder dan vijf`) or a portion (`de meeste`). */
interface Who {
	text: string;
	/** Whether the verb is singular. */
	one: boolean;
	/** A portion (`een deel`, `de meeste`) takes no `er`. */
	part: boolean;
}

/**
 * The outcome in words: `zijn er veertien voorkomen`, `hebben er minder dan vijf tot een
 * ontruiming geleid`, `lopen er nog minder dan vijf` (for a vonnis: `zijn er … wel uitgevoerd`,
 * `loopt de zaak nog bij …`). `first`: the clause follows a lead ("Hiervan …"); else it opens a
 * clause with its subject ("minder dan vijf aanzeggingen hebben …").
 */
const OUTCOME = {
	aanzeggingen: {
		done: 'voorkomen',
		evicted: (w: Who, first: boolean) =>
			first
				? `${w.one ? 'heeft' : 'hebben'}${w.part ? '' : ' er'} ${w.text} tot een ontruiming geleid`
				: `${w.text}${w.part ? '' : w.one ? ' aanzegging' : ' aanzeggingen'} ${w.one ? 'heeft' : 'hebben'} tot een ontruiming geleid`,
		running: (w: Who, first: boolean) =>
			first
				? `${w.one ? 'loopt' : 'lopen'}${w.part ? ` ${w.text} nog` : ` er nog ${w.text}`}`
				: `${w.text} ${w.one ? 'loopt' : 'lopen'} nog`
	},
	vonnissen: {
		done: 'niet uitgevoerd',
		evicted: (w: Who, first: boolean) =>
			first
				? `${w.one ? 'is' : 'zijn'}${w.part ? '' : ' er'} ${w.text} uitgevoerd`
				: `${w.text} ${w.one ? 'is' : 'zijn'} wel uitgevoerd`,
		running: (w: Who, first: boolean) =>
			first ? `loopt de zaak nog bij ${w.text}` : `bij ${w.text} loopt de zaak nog`
	}
} as const;

/**
 * The outcome of aanzeggingen or vonnissen when one of voorkomen, ontruimd or lopend is hidden,
 * in one sentence: a hidden count as `minder dan vijf`, or in words a reader can also work out from
 * the tables ("vrijwel allemaal", "de meeste"); never a difference of two counts.
 */
function hiddenOutcome(
	ctx: Context,
	figure: Figure,
	total: number,
	[v, o, l]: [number, number, number]
): string[] {
	const words = OUTCOME[figure];
	const s = ctx.say(total, v, o, l);
	const part = (status: string) => portion(ctx.range(`${figure}_${status}`), total);
	const who = (n: number, status: string): Who => {
		if (n !== HIDDEN_SECONDARY)
			return { text: s.num(n), one: n === 1 && !s.hidden(n), part: false };
		return part(status) === 'deel'
			? { text: 'een deel', one: true, part: true }
			: { text: 'de meeste', one: false, part: true };
	};
	const rest = (first: boolean) => [
		o !== 0 && words.evicted(who(o, 'ontruimd'), first),
		l !== 0 && words.running(who(l, 'lopend'), first)
	];
	const lead =
		figure === 'aanzeggingen' ? 'Hiervan' : `Van de ${s.num(total)} vonnissen in deze periode`;
	if (v === HIDDEN_SECONDARY && part('voorkomen') === 'allemaal') {
		const opening =
			figure === 'vonnissen'
				? `De ${s.num(total)} vonnissen in deze periode zijn vrijwel allemaal niet uitgevoerd`
				: l === 0
					? 'Dankzij de gezamenlijke aanpak van de partijen zijn deze uitzettingen vrijwel allemaal voorkomen'
					: 'Deze uitzettingen zijn vrijwel allemaal voorkomen';
		const after = rest(false).filter((x): x is string => typeof x === 'string');
		return [after.length === 0 ? `${opening}.` : `${opening}; ${joinList(after)}.`];
	}
	const prevented: Who | null =
		v === 0
			? null
			: v === HIDDEN_SECONDARY
				? part('voorkomen') === 'deel'
					? { text: 'een deel', one: true, part: true }
					: { text: 'de meeste', one: false, part: true }
				: who(v, 'voorkomen');
	if (figure === 'vonnissen') {
		const text = vonnisOutcome(
			prevented,
			o === 0 ? null : who(o, 'ontruimd'),
			l === 0 ? null : who(l, 'lopend')
		);
		return text === '' ? [] : [`${lead} ${text}.`];
	}
	const clauses = [
		prevented &&
			`${prevented.one ? 'is' : 'zijn'}${prevented.part ? '' : ' er'} ${prevented.text} ${words.done}`,
		...rest(true)
	].filter((x): x is string => typeof x === 'string');
	return clauses.length === 0 ? [] : [`${lead} ${joinList(clauses)}.`];
}

/**
 * What became of the vonnissen, the verb shared where it can be: "zijn er 19 niet uitgevoerd en
 * 4 wel; bij 2 loopt de zaak nog", "zijn de meeste niet uitgevoerd en minder dan vijf wel".
 */
function vonnisOutcome(v: Who | null, o: Who | null, l: Who | null): string {
	const verb = (w: Who) => (w.one ? 'is' : 'zijn');
	const er = (w: Who) => (w.part ? '' : ' er');
	let out = v ? `${verb(v)}${er(v)} ${v.text} niet uitgevoerd` : '';
	if (o) {
		out += !v
			? `${verb(o)}${er(o)} ${o.text} uitgevoerd`
			: verb(o) === verb(v)
				? ` en ${o.text} wel`
				: ` en ${verb(o)}${er(o)} ${o.text} wel uitgevoerd`;
	}
	if (l) out += out ? `; bij ${l.text} loopt de zaak nog` : `loopt de zaak nog bij ${l.text}`;
	return out;
}

/** "zijn er zeventien voorkomen, hebben er twee tot een ontruiming geleid en loopt er nog één". */
function outcomeList(s: Say, [v, o, l]: [number, number, number]): string {
	const words = OUTCOME.aanzeggingen;
	const who = (n: number): Who => ({ text: s.num(n), one: n === 1, part: false });
	const parts: string[] = [];
	if (v > 0) parts.push(`${s.agree(v, 'is', 'zijn')} er ${s.num(v)} ${words.done}`);
	if (o > 0) parts.push(words.evicted(who(o), true));
	if (l > 0) parts.push(words.running(who(l), true));
	return joinList(parts);
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
	const list = outcomeList(all ? say(v, o) : say(n, v, o), [v, o, 0]);
	return all ? `Hiervan ${list}.` : `Van de overige ${say(n, v, o).num(n)} ${list}.`;
}

/**
 * The outcome of the vonnissen of the period. Paragraph c has said how many there were, so this
 * refers to them ("Van de 25 vonnissen in deze periode …") instead of saying it again.
 */
function vonnissen(ctx: Context, t: Metrics, aanzeggingenSplit: Split): string[] {
	const total = t.vonnissen;
	const v = t.vonnissen_voorkomen;
	const o = t.vonnissen_ontruimd;
	const l = t.vonnissen_lopend;
	const aedes = `Aedes: ${formatCount(AEDES.vonnissen)} vonnissen, ${formatCount(AEDES.ontruimingen)} ontruimingen`;
	const national = `landelijk was dat in ${AEDES.jaar} ongeveer ${formatShare(AEDES_AANDEEL_NIET_UITGEVOERD)} (${aedes})`;
	const nationalAlone = `Landelijk werd in ${AEDES.jaar} ongeveer ${formatShare(AEDES_AANDEEL_NIET_UITGEVOERD)} van de vonnissen niet uitgevoerd (${aedes}).`;
	const head = ctx.say(total);
	if (total === 0) {
		return [
			`Landelijk werd in ${AEDES.jaar} ongeveer ${formatShare(AEDES_AANDEEL_NIET_UITGEVOERD)} van de vonnissen niet uitgevoerd (${aedes}); in deze periode waren er geen vonnissen om daarmee te vergelijken.`
		];
	}
	if (total === HIDDEN_SECONDARY) {
		return [
			'Om kleine aantallen elders te beschermen, wordt ook de afloop van de vonnissen in deze publicatieversie niet vermeld.',
			nationalAlone
		];
	}
	if (head.hidden(total)) {
		return [
			aanzeggingenSplit === 'klein'
				? 'Ook bij de vonnissen wordt de afloop bij zo’n klein aantal niet uitgesplitst.'
				: 'Bij zo’n klein aantal vonnissen wordt de afloop niet uitgesplitst.',
			nationalAlone
		];
	}
	if (total === 1) {
		const outcome =
			v === 1
				? 'Het ene vonnis in deze periode is niet uitgevoerd.'
				: o === 1
					? 'Het ene vonnis in deze periode is uitgevoerd.'
					: 'De zaak van het ene vonnis in deze periode loopt nog.';
		return [outcome, nationalAlone];
	}
	const s = ctx.say(total, v, o, l);
	const all = s.num(total);
	if ([v, o, l].some((n) => s.hidden(n))) {
		return [...hiddenOutcome(ctx, 'vonnissen', total, [v, o, l]), nationalAlone];
	}
	let outcome: string;
	if (v === total) outcome = `Van de ${all} vonnissen in deze periode is er geen uitgevoerd.`;
	else if (o === total)
		outcome =
			total === 2
				? 'Beide vonnissen in deze periode zijn uitgevoerd.'
				: `Alle ${all} vonnissen in deze periode zijn uitgevoerd.`;
	else if (l === total)
		outcome =
			total === 2
				? 'Bij beide vonnissen in deze periode loopt de zaak nog.'
				: `Bij alle ${all} vonnissen in deze periode loopt de zaak nog.`;
	else {
		const who = (n: number): Who | null =>
			n === 0 ? null : { text: s.num(n), one: n === 1, part: false };
		outcome = `Van de ${all} vonnissen in deze periode ${vonnisOutcome(who(v), who(o), who(l))}.`;
	}
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
