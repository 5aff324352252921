/**
 * `--engine native` gives byte for byte the JSON of the default engine (DuckDB-WASM) on every
 * exchange-format test file and the demo data, over several selections; a refused file gives the
 * same exit status and message on both. Each run is a child process, as `npm run evaluate`.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './run-evaluate';

/** Data files as evaluate arguments: each set is one evaluation. */
const SETS: Record<string, string[]> = {
	cli: [
		'--dossiers',
		'tests/fixtures/cli/dossiers.csv',
		'--gebeurtenissen',
		'tests/fixtures/cli/gebeurtenissen.csv'
	],
	e2e: [
		'--dossiers',
		'tests/fixtures/e2e/dossiers.csv',
		'--gebeurtenissen',
		'tests/fixtures/e2e/gebeurtenissen.csv'
	],
	import: [
		'--dossiers',
		'tests/fixtures/import/dossiers-ymere.csv',
		'--gebeurtenissen',
		'tests/fixtures/import/gebeurtenissen-ymere.csv',
		'--gebeurtenissen',
		'tests/fixtures/import/gebeurtenissen-sdv.csv',
		'--gebeurtenissen',
		'tests/fixtures/import/gecombineerd-elan.csv'
	],
	demo: ['--dossiers', 'data/dossiers.csv', '--gebeurtenissen', 'data/gebeurtenissen.csv'],
	// Both DDAS deliveries with the key: the vroegsignalering, schuldhulpverlening and chain blocks.
	'demo met leveringen en sleutel': [
		'--dossiers',
		'data/dossiers.csv',
		'--gebeurtenissen',
		'data/gebeurtenissen.csv',
		'--ddas',
		'data/vroegsignalering-haarlem.json',
		'--ddas',
		'data/schuldhulpverlening-haarlem.json',
		'--sleutel-bestand',
		'data/bronnen/demo-sleutel.txt'
	]
};

/** Selections: the whole of 2015 with the defaults, and narrower ones with every filter. */
const SELECTIONS: Record<string, string[]> = {
	'2015': ['--van', '2015-01-01', '--tot', '2016-01-01'],
	'tweede halfjaar, ymere, senior en overig': [
		'--van',
		'2015-07-01',
		'--tot',
		'2016-01-01',
		'--corporatie',
		'ymere',
		'--doelgroep',
		'senior',
		'--doelgroep',
		'overig',
		'--peildatum',
		'2016-06-30'
	],
	'2014–2016, wijk Noord, publicatie': [
		'--van',
		'2014-01-01',
		'--tot',
		'2017-01-01',
		'--wijk',
		'Noord',
		'--wijk',
		'Centrum',
		'--publicatie'
	]
};

/** The default run and the native run of the same arguments, side by side. */
async function both(args: string[]) {
	const [wasm, native] = await Promise.all([
		evaluate(args),
		evaluate(['--engine', 'native', ...args])
	]);
	return { wasm, native };
}

describe('--engine native: the same JSON as the default engine', () => {
	for (const [set, files] of Object.entries(SETS)) {
		for (const [name, selection] of Object.entries(SELECTIONS)) {
			it(`${set}: ${name}`, async () => {
				const { wasm, native } = await both([...files, ...selection]);
				expect(wasm.stderr).toBe('');
				expect(wasm.code).toBe(0);
				expect(native.code).toBe(0);
				// The document has figures to compare: the import block counts rows.
				const doc = JSON.parse(wasm.stdout) as {
					import: { gebeurtenissen: { geaccepteerd: number } };
				};
				expect(doc.import.gebeurtenissen.geaccepteerd).toBeGreaterThan(0);
				if (files.includes('--ddas'))
					expect(Object.keys(doc)).toEqual(
						expect.arrayContaining(['vroegsignalering', 'schuldhulpverlening', 'keten'])
					);
				expect(native.stdout).toBe(wasm.stdout);
			});
		}
	}

	it('the demo data as csv figures (the same table on both)', async () => {
		const { wasm, native } = await both([...SETS.demo!, ...SELECTIONS['2015']!, '--format', 'csv']);
		expect(wasm.code).toBe(0);
		expect(native.code).toBe(0);
		// The export carries the day it was made; both runs are on the same day.
		expect(native.stdout).toBe(wasm.stdout);
	});

	it.each([
		['a dossiers file without doelgroep', 'tests/fixtures/cli/zonder-doelgroep.csv'],
		['a file with a BSN column', 'tests/fixtures/upload/dossiers-bsn.csv']
	])('%s: the same refusal on both', async (_, dossiers) => {
		const { wasm, native } = await both([
			'--dossiers',
			dossiers,
			'--gebeurtenissen',
			'tests/fixtures/upload/gebeurtenissen-bsn.csv',
			...SELECTIONS['2015']!
		]);
		expect(wasm.code).toBe(2);
		expect(wasm.stderr).toMatch(/^evaluate: .+\n$/);
		expect(native.code).toBe(2);
		expect(native.stderr).toBe(wasm.stderr);
	});

	it('refuses an unknown engine in Dutch', async () => {
		const run = await evaluate(['--engine', 'gpu', ...SETS.cli!, ...SELECTIONS['2015']!]);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe('evaluate: --engine gpu is onbekend (wasm of native)\n');
		const missing = await evaluate([...SETS.cli!, ...SELECTIONS['2015']!, '--engine']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toBe('evaluate: --engine vraagt een waarde: wasm of native\n');
	});
});
