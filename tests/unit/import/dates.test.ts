import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseDate } from '../../../src/lib/import/dates';

describe('parseDate', () => {
	it.each([
		{ name: 'YYYY-MM-DD', input: '2015-03-01', expected: '2015-03-01' },
		{ name: 'DD-MM-YYYY', input: '01-03-2015', expected: '2015-03-01' },
		{ name: 'D-M-YYYY', input: '1-3-2015', expected: '2015-03-01' },
		{ name: 'D-MM-YYYY', input: '1-03-2015', expected: '2015-03-01' },
		{ name: 'DD/MM/YYYY', input: '01/03/2015', expected: '2015-03-01' },
		{ name: 'D/M/YYYY', input: '1/3/2015', expected: '2015-03-01' },
		{ name: 'day 31 in DD-MM-YYYY', input: '31-12-2016', expected: '2016-12-31' },
		{ name: 'ISO timestamp', input: '2015-03-01T00:00:00', expected: '2015-03-01' },
		{ name: 'ISO timestamp with Z', input: '2015-03-01T23:59:59Z', expected: '2015-03-01' },
		{
			name: 'ISO timestamp with offset',
			input: '2015-03-01T10:00:00+01:00',
			expected: '2015-03-01'
		},
		{
			name: 'ISO timestamp with fraction',
			input: '2015-03-01T10:00:00.123Z',
			expected: '2015-03-01'
		},
		{ name: 'ISO timestamp without seconds', input: '2015-03-01T10:00', expected: '2015-03-01' },
		{ name: 'leap day 2016', input: '29-02-2016', expected: '2016-02-29' },
		{ name: 'leap day 2000', input: '2000-02-29', expected: '2000-02-29' },
		{ name: 'no leap day 2015', input: '2015-02-29', expected: null },
		{ name: 'no leap day 1900', input: '29/02/1900', expected: null },
		{ name: '30 February', input: '2015-02-30', expected: null },
		{ name: '31 February DD-MM', input: '31-02-2015', expected: null },
		{ name: '31 April', input: '31/04/2015', expected: null },
		{ name: 'month 13', input: '2015-13-01', expected: null },
		{ name: 'day 0', input: '00-01-2015', expected: null },
		{ name: 'mixed separators', input: '01-03/2015', expected: null },
		{ name: 'two-digit year', input: '01-03-15', expected: null },
		{ name: 'YYYY/MM/DD', input: '2015/03/01', expected: null },
		{ name: 'single-digit ISO month', input: '2015-3-1', expected: null },
		{ name: 'space instead of T', input: '2015-03-01 10:00:00', expected: null },
		{ name: 'dotted', input: '01.03.2015', expected: null },
		{ name: 'compact', input: '20150301', expected: null },
		{ name: 'words', input: '1 maart 2015', expected: null },
		{ name: 'empty', input: '', expected: null },
		{ name: 'Excel serial', input: '42064', expected: null }
	])('$name: $input', ({ input, expected }) => expect(parseDate(input)).toBe(expected));
});

describe('isCalendarDate', () => {
	it.each([
		{ input: [2024, 2, 29], expected: true },
		{ input: [2023, 2, 29], expected: false },
		{ input: [2023, 11, 31], expected: false },
		{ input: [2023, 12, 31], expected: true }
	])('$input', ({ input, expected }) =>
		expect(isCalendarDate(input[0]!, input[1]!, input[2]!)).toBe(expected)
	);
});
