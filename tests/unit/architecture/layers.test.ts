/**
 * The layers hold because a tool says so: ESLint's `no-restricted-imports` (eslint.config.js)
 * fails an upward import, and no module imports itself round a cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The rule ids ESLint reports for a snippet linted as if it were the given file. */
async function ruleIds(code: string, filePath: string): Promise<(string | null)[]> {
	const eslint = new ESLint({ cwd: ROOT });
	const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
	return result?.messages.map((m) => m.ruleId) ?? [];
}

describe('the layers of the README', () => {
	it.each([
		['domain → metrics', `import { FIGURES } from '../metrics/catalog';`, 'src/lib/domain/x.ts'],
		['import → report', `import { share } from '../report/format';`, 'src/lib/import/x.ts'],
		['metrics → state', `import { data } from '$lib/state/data.svelte';`, 'src/lib/metrics/x.ts'],
		['report → charts', `import { trendChart } from '../charts/configs';`, 'src/lib/report/x.ts'],
		[
			'state → components',
			`import X from '$lib/components/Headline.svelte';`,
			'src/lib/state/x.ts'
		],
		['lib → cli', `import { main } from '../../cli/evaluate';`, 'src/lib/report/x.ts']
	])('an upward import (%s) fails lint', async (_, line, file) => {
		expect(await ruleIds(`${line}\nexport const y = 1;\n`, file)).toContain(
			'no-restricted-imports'
		);
	});

	it.each([
		['report → metrics', `import { FIGURES } from '../metrics/catalog';`, 'src/lib/report/x.ts'],
		[
			'components → state',
			`import { data } from '$lib/state/data.svelte';`,
			'src/lib/components/x.ts'
		],
		['cli → lib', `import { evaluate } from '../lib/metrics/evaluate';`, 'src/cli/x.ts']
	])('a downward import (%s) passes', async (_, line, file) => {
		expect(await ruleIds(`${line}\nexport const y = 1;\n`, file)).not.toContain(
			'no-restricted-imports'
		);
	});
});

/** Every source file under src/ with the src/ files it imports statically (type imports included). */
function importGraph(): Map<string, string[]> {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (/\.(ts|svelte)$/.test(name)) files.push(full);
		}
	};
	walk(path.join(ROOT, 'src'));
	const resolve = (from: string, spec: string): string | null => {
		const base = spec.startsWith('$lib/')
			? path.join(ROOT, 'src/lib', spec.slice(5))
			: spec.startsWith('.')
				? path.resolve(path.dirname(from), spec)
				: null;
		if (base === null) return null;
		for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')]) {
			if (files.includes(candidate)) return candidate;
		}
		return null;
	};
	const graph = new Map<string, string[]>();
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map(
			(m) => m[1] as string
		);
		graph.set(
			file,
			specs.map((s) => resolve(file, s)).filter((f): f is string => f !== null)
		);
	}
	return graph;
}

describe('the import graph', () => {
	it('has no cycles', () => {
		const graph = importGraph();
		expect(graph.size).toBeGreaterThan(50);
		// The graph sees imports: a relative one, a `$lib/` one and one spread over lines.
		const at = (file: string) => graph.get(path.join(ROOT, file)) ?? [];
		expect(at('src/lib/metrics/load.ts')).toContain(path.join(ROOT, 'src/lib/db/arrow.ts'));
		expect(at('src/lib/state/figures.svelte.ts')).toContain(
			path.join(ROOT, 'src/lib/metrics/selection.ts')
		);
		expect(at('src/lib/report/letter.ts')).toContain(
			path.join(ROOT, 'src/lib/report/protected-figures.ts')
		);
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (file: string, trail: string[]) => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'open') {
				const cycle = trail.slice(trail.indexOf(file)).concat(file);
				cycles.push(cycle.map((f) => path.relative(ROOT, f)).join(' → '));
				return;
			}
			state.set(file, 'open');
			for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
			state.set(file, 'done');
		};
		for (const file of graph.keys()) visit(file, []);
		expect(cycles).toEqual([]);
	});
});
