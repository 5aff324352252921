/** Dutch number words for running text: nul to twintig in words, larger numbers in digits. */
import { formatCount } from './format';

const WORDS = [
	'nul',
	'één',
	'twee',
	'drie',
	'vier',
	'vijf',
	'zes',
	'zeven',
	'acht',
	'negen',
	'tien',
	'elf',
	'twaalf',
	'dertien',
	'veertien',
	'vijftien',
	'zestien',
	'zeventien',
	'achttien',
	'negentien',
	'twintig'
] as const;

/** The largest number written out in words. */
export const LARGEST_WORD = WORDS.length - 1;

/** Whether a number is written out: a whole number from 0 to 20. */
export function hasWord(n: number): boolean {
	return Number.isInteger(n) && n >= 0 && n <= LARGEST_WORD;
}

/**
 * A number as running text: 0–20 in words (`één` accented, as the numeral), others in digits
 * with Dutch grouping (`1.234`).
 */
export function numberWord(n: number): string {
	return hasWord(n) ? (WORDS[n] as string) : formatCount(n);
}

/** Capitalizes the start of a sentence; `één` becomes `Eén` (Taalunie: no accent on the capital). */
export function capitalize(text: string): string {
	if (text.startsWith('één')) return `Eén${text.slice(3)}`;
	return text.charAt(0).toUpperCase() + text.slice(1);
}
