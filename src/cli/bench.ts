/**
 * `npm run bench`: builds the site and measures it, then prints a table and writes
 * bench-results.json (issue 5). Progress goes to standard error.
 *
 *     npm run bench -- [--sizes 10000,100000,1000000,3000000,5000000] [--runs 5] [--large-runs 3]
 *                      [--only cold_start,dashboard,profiles,peer,sql]
 *
 * The cold start: a fresh browser context on the site as `npm start` serves it (src/cli/serve.ts,
 * precompressed files with Content-Encoding), to every figure and to the headline figures; and a
 * returning visitor's (a profile on disk, Chromium restarted per run). Per size (demo sets generated once into
 * bench-cache/<size>/): the dashboard's load, period and corporation filters and renderer memory
 * in headless Chromium; the peer pipeline (a plain DuckDB-WASM page); and the metric SQL on
 * DuckDB-WASM in Node and native DuckDB. Sizes of 3,000,000 events and up run `--large-runs` times
 * (default 3) instead of `--runs`. A size the tab refuses before loading (the Dutch size message)
 * is reported as such, once it is checked that the figures already on screen stayed.
 *
 * Next to the table: the per-step profile of every cold start and load (medians), from the page's
 * `hz:` marks, printed and written to bench-profile.json.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { Dashboard, measurePeer, type ProfileSample } from './bench/browser';
import { countRows, ensureDataSet, type DataSet } from './bench/data';
import { rendererRssMb } from './bench/memory';
import { writePeerSite } from './bench/peer';
import { formatTable, median, toRow, type Measurement } from './bench/results';
import type { SqlFigure, SqlOutcome } from './bench/sql';
import { launchChromium, launchPersistentChromium } from './chromium';
import { startServer } from './serve';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'bench-cache');
const RESULTS = join(ROOT, 'bench-results.json');
const PROFILE = join(ROOT, 'bench-profile.json');
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000, 3_000_000, 5_000_000];
/** The parts `--only` can pick. */
const PARTS = ['cold_start', 'dashboard', 'profiles', 'peer', 'sql'] as const;
type Part = (typeof PARTS)[number];
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
			'large-runs': { type: 'string', default: '3' },
			only: { type: 'string' }
		},
		strict: true,
		allowPositionals: false
	});
	return {
		sizes: values.sizes
			? values.sizes.split(',').map((s) => positive('sizes', s.trim()))
			: DEFAULT_SIZES,
		runs: positive('runs', values.runs),
		largeRuns: positive('large-runs', values['large-runs']),
		only: new Set<Part>(
			values.only
				? values.only.split(',').map((p) => {
						const part = p.trim() as Part;
						if (!PARTS.includes(part))
							throw new Error(`--only ${p}: not one of ${PARTS.join(', ')}`);
						return part;
					})
				: PARTS
		)
	};
}

/** Median milliseconds per step, per figure and size, over the profiles measured. */
function profileMedians(profiles: readonly ProfileSample[]) {
	const groups = new Map<
		string,
		{ figure: string; events: number; steps: Map<string, number[]> }
	>();
	for (const p of profiles) {
		const key = `${p.figure}|${p.events}`;
		const group = groups.get(key) ?? { figure: p.figure, events: p.events, steps: new Map() };
		groups.set(key, group);
		for (const [step, ms] of Object.entries(p.steps)) {
			group.steps.set(step, [...(group.steps.get(step) ?? []), ms]);
		}
	}
	return [...groups.values()].map((g) => ({
		figure: g.figure,
		events: g.events,
		runs: Math.max(...[...g.steps.values()].map((v) => v.length)),
		median_ms: Object.fromEntries(
			[...g.steps].map(([step, values]) => [step, Number(median(values).toFixed(1))])
		)
	}));
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
	const dashboard = new Dashboard(browser, site.url, log);
	try {
		const demoEvents = await countRows(join(ROOT, 'data/gebeurtenissen.csv'));
		const key = (await readFile(join(ROOT, 'data/bronnen/demo-sleutel.txt'), 'utf8')).trim();

		if (args.only.has('cold_start')) {
			await guarded(
				results,
				(['cold_start', 'cold_start_first'] as const).map((figure) => ({
					events: demoEvents,
					figure
				})),
				async () => {
					const { all, first } = await dashboard.coldStart(args.runs);
					return [
						{ events: demoEvents, figure: 'cold_start', samples: all },
						{ events: demoEvents, figure: 'cold_start_first', samples: first }
					];
				}
			);
			await guarded(results, [{ events: demoEvents, figure: 'cold_start_return' }], async () => [
				{
					events: demoEvents,
					figure: 'cold_start_return',
					samples: await dashboard.returnVisits(args.runs, launchPersistentChromium)
				}
			]);
			log(
				`cold_start: the engine's wasm arrived with Content-Encoding '${dashboard.wasmEncoding}'`
			);
		}

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

			if (args.only.has('profiles'))
				await guarded(results, [{ events, figure: 'load_profile' }], async () => [
					{
						events,
						figure: 'load_profile',
						samples: await dashboard.loadProfiles(set, key, runs, timeout)
					}
				]);

			if (args.only.has('dashboard'))
				await guarded(
					results,
					(
						['load', 'load_first', 'peak_memory_mb', 'filter_period', 'filter_corporation'] as const
					).map((figure) => ({ events, figure })),
					async () => {
						const m = await dashboard.measureSet(set, runs, timeout);
						return [
							{ events, figure: 'load', samples: m.load, error: m.errors.load },
							{ events, figure: 'load_first', samples: m.loadFirst, error: m.errors.load },
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

			if (args.only.has('peer'))
				await guarded(results, [{ events, figure: 'peer_load' }], async () => {
					const peer = await measurePeer(browser, peerSite.url, set, runs, timeout, log);
					return [{ events, figure: 'peer_load', ...peer }];
				});

			if (args.only.has('sql')) {
				log(`sql ${set.size.toLocaleString('en-US')}: derive + dashboard queries`);
				results.push(...(await sqlFigures(set, runs)));
			}
		}
		if (dashboard.idleMb.length > 0) idle.demoMb = median(dashboard.idleMb);
	} finally {
		await browser.close();
		await site.close();
		await peerSite.close();
	}

	const rows = results.map(toRow);
	await writeFile(RESULTS, JSON.stringify(rows, null, '\t') + '\n');
	const profile = profileMedians(dashboard.profiles);
	await writeFile(PROFILE, JSON.stringify(profile, null, '\t') + '\n');

	const minutes = ((performance.now() - started) / 60_000).toFixed(1);
	process.stdout.write(
		[
			`Machine: ${info.cpu}, ${info.cores} cores, ${info.memory_gb} GiB memory; ` +
				`Chromium ${info.chromium}; Node ${info.node}; DuckDB-WASM 1.32.0 and native DuckDB 1.4.3`,
			'',
			formatTable(rows),
			'',
			'Profile (median ms per step; bench-profile.json):',
			...profile.map(
				(p) =>
					`- ${p.figure} ${p.events.toLocaleString('en-US')} (${p.runs} runs): ` +
					Object.entries(p.median_ms)
						.map(([step, ms]) => `${step} ${ms.toFixed(0)}`)
						.join(', ')
			),
			'',
			'Notes:',
			'- Times are medians of the runs (min, max alongside); sizes from 3,000,000 events run ' +
				`${args.largeRuns} times at most.`,
			'- cold_start: navigation start to the demo figures painted, fresh browser context per run, ' +
				'on the site as npm start serves it (src/cli/serve.ts, precompressed files); the wasm ' +
				`arrived with Content-Encoding ${dashboard.wasmEncoding ? `'${dashboard.wasmEncoding}'` : 'none'}.`,
			'- cold_start_first: the same runs, navigation start to the headline figures painted (the ' +
				'first frame after `data-kern="ready"`), before the lead-time table.',
			'- cold_start_return: a returning visitor: one browser profile on disk, warmed by an ' +
				'untimed visit; each run restarts Chromium on it (HTTP cache kept) and times navigation ' +
				'start to the demo figures painted.',
			'- A size refused before loading (too large for the tab) shows the Dutch message as its ' +
				'load error, after a check that the figures already on screen stayed.',
			'- load_first: file pick (change event) to the headline figures painted (the first frame ' +
				'after `data-kern="ready"`), before the lead-time table is derived; same runs as load.',
			'- load: file pick (change event) to all figures painted; each run a fresh page with the ' +
				'demo loaded, so the engine is already running. peak_memory_mb: peak summed VmRSS of ' +
				'the Chromium renderer processes (workers included), sampled every 100 ms during load; ' +
				`with no page open the renderers hold ${idle.rendererMb.toFixed(0)} MB, with the ` +
				`demo loaded (before the pick) ${idle.demoMb.toFixed(0)} MB (median).`,
			'- load_profile: the same data as the five parties\u2019 own exports (data/bronnen\u2019s shapes, ' +
				'one of them .xlsx) picked with their profiles; from \u201cDoorgaan\u201d (after the key) to ' +
				'the figures painted, each run a fresh page with the demo loaded.',
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
