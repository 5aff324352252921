/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to the compressible files of the built
 * site, for src/cli/serve.ts to send with `Content-Encoding`. Runs at the end of `vite build`
 * (the plugin in vite.config.ts) and on its own:
 *
 *     tsx src/cli/precompress.ts [dir]
 *
 * So that the first `npm start` of a fresh clone serves within seconds of the build (issue 21):
 * - large files (the 34 MB engine wasm) are compressed at a quick setting (brotli 5: 1 s for
 *   6.2 MB where quality 9 takes 5 s for 5.9 MB), files over 200 kB at brotli 9, small ones at
 *   the best (11);
 * - the engine build for browsers without WebAssembly exceptions (`mvp`) is not compressed here:
 *   no current browser fetches it; serve.ts compresses it when one does (`precompressFile`);
 * - every result is kept by the content's hash in `.cache/precompress/` in the project (ignored
 *   by git), which `npm ci` leaves alone, unlike node_modules/.cache: a rebuild copies it.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Extensions worth compressing (text and wasm); images and fonts are compressed already. */
export const COMPRESSIBLE = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.webmanifest',
	'.map',
	'.csv',
	'.txt',
	'.md',
	'.xml',
	'.svg',
	'.wasm'
]);
/** Files smaller than this are sent as they are. */
export const MIN_BYTES = 1024;
/** Above this size the quick settings apply: brotli's best takes seconds per megabyte. */
const LARGE_BYTES = 1_000_000;
/** Above this size brotli 9 instead of 11: a fifth of the time for a few per cent more bytes. */
const MEDIUM_BYTES = 200_000;
/** A compressed copy is kept only when it saves at least this share of the bytes. */
const MIN_SAVING = 0.1;
/** Bump when the settings below change, so that cached results are not reused. */
const CACHE_VERSION = 3;
/** The cache of compressed copies: in the project, outside node_modules (npm ci wipes that). */
export const CACHE_DIR = fileURLToPath(new URL('../../.cache/precompress', import.meta.url));

/**
 * Files the browser only fetches when it lacks WebAssembly exceptions (DuckDB's `mvp` build and
 * its worker; selectBundle in src/lib/db/browser.ts): compressed on demand by the server.
 */
export function onDemandOnly(file: string): boolean {
	return /^duckdb-(browser-)?mvp[.-]/.test(basename(file));
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encodings written, as file suffix. */
export type Encoding = 'br' | 'gz';

async function compress(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
	const large = bytes.length > LARGE_BYTES;
	if (encoding === 'gz') return gzipAsync(bytes, { level: large ? 6 : 9 });
	return brotli(bytes, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: large ? 5 : bytes.length > MEDIUM_BYTES ? 9 : 11,
			[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
		}
	});
}

async function* walk(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else if (entry.isFile()) yield path;
	}
}

/** What became of one file: the encodings kept, and whether they came from the cache. */
export interface Compressed {
	kept: Encoding[];
	cached: boolean;
}

/**
 * Writes `file.br` and `file.gz` (from the cache, or compressed and cached); each appears under
 * its name only when complete, so a server reading the directory never sends half a file.
 */
export async function precompressFile(file: string, cacheDir = CACHE_DIR): Promise<Compressed> {
	const bytes = await readFile(file);
	if (bytes.length < MIN_BYTES) return { kept: [], cached: false };
	await mkdir(cacheDir, { recursive: true });
	const hash = createHash('sha256').update(bytes).digest('hex');
	const kept: Encoding[] = [];
	let cached = true;
	for (const encoding of ['br', 'gz'] as const) {
		const entry = join(cacheDir, `${hash}.v${CACHE_VERSION}.${encoding}`);
		let out: Buffer | null = await readFile(entry).catch(() => null);
		if (out === null) {
			cached = false;
			out = await compress(bytes, encoding);
			const temporary = `${entry}.${process.pid}.tmp`;
			await writeFile(temporary, out);
			await rename(temporary, entry);
		}
		if (out.length > bytes.length * (1 - MIN_SAVING)) continue;
		const target = `${file}.${encoding}`;
		await copyFile(entry, `${target}.${process.pid}.tmp`);
		await rename(`${target}.${process.pid}.tmp`, target);
		kept.push(encoding);
	}
	return { kept, cached };
}

/** What a run did: files with a copy, how many of those came from the cache, and the time. */
export interface PrecompressResult {
	files: number;
	fromCache: number;
	ms: number;
}

/** Precompresses the compressible files under `dir` (not the on-demand ones). */
export async function precompress(dir: string, cacheDir = CACHE_DIR): Promise<PrecompressResult> {
	const started = performance.now();
	const files: string[] = [];
	for await (const file of walk(resolve(dir))) {
		if (COMPRESSIBLE.has(extname(file).toLowerCase()) && !onDemandOnly(file)) files.push(file);
	}
	// The largest first, so that the engine's wasm does not start last on a core of its own.
	const sizes = new Map(
		await Promise.all(files.map(async (f) => [f, (await stat(f)).size] as const))
	);
	files.sort((a, b) => sizes.get(b)! - sizes.get(a)!);
	// zlib runs on libuv's thread pool: a few files at a time use the cores without flooding them.
	let next = 0;
	let written = 0;
	let fromCache = 0;
	const worker = async () => {
		while (next < files.length) {
			const { kept, cached } = await precompressFile(files[next++]!, cacheDir);
			if (kept.length > 0) {
				written++;
				if (cached) fromCache++;
			}
		}
	};
	await Promise.all([worker(), worker(), worker(), worker()]);
	return { files: written, fromCache, ms: performance.now() - started };
}

/** The line the build prints. */
export function precompressSummary({ files, fromCache, ms }: PrecompressResult): string {
	return `precompress: ${files} files (brotli, gzip), ${fromCache} from ${CACHE_DIR}, in ${(ms / 1000).toFixed(1)} s`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	precompress(process.argv[2] ?? 'build').then(
		(result) => console.log(precompressSummary(result)),
		(error: Error) => {
			console.error(error.message);
			process.exit(2);
		}
	);
}
