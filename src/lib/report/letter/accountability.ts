/** The letter's closing paragraph: how the figures were made and, in publication mode, what is left out. */
import { formatDate } from '../format';
import { COUNT_THRESHOLD, MIN_DENOMINATOR, MIN_QUANTILE_N, SECONDARY_MARK } from '../publication';
import { numberWord, sentences } from './grammar';
import type { Context } from './types';

/** Verantwoording: the source, the definitions of voorkomen and lopend, and the publication rules. */
export function accountability(ctx: Context): string {
	const { selection } = ctx.input;
	const peildatum = selection.peildatum ? ` (${formatDate(selection.peildatum)})` : '';
	return sentences(
		'De cijfers zijn berekend met het evaluatiedashboard preventie huisuitzettingen uit de geanonimiseerde registraties van de partijen, volgens de definities op de pagina Verantwoording van het dashboard.',
		`Een aanzegging of vonnis geldt als voorkomen wanneer het dossier daarna is afgesloten zonder ontruiming, en als lopend wanneer het dossier op de peildatum${peildatum} nog niet is afgesloten.`,
		ctx.mode === 'publicatie'
			? `In deze publicatieversie zijn aantallen van één tot en met ${numberWord(COUNT_THRESHOLD - 1)} weergegeven als ‘minder dan ${numberWord(COUNT_THRESHOLD)}’ (in de tabellen ‘< ${COUNT_THRESHOLD}’). Waar zo’n klein aantal anders uit de andere cijfers terug te rekenen zou zijn, is ook een ander aantal weggelaten (in de tabellen ‘${SECONDARY_MARK}’); een 0 is een echte nul. Percentages met een noemer onder ${numberWord(MIN_DENOMINATOR)} of met een weggelaten teller of noemer en doorlooptijden over minder dan ${numberWord(MIN_QUANTILE_N)} zaken zijn weggelaten.`
			: 'Dit is een interne werkversie met exacte aantallen; deze is niet bedoeld voor publicatie.'
	);
}
