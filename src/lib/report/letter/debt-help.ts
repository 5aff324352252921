/** Schuldhulpverlening (Wgs): the debt-help side of "binnen een week uitgenodigd", against the legal norms. */
import { gemeenteLabel } from '../../domain/gemeenten';
import type { ShvDocument } from '../../metrics/schuldhulpverlening';
import { formatDate } from '../format';
import { joinList, sentences } from './grammar';
import type { Context } from './types';

/** The aanmeldingen of the period, the first conversations and beschikkingen within the Wgs norms. */
export function debtHelp(ctx: Context, doc: ShvDocument): string {
	const m = doc.totaal;
	const gemeenten = doc.selectie.gemeenten.map(gemeenteLabel);
	const where =
		gemeenten.length === 1 ? `gemeente ${gemeenten[0]}` : `de gemeenten ${joinList(gemeenten)}`;
	const intake = ctx.say(
		m.aanmeldingen,
		m.aanmeldingen_crisis,
		m.eerste_gesprek.n,
		m.eerste_gesprek.binnen_norm
	);
	const waiting = ctx.say(m.eerste_gesprek.open_boven_norm);
	const decision = ctx.say(m.beschikking.n, m.beschikking.binnen_norm);
	return sentences(
		m.aanmeldingen === 0
			? `Volgens de leveringen schuldhulpverlening van ${where} (het landelijke DDAS-uitwisselmodel) heeft zich in deze periode niemand aangemeld.`
			: `Volgens de leveringen schuldhulpverlening van ${where} (het landelijke DDAS-uitwisselmodel) ${intake.agree(m.aanmeldingen, 'heeft', 'hebben')} zich in deze periode ${intake.amount(m.aanmeldingen, 'huishouden', 'huishoudens')} aangemeld, ${m.aanmeldingen_crisis === 0 ? 'geen van hen' : `van wie ${intake.num(m.aanmeldingen_crisis)}`} met een crisis zoals een dreigende ontruiming.`,
		m.eerste_gesprek.n !== 0 &&
			`Van de ${intake.num(m.eerste_gesprek.n)} ${intake.agree(m.eerste_gesprek.n, 'aanmelding', 'aanmeldingen')} met een eerste gesprek ${intake.agree(m.eerste_gesprek.binnen_norm, 'vond', 'vonden')} er ${intake.num(m.eerste_gesprek.binnen_norm)} plaats binnen de wettelijke termijn (vier weken, drie werkdagen bij een crisis).`,
		m.eerste_gesprek.open_boven_norm !== 0 &&
			`Op ${formatDate(doc.selectie.peildatum)} ${waiting.agree(m.eerste_gesprek.open_boven_norm, 'wachtte', 'wachtten')} ${waiting.amount(m.eerste_gesprek.open_boven_norm, 'huishouden', 'huishoudens')} nog op een eerste gesprek terwijl die termijn al verstreken was.`,
		m.beschikking.n !== 0 &&
			`Van de ${decision.num(m.beschikking.n)} ${decision.agree(m.beschikking.n, 'beschikking', 'beschikkingen')} ${decision.agree(m.beschikking.binnen_norm, 'werd', 'werden')} er ${decision.num(m.beschikking.binnen_norm)} binnen acht weken na het eerste gesprek afgegeven.`,
		'De leveringen noemen de verhuurder niet; deze cijfers gelden voor alle inwoners samen en volgen niet de keuze van corporaties, doelgroepen en wijken.'
	);
}
