/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to every compressible file of the built
 * site, for src/cli/serve.ts to send with `Content-Encoding`. Runs at the end of `vite build`
 * (the plugin in vite.config.ts) and on its own:
 *
 *     tsx src/cli/precompress.ts [dir]
 *
 * The 34 MB DuckDB wasm takes half a minute to compress, so every result is cached by the
 * content's hash in node_modules/.cache/precompress: a rebuild with the same engine copies it.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
const MIN_BYTES = 1024;
/** Above this size brotli's top quality takes minutes for a few per cent: quality 9 instead. */
const LARGE_BYTES = 4_000_000;
/** A compressed copy is kept only when it saves at least this share of the bytes. */
const MIN_SAVING = 0.1;
/** Bump when the settings below change, so that cached results are not reused. */
const CACHE_VERSION = 1;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encodings written, as file suffix. */
export type Encoding = 'br' | 'gz';

async function compress(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
	if (encoding === 'gz') return gzipAsync(bytes, { level: 9 });
	return brotli(bytes, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: bytes.length > LARGE_BYTES ? 9 : 11,
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

/** Writes `file.br` and `file.gz` (or takes them from the cache); returns the encodings kept. */
async function precompressFile(file: string, cacheDir: string): Promise<Encoding[]> {
	const bytes = await readFile(file);
	if (bytes.length < MIN_BYTES) return [];
	const hash = createHash('sha256').update(bytes).digest('hex');
	const kept: Encoding[] = [];
	for (const encoding of ['br', 'gz'] as const) {
		const cached = join(cacheDir, `${hash}.v${CACHE_VERSION}.${encoding}`);
		let out: Buffer | null = await readFile(cached).catch(() => null);
		if (out === null) {
			out = await compress(bytes, encoding);
			// Written under a temporary name first: parallel builds never read half a file.
			const temporary = `${cached}.${process.pid}.tmp`;
			await writeFile(temporary, out);
			await rename(temporary, cached);
		}
		if (out.length > bytes.length * (1 - MIN_SAVING)) continue;
		await copyFile(cached, `${file}.${encoding}`);
		kept.push(encoding);
	}
	return kept;
}

/** Precompresses every compressible file under `dir`; returns the number of files and the time taken. */
export async function precompress(
	dir: string,
	cacheDir = resolve('node_modules/.cache/precompress')
): Promise<{ files: number; ms: number }> {
	const started = performance.now();
	await mkdir(cacheDir, { recursive: true });
	const files: string[] = [];
	for await (const file of walk(resolve(dir))) {
		if (COMPRESSIBLE.has(extname(file).toLowerCase())) files.push(file);
	}
	// zlib runs on libuv's thread pool: a few files at a time use the cores without flooding them.
	let next = 0;
	let written = 0;
	const worker = async () => {
		while (next < files.length) {
			const file = files[next++]!;
			if ((await precompressFile(file, cacheDir)).length > 0) written++;
		}
	};
	await Promise.all([worker(), worker(), worker(), worker()]);
	return { files: written, ms: performance.now() - started };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	precompress(process.argv[2] ?? 'build').then(
		({ files, ms }) =>
			console.log(`${files} bestanden voorgecomprimeerd in ${(ms / 1000).toFixed(1)} s`),
		(error: Error) => {
			console.error(error.message);
			process.exit(2);
		}
	);
}
