/**
 * The command line on hostile input (issue 19): over-capacity files refused before they are read,
 * the key never printed by any route, a key file that is not UTF-8 refused, no JavaScript text on
 * standard error, and the exchange export read back to the same figures (formula escape included).
 */
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from './run-evaluate';
import { nativeImportLimit } from '../../../src/lib/import/size-limit';

const LONG = 120_000;
const KEY = 'geheime-werkgroepsleutel-2015';

let dir: string;
const at = (name: string) => path.join(dir, name);

const PROFILE = {
	formaat: 'huisuitzettingen-bronprofiel/1',
	naam: 'Lang',
	vorm: 'lang',
	dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
	corporatie: { waarde: 'Ymere' },
	doelgroep: { waarde: 'senior' },
	wijk: { kolom: 'Wijk' },
	datum: { kolom: 'Datum' },
	gebeurtenis: { kolom: 'Activiteit' }
};

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'hostile-cli-'));
	await writeFile(at('sleutel.txt'), `${KEY}\r\n`);
	// The same key in Windows-1252 with an é (byte 0xE9): not UTF-8.
	await writeFile(
		at('sleutel-ansi.txt'),
		Buffer.from([...Buffer.from('geheime-sleutel-'), 0xe9, 0x0d, 0x0a])
	);
	await writeFile(at('profiel.json'), JSON.stringify(PROFILE));
	await writeFile(
		at('export.csv'),
		[
			'Contract,Wijk,Datum,Activiteit',
			'C-1,=Noord,2015-01-05,achterstand_1m',
			'C-1,=Noord,2015-02-05,aanzegging',
			'C-2,-Zuid,2015-01-10,achterstand_1m',
			'C-2,-Zuid,2015-03-10,vonnis',
			'C-3,@Oost,2015-02-01,achterstand_1m'
		].join('\n') + '\n'
	);
	// Larger than the limit, without taking the disk: a sparse file.
	const big = await open(at('groot.csv'), 'w');
	await big.truncate(170_000_000);
	await big.close();
	// Larger than what `--engine native` reads on this machine (its memory), also sparse.
	const huge = await open(at('enorm.csv'), 'w');
	await huge.truncate(nativeImportLimit(totalmem()) + 1_000_000);
	await huge.close();
});

/** Standard error is one Dutch line: no stack, no JavaScript error text. */
function oneDutchLine(stderr: string): void {
	expect(stderr.endsWith('\n')).toBe(true);
	expect(stderr.trimEnd().split('\n')).toHaveLength(1);
	expect(stderr).toMatch(/^evaluate: /);
	expect(stderr).not.toMatch(
		/\bat .*:\d+:\d+|Error|Unexpected token|Unknown option|is not valid JSON/
	);
}

describe('the key is never printed', () => {
	it(
		'not when --profiel and --sleutel-bestand are swapped, not as column names, and a key file in Windows-1252 is refused',
		async () => {
			const period = ['--van', '2015-01-01', '--tot', '2015-07-01'];
			const [swapped, asData, asSource, ansi] = await Promise.all([
				evaluate([
					'--profiel',
					at('sleutel.txt'),
					'--bron',
					at('export.csv'),
					'--sleutel-bestand',
					at('profiel.json'),
					...period
				]),
				evaluate([
					'--dossiers',
					at('sleutel.txt'),
					'--gebeurtenissen',
					at('export.csv'),
					...period
				]),
				evaluate([
					'--profiel',
					at('profiel.json'),
					'--bron',
					at('sleutel.txt'),
					'--sleutel-bestand',
					at('sleutel.txt'),
					...period
				]),
				evaluate([
					'--profiel',
					at('profiel.json'),
					'--bron',
					at('export.csv'),
					'--sleutel-bestand',
					at('sleutel-ansi.txt'),
					...period
				])
			]);
			for (const run of [swapped, asData, asSource, ansi]) {
				expect(run.code).toBe(2);
				oneDutchLine(run.stderr);
				expect(run.stderr).not.toContain('geheim');
				expect(run.stdout).toBe('');
			}
			expect(swapped.stderr).toContain('het profiel is geen geldige JSON (regel 1, kolom 1');
			expect(asData.stderr).toContain('één regel zonder scheidingsteken');
			expect(asSource.stderr).toContain('één regel zonder scheidingsteken');
			expect(ansi.stderr).toContain('het sleutelbestand is geen UTF-8-tekst');
		},
		LONG
	);
});

describe('capacity and errors', () => {
	it(
		'refuses input over the limit before reading it, and bad arguments, in one Dutch line',
		async () => {
			const [big, unknown, missing] = await Promise.all([
				evaluate([
					'--gebeurtenissen',
					at('groot.csv'),
					'--van',
					'2015-01-01',
					'--tot',
					'2015-07-01'
				]),
				evaluate(['--onzin', '--van', '2015-01-01']),
				evaluate([
					'--gebeurtenissen',
					at('bestaat-niet.csv'),
					'--van',
					'2015-01-01',
					'--tot',
					'2015-07-01'
				])
			]);
			expect(big.code).toBe(2);
			oneDutchLine(big.stderr);
			expect(big.stderr).toMatch(
				/^evaluate: de bestanden zijn samen 170 MB; de evaluator kan, net als het dashboard, ongeveer 160 MB \(zo'n 3,8 miljoen gebeurtenissen\) inlezen\. Er is niets ingelezen\./
			);
			expect(unknown.code).toBe(2);
			oneDutchLine(unknown.stderr);
			expect(unknown.stderr).toBe(
				'evaluate: ongeldige argumenten: onbekende optie --onzin (zie --help)\n'
			);
			expect(missing.code).toBe(2);
			oneDutchLine(missing.stderr);
			expect(missing.stderr).toContain('het bestand of de map bestaat niet');
		},
		LONG
	);
});

describe('capacity on native DuckDB', () => {
	it(
		'reads exchange files in pieces with --engine native; one it cannot read in pieces, up to what the memory of the machine holds, and says so in Dutch',
		async () => {
			const period = ['--van', '2015-01-01', '--tot', '2015-07-01'];
			const [huge, delivery] = await Promise.all([
				evaluate(['--engine', 'native', '--gebeurtenissen', at('enorm.csv'), ...period]),
				// The DDAS deliveries are read in JavaScript: the tab's limit still holds for them.
				evaluate([
					'--engine',
					'native',
					'--gebeurtenissen',
					'tests/fixtures/cli/gebeurtenissen.csv',
					'--ddas',
					at('groot.csv'),
					...period
				])
			]);
			expect(huge.code).toBe(2);
			oneDutchLine(huge.stderr);
			const gb = Math.round(totalmem() / 1e9).toLocaleString('nl-NL');
			const mb = Math.round(nativeImportLimit(totalmem()) / 1e6).toLocaleString('nl-NL');
			// Read in pieces up to the longest line the engine takes, then refused whole.
			expect(huge.stderr).toContain(
				`${at('enorm.csv')}: de evaluator kan dit bestand niet in delen inlezen, want een regel is langer dan 256 MB; in zijn geheel: de bestanden zijn samen`
			);
			expect(huge.stderr).toContain(
				`de evaluator kan met --engine native op deze machine (${gb} GB werkgeheugen) ongeveer ${mb} MB`
			);
			expect(huge.stderr).toContain('Er is niets ingelezen.');
			expect(delivery.code).toBe(2);
			expect(delivery.stderr).toContain('de evaluator kan, net als het dashboard, ongeveer 160 MB');
		},
		LONG
	);
});

describe('the exchange export reads back to the same figures', () => {
	it(
		'with wijken =Noord, -Zuid and @Oost (escaped on the way out, unescaped on the way in)',
		async () => {
			const key = ['--sleutel-bestand', at('sleutel.txt')];
			const source = ['--profiel', at('profiel.json'), '--bron', at('export.csv'), ...key];
			const out = at('uitwissel');
			const exported = await evaluate([...source, '--format', 'uitwisselformaat', '--out', out]);
			expect(exported.stderr).toBe('');
			expect(exported.code).toBe(0);
			const dossiers = await readFile(path.join(out, 'dossiers.csv'), 'utf8');
			expect(dossiers).toContain(";'=Noord\r\n");
			expect(dossiers).toContain(";'-Zuid\r\n");
			const exchange = [
				'--dossiers',
				path.join(out, 'dossiers.csv'),
				'--gebeurtenissen',
				path.join(out, 'gebeurtenissen.csv')
			];
			const period = ['--van', '2015-01-01', '--tot', '2015-07-01', '--doelgroep', 'senior'];
			const runs = await Promise.all([
				evaluate([...source, ...period]),
				evaluate([...exchange, ...period]),
				evaluate([...source, ...period, '--wijk=-Zuid']),
				evaluate([...exchange, ...period, '--wijk=-Zuid'])
			]);
			for (const run of runs) expect(run.stderr).toBe('');
			const [a, b, c, d] = runs.map((r) => JSON.parse(r.stdout));
			expect(b.totaal).toEqual(a.totaal);
			expect(b.per_corporatie).toEqual(a.per_corporatie);
			expect(d.totaal).toEqual(c.totaal);
			expect(a.totaal.signalen).toBe(3);
			expect(c.totaal.signalen).toBe(1);
		},
		LONG
	);
});
