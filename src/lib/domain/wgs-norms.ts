/**
 * The legal norms of the Wet gemeentelijke schuldhulpverlening (Wgs) for the debt-help figures, as
 * data with their source (spec: ddas-schuldhulpverlening.md, "The legal norms"); the werkafspraken'
 * own norms are in lead-times.ts. One place: the figures, the Verantwoording page and the report
 * read them here.
 */
import { addDays, addWorkingDays } from './holidays';

/** How a norm's term is counted. */
export type TermUnit = 'dagen' | 'werkdagen';

/** One Wgs norm: at most `term` days or working days from `from` to `to`. */
export interface WgsNorm {
	id: 'eerste_gesprek' | 'eerste_gesprek_crisis' | 'beschikking';
	/** Dutch label for screens and reports. */
	label: string;
	from: string;
	to: string;
	term: number;
	unit: TermUnit;
	/** Where the norm comes from in the law (Dutch). */
	source: string;
}

/** The three norms of the Wgs in force since 1 January 2021. */
export const WGS_NORMS = [
	{
		id: 'eerste_gesprek',
		label: 'Aanmelding → eerste gesprek',
		from: 'aanmelding',
		to: 'eerste gesprek (intake)',
		term: 28,
		unit: 'dagen',
		source: 'Wgs: het eerste gesprek binnen vier weken na de aanmelding'
	},
	{
		id: 'eerste_gesprek_crisis',
		label: 'Aanmelding → eerste gesprek bij dreigende ontruiming of afsluiting',
		from: 'aanmelding (crisis)',
		to: 'eerste gesprek (intake)',
		term: 3,
		unit: 'werkdagen',
		source:
			'Wgs: het eerste gesprek binnen drie werkdagen bij een dreigende ontruiming, afsluiting van energie of water, of beëindiging van de zorgverzekering; werkdagen volgens de Algemene termijnenwet'
	},
	{
		id: 'beschikking',
		label: 'Eerste gesprek → beschikking',
		from: 'eerste gesprek (intake)',
		to: 'beschikking',
		term: 56,
		unit: 'dagen',
		source: 'Wgs (sinds 1 januari 2021): de beschikking binnen acht weken na het eerste gesprek'
	}
] as const satisfies readonly WgsNorm[];

/** The norm of the given id. */
export function wgsNorm(id: WgsNorm['id']): WgsNorm {
	return WGS_NORMS.find((n) => n.id === id)!;
}

/** The last day on which the step still meets the norm, for a start on `start` (`YYYY-MM-DD`). */
export function normDate(norm: Pick<WgsNorm, 'term' | 'unit'>, start: string): string {
	return norm.unit === 'werkdagen' ? addWorkingDays(start, norm.term) : addDays(start, norm.term);
}

/** The norm text as shown: "28 dagen", "3 werkdagen". */
export function termText(norm: Pick<WgsNorm, 'term' | 'unit'>): string {
	return `${norm.term} ${norm.term === 1 ? (norm.unit === 'dagen' ? 'dag' : 'werkdag') : norm.unit}`;
}

/** The last day for the first conversation: 3 working days after a crisis aanmelding, else 28 days. */
export function eersteGesprekNormDate(aanmelding: string, crisis: boolean): string {
	return normDate(wgsNorm(crisis ? 'eerste_gesprek_crisis' : 'eerste_gesprek'), aanmelding);
}

/** The last day for the beschikking: 56 days after the first conversation. */
export function beschikkingNormDate(eersteGesprek: string): string {
	return normDate(wgsNorm('beschikking'), eersteGesprek);
}
