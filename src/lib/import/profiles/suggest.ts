/**
 * A suggested source profile for a party's own export (source-profiles.md, "Suggestions"), for the
 * mapping screen ("Kolommen koppelen") and `npm run evaluate -- --voorstel`. From the header words
 * (synonyms per step, suggest/synonyms.ts), the values (dates, labels, repeated ids) and the file
 * or sheet name. It never places a column or label it is not sure of: what is left to decide is
 * named in Dutch in `open`. Pure.
 */
import { TARGET_GROUPS, normalizeCode, type EventCode } from '../../domain/codes';
import { isSuspiciousHeader, screenColumns } from '../personal-data';
import {
	PROFILE_FORMAT,
	type LongProfile,
	type SourceProfile,
	type ValueSpec,
	type WideEvent,
	type WideProfile
} from './format';
import { missingRequiredSteps } from './required-steps';
import {
	activityAnswer,
	activityOfLabel,
	conceptsOf,
	corporationOfText,
	groupOfLabel,
	outcomeOfLabel,
	partyOfName,
	reasonOfLabel,
	stepOfHeader,
	type Party,
	type StepAnswer
} from './suggest/classify';
import { findAddress } from './suggest/address';
import { STEP_CONCEPTS, type Concept } from './suggest/synonyms';
import { columnValues, isDateValued, type ColumnValues } from './suggest/values';

export {
	activityOfLabel,
	corporationOfText,
	groupOfLabel,
	outcomeOfLabel,
	partyOfName,
	reasonOfLabel,
	stepOfHeader
} from './suggest/classify';

/** A suggested profile and what the user still has to decide. */
export interface ProfileSuggestion {
	/** A profile of source-profiles.md; `corporatie` is `{ waarde: '' }` when nothing says which corporation (then `open` says so). */
	profiel: SourceProfile;
	/** Dutch sentences: everything the user still has to decide, quoting the column or value. */
	open: string[];
}

/** What the suggestion reads: the file's name, header and data rows (fields as strings). */
export interface SuggestInput {
	fileName: string;
	header: readonly string[];
	rows: readonly (readonly string[])[];
	/** Numbers in date columns may be Excel serials. */
	fromWorkbook?: boolean;
	/** The workbook sheet read (→ `werkblad`). */
	sheet?: string | null;
}

/** One column of the file, with what its header and values say. */
interface Column {
	name: string;
	concepts: Set<Concept>;
	values: ColumnValues;
	/** Header or values look like personal data: never used but as a pseudonymised id. */
	personal: boolean;
	/** Named, and the name stands once in the header. */
	usable: boolean;
	/** Holds dates (and is no personal data). */
	dates: boolean;
	step: StepAnswer;
}

/** How many rows the personal-data screen reads. */
const SCREEN_ROWS = 5000;
/** A label column has at most this many distinct labels. */
const MAX_TABLE = 100;
/** Hex of a pseudonym (the werkgroep's HMAC, or any keyed hash): such an id needs no pseudonymisation. */
const PSEUDONYM = /^[0-9a-f]{16,64}$/i;

const hasAny = (c: Column, list: readonly Concept[]) => list.some((x) => c.concepts.has(x));
const hasStepWords = (c: Column) => [...c.concepts].some((x) => STEP_CONCEPTS.has(x));
const quote = (text: string) => `‘${text}’`;
const unplacedLabel = (label: string, column: string) =>
	`Het label ${quote(label)} in kolom ${quote(column)} is niet gekoppeld.`;

/** Suggests a profile for an export; see the module comment and source-profiles.md. */
export function suggestProfile(input: SuggestInput): ProfileSuggestion {
	const fromWorkbook = input.fromWorkbook ?? false;
	const sheet = input.sheet ?? null;
	const open: string[] = [];
	const names = input.header.map((h) => h.trim());
	const count = new Map<string, number>();
	for (const n of names)
		if (n !== '') count.set(normalizeCode(n), (count.get(normalizeCode(n)) ?? 0) + 1);
	const values = columnValues(names.length, input.rows, fromWorkbook);
	const screened = screenColumns(
		input.header,
		input.rows.slice(0, SCREEN_ROWS).map((fields, i) => ({ line: i + 2, fields: [...fields] }))
	);
	const flagged = new Set(screened.map((f) => f.index));
	const columns: Column[] = names.map((name, i) => {
		const personal = flagged.has(i) || isSuspiciousHeader(name);
		return {
			name,
			concepts: conceptsOf(name),
			values: values[i]!,
			personal,
			usable: name !== '' && count.get(normalizeCode(name)) === 1,
			dates: !personal && isDateValued(values[i]!),
			step: stepOfHeader(name)
		};
	});
	for (const [key, n] of count) {
		if (n > 1) {
			const name = names.find((x) => normalizeCode(x) === key)!;
			open.push(
				`De kolomnaam ${quote(name)} staat ${n} keer in de kopregel; die kolommen worden niet gebruikt.`
			);
		}
	}
	names.forEach((name, i) => {
		if (name === '' && isDateValued(values[i]!))
			open.push(
				`De kolom zonder naam (kolom ${i + 1}) bevat datums maar is aan geen stap gekoppeld; geef hem een naam in de kopregel om hem te gebruiken.`
			);
	});
	// The address (postcode, huisnummer, toevoeging) only ever fills the address key: no other role.
	const address = findAddress(
		names,
		columns.map((c) => c.usable),
		input.rows
	);
	const addressColumns = new Set(address.columns);
	const usable = columns.filter((c) => c.usable && !addressColumns.has(c.name));
	const taken = new Set<Column>(columns.filter((c) => addressColumns.has(c.name)));

	// Who made the export: a corporation column, or a name; else Schulddienstverlening or the Wijkteam by name.
	const base = input.fileName
		.split(/[\\/]/)
		.pop()!
		.replace(/\.[^.]+$/, '');
	const nameText = `${base} ${sheet ?? ''}`;
	const corporationColumn = findCorporationColumn(usable);
	const corporationName = corporationOfText(nameText);
	const namedParty: Party =
		corporationColumn !== null || corporationName !== null ? 'corporatie' : partyOfName(nameText);

	const id = findIdColumn(usable);
	if (id) taken.add(id.column);
	if (corporationColumn) taken.add(corporationColumn);
	const group = findGroupColumn(usable.filter((c) => !taken.has(c)));
	if (group) taken.add(group);
	const wijk =
		usable.find(
			(c) =>
				!taken.has(c) &&
				!c.personal &&
				!c.dates &&
				c.concepts.has('WIJK') &&
				!c.concepts.has('SWT') &&
				!hasStepWords(c)
		) ?? null;
	if (wijk) taken.add(wijk);

	// The shape: date columns per step (wide), or a date and an activity column (long).
	const free = usable.filter((c) => !taken.has(c) && !c.personal);
	const wideSteps = free.filter((c) => c.step.code !== null && (c.dates || c.values.filled === 0));
	// Without a name that says who made it, the steps among the labels and the header words may.
	const party = namedParty ?? partyOfContent(columns, findActivityColumn(free, null));
	const activity = findActivityColumn(free, party);
	const dateColumns = free.filter((c) => c.dates);
	let vorm: 'breed' | 'lang';
	const repeats = id?.column.values.repeats ?? false;
	if (wideSteps.length >= 2) vorm = 'breed';
	// One step column and a label column with steps (a status?): long only when ids repeat.
	else if (
		activity !== null &&
		dateColumns.some((c) => c !== activity) &&
		(wideSteps.length === 0 || repeats)
	)
		vorm = 'lang';
	else if (wideSteps.length === 1) vorm = 'breed';
	else {
		vorm = party === 'sdv' || party === 'swt' || repeats ? 'lang' : 'breed';
		open.push(
			`Niet vast te stellen of de export breed (één regel per dossier, een datumkolom per stap) of lang (één regel per activiteit) is; gekozen: ${vorm}.`
		);
	}

	const dossier_id = {
		kolommen: id ? [id.column.name] : [],
		pseudonimiseren: id ? needsPseudonym(id.column) : true
	};
	if (!id)
		open.push(
			'Geen kolom met een contract- of dossiernummer gevonden; kies de kolom die elk dossier aanwijst.'
		);
	else if (id.rank === 2 || (vorm === 'lang' && id.rank === 1))
		open.push(
			`Het dossier_id komt uit kolom ${quote(id.column.name)}; controleer dat de andere partijen hetzelfde nummer gebruiken (een huurcontractnummer is er niet).`
		);

	// The labels of the dossier columns are named only when the profile uses those columns.
	const dossierOpen: string[] = [];
	const corporatie: ValueSpec | null = corporationColumn
		? labelSpec(corporationColumn, corporationOfText, dossierOpen)
		: corporationName !== null
			? { waarde: corporationName }
			: null;
	const doelgroep: ValueSpec | null = group ? labelSpec(group, groupOfLabel, dossierOpen) : null;
	// Keys in the spec's order: formaat, naam, vorm, werkblad, dossier_id, …
	const head = <V extends 'breed' | 'lang'>(vorm: V) => ({
		formaat: PROFILE_FORMAT as typeof PROFILE_FORMAT,
		naam: base || 'bronprofiel',
		vorm,
		...(sheet ? { werkblad: sheet } : {}),
		dossier_id
	});

	let profiel: SourceProfile;
	if (vorm === 'breed') {
		open.push(...dossierOpen, ...address.open);
		if (corporatie === null)
			open.push(
				'Uit het bestand en de bestandsnaam is niet op te maken van welke corporatie de export is; vul de corporatie in.'
			);
		const steps = dropProxies(wideSteps);
		const placed = new Set(steps.placed);
		for (const c of wideSteps) taken.add(c);
		const reason =
			placed.size > 0 && steps.placed.some((c) => c.step.code === 'ontruiming')
				? findReasonColumn(free.filter((c) => !taken.has(c)))
				: null;
		if (reason) taken.add(reason);
		const outcome = steps.placed.some((c) => c.step.code === 'afgesloten')
			? findOutcomeColumn(free.filter((c) => !taken.has(c)))
			: null;
		if (outcome) taken.add(outcome);
		// Without a doelgroep column, a column that may hold it is taken without a table (see groupCandidates).
		const candidates =
			doelgroep === null
				? groupCandidates(
						free.filter((c) => !taken.has(c)),
						input.rows.length
					)
				: [];
		const guess = candidates[0] ?? null;
		if (guess) {
			taken.add(guess);
			open.push(
				`Geen kolom met de doelgroep (huishoudtype) herkend. De kolom ${quote(guess.name)} kan de doelgroep zijn (een handvol labels, verder nergens voor gebruikt) en staat daarom als doelgroepkolom, maar zonder gekoppelde labels: koppel elk label aan een doelgroep, of kies een andere kolom of geen kolom (dan krijgen alle dossiers doelgroep ‘overig’). Zolang een label niet gekoppeld is, worden die dossiers geweigerd.`
			);
			for (const label of guess.values.labels!) open.push(unplacedLabel(label, guess.name));
			if (candidates.length > 1)
				open.push(
					`Ook ${candidates.length > 2 ? 'de kolommen' : 'de kolom'} ${candidates
						.slice(1)
						.map((c) => quote(c.name))
						.join(' en ')} ${candidates.length > 2 ? 'kunnen' : 'kan'} de doelgroep zijn.`
				);
		} else if (doelgroep === null)
			open.push(
				'Geen kolom met de doelgroep (huishoudtype) gevonden: alle dossiers krijgen nu doelgroep ‘overig’; kies de kolom als het bestand er een heeft.'
			);
		for (const c of steps.dropped) open.push(c.sentence);
		const reden = reason ? labelSpec(reason, reasonOfLabel, open) : null;
		const uitkomst = outcome ? labelSpec(outcome, outcomeOfLabel, open) : null;
		const gebeurtenissen: WideEvent[] = steps.placed.map((c) => ({
			gebeurtenis: c.step.code!,
			kolom: c.name,
			...(c.step.code === 'ontruiming' && reden ? { reden } : {}),
			...(c.step.code === 'afgesloten' && uitkomst ? { uitkomst } : {})
		}));
		const wide: WideProfile = {
			...head('breed'),
			corporatie: corporatie ?? { waarde: '' },
			doelgroep: doelgroep ?? (guess ? { kolom: guess.name } : { waarde: 'overig' }),
			...(wijk ? { wijk: { kolom: wijk.name } } : {}),
			...(address.adres ? { adres: address.adres } : {}),
			gebeurtenissen
		};
		profiel = wide;
		sameStepTwice(steps.placed, open);
		for (const c of columns) explainColumn(c, placed, taken, open);
		if (gebeurtenissen.length === 0)
			open.push('Geen enkele kolom is aan een stap gekoppeld; kies per datumkolom de stap.');
		open.push(...missingRequiredSteps(wide));
	} else {
		const datum = pickDateColumn(dateColumns.filter((c) => c !== activity));
		if (datum) taken.add(datum);
		if (activity) taken.add(activity);
		if (!datum)
			open.push('Geen kolom met de datum van de activiteit gevonden; kies de datumkolom.');
		if (!activity)
			open.push('Geen kolom met de soort activiteit gevonden; kies de kolom met de activiteiten.');
		const gebeurtenis = activity
			? activitySpec(activity, party, open)
			: ({ kolom: '' } as ValueSpec);
		const codes = new Set('waarden' in gebeurtenis ? Object.values(gebeurtenis.waarden ?? {}) : []);
		const rest = free.filter((c) => !taken.has(c));
		const reason = codes.has('ontruiming') ? findReasonColumn(rest) : null;
		if (reason) taken.add(reason);
		const outcome = codes.has('afgesloten')
			? findOutcomeColumn(rest.filter((c) => c !== reason))
			: null;
		if (outcome) taken.add(outcome);
		// A long file gives the dossiers only when it says both the corporation and the doelgroep.
		const dossiers = corporatie !== null && doelgroep !== null;
		if (!dossiers && (corporatie !== null || doelgroep !== null))
			open.push(
				`Dit bestand noemt ${corporatie !== null ? 'de corporatie maar geen doelgroep' : `de doelgroep (kolom ${quote(group!.name)}) maar niet de corporatie`}; de activiteiten horen nu bij dossiers uit de andere bestanden. Vul ${corporatie !== null ? 'de doelgroep' : 'de corporatie'} in als dit bestand ook de dossiers geeft.`
			);
		if (dossiers) open.push(...dossierOpen, ...address.open);
		else {
			if (group) taken.delete(group);
			if (wijk) taken.delete(wijk);
			if (corporationColumn) taken.delete(corporationColumn);
		}
		const long: LongProfile = {
			...head('lang'),
			...(dossiers
				? {
						corporatie: corporatie!,
						doelgroep: doelgroep!,
						...(wijk ? { wijk: { kolom: wijk.name } } : {}),
						...(address.adres ? { adres: address.adres } : {})
					}
				: {}),
			datum: { kolom: datum?.name ?? '' },
			gebeurtenis,
			...(reason ? { reden: labelSpec(reason, reasonOfLabel, open) } : {}),
			...(outcome ? { uitkomst: labelSpec(outcome, outcomeOfLabel, open) } : {})
		};
		profiel = long;
		for (const c of columns) explainColumn(c, new Set(datum ? [datum] : []), taken, open, true);
	}
	return { profiel, open };
}

/** The column of the corporation: its header says so, or every label is a known corporation. */
function findCorporationColumn(columns: readonly Column[]): Column | null {
	const fit = (c: Column) =>
		!c.personal && !c.dates && c.values.labels !== null && c.values.labels.length > 0;
	const byHeader = columns.find(
		(c) =>
			fit(c) &&
			c.concepts.has('VERHUURDER') &&
			!hasAny(c, ['CONTRACT', 'DOSSIER', 'PERSON_NR', 'DATE']) &&
			!hasStepWords(c) &&
			c.values.labels!.length <= 50
	);
	if (byHeader) return byHeader;
	return (
		columns.find(
			(c) =>
				fit(c) &&
				c.values.labels!.length <= 20 &&
				c.values.labels!.every((l) => corporationOfText(l) !== null)
		) ?? null
	);
}

/** Steps that only one party records: Schulddienstverlening's, the Wijkteam's, the corporation's. */
const PARTY_STEPS: Record<'sdv' | 'swt' | 'corporatie', readonly EventCode[]> = {
	sdv: ['uitnodiging_sdv', 'intake_sdv', 'budgetbeheer', 'schuldhulptraject'],
	swt: ['afstemming_swt', 'plan_van_aanpak'],
	corporatie: [
		'achterstand_1m',
		'achterstand_2m',
		'achterstand_3m',
		'betalingsregeling',
		'deurwaarder',
		'dagvaarding',
		'vonnis',
		'aanzegging',
		'ontruiming'
	]
};

/**
 * The party of an export whose name says none: the only one whose own steps stand among the
 * activity labels, or whose name stands in a header (`Wijkteam`, `Consulent SDV`); else null.
 */
function partyOfContent(columns: readonly Column[], activity: Column | null): Party {
	const votes = new Set<Party>();
	for (const label of activity?.values.labels ?? []) {
		const code = activityOfLabel(label, null);
		if (!code) continue;
		for (const [party, codes] of Object.entries(PARTY_STEPS))
			if (codes.includes(code)) votes.add(party as Party);
	}
	for (const c of columns) {
		if (hasAny(c, ['SCHULDHULP', 'SDV_ORG']) && !c.step.code) votes.add('sdv');
		if (c.concepts.has('SWT') && !c.step.code) votes.add('swt');
	}
	return votes.size === 1 ? [...votes][0]! : null;
}

/** The dossier id: a contract number (rank 0), else a dossier number (1), else a tenant's number (2). */
function findIdColumn(columns: readonly Column[]): { column: Column; rank: number } | null {
	const ranks: Concept[] = ['CONTRACT', 'DOSSIER', 'PERSON_NR'];
	for (let rank = 0; rank < ranks.length; rank++) {
		const column = columns.find(
			(c) =>
				c.concepts.has(ranks[rank]!) &&
				!c.concepts.has('DATE') &&
				// A workbook's numeric contract numbers may look like serial dates; written dates are no id.
				!(isDateValued(c.values) && !c.values.serialOnly) &&
				c.values.filled > 0 &&
				!hasStepWords(c) &&
				!hasAny(c, ['BLOCK', 'RECORD_DATE', 'REDEN', 'AFLOOP', 'ACTIVITY'])
		);
		if (column) return { column, rank };
	}
	return null;
}

/**
 * Pseudonymise unless every value is already a pseudonym: 16–64 hex characters in a column that
 * is no personal data. A party's own numbers (contract, dossier) are always pseudonymised.
 */
function needsPseudonym(column: Column): boolean {
	if (column.personal || column.values.labels === null) return true;
	return !column.values.labels.every((v) => PSEUDONYM.test(v));
}

/** The doelgroep column: by header words (the one whose labels place best), else by its labels. */
function findGroupColumn(columns: readonly Column[]): Column | null {
	const fit = (c: Column) =>
		!c.personal &&
		!c.dates &&
		c.values.labels !== null &&
		c.values.labels.length <= MAX_TABLE &&
		!hasStepWords(c) &&
		!hasAny(c, ['REDEN', 'AFLOOP', 'CONTRACT', 'DOSSIER', 'VERHUURDER', 'WIJK', 'MEASURE']);
	const share = (c: Column) => {
		const labels = c.values.labels!;
		return labels.length === 0
			? 0
			: labels.filter((l) => groupOfLabel(l) !== null).length / labels.length;
	};
	let best: Column | null = null;
	for (const c of columns) {
		if (fit(c) && c.concepts.has('GROUP') && (best === null || share(c) > share(best))) best = c;
	}
	if (best) return best;
	// Without a header that says so: a short list of labels that are mostly households, one a priority group.
	return (
		columns.find((c) => {
			if (!fit(c) || c.values.labels!.length < 2 || c.values.labels!.length > 30) return false;
			const groups = c.values.labels!.map(groupOfLabel);
			return share(c) >= 0.6 && groups.some((g) => g !== null && g !== 'overig');
		}) ?? null
	);
}

/** The activity column of a long export: the one with the most labels that are steps. */
function findActivityColumn(columns: readonly Column[], party: Party): Column | null {
	let best: Column | null = null;
	let bestScore = -1;
	for (const c of columns) {
		if (c.dates || c.values.labels === null || c.values.labels.length === 0) continue;
		if (hasAny(c, ['REDEN', 'AFLOOP', 'GROUP', 'WIJK', 'CONTRACT', 'DOSSIER', 'PERSON_NR']))
			continue;
		const steps = c.values.labels.filter((l) => {
			const code = activityOfLabel(l, party);
			return code !== null && code !== undefined;
		}).length;
		if (steps === 0 && !c.concepts.has('ACTIVITY')) continue;
		// Header words break a tie: `Activiteit`, `Soort`.
		const score = steps * 2 + (c.concepts.has('ACTIVITY') ? 1 : 0);
		if (score > bestScore) {
			best = c;
			bestScore = score;
		}
	}
	return best;
}

/** The date column of a long export: `Datum` or `Datum activiteit` before a registration or planned date. */
function pickDateColumn(columns: readonly Column[]): Column | null {
	let best: Column | null = null;
	let bestScore = -Infinity;
	for (const c of columns) {
		const score =
			(c.concepts.has('DATE') ? 2 : 0) +
			(c.concepts.has('ACTIVITY') ? 1 : 0) -
			(hasAny(c, ['RECORD_DATE', 'BLOCK', 'BLOCK_HEADER']) ? 4 : 0) -
			(c.step.code !== null ? 1 : 0);
		if (score > bestScore) {
			best = c;
			bestScore = score;
		}
	}
	return best;
}

/** The eviction reason column: `Reden ontruiming`, or `Reden` whose labels are mostly reasons. */
function findReasonColumn(columns: readonly Column[]): Column | null {
	const fit = (c: Column) =>
		!c.dates &&
		c.values.labels !== null &&
		c.values.labels.length <= MAX_TABLE &&
		c.concepts.has('REDEN') &&
		!hasAny(c, ['END', 'AFLOOP']);
	const mostly = (c: Column) => {
		const labels = c.values.labels!;
		return labels.filter((l) => reasonOfLabel(l) !== null).length * 2 >= labels.length;
	};
	return (
		columns.find((c) => fit(c) && c.concepts.has('ONTRUIMING')) ??
		columns.find((c) => fit(c) && !hasStepWords(c) && mostly(c)) ??
		null
	);
}

/** The outcome column of closed dossiers: `Afloop`, `Uitkomst`, `Resultaat`, `Reden afsluiting`. */
function findOutcomeColumn(columns: readonly Column[]): Column | null {
	return (
		columns.find(
			(c) =>
				!c.dates &&
				c.values.labels !== null &&
				c.values.labels.length <= MAX_TABLE &&
				(c.concepts.has('AFLOOP') || (c.concepts.has('REDEN') && c.concepts.has('END')))
		) ?? null
	);
}

/** A label column's value spec: the labels placed with certainty; each other label is named in `open`. */
function labelSpec(
	column: Column,
	classify: (label: string) => string | null,
	open: string[]
): ValueSpec {
	const waarden: Record<string, string> = {};
	for (const label of column.values.labels ?? []) {
		const code = classify(label);
		if (code === null) open.push(unplacedLabel(label, column.name));
		else waarden[label] = code;
	}
	return { kolom: column.name, ...(Object.keys(waarden).length > 0 ? { waarden } : {}) };
}

/**
 * The activity column's value spec: steps and skipped labels; each uncertain label is named in
 * `open`. As with columns (dropProxies), a label that names a step only through a proxy gives way
 * to a label that names the step itself.
 */
function activitySpec(column: Column, party: Party, open: string[]): ValueSpec {
	const waarden: Record<string, EventCode | null> = {};
	const labels = column.values.labels ?? [];
	const answers = labels.map((label) => ({ label, ...activityAnswer(label, party) }));
	for (const { label, code, proxy } of answers) {
		const named = proxy ? answers.find((a) => a.code === code && !a.proxy) : undefined;
		if (code === undefined) open.push(unplacedLabel(label, column.name));
		else if (named !== undefined)
			open.push(
				`Het label ${quote(label)} in kolom ${quote(column.name)} is niet gekoppeld: een herinnering kan op ${code} wijzen, maar het label ${quote(named.label)} noemt die stap zelf.`
			);
		else waarden[label] = code;
	}
	return { kolom: column.name, ...(Object.keys(waarden).length > 0 ? { waarden } : {}) };
}

/**
 * Columns on one step with evidence of unequal weight: a column whose header names the step only
 * through a proxy (`2e herinnering` for `achterstand_2m`) gives way to one that names the step
 * itself (`Tweede maand achterstand`), and is left open with the reason. Columns of equal weight
 * all stay (`1e huisbezoek`, `2e huisbezoek`; sameStepTwice names them).
 */
function dropProxies(columns: readonly Column[]): {
	placed: Column[];
	dropped: { column: Column; sentence: string }[];
} {
	const placed: Column[] = [];
	const dropped: { column: Column; sentence: string }[] = [];
	for (const c of columns) {
		const named = c.step.proxy
			? columns.find((o) => o.step.code === c.step.code && !o.step.proxy)
			: undefined;
		if (named === undefined) placed.push(c);
		else
			dropped.push({
				column: c,
				sentence: `De kolom ${quote(c.name)} is niet gekoppeld: een herinnering kan op ${c.step.code} wijzen, maar de kolom ${quote(named.name)} noemt die stap zelf. Kies zelf als ${quote(c.name)} toch een stap is.`
			});
	}
	return { placed, dropped };
}

/** How many distinct labels a column may hold to be taken for a doelgroep column without a header that says so. */
const MAX_GROUP_GUESS = 12;
/** Header words that make a column anything but a doelgroep. */
const NOT_GROUP: readonly Concept[] = [
	'BLOCK',
	'BLOCK_HEADER',
	'MEASURE',
	'RECORD_DATE',
	'REDEN',
	'AFLOOP',
	'CONTRACT',
	'DOSSIER',
	'PERSON_NR',
	'VERHUURDER',
	'WIJK',
	'DATE',
	'END'
];

/**
 * Columns of a wide export that may hold the doelgroep when none was recognised: used for nothing
 * else, no personal data or dates, a header with no word of another role, filled in at least half
 * the rows with 2 to 12 short labels that have letters (no amounts or counts), none of them a
 * doelgroep code, and not mostly reasons, outcomes, corporations or steps. In header order.
 */
function groupCandidates(columns: readonly Column[], rows: number): Column[] {
	return columns.filter((c) => {
		const labels = c.values.labels;
		if (c.personal || c.dates || labels === null) return false;
		if (labels.length < 2 || labels.length > MAX_GROUP_GUESS) return false;
		if (c.values.filled * 2 < rows) return false;
		if (hasStepWords(c) || hasAny(c, NOT_GROUP)) return false;
		if (labels.some((l) => l.length > 40 || !/\p{L}/u.test(l))) return false;
		if (labels.some((l) => (TARGET_GROUPS as readonly string[]).includes(normalizeCode(l))))
			return false;
		const other = labels.filter(
			(l) =>
				reasonOfLabel(l) !== null ||
				outcomeOfLabel(l) !== null ||
				corporationOfText(l) !== null ||
				(activityOfLabel(l, null) ?? null) !== null
		).length;
		return other * 2 < labels.length;
	});
}

/** Two or more columns placed on one step: said, so that the user can check it. */
function sameStepTwice(placed: readonly Column[], open: string[]): void {
	const byCode = new Map<EventCode, string[]>();
	for (const c of placed) byCode.set(c.step.code!, [...(byCode.get(c.step.code!) ?? []), c.name]);
	for (const [code, cols] of byCode) {
		if (cols.length > 1)
			open.push(
				`De kolommen ${cols.map(quote).join(' en ')} zijn allemaal gekoppeld aan ${code}; controleer dat elk een eigen gebeurtenis is.`
			);
	}
}

/** What `open` says about a column the profile does not use (or reads with dates it cannot read). */
function explainColumn(
	c: Column,
	placed: ReadonlySet<Column>,
	taken: ReadonlySet<Column>,
	open: string[],
	long = false
): void {
	if (!c.usable) return;
	if (placed.has(c)) {
		if (c.values.otherDate !== null)
			open.push(
				`De kolom ${quote(c.name)} bevat datums in een vorm die het inlezen niet kent (bijv. ${quote(c.values.otherDate)}); die regels worden geweigerd.`
			);
		return;
	}
	if (taken.has(c)) return;
	if (c.personal) {
		if (isDateValued(c.values))
			open.push(
				`De kolom ${quote(c.name)} bevat datums maar lijkt persoonsgegevens; hij wordt niet gekoppeld en niet geladen.`
			);
		return;
	}
	if (c.dates) {
		open.push(`De kolom ${quote(c.name)} bevat datums maar is aan geen stap gekoppeld.`);
		if (!long && c.step.ambiguous.length > 1)
			open.push(
				`De kolomnaam ${quote(c.name)} past bij meer dan één stap (${c.step.ambiguous.join(', ')}); kies zelf.`
			);
		return;
	}
	if (!long && c.step.code !== null && c.values.filled > 0)
		open.push(
			`De kolom ${quote(c.name)} lijkt de stap ${c.step.code}, maar bevat niet alleen datums (bijv. ${quote(c.values.nonDate ?? '')}); hij is niet gekoppeld.`
		);
}
