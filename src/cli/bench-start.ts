/**
 * `npm run bench-start`: how long `npm start` takes on a fresh clone until the site answers
 * (issue 21, "First run"). Clones a commit of this repository into a temporary directory, runs
 * `npm ci` there, then times `npm start` from its launch until `GET /` and the engine's wasm
 * answer 200. Three starts: the first on the fresh clone, a second one right after it (what a
 * cache of the first start gives), and a third after `npm ci` again (whether that cache
 * survives `npm ci`). Prints the load average before each step: the figures mean little on a
 * busy machine.
 *
 *     tsx src/cli/bench-start.ts [--ref HEAD] [--port 4199] [--keep] [--skip-again]
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

function log(line: string): void {
	process.stderr.write(`[bench-start ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
function load(): string {
	return loadavg()
		.map((n) => n.toFixed(2))
		.join(', ');
}

/** One timed start: until the page and the wasm answer, and what the build said about compression. */
export interface StartTiming {
	/** Launch of `npm start` until `GET /` answered 200, in ms. */
	servedMs: number;
	/** The build's own line about precompression, if it printed one. */
	precompress: string | null;
	/** The load average when the start began. */
	load: string;
}

/** GETs a URL; resolves to the status (0 when nothing answers). */
async function status(url: string): Promise<number> {
	try {
		const res = await fetch(url, { headers: { 'Accept-Encoding': 'br, gzip' } });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return 0;
	}
}

/** The path of the engine's wasm in a built site (what the browser fetches first after the page). */
function wasmPath(dir: string): string | null {
	const assets = join(dir, 'build/_app/immutable/assets');
	if (!existsSync(assets)) return null;
	const name = readdirSync(assets).find((f) => /^duckdb-eh\..*\.wasm$/.test(f));
	return name ? `/_app/immutable/assets/${name}` : null;
}

/** Starts `npm start` in `dir` on `port`, times it until it serves, and stops it again. */
async function timeStart(dir: string, port: number): Promise<StartTiming> {
	const before = load();
	const started = performance.now();
	// Its own process group, so that the build and the server it starts can be stopped together.
	const child = spawn('npm', ['start', '--', '--port', String(port)], {
		cwd: dir,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	let exited = false;
	child.on('exit', () => (exited = true));
	const origin = `http://127.0.0.1:${port}`;
	try {
		for (;;) {
			if (exited) throw new Error(`npm start stopte voordat de site antwoordde:\n${output}`);
			if ((await status(`${origin}/`)) === 200) break;
			await new Promise((done) => setTimeout(done, 100));
		}
		const servedMs = performance.now() - started;
		const wasm = wasmPath(dir);
		if (wasm === null || (await status(origin + wasm)) !== 200)
			throw new Error(`de wasm van de rekenmodule wordt niet geserveerd (${wasm})`);
		const line = output.split('\n').find((l) => l.includes('precompress')) ?? null;
		return { servedMs, precompress: line?.trim() ?? null, load: before };
	} finally {
		if (!exited && child.pid !== undefined) {
			process.kill(-child.pid, 'SIGTERM');
			await new Promise((done) => child.once('exit', done));
		}
	}
}

async function npmCi(dir: string): Promise<number> {
	const started = performance.now();
	await run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
		cwd: dir,
		maxBuffer: 64 * 1024 * 1024
	});
	return performance.now() - started;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			ref: { type: 'string', default: 'HEAD' },
			port: { type: 'string', default: '4199' },
			keep: { type: 'boolean', default: false },
			'skip-again': { type: 'boolean', default: false }
		}
	});
	const port = Number(values.port);
	const commit = (await run('git', ['-C', ROOT, 'rev-parse', values.ref!])).stdout.trim();
	const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
	log(`${cpus().length} cores; load ${load()}; commit ${commit.slice(0, 10)} → ${dir}`);
	try {
		await run('git', ['clone', '--quiet', '--no-checkout', ROOT, dir]);
		await run('git', ['-C', dir, 'checkout', '--quiet', '--detach', commit]);
		log(`npm ci (load ${load()})`);
		const ci = await npmCi(dir);
		log(`npm ci: ${seconds(ci)}`);
		const first = await timeStart(dir, port);
		log(
			`first npm start: ${seconds(first.servedMs)} (load ${first.load}) ${first.precompress ?? ''}`
		);
		const second = await timeStart(dir, port);
		log(
			`second npm start: ${seconds(second.servedMs)} (load ${second.load}) ${second.precompress ?? ''}`
		);
		let afterCi: StartTiming | null = null;
		let cacheKept: string[] = [];
		if (!values['skip-again']) {
			await npmCi(dir);
			cacheKept = ['node_modules/.cache/precompress', '.cache/precompress'].filter((p) =>
				existsSync(join(dir, p))
			);
			afterCi = await timeStart(dir, port);
			log(
				`npm start after npm ci again: ${seconds(afterCi.servedMs)} (load ${afterCi.load}); cache kept: ${cacheKept.join(', ') || 'none'}`
			);
		}
		console.log(
			JSON.stringify(
				{
					commit,
					cores: cpus().length,
					cpu: cpus()[0]?.model,
					npm_ci_ms: Math.round(ci),
					first_start: { ...first, servedMs: Math.round(first.servedMs) },
					second_start: { ...second, servedMs: Math.round(second.servedMs) },
					start_after_npm_ci: afterCi && { ...afterCi, servedMs: Math.round(afterCi.servedMs) },
					cache_after_npm_ci: cacheKept
				},
				null,
				2
			)
		);
	} finally {
		if (values.keep) log(`kept ${dir}`);
		else rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((error: Error) => {
		console.error(error.message);
		process.exit(2);
	});
}
