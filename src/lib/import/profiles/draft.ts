/**
 * The mapping screen's working state (a draft) and the source profile it builds. Pure: the
 * screen holds a draft made from a profile (a suggestion, or the profile that was used, for
 * "Profiel herstellen"), shows it, and checks what buildProfile makes of it with validateProfile.
 * A profile survives draftFromProfile → buildProfile unchanged, so a repair changes only what the
 * user changes.
 */
import type { EventCode, Outcome, Reason, TargetGroup } from '../../domain/codes';
import {
	PROFILE_FORMAT,
	keyUse,
	needsKey,
	validateProfile,
	type AddressSpec,
	type ProfileResult,
	type SourceProfile,
	type ValueSpec
} from './format';
import { normalizeCode } from '../../domain/codes';

/** A value taken from one value, or from a column through a table of its labels. */
export interface LabelledColumn<T extends string | null> {
	/** The column ('' for none). */
	kolom: string;
	/** Code per label of the column; '' = not mapped (the label is not in the profile's table). */
	labels: Record<string, T | ''>;
	/** The profile's `anders`; '' = none. Absent in a doelgroep: `overig` (the screen's default). */
	anders?: NonNullable<T> | '';
	/** Without a column: the profile's `{ waarde }`, if any. */
	waarde?: NonNullable<T>;
}

/** A wide step's own reden or uitkomst where it differs from the shared one (null: none). */
export interface EventSpecs {
	reden?: ValueSpec | null;
	uitkomst?: ValueSpec | null;
}

export interface Draft {
	naam: string;
	vorm: 'breed' | 'lang';
	werkblad: string | null;
	/** One or two id columns ('' for an unused second one). */
	idColumns: string[];
	pseudonimiseren: boolean;
	/** `lang`: whether the file also gives the dossiers (corporatie and doelgroep). */
	langDossiers: boolean;
	corporationMode: 'waarde' | 'kolom';
	corporationValue: string;
	corporation: LabelledColumn<string>;
	/** Doelgroep: a column ('' for none: every dossier `waarde`, default `overig`). */
	group: LabelledColumn<TargetGroup>;
	wijkColumn: string;
	/** The wijk spec's table, fallback or single value, kept from a profile. */
	wijkSpec?: { waarden?: Record<string, string>; anders?: string; waarde?: string };
	/**
	 * The address columns that become the dossier's `adres_sleutel` (never loaded), as the screen's
	 * three selects hold them: '' = geen. Absent when none is chosen; the profile gets `adres` only
	 * with both postcode and huisnummer (see setAddressColumn and addressProblem).
	 */
	adres?: AddressSpec;
	/** `breed`: the step per column ('' for not used). */
	steps: Record<string, EventCode | ''>;
	/** Per step column, its own reden or uitkomst where a profile gave it one that differs. */
	eventSpecs?: Record<string, EventSpecs>;
	/** `breed`: of the ontruiming steps; `lang`: of the activity rows ('' column and no waarde: none). */
	reason: LabelledColumn<Exclude<Reason, 'onbekend'>>;
	/** `breed`: of the afgesloten steps; `lang`: of the activity rows. */
	outcome: LabelledColumn<Outcome>;
	/** `lang`: the date column, the activity column and its labels (null = overslaan, '' = not mapped). */
	dateColumn: string;
	activity: LabelledColumn<EventCode | null>;
}

/** The distinct non-empty values of a column, in order of first appearance (at most `max`). */
export function distinctValues(
	header: readonly string[],
	rows: readonly { fields: readonly string[] }[] | readonly (readonly string[])[],
	column: string,
	max = 200
): string[] {
	const i = header.indexOf(column);
	if (i === -1) return [];
	const seen = new Set<string>();
	for (const row of rows) {
		const fields = Array.isArray(row) ? row : (row as { fields: readonly string[] }).fields;
		const v = (fields[i] ?? '').trim();
		if (v !== '') seen.add(v);
		if (seen.size >= max) break;
	}
	return [...seen];
}

const EMPTY: LabelledColumn<never> = { kolom: '', labels: {} };

/**
 * A labelled column from a value spec: the profile's table as it is, then every label of the file
 * that the table does not hold (by the header rule) as not mapped ('').
 */
function fromSpec<T extends string | null>(
	spec: ValueSpec | undefined,
	labelsOf: (column: string) => string[],
	andersDefault: '' | undefined = ''
): LabelledColumn<T> {
	if (spec === undefined) return { ...EMPTY, labels: {}, anders: andersDefault };
	if ('waarde' in spec)
		return { kolom: '', labels: {}, anders: andersDefault, waarde: spec.waarde as NonNullable<T> };
	const labels: Record<string, T | ''> = { ...(spec.waarden as Record<string, T>) };
	const known = new Set(Object.keys(labels).map(normalizeCode));
	for (const label of labelsOf(spec.kolom)) {
		if (!known.has(normalizeCode(label))) {
			known.add(normalizeCode(label));
			labels[label] = '';
		}
	}
	return { kolom: spec.kolom, labels, anders: (spec.anders ?? '') as NonNullable<T> | '' };
}

const sameSpec = (a: ValueSpec | undefined, b: ValueSpec | undefined) =>
	JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The screen's draft of a profile: every column and label the profile maps, and the file's
 * labels it does not place as not mapped (''). `sheet` is the sheet the screen shows (else the
 * profile's `werkblad`).
 */
export function draftFromProfile(
	profile: SourceProfile,
	fileName: string,
	labelsOf: (column: string) => string[],
	sheet: string | null
): Draft {
	const corporatie = profile.corporatie;
	const wijk = profile.wijk;
	const draft: Draft = {
		naam: profile.naam.trim() === '' ? fileName.replace(/\.[^.]+$/, '') : profile.naam,
		vorm: profile.vorm,
		werkblad: sheet ?? profile.werkblad ?? null,
		idColumns: [...profile.dossier_id.kolommen, ''].slice(
			0,
			Math.max(2, profile.dossier_id.kolommen.length)
		),
		pseudonimiseren: profile.dossier_id.pseudonimiseren,
		langDossiers: profile.vorm === 'lang' && corporatie !== undefined,
		corporationMode: corporatie !== undefined && 'kolom' in corporatie ? 'kolom' : 'waarde',
		corporationValue: corporatie !== undefined && 'waarde' in corporatie ? corporatie.waarde : '',
		corporation: fromSpec<string>(
			corporatie && 'kolom' in corporatie ? corporatie : undefined,
			labelsOf
		),
		group: fromSpec<TargetGroup>(profile.doelgroep, labelsOf),
		wijkColumn: wijk && 'kolom' in wijk ? wijk.kolom : '',
		steps: {},
		reason: fromSpec(undefined, labelsOf),
		outcome: fromSpec(undefined, labelsOf),
		dateColumn: '',
		activity: fromSpec(undefined, labelsOf)
	};
	while (draft.idColumns.length < 2) draft.idColumns.push('');
	if (profile.adres) draft.adres = { ...profile.adres };
	if (wijk) {
		draft.wijkSpec =
			'waarde' in wijk
				? { waarde: wijk.waarde }
				: {
						...(wijk.waarden ? { waarden: wijk.waarden as Record<string, string> } : {}),
						...(wijk.anders !== undefined ? { anders: wijk.anders } : {})
					};
	}
	if (profile.vorm === 'breed') {
		// The shared reden and uitkomst: those of the first step that has one.
		const reden = profile.gebeurtenissen.find((e) => e.reden)?.reden;
		const uitkomst = profile.gebeurtenissen.find((e) => e.uitkomst)?.uitkomst;
		draft.reason = fromSpec(reden, labelsOf);
		draft.outcome = fromSpec(uitkomst, labelsOf);
		const own: Record<string, EventSpecs> = {};
		for (const e of profile.gebeurtenissen) {
			draft.steps[e.kolom] = e.gebeurtenis;
			const specs: EventSpecs = {};
			if (e.gebeurtenis === 'ontruiming' && !sameSpec(e.reden, reden))
				specs.reden = e.reden ?? null;
			if (e.gebeurtenis === 'afgesloten' && !sameSpec(e.uitkomst, uitkomst))
				specs.uitkomst = e.uitkomst ?? null;
			if (Object.keys(specs).length > 0) own[e.kolom] = specs;
		}
		if (Object.keys(own).length > 0) draft.eventSpecs = own;
	} else {
		draft.dateColumn = profile.datum.kolom;
		draft.activity = fromSpec<EventCode | null>(profile.gebeurtenis, labelsOf);
		draft.reason = fromSpec(profile.reden, labelsOf);
		draft.outcome = fromSpec(profile.uitkomst, labelsOf);
	}
	return draft;
}

/** A labelled column as a value spec: its mapped labels ('' left out) and its `anders`; null when it has no column and no value. */
function labelled(
	c: LabelledColumn<string | null>,
	andersDefault: string | undefined = undefined
): ValueSpec | null {
	if (c.kolom === '') return c.waarde !== undefined ? { waarde: c.waarde } : null;
	const waarden = Object.fromEntries(Object.entries(c.labels).filter(([, v]) => v !== ''));
	const anders = c.anders === undefined ? andersDefault : c.anders;
	return {
		kolom: c.kolom,
		...(Object.keys(waarden).length > 0 ? { waarden } : {}),
		...(anders ? { anders } : {})
	} as ValueSpec;
}

/** The profile object a draft makes (keys in the spec's order), before validation. */
export function profileObject(d: Draft): Record<string, unknown> {
	const dossierAttributes = d.vorm === 'breed' || d.langDossiers;
	const out: Record<string, unknown> = {
		formaat: PROFILE_FORMAT,
		naam: d.naam.trim(),
		vorm: d.vorm,
		...(d.werkblad ? { werkblad: d.werkblad } : {}),
		dossier_id: {
			kolommen: d.idColumns.filter((c) => c !== ''),
			pseudonimiseren: d.pseudonimiseren
		}
	};
	if (dossierAttributes) {
		out.corporatie =
			d.corporationMode === 'waarde'
				? { waarde: d.corporationValue }
				: (labelled(d.corporation) ?? { kolom: '' });
		out.doelgroep =
			d.group.kolom === '' ? { waarde: d.group.waarde ?? 'overig' } : labelled(d.group, 'overig');
		const wijk = d.wijkSpec;
		if (d.wijkColumn !== '')
			out.wijk = {
				kolom: d.wijkColumn,
				...(wijk?.waarden && Object.keys(wijk.waarden).length > 0 ? { waarden: wijk.waarden } : {}),
				...(wijk?.anders !== undefined ? { anders: wijk.anders } : {})
			};
		else if (wijk?.waarde !== undefined) out.wijk = { waarde: wijk.waarde };
		const adres = completeAddress(d);
		if (adres) out.adres = adres;
	}
	const reden = labelled(d.reason);
	const uitkomst = labelled(d.outcome);
	if (d.vorm === 'breed') {
		out.gebeurtenissen = Object.entries(d.steps)
			.filter(([, code]) => code)
			.map(([kolom, gebeurtenis]) => {
				const own = d.eventSpecs?.[kolom] ?? {};
				const r = own.reden !== undefined ? own.reden : reden;
				const u = own.uitkomst !== undefined ? own.uitkomst : uitkomst;
				return {
					gebeurtenis,
					kolom,
					...(gebeurtenis === 'ontruiming' && r ? { reden: r } : {}),
					...(gebeurtenis === 'afgesloten' && u ? { uitkomst: u } : {})
				};
			});
	} else {
		out.datum = { kolom: d.dateColumn };
		out.gebeurtenis = labelled(d.activity) ?? { kolom: '' };
		if (reden) out.reden = reden;
		if (uitkomst) out.uitkomst = uitkomst;
	}
	return out;
}

/** The draft as a checked profile, or the Dutch message naming the key that is wrong. */
export function buildProfile(d: Draft, fileName = 'profiel'): ProfileResult {
	const address = addressProblem(d);
	if (address !== null)
		return {
			ok: false,
			message: `${fileName}: ongeldig profiel: ‘adres’ is onvolledig: ${address}.`
		};
	return validateProfile(profileObject(d), fileName);
}

/** One of the three address selects. */
export type AddressPart = keyof AddressSpec;

/**
 * Whether the draft's shape may have an address, as format.ts rules: `breed`, or `lang` when the
 * file also gives the dossiers (corporatie and doelgroep), like `wijk`.
 */
export function addressAllowed(d: Draft): boolean {
	return d.vorm === 'breed' || d.langDossiers;
}

/** The address select's value for one part ('' = geen). */
export function addressColumn(d: Draft, part: AddressPart): string {
	return d.adres?.[part] ?? '';
}

/**
 * Sets one address column of the draft ('' = geen). With postcode and huisnummer the profile has
 * an `adres`; without one of them it has none (and addressProblem says what is missing while the
 * other is still chosen); with all three on geen the draft has no address at all. A column that
 * becomes an address column is no step any more: the step table does not show it, and format.ts
 * refuses an address column used for anything but the key.
 */
export function setAddressColumn(d: Draft, part: AddressPart, column: string): void {
	const next: AddressSpec = {
		postcode: addressColumn(d, 'postcode'),
		huisnummer: addressColumn(d, 'huisnummer')
	};
	const toevoeging = addressColumn(d, 'toevoeging');
	if (toevoeging !== '') next.toevoeging = toevoeging;
	if (part === 'toevoeging' && column === '') delete next.toevoeging;
	else next[part] = column;
	if (next.postcode === '' && next.huisnummer === '' && next.toevoeging === undefined)
		delete d.adres;
	else d.adres = next;
	if (column !== '' && d.steps[column]) d.steps[column] = '';
}

/** The draft's address as the profile's `adres`: only with postcode and huisnummer, and where the shape allows it. */
function completeAddress(d: Draft): AddressSpec | null {
	const a = d.adres;
	if (!a || !addressAllowed(d) || a.postcode === '' || a.huisnummer === '') return null;
	return {
		postcode: a.postcode,
		huisnummer: a.huisnummer,
		...(a.toevoeging ? { toevoeging: a.toevoeging } : {})
	};
}

/**
 * What the draft's address lacks, in Dutch, or null: an address key needs both the postcode and
 * the house number (an addition alone is none). buildProfile refuses such a draft with it.
 */
export function addressProblem(d: Draft): string | null {
	const a = d.adres;
	if (!a || !addressAllowed(d)) return null;
	const postcode = a.postcode !== '';
	const huisnummer = a.huisnummer !== '';
	if (postcode && huisnummer) return null;
	const why = 'een adressleutel heeft de postcode én het huisnummer nodig';
	if (postcode) return `kies ook de kolom met het huisnummer, of ‘geen’ bij de postcode: ${why}`;
	if (huisnummer) return `kies ook de kolom met de postcode, of ‘geen’ bij het huisnummer: ${why}`;
	return `kies ook de kolommen met de postcode en het huisnummer, of ‘geen’ bij de toevoeging: ${why}`;
}

/**
 * What a built profile needs the werkgroep key for, in Dutch, or null when it needs none. The
 * mapping screen does not ask for the key (its preview uses a random one); loading does, as
 * `sleutel_ontbreekt` refuses such a profile without it. `hasKey`: a key was given in this tab.
 */
export function keyNotice(profile: SourceProfile, hasKey: boolean): string | null {
	if (!needsKey(profile)) return null;
	const what = `Dit profiel ${keyUse(profile)}: daarvoor is de sleutel van de werkgroep nodig`;
	return hasKey
		? `${what}; de sleutel die in dit tabblad is gegeven, wordt gebruikt.`
		: `${what}. Bij het laden vraagt de pagina erom; zonder sleutel wordt het bestand niet ingelezen.`;
}
