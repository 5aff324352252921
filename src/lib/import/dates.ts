/** Step 4a: the date forms of the exchange format to ISO `YYYY-MM-DD`. */

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DMY = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/;

/** Parses `YYYY-MM-DD`, `D-M-YYYY`/`DD-MM-YYYY`, `D/M/YYYY`/`DD/MM/YYYY` or an ISO timestamp (time ignored); null when invalid. */
export function parseDate(value: string): string | null {
	let m = ISO.exec(value);
	if (m) return isoIfValid(+m[1]!, +m[2]!, +m[3]!);
	m = DMY.exec(value);
	if (m) return isoIfValid(+m[4]!, +m[3]!, +m[1]!);
	return null;
}

/** True when year-month-day is a real calendar day. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoIfValid(year: number, month: number, day: number): string | null {
	if (!isCalendarDate(year, month, day)) return null;
	return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
