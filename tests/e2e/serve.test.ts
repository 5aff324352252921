/** The static server of src/cli/serve.ts on the built site: types, headers, routes, traversal. */
import { request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	acceptedEncodings,
	policyOfHtml,
	startServer,
	type RunningServer
} from '../../src/cli/serve';
import { ROOT, useSite, waitForReady } from './harness';

let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ dir: `${ROOT}build`, port: 0 });
});
afterAll(() => server.close());

/** A raw GET (no URL normalization, so `..` reaches the server as written; no decoding). */
function get(
	path: string,
	headers: Record<string, string> = {}
): Promise<{ status: number; headers: Record<string, string>; body: string; bytes: Buffer }> {
	const { hostname, port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const bytes = Buffer.concat(chunks);
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers as Record<string, string>,
					body: bytes.toString('utf8'),
					bytes
				});
			});
		});
		req.on('error', reject);
		req.end();
	});
}

function firstFile(dir: string, pattern: RegExp): string {
	const name = readdirSync(`${ROOT}build/${dir}`).find((f) => pattern.test(f));
	if (!name) throw new Error(`geen ${pattern} in build/${dir}`);
	return `/${dir}/${name}`;
}

describe('the static server', () => {
	test('sends each page with its own CSP as a header, plus the security headers', async () => {
		const res = await get('/');
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
		const meta = policyOfHtml(res.body);
		expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
		expect(res.headers['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
		expect(res.headers['x-content-type-options']).toBe('nosniff');
		expect(res.headers['referrer-policy']).toBe('no-referrer');
		expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
	});

	test('serves the wasm and worker files with their types and the site policy', async () => {
		const index = await get('/');
		const wasm = await get(firstFile('_app/immutable/assets', /\.wasm$/));
		expect(wasm.status).toBe(200);
		expect(wasm.headers['content-type']).toBe('application/wasm');
		expect(wasm.headers['content-security-policy']).toBe(index.headers['content-security-policy']);
		expect(wasm.headers['cache-control']).toContain('immutable');
		const worker = await get(
			firstFile('_app/immutable/assets', /^duckdb-browser-eh\.worker\..*\.js$/)
		);
		expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
		expect(worker.headers['content-security-policy']).toBe(
			index.headers['content-security-policy']
		);
	});

	test('maps /path to path.html and redirects a trailing slash', async () => {
		const page = await get('/verantwoording');
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.headers['content-security-policy']).toBe(
			`${policyOfHtml(page.body)}; frame-ancestors 'none'`
		);
		const slash = await get('/verantwoording/?van=2015-01-01');
		expect(slash.status).toBe(308);
		expect(slash.headers.location).toBe('/verantwoording?van=2015-01-01');
	});

	test('answers 404 for unknown paths and never leaves the build directory', async () => {
		for (const path of [
			'/bestaat-niet',
			'/../package.json',
			'/%2e%2e/package.json',
			'/..%2fpackage.json',
			'/_app/..%2f..%2fpackage.json',
			'/%00'
		]) {
			const res = await get(path);
			expect(res.status, path).toBe(404);
			expect(res.body, path).not.toContain('huisuitzettingen-evaluatie');
			expect(res.headers['content-security-policy'], path).toBeDefined();
		}
	});

	test('answers 400, not a server error, to a request target that is no URL', async () => {
		const res = await get('//');
		expect(res.status).toBe(400);
		expect(res.body).toBe('');
	});
});

describe('precompressed files', () => {
	const site = useSite();

	test('the engine wasm is sent as brotli or gzip as accepted, and decodes to the same bytes', async () => {
		const path = firstFile('_app/immutable/assets', /^duckdb-eh\..*\.wasm$/);
		const original = readFileSync(`${ROOT}build${path}`);

		const br = await get(path, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
		expect(br.status).toBe(200);
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['vary']).toBe('Accept-Encoding');
		expect(br.headers['content-type']).toBe('application/wasm');
		expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
		expect(br.bytes.length).toBeLessThan(original.length / 4);
		expect(brotliDecompressSync(br.bytes).equals(original)).toBe(true);

		const gz = await get(path, { 'Accept-Encoding': 'gzip, br;q=0' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gz.headers['vary']).toBe('Accept-Encoding');
		expect(gunzipSync(gz.bytes).equals(original)).toBe(true);

		const plain = await get(path);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['vary']).toBe('Accept-Encoding');
		expect(plain.bytes.equals(original)).toBe(true);
		// The policy and caching are those of the file itself, whatever the encoding.
		for (const res of [br, gz]) {
			expect(res.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
			expect(res.headers['cache-control']).toBe(plain.headers['cache-control']);
		}
	});

	test('pages keep their own policy when sent compressed', async () => {
		const plain = await get('/verantwoording');
		const br = await get('/verantwoording', { 'Accept-Encoding': 'br' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(plain.body);
		expect(br.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
		expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
	});

	test('reads Accept-Encoding with quality values and wildcards', () => {
		expect([...acceptedEncodings('gzip, deflate, br, zstd')].sort()).toEqual([
			'br',
			'deflate',
			'gzip',
			'zstd'
		]);
		expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
		expect([...acceptedEncodings('*;q=0.1, gzip;q=0')]).toEqual(['br']);
		expect([...acceptedEncodings('identity')]).toEqual(['identity']);
		expect(acceptedEncodings(undefined).size).toBe(0);
	});

	test('Chromium gets the engine compressed, and the page still shows the figures', async () => {
		const session = await site.open();
		const encodings = new Map<string, string | undefined>();
		session.context.on('response', (response) => {
			const { pathname } = new URL(response.url());
			if (pathname.endsWith('.wasm') || pathname.endsWith('.js'))
				encodings.set(pathname, response.headers()['content-encoding']);
		});
		await session.page.goto(site.url('/'));
		await waitForReady(session.page);
		const wasm = [...encodings].filter(([path]) => path.endsWith('.wasm'));
		expect(wasm.length, 'a .wasm response').toBeGreaterThan(0);
		for (const [path, encoding] of wasm) expect(encoding, path).toMatch(/^(br|gzip)$/);
		await session.assertClean();
	});
});
