/**
 * Suggestions for the mapping screen ("Kolommen koppelen"), from a file's header words and
 * values: the shape, the id column, the attribute columns, the step of each date column and the
 * code of each label. Pure; every suggestion can be changed by the user.
 */
import { parseDate } from '../dates';
import { excelSerialToIso } from './excel-dates';
import type { EventCode, Outcome, Reason, TargetGroup } from '../../domain/codes';

/** Header or label text as words: lower case, accents removed, punctuation as spaces. */
export function words(text: string): string {
	return ` ${text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9+]+/g, ' ')
		.trim()} `;
}

/** A rule: the first whose pattern matches the words gives the code. */
type Rule<T> = [RegExp, T];

const FIRST = '(1|1e|1ste|een|eerste)';
const SECOND = '(2|2e|2de|twee|tweede)';
const THIRD = '(3|3e|3de|drie|derde)';
const ARREARS = '(mnd|mnden|maand|maanden|achterstand|huurachterstand|herinnering|aanmaning)';

/** Header (or activity label) words to an event code, most specific first. */
export const EVENT_RULES: Rule<EventCode>[] = [
	[new RegExp(` ${FIRST} .*${ARREARS} | ${ARREARS} .*${FIRST} `), 'achterstand_1m'],
	[new RegExp(` ${SECOND} .*${ARREARS} | ${ARREARS} .*${SECOND} `), 'achterstand_2m'],
	[
		new RegExp(` ${THIRD} .*${ARREARS} | ${ARREARS} .*${THIRD} | laatste aanmaning `),
		'achterstand_3m'
	],
	[/ herinnering /, 'achterstand_1m'],
	[/ aanmaning /, 'achterstand_2m'],
	[
		/ (aan)?melding .*(sdv|schuld|schulddienst\w*|schuldhulp\w*|kredietbank) | (sdv|schulddienstverlening) .*(aan)?melding | verwijzing .*(sdv|schuld\w*) /,
		'melding_sdv'
	],
	[
		/ (aan)?melding .*(swt|wijkteam|sociaal wijkteam) | (swt|wijkteam) .*(aan)?melding | verwijzing .*(swt|wijkteam) /,
		'melding_swt'
	],
	[/ uitnodiging/, 'uitnodiging_sdv'],
	[/ intake/, 'intake_sdv'],
	[/ huisbezoek| bezoek aan huis /, 'huisbezoek'],
	[/ afstemming/, 'afstemming_swt'],
	[/ plan van aanpak | pva | plan /, 'plan_van_aanpak'],
	[/ terugkoppeling/, 'terugkoppeling'],
	[/ budgetbeheer/, 'budgetbeheer'],
	[/ schuldregeling| schuldhulptraject| schuldhulp| msnp | wsnp /, 'schuldhulptraject'],
	[/ betalingsregeling| regeling getroffen /, 'betalingsregeling'],
	[/ deurwaarder/, 'deurwaarder'],
	[/ dagvaarding/, 'dagvaarding'],
	[/ vonnis/, 'vonnis'],
	[/ aanzegging/, 'aanzegging'],
	[/ ontruiming| ontruimd /, 'ontruiming'],
	[/ eind| afgesloten | afsluiting| einde | gesloten /, 'afgesloten'],
	[/ (eerste )?contact /, 'contact']
];

/** Headers that hold a reason, outcome, name or the like: never a step's date column. */
const NOT_A_STEP =
	/ (reden|afloop|uitkomst|resultaat|naam|adres|postcode|telefoon|bsn|opmerking|toelichting|status) /;

function firstMatch<T>(rules: readonly Rule<T>[], text: string): T | null {
	const w = words(text);
	for (const [pattern, code] of rules) if (pattern.test(w)) return code;
	return null;
}

/** The step a wide export's date column holds, from its header words; null when none is suggested. */
export function suggestStep(header: string): EventCode | null {
	if (NOT_A_STEP.test(words(header))) return null;
	return firstMatch(EVENT_RULES, header);
}

/** The event code of an activity label (long exports); null: skip it ("overslaan"). `contact` is the corporation's step, never suggested here. */
export function suggestActivity(label: string): EventCode | null {
	const code = firstMatch(EVENT_RULES, label);
	return code === 'contact' ? null : code;
}

export const GROUP_RULES: Rule<TargetGroup>[] = [
	[/ zonder kind/, 'overig'],
	[/ gezin| kind| kinderen | eenouder/, 'gezin_met_kinderen'],
	[/ 65| senior| oudere| bejaard| aow /, 'senior'],
	[/ oggz | bijzondere doelgroep | kwetsba| ggz | psychisch/, 'oggz']
];

/** The doelgroep of a household label; `overig` when no rule matches. */
export function suggestGroup(label: string): TargetGroup {
	return firstMatch(GROUP_RULES, label) ?? 'overig';
}

export const REASON_RULES: Rule<Exclude<Reason, 'onbekend'>>[] = [
	[/ huur| schuld| achterstand| betaling/, 'huurachterstand'],
	[/ overlast/, 'overlast'],
	[/ hennep| drugs| kwekerij| opiumwet/, 'hennep_drugs'],
	[/ fraude| onderhuur| illegale bewoning| woonfraude/, 'woonfraude']
];

/** The eviction reason of a label; `overig` when no rule matches. */
export function suggestReason(label: string): Exclude<Reason, 'onbekend'> {
	return firstMatch(REASON_RULES, label) ?? 'overig';
}

export const OUTCOME_RULES: Rule<Outcome>[] = [
	[/ ontruimd| ontruiming /, 'ontruimd'],
	[/ betaald| opgelost| ingelopen| voldaan/, 'opgelost'],
	[/ schuldhulp| schuldregeling| sdv | budgetbeheer/, 'schuldhulp'],
	[/ regeling/, 'betalingsregeling'],
	[/ vertrokken| verhuisd| verhuizing| opgezegd| vertrek/, 'verhuisd']
];

/** The outcome of a closing label; `overig` when no rule matches. */
export function suggestOutcome(label: string): Outcome {
	return firstMatch(OUTCOME_RULES, label) ?? 'overig';
}

/** Column roles suggested from header words. */
const ID_WORDS =
	/ (huurcontract\w*|contract\w*|contractnr|dossier\w*|dossiernummer|klantnummer|relatienummer|huurdernummer|huurovereenkomst) /;
const GROUP_WORDS = / (doelgroep|huishoud\w*|gezinssituatie|leefsituatie|samenstelling) /;
const WIJK_WORDS = / (wijk|buurt|stadsdeel|gebied) /;
const CORPORATION_WORDS = / (corporatie|woningcorporatie|verhuurder|corporatienaam) /;
const ACTIVITY_WORDS = / (activiteit|soort|type|handeling|actie|gebeurtenis|omschrijving) /;
const REASON_WORDS = / reden /;
const OUTCOME_WORDS = / (afloop|uitkomst|resultaat|reden afsluiting) /;

/** True when every non-empty value is a date (as the exchange format reads it, or an Excel serial in a workbook). */
export function looksLikeDates(values: readonly string[], fromWorkbook = false): boolean {
	const filled = values.map((v) => v.trim()).filter((v) => v !== '');
	return (
		filled.length > 0 &&
		filled.every(
			(v) =>
				parseDate(v) !== null ||
				// A serial between 1954 and 2119: a date cell, not an id number.
				(fromWorkbook && excelSerialToIso(v) !== null && +v > 20_000 && +v < 80_000)
		)
	);
}

/** What the mapping screen suggests for a file, from its header and (a sample of) its rows. */
export interface Suggestion {
	vorm: 'breed' | 'lang';
	idColumn: string | null;
	corporationColumn: string | null;
	/** A corporation name found in the file name (for `{ waarde }`), else ''. */
	corporationValue: string;
	groupColumn: string | null;
	wijkColumn: string | null;
	/** Wide: the step per column (null: not used). */
	steps: Record<string, EventCode | null>;
	reasonColumn: string | null;
	outcomeColumn: string | null;
	/** Long: the date column and the activity column. */
	dateColumn: string | null;
	activityColumn: string | null;
}

const CORPORATIONS: [RegExp, string][] = [
	[/ ymere /, 'Ymere'],
	[/ pre ?wonen /, 'Pré Wonen'],
	[/ elan ?wonen /, 'Elan Wonen']
];

/** The corporation a file name names (the Haarlem corporations), or ''. */
export function corporationFromName(fileName: string): string {
	return firstMatch(CORPORATIONS, fileName.replace(/\.[a-z]+$/i, '')) ?? '';
}

/** Suggests the whole mapping for a file. */
export function suggestMapping(
	fileName: string,
	header: readonly string[],
	rows: readonly (readonly string[])[],
	fromWorkbook = false
): Suggestion {
	const columns = header.filter((h) => h.trim() !== '');
	const values = (c: string) => {
		const i = header.indexOf(c);
		return rows.map((r) => r[i] ?? '');
	};
	const byWords = (pattern: RegExp, except: readonly (string | null)[] = []) =>
		columns.find((c) => pattern.test(words(c)) && !except.includes(c)) ?? null;
	const dateColumns = columns.filter((c) => looksLikeDates(values(c), fromWorkbook));
	const steps: Record<string, EventCode | null> = {};
	for (const c of columns) {
		const step = suggestStep(c);
		const filled = values(c).some((v) => v.trim() !== '');
		steps[c] = step !== null && (!filled || dateColumns.includes(c)) ? step : null;
	}
	const stepCount = Object.values(steps).filter((s) => s !== null).length;
	const vorm = stepCount >= 2 || dateColumns.length >= 3 ? 'breed' : 'lang';
	// A contract number is preferred over a registration number of the party's own system.
	const idColumn =
		columns.find((c) => / (huurcontract\w*|contract\w*|contractnr) /.test(words(c))) ??
		byWords(ID_WORDS);
	const dateColumn = dateColumns.find((c) => / datum /.test(words(c))) ?? dateColumns[0] ?? null;
	const activityColumn =
		byWords(ACTIVITY_WORDS, [idColumn, dateColumn]) ??
		columns.find((c) => c !== idColumn && c !== dateColumn && !dateColumns.includes(c)) ??
		null;
	return {
		vorm,
		idColumn,
		corporationColumn: byWords(CORPORATION_WORDS),
		corporationValue: corporationFromName(fileName),
		groupColumn: byWords(GROUP_WORDS),
		wijkColumn:
			columns.find((c) => WIJK_WORDS.test(words(c)) && !/ wijkteam /.test(words(c))) ?? null,
		steps: vorm === 'breed' ? steps : {},
		reasonColumn: byWords(REASON_WORDS, [byWords(OUTCOME_WORDS)]),
		outcomeColumn: byWords(OUTCOME_WORDS),
		dateColumn: vorm === 'lang' ? dateColumn : null,
		activityColumn: vorm === 'lang' ? activityColumn : null
	};
}
