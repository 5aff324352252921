/** Van signaal tot vonnis: the households with a court ruling, and what the chain did before it. */
import type { KetenFigures } from '../../metrics/keten';
import { displayDays, NOT_SHOWN } from '../publication';
import { sentences } from './grammar';
import type { Context } from './types';

/**
 * The chain paragraph (ddas-schuldhulpverlening.md, "The chain"), from the published figures: how
 * many dossiers with a vonnis had a rent signal and an aanmelding at debt help in the year before,
 * and how often the eviction was prevented with and without that aanmelding.
 */
export function chain(ctx: Context, figures: KetenFigures): string {
	const m = figures.totaal;
	const cohort = ctx.say(
		m.vonnissen,
		m.met_huursignaal,
		m.met_aanmelding_shv,
		m.met_eerste_gesprek_shv
	);
	const prevented = ctx.say(m.voorkomen_met_shv, m.voorkomen_zonder_shv);
	const zonder = m.vonnissen_zonder_adressleutel;
	const outside = ctx.say(zonder);
	const lt = m.doorlooptijd_signaal_aanmelding;
	const days = displayDays(lt.mediaan, lt.n, ctx.mode);
	const shownDays = lt.n > 0 && !cohort.hidden(lt.n) && days !== NOT_SHOWN;
	return sentences(
		m.vonnissen === 0
			? `${ctx.period} is${ctx.bij} bij geen dossier met een adressleutel een vonnis uitgesproken; de keten van signaal tot vonnis is daarom niet te beschrijven.`
			: `${ctx.period} ${cohort.agree(m.vonnissen, 'kreeg', 'kregen')}${ctx.bij} ${cohort.amount(m.vonnissen, 'huishouden', 'huishoudens')} met een adressleutel een vonnis. Daarvan ${cohort.agree(m.met_huursignaal, 'had', 'hadden')} er ${cohort.num(m.met_huursignaal)} in het jaar voor het vonnis een signaal van huurachterstand in de vroegsignalering, ${cohort.agree(m.met_aanmelding_shv, 'was', 'waren')} er ${cohort.num(m.met_aanmelding_shv)} in dat jaar aangemeld bij de schuldhulpverlening en ${cohort.agree(m.met_eerste_gesprek_shv, 'had', 'hadden')} ${cohort.num(m.met_eerste_gesprek_shv)} daarvan voor het vonnis een eerste gesprek.`,
		m.vonnissen !== 0 &&
			`De ontruiming werd voorkomen bij ${prevented.amount(m.voorkomen_met_shv, 'huishouden', 'huishoudens')} met en ${prevented.amount(m.voorkomen_zonder_shv, 'huishouden', 'huishoudens')} zonder aanmelding bij de schuldhulpverlening.`,
		shownDays &&
			`Tussen het eerste huursignaal en de aanmelding bij de schuldhulp lagen mediaan ${days} ${lt.mediaan === 1 ? 'dag' : 'dagen'}.`,
		zonder === 0
			? m.vonnissen !== 0 &&
					'Alle dossiers met een vonnis in de periode hadden een adressleutel; de sleutel is een gepseudonimiseerd adres, geen adres zelf.'
			: `${outside.amount(zonder, 'dossier', 'dossiers')} met een vonnis in de periode ${outside.agree(zonder, 'had', 'hadden')} geen adressleutel en ${outside.agree(zonder, 'telt', 'tellen')} daarom niet mee: de keten is onvolledig. Alleen dossiers waarvan de corporatie een adressleutel meeleverde tellen mee; de sleutel is een gepseudonimiseerd adres, geen adres zelf.`
	);
}
