import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import type { Counts, ImportResult } from '../../../src/lib/import/types';
import { bytes, file, lines, win1252 } from './helpers';

const today = '2020-01-01';
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
const report = (result: ImportResult, name: string) => {
	const r = result.files.find((f) => f.name === name);
	if (!r) throw new Error(`no report for ${name}: ${JSON.stringify(result.refused)}`);
	return r;
};
const codesAt = (issues: { line: number; code: string }[]) =>
	issues.map((i) => `${i.line}:${i.code}`);

const DOSSIERS_D1 = file(
	'dossiers.csv',
	lines(['dossier_id;corporatie;doelgroep', 'D1;Ymere;senior'])
);

describe('importFiles: one events file against one dossier', () => {
	// Every case: line 2 achterstand_1m and line 3 vonnis on 2015-01-01, then the case row on line 4.
	const run = (row: string) =>
		importFiles(
			[
				DOSSIERS_D1,
				file(
					'ev.csv',
					lines([
						'dossier_id;datum;gebeurtenis;reden;uitkomst',
						'D1;2015-01-01;achterstand_1m;;',
						'D1;2015-01-01;vonnis;;',
						row
					])
				)
			],
			{ today }
		);
	it.each([
		{
			name: 'plain event',
			input: 'D1;2015-02-01;contact;;',
			expected: { counts: counts(3, 3, 0, 0, 0), issues: [] }
		},
		{
			name: 'bad date',
			input: 'D1;2015-02-30;contact;;',
			expected: { counts: counts(3, 2, 0, 0, 1), issues: ['4:ongeldige_datum'] }
		},
		{
			name: 'unknown dossier',
			input: 'D9;2015-02-01;contact;;',
			expected: { counts: counts(3, 2, 0, 0, 1), issues: ['4:onbekend_dossier'] }
		},
		{
			name: 'exact duplicate in another date form',
			input: 'D1;01-01-2015;Vonnis;;',
			expected: { counts: counts(3, 2, 0, 1, 0), issues: [] }
		},
		{
			name: 'reden on a non-eviction is not part of the duplicate key',
			input: 'D1;2015-01-01;vonnis;overlast;opgelost',
			expected: { counts: counts(3, 2, 0, 1, 0), issues: [] }
		},
		{
			name: 'eviction without reden',
			input: 'D1;2015-02-01;ontruiming;;',
			expected: { counts: counts(3, 3, 1, 0, 0), issues: ['4:reden_onbekend'] }
		},
		{
			name: 'eviction on the day of the judgment',
			input: 'D1;2015-01-01;ontruiming;overlast;',
			expected: { counts: counts(3, 3, 0, 0, 0), issues: [] }
		},
		{
			name: 'closing without uitkomst',
			input: 'D1;2015-02-01;afgesloten;;',
			expected: { counts: counts(3, 3, 1, 0, 0), issues: ['4:uitkomst_onbekend'] }
		},
		{
			name: 'event before the signal',
			input: 'D1;2014-12-31;contact;;',
			expected: { counts: counts(3, 3, 1, 0, 0), issues: ['4:voor_signaal'] }
		},
		{
			name: 'eviction before the signal and the judgment, without reden: three warnings, one row',
			input: 'D1;2014-12-01;ontruiming;;',
			expected: {
				counts: counts(3, 3, 1, 0, 0),
				issues: ['4:reden_onbekend', '4:voor_signaal', '4:ontruiming_zonder_vonnis']
			}
		},
		{
			name: 'aanzegging before the judgment',
			input: 'D1;2014-12-31;aanzegging;;',
			expected: {
				counts: counts(3, 3, 1, 0, 0),
				issues: ['4:voor_signaal', '4:aanzegging_voor_vonnis']
			}
		},
		{
			name: 'future date',
			input: 'D1;2020-01-02;contact;;',
			expected: { counts: counts(3, 2, 0, 0, 1), issues: ['4:datum_in_toekomst'] }
		},
		{
			name: 'blank row is not read',
			input: ';;;;',
			expected: { counts: counts(2, 2, 0, 0, 0), issues: [] }
		}
	])('$name', ({ input, expected }) => {
		const result = run(input);
		const r = report(result, 'ev.csv');
		expect(r.counts).toEqual(expected.counts);
		expect(codesAt([...r.rejected, ...r.warnings])).toEqual(expected.issues);
		expect(result.totals.gebeurtenissen).toEqual(expected.counts);
		expect(report(result, 'dossiers.csv').counts).toEqual(counts(1, 1, 0, 0, 0));
	});
});

describe('importFiles: several files per table', () => {
	const files = [
		file(
			'dossiers-ymere.csv',
			lines(['dossier_id;corporatie;doelgroep;wijk', 'Y1;Ymere;senior;Noord', 'Y2;Ymere;oggz;'])
		),
		{
			name: 'dossiers-prewonen.csv',
			bytes: win1252(
				lines([
					'doelgroep,dossier_id,corporatie',
					'gezin_met_kinderen,P1,Pré Wonen',
					'senior,Y1,Ymere',
					'senior,Y2,YMERE'
				])
			)
		},
		file(
			'events-ymere.csv',
			lines(
				[
					'dossier_id;datum;gebeurtenis',
					'Y1;2015-01-05;achterstand_1m',
					'Y1;2015-02-01;contact',
					'P1;2015-01-10;achterstand_1m'
				],
				'\n'
			)
		),
		file(
			'events-sdv.csv',
			lines([
				'Dossier ID\tDatum\tGebeurtenis',
				'Y1\t05-01-2015\tAchterstand 1m',
				'P1\t2015-01-20\tmelding_sdv',
				'X9\t2015-01-20\tmelding_sdv'
			])
		)
	];
	const result = importFiles(files, { today });

	it('counts per file', () => {
		expect(result.files.map((f) => [f.name, f.role, f.encoding, f.delimiter, f.counts])).toEqual([
			// Y2 has no achterstand_1m: a geen_signaal warning on its row.
			['dossiers-ymere.csv', 'dossiers', 'utf-8', ';', counts(2, 2, 1, 0, 0)],
			// Y1 again without wijk column: duplicate; Y2 with another doelgroep: conflict.
			['dossiers-prewonen.csv', 'dossiers', 'windows-1252', ',', counts(3, 1, 0, 1, 1)],
			['events-ymere.csv', 'gebeurtenissen', 'utf-8', ';', counts(3, 3, 0, 0, 0)],
			// Line 2 repeats events-ymere.csv line 2; X9 is not a dossier.
			['events-sdv.csv', 'gebeurtenissen', 'utf-8', '\t', counts(3, 1, 0, 1, 1)]
		]);
	});

	it('sums the tables', () => {
		expect(result.totals).toEqual({
			dossiers: counts(5, 3, 1, 1, 1),
			gebeurtenissen: counts(6, 4, 0, 1, 1)
		});
	});

	it('loads the accepted rows, normalized', () => {
		expect(result.dossiers).toEqual([
			{ dossier_id: 'Y1', corporatie: 'ymere', doelgroep: 'senior', wijk: 'Noord' },
			{ dossier_id: 'Y2', corporatie: 'ymere', doelgroep: 'oggz', wijk: null },
			{ dossier_id: 'P1', corporatie: 'pre_wonen', doelgroep: 'gezin_met_kinderen', wijk: null }
		]);
		expect(result.events.map((e) => `${e.dossier_id} ${e.datum} ${e.gebeurtenis}`)).toEqual([
			'Y1 2015-01-05 achterstand_1m',
			'Y1 2015-02-01 contact',
			'P1 2015-01-10 achterstand_1m',
			'P1 2015-01-20 melding_sdv'
		]);
	});

	it('points duplicates at the row that stands', () => {
		expect(report(result, 'events-sdv.csv').duplicates).toEqual([
			{ file: 'events-sdv.csv', line: 2, firstFile: 'events-ymere.csv', firstLine: 2 }
		]);
		expect(report(result, 'dossiers-prewonen.csv').duplicates).toEqual([
			{ file: 'dossiers-prewonen.csv', line: 3, firstFile: 'dossiers-ymere.csv', firstLine: 2 }
		]);
	});

	it('explains the conflict and keeps the original values', () => {
		expect(report(result, 'dossiers-prewonen.csv').rejected).toEqual([
			{
				file: 'dossiers-prewonen.csv',
				line: 4,
				column: 'doelgroep',
				code: 'tegenstrijdig_dossier',
				message:
					'dossiers-prewonen.csv, regel 4, kolom doelgroep: dossier ‘Y2’ staat al in dossiers-ymere.csv, regel 3, met doelgroep ‘oggz’; deze regel geeft ‘senior’ (de eerste regel blijft staan)',
				values: { doelgroep: 'senior', dossier_id: 'Y2', corporatie: 'YMERE' }
			}
		]);
	});

	it('dossier files count first, whatever the order given', () => {
		const reversed = importFiles([...files].reverse(), { today });
		// Now pre_wonen defines Y1 and Y2 (wijk unknown: not compared); ymere repeats Y1 and contradicts Y2.
		expect(report(reversed, 'dossiers-prewonen.csv').counts).toEqual(counts(3, 3, 1, 0, 0));
		expect(report(reversed, 'dossiers-ymere.csv').counts).toEqual(counts(2, 0, 0, 1, 1));
		expect(reversed.totals).toEqual({
			dossiers: counts(5, 3, 1, 1, 1),
			gebeurtenissen: counts(6, 4, 0, 1, 1)
		});
		// Between the two events files the given order decides which row stands.
		expect(report(reversed, 'events-ymere.csv').duplicates).toEqual([
			{ file: 'events-ymere.csv', line: 2, firstFile: 'events-sdv.csv', firstLine: 2 }
		]);
	});
});

describe('importFiles: combined file', () => {
	const combined = file(
		'gecombineerd.csv',
		lines([
			'dossier_id,datum,gebeurtenis,corporatie,doelgroep,wijk,reden',
			'C1,2015-01-01,achterstand_1m,Ymere,senior,Noord,', // 2 defines C1
			'C1,2015-02-01,contact,YMERE,Senior,noord,', // 3 same dossier after normalization
			'C1,2015-03-01,vonnis,Pré Wonen,senior,Noord,', // 4 conflict: corporatie
			'C2,2015-02-01,contact,Elan Wonen,oggz,,', // 5 defines C2 (no signal: geen_signaal lands here)
			'C2,2015-02-01,contact,Elan Wonen,oggz,,', // 6 duplicate of 5
			'C2,2015-03-01,ontruiming,elan-wonen,OGGZ,,', // 7 reden_onbekend + ontruiming_zonder_vonnis
			'C3,2015-03-01,contact,Ymere,student,,', // 8 unknown doelgroep
			'C1,2015-01-15,contact,Ymere,senior,Zuid,' // 9 conflict: wijk
		])
	);

	it('counts, warnings and dossiers', () => {
		const result = importFiles([combined], { today });
		const r = report(result, 'gecombineerd.csv');
		expect(r.role).toBe('gecombineerd');
		expect(r.counts).toEqual(counts(8, 4, 2, 1, 3));
		expect(codesAt(r.rejected)).toEqual([
			'4:tegenstrijdig_dossier',
			'8:onbekende_doelgroep',
			'9:tegenstrijdig_dossier'
		]);
		expect(r.rejected.map((i) => i.column)).toEqual(['corporatie', 'doelgroep', 'wijk']);
		expect(codesAt(r.warnings)).toEqual([
			'5:geen_signaal',
			'7:reden_onbekend',
			'7:ontruiming_zonder_vonnis'
		]);
		expect(r.duplicates).toEqual([
			{ file: 'gecombineerd.csv', line: 6, firstFile: 'gecombineerd.csv', firstLine: 5 }
		]);
		expect(result.totals).toEqual({
			dossiers: counts(0, 0, 0, 0, 0),
			gebeurtenissen: counts(8, 4, 2, 1, 3)
		});
		expect(result.dossiers).toEqual([
			{ dossier_id: 'C1', corporatie: 'ymere', doelgroep: 'senior', wijk: 'Noord' },
			{ dossier_id: 'C2', corporatie: 'elan_wonen', doelgroep: 'oggz', wijk: null }
		]);
		expect(result.events).toHaveLength(4);
	});

	it('agrees with a dossiers file, and events files may use its dossiers in any order', () => {
		const result = importFiles(
			[
				file(
					'ev.csv',
					lines([
						'dossier_id;datum;gebeurtenis',
						'C2;2015-01-01;achterstand_1m',
						'D1;2015-01-01;achterstand_1m'
					])
				),
				combined,
				DOSSIERS_D1,
				file(
					'comb2.csv',
					lines([
						'dossier_id;datum;gebeurtenis;corporatie;doelgroep',
						'D1;2015-02-01;contact;Ymere;senior',
						'D1;2015-02-02;contact;Ymere;oggz'
					])
				)
			],
			{ today }
		);
		// ev.csv is given first: C2 comes from the combined file, so both rows stand.
		expect(report(result, 'ev.csv').counts).toEqual(counts(2, 2, 0, 0, 0));
		// C2 now has a signal: no geen_signaal on line 5.
		expect(report(result, 'gecombineerd.csv').counts).toEqual(counts(8, 4, 1, 1, 3));
		expect(report(result, 'comb2.csv').counts).toEqual(counts(2, 1, 0, 0, 1));
		expect(codesAt(report(result, 'comb2.csv').rejected)).toEqual(['3:tegenstrijdig_dossier']);
		expect(result.dossiers.map((d) => d.dossier_id)).toEqual(['D1', 'C1', 'C2']);
		expect(result.totals.dossiers).toEqual(counts(1, 1, 0, 0, 0));
		expect(result.totals.gebeurtenissen).toEqual(counts(12, 7, 1, 1, 4));
	});

	it('without a wijk column the wijk is not compared', () => {
		const result = importFiles(
			[
				file('d.csv', lines(['dossier_id,corporatie,doelgroep,wijk', 'D1,Ymere,senior,Noord'])),
				file(
					'c.csv',
					lines([
						'dossier_id,datum,gebeurtenis,corporatie,doelgroep',
						'D1,2015-01-01,achterstand_1m,ymere,senior'
					])
				)
			],
			{ today }
		);
		expect(report(result, 'c.csv').counts).toEqual(counts(1, 1, 0, 0, 0));
	});
});

describe('importFiles: order anomalies over a whole dossier', () => {
	it('warns once per row and never on duplicates', () => {
		const result = importFiles(
			[
				DOSSIERS_D1,
				file(
					'ev.csv',
					lines([
						'dossier_id;datum;gebeurtenis;reden',
						'D1;2015-01-10;contact;', // 2 voor_signaal
						'D1;2015-02-01;achterstand_1m;', // 3
						'D1;2015-03-01;aanzegging;', // 4 aanzegging_voor_vonnis
						'D1;2015-03-05;vonnis;', // 5
						'D1;2015-03-05;ontruiming;woonfraude', // 6 same day as the judgment: fine
						'D1;2015-04-01;aanzegging;', // 7 fine
						'D1;2015-01-05;ontruiming;overlast', // 8 voor_signaal + ontruiming_zonder_vonnis
						'D1;5-1-2015;Ontruiming;Overlast' // 9 duplicate of 8: no warnings
					])
				)
			],
			{ today }
		);
		const r = report(result, 'ev.csv');
		expect(r.counts).toEqual(counts(8, 7, 3, 1, 0));
		expect(codesAt(r.warnings)).toEqual([
			'2:voor_signaal',
			'4:aanzegging_voor_vonnis',
			'8:voor_signaal',
			'8:ontruiming_zonder_vonnis'
		]);
		expect(report(result, 'dossiers.csv').counts).toEqual(counts(1, 1, 0, 0, 0));
	});

	it('a dossier without achterstand_1m gets geen_signaal on its dossier row', () => {
		const result = importFiles(
			[
				file(
					'd.csv',
					lines([
						'dossier_id,corporatie,doelgroep',
						'A,Ymere,senior',
						'B,Ymere,senior',
						'B,Ymere,senior'
					])
				),
				file(
					'e.csv',
					lines([
						'dossier_id,datum,gebeurtenis',
						'A,2015-01-01,contact',
						'B,2015-01-01,achterstand_1m'
					])
				)
			],
			{ today }
		);
		expect(report(result, 'd.csv').counts).toEqual(counts(3, 2, 1, 1, 0));
		expect(
			report(result, 'd.csv').warnings.map((w) => [w.line, w.code, w.column, w.message])
		).toEqual([
			[
				2,
				'geen_signaal',
				'dossier_id',
				'd.csv, regel 2, kolom dossier_id: dossier ‘A’ heeft geen gebeurtenis achterstand_1m en valt daardoor in geen cohort'
			]
		]);
		expect(report(result, 'e.csv').counts).toEqual(counts(2, 2, 0, 0, 0));
	});
});

describe('importFiles: parsing quirks end to end', () => {
	it.each([
		{
			name: 'UTF-8 BOM, semicolon, CRLF, header variants',
			input: [
				0xef,
				0xbb,
				0xbf,
				...bytes(
					lines([
						'Dossier-Id; DATUM ;Gebeurtenis',
						'D1;01-03-2015;ACHTERSTAND-1M',
						'D1;2015-03-40;contact'
					])
				)
			],
			expected: {
				encoding: 'utf-8-bom',
				delimiter: ';',
				counts: counts(2, 1, 0, 0, 1),
				issues: ['3:ongeldige_datum']
			}
		},
		{
			name: 'Windows-1252, comma, LF, unknown column with a quoted newline',
			input: [
				...win1252(
					lines(
						[
							'dossier_id,opmerking,datum,gebeurtenis',
							'D1,"één regel",1-3-2015,achterstand_1m',
							'D1,"twee\nregels, met komma",2015-03-02,contact',
							'D1,,2015-13-01,contact'
						],
						'\n'
					)
				)
			],
			expected: {
				encoding: 'windows-1252',
				delimiter: ',',
				counts: counts(3, 2, 0, 0, 1),
				issues: ['5:ongeldige_datum']
			}
		},
		{
			name: 'tab, CRLF inside quotes, trailing empty lines',
			input: [
				...bytes(
					'dossier_id\tdatum\tgebeurtenis\tnotitie\r\nD1\t2015-03-01\tachterstand_1m\t"a\r\nb\r\nc"\r\nD1\t2015-03-01\tcontactmoment\t\r\n\r\n\r\n'
				)
			],
			expected: {
				encoding: 'utf-8',
				delimiter: '\t',
				counts: counts(2, 1, 0, 0, 1),
				issues: ['5:onbekende_gebeurtenis']
			}
		},
		{
			name: 'quoted delimiter in the gebeurtenis cell, blank line in between',
			input: [
				...bytes(
					'dossier_id;datum;gebeurtenis\n"D1";"2015-03-01";"achterstand_1m"\n\n"D1";"2015-03-02";"contact;huisbezoek"\n'
				)
			],
			expected: {
				encoding: 'utf-8',
				delimiter: ';',
				counts: counts(2, 1, 0, 0, 1),
				issues: ['4:onbekende_gebeurtenis']
			}
		},
		{
			name: 'short row and long row',
			input: [
				...bytes(
					'dossier_id,datum,gebeurtenis\nD1,2015-03-01,achterstand_1m\nD1,2015-03-02\nD1,2015-03-03,contact,,\nD1,2015-03-04,contact,x\n'
				)
			],
			expected: {
				encoding: 'utf-8',
				delimiter: ',',
				counts: counts(4, 2, 0, 0, 2),
				issues: ['3:waarde_ontbreekt', '5:onvolledige_regel']
			}
		}
	])('$name', ({ input, expected }) => {
		const result = importFiles([DOSSIERS_D1, { name: 'e.csv', bytes: Uint8Array.from(input) }], {
			today
		});
		const r = report(result, 'e.csv');
		expect([r.encoding, r.delimiter]).toEqual([expected.encoding, expected.delimiter]);
		expect(r.counts).toEqual(expected.counts);
		expect(codesAt([...r.rejected, ...r.warnings])).toEqual(expected.issues);
	});

	it('lists unknown columns, never loads them, but keeps their values in the issues', () => {
		const result = importFiles(
			[
				DOSSIERS_D1,
				file(
					'e.csv',
					lines([
						'dossier_id;datum;gebeurtenis;Medewerker team;kleur',
						'D1;2015-02-30;contact;SWT;rood'
					])
				)
			],
			{ today }
		);
		const r = report(result, 'e.csv');
		expect(r.unknownColumns).toEqual(['Medewerker team', 'kleur']);
		expect(r.rejected[0]!.values).toEqual({
			dossier_id: 'D1',
			datum: '2015-02-30',
			gebeurtenis: 'contact',
			'Medewerker team': 'SWT',
			kleur: 'rood'
		});
	});

	it('Windows-1252 corporation labels', () => {
		const result = importFiles(
			[
				{
					name: 'd.csv',
					bytes: win1252(
						lines([
							'dossier_id;corporatie;doelgroep',
							'A;Pré Wonen;senior',
							'B;Pre-Wonen;senior',
							'C;PRE WONEN;senior',
							'D;Elan Wonen;senior',
							'E;Ymere;senior'
						])
					)
				}
			],
			{ today }
		);
		expect(result.dossiers.map((d) => d.corporatie)).toEqual([
			'pre_wonen',
			'pre_wonen',
			'pre_wonen',
			'elan_wonen',
			'ymere'
		]);
	});
});

describe('importFiles: refused files', () => {
	it.each([
		{ name: 'empty', input: new Uint8Array(0), expected: 'leeg' },
		{ name: 'blank lines only', input: bytes('\r\n\r\n'), expected: 'leeg' },
		{ name: 'delimiters only', input: bytes(';;;\n;;;\n'), expected: 'leeg' },
		{
			name: 'binary',
			input: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]),
			expected: 'binair'
		},
		{ name: 'plain text', input: bytes('Hallo wereld\nDit is een brief.\n'), expected: 'geen_csv' },
		{ name: 'unknown table', input: bytes('a;b;c\n1;2;3\n'), expected: 'rol_onbekend' },
		{
			name: 'missing column',
			input: bytes('dossier_id;datum\nD1;2015-01-01\n'),
			expected: 'kolom_ontbreekt'
		},
		{
			name: 'doubled column',
			input: bytes('dossier_id;datum;datum;gebeurtenis\n'),
			expected: 'kolom_dubbel'
		},
		{
			name: 'personal data header',
			input: bytes('dossier_id;datum;gebeurtenis;naam\nD1;2015-01-01;contact;\n'),
			expected: 'persoonsgegevens'
		},
		{
			name: 'BSN as dossier_id',
			input: bytes(
				'dossier_id;datum;gebeurtenis\n111222333;2015-01-01;contact\n123456782;2015-01-01;contact\n999999990;2015-01-01;contact\n'
			),
			expected: 'persoonsgegevens'
		}
	])('$name → $expected; the other files still import', ({ input, expected }) => {
		const result = importFiles([DOSSIERS_D1, { name: 'x.csv', bytes: input }], { today });
		expect(result.refused.map((r) => [r.name, r.code])).toEqual([['x.csv', expected]]);
		expect(result.refused[0]!.message.startsWith('x.csv: ')).toBe(true);
		expect(result.files.map((f) => f.name)).toEqual(['dossiers.csv']);
		expect(result.totals.gebeurtenissen).toEqual(counts(0, 0, 0, 0, 0));
		expect(result.totals.dossiers).toEqual(counts(1, 1, 1, 0, 0));
	});

	it('names every flagged column and reason', () => {
		const result = importFiles(
			[
				file(
					'e.csv',
					lines([
						'dossier_id;datum;gebeurtenis;BSN;contact',
						'D1;2015-01-01;contact;;',
						'D1;2015-01-02;contact;;jan@example.nl',
						'D1;2015-01-03;contact;;2011 RD'
					])
				)
			],
			{ today }
		);
		expect(result.refused).toEqual([
			{
				name: 'e.csv',
				code: 'persoonsgegevens',
				message:
					'e.csv: het bestand lijkt persoonsgegevens te bevatten en is niet ingelezen. kolom ‘BSN’: de kolomnaam wijst op persoonsgegevens; kolom ‘contact’: bevat een e-mailadres (eerst op regel 3); kolom ‘contact’: bevat een postcode (eerst op regel 4). Lever een geanonimiseerd bestand aan, of kies ervoor deze kolommen weg te laten.',
				personalData: [
					{ column: 'BSN', reason: 'kolomnaam', line: null },
					{ column: 'contact', reason: 'email', line: 3 },
					{ column: 'contact', reason: 'postcode', line: 4 }
				]
			}
		]);
		expect(result.files).toEqual([]);
	});

	it('drops the flagged columns on request, and leaves their values out of the report', () => {
		const result = importFiles(
			[
				DOSSIERS_D1,
				file(
					'e.csv',
					lines([
						'dossier_id;datum;gebeurtenis;BSN;telefoon nr',
						'D1;2015-01-01;achterstand_1m;111222333;',
						'D1;2015-02-30;contact;123456782;06-12345678'
					])
				)
			],
			{ today, dropPersonalData: true }
		);
		expect(result.refused).toEqual([]);
		const r = report(result, 'e.csv');
		expect(r.droppedColumns).toEqual(['BSN', 'telefoon nr']);
		expect(r.unknownColumns).toEqual([]);
		expect(r.counts).toEqual(counts(2, 1, 0, 0, 1));
		expect(r.rejected[0]!.values).toEqual({
			dossier_id: 'D1',
			datum: '2015-02-30',
			gebeurtenis: 'contact'
		});
	});

	it('refuses when a dropped column is required', () => {
		const result = importFiles(
			[file('e.csv', lines(['dossier_id;datum;gebeurtenis', '111.222.333;2015-01-01;contact']))],
			{ today, dropPersonalData: true }
		);
		expect(result.refused.map((r) => [r.code, r.message])).toEqual([
			[
				'kolom_ontbreekt',
				'e.csv: verplichte kolom ‘dossier_id’ ontbreekt (weggelaten omdat er persoonsgegevens in staan) in dit gebeurtenissenbestand.'
			]
		]);
	});

	it('never throws on odd arguments', () => {
		const odd = importFiles(
			[
				null as never,
				{ name: 5, bytes: 'x' } as never,
				{ name: 'a.csv', bytes: new ArrayBuffer(0) } as never
			],
			{
				today: 'gisteren'
			}
		);
		expect(odd.refused.map((r) => r.code)).toEqual(['geen_csv', 'leeg', 'leeg']);
		expect(importFiles(undefined as never, { today }).files).toEqual([]);
	});

	it('an invalid day of import still rejects far-future dates', () => {
		const result = importFiles(
			[
				DOSSIERS_D1,
				file(
					'e.csv',
					lines([
						'dossier_id,datum,gebeurtenis',
						'D1,2015-01-01,achterstand_1m',
						'D1,2100-01-01,contact'
					])
				)
			],
			{
				today: 'nonsense'
			}
		);
		expect(report(result, 'e.csv').counts).toEqual(counts(2, 1, 0, 0, 1));
	});
});
