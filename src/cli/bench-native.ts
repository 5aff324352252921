/**
 * `npm run bench-native`: how far one machine goes with the evaluator on native DuckDB (issue 20,
 * part 5). Per size, the demo set of about that many events (generated once into
 * bench-cache/<size>/ by the streaming demo-data writer, never held in memory as a whole) goes
 * through `npm run evaluate -- --engine native` in a child process under /usr/bin/time; wall time,
 * peak RSS and the exit status are printed and written to bench-native-results.json.
 *
 *     npm run bench-native -- [--sizes 1000000,5000000,50000000] [--runs 1] [--input csv|parquet]
 *                             [--engine native|wasm]
 *
 * `--input parquet` first converts each set's CSV files to Parquet inside native DuckDB
 * (read_csv → COPY … TO, streamed; cached next to the CSV) and gives those to the evaluator.
 * The environment is passed on (EVALUATE_IMPORT chooses the import path where it exists); it is
 * recorded with the results. A run that fails (the size refusal, out of memory) is reported with
 * its exit status and its first line on standard error, and the next size still runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlPathLiteral } from '../lib/db/native';
import { ensureDataSet, type DataSet } from './bench/data';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'bench-cache');
const RESULTS = join(ROOT, 'bench-native-results.json');
const DEFAULT_SIZES = [1_000_000, 5_000_000, 50_000_000];
const TIME = '/usr/bin/time';
/** The selection evaluated: the whole demo period, default corporations and doelgroepen. */
const SELECTION = ['--van', '2013-01-01', '--tot', '2017-01-01'];

/** One evaluator run. */
interface NativeRun {
	size: number;
	events: number;
	input: 'csv' | 'parquet';
	engine: string;
	wall_s: number;
	peak_rss_mb: number | null;
	exit: number;
	/** The first line on standard error of a failed run. */
	error: string | null;
}

function log(line: string): void {
	process.stderr.write(`[bench-native ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function positive(name: string, text: string): number {
	const n = Number(text.replace(/_/g, ''));
	if (!Number.isSafeInteger(n) || n <= 0)
		throw new Error(`--${name} ${text}: not a positive integer`);
	return n;
}

function parseArguments(argv: string[]) {
	const { values } = parseArgs({
		args: argv,
		options: {
			sizes: { type: 'string' },
			runs: { type: 'string', default: '1' },
			input: { type: 'string', default: 'csv' },
			engine: { type: 'string', default: 'native' }
		},
		strict: true,
		allowPositionals: false
	});
	if (values.input !== 'csv' && values.input !== 'parquet')
		throw new Error(`--input ${values.input}: csv or parquet`);
	if (values.engine !== 'native' && values.engine !== 'wasm')
		throw new Error(`--engine ${values.engine}: native or wasm`);
	return {
		sizes: values.sizes
			? values.sizes.split(',').map((s) => positive('sizes', s.trim()))
			: DEFAULT_SIZES,
		runs: positive('runs', values.runs),
		input: values.input as 'csv' | 'parquet',
		engine: values.engine
	};
}

/** The set's CSV files as Parquet (typed as text, as the exchange format), made once. */
async function parquetFiles(set: DataSet): Promise<{ dossiers: string; gebeurtenissen: string }> {
	const out = { dossiers: '', gebeurtenissen: '' };
	for (const key of ['dossiers', 'gebeurtenissen'] as const) {
		const csv = set[key];
		const target = csv.replace(/\.csv$/, '.parquet');
		out[key] = target;
		if (existsSync(target)) continue;
		log(`converting ${csv} to Parquet`);
		const instance = await DuckDBInstance.create(':memory:', {
			temp_directory: tmpdir()
		});
		const connection = await instance.connect();
		try {
			// Our own cache paths, quoted; COPY's source and target cannot be bound.
			await connection.run(
				`COPY (SELECT * FROM read_csv(${sqlPathLiteral(csv)}, all_varchar = true, header = true))
				TO ${sqlPathLiteral(`${target}.tmp`)} (FORMAT parquet)`
			);
		} finally {
			connection.closeSync();
			instance.closeSync();
		}
		await rename(`${target}.tmp`, target);
	}
	return out;
}

/** Runs the evaluator once under /usr/bin/time: wall seconds, peak RSS, exit status. */
async function measure(
	args: string[]
): Promise<Omit<NativeRun, 'size' | 'events' | 'input' | 'engine'>> {
	const timeFile = join(tmpdir(), `bench-native-${process.pid}.time`);
	const started = performance.now();
	const { code, stderr } = await new Promise<{ code: number; stderr: string }>((done) => {
		// node --import tsx: the evaluator is the only process, so its peak RSS is the maximum.
		const child = spawn(
			TIME,
			[
				'-f',
				'%M',
				'-o',
				timeFile,
				process.execPath,
				'--import',
				'tsx',
				'src/cli/evaluate.ts',
				...args
			],
			{ cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
		);
		let err = '';
		child.stderr.on('data', (chunk: Buffer) => {
			if (err.length < 10_000) err += chunk.toString('utf8');
		});
		child.on('close', (status) => done({ code: status ?? -1, stderr: err }));
	});
	const wall_s = (performance.now() - started) / 1000;
	const kb = Number((await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').at(-1));
	await rm(timeFile, { force: true });
	return {
		wall_s: Math.round(wall_s * 100) / 100,
		peak_rss_mb: Number.isFinite(kb) && kb > 0 ? Math.round(kb / 1024) : null,
		exit: code,
		error: code === 0 ? null : (stderr.split('\n').find((l) => l.trim() !== '') ?? '')
	};
}

async function main(argv: string[]): Promise<void> {
	const options = parseArguments(argv);
	if (!existsSync(TIME))
		throw new Error(`${TIME} is needed for the peak memory (apt-get install time)`);
	const runs: NativeRun[] = [];
	for (const size of options.sizes) {
		const set = await ensureDataSet(ROOT, CACHE, size, log);
		const files = options.input === 'parquet' ? await parquetFiles(set) : set;
		for (let i = 0; i < options.runs; i++) {
			log(
				`${size.toLocaleString('en-US')} events (${options.input}), run ${i + 1}/${options.runs}`
			);
			const result = await measure([
				'--engine',
				options.engine,
				'--dossiers',
				files.dossiers,
				'--gebeurtenissen',
				files.gebeurtenissen,
				...SELECTION
			]);
			runs.push({
				size,
				events: set.events,
				input: options.input,
				engine: options.engine,
				...result
			});
			log(
				result.exit === 0
					? `${result.wall_s} s, peak RSS ${result.peak_rss_mb} MB`
					: `exit ${result.exit}: ${result.error}`
			);
		}
	}
	const machine = {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		memory_gb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		load_average: (await readFile('/proc/loadavg', 'utf8').catch(() => ''))
			.split(' ')
			.slice(0, 3)
			.join(' '),
		evaluate_import: process.env.EVALUATE_IMPORT ?? null
	};
	await writeFile(RESULTS, JSON.stringify({ machine, runs }, null, '\t') + '\n');
	const lines = [
		`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GiB; Node ${machine.node}; load ${machine.load_average}`,
		'',
		'| events | input | engine | wall (s) | peak RSS (MB) | exit |',
		'|---:|---|---|---:|---:|---|',
		...runs.map(
			(r) =>
				`| ${r.events.toLocaleString('en-US')} | ${r.input} | ${r.engine} | ${r.wall_s} | ${r.peak_rss_mb ?? '–'} | ${r.exit === 0 ? '0' : `${r.exit}: ${r.error}`} |`
		),
		'',
		`Results written to ${RESULTS}.`,
		''
	];
	process.stdout.write(lines.join('\n'));
}

main(process.argv.slice(2)).catch((error: Error) => {
	process.stderr.write(`bench-native: ${error.message}\n`);
	process.exitCode = 1;
});
