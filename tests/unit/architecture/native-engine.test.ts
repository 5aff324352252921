/**
 * The native engine (@duckdb/node-api, a Node addon) stays out of the page: in src/lib only
 * src/lib/db/native.ts imports the addon, and only the command line imports that module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every .ts, .js and .svelte file under a directory, as paths relative to the root. */
function sources(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
		const rel = `${dir}/${name}`;
		if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
		return /\.(ts|js|svelte)$/.test(name) ? [rel] : [];
	});
}

/** The module specifiers a file imports (static and dynamic). */
function imports(file: string): string[] {
	const text = readFileSync(path.join(ROOT, file), 'utf8');
	return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('the native engine is Node only', () => {
	const files = sources('src');

	it('finds the modules it guards (the check can fail)', () => {
		expect(files).toContain('src/lib/db/native.ts');
		expect(imports('src/lib/db/native.ts')).toContain('@duckdb/node-api');
		expect(imports('src/cli/engine.ts')).toContain('../lib/db/native');
	});

	it('under src/lib only src/lib/db/native.ts imports @duckdb/node-api', () => {
		const users = files.filter((f) => imports(f).includes('@duckdb/node-api'));
		expect(users).toContain('src/lib/db/native.ts');
		for (const user of users) expect(user).toMatch(/^src\/(cli\/|lib\/db\/native\.ts$)/);
	});

	it('only the command line imports src/lib/db/native.ts', () => {
		const users = files.filter((f) => imports(f).some((s) => /(^|\/)db\/native$/.test(s)));
		expect(users.length).toBeGreaterThan(0);
		for (const user of users) expect(user).toMatch(/^src\/cli\//);
	});
});
