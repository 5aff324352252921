import { describe, expect, it } from 'vitest';
import { analyzeHeader } from '../../../src/lib/import/header';
import { createDossierValidator } from '../../../src/lib/import/validate-dossiers';
import { createEventValidator } from '../../../src/lib/import/validate-events';

function setup(header: string[]) {
	const result = analyzeHeader('f.csv', header);
	if (!result.ok) throw new Error(result.refusal.message);
	const ctx = { fileName: 'f.csv', names: result.info.names, dropped: new Set<number>() };
	return { ctx, info: result.info };
}

describe('dossier row rules', () => {
	const { ctx, info } = setup(['dossier_id', 'corporatie', 'doelgroep', 'wijk']);
	const validate = createDossierValidator(ctx, info);
	it.each([
		{
			name: 'Pré Wonen',
			input: ['D1', 'Pré Wonen', 'Senior', 'Noord'],
			expected: ['D1', 'pre_wonen', 'senior', 'Noord']
		},
		{
			name: 'Pre-Wonen, empty wijk',
			input: ['D1', 'Pre-Wonen', 'senior', ''],
			expected: ['D1', 'pre_wonen', 'senior', null]
		},
		{
			name: 'PRE WONEN, wijk trimmed as written',
			input: [' D1 ', 'PRE WONEN', 'SENIOR', ' Zuid-West '],
			expected: ['D1', 'pre_wonen', 'senior', 'Zuid-West']
		},
		{
			name: 'Elan Wonen, spaced doelgroep',
			input: ['D.2', 'Elan Wonen', 'Gezin met kinderen', ''],
			expected: ['D.2', 'elan_wonen', 'gezin_met_kinderen', null]
		},
		{
			name: 'Ymere, OGGZ',
			input: ['d_3', 'Ymere', 'OGGZ', 'Schalkwijk'],
			expected: ['d_3', 'ymere', 'oggz', 'Schalkwijk']
		},
		{
			name: 'other corporation keeps its label',
			input: ['D-4', 'Woonzorg  Nederland', 'overig', ''],
			expected: ['D-4', 'woonzorg_nederland', 'overig', null]
		},
		{
			name: '64-character id',
			input: ['a'.repeat(64), 'Ymere', 'senior', ''],
			expected: ['a'.repeat(64), 'ymere', 'senior', null]
		},
		{
			name: 'extra empty field',
			input: ['D1', 'Ymere', 'senior', '', ''],
			expected: ['D1', 'ymere', 'senior', null]
		},
		{
			name: 'short row without wijk',
			input: ['D1', 'Ymere', 'senior'],
			expected: ['D1', 'ymere', 'senior', null]
		}
	])('accepts $name', ({ input, expected }) => {
		const out = validate({ line: 2, fields: input });
		expect(out.ok && Object.values(out.dossier)).toEqual(expected);
	});

	it.each([
		{
			name: 'missing dossier_id',
			input: ['', 'Ymere', 'senior', ''],
			expected: ['waarde_ontbreekt', 'dossier_id']
		},
		{
			name: 'missing corporatie',
			input: ['D1', ' ', 'senior', ''],
			expected: ['waarde_ontbreekt', 'corporatie']
		},
		{
			name: 'missing doelgroep',
			input: ['D1', 'Ymere', '', ''],
			expected: ['waarde_ontbreekt', 'doelgroep']
		},
		{
			name: 'short row without doelgroep',
			input: ['D1', 'Ymere'],
			expected: ['waarde_ontbreekt', 'doelgroep']
		},
		{
			name: 'unknown doelgroep',
			input: ['D1', 'Ymere', 'student', ''],
			expected: ['onbekende_doelgroep', 'doelgroep']
		},
		{
			name: 'id with a slash',
			input: ['D/1', 'Ymere', 'senior', ''],
			expected: ['ongeldig_dossier_id', 'dossier_id']
		},
		{
			name: 'id with a space',
			input: ['D 1', 'Ymere', 'senior', ''],
			expected: ['ongeldig_dossier_id', 'dossier_id']
		},
		{
			name: 'id of 65 characters',
			input: ['a'.repeat(65), 'Ymere', 'senior', ''],
			expected: ['ongeldig_dossier_id', 'dossier_id']
		},
		{
			name: 'id with an accent',
			input: ['Dé1', 'Ymere', 'senior', ''],
			expected: ['ongeldig_dossier_id', 'dossier_id']
		},
		{
			name: 'extra filled field',
			input: ['D1', 'Ymere', 'senior', '', 'x'],
			expected: ['onvolledige_regel', null]
		}
	])('rejects $name', ({ input, expected }) => {
		const out = validate({ line: 7, fields: input });
		expect(out.ok).toBe(false);
		if (!out.ok) {
			expect([out.issue.code, out.issue.column]).toEqual(expected);
			expect(out.issue.line).toBe(7);
			expect(
				out.issue.message.startsWith(
					`f.csv, regel 7${expected[1] ? `, kolom ${expected[1]}` : ''}: `
				)
			).toBe(true);
		}
	});

	it('keeps the original values keyed by the header names', () => {
		const out = validate({ line: 3, fields: ['D1', 'Ymere', 'student', 'Noord'] });
		expect(!out.ok && out.issue).toEqual({
			file: 'f.csv',
			line: 3,
			column: 'doelgroep',
			code: 'onbekende_doelgroep',
			message:
				'f.csv, regel 3, kolom doelgroep: ‘student’ is geen bekende doelgroep (gezin_met_kinderen, senior, oggz, overig)',
			values: { dossier_id: 'D1', corporatie: 'Ymere', doelgroep: 'student', wijk: 'Noord' }
		});
	});
});

describe('event row rules', () => {
	const { ctx, info } = setup(['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst']);
	const validate = createEventValidator(ctx, info, '2020-01-01');
	it.each([
		{
			name: 'ISO date',
			input: ['D1', '2015-03-01', 'achterstand_1m', '', ''],
			expected: ['2015-03-01', 'achterstand_1m', null, null, null]
		},
		{
			name: 'DD-MM-YYYY, code with space',
			input: ['D1', '01-03-2015', 'Achterstand 1m', '', ''],
			expected: ['2015-03-01', 'achterstand_1m', null, null, null]
		},
		{
			name: 'D/M/YYYY, code upper case with hyphen',
			input: ['D1', '1/3/2015', 'ACHTERSTAND-1M', '', ''],
			expected: ['2015-03-01', 'achterstand_1m', null, null, null]
		},
		{
			name: 'values trimmed',
			input: [' D1 ', ' 2015-03-01 ', ' contact ', '', ''],
			expected: ['2015-03-01', 'contact', null, null, null]
		},
		{
			name: 'timestamp',
			input: ['D1', '2015-03-01T10:30:00Z', 'Plan van aanpak', '', ''],
			expected: ['2015-03-01', 'plan_van_aanpak', null, null, null]
		},
		{
			name: '2000-01-01 is allowed',
			input: ['D1', '2000-01-01', 'contact', '', ''],
			expected: ['2000-01-01', 'contact', null, null, null]
		},
		{
			name: 'today is allowed',
			input: ['D1', '2020-01-01', 'contact', '', ''],
			expected: ['2020-01-01', 'contact', null, null, null]
		},
		{
			name: 'ontruiming with reden',
			input: ['D1', '2015-03-01', 'ontruiming', 'Hennep drugs', ''],
			expected: ['2015-03-01', 'ontruiming', 'hennep_drugs', null, null]
		},
		{
			name: 'ontruiming without reden',
			input: ['D1', '2015-03-01', 'ontruiming', '', ''],
			expected: ['2015-03-01', 'ontruiming', 'onbekend', null, 'reden_onbekend']
		},
		{
			name: 'ontruiming with unknown reden',
			input: ['D1', '2015-03-01', 'Ontruiming', 'fraude', ''],
			expected: ['2015-03-01', 'ontruiming', 'onbekend', null, 'reden_onbekend']
		},
		{
			name: 'ontruiming with reden onbekend written out',
			input: ['D1', '2015-03-01', 'ontruiming', 'onbekend', ''],
			expected: ['2015-03-01', 'ontruiming', 'onbekend', null, 'reden_onbekend']
		},
		{
			name: 'afgesloten with uitkomst',
			input: ['D1', '2015-03-01', 'afgesloten', '', 'Betalingsregeling'],
			expected: ['2015-03-01', 'afgesloten', null, 'betalingsregeling', null]
		},
		{
			name: 'afgesloten without uitkomst',
			input: ['D1', '2015-03-01', 'afgesloten', '', ''],
			expected: ['2015-03-01', 'afgesloten', null, 'overig', 'uitkomst_onbekend']
		},
		{
			name: 'afgesloten with unknown uitkomst',
			input: ['D1', '2015-03-01', 'afgesloten', '', 'weg'],
			expected: ['2015-03-01', 'afgesloten', null, 'overig', 'uitkomst_onbekend']
		},
		{
			name: 'reden and uitkomst ignored on other events',
			input: ['D1', '2015-03-01', 'contact', 'overlast', 'opgelost'],
			expected: ['2015-03-01', 'contact', null, null, null]
		},
		{
			name: 'short row without reden and uitkomst',
			input: ['D1', '2015-03-01', 'vonnis'],
			expected: ['2015-03-01', 'vonnis', null, null, null]
		}
	])('accepts $name', ({ input, expected }) => {
		const out = validate({ line: 2, fields: input });
		expect(out.ok).toBe(true);
		if (out.ok) {
			const e = out.event;
			expect([e.datum, e.gebeurtenis, e.reden, e.uitkomst, out.warning]).toEqual(expected);
			expect(e.dossier_id).toBe('D1');
		}
	});

	it.each([
		{
			name: 'missing dossier_id',
			input: ['', '2015-03-01', 'contact'],
			expected: ['waarde_ontbreekt', 'dossier_id']
		},
		{
			name: 'invalid dossier_id',
			input: ['D#1', '2015-03-01', 'contact'],
			expected: ['ongeldig_dossier_id', 'dossier_id']
		},
		{
			name: 'missing datum',
			input: ['D1', '', 'contact'],
			expected: ['waarde_ontbreekt', 'datum']
		},
		{
			name: '31 February',
			input: ['D1', '31-02-2015', 'contact'],
			expected: ['ongeldige_datum', 'datum']
		},
		{
			name: 'text as date',
			input: ['D1', 'maart 2015', 'contact'],
			expected: ['ongeldige_datum', 'datum']
		},
		{
			name: 'before 2000',
			input: ['D1', '31-12-1999', 'contact'],
			expected: ['datum_voor_2000', 'datum']
		},
		{
			name: 'after today',
			input: ['D1', '2020-01-02', 'contact'],
			expected: ['datum_in_toekomst', 'datum']
		},
		{
			name: 'missing gebeurtenis',
			input: ['D1', '2015-03-01', ''],
			expected: ['waarde_ontbreekt', 'gebeurtenis']
		},
		{
			name: 'short row without gebeurtenis',
			input: ['D1', '2015-03-01'],
			expected: ['waarde_ontbreekt', 'gebeurtenis']
		},
		{
			name: 'unknown gebeurtenis',
			input: ['D1', '2015-03-01', 'telefoontje'],
			expected: ['onbekende_gebeurtenis', 'gebeurtenis']
		},
		{
			name: 'achterstand 1 maand is not a code',
			input: ['D1', '2015-03-01', 'achterstand 1 maand'],
			expected: ['onbekende_gebeurtenis', 'gebeurtenis']
		},
		{ name: 'first problem wins', input: ['D1', 'x', 'y'], expected: ['ongeldige_datum', 'datum'] },
		{
			name: 'extra filled field',
			input: ['D1', '2015-03-01', 'contact', '', '', 'x'],
			expected: ['onvolledige_regel', null]
		}
	])('rejects $name', ({ input, expected }) => {
		const out = validate({ line: 14, fields: input });
		expect(!out.ok && [out.issue.code, out.issue.column]).toEqual(expected);
	});

	it('writes the message of the exchange format', () => {
		const { ctx: c, info: i } = setup(['dossier_id', 'datum', 'gebeurtenis']);
		const v = createEventValidator({ ...c, fileName: 'gebeurtenissen-ymere.csv' }, i, '2020-01-01');
		const out = v({ line: 14, fields: ['Y1', '31-02-2015', 'contact'] });
		expect(!out.ok && out.issue.message).toBe(
			'gebeurtenissen-ymere.csv, regel 14, kolom datum: ‘31-02-2015’ is geen geldige datum'
		);
	});

	it('combined rows carry their dossier', () => {
		const { ctx: c, info: i } = setup([
			'dossier_id',
			'datum',
			'gebeurtenis',
			'corporatie',
			'doelgroep',
			'wijk'
		]);
		const v = createEventValidator(c, i, '2020-01-01');
		const ok = v({ line: 2, fields: ['C1', '2015-01-01', 'contact', 'Pré Wonen', 'OGGZ', 'Oost'] });
		expect(ok.ok && ok.dossier).toEqual({
			dossier_id: 'C1',
			corporatie: 'pre_wonen',
			doelgroep: 'oggz',
			wijk: 'Oost'
		});
		const bad = v({ line: 3, fields: ['C1', '2015-01-01', 'contact', 'Ymere', 'jongeren', ''] });
		expect(!bad.ok && [bad.issue.code, bad.issue.column]).toEqual([
			'onbekende_doelgroep',
			'doelgroep'
		]);
		const none = v({ line: 4, fields: ['C1', '2015-01-01', 'contact', '', 'senior', ''] });
		expect(!none.ok && [none.issue.code, none.issue.column]).toEqual([
			'waarde_ontbreekt',
			'corporatie'
		]);
	});
});
