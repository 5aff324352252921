import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import type { Counts } from '../../../src/lib/import/types';

const dir = new URL('../../fixtures/import/', import.meta.url);
const load = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) });
const counts = (
	gelezen: number,
	geaccepteerd: number,
	waarschuwingen: number,
	dubbel: number,
	geweigerd: number
): Counts => ({
	gelezen,
	geaccepteerd,
	waarschuwingen,
	dubbel,
	geweigerd,
	overgeslagen: 0
});

describe('fixture exchange files of four parties (every figure counted by hand in the files)', () => {
	const result = importFiles(
		[
			'gebeurtenissen-ymere.csv',
			'gebeurtenissen-sdv.csv',
			'gecombineerd-elan.csv',
			'dossiers-ymere.csv'
		].map(load),
		{ today: '2020-01-01' }
	);
	const byName = (name: string) => result.files.find((f) => f.name === name)!;
	const issues = (name: string) =>
		[...byName(name).rejected, ...byName(name).warnings].map((i) => `${i.line}:${i.code}`).sort();

	it.each([
		{
			name: 'dossiers-ymere.csv',
			expected: {
				format: ['dossiers', 'utf-8-bom', ';'],
				counts: counts(6, 4, 1, 1, 1),
				issues: ['6:onbekende_doelgroep', '7:geen_signaal']
			}
		},
		{
			name: 'gebeurtenissen-ymere.csv',
			expected: {
				format: ['gebeurtenissen', 'windows-1252', ';'],
				counts: counts(12, 10, 1, 0, 2),
				issues: ['10:ongeldige_datum', '13:onbekend_dossier', '7:voor_signaal']
			}
		},
		{
			name: 'gebeurtenissen-sdv.csv',
			expected: {
				format: ['gebeurtenissen', 'utf-8', '\t'],
				counts: counts(6, 4, 0, 1, 1),
				issues: ['6:ongeldige_datum']
			}
		},
		{
			name: 'gecombineerd-elan.csv',
			expected: {
				format: ['gecombineerd', 'utf-8', ','],
				counts: counts(8, 5, 2, 1, 2),
				issues: [
					'4:ontruiming_zonder_vonnis',
					'4:reden_onbekend',
					'5:geen_signaal',
					'8:tegenstrijdig_dossier',
					'9:datum_in_toekomst'
				]
			}
		}
	])('$name', ({ name, expected }) => {
		const r = byName(name);
		expect([r.role, r.encoding, r.delimiter]).toEqual(expected.format);
		expect(r.counts).toEqual(expected.counts);
		expect(issues(name)).toEqual(expected.issues);
	});

	it('totals, rows and duplicates', () => {
		expect(result.refused).toEqual([]);
		expect(result.totals).toEqual({
			dossiers: counts(6, 4, 1, 1, 1),
			gebeurtenissen: counts(26, 19, 3, 2, 5)
		});
		expect(result.dossiers.map((d) => [d.dossier_id, d.corporatie, d.doelgroep, d.wijk])).toEqual([
			['Y-001', 'ymere', 'gezin_met_kinderen', 'Schalkwijk'],
			['Y-002', 'ymere', 'senior', 'Noord'],
			['Y-003', 'ymere', 'oggz', null],
			['Y-005', 'ymere', 'senior', 'Centrum'],
			['E-01', 'elan_wonen', 'senior', 'Zuid-West'],
			['E-02', 'elan_wonen', 'oggz', null]
		]);
		expect(result.events).toHaveLength(19);
		expect(byName('gebeurtenissen-sdv.csv').duplicates).toEqual([
			{
				file: 'gebeurtenissen-sdv.csv',
				line: 2,
				firstFile: 'gebeurtenissen-ymere.csv',
				firstLine: 5
			}
		]);
		expect(byName('gebeurtenissen-ymere.csv').unknownColumns).toEqual(['toelichting']);
		expect(byName('gebeurtenissen-ymere.csv').warnings[0]!.values.toelichting).toBe('vóór signaal');
	});
});
