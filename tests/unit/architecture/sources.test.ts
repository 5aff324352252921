/**
 * A delivery kind is one folder under src/lib/sources/ and one line in the registry (README, "Een
 * nieuwe bron toevoegen"): the worker, the command line and the page state reach the kinds only
 * through the registry, never the modules a kind's folder wires; and at most one kind claims a file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BLOCK_IDS } from '../../../src/lib/metrics/blocks';
import { REPORT_BLOCKS } from '../../../src/lib/report/blocks';
import { DELIVERY_KINDS, kindOf } from '../../../src/lib/sources/registry';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = path.join(ROOT, 'src/lib/sources');

/** The static imports of a file: the resolved path (without extension) and whether only types come in. */
function importsOf(file: string): { module: string; typeOnly: boolean }[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/^\s*import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)'/gm)].flatMap((m) => {
		const spec = m[3]!;
		const base = spec.startsWith('$lib/')
			? path.join(ROOT, 'src/lib', spec.slice(5))
			: spec.startsWith('.')
				? path.resolve(path.dirname(file), spec)
				: null;
		if (base === null) return [];
		const names = m[2]!.replace(/^\{|\}$/g, '').split(',');
		const typeOnly =
			m[1] !== undefined || names.every((n) => n.trim() === '' || /^\s*type\s/.test(n));
		return [{ module: base.replace(/\.(ts|js)$/, '').replace(/\/index$/, ''), typeOnly }];
	});
}

/** Every .ts and .svelte file under a folder (or the file itself). */
function filesUnder(target: string): string[] {
	if (!statSync(target).isDirectory()) return [target];
	return readdirSync(target).flatMap((name) => {
		const full = path.join(target, name);
		if (statSync(full).isDirectory()) return filesUnder(full);
		return /\.(ts|svelte)$/.test(name) ? [full] : [];
	});
}

const kindFolders = readdirSync(SOURCES).filter((name) =>
	statSync(path.join(SOURCES, name)).isDirectory()
);

describe('the registry of delivery kinds', () => {
	it('lists one kind per folder, named by its id, each with its index', () => {
		expect(kindFolders.length).toBeGreaterThanOrEqual(2);
		expect([...kindFolders].sort()).toEqual(DELIVERY_KINDS.map((k) => k.id).sort());
		for (const id of kindFolders)
			expect(statSync(path.join(SOURCES, id, 'index.ts')).isFile()).toBe(true);
	});

	it('lets the worker, the command line and the page state reach a kind only through it', () => {
		// What the kinds' folders wire: their own folder and every module their index imports.
		const wired = new Set(
			kindFolders.flatMap((id) => [
				path.join(SOURCES, id),
				...importsOf(path.join(SOURCES, id, 'index.ts'))
					.map((i) => i.module)
					.filter((m) => m !== path.join(SOURCES, 'types'))
			])
		);
		expect(wired).toContain(path.join(ROOT, 'src/lib/import/ddas-shv'));
		expect(wired).toContain(path.join(ROOT, 'src/lib/metrics/vroegsignalering-load'));
		const consumers = ['src/lib/worker', 'src/cli/evaluate.ts', 'src/lib/state'].flatMap((p) =>
			filesUnder(path.join(ROOT, p))
		);
		expect(consumers.length).toBeGreaterThan(5);
		// A block's type may be named (the JSON document and the report are typed by it).
		const direct = consumers.flatMap((file) =>
			importsOf(file)
				.filter((i) => wired.has(i.module) && !i.typeOnly)
				.map((i) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, i.module)}`)
		);
		expect(direct).toEqual([]);
	});

	it('gives every delivery of the fixtures and the demo to exactly one kind, and no other file', () => {
		const read = (p: string) => new Uint8Array(readFileSync(path.join(ROOT, p)));
		const claims = (bytes: Uint8Array) =>
			DELIVERY_KINDS.filter((k) => k.detect(bytes)).map((k) => k.id);
		for (const [file, id] of [
			['tests/fixtures/ddas/v1.0-eigen-levering.json', 'vroegsignalering'],
			['tests/fixtures/ddas/v1.2-eigen-levering.json', 'vroegsignalering'],
			['data/vroegsignalering-haarlem.json', 'vroegsignalering'],
			['tests/fixtures/ddas/shv-v1.0-eigen-levering.json', 'schuldhulpverlening'],
			['data/schuldhulpverlening-haarlem.json', 'schuldhulpverlening']
		] as const) {
			expect(claims(read(file)), file).toEqual([id]);
			expect(kindOf(read(file))?.id).toBe(id);
		}
		for (const file of ['data/dossiers.csv', 'data/gebeurtenissen.csv'])
			expect(claims(read(file)), file).toEqual([]);
	});
});

describe('the blocks beside Artikel 4 in the report', () => {
	it('are the delivery kinds in registry order, then the chain; the report lists them in that order', () => {
		expect(BLOCK_IDS).toEqual([...DELIVERY_KINDS.map((k) => k.id), 'keten']);
		expect(REPORT_BLOCKS.map((r) => r.id)).toEqual(BLOCK_IDS);
	});

	it('reach the letter, the exports, the protected table and the command line only through report/blocks.ts', () => {
		// A block's report modules: the modules its report entry is defined in, and its paragraph.
		const blockModules = [
			'src/lib/report/vroegsignalering',
			'src/lib/report/schuldhulpverlening',
			'src/lib/report/keten',
			'src/lib/report/letter/early-signals',
			'src/lib/report/letter/debt-help',
			'src/lib/report/letter/chain'
		].map((m) => path.join(ROOT, m));
		const consumers = [
			'src/lib/report/letter.ts',
			'src/lib/report/letter/tables.ts',
			'src/lib/report/exports.ts',
			'src/lib/report/protected-figures.ts',
			'src/lib/metrics/document.ts',
			'src/cli/evaluate.ts'
		].map((p) => path.join(ROOT, p));
		const direct = consumers.flatMap((file) =>
			importsOf(file)
				.filter((i) => blockModules.includes(i.module) && !i.typeOnly)
				.map((i) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, i.module)}`)
		);
		expect(direct).toEqual([]);
		// And the registry does import each of them (the test would pass vacuously otherwise).
		const registry = importsOf(path.join(ROOT, 'src/lib/report/blocks.ts')).map((i) => i.module);
		for (const m of blockModules.slice(0, 3)) expect(registry).toContain(m);
	});
});
