/**
 * Dutch words for an error that was not foreseen (a bug, or memory running out): the page, the
 * import worker and the command line never show a JavaScript message or stack, which would be
 * English and could quote the file being read.
 */
import type { RefusalCode } from './types';

/** True for the errors of running out of room: strings, arrays or the stack too large. */
export function isCapacityError(error: unknown): boolean {
	return error instanceof RangeError;
}

/** The refusal code of a file whose reading threw. */
export function failureCode(error: unknown): RefusalCode {
	return isCapacityError(error) ? 'te_groot' : 'geen_csv';
}

/** What went wrong reading one file, to follow `bestand: ` (lower case, a whole sentence). */
export function failureText(error: unknown): string {
	return isCapacityError(error)
		? 'het bestand is te groot (of te diep genest) om te lezen; er is niets van geladen. Splits de export, bijvoorbeeld per jaar of per corporatie.'
		: 'het bestand kon door een onverwachte fout niet worden gelezen; er is niets van geladen. Meld dit aan de beheerder van het dashboard, zo mogelijk met het bestand.';
}

/** What went wrong with a whole load (a sentence on its own): the page and the command line. */
export function loadFailureText(error: unknown): string {
	return isCapacityError(error)
		? 'Het inlezen is gestopt: de bestanden zijn te groot voor het geheugen. Er is niets geladen en de huidige gegevens blijven staan. Splits de export, bijvoorbeeld per jaar of per corporatie.'
		: 'Het inlezen is gestopt door een onverwachte fout. Er is niets geladen en de huidige gegevens blijven staan. Meld dit aan de beheerder van het dashboard, zo mogelijk met de bestanden.';
}
