/** Building blocks of the letter's Dutch: counts with agreement, lists, the doelgroep and corporations. */
import { PRIORITY_GROUPS } from '../domain/codes';
import { corporationName, formatCount, orderCorporations } from './format';
import { capitalize, hasWord, numberWord } from './number-words';
import { COUNT_THRESHOLD, HIDDEN_SECONDARY, isSuppressedCount, type Mode } from './publication';

/** How counts are written in one sentence. */
export interface Say {
	/** Whether the count is hidden (publication mode, 1–4). */
	hidden(n: number): boolean;
	/**
	 * The count alone: `achttien`, `25`, `minder dan vijf` (0 is `nul`; callers say `geen`); a count
	 * hidden by the secondary rule is `een aantal`.
	 */
	num(n: number): string;
	/** A number that is never hidden (a difference of two shown counts): `drie`, `25`. */
	exact(n: number): string;
	/** The count with its noun: `geen ontruimingen`, `één ontruiming`, `minder dan vijf ontruimingen`. */
	amount(n: number, singular: string, plural: string): string;
	/** The singular or plural form agreeing with the count (`minder dan vijf` is plural). */
	agree(n: number, singular: string, plural: string): string;
}

/**
 * A writer of counts for one sentence. Counts up to twenty are words, larger ones digits; as the
 * Taalunie advises, a sentence that holds a count above twenty writes all its counts in digits.
 */
export function speaker(mode: Mode): (...counts: number[]) => Say {
	const hidden = (n: number) => isSuppressedCount(n, mode);
	return (...counts) => {
		const digits = counts.some((n) => !hidden(n) && !hasWord(n));
		const write = (n: number) => (digits ? formatCount(n) : numberWord(n));
		const num = (n: number) =>
			n === HIDDEN_SECONDARY
				? 'een aantal'
				: hidden(n)
					? `minder dan ${write(COUNT_THRESHOLD)}`
					: write(n);
		const agree = (n: number, singular: string, plural: string) =>
			n === 1 && !hidden(n) ? singular : plural;
		return {
			hidden,
			num,
			exact: write,
			agree,
			amount: (n, singular, plural) =>
				n === 0 ? `geen ${plural}` : `${num(n)} ${agree(n, singular, plural)}`
		};
	};
}

/** `a`, `a en b`, `a, b en c` (or with `of`). */
export function joinList(items: readonly string[], last = 'en'): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Sentences to one text: each capitalized, separated by one space. */
export function sentences(...parts: (string | null | undefined | false)[]): string {
	return parts
		.filter((part): part is string => typeof part === 'string' && part.length > 0)
		.map(capitalize)
		.join(' ');
}

const GROUPS: Record<string, [singular: string, plural: string]> = {
	gezin_met_kinderen: ['een gezin met kinderen', 'gezinnen met kinderen'],
	senior: ['een senior', 'senioren'],
	oggz: ['een kwetsbare persoon', 'kwetsbare personen'],
	overig: ['een overige huurder', 'overige huurders']
};
const GROUP_ORDER = Object.keys(GROUPS);

function groupPlural(code: string): string {
	return GROUPS[code]?.[1] ?? code.replace(/_/g, ' ');
}

/**
 * The doelgroep of a selection in words: the three priority groups as "huishoudens uit de
 * prioritaire doelgroepen (…)", one group by its own name ("gezinnen met kinderen").
 */
export function doelgroepPhrase(doelgroepen: readonly string[], singular = false): string {
	const codes = [...new Set(doelgroepen)].sort(
		(a, b) => rank(GROUP_ORDER, a) - rank(GROUP_ORDER, b) || a.localeCompare(b)
	);
	const listed = joinList(codes.map(groupPlural));
	const isPriority =
		codes.length === PRIORITY_GROUPS.length && PRIORITY_GROUPS.every((g) => codes.includes(g));
	if (isPriority) {
		return `${singular ? 'een huishouden' : 'huishoudens'} uit de prioritaire doelgroepen (${listed})`;
	}
	if (codes.length === GROUP_ORDER.length && GROUP_ORDER.every((g) => codes.includes(g))) {
		return `${singular ? 'een huishouden' : 'alle huishoudens'} (${listed})`;
	}
	if (codes.length === 0) return singular ? 'een huishouden' : 'huishoudens';
	const only = codes.length === 1 ? codes[0] : undefined;
	if (only !== undefined) {
		const known = GROUPS[only];
		if (known) return singular ? known[0] : known[1];
		return singular ? `een huishouden uit de doelgroep ${groupPlural(only)}` : groupPlural(only);
	}
	return singular ? `een huishouden uit de doelgroepen ${listed}` : listed;
}

function rank(order: readonly string[], value: string): number {
	const i = order.indexOf(value);
	return i === -1 ? order.length : i;
}

/** A normalized label (wijk) for running text: `haarlem_oost` → `Haarlem Oost`. */
export function labelName(label: string): string {
	return label
		.split('_')
		.filter(Boolean)
		.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
		.join(' ');
}

/** Corporations in running text: `Ymere`, `Ymere, Pré Wonen of Elan Wonen`. */
export function corporationsPhrase(labels: readonly string[], last = 'of'): string {
	return joinList(orderCorporations(labels).map(corporationName), last);
}
