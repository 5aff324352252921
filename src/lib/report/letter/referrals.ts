/** Artikel 4 b: the signals of one month's arrears and the referrals to SDV and the SWT. */
import { sentences, type Say } from './grammar';
import type { Context } from './types';

/** Signalen en meldingen. */
export function referrals(ctx: Context): string {
	const t = ctx.input.totaal;
	const signals = ctx.say(t.signalen);
	const reports = ctx.say(t.meldingen_sdv, t.meldingen_swt);
	const zeroOr = (s: Say, n: number) => (n === 0 ? 'geen' : s.num(n));
	return sentences(
		`In deze periode ${signals.agree(t.signalen, 'is', 'zijn')}${ctx.bij} ${signals.amount(t.signalen, 'signaal', 'signalen')} van een huurachterstand van één maand geregistreerd.`,
		t.meldingen_sdv === 0 && t.meldingen_swt === 0
			? 'Er zijn geen meldingen gedaan bij Schulddienstverlening (SDV) of het Sociaal Wijkteam (SWT).'
			: `Schulddienstverlening (SDV) heeft ${reports.amount(t.meldingen_sdv, 'melding', 'meldingen')} ontvangen en het Sociaal Wijkteam (SWT) ${zeroOr(reports, t.meldingen_swt)}.`
	);
}
