/**
 * The command-line evaluator end to end (evaluate-contract.md): real files with export quirks,
 * the real importer and the real engine, in a child process as a user runs it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyMetrics } from '../../../src/lib/metrics/evaluate';
import { readZipEntry } from '../report/unzip';
import { evaluate } from './run-evaluate';

const FIXTURES = 'tests/fixtures/cli';

const FILES = [
	'--dossiers',
	`${FIXTURES}/dossiers.csv`,
	'--gebeurtenissen',
	`${FIXTURES}/gebeurtenissen.csv`
];
const PERIOD = ['--van', '2015-01-01', '--tot', '2015-07-01'];

/** The key structure of a value: nested keys, leaves as their JSON type. */
function shape(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return 'leaf';
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
}

describe('npm run evaluate', () => {
	it.each([['--help'], ['-h'], ['--van', '2015-01-01', '--help']])(
		'prints the usage and exits with 0 for %s',
		async (...args) => {
			const { code, stdout, stderr } = await evaluate(args);
			expect(stderr).toBe('');
			expect(code).toBe(0);
			expect(stdout).toMatch(/^Gebruik: npm run evaluate -- --dossiers BESTAND/);
			for (const option of ['--gebeurtenissen', '--van', '--tot', '--corporatie', '--format']) {
				expect(stdout).toContain(option);
			}
		}
	);

	it('prints the contract JSON with the import counts and the hand-computed figures', async () => {
		const { code, stdout, stderr } = await evaluate([...FILES, ...PERIOD]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.formaat).toBe('huisuitzettingen-evaluatie/1');
		expect(doc.selectie).toEqual({
			van: '2015-01-01',
			tot: '2015-07-01',
			corporaties: ['elan_wonen', 'pre_wonen', 'woonstede', 'ymere'],
			doelgroepen: ['gezin_met_kinderen', 'oggz', 'senior'],
			wijken: null,
			peildatum: '2015-07-01'
		});
		// dossiers: 8 rows; B repeated with the same attributes (dubbel); G has doelgroep student (geweigerd).
		expect(doc.import.dossiers).toEqual({
			gelezen: 8,
			geaccepteerd: 6,
			waarschuwingen: 0,
			dubbel: 1,
			geweigerd: 1,
			overgeslagen: 0
		});
		// events: 41 rows; B's melding_sdv twice (only the unknown column differs: dubbel); 31 February,
		// dossier Z and code "verhuizing" geweigerd; warned: D's ontruiming (no reden, no vonnis, before
		// its signal), D's aanzegging (no vonnis, before signal), B's early contact, C's four early events.
		expect(doc.import.gebeurtenissen).toEqual({
			gelezen: 41,
			geaccepteerd: 37,
			waarschuwingen: 7,
			dubbel: 1,
			geweigerd: 3,
			overgeslagen: 0
		});
		// The same 37 events and 6 dossiers as tests/unit/metrics/fixture.ts: the same figures.
		expect(doc.totaal.signalen).toBe(4);
		expect(doc.totaal.meldingen_sdv).toBe(2); // the duplicate counts once
		expect(doc.totaal.ontruimingen_per_reden).toMatchObject({ huurachterstand: 1, onbekend: 1 });
		expect([
			doc.totaal.aanzeggingen_voorkomen,
			doc.totaal.aanzeggingen_ontruimd,
			doc.totaal.aanzeggingen_lopend
		]).toEqual([1, 1, 1]);
		expect(doc.totaal.doorlooptijden.signaal_contact).toMatchObject({
			n: 2,
			open: 1,
			mediaan: 34.5
		});
		expect(doc.per_corporatie.ymere.signalen).toBe(2);
		// Every key of the contract, in totaal and in every corporation.
		expect(shape(doc.totaal)).toEqual(shape(emptyMetrics()));
		for (const metrics of Object.values(doc.per_corporatie))
			expect(shape(metrics)).toEqual(shape(emptyMetrics()));
		expect(Object.keys(doc.totaal.doorlooptijden)).toHaveLength(10);
	});

	it('normalizes repeated selection options and sorts them', async () => {
		const { code, stdout } = await evaluate([
			...FILES,
			...PERIOD,
			'--corporatie',
			'Ymere',
			'--corporatie',
			'Pré Wonen',
			'--doelgroep',
			'overig',
			'--wijk',
			'Noord',
			'--peildatum',
			'2015-08-15'
		]);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.selectie).toMatchObject({
			corporaties: ['pre_wonen', 'ymere'],
			doelgroepen: ['overig'],
			wijken: ['Noord'],
			peildatum: '2015-08-15'
		});
		expect(Object.keys(doc.per_corporatie).sort()).toEqual(['pre_wonen', 'ymere']);
		expect(doc.totaal.signalen).toBe(1); // E: ymere, overig, Noord
	});

	it('accepts combined files without --dossiers', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'evaluate-'));
		const combined = path.join(dir, 'gecombineerd.csv');
		await writeFile(
			combined,
			'dossier_id;datum;gebeurtenis;reden;uitkomst;corporatie;doelgroep;wijk\n' +
				'K1;01-03-2015;achterstand_1m;;;Ymere;senior;Noord\n' +
				'K1;2015-04-01;aanzegging;;;Ymere;senior;Noord\n' +
				'K1;2015-05-01;afgesloten;;opgelost;Ymere;senior;Noord\n' +
				'K2;2015-03-05;achterstand_1m;;;Elan Wonen;oggz;Oost\n' +
				'K2;2015-03-06;contact;;;Ymere;oggz;Oost\n'
		);
		const { code, stdout } = await evaluate(['--gebeurtenissen', combined, ...PERIOD]);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.import.gebeurtenissen).toMatchObject({ gelezen: 5, geaccepteerd: 4, geweigerd: 1 });
		expect(doc.import.dossiers.gelezen).toBe(0);
		expect(doc.totaal.signalen).toBe(2);
		expect(doc.totaal.aanzeggingen_voorkomen).toBe(1);
	});

	it('writes CSV for Dutch Excel with its selection and mode above the table', async () => {
		const csv = await evaluate([...FILES, ...PERIOD, '--format', 'csv']);
		expect(csv.code).toBe(0);
		const lines = csv.stdout.split('\r\n');
		expect(lines[0]).toBe('\uFEFFEvaluatie preventie huisuitzettingen, eerste halfjaar 2015');
		expect(lines).toContain(
			'Status;Voorlopig: interne werkversie met exacte aantallen, niet voor publicatie'
		);
		expect(lines).toContain('Cijfer;Totaal;Ymere;Pré Wonen;Elan Wonen;Woonstede;Code');
		expect(lines).toContain('Signalen (één maand achterstand);4;2;1;0;1;signalen');
		// The median of 19 and 50 days is 34,5: whole days for people, the JSON keeps 34.5.
		expect(lines.find((l) => l.endsWith(';doorlooptijden.signaal_contact.mediaan'))).toBe(
			'Signaal → contact: mediaan (dagen);35;19;–;–;50;doorlooptijden.signaal_contact.mediaan'
		);
	});

	it('writes the drafted letter and every figure as Markdown', async () => {
		const md = await evaluate([...FILES, ...PERIOD, '--format', 'md']);
		expect(md.code).toBe(0);
		expect(md.stdout).toContain('In het eerste halfjaar van 2015');
		expect(md.stdout).toContain('| signalen | 4 | 2 | 1 | 0 | 1 |');
	});

	it('applies publication mode to md and csv, and keeps the JSON exact', async () => {
		const json = JSON.parse((await evaluate([...FILES, ...PERIOD, '--publicatie'])).stdout);
		expect(json.selectie.publicatie).toBe(true);
		expect(json.totaal.signalen).toBe(4);
		const csv = (await evaluate([...FILES, ...PERIOD, '--format', 'csv', '--publicatie'])).stdout;
		expect(csv).toContain('\r\nSignalen (één maand achterstand);< 5;< 5;< 5;0;< 5;signalen\r\n');
		expect(csv).toContain('Publicatieversie');
		expect(csv).not.toContain('\r\nSignalen (één maand achterstand);4;');
		const md = (await evaluate([...FILES, ...PERIOD, '--format', 'md', '--publicatie'])).stdout;
		expect(md).toContain('Publicatieversie');
		expect(md).toContain('| signalen | < 5 | < 5 | < 5 | 0 | < 5 |');
		expect(md).toContain('minder dan vijf');
	});

	it('writes the letter as .docx, in either mode', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'evaluate-'));
		for (const mode of ['intern', 'publicatie']) {
			const out = path.join(dir, `brief-${mode}.docx`);
			const args = [...FILES, ...PERIOD, '--format', 'docx', '--out', out];
			const { code } = await evaluate(mode === 'publicatie' ? [...args, '--publicatie'] : args);
			expect(code).toBe(0);
			const bytes = new Uint8Array(await readFile(out));
			const xml = new TextDecoder().decode(
				readZipEntry(bytes, 'word/document.xml') ?? new Uint8Array()
			);
			expect(xml).toContain('Voorkomen huisuitzettingen');
			expect(xml.includes('minder dan vijf')).toBe(mode === 'publicatie');
		}
	});

	it('needs --out for docx and pdf', async () => {
		const { code, stderr } = await evaluate([...FILES, ...PERIOD, '--format', 'docx']);
		expect(code).toBe(2);
		expect(stderr).toMatch(/--out/);
	});

	it('writes to --out', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'evaluate-'));
		const out = path.join(dir, 'uit.json');
		const { code, stdout } = await evaluate([...FILES, ...PERIOD, '--out', out]);
		expect(code).toBe(0);
		expect(stdout).toBe('');
		expect(JSON.parse(await readFile(out, 'utf8')).totaal.signalen).toBe(4);
	});

	it.each([
		{ name: 'missing --van', args: [...FILES, '--tot', '2015-07-01'], message: /--van ontbreekt/ },
		{
			name: 'invalid date',
			args: [...FILES, '--van', '2015-02-30', '--tot', '2015-07-01'],
			message: /geen geldige datum/
		},
		{
			name: 'van after tot',
			args: [...FILES, '--van', '2015-07-01', '--tot', '2015-01-01'],
			message: /vóór/
		},
		{
			name: 'unknown format',
			args: [...FILES, ...PERIOD, '--format', 'xml'],
			message: /--format xml/
		},
		{
			name: 'unknown doelgroep',
			args: [...FILES, ...PERIOD, '--doelgroep', 'studenten'],
			message: /--doelgroep studenten/
		},
		{
			name: 'unknown option',
			args: [...FILES, ...PERIOD, '--foo'],
			message: /ongeldige argumenten/
		},
		{
			name: 'missing file',
			args: ['--gebeurtenissen', 'bestaat-niet.csv', ...PERIOD],
			message: /bestaat-niet\.csv/
		},
		{
			name: 'a file refused whole',
			args: [
				'--dossiers',
				`${FIXTURES}/zonder-doelgroep.csv`,
				'--gebeurtenissen',
				`${FIXTURES}/gebeurtenissen.csv`,
				...PERIOD
			],
			message: /zonder-doelgroep\.csv.*doelgroep/
		},
		{
			name: 'files given for the wrong table',
			args: [
				'--dossiers',
				`${FIXTURES}/gebeurtenissen.csv`,
				'--gebeurtenissen',
				`${FIXTURES}/dossiers.csv`,
				...PERIOD
			],
			message: /gebeurtenissen\.csv is een gebeurtenissenbestand/
		},
		{
			name: 'the same file as --dossiers and --gebeurtenissen',
			args: [
				'--dossiers',
				`${FIXTURES}/gebeurtenissen.csv`,
				'--gebeurtenissen',
				`./${FIXTURES}/../cli/gebeurtenissen.csv`,
				...PERIOD
			],
			message: /opgegeven als --dossiers én als --gebeurtenissen/
		}
	])('exits with 2 and one line on stderr for $name', async ({ args, message }) => {
		const { code, stdout, stderr } = await evaluate(args);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(message);
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
	});
});
