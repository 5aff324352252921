/** `EVALUATE_IMPORT=native`: the engine reads the exchange files, and the output is the pipeline's, byte for byte. */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from './run-evaluate';

const PERIOD = ['--van', '2015-01-01', '--tot', '2016-01-01'];
const SETS = [
	[
		'--dossiers',
		'tests/fixtures/cli/dossiers.csv',
		'--gebeurtenissen',
		'tests/fixtures/cli/gebeurtenissen.csv'
	],
	[
		'--dossiers',
		'tests/fixtures/import/dossiers-ymere.csv',
		'--gebeurtenissen',
		'tests/fixtures/import/gebeurtenissen-ymere.csv',
		'--gebeurtenissen',
		'tests/fixtures/import/gebeurtenissen-sdv.csv',
		'--format',
		'csv'
	],
	// A dossiers file given as events: the same Dutch refusal.
	['--gebeurtenissen', 'tests/fixtures/cli/dossiers.csv']
];

async function run(args: string[], mode: string) {
	process.env.EVALUATE_IMPORT = mode;
	return evaluate([...PERIOD, ...args]);
}

afterEach(() => {
	delete process.env.EVALUATE_IMPORT;
});

describe('evaluate with the native import', () => {
	it('writes what the pipeline writes', async () => {
		for (const args of SETS) {
			const pipeline = await run(args, 'pipeline');
			const native = await run(args, 'native');
			expect(native).toEqual(pipeline);
		}
		const ok = await run(SETS[0]!, 'native');
		expect(ok.code).toBe(0);
		expect(JSON.parse(ok.stdout).selectie.van).toBe('2015-01-01');
	}, 240_000);
});
