/** The static server of src/cli/serve.ts on the built site: types, headers, routes, traversal. */
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { policyOfHtml, startServer, type RunningServer } from '../../src/cli/serve';
import { ROOT } from './harness';

let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ dir: `${ROOT}build`, port: 0 });
});
afterAll(() => server.close());

/** A raw GET (no URL normalization, so `..` reaches the server as written). */
function get(
	path: string
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
	const { hostname, port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const req = request({ hostname, port, path, method: 'GET' }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers as Record<string, string>,
					body: Buffer.concat(chunks).toString('utf8')
				})
			);
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
});
