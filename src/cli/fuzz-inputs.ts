/**
 * `npm run fuzz-inputs -- [--seconden N] [--seed S] [--soort exchange,ddas,profiel]`: the property
 * tests of tests/unit/import/fuzz.test.ts for as long as asked (default 300 s), each round with a
 * new seed. Prints per kind the inputs tried and every failure with its seed, path and shrunk
 * counterexample (replay: the same --seed, or fc.assert with { seed, path }); exits 1 on a failure.
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import {
	checkDdas,
	checkExchange,
	checkProfile,
	ddasInput,
	exchangeInput,
	known,
	profileInput
} from './fuzz/inputs';

/** One round of a property from a seed: how many inputs, and the failure if any. */
async function round<T>(property: fc.IAsyncProperty<[T]>, seed: number) {
	const out = await fc.check(property, { numRuns: ROUND, seed });
	return {
		numRuns: out.numRuns,
		failed: out.failed,
		path: out.counterexamplePath,
		example: out.counterexample,
		error: out.errorInstance
	};
}

const KINDS = {
	exchange: (seed: number) => round(fc.asyncProperty(exchangeInput, checkExchange), seed),
	ddas: (seed: number) => round(fc.asyncProperty(ddasInput, checkDdas), seed),
	profiel: (seed: number) => round(fc.asyncProperty(profileInput, checkProfile), seed)
} as const;
type Kind = keyof typeof KINDS;

/** Inputs per round: small enough that the time limit is kept, large enough to shrink well. */
const ROUND = 200;

async function main(argv: string[]): Promise<number> {
	const { values } = parseArgs({
		args: argv,
		options: {
			seconden: { type: 'string', default: '300' },
			seed: { type: 'string' },
			soort: { type: 'string', default: Object.keys(KINDS).join(',') }
		}
	});
	const seconds = Number(values.seconden);
	const kinds = values.soort!.split(',') as Kind[];
	for (const kind of kinds) {
		if (!(kind in KINDS)) {
			process.stderr.write(
				`fuzz-inputs: onbekende soort ${kind} (${Object.keys(KINDS).join(', ')})\n`
			);
			return 2;
		}
	}
	let seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
	const tried: Record<string, number> = {};
	const failures: string[] = [];
	const end = performance.now() + seconds * 1000;
	const start = performance.now();
	while (performance.now() < end) {
		for (const kind of kinds) {
			const out = await KINDS[kind](seed);
			tried[kind] = (tried[kind] ?? 0) + out.numRuns;
			if (out.failed) {
				const cause = out.error instanceof Error ? out.error.message : String(out.error);
				const line = `${kind}: seed ${seed}, path ${out.path}: ${cause}\n  ${JSON.stringify(out.example).slice(0, 2_000)}`;
				failures.push(line);
				process.stdout.write(`FOUT ${line}\n`);
			}
			seed = (seed + 1) % 2 ** 31;
		}
	}
	const took = Math.round((performance.now() - start) / 1000);
	const counts = kinds.map((k) => `${k} ${tried[k] ?? 0}`).join(', ');
	process.stdout.write(
		`fuzz-inputs: ${took} s, invoer geprobeerd: ${counts}; ${failures.length} ${failures.length === 1 ? 'fout' : 'fouten'}\n`
	);
	if (known.pseudonymAsPersonalData > 0) {
		process.stdout.write(
			`bekend (personal-data.ts): ${known.pseudonymAsPersonalData}× een export met pseudoniemen bij teruglezen geweigerd als persoonsgegevens\n`
		);
	}
	return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
