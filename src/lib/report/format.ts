/** Dutch (nl-NL) formatting of numbers, shares, days and dates, and labels for the codes. */
import { LEAD_TIMES } from '../domain/lead-times';

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

/** A count: `1.234`; unknown: `–`. */
export function formatCount(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : integer.format(value);
}

/** Days with at most one decimal: `34,5`; unknown: `–`. */
export function formatDays(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : decimal.format(value);
}

/** A share as a whole percentage: `74%`; unknown: `–`. */
export function formatShare(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : percent.format(value);
}

/** teller / noemer as a share, null when the denominator is 0. */
export function share(teller: number, noemer: number): number | null {
	return noemer === 0 ? null : teller / noemer;
}

const MONTHS = [
	'januari',
	'februari',
	'maart',
	'april',
	'mei',
	'juni',
	'juli',
	'augustus',
	'september',
	'oktober',
	'november',
	'december'
];

/** `2014-11-01` → `1 november 2014`. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** A period `[van, tot)` in words: `1 november 2014 tot 1 mei 2015`. */
export function formatPeriod(van: string, tot: string): string {
	return `${formatDate(van)} tot ${formatDate(tot)}`;
}

/** `2015-1` → `1e halfjaar 2015`. */
export function formatHalfYear(key: string): string {
	const [year, half] = key.split('-');
	return `${half === '1' ? '1e' : '2e'} halfjaar ${year}`;
}

const CORPORATION_LABELS: Record<string, string> = {
	ymere: 'Ymere',
	pre_wonen: 'Pré Wonen',
	elan_wonen: 'Elan Wonen'
};

/** A corporation label for display: the signatories by name, others from their normalized label. */
export function corporationName(label: string): string {
	return (
		CORPORATION_LABELS[label] ??
		label
			.split('_')
			.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
			.join(' ')
	);
}

export const TARGET_GROUP_LABELS: Record<string, string> = {
	gezin_met_kinderen: 'Gezinnen met kinderen',
	senior: 'Senioren',
	oggz: 'Kwetsbare personen (OGGZ)',
	overig: 'Overige huurders'
};

export const LEAD_TIME_LABELS: Record<string, string> = Object.fromEntries(
	LEAD_TIMES.map((l) => [l.id, l.label])
);
