/** The CBS gemeente list of 2025 (src/lib/domain/gemeenten.ts): its shape and the codes the data use. */
import { describe, expect, test } from 'vitest';
import {
	GEMEENTEN,
	GEMEENTEN_JAAR,
	gemeenteLabel,
	gemeenteNaam
} from '../../../src/lib/domain/gemeenten';

describe('the gemeenten of 2025', () => {
	test('342 gemeenten, each a four-digit code and a name, no name twice', () => {
		expect(GEMEENTEN_JAAR).toBe(2025);
		expect(GEMEENTEN.size).toBe(342);
		for (const [code, name] of GEMEENTEN) {
			expect(code).toMatch(/^\d{4}$/);
			expect(name.trim()).toBe(name);
			expect(name.length).toBeGreaterThan(1);
		}
		expect(new Set(GEMEENTEN.values()).size).toBe(342);
	});

	test('every code of the demo and test data names the right gemeente', () => {
		expect(gemeenteNaam('0392')).toBe('Haarlem');
		expect(gemeenteNaam('0034')).toBe('Almere');
		expect(gemeenteNaam('0518')).toBe("'s-Gravenhage");
		expect(gemeenteNaam('0599')).toBe('Rotterdam');
		expect(gemeenteNaam('0363')).toBe('Amsterdam');
	});

	test('the indeling of 2025: Voorne aan Zee (2023) in, the gemeenten it and Amsterdam took in out', () => {
		expect(gemeenteNaam('1992')).toBe('Voorne aan Zee');
		for (const gone of ['0501', '0530', '0614', '0457']) expect(gemeenteNaam(gone)).toBeNull();
		// The herindelingen of 2022 are there too.
		expect(gemeenteNaam('1980')).toBe('Dijk en Waard');
		expect(gemeenteNaam('1982')).toBe('Land van Cuijk');
		expect(gemeenteNaam('1991')).toBe('Maashorst');
	});

	test('a label names the gemeente with its code beside it; an unknown code says it is a code', () => {
		expect(gemeenteLabel('0392')).toBe('Haarlem (0392)');
		expect(gemeenteLabel('0518')).toBe("'s-Gravenhage (0518)");
		expect(gemeenteLabel('0457')).toBe('gemeentecode 0457');
		expect(gemeenteLabel('9999')).toBe('gemeentecode 9999');
	});
});
