/** The selection in words, for every summary line (dashboard, report, briefing, exports); pure. */
import { PRIORITY_GROUPS, TARGET_GROUPS } from '../domain/codes';
import type { Selection } from '../metrics/types';
import { corporationName, orderCorporations, TARGET_GROUP_LABELS } from './format';
import { joinList } from './letter/grammar';

/** `Ymere, Pré Wonen en Elan Wonen`; `geen corporatie` for the empty set. */
export function corporationsText(corporaties: readonly string[]): string {
	if (corporaties.length === 0) return 'geen corporatie';
	return joinList(orderCorporations(corporaties).map(corporationName));
}

const lower = (group: string) => {
	const label = TARGET_GROUP_LABELS[group] ?? group.replace(/_/g, ' ');
	return label.charAt(0).toLowerCase() + label.slice(1);
};
const rank = (group: string) => {
	const i = (TARGET_GROUPS as readonly string[]).indexOf(group);
	return i === -1 ? TARGET_GROUPS.length : i;
};

/**
 * The doelgroepen in words; the default (the three priority groups) says that overige huurders
 * are left out: `de prioritaire doelgroepen gezinnen met kinderen, …, zonder overige huurders`.
 */
export function doelgroepenText(doelgroepen: readonly string[]): string {
	const codes = [...new Set(doelgroepen)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
	if (codes.length === 0) return 'geen doelgroep';
	const listed = joinList(codes.map(lower));
	const isPriority =
		codes.length === PRIORITY_GROUPS.length && PRIORITY_GROUPS.every((g) => codes.includes(g));
	if (isPriority) return `de prioritaire doelgroepen ${listed}, zonder overige huurders`;
	if (TARGET_GROUPS.every((g) => codes.includes(g)))
		return 'alle doelgroepen, ook overige huurders';
	return codes.includes('overig') ? listed : `${listed}, zonder overige huurders`;
}

/** `wijk Zuid-West`, `wijken Noord en Oost`; `alle wijken` without a wijk filter. */
export function wijkenText(wijken: readonly string[] | null): string {
	if (wijken === null) return 'alle wijken';
	if (wijken.length === 0) return 'geen wijk';
	return `${wijken.length === 1 ? 'wijk' : 'wijken'} ${joinList([...wijken])}`;
}

/**
 * What the figures cannot show for this selection, as Dutch messages for an alert: an empty set
 * of corporations or doelgroepen selects no dossier, so every figure is zero.
 */
export function selectionNotices(
	selection: Pick<Selection, 'corporaties' | 'doelgroepen' | 'wijken'>,
	known: { wijken: readonly string[] } = { wijken: [] }
): string[] {
	const notices: string[] = [];
	const empty = [
		selection.corporaties.length === 0 && 'geen corporatie',
		selection.doelgroepen.length === 0 && 'geen doelgroep'
	].filter((x): x is string => typeof x === 'string');
	if (empty.length > 0) {
		notices.push(
			`${capitalizeFirst(joinList(empty))} gekozen: er zijn geen dossiers geselecteerd, dus alle cijfers zijn nul. Kies ten minste één ${empty.length === 2 ? 'corporatie en één doelgroep' : empty[0] === 'geen corporatie' ? 'corporatie' : 'doelgroep'} om cijfers te zien.`
		);
	}
	const unknown = (selection.wijken ?? []).filter((w) => !known.wijken.includes(w));
	if (known.wijken.length > 0 && unknown.length > 0) {
		notices.push(
			`${unknown.length === 1 ? 'De wijk' : 'De wijken'} ${joinList(unknown)} ${unknown.length === 1 ? 'komt' : 'komen'} in de gegevens niet voor; daar zijn alle cijfers nul.`
		);
	}
	return notices;
}

function capitalizeFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
