/**
 * Hostile files outside workbooks (issue 19): each finding with a hand-made fixture. Timing is
 * asserted as linear behaviour (the input ten times larger takes far less than a hundred times as
 * long) and under a generous absolute bound, never as a tight figure.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { readEscapedCell, escapeCsvCell } from '../../../src/lib/import/csv-writer';
import { readDdasText } from '../../../src/lib/import/ddas';
import { combineDdas } from '../../../src/lib/import/ddas-combine';
import { decodeBytes, MAX_TEXT_LENGTH } from '../../../src/lib/import/decode';
import { exchangeCsv } from '../../../src/lib/import/exchange-csv';
import { parseCsv } from '../../../src/lib/import/parse';
import { importSources, type SourceFile } from '../../../src/lib/import/pipeline';
import { parseProfile, type SourceProfile } from '../../../src/lib/import/profiles/format';
import { nodePseudonymiser } from '../../../src/lib/import/profiles/pseudonym-node';
import { rejectedRowsCsv } from '../../../src/lib/import/rejected-csv';
import { BYTES_PER_ROW, MAX_IMPORT_BYTES, rowBudget } from '../../../src/lib/import/size-limit';
import type { Counts, ImportResult } from '../../../src/lib/import/types';
import { bytes, file, lines } from './helpers';

const today = '2026-01-01';
const KEY = 'werkgroep-haarlem-2015-evaluatie';

/** Seconds one call takes. */
function seconds(run: () => unknown): number {
	const start = performance.now();
	run();
	return (performance.now() - start) / 1000;
}

/**
 * Linear in n: the run at 10 n takes less than 40 times the run at n (quadratic: 100 times), plus
 * half a second for a busy machine, and less than `bound` seconds at all. Each the fastest of a
 * few runs, so that one pause for garbage collection or another process does not decide.
 */
function expectLinear(run: (n: number) => unknown, n: number, bound: number): void {
	run(n);
	const small = Math.min(...[1, 2, 3].map(() => seconds(() => run(n))));
	const large = Math.min(...[1, 2].map(() => seconds(() => run(10 * n))));
	expect(large).toBeLessThan(40 * small + 0.5);
	expect(large).toBeLessThan(bound);
}

/** gelezen = geaccepteerd + dubbel + geweigerd + overgeslagen, per file. */
function expectBalanced(result: ImportResult): void {
	for (const f of result.files) {
		const c: Counts = f.counts;
		expect(c.gelezen, f.name).toBe(c.geaccepteerd + c.dubbel + c.geweigerd + c.overgeslagen);
	}
}

function profile(json: unknown): SourceProfile {
	const out = parseProfile(JSON.stringify(json), 'test.profiel.json');
	if (!out.ok) throw new Error(out.message);
	return out.profile;
}

const DOSSIERS = file(
	'dossiers.csv',
	lines(['dossier_id,corporatie,doelgroep', 'D1,Ymere,senior'])
);

describe('CSV: malformed records cost linear time', () => {
	it('40,000 lines of x","y are 40,000 malformed records, read in linear time', () => {
		const text = (n: number) => 'a,b,c\n' + 'x","y\n'.repeat(n);
		const table = parseCsv(text(40_000))!;
		expect(table.rows).toHaveLength(40_000);
		expect(table.rows.every((r) => r.error !== undefined)).toBe(true);
		expect(table.rows[39_999]!.line).toBe(40_001);
		expectLinear((n) => parseCsv(text(n)), 4_000, 10);
	});

	it('stray quotes closed lines later, and unclosed ones, stay linear', () => {
		for (const line of ['1,"oeps,x', '"a,b,c', '1,"a\n2,b"x', 'q,"w,"e"r']) {
			expectLinear((n) => parseCsv('a,b,c\n' + `${line}\n`.repeat(n)), 4_000, 10);
		}
	});

	it('the exchange import of such a file accounts for every line', () => {
		const events = 'dossier_id,datum,gebeurtenis\n' + 'D1,2015-01-01,"x","y\n'.repeat(3_000);
		const result = importFiles([DOSSIERS, file('ev.csv', events)], { today });
		const ev = result.files.find((f) => f.name === 'ev.csv')!;
		expect(ev.counts).toMatchObject({ gelezen: 3_000, geweigerd: 3_000 });
		expect(ev.rejected[0]!.code).toBe('onleesbare_regel');
		expect(ev.rejected[0]!.message).toMatch(/^ev\.csv, regel 2: na het afsluitende/);
	});
});

describe('DDAS: cases that refer to no signal cost linear time', () => {
	const delivery = (n: number) =>
		JSON.stringify({
			aanleverdatumEnTijd: '2025-07-01T10:00:00Z',
			leveringen: [
				{
					gemeentecode: '0392',
					vroegsignalen: [
						{ ID: 'S1', signaaldatum: '2025-03-01', signaalpartner: { type: 'Huur' } }
					],
					vroegsignaalzaken: Array.from({ length: n }, (_, i) =>
						i % 2 === 0
							? { resultaat: 'iets anders', vroegsignalen: [] }
							: { resultaat: 'iets anders', vroegsignalen: [{ ID: `X${i}` }] }
					)
				}
			]
		});
	const run = (n: number) => combineDdas([readDdasText('l.json', delivery(n), { today })]);

	it('30,000 such cases: every one rejected, counted, in linear time', () => {
		const result = run(30_000);
		expect(result.bestanden[0]!.zaken).toMatchObject({ gelezen: 30_000, geweigerd: 30_000 });
		// The warnings of a rejected case go with it (its unknown resultaat and reference).
		expect(result.meldingen.filter((m) => m.soort === 'waarschuwing')).toEqual([]);
		expectLinear(run, 3_000, 20);
	});
});

describe('capacity: the rows a profile makes are bounded like the bytes', () => {
	const many = (times: number) => ({
		formaat: 'huisuitzettingen-bronprofiel/1',
		naam: 'Veel datums',
		vorm: 'breed',
		dossier_id: { kolommen: ['Contract'] },
		corporatie: { waarde: 'Ymere' },
		doelgroep: { waarde: 'senior' },
		gebeurtenissen: Array.from({ length: times }, () => ({
			gebeurtenis: 'achterstand_1m',
			kolom: 'Datum'
		}))
	});
	const exportOf = (rows: number) =>
		'Contract,Datum\n' +
		Array.from({ length: rows }, (_, i) => `C${i},2015-0${(i % 9) + 1}-01`).join('\n');

	it('the budget is the byte limit in rows of 42 bytes', () => {
		expect(BYTES_PER_ROW).toBe(42);
		expect(rowBudget(MAX_IMPORT_BYTES)).toBe(3_809_523);
		expect(rowBudget(4_200)).toBe(100);
	});

	it('a date column listed 3,000 times on a 2,000-row export is refused, fast, before the rows are made', async () => {
		const p = profile(many(3_000));
		expect(JSON.stringify(p).length).toBeGreaterThan(140_000);
		const src: SourceFile = { name: 'export.csv', bytes: bytes(exportOf(2_000)), profile: p };
		const start = performance.now();
		const result = await importSources([src], { today });
		expect((performance.now() - start) / 1000).toBeLessThan(15);
		expect(result.files).toEqual([]);
		expect(result.refused[0]).toMatchObject({ name: 'export.csv', code: 'te_groot' });
		expect(result.refused[0]!.message).toMatch(
			/^export\.csv: profiel ‘Veel datums’ maakt uit dit bestand meer dan 3\.809\.523 rijen/
		);
	});

	it('counts the rows of all files together, against the byte limit given', async () => {
		const p = profile(many(3));
		const src = (name: string, rows: number): SourceFile => ({
			name,
			bytes: bytes(exportOf(rows)),
			profile: p
		});
		// 100 rows allowed: 10 dossiers + 30 events, then 20 + 60 = 80 more is too many.
		const limit = 100 * BYTES_PER_ROW;
		const one = await importSources([src('a.csv', 10)], { today, byteLimit: limit });
		expect(one.refused).toEqual([]);
		const two = await importSources([src('a.csv', 10), src('b.csv', 20)], {
			today,
			byteLimit: limit
		});
		expect(two.files.map((f) => f.name)).toEqual(['a.csv', 'a.csv']);
		expect(two.refused.map((r) => [r.name, r.code])).toEqual([['b.csv', 'te_groot']]);
		// An exchange file's rows spend the same budget.
		const rows = lines([
			'dossier_id,corporatie,doelgroep',
			...Array.from({ length: 70 }, (_, i) => `D${i},Ymere,senior`)
		]);
		const mixed = await importSources([file('d.csv', rows), src('a.csv', 10)], {
			today,
			byteLimit: limit
		});
		expect(mixed.refused.map((r) => r.name)).toEqual(['a.csv']);
	});

	it('an exchange file with more rows than the budget is refused as it is read', async () => {
		const rows = lines([
			'dossier_id,corporatie,doelgroep',
			...Array.from({ length: 60 }, (_, i) => `D${i},Ymere,senior`)
		]);
		const result = await importSources([file('d.csv', rows)], {
			today,
			byteLimit: 50 * BYTES_PER_ROW
		});
		expect(result.files).toEqual([]);
		expect(result.refused[0]).toMatchObject({ name: 'd.csv', code: 'te_groot' });
		expect(result.refused[0]!.message).toMatch(/^d\.csv: het bestand heeft meer dan 50 rijen/);
		// The reader stops at the budget: it never holds more rows than that.
		const table = parseCsv(rows, 50)!;
		expect([table.rows.length, table.overflow]).toEqual([50, true]);
		expect(parseCsv(rows, 60)!.overflow).toBeUndefined();
	});

	it('the decoder refuses a text longer than the engine holds, without reading it', () => {
		const huge = { length: MAX_TEXT_LENGTH + 1, byteLength: MAX_TEXT_LENGTH + 1 } as Uint8Array;
		const out = decodeBytes('groot.csv', huge);
		expect(out).toMatchObject({ ok: false, refusal: { code: 'te_groot' } });
		expect(!out.ok && out.refusal.message).toMatch(/^groot\.csv: het bestand is 537 MB, te groot/);
	});
});

describe('exports: one writer, formula cells escaped, read back to the same values', () => {
	const dossiers = [
		{ dossier_id: '-7', corporatie: 'ymere', doelgroep: 'senior' as const, wijk: '=Noord' },
		{ dossier_id: 'D2', corporatie: 'ymere', doelgroep: 'oggz' as const, wijk: '-Zuid' },
		{ dossier_id: 'D3', corporatie: 'ymere', doelgroep: 'senior' as const, wijk: "'=al escaped" },
		{ dossier_id: 'D4', corporatie: 'ymere', doelgroep: 'senior' as const, wijk: '@Oost+' },
		{ dossier_id: 'D5', corporatie: 'ymere', doelgroep: 'senior' as const, wijk: null }
	];
	const events = dossiers.map((d) => ({
		dossier_id: d.dossier_id,
		datum: '2015-03-01',
		gebeurtenis: 'achterstand_1m' as const,
		reden: null,
		uitkomst: null
	}));

	it('writes = + - @ cells behind an apostrophe', () => {
		const csv = exchangeCsv({ dossiers, events });
		expect(csv.dossiers).toBe(
			'\uFEFFdossier_id;corporatie;doelgroep;wijk\r\n' +
				"'-7;ymere;senior;'=Noord\r\nD2;ymere;oggz;'-Zuid\r\nD3;ymere;senior;''=al escaped\r\n" +
				"D4;ymere;senior;'@Oost+\r\nD5;ymere;senior;\r\n"
		);
		expect(csv.gebeurtenissen.split('\r\n')[1]).toBe("'-7;2015-03-01;achterstand_1m;;");
	});

	it('the exchange reader takes the export back to the same rows', () => {
		const csv = exchangeCsv({ dossiers, events });
		const back = importFiles(
			[file('dossiers.csv', csv.dossiers), file('gebeurtenissen.csv', csv.gebeurtenissen)],
			{ today }
		);
		expect(back.refused).toEqual([]);
		expect(back.dossiers).toEqual(dossiers);
		expect(back.events).toEqual(events);
	});

	it('the reading rule undoes exactly the writing rule', () => {
		for (const v of ['=1', "'=1", "''+x", "'plain", 'plain', '-', "'", "'-"]) {
			const written = escapeCsvCell(v);
			expect(readEscapedCell(written), v).toBe(v);
		}
	});

	it('the rejected rows download escapes formula cells too', () => {
		const csv = rejectedRowsCsv([
			{
				file: 'a.csv',
				line: 2,
				column: 'wijk',
				code: 'waarde_ontbreekt',
				message: 'a.csv, regel 2: x',
				values: { wijk: '=HYPERLINK("x")' }
			}
		]);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
	});
});

describe('personal data: a pseudonymised column fills the id only', () => {
	const base = {
		formaat: 'huisuitzettingen-bronprofiel/1',
		naam: 'P',
		dossier_id: { kolommen: ['Huurcontract'], pseudonimiseren: true }
	};
	const wide = (extra: object) => ({
		...base,
		vorm: 'breed',
		corporatie: { waarde: 'Ymere' },
		doelgroep: { waarde: 'senior' },
		gebeurtenissen: [{ gebeurtenis: 'achterstand_1m', kolom: 'Datum' }],
		...extra
	});
	const long = (extra: object) => ({
		...base,
		vorm: 'lang',
		datum: { kolom: 'Datum' },
		gebeurtenis: { kolom: 'Activiteit' },
		...extra
	});

	it.each([
		['wijk.kolom', wide({ wijk: { kolom: 'Huurcontract' } })],
		['corporatie.kolom', wide({ corporatie: { kolom: 'huurcontract' } })],
		['doelgroep.kolom', wide({ doelgroep: { kolom: ' Huurcontract ' } })],
		[
			'gebeurtenissen.1.kolom',
			wide({
				gebeurtenissen: [
					{ gebeurtenis: 'achterstand_1m', kolom: 'Datum' },
					{ gebeurtenis: 'vonnis', kolom: 'Huurcontract' }
				]
			})
		],
		[
			'gebeurtenissen.0.reden.kolom',
			wide({
				gebeurtenissen: [
					{ gebeurtenis: 'ontruiming', kolom: 'Datum', reden: { kolom: 'HUURCONTRACT' } }
				]
			})
		],
		['datum.kolom', long({ datum: { kolom: 'Huurcontract' } })],
		['gebeurtenis.kolom', long({ gebeurtenis: { kolom: 'Huurcontract' } })],
		['uitkomst.kolom', long({ uitkomst: { kolom: 'Huurcontract' } })]
	])('%s on the pseudonymised column is refused, naming the key and the column', (key, json) => {
		const out = parseProfile(JSON.stringify(json), 'p.json');
		expect(out.ok).toBe(false);
		expect(!out.ok && out.message).toMatch(
			new RegExp(
				`^p\\.json: ongeldig profiel: ‘${key.replace(/\./g, '\\.')}’ gebruikt kolom ‘.*’, die het profiel pseudonimiseert`
			)
		);
	});

	it('the same columns are fine without pseudonymisation', () => {
		const json = wide({ wijk: { kolom: 'Huurcontract' } });
		expect(
			parseProfile(JSON.stringify({ ...json, dossier_id: { kolommen: ['Huurcontract'] } })).ok
		).toBe(true);
	});

	it('a profile that is not JSON is described by place, never quoted', () => {
		const out = parseProfile(`${KEY}\n`, 'sleutel.txt');
		expect(out).toEqual({
			ok: false,
			message:
				'sleutel.txt: het profiel is geen geldige JSON (regel 1, kolom 1: een waarde verwacht).'
		});
		const broken = parseProfile('{"naam": "geheim-123", }', 'p.json');
		expect(!broken.ok && broken.message).not.toContain('geheim');
	});
});

describe('a one-line file without delimiter (the key, picked as data)', () => {
	it('is refused without echoing its text, as exchange file and through a profile', async () => {
		const p = profile({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'P',
			vorm: 'lang',
			dossier_id: { kolommen: ['Id'] },
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Activiteit' }
		});
		const result = await importSources(
			[
				{ name: 'sleutel.txt', bytes: bytes(`${KEY}\r\n`) },
				{ name: 'ook.txt', bytes: bytes(KEY), profile: p }
			],
			{ today }
		);
		expect(result.refused.map((r) => [r.name, r.code])).toEqual([
			['sleutel.txt', 'geen_csv'],
			['ook.txt', 'geen_csv']
		]);
		for (const r of result.refused) {
			expect(r.message).toContain('één regel zonder scheidingsteken');
			expect(r.message).not.toContain('werkgroep');
		}
	});
});

describe('profiles run the record checks of the exchange format', () => {
	const LONG = profile({
		formaat: 'huisuitzettingen-bronprofiel/1',
		naam: 'Lang',
		vorm: 'lang',
		dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
		datum: { kolom: 'Datum' },
		gebeurtenis: { kolom: 'Activiteit', waarden: { Notitie: null, Melding: 'melding_sdv' } }
	});
	const WIDE = profile({
		formaat: 'huisuitzettingen-bronprofiel/1',
		naam: 'Breed',
		vorm: 'breed',
		dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
		corporatie: { waarde: 'Ymere' },
		doelgroep: { waarde: 'senior' },
		gebeurtenissen: [
			{ gebeurtenis: 'achterstand_1m', kolom: 'Signaal' },
			{ gebeurtenis: 'vonnis', kolom: 'Vonnis' }
		]
	});
	const run = (files: SourceFile[]) =>
		importSources(files, { today, pseudonymiser: nodePseudonymiser(KEY) });
	const UNCLOSED =
		'een waarde begint met een aanhalingsteken (") dat niet wordt afgesloten (veld 3)';
	const AFTER =
		'na het afsluitende aanhalingsteken van veld 2 staat nog tekst; een aanhalingsteken in een waarde moet verdubbeld worden ("")';
	const WIDER =
		'de regel heeft 4 velden, de kopregel 3; staat er een scheidingsteken in een waarde zonder aanhalingstekens?';

	it('lang: the same reasons and lines as an exchange file, never skipped, accounts balanced', async () => {
		const text = lines([
			'Contract,Datum,Activiteit',
			'C-1,2015-01-01,Melding',
			'C-2,"2015-01-01" x,Melding',
			'C-3,2015-01-01,Notitie,extra',
			'C-4,2015-01-01,"Notitie',
			'C-5,2015-01-01,Notitie'
		]);
		const result = await run([
			{ name: 'dos.csv', bytes: bytes('dossier_id,corporatie,doelgroep\n'), profile: null },
			{ name: 'act.csv', bytes: bytes(text), profile: LONG }
		]);
		const f = result.files.find((x) => x.name === 'act.csv')!;
		expect(f.rejected.map((r) => [r.line, r.code, r.message])).toEqual([
			[2, 'onbekend_dossier', expect.any(String)],
			[3, 'onleesbare_regel', `act.csv, regel 3: ${AFTER}`],
			[4, 'onvolledige_regel', `act.csv, regel 4: ${WIDER}`],
			[5, 'onleesbare_regel', `act.csv, regel 5: ${UNCLOSED}`]
		]);
		expect(f.counts).toMatchObject({ gelezen: 5, geweigerd: 4, overgeslagen: 1 });
		expectBalanced(result);
		// The same lines in an exchange file: the same reasons.
		const exchange = importFiles(
			[
				file('dos.csv', 'dossier_id,corporatie,doelgroep\n'),
				file('ev.csv', text.replace('Contract,Datum,Activiteit', 'dossier_id,datum,gebeurtenis'))
			],
			{ today }
		);
		const ev = exchange.files.find((x) => x.name === 'ev.csv')!;
		expect(ev.rejected.filter((r) => r.line >= 3 && r.line <= 5).map((r) => r.message)).toEqual([
			`ev.csv, regel 3: ${AFTER}`,
			`ev.csv, regel 4: ${WIDER}`,
			`ev.csv, regel 5: ${UNCLOSED}`
		]);
	});

	it('a malformed line shows no source values: its contract number may sit in another column', async () => {
		const text = lines(['Datum,Contract,Activiteit', '"2015-01-01,x" y,C-9,Melding']);
		const p = profile({ ...JSON.parse(JSON.stringify(LONG)), naam: 'Lang' });
		const result = await run([{ name: 'a.csv', bytes: bytes(text), profile: p }]);
		const issue = result.files[0]!.rejected[0]!;
		expect(issue.code).toBe('onleesbare_regel');
		expect(Object.keys(issue.values)).toEqual(['dossier_id']);
		expect(JSON.stringify(result)).not.toContain('C-9');
		expect(rejectedRowsCsv(result.files[0]!)).not.toContain('C-9');
	});

	it('a line broken in two by a lone CR: the contract number in the activity column is never shown (found by the fuzzer)', async () => {
		const p = profile({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'Lang',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
			corporatie: { waarde: 'Ymere' },
			doelgroep: { kolom: 'Type', anders: 'overig' },
			wijk: { kolom: 'Wijk' },
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Activiteit' }
		});
		const text =
			'Wijk,Type,Datum,Activiteit,Contract\nNoord,x,2015-01-01,melding_sdv,PII100000\nD1,\r,,,PII100000\n';
		const result = await run([{ name: 'a.csv', bytes: bytes(text), profile: p }]);
		const f = result.files[0]!;
		expect(f.rejected.map((r) => [r.line, r.code])).toEqual([
			[3, 'waarde_ontbreekt'],
			[4, 'onleesbare_regel']
		]);
		expect(f.rejected[1]!.message).toBe(
			'a.csv, regel 4: in kolom ‘Activiteit’ staat een waarde uit de gepseudonimiseerde kolom Contract; staat de regel verschoven (een regeleinde of scheidingsteken in een waarde)? De regel is niet gelezen en de waarde wordt niet getoond'
		);
		expect(f.rejected[1]!.values).toEqual({ dossier_id: '' });
		expect(
			JSON.stringify(result) + rejectedRowsCsv(f) + exchangeCsv(result).dossiers
		).not.toContain('PII100000');
		expectBalanced(result);
	});

	it('a line without its id, and an unused header cell over lines, show no contract number (found by the fuzzer)', async () => {
		const p = profile({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'Lang',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
			corporatie: { waarde: 'Ymere' },
			doelgroep: { kolom: 'Type', anders: 'overig' },
			wijk: { kolom: 'Wijk' },
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Activiteit' }
		});
		// The quoted first value holds a comma: the row is one field short and the contract number
		// stands under Type; no other line has it as its id.
		const shifted = 'Wijk,Activiteit,Datum,Type,Contract\n"D1,""",,,PII100000\n';
		const a = await run([{ name: 'a.csv', bytes: bytes(shifted), profile: p }]);
		expect(a.files[0]!.rejected.map((r) => [r.line, r.code, r.values])).toEqual([
			[2, 'waarde_ontbreekt', { dossier_id: '' }]
		]);
		expect(JSON.stringify(a)).not.toContain('PII100000');
		// An opening quote in the last header cell swallows the data line into the header.
		const header = 'Contract,Datum,Activiteit,Wijk,Type,Opmerking,"Notitie\nPII100000,x"\n';
		const b = await run([{ name: 'b.csv', bytes: bytes(header), profile: p }]);
		expect(b.files[0]!.unknownColumns).toEqual(['Opmerking', '(kolom 7)']);
		expect(JSON.stringify(b)).not.toContain('PII100000');
	});

	it('a used value over lines in a pseudonymising profile is not read: it may hold a swallowed line (found by the fuzzer)', async () => {
		const p = profile({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'Lang',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
			corporatie: { waarde: 'Ymere' },
			doelgroep: { waarde: 'senior' },
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Activiteit' }
		});
		// The stray quote before D1 is closed on the next line: that line's contract number ends
		// up inside the date value.
		const text = 'Contract,Datum,Activiteit\nPII100000,"D1\nPII100001,"\n';
		const result = await run([{ name: 'a.csv', bytes: bytes(text), profile: p }]);
		const issue = result.files[0]!.rejected[0]!;
		expect([issue.line, issue.code, issue.values]).toEqual([
			2,
			'onleesbare_regel',
			{ dossier_id: expect.stringMatching(/^[0-9a-f]{32}$/) }
		]);
		expect(issue.message).toBe(
			'a.csv, regel 2: de waarde in kolom ‘Datum’ loopt over meer regels; in een bestand met gepseudonimiseerde nummers wordt zo’n regel niet gelezen, want een los aanhalingsteken kan een regel met een nummer hebben opgeslokt'
		);
		expect(JSON.stringify(result)).not.toContain('PII10000');
		expectBalanced(result);
	});

	it('a number that is the id of a malformed line is not shown under another column of a well-formed one (found by the fuzzer)', async () => {
		const p = profile({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'Lang',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
			corporatie: { waarde: 'Ymere' },
			doelgroep: { kolom: 'Type', anders: 'overig' },
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Activiteit' }
		});
		// Line 3 is the second half of a line broken by a lone CR: its Type holds the number that
		// line 4 (malformed) has as its id.
		const text = 'Datum,Type,Contract,Activiteit\nD1,\r,PII100000,D1,x\n"D1,,PII100000\n';
		const result = await run([{ name: 'a.csv', bytes: bytes(text), profile: p }]);
		expect(result.files[0]!.rejected.map((r) => [r.line, r.code])).toEqual([
			[2, 'waarde_ontbreekt'],
			[3, 'onleesbare_regel'],
			[4, 'onleesbare_regel']
		]);
		expect(JSON.stringify(result)).not.toContain('PII100000');
		expectBalanced(result);
		// The same with the number quoted on the malformed line (text after a closing quote).
		const quoted = 'Datum,Type,Contract,Activiteit\nD1,\r,PII100000,D1,x\n"D1,,"PII100000"\n';
		const again = await run([{ name: 'b.csv', bytes: bytes(quoted), profile: p }]);
		expect(JSON.stringify(again)).not.toContain('PII100000');
	});

	it('breed: the dossier row is rejected with the reason, its events with it', async () => {
		const text = lines([
			'Contract,Signaal,Vonnis',
			'C-1,2015-01-01,',
			'C-2,"2015-01-01" x,2015-06-01',
			'C-3,2015-01-01,2015-06-01,extra'
		]);
		const result = await run([{ name: 'w.csv', bytes: bytes(text), profile: WIDE }]);
		const [dossiers, events] = result.files;
		expect(dossiers!.rejected.map((r) => [r.line, r.code])).toEqual([
			[3, 'onleesbare_regel'],
			[4, 'onvolledige_regel']
		]);
		expect(dossiers!.rejected[0]!.message).toBe(`w.csv, regel 3: ${AFTER}`);
		expect(dossiers!.counts).toMatchObject({ gelezen: 3, geaccepteerd: 1, geweigerd: 2 });
		expect(events!.rejected.map((r) => [r.line, r.code])).toEqual([
			[3, 'dossier_geweigerd'],
			[3, 'dossier_geweigerd'],
			[4, 'dossier_geweigerd'],
			[4, 'dossier_geweigerd']
		]);
		expect(events!.counts).toMatchObject({ gelezen: 5, geaccepteerd: 1, geweigerd: 4 });
		expectBalanced(result);
		// The pseudonymised contract number is nowhere in what comes back.
		expect(JSON.stringify(result)).not.toMatch(/C-[123]/);
	});
});
