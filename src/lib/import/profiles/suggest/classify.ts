/**
 * Words to meanings: the concepts of a header, the step it names (or none, or several), and the
 * code of a label (doelgroep, reden, uitkomst, corporation, activity). Pure; every answer that is
 * not certain is null (left open).
 */
import {
	EVENT_CODES,
	OUTCOMES,
	STATED_REASONS,
	TARGET_GROUPS,
	normalizeCode,
	type EventCode,
	type Outcome,
	type Reason,
	type TargetGroup
} from '../../../domain/codes';
import {
	CONCEPT_WORDS,
	CORPORATION_FILLERS,
	CORPORATION_WORDS,
	GROUP_WORDS,
	NEGATIONS,
	OUTCOME_WORDS,
	PARTY_NAME_WORDS,
	REASON_WORDS,
	SKIP_WORDS,
	STEP_CONCEPTS,
	STEP_RULES,
	type Concept,
	type WordConcept
} from './synonyms';
import { NUMBER_WORDS, rawWords, words } from './words';

/** Every word of the vocabulary: the parts a compound may be split into. */
export const STEMS: ReadonlySet<string> = new Set([
	...Object.keys(NUMBER_WORDS),
	...[
		...Object.values(CONCEPT_WORDS),
		...Object.values(GROUP_WORDS),
		...Object.values(REASON_WORDS),
		...Object.values(OUTCOME_WORDS),
		...Object.values(CORPORATION_WORDS),
		...Object.values(PARTY_NAME_WORDS),
		SKIP_WORDS.head,
		SKIP_WORDS.ok,
		NEGATIONS,
		CORPORATION_FILLERS
	]
		.flat()
		.flatMap((phrase) => rawWords(phrase))
		.filter((w) => !/^\d+$/.test(w))
]);

/** The words of a text, compounds split over the vocabulary. */
export function textWords(text: string): string[] {
	return words(text, STEMS);
}

/** Phrases (as word lists joined by a space) to a value, with the longest phrase's length. */
interface Lexicon<V> {
	map: Map<string, V>;
	longest: number;
}

/** A lexicon from lists of phrases per value; a phrase is normalised like the text it is matched in. */
export function lexicon<V>(entries: Iterable<readonly [V, readonly string[]]>): Lexicon<V> {
	const map = new Map<string, V>();
	let longest = 1;
	for (const [value, phrases] of entries) {
		for (const phrase of phrases) {
			const key = textWords(phrase);
			longest = Math.max(longest, key.length);
			map.set(key.join(' '), value);
		}
	}
	return { map, longest };
}

/** Matches words against a lexicon, longest phrase first, left to right; `at`: where each found phrase starts. */
function matchWords<V>(
	list: readonly string[],
	lex: Lexicon<V>
): { found: V[]; at: number[]; rest: string[] } {
	const found: V[] = [];
	const at: number[] = [];
	const rest: string[] = [];
	let i = 0;
	while (i < list.length) {
		let hit = false;
		for (let n = Math.min(lex.longest, list.length - i); n >= 1; n--) {
			const value = lex.map.get(list.slice(i, i + n).join(' '));
			if (value !== undefined) {
				found.push(value);
				at.push(i);
				i += n;
				hit = true;
				break;
			}
		}
		if (!hit) rest.push(list[i++]!);
	}
	return { found, at, rest };
}

const CONCEPTS = lexicon(Object.entries(CONCEPT_WORDS) as [WordConcept, string[]][]);

/** The concept of a number written in a header: 1, 2, 3, another small number, or none (a year). */
function numberConcept(word: string): Concept | null {
	const n = Number(word);
	if (n === 1) return 'N1';
	if (n === 2) return 'N2';
	if (n === 3) return 'N3';
	if (n === 0 || (n >= 1900 && n <= 2100)) return null;
	return 'NHIGH';
}

/** Parties that a referral may come from or go to. */
const REFERRAL_PARTIES: readonly Concept[] = [
	'SWT',
	'SCHULDHULP',
	'SDV_ORG',
	'VERHUURDER',
	'BAILIFF',
	'INCASSO'
];
/** Words before a party that make it the one who referred, not the one referred to (`Aanmelding via wijkteam`). */
const REFERRER_WORDS: ReadonlySet<string> = new Set(['via', 'door', 'vanuit', 'van']);
/** Words that may stand between such a word and the party (`via het wijkteam`). */
const ARTICLES: ReadonlySet<string> = new Set(['de', 'het', 'een']);

/**
 * The concepts of a header or activity label. In a referral, a party after `via`, `door`,
 * `vanuit` or `van` is who referred, not where to: it is left out (`Aanmelding via wijkteam` is
 * a referral to no named party; `Melding SDV via wijkteam` one to Schulddienstverlening).
 */
export function conceptsOf(text: string): Set<Concept> {
	const list = textWords(text);
	const { found, at, rest } = matchWords(list, CONCEPTS);
	const referral = found.includes('REFERRAL');
	const referrer = (i: number) => {
		let j = at[i]! - 1;
		while (j >= 0 && ARTICLES.has(list[j]!)) j--;
		return j >= 0 && REFERRER_WORDS.has(list[j]!);
	};
	const out = new Set<Concept>(
		found.filter((c, i) => !(referral && REFERRAL_PARTIES.includes(c) && referrer(i)))
	);
	for (const w of rest) {
		if (!/^\d+$/.test(w)) continue;
		const c = numberConcept(w);
		if (c !== null) out.add(c);
	}
	return out;
}

/** Concepts that make a header something else than a step's date (a reason, a count, a note, …). */
const HEADER_BLOCKS: readonly Concept[] = [
	'BLOCK',
	'BLOCK_HEADER',
	'RECORD_DATE',
	'ACTIVITY',
	'REDEN',
	'AFLOOP',
	'GROUP',
	'WIJK',
	'PERSON_NR'
];

/** What the words say about a step: one code, several (ambiguous), or none. */
export interface StepAnswer {
	code: EventCode | null;
	/** The codes of an ambiguous text (two or more), else empty. */
	ambiguous: EventCode[];
	/** True when only a proxy rule gives the code (`2e herinnering`, not `2 mnd achterstand`). */
	proxy: boolean;
}

const NO_STEP: StepAnswer = { code: null, ambiguous: [], proxy: false };

/** The step that the concepts name, by the rules of synonyms.ts. */
export function stepOfConcepts(concepts: ReadonlySet<Concept>, header: boolean): StepAnswer {
	const blocks = header ? HEADER_BLOCKS : (['BLOCK'] as const);
	if (blocks.some((b) => concepts.has(b))) return NO_STEP;
	const matches: { code: EventCode; used: Set<Concept>; proxy: boolean }[] = [];
	for (const rule of STEP_RULES) {
		if (rule.code !== 'afgesloten' && concepts.has('END')) continue;
		if (rule.none?.some((c) => concepts.has(c))) continue;
		const used = new Set<Concept>();
		let ok = true;
		for (const group of rule.all) {
			const present = group.filter((c) => concepts.has(c));
			if (present.length === 0) {
				ok = false;
				break;
			}
			for (const c of present) used.add(c);
		}
		if (ok) matches.push({ code: rule.code, used, proxy: rule.proxy === true });
	}
	// A match whose words are all within another match's words gives way to it.
	const within = (a: Set<Concept>, b: Set<Concept>) =>
		a.size < b.size && [...a].every((c) => b.has(c));
	const kept = matches.filter((m) => !matches.some((o) => within(m.used, o.used)));
	const codes = [...new Set(kept.map((m) => m.code))];
	if (codes.length === 1)
		return { code: codes[0]!, ambiguous: [], proxy: kept.every((m) => m.proxy) };
	return { code: null, ambiguous: codes.length > 1 ? codes : [], proxy: false };
}

/** The step a wide export's column holds, from its header alone. */
export function stepOfHeader(header: string): StepAnswer {
	const code = normalizeCode(header);
	if ((EVENT_CODES as readonly string[]).includes(code))
		return { code: code as EventCode, ambiguous: [], proxy: false };
	return stepOfConcepts(conceptsOf(header), true);
}

/** Who made an export, as far as its name or its labels say. */
export type Party = 'corporatie' | 'sdv' | 'swt' | null;

const SKIP = lexicon<'head' | 'ok'>([
	['head', SKIP_WORDS.head],
	['ok', [...SKIP_WORDS.ok, ...CONCEPT_WORDS.FILLER]]
]);

/** Whether a label has a note, mail, call or admin word (`head`), and whether it has only such words and fillers (`only`). */
function skipWords(list: readonly string[]): { head: boolean; only: boolean } {
	const { found, rest } = matchWords(list, SKIP);
	const head = found.includes('head');
	return { head, only: head && rest.length === 0 };
}

/**
 * The event code of an activity label; `null`: skip it (overslaan); `undefined`: not certain
 * (left open). In Schulddienstverlening's or the Wijkteam's export a bare label is read as that
 * party's (`Aanmelding` → their referral), and a contact is theirs, not the corporation's
 * `contact`: skipped.
 */
export function activityOfLabel(label: string, party: Party): EventCode | null | undefined {
	return activityAnswer(label, party).code;
}

/** An activity label's code (as activityOfLabel) and whether only a proxy rule gives it. */
export function activityAnswer(
	label: string,
	party: Party
): { code: EventCode | null | undefined; proxy: boolean } {
	const code = normalizeCode(label);
	if ((EVENT_CODES as readonly string[]).includes(code))
		return { code: code as EventCode, proxy: false };
	const open = { code: undefined, proxy: false };
	const list = textWords(label);
	if (list.length === 0 || list.every((w) => /^\d+$/.test(w))) return open;
	const concepts = conceptsOf(label);
	const stepWords = [...concepts].some((c) => STEP_CONCEPTS.has(c));
	const skip = skipWords(list);
	// A note about a step (`Notitie huisbezoek`) is neither the step nor clearly nothing.
	if (skip.head && stepWords && !onlyContact(concepts)) return open;
	if (skip.only) return { code: null, proxy: false };
	const namesParty = ['SCHULDHULP', 'SDV_ORG', 'SWT'].some((c) => concepts.has(c as Concept));
	if (party === 'sdv' && !namesParty) concepts.add('PARTY_SDV');
	if (party === 'swt' && !namesParty) concepts.add('PARTY_SWT');
	const step = stepOfConcepts(concepts, false);
	// `contact` is the corporation's step: in an export of unknown origin it stays open.
	if (step.code === 'contact' && party !== 'corporatie') return open;
	// Schulddienstverlening records referrals to itself: one naming the Wijkteam is a referral to
	// the Wijkteam only with `naar` (`Aanmelding wijkteam` may be the Wijkteam's referral in).
	if (step.code === 'melding_swt' && party === 'sdv' && !concepts.has('NAAR')) return open;
	if (step.code !== null) return { code: step.code, proxy: step.proxy };
	if (
		(party === 'sdv' || party === 'swt') &&
		!concepts.has('BLOCK') &&
		onlyContact(concepts) &&
		step.ambiguous.length === 0
	)
		return { code: null, proxy: false };
	return open;
}

/** True when the only step word is a contact (`Telefonisch contact`). */
function onlyContact(concepts: ReadonlySet<Concept>): boolean {
	const steps = [...concepts].filter((c) => STEP_CONCEPTS.has(c));
	return steps.length === 1 && steps[0] === 'CONTACT';
}

type Negation = { negation: true };
const NEGATION: Negation = { negation: true };

/** Classifies a label over a lexicon of codes: every code found, or null when a negation stands free or the label is only a number. */
function codesOfLabel<C>(
	label: string,
	lex: Lexicon<C | Negation>,
	list = textWords(label)
): C[] | null {
	if (list.length === 0 || list.every((w) => /^\d+$/.test(w))) return null;
	const { found } = matchWords(list, lex);
	if (found.includes(NEGATION)) return null;
	return [...new Set(found as C[])];
}

function withNegations<C>(entries: [C, readonly string[]][]): Lexicon<C | Negation> {
	return lexicon<C | Negation>([...entries, [NEGATION, NEGATIONS]]);
}

const GROUPS = withNegations(Object.entries(GROUP_WORDS) as [TargetGroup | 'NO_CHILD', string[]][]);
const PRIORITY: readonly TargetGroup[] = ['gezin_met_kinderen', 'senior', 'oggz'];

/** The doelgroep of a household label, or null when not certain (`65` stays open; `67+` is senior). */
export function groupOfLabel(label: string): TargetGroup | null {
	const code = normalizeCode(label);
	if ((TARGET_GROUPS as readonly string[]).includes(code)) return code as TargetGroup;
	// An age with a plus from 65 up (`67+`, `75 plus`) is a senior household.
	const list = textWords(label).map((w, i, all) =>
		/^\d+$/.test(w) && +w >= 65 && +w <= 120 && /^plus(?:ser|sers)?$/.test(all[i + 1] ?? '')
			? '65'
			: w
	);
	const codes = codesOfLabel(label, GROUPS, list);
	if (codes === null || codes.length === 0) return null;
	const set = new Set(codes);
	if (set.has('NO_CHILD')) {
		set.delete('gezin_met_kinderen');
		set.delete('NO_CHILD');
		set.add('overig');
	}
	const priority = PRIORITY.filter((g) => set.has(g));
	if (priority.length === 1) return priority[0]!;
	if (priority.length === 0 && set.has('overig')) return 'overig';
	return null;
}

const REASONS = withNegations(
	Object.entries(REASON_WORDS) as [Exclude<Reason, 'onbekend'>, string[]][]
);

/** The eviction reason of a label, or null when not certain. */
export function reasonOfLabel(label: string): Exclude<Reason, 'onbekend'> | null {
	const code = normalizeCode(label);
	if (STATED_REASONS.includes(code as Reason)) return code as Exclude<Reason, 'onbekend'>;
	const codes = codesOfLabel(label, REASONS);
	return codes?.length === 1 ? codes[0]! : null;
}

const OUTCOME_LEX = withNegations(Object.entries(OUTCOME_WORDS) as [Outcome, string[]][]);

/** The outcome of a closing label, or null when not certain. */
export function outcomeOfLabel(label: string): Outcome | null {
	const code = normalizeCode(label);
	if ((OUTCOMES as readonly string[]).includes(code)) return code as Outcome;
	const codes = codesOfLabel(label, OUTCOME_LEX);
	return codes?.length === 1 ? codes[0]! : null;
}

const CORPORATIONS = lexicon<string | null>([
	...(Object.entries(CORPORATION_WORDS) as [string, string[]][]),
	[null, CORPORATION_FILLERS]
]);

/** The corporation (`Ymere`, `Pré Wonen`, `Elan Wonen`) a label or name names, or null when none or several. */
export function corporationOfText(text: string): string | null {
	const found = new Set(matchWords(textWords(text), CORPORATIONS).found.filter((c) => c !== null));
	return found.size === 1 ? [...found][0]! : null;
}

const PARTY_NAMES = lexicon<'sdv' | 'swt'>(
	Object.entries(PARTY_NAME_WORDS) as unknown as ['sdv' | 'swt', string[]][]
);

/** The party a file or sheet name names: a corporation, Schulddienstverlening or the Wijkteam; null when none or several. */
export function partyOfName(name: string): Party {
	if (corporationOfText(name) !== null) return 'corporatie';
	const found = new Set(matchWords(textWords(name), PARTY_NAMES).found);
	return found.size === 1 ? [...found][0]! : null;
}
