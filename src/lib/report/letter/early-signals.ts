/** Vroegsignalering (Wgs): the municipality's side of "na één maand huurachterstand wordt actie ondernomen". */
import { gemeenteLabel } from '../../domain/gemeenten';
import type { VsDocument } from '../../metrics/vroegsignalering';
import { displayDays, NOT_SHOWN } from '../publication';
import { joinList, sentences } from './grammar';
import type { Context } from './types';

/** The rent signals of the DDAS deliveries and what became of the rent cases of the period. */
export function earlySignals(ctx: Context, doc: VsDocument): string {
	const m = doc.totaal;
	const signals = ctx.say(m.signalen_huur);
	const funnel = ctx.say(m.zaken_huur, m.opgepakt, m.bereikt, m.hulp);
	const others = ctx.say(m.meervoudig);
	const gemeenten = doc.selectie.gemeenten.map(gemeenteLabel);
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
