/**
 * Precompression for the first run (issue 21): quick settings for large files, a cache outside
 * node_modules that a rebuild reuses, the old-browser engine left to the server, which compresses
 * it on the first request.
 */
import { randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { CACHE_DIR, onDemandOnly, precompress } from '../../../src/cli/precompress';
import { startServer } from '../../../src/cli/serve';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Text that compresses well: lines of words, `n` bytes or a little more. */
function text(n: number): string {
	const words = ['huurachterstand', 'melding', 'aanzegging', 'ontruiming', 'voorkomen', 'dossier'];
	let out = '';
	for (let i = 0; out.length < n; i++) out += `${words[i % 6]} ${i % 97} ${words[(i * 7) % 6]}\n`;
	return out;
}

/** A small built site: a page, a script, a large "wasm", the old-browser engine, a PNG. */
function site(): { root: string; build: string; cache: string } {
	const root = mkdtempSync(join(tmpdir(), 'precompress-'));
	dirs.push(root);
	const assets = join(root, 'build/_app/immutable/assets');
	mkdirSync(assets, { recursive: true });
	writeFileSync(
		join(root, 'build/index.html'),
		`<!doctype html><meta http-equiv="content-security-policy" content="default-src 'self'"><title>t</title>${text(4000)}`
	);
	writeFileSync(join(assets, 'app.js'), text(20_000));
	writeFileSync(join(assets, 'duckdb-eh.abc.wasm'), text(1_500_000));
	writeFileSync(join(assets, 'duckdb-mvp.abc.wasm'), text(1_200_000));
	writeFileSync(join(assets, 'duckdb-browser-mvp.worker.abc.js'), text(50_000));
	writeFileSync(join(assets, 'tiny.js'), 'x');
	writeFileSync(join(assets, 'noise.wasm'), randomBytes(50_000));
	return { root, build: join(root, 'build'), cache: join(root, 'cache') };
}

function get(url: string, encoding: string): Promise<{ encoding?: string; body: Buffer }> {
	return new Promise((resolve, reject) => {
		request(url, { headers: { 'Accept-Encoding': encoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({
					encoding: res.headers['content-encoding'] as string | undefined,
					body: Buffer.concat(chunks)
				})
			);
		})
			.on('error', reject)
			.end();
	});
}

describe('precompress', () => {
	test('the cache lives in the project, outside node_modules (npm ci removes node_modules)', () => {
		expect(CACHE_DIR).toMatch(/[/\\]\.cache[/\\]precompress$/);
		expect(CACHE_DIR).not.toContain('node_modules');
	});

	test('only the old-browser engine is left for the server', () => {
		expect(onDemandOnly('/b/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm')).toBe(true);
		expect(onDemandOnly('duckdb-browser-mvp.worker.C9hF7LGh.js')).toBe(true);
		expect(onDemandOnly('duckdb-eh.9ubY-jlA.wasm')).toBe(false);
		expect(onDemandOnly('duckdb-browser-eh.worker.hQa-dcAV.js')).toBe(false);
		expect(onDemandOnly('mvp.js')).toBe(false);
	});

	test('writes decodable copies of what is served, skips the rest, and reuses the cache', async () => {
		const { build, cache } = site();
		const first = await precompress(build, cache);
		const assets = join(build, '_app/immutable/assets');
		// index.html, app.js and the eh wasm; not tiny.js, the noise (no saving) or the mvp files.
		expect(first.files).toBe(3);
		expect(first.fromCache).toBe(0);
		for (const file of [
			join(build, 'index.html'),
			join(assets, 'app.js'),
			join(assets, 'duckdb-eh.abc.wasm')
		]) {
			const original = readFileSync(file);
			expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original), file).toBe(true);
			expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original), file).toBe(true);
		}
		const names = readdirSync(assets);
		for (const skipped of [
			'tiny.js',
			'noise.wasm',
			'duckdb-mvp.abc.wasm',
			'duckdb-browser-mvp.worker.abc.js'
		])
			expect(
				names.filter((n) => n.startsWith(`${skipped}.`)),
				skipped
			).toEqual([]);
		expect(names.some((n) => n.endsWith('.tmp'))).toBe(false);

		// A rebuild (the copies gone, as vite build empties build/) takes everything from the cache.
		for (const name of names) if (/\.(br|gz)$/.test(name)) rmSync(join(assets, name));
		const again = await precompress(build, cache);
		expect(again).toMatchObject({ files: 3, fromCache: 3 });
		expect(existsSync(join(assets, 'duckdb-eh.abc.wasm.br'))).toBe(true);
	});

	test('the server sends a file without copies as it is, then compressed once it has them', async () => {
		const { build, cache } = site();
		const server = await startServer({ dir: build, port: 0, cacheDir: cache });
		const path = '_app/immutable/assets/duckdb-mvp.abc.wasm';
		const original = readFileSync(join(build, path));
		try {
			const plain = await get(`${server.url}${path}`, 'br, gzip');
			expect(plain.encoding).toBeUndefined();
			expect(plain.body.equals(original)).toBe(true);
			// The copies appear in the background; wait for them (a few seconds at most).
			for (let i = 0; i < 200 && !existsSync(join(build, `${path}.gz`)); i++)
				await new Promise((done) => setTimeout(done, 50));
			const br = await get(`${server.url}${path}`, 'br, gzip');
			expect(br.encoding).toBe('br');
			expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
		} finally {
			await server.close();
		}
	});
});
