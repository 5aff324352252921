import { describe, expect, it } from 'vitest';
import { analyzeHeader, displayNames, recognizeRole } from '../../../src/lib/import/header';

describe('recognizeRole', () => {
	it.each([
		{ name: 'events', input: ['dossier_id', 'datum', 'gebeurtenis'], expected: 'gebeurtenissen' },
		{
			name: 'events with reden and uitkomst',
			input: ['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst'],
			expected: 'gebeurtenissen'
		},
		{
			name: 'dossiers',
			input: ['dossier_id', 'corporatie', 'doelgroep', 'wijk'],
			expected: 'dossiers'
		},
		{
			name: 'combined',
			input: ['dossier_id', 'datum', 'gebeurtenis', 'corporatie', 'doelgroep'],
			expected: 'gecombineerd'
		},
		{
			name: 'events with wijk only stay events',
			input: ['dossier_id', 'datum', 'gebeurtenis', 'wijk'],
			expected: 'gebeurtenissen'
		},
		{ name: 'dossier_id alone', input: ['dossier_id', 'opmerking'], expected: null },
		{
			name: 'datum without gebeurtenis',
			input: ['dossier_id', 'datum'],
			expected: 'gebeurtenissen'
		},
		{
			name: 'datum with dossier columns',
			input: ['dossier_id', 'datum', 'corporatie'],
			expected: 'dossiers'
		},
		{ name: 'nothing known', input: ['a', 'b'], expected: null }
	])('$name', ({ input, expected }) => expect(recognizeRole(input)).toBe(expected));
});

describe('analyzeHeader', () => {
	it.each([
		{
			name: 'header variants: Dossier ID, spaced DATUM, Gebeurtenis',
			input: ['Dossier ID', ' DATUM ', 'Gebeurtenis'],
			expected: {
				role: 'gebeurtenissen',
				columns: { dossier_id: 0, datum: 1, gebeurtenis: 2 },
				unknownColumns: []
			}
		},
		{
			name: 'Dossier-Id with hyphen, free column order',
			input: ['gebeurtenis', 'Dossier-Id', 'datum', 'REDEN'],
			expected: {
				role: 'gebeurtenissen',
				columns: { gebeurtenis: 0, dossier_id: 1, datum: 2, reden: 3 },
				unknownColumns: []
			}
		},
		{
			name: 'unknown columns listed with their original names',
			input: ['dossier_id', 'Corporatie', 'doelgroep', 'Wijk', 'Opmerking', 'Huur per maand'],
			expected: {
				role: 'dossiers',
				columns: { dossier_id: 0, corporatie: 1, doelgroep: 2, wijk: 3 },
				unknownColumns: ['Opmerking', 'Huur per maand']
			}
		},
		{
			name: 'events columns in a dossiers file are unknown there',
			input: ['dossier_id', 'corporatie', 'doelgroep', 'reden'],
			expected: {
				role: 'dossiers',
				columns: { dossier_id: 0, corporatie: 1, doelgroep: 2 },
				unknownColumns: ['reden']
			}
		},
		{
			name: 'datum in a dossiers file is unknown there',
			input: ['dossier_id', 'corporatie', 'doelgroep', 'datum'],
			expected: {
				role: 'dossiers',
				columns: { dossier_id: 0, corporatie: 1, doelgroep: 2 },
				unknownColumns: ['datum']
			}
		},
		{
			name: 'wijk in an events file is unknown there',
			input: ['dossier_id', 'datum', 'gebeurtenis', 'wijk'],
			expected: {
				role: 'gebeurtenissen',
				columns: { dossier_id: 0, datum: 1, gebeurtenis: 2 },
				unknownColumns: ['wijk']
			}
		},
		{
			name: 'combined file',
			input: [
				'dossier_id',
				'datum',
				'gebeurtenis',
				'reden',
				'uitkomst',
				'corporatie',
				'doelgroep',
				'wijk'
			],
			expected: {
				role: 'gecombineerd',
				columns: {
					dossier_id: 0,
					datum: 1,
					gebeurtenis: 2,
					reden: 3,
					uitkomst: 4,
					corporatie: 5,
					doelgroep: 6,
					wijk: 7
				},
				unknownColumns: []
			}
		},
		{
			name: 'empty trailing header cell (Excel) is not listed',
			input: ['dossier_id', 'corporatie', 'doelgroep', ''],
			expected: {
				role: 'dossiers',
				columns: { dossier_id: 0, corporatie: 1, doelgroep: 2 },
				unknownColumns: []
			}
		}
	])('$name', ({ input, expected }) => {
		const result = analyzeHeader('f.csv', input);
		expect(result.ok).toBe(true);
		if (result.ok) {
			const { role, columns, unknownColumns } = result.info;
			expect({ role, columns, unknownColumns }).toEqual(expected);
		}
	});

	it.each([
		{
			name: 'events without gebeurtenis',
			input: ['dossier_id', 'datum'],
			expected: {
				code: 'kolom_ontbreekt',
				message: 'f.csv: verplichte kolom ‘gebeurtenis’ ontbreekt in dit gebeurtenissenbestand.'
			}
		},
		{
			name: 'events without dossier_id and datum',
			input: ['id', 'gebeurtenis'],
			expected: {
				code: 'kolom_ontbreekt',
				message:
					'f.csv: verplichte kolommen ‘dossier_id’ en ‘datum’ ontbreken in dit gebeurtenissenbestand.'
			}
		},
		{
			name: 'dossiers without doelgroep',
			input: ['dossier_id', 'corporatie', 'wijk'],
			expected: {
				code: 'kolom_ontbreekt',
				message: 'f.csv: verplichte kolom ‘doelgroep’ ontbreekt in dit dossierbestand.'
			}
		},
		{
			name: 'combined without doelgroep',
			input: ['dossier_id', 'datum', 'gebeurtenis', 'corporatie'],
			expected: {
				code: 'kolom_ontbreekt',
				message:
					'f.csv: verplichte kolom ‘doelgroep’ ontbreekt in dit gecombineerd bestand (gebeurtenissen met dossierkolommen).'
			}
		},
		{
			name: 'a known column twice',
			input: ['dossier_id', 'Datum', 'datum', 'gebeurtenis'],
			expected: {
				code: 'kolom_dubbel',
				message:
					'f.csv: kolom ‘datum’ staat meer dan één keer in de kopregel; het is niet duidelijk welke gebruikt moet worden.'
			}
		},
		{
			name: 'a single unknown column',
			input: ['hallo wereld'],
			expected: {
				code: 'geen_csv',
				message:
					'f.csv: dit lijkt geen CSV-bestand: de eerste regel is geen kopregel met kolomnamen, gescheiden door komma, puntkomma of tab.'
			}
		},
		{
			name: 'unknown columns only',
			input: ['id', 'naam_kort'],
			expected: {
				code: 'rol_onbekend',
				message:
					'f.csv: uit de kopregel is niet op te maken of dit een dossierbestand (dossier_id, corporatie, doelgroep) of een gebeurtenissenbestand (dossier_id, datum, gebeurtenis) is. Gevonden kolommen: ‘id’ en ‘naam_kort’.'
			}
		}
	])('refuses $name', ({ input, expected }) => {
		expect(analyzeHeader('f.csv', input)).toEqual({ ok: false, refusal: expected });
	});

	it('a dropped required column is missing, and the message says why', () => {
		const result = analyzeHeader('f.csv', ['dossier_id', 'datum', 'gebeurtenis'], new Set([0]));
		expect(result).toEqual({
			ok: false,
			refusal: {
				code: 'kolom_ontbreekt',
				message:
					'f.csv: verplichte kolom ‘dossier_id’ ontbreekt (weggelaten omdat er persoonsgegevens in staan) in dit gebeurtenissenbestand.'
			}
		});
	});

	it('a dropped unknown column is not listed as unknown', () => {
		const result = analyzeHeader(
			'f.csv',
			['dossier_id', 'datum', 'gebeurtenis', 'bsn'],
			new Set([3])
		);
		expect(result.ok && result.info.unknownColumns).toEqual([]);
	});
});

describe('displayNames', () => {
	it.each([
		{ name: 'trimmed', input: [' Dossier ID ', 'datum'], expected: ['Dossier ID', 'datum'] },
		{
			name: 'empty cells numbered',
			input: ['a', '', ' '],
			expected: ['a', '(kolom 2)', '(kolom 3)']
		},
		{ name: 'repeats made unique', input: ['x', 'x', 'x'], expected: ['x', 'x (2)', 'x (3)'] }
	])('$name', ({ input, expected }) => expect(displayNames(input)).toEqual(expected));
});
