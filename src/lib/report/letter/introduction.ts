/** The letter's opening paragraph: what the letter is about and whose figures these are. */
import { corporationsPhrase, doelgroepPhrase, joinList, labelName, sentences } from './grammar';
import { periodPhrase } from '../format';
import type { Context } from './types';

/** Inleiding: the werkafspraken, Artikel 4 and the selection in words. */
export function introduction(ctx: Context): string {
	const { selection } = ctx.input;
	const corporations = selection.corporaties.length
		? corporationsPhrase(selection.corporaties)
		: 'een van de corporaties';
	const wijken = selection.wijken?.length
		? `, in de ${selection.wijken.length === 1 ? 'wijk' : 'wijken'} ${joinList(selection.wijken.map(labelName))}`
		: '';
	return sentences(
		`Hierbij informeer ik u over de resultaten van de werkafspraken preventie huisuitzettingen in ${periodPhrase(selection.van, selection.tot)}.`,
		`In deze werkafspraken hebben de gemeente ${ctx.input.municipality ?? 'Haarlem'}, Schulddienstverlening, de Sociale Wijkteams en de woningcorporaties afgesproken hoe zij samen huisuitzettingen zo veel mogelijk voorkomen.`,
		'Artikel 4 vraagt om een halfjaarlijkse evaluatie van de samenwerking en communicatie, het aantal meldingen, het aantal ontruimingen en de redenen daarvan, het aantal voorkomen huisuitzettingen en de doorlooptijden.',
		`De cijfers in deze brief gaan over ${doelgroepPhrase(selection.doelgroepen)} die huren bij ${corporations}${wijken}.`
	);
}
