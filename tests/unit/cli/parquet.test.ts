/**
 * Parquet in and out of `npm run evaluate`: the accepted tables written with `--format parquet`
 * read back to the same figures; typed and text columns; a Parquet row named in a message; paths
 * that are not files or not writable refused in Dutch. Child processes, as `npm run evaluate`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlPathLiteral } from '../../../src/lib/db/native';
import { evaluate } from './run-evaluate';

const CLI = 'tests/fixtures/cli';
const YEAR = ['--van', '2015-01-01', '--tot', '2016-01-01'];

interface Doc {
	import: Record<'dossiers' | 'gebeurtenissen', Record<string, number>>;
	totaal: { signalen: number; meldingen_sdv: number };
}

/** Writes Parquet files from SQL SELECTs (the test's own SQL and paths). */
async function writeParquet(files: Record<string, string>): Promise<void> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		for (const [file, select] of Object.entries(files))
			await connection.run(`COPY (${select}) TO ${sqlPathLiteral(file)} (FORMAT parquet)`);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'evaluate-parquet-'));
});

describe('--format parquet and back', () => {
	it('writes the accepted tables; read back, the figures are the CSV figures', async () => {
		const out = path.join(dir, "ronde's");
		const written = await evaluate([
			'--dossiers',
			`${CLI}/dossiers.csv`,
			'--gebeurtenissen',
			`${CLI}/gebeurtenissen.csv`,
			'--format',
			'parquet',
			'--out',
			out
		]);
		expect(written).toMatchObject({ code: 0, stderr: '' });
		expect((await readdir(out)).sort()).toEqual(['dossiers.parquet', 'gebeurtenissen.parquet']);

		const fromParquet = [
			'--dossiers',
			path.join(out, 'dossiers.parquet'),
			'--gebeurtenissen',
			path.join(out, 'gebeurtenissen.parquet'),
			...YEAR
		];
		const [csv, nativeParquet, wasmParquet] = await Promise.all([
			evaluate([
				'--dossiers',
				`${CLI}/dossiers.csv`,
				'--gebeurtenissen',
				`${CLI}/gebeurtenissen.csv`,
				...YEAR
			]),
			evaluate(['--engine', 'native', ...fromParquet]),
			evaluate(fromParquet)
		]);
		expect(csv.code).toBe(0);
		expect(nativeParquet.code).toBe(0);
		// Parquet is read the same whatever engine computes the figures.
		expect(wasmParquet.stdout).toBe(nativeParquet.stdout);
		const a = JSON.parse(csv.stdout) as Doc;
		const b = JSON.parse(nativeParquet.stdout) as Doc;
		// The fixture: 8 dossier rows of which 6 accepted, 41 event rows of which 37 accepted.
		expect(a.import.dossiers).toMatchObject({ gelezen: 8, geaccepteerd: 6 });
		expect(a.import.gebeurtenissen).toMatchObject({ gelezen: 41, geaccepteerd: 37 });
		// Only the accepted rows were written: all read back, none merged or refused.
		expect(b.import.dossiers).toMatchObject({
			gelezen: 6,
			geaccepteerd: 6,
			dubbel: 0,
			geweigerd: 0
		});
		expect(b.import.gebeurtenissen).toMatchObject({
			gelezen: 37,
			geaccepteerd: 37,
			dubbel: 0,
			geweigerd: 0
		});
		expect({ ...b, import: null }).toEqual({ ...a, import: null });
	});
});

describe('Parquet as input', () => {
	const dossiers = `SELECT * FROM (VALUES ('D1', 'Ymere', 'senior', 'Noord'),
		('D2', 'Elan Wonen', 'oggz', NULL)) t(dossier_id, corporatie, doelgroep, wijk)`;
	/** Five events: three accepted, one for an unknown dossier, one with an unknown code. */
	const events = (datum: string) => `SELECT dossier_id, ${datum} AS datum, gebeurtenis,
		NULL::VARCHAR AS reden, NULL::VARCHAR AS uitkomst
		FROM (VALUES ('D1', '2015-02-01', 'achterstand_1m'), ('D1', '2015-03-01', 'melding_sdv'),
		('D2', '2015-04-01', 'Achterstand 1m'), ('D9', '2015-05-01', 'achterstand_1m'),
		('D2', '2015-06-01', 'vliegen')) t(dossier_id, d, gebeurtenis)`;

	it('reads typed columns (DATE, TIMESTAMP, integers) as the text they stand for', async () => {
		const f = (name: string) => path.join(dir, name);
		await writeParquet({
			[f('d.parquet')]: dossiers,
			[f('g-text.parquet')]: events('d'),
			[f('g-date.parquet')]: events('d::DATE'),
			[f('g-ts.parquet')]: events(`(d || ' 13:45:00')::TIMESTAMP`),
			[f('d-int.parquet')]:
				`SELECT 7::INTEGER AS dossier_id, 'ymere' AS corporatie, 'senior' AS doelgroep`,
			[f('g-int.parquet')]:
				`SELECT 7::BIGINT AS dossier_id, DATE '2015-02-01' AS datum, 'achterstand_1m' AS gebeurtenis`
		});
		const runs = await Promise.all(
			['g-text', 'g-date', 'g-ts'].map((g) =>
				evaluate([
					'--engine',
					'native',
					'--dossiers',
					f('d.parquet'),
					'--gebeurtenissen',
					f(`${g}.parquet`),
					...YEAR
				])
			)
		);
		for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' });
		const doc = JSON.parse(runs[0]!.stdout) as Doc;
		expect(doc.import.gebeurtenissen).toMatchObject({ gelezen: 5, geaccepteerd: 3, geweigerd: 2 });
		expect(doc.totaal).toMatchObject({ signalen: 2, meldingen_sdv: 1 });
		expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
		expect(runs[2]!.stdout).toBe(runs[0]!.stdout);

		const integers = await evaluate([
			'--engine',
			'native',
			'--dossiers',
			f('d-int.parquet'),
			'--gebeurtenissen',
			f('g-int.parquet'),
			...YEAR
		]);
		expect(integers.code).toBe(0);
		expect((JSON.parse(integers.stdout) as Doc).totaal.signalen).toBe(1);
	});

	it('names the Parquet row, not a line, in a refusal (a value with a line break before it)', async () => {
		const file = path.join(dir, 'persoonsgegevens.parquet');
		await writeParquet({
			[file]: `SELECT * FROM (VALUES ('D1', 'ymere', 'senior', 'Noord' || chr(10) || 'Oost', 'abc'),
				('D2', 'ymere', 'senior', 'Noord', '123456782')) t(dossier_id, corporatie, doelgroep, wijk, kenmerk)`
		});
		const run = await evaluate([
			'--engine',
			'native',
			'--dossiers',
			file,
			'--gebeurtenissen',
			`${CLI}/gebeurtenissen.csv`,
			...YEAR
		]);
		expect(run.code).toBe(2);
		// Row 2 starts on line 4 of the text made from the file (line 1: the header).
		expect(run.stderr).toContain(`${file}: het bestand lijkt persoonsgegevens te bevatten`);
		expect(run.stderr).toContain('kolom ‘kenmerk’: bevat een BSN');
		expect(run.stderr).toContain('(eerst op rij 2)');
		expect(run.stderr).not.toMatch(/regel \d/);
	});

	it('stops reading a Parquet file whose text passes the import limit, in Dutch', async () => {
		// 400,000 events of about 40 characters: 16 MB of text, in a Parquet file of a few kB.
		const file = path.join(dir, 'groot.parquet');
		await writeParquet({
			[file]: `SELECT 'D' || (i % 1000) AS dossier_id, DATE '2015-01-01' + (i % 300)::INTEGER AS datum,
				'achterstand_1m' AS gebeurtenis FROM range(400000) t(i)`
		});
		// A heap of 200 MB gives a limit of 200 MB / 25 = 8 MB (size-limit.ts).
		const run = await promisify(execFile)(
			path.resolve('node_modules/.bin/tsx'),
			[
				'src/cli/evaluate.ts',
				'--dossiers',
				`${CLI}/dossiers.csv`,
				'--gebeurtenissen',
				file,
				...YEAR
			],
			{ env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=200' } }
		).then(
			() => ({ code: 0, stderr: '' }),
			(e: { code: number; stderr: string }) => e
		);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(
			/^evaluate: .*groot\.parquet: de rijen van dit Parquet-bestand zijn als tekst meer dan \d+ MB, meer dan de evaluator kan inlezen\. Er is niets ingelezen\./
		);
	});

	it('reads that file in pieces on the native engine, past the heap’s limit', async () => {
		const file = path.join(dir, 'groot-native.parquet');
		await writeParquet({
			[file]: `SELECT chr(65 + (i % 3)::INTEGER) AS dossier_id, DATE '2015-01-01' + (i % 300)::INTEGER AS datum,
				'achterstand_1m' AS gebeurtenis FROM range(400000) t(i)`
		});
		const run = await promisify(execFile)(
			path.resolve('node_modules/.bin/tsx'),
			[
				'src/cli/evaluate.ts',
				'--engine',
				'native',
				'--dossiers',
				`${CLI}/dossiers.csv`,
				'--gebeurtenissen',
				file,
				...YEAR
			],
			{ env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=200' }, maxBuffer: 1 << 24 }
		);
		const doc = JSON.parse(run.stdout) as {
			import: { gebeurtenissen: { gelezen: number; geaccepteerd: number; dubbel: number } };
		};
		// 400,000 rows read; i % 300 fixes i % 3, so 300 distinct events, the rest duplicates.
		expect(doc.import.gebeurtenissen).toMatchObject({
			gelezen: 400_000,
			geaccepteerd: 300,
			dubbel: 399_700
		});
	});

	it('refuses a file that is no Parquet, in Dutch, without DuckDB’s text', async () => {
		const file = path.join(dir, 'nep.parquet');
		await writeFile(file, 'dossier_id,corporatie,doelgroep\nD1,ymere,senior\n');
		for (const engine of ['wasm', 'native']) {
			const run = await evaluate([
				'--engine',
				engine,
				'--dossiers',
				file,
				'--gebeurtenissen',
				`${CLI}/gebeurtenissen.csv`,
				...YEAR
			]);
			expect(run).toMatchObject({
				code: 2,
				stderr: `evaluate: kan ${file} niet lezen als Parquet: het bestand bestaat niet, is geen Parquet-bestand of is beschadigd\n`
			});
		}
	});

	it('refuses an output path with a control character, writing nothing', async () => {
		const out = path.join(dir, 'a\nb');
		const run = await evaluate([
			'--dossiers',
			`${CLI}/dossiers.csv`,
			'--gebeurtenissen',
			`${CLI}/gebeurtenissen.csv`,
			'--format',
			'parquet',
			'--out',
			out
		]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^evaluate: kan .* niet schrijven: ongeldig pad/);
		await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
	});
});

describe('sqlPathLiteral', () => {
	it('quotes a path for COPY … TO, doubling quotes, and refuses control characters', () => {
		expect(sqlPathLiteral("uitvoer/it's/x.parquet")).toBe("'uitvoer/it''s/x.parquet'");
		expect(sqlPathLiteral("uitvoer/'; DROP TABLE x; --")).toBe("'uitvoer/''; DROP TABLE x; --'");
		expect(() => sqlPathLiteral('uitvoer/a\nb')).toThrow();
		expect(() => sqlPathLiteral('uitvoer/a\u0000b')).toThrow();
		expect(() => sqlPathLiteral('')).toThrow();
	});
});
