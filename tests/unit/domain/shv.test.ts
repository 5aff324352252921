/** The schuldhulpverlening enumerations, the crisis rule and the norm dates (ddas-schuldhulpverlening.md). */
import { describe, expect, it } from 'vitest';
import {
	isCrisis,
	matchBeschikking,
	matchOplossing,
	matchUitstroomReden
} from '../../../src/lib/domain/shv';
import { beschikkingNormDate, eersteGesprekNormDate } from '../../../src/lib/domain/wgs-norms';

describe('enumerations', () => {
	it('match case-insensitively, with the spellings that mean the same', () => {
		expect(matchUitstroomReden('niet  verschenen')).toBe('Nietverschenen');
		expect(matchOplossing('0% AANBOD')).toBe('0%-aanbod');
		expect(matchBeschikking('AFWIJZINGSBESCHIKKING')).toBe('Afwijzingsbeschikking');
		expect(matchBeschikking('Beeindigingsbeschikking')).toBeNull();
		expect(matchBeschikking('Toewijzingsbeschikking')).toBeNull();
	});
});

describe('crisis', () => {
	const base = { crisisAanmelding: false, eersteCrisis: null, eersteGesprek: null };
	it('is the aanmelding marked crisis, or a crisisinterventie on or before the first conversation', () => {
		expect(isCrisis(base)).toBe(false);
		expect(isCrisis({ ...base, crisisAanmelding: true, eersteGesprek: '2025-01-01' })).toBe(true);
		expect(isCrisis({ ...base, eersteCrisis: '2025-01-05', eersteGesprek: '2025-01-05' })).toBe(
			true
		);
		expect(isCrisis({ ...base, eersteCrisis: '2025-01-06', eersteGesprek: '2025-01-05' })).toBe(
			false
		);
		// No first conversation yet: the crisisinterventie comes before it.
		expect(isCrisis({ ...base, eersteCrisis: '2025-01-06' })).toBe(true);
	});
});

describe('norm dates', () => {
	it('28 days, or 3 working days of the Algemene termijnenwet when crisis; 56 days to the beschikking', () => {
		expect(eersteGesprekNormDate('2023-01-01', false)).toBe('2023-01-29');
		expect(eersteGesprekNormDate('2023-01-01', true)).toBe('2023-01-04');
		// Friday 2 May 2025: Monday 5 mei is a holiday.
		expect(eersteGesprekNormDate('2025-05-02', true)).toBe('2025-05-08');
		expect(beschikkingNormDate('2025-01-20')).toBe('2025-03-17');
	});
});
