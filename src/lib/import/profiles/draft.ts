/**
 * The mapping screen's working state (a draft) and the source profile it builds. Pure: the
 * screen holds a draft, shows it, and checks what buildProfile makes of it with validateProfile.
 */
import type { EventCode, Outcome, Reason, TargetGroup } from '../../domain/codes';
import { PROFILE_FORMAT, validateProfile, type ProfileResult } from './format';
import {
	suggestActivity,
	suggestGroup,
	suggestOutcome,
	suggestReason,
	type Suggestion
} from './suggest';

/** A value taken from one value, or from a column through a table of its labels. */
export interface LabelledColumn<T extends string> {
	/** The column ('' for none). */
	kolom: string;
	/** Code per label of the column ('' in a label table: not mapped). */
	labels: Record<string, T>;
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
	/** Doelgroep: a column ('' for none: every dossier `overig`). */
	group: LabelledColumn<TargetGroup>;
	wijkColumn: string;
	/** `breed`: the step per column ('' for not used). */
	steps: Record<string, EventCode | ''>;
	reason: LabelledColumn<Exclude<Reason, 'onbekend'>>;
	outcome: LabelledColumn<Outcome>;
	/** `lang`: the date column, the activity column and its labels ('' = overslaan). */
	dateColumn: string;
	activity: LabelledColumn<EventCode | ''>;
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

/** A label table for a column: every distinct label with its suggested code. */
export function labelTable<T extends string>(
	labels: readonly string[],
	suggest: (label: string) => T
): Record<string, T> {
	return Object.fromEntries(labels.map((l) => [l, suggest(l)]));
}

/** The first draft of a file: the suggestions, with label tables over the file's labels. */
export function initialDraft(
	fileName: string,
	suggestion: Suggestion,
	labelsOf: (column: string) => string[],
	werkblad: string | null = null
): Draft {
	const col = (c: string | null) => c ?? '';
	const table = <T extends string>(c: string | null, suggest: (l: string) => T) => ({
		kolom: col(c),
		labels: c === null ? {} : labelTable(labelsOf(c), suggest)
	});
	return {
		naam: fileName.replace(/\.[^.]+$/, ''),
		vorm: suggestion.vorm,
		werkblad,
		idColumns: [col(suggestion.idColumn), ''],
		pseudonimiseren: true,
		langDossiers: false,
		corporationMode:
			suggestion.corporationColumn && !suggestion.corporationValue ? 'kolom' : 'waarde',
		corporationValue: suggestion.corporationValue,
		corporation: table(suggestion.corporationColumn, (l) => l),
		group: table(suggestion.groupColumn, suggestGroup),
		wijkColumn: col(suggestion.wijkColumn),
		steps: Object.fromEntries(Object.entries(suggestion.steps).map(([c, s]) => [c, s ?? ''])),
		reason: table(suggestion.reasonColumn, suggestReason),
		outcome: table(suggestion.outcomeColumn, suggestOutcome),
		dateColumn: col(suggestion.dateColumn),
		activity: table(suggestion.activityColumn, (l) => suggestActivity(l) ?? '')
	};
}

function labelled(c: LabelledColumn<string>, anders?: string): Record<string, unknown> {
	const waarden = Object.fromEntries(Object.entries(c.labels).filter(([, v]) => v !== ''));
	return {
		kolom: c.kolom,
		...(Object.keys(waarden).length > 0 ? { waarden } : {}),
		...(anders ? { anders } : {})
	};
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
			d.corporationMode === 'waarde' ? { waarde: d.corporationValue } : labelled(d.corporation);
		out.doelgroep = d.group.kolom === '' ? { waarde: 'overig' } : labelled(d.group, 'overig');
		if (d.wijkColumn !== '') out.wijk = { kolom: d.wijkColumn };
	}
	if (d.vorm === 'breed') {
		out.gebeurtenissen = Object.entries(d.steps)
			.filter(([, code]) => code !== '')
			.map(([kolom, gebeurtenis]) => ({
				gebeurtenis,
				kolom,
				...(gebeurtenis === 'ontruiming' && d.reason.kolom !== ''
					? { reden: labelled(d.reason) }
					: {}),
				...(gebeurtenis === 'afgesloten' && d.outcome.kolom !== ''
					? { uitkomst: labelled(d.outcome) }
					: {})
			}));
	} else {
		out.datum = { kolom: d.dateColumn };
		out.gebeurtenis = {
			kolom: d.activity.kolom,
			waarden: Object.fromEntries(
				Object.entries(d.activity.labels).map(([label, code]) => [label, code === '' ? null : code])
			)
		};
	}
	return out;
}

/** The draft as a checked profile, or the Dutch message naming the key that is wrong. */
export function buildProfile(d: Draft, fileName = 'profiel'): ProfileResult {
	return validateProfile(profileObject(d), fileName);
}
