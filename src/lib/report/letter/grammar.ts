/**
 * The Dutch of the letter and the briefing in one place: number words, counts with agreement,
 * lists, sentences, and the phrases of the figures in running text (reasons, lead times, the
 * cooperation rules, the doelgroepen). The figure catalog holds labels and definitions; how a
 * figure is said in a sentence lives here.
 */
import { PRIORITY_GROUPS, type Reason } from '../../domain/codes';
import type { LeadTimeId } from '../../domain/lead-times';
import type { CooperationId, Noun } from '../../metrics/catalog';
import { corporationName, formatCount, orderCorporations } from '../format';
import { COUNT_THRESHOLD, HIDDEN_SECONDARY, isSuppressedCount, type Mode } from '../publication';

// ---------------------------------------------------------------- numbers

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

/** A count in digits with its noun in the right number: `1 kolom`, `12 kolommen`, `1.234 regels`. */
export function countNoun(n: number, singular: string, plural: string): string {
	return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

// ---------------------------------------------------------------- counts in one sentence

/** How counts are written in one sentence. */
export interface Say {
	/** Whether the count is hidden (publication mode, 1–4, or a hidden marker). */
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

// ---------------------------------------------------------------- lists and sentences

const AND = new Intl.ListFormat('nl-NL', { type: 'conjunction' });
const OR = new Intl.ListFormat('nl-NL', { type: 'disjunction' });

/** `a`, `a en b`, `a, b en c` (or with `of`), by the nl-NL list rules of Intl.ListFormat. */
export function joinList(items: readonly string[], last: 'en' | 'of' = 'en'): string {
	return (last === 'of' ? OR : AND).format(items);
}

/** Sentences to one text: each capitalized, separated by one space. */
export function sentences(...parts: (string | null | undefined | false)[]): string {
	return parts
		.filter((part): part is string => typeof part === 'string' && part.length > 0)
		.map(capitalize)
		.join(' ');
}

/** `de enige melding`, `het enige vonnis`. */
export function theOnly(noun: Noun): string {
	return `${noun.gender} enige ${noun.singular}`;
}

// ---------------------------------------------------------------- who: doelgroepen, wijken, corporations

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

function rank(order: readonly string[], value: string): number {
	const i = order.indexOf(value);
	return i === -1 ? order.length : i;
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

/** A normalized label (wijk) for running text: `haarlem_oost` → `Haarlem Oost`. */
export function labelName(label: string): string {
	return label
		.split('_')
		.filter(Boolean)
		.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
		.join(' ');
}

/** Corporations in running text: `Ymere`, `Ymere, Pré Wonen of Elan Wonen`. */
export function corporationsPhrase(labels: readonly string[], last: 'en' | 'of' = 'of'): string {
	return joinList(orderCorporations(labels).map(corporationName), last);
}

// ---------------------------------------------------------------- the figures in running text

const REASON_PHRASES: Record<Reason, string> = {
	huurachterstand: 'wegens huurachterstand',
	overlast: 'wegens overlast',
	hennep_drugs: 'wegens hennep of drugs',
	woonfraude: 'wegens woonfraude',
	overig: 'om een andere reden',
	onbekend: 'om een onbekende reden'
};

/** An eviction reason in running text, after the count: `wegens overlast`, `om een andere reden`. */
export function reasonPhrase(reden: Reason): string {
	return REASON_PHRASES[reden];
}

/** Each lead time in running text, after "de doorlooptijd" / "de termijn". */
export const LEAD_TIME_PHRASES: Record<LeadTimeId, string> = {
	signaal_contact: 'van het signaal tot het eerste contact',
	achterstand2_huisbezoek: 'van twee maanden achterstand tot het huisbezoek',
	melding_uitnodiging: 'van de melding bij Schulddienstverlening tot de uitnodiging',
	uitnodiging_intake: 'van de uitnodiging tot de intake bij Schulddienstverlening',
	achterstand3_terugkoppeling: 'van drie maanden achterstand tot de terugkoppeling',
	melding_plan: 'van de melding bij Schulddienstverlening tot het plan van aanpak',
	signaal_deurwaarder: 'van het signaal tot de overdracht aan de deurwaarder',
	deurwaarder_vonnis: 'van de overdracht aan de deurwaarder tot het vonnis',
	vonnis_ontruiming: 'van het vonnis tot de ontruiming',
	signaal_afgesloten: 'van het signaal tot het afsluiten van het dossier'
};

/** The sentence pieces of a cooperation rule ("Bij … <plural> <holds>"). */
export interface CooperationWords {
	prep: 'Bij' | 'Voor';
	/** What holds for the teller. */
	holds: string;
	/** What holds for a single case outside the teller. */
	fails: string;
	/** The sentence when the noemer is 0. */
	none: string;
	/** The same in a list after "In deze periode zijn er …". */
	noneClause: string;
}

/** How each cooperation rule of the catalog is said in the letter. */
export const COOPERATION_WORDS: Record<CooperationId, CooperationWords> = {
	contact_binnen_14_dagen: {
		prep: 'Bij',
		holds: 'is binnen 14 dagen contact opgenomen met de huurder',
		fails: 'is niet binnen 14 dagen contact opgenomen met de huurder',
		none: 'In deze periode is er geen signaal van één maand huurachterstand geweest.',
		noneClause: 'geen signalen van één maand huurachterstand geweest'
	},
	deurwaarder_na_afstemming: {
		prep: 'Bij',
		holds: 'was vooraf afgestemd met het Sociaal Wijkteam en een huisbezoek afgelegd',
		fails: 'was vooraf niet zowel afgestemd met het Sociaal Wijkteam als een huisbezoek afgelegd',
		none: 'In deze periode is geen dossier aan de deurwaarder overgedragen.',
		noneClause: 'geen dossiers aan de deurwaarder overgedragen'
	},
	meldingen_met_plan: {
		prep: 'Voor',
		holds: 'is een plan van aanpak opgesteld',
		fails: 'is nog geen plan van aanpak opgesteld',
		none: 'In deze periode zijn geen meldingen bij Schulddienstverlening gedaan.',
		noneClause: 'geen meldingen bij Schulddienstverlening gedaan'
	},
	terugkoppeling_na_3m: {
		prep: 'Bij',
		holds: 'heeft een terugkoppeling plaatsgevonden',
		fails: 'heeft nog geen terugkoppeling plaatsgevonden',
		none: 'In deze periode is er geen zaak met drie maanden huurachterstand geweest.',
		noneClause: 'geen zaken met drie maanden huurachterstand geweest'
	}
};
