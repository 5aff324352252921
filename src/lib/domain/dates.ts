/** Dates as the project uses them: ISO `YYYY-MM-DD` strings, and Dutch display forms. */

/** Whether a string is a real calendar date in the form `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today's date in the Netherlands as `YYYY-MM-DD` (the "day of import" of the exchange format). */
export function todayInAmsterdam(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Amsterdam',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}
