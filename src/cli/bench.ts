/**
 * `npm run bench`: builds the site and measures it, then prints a table and writes
 * bench-results.json (issue 5). Progress goes to standard error.
 *
 *     npm run bench -- [--sizes 10000,100000,1000000,3000000] [--runs 5] [--large-runs 3]
 *
 * Per size (demo sets generated once into bench-cache/<size>/): the dashboard's load, period and
 * corporation filters and renderer memory in headless Chromium; the peer pipeline (a plain
 * DuckDB-WASM page); and the metric SQL on DuckDB-WASM in Node and native DuckDB. Sizes of
 * 3,000,000 events and up run `--large-runs` times (default 3) instead of `--runs`.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { Dashboard, measurePeer } from './bench/browser';
import { countRows, ensureDataSet, type DataSet } from './bench/data';
import { rendererRssMb } from './bench/memory';
import { writePeerSite } from './bench/peer';
import { formatTable, median, toRow, type Measurement } from './bench/results';
import type { SqlFigure, SqlOutcome } from './bench/sql';
import { launchChromium } from './chromium';
import { startServer } from './serve';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'bench-cache');
const RESULTS = join(ROOT, 'bench-results.json');
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000, 3_000_000];
/** From this size on, `--large-runs` applies. */
const LARGE = 3_000_000;

const run = promisify(execFile);

function log(line: string): void {
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
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
			runs: { type: 'string', default: '5' },
			'large-runs': { type: 'string', default: '3' }
		},
		strict: true,
		allowPositionals: false
	});
	return {
		sizes: values.sizes
			? values.sizes.split(',').map((s) => positive('sizes', s.trim()))
			: DEFAULT_SIZES,
		runs: positive('runs', values.runs),
		largeRuns: positive('large-runs', values['large-runs'])
	};
}

/** A per-action time limit that grows with the data: 2 minutes plus 2 per million events. */
function timeoutFor(events: number): number {
	return 120_000 + Math.ceil(events / 1e6) * 120_000;
}

/** The SQL figures of one set, measured in a child process (see bench/sql.ts). */
async function sqlFigures(set: DataSet, runs: number): Promise<Measurement[]> {
	const figures: SqlFigure[] = ['sql_wasm', 'sql_native_1t', 'sql_native_all'];
	try {
		const child = run(
			join(ROOT, 'node_modules/.bin/tsx'),
			[
				'src/cli/bench/sql.ts',
				'--dossiers',
				set.dossiers,
				'--gebeurtenissen',
				set.gebeurtenissen,
				'--runs',
				String(runs)
			],
			{
				cwd: ROOT,
				maxBuffer: 16 * 1024 * 1024,
				env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' }
			}
		);
		child.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
		const { stdout } = await child;
		const outcomes = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<SqlFigure, SqlOutcome>;
		return figures.map((figure) => {
			const outcome = outcomes[figure];
			return 'samples' in outcome
				? { events: set.events, figure, samples: outcome.samples }
				: { events: set.events, figure, samples: [], error: outcome.error };
		});
	} catch (error) {
		const message = ((error as { stderr?: string }).stderr || (error as Error).message)
			.trim()
			.split('\n')
			.at(-1)!;
		log(`sql ${set.size} failed: ${message}`);
		return figures.map((figure) => ({ events: set.events, figure, samples: [], error: message }));
	}
}

/** The machine the figures were taken on. */
async function machine(browser: Browser) {
	const cpu = cpus();
	return {
		cpu: cpu[0]?.model ?? 'unknown',
		cores: cpu.length,
		memory_gb: Number((totalmem() / 1024 ** 3).toFixed(1)),
		chromium: browser.version(),
		node: process.version
	};
}

/** Runs an async step; its failure becomes the error of the given figures instead of ending the script. */
async function guarded(
	results: Measurement[],
	failed: Omit<Measurement, 'samples' | 'error'>[],
	step: () => Promise<Measurement[]>
): Promise<void> {
	try {
		results.push(...(await step()));
	} catch (error) {
		const message = (error as Error).message.split('\n')[0] ?? String(error);
		log(`failed: ${message}`);
		results.push(...failed.map((f) => ({ ...f, samples: [], error: message })));
	}
}

async function main(argv: string[]): Promise<void> {
	const args = parseArguments(argv);
	const started = performance.now();
	const sets: DataSet[] = [];
	for (const size of args.sizes) sets.push(await ensureDataSet(ROOT, CACHE, size, log));

	await writePeerSite(join(CACHE, 'peer'));
	const site = await startServer({ dir: join(ROOT, 'build'), port: 0 });
	const peerSite = await startServer({ dir: join(CACHE, 'peer'), port: 0 });
	const browser = await launchChromium();
	const results: Measurement[] = [];
	const info = await machine(browser);
	const idle = { rendererMb: 0, demoMb: 0 };
	log(`machine: ${JSON.stringify(info)}`);
	try {
		const dashboard = new Dashboard(browser, site.url, log);
		const demoEvents = await countRows(join(ROOT, 'data/gebeurtenissen.csv'));

		await guarded(results, [{ events: demoEvents, figure: 'cold_start' }], async () => [
			{ events: demoEvents, figure: 'cold_start', samples: await dashboard.coldStart(args.runs) }
		]);

		// What the renderers hold with no page open (Chromium keeps one, plus a spare).
		idle.rendererMb = await rendererRssMb();
		log(`renderers with no page open: ${idle.rendererMb.toFixed(0)} MB`);

		for (const set of sets) {
			const runs = set.size >= LARGE ? Math.min(args.runs, args.largeRuns) : args.runs;
			const timeout = timeoutFor(set.events);
			const events = set.events;
			log(
				`size ${set.size.toLocaleString('en-US')}: ${events.toLocaleString('en-US')} events, ${runs} runs`
			);

			await guarded(
				results,
				(['load', 'peak_memory_mb', 'filter_period', 'filter_corporation'] as const).map(
					(figure) => ({ events, figure })
				),
				async () => {
					const m = await dashboard.measureSet(set, runs, timeout);
					return [
						{ events, figure: 'load', samples: m.load, error: m.errors.load },
						{ events, figure: 'peak_memory_mb', samples: m.memory, error: m.errors.load },
						{
							events,
							figure: 'filter_period',
							samples: m.filterPeriod,
							error: m.errors.filter_period ?? (m.errors.load ? 'no loaded page' : undefined)
						},
						{
							events,
							figure: 'filter_corporation',
							samples: m.filterCorporation,
							error: m.errors.filter_corporation ?? (m.errors.load ? 'no loaded page' : undefined)
						}
					];
				}
			);

			await guarded(results, [{ events, figure: 'peer_load' }], async () => {
				const peer = await measurePeer(browser, peerSite.url, set, runs, timeout, log);
				return [{ events, figure: 'peer_load', ...peer }];
			});

			log(`sql ${set.size.toLocaleString('en-US')}: derive + dashboard queries`);
			results.push(...(await sqlFigures(set, runs)));
		}
		if (dashboard.idleMb.length > 0) idle.demoMb = median(dashboard.idleMb);
	} finally {
		await browser.close();
		await site.close();
		await peerSite.close();
	}

	const rows = results.map(toRow);
	await writeFile(RESULTS, JSON.stringify(rows, null, '\t') + '\n');

	const minutes = ((performance.now() - started) / 60_000).toFixed(1);
	process.stdout.write(
		[
			`Machine: ${info.cpu}, ${info.cores} cores, ${info.memory_gb} GiB memory; ` +
				`Chromium ${info.chromium}; Node ${info.node}; DuckDB-WASM 1.32.0 and native DuckDB 1.4.3`,
			'',
			formatTable(rows),
			'',
			'Notes:',
			'- Times are medians of the runs (min, max alongside); sizes from 3,000,000 events run ' +
				`${args.largeRuns} times at most.`,
			'- cold_start: navigation start to the demo figures painted, fresh browser context per run.',
			'- load: file pick (change event) to the figures painted; each run a fresh page with the ' +
				'demo loaded, so the engine is already running. peak_memory_mb: peak summed VmRSS of ' +
				'the Chromium renderer processes (workers included), sampled every 100 ms during load; ' +
				`with no page open the renderers hold ${idle.rendererMb.toFixed(0)} MB, with the ` +
				`demo loaded (before the pick) ${idle.demoMb.toFixed(0)} MB (median).`,
			'- filter_period / filter_corporation: change event to the figures painted, each run a ' +
				'half-year or corporation subset the page has not shown before (no cached view).',
			'- peer_load: a plain DuckDB-WASM page (engine instantiated at page load, not timed): ' +
				'file pick to the result rows of one GROUP BY, after registerFileBuffer and ' +
				'CREATE TABLE … AS read_csv (auto-detect) for both files.',
			'- sql_*: DERIVE_SQL plus the default view’s dashboard queries (computeDashboard), data ' +
				'loaded beforehand through loadArrow (native: appender), not timed; wasm = blocking ' +
				'Node build (1 thread), native = @duckdb/node-api with threads=1 and threads=' +
				`${info.cores}.`,
			`- Results written to ${RESULTS}; total ${minutes} min.`,
			''
		].join('\n')
	);
}

main(process.argv.slice(2)).catch((error: Error) => {
	process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
	process.exit(2);
});
