/**
 * `npm run fuzz -- [--seconds N] [--seed S] [--out DIR]`: the workbook reader against hostile
 * workbooks (fuzz-workbooks.ts) for N seconds (default 300). Each input must give rows or a one-line
 * Dutch refusal naming the file, never a throw, within a time in proportion to its size. Prints
 * what it ran and found; a failing input is shrunk and written to DIR (default: `fuzz-werkmappen`
 * in the system's temporary folder) so that it can be read again. Run by hand, not in CI (the
 * property test runs a few seconds of it).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { hostileRecipe, hostileWorkbook, judge, type HostileRecipe } from './fuzz-workbooks';

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '300' },
		seed: { type: 'string' },
		out: { type: 'string', default: path.join(tmpdir(), 'fuzz-werkmappen') }
	}
});
const seconds = Number(values.seconds);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

const refusals = new Map<string, number>();
let inputs = 0;
let rows = 0;
let largest = 0;
let slowest = { ms: 0, bytes: 0 };

/** A refusal's kind: its message without the file name, numbers and quoted values. */
function kind(message: string): string {
	return message
		.replace(/^[^:]*: /, '')
		.replace(/‘[^’]*’/g, '‘…’')
		.replace(/\d[\d.,]*/g, 'N')
		.split('.')[0]!;
}

const started = Date.now();
const result = fc.check(
	fc.property(hostileRecipe, (recipe: HostileRecipe) => {
		const bytes = hostileWorkbook(recipe);
		const j = judge(bytes);
		inputs++;
		largest = Math.max(largest, bytes.length);
		if (j.ms > slowest.ms) slowest = { ms: j.ms, bytes: bytes.length };
		if (j.answer === 'rows') rows++;
		else if (j.message !== null) {
			const k = kind(j.message);
			refusals.set(k, (refusals.get(k) ?? 0) + 1);
		}
		return j.problem === null;
	}),
	{
		seed,
		numRuns: Number.MAX_SAFE_INTEGER,
		interruptAfterTimeLimit: seconds * 1000,
		markInterruptAsFailure: false
	}
);
const elapsed = (Date.now() - started) / 1000;

console.log(`fuzz: ${inputs} werkmappen in ${elapsed.toFixed(0)} s (seed ${seed})`);
console.log(
	`  rijen gelezen: ${rows}; geweigerd: ${inputs - rows}; grootste invoer ${largest} bytes`
);
console.log(`  traagste antwoord: ${slowest.ms.toFixed(0)} ms (${slowest.bytes} bytes)`);
console.log('  weigeringen per soort:');
for (const [k, n] of [...refusals].sort((a, b) => b[1] - a[1])) console.log(`    ${n}\t${k}`);

if (result.failed && result.counterexample) {
	const recipe = result.counterexample[0];
	const bytes = hostileWorkbook(recipe);
	const j = judge(bytes);
	await mkdir(values.out, { recursive: true });
	const file = path.join(values.out, `werkmap-${seed}.xlsx`);
	await writeFile(file, bytes);
	await writeFile(`${file}.json`, JSON.stringify(recipe, null, '\t'));
	console.log(`FOUT: ${j.problem ?? String(result.errorInstance)}`);
	console.log(`  melding: ${j.message ?? '-'}`);
	console.log(`  invoer: ${file} (recept ernaast); opnieuw: npm run fuzz -- --seed ${seed}`);
	process.exitCode = 1;
} else {
	console.log('  geen fouten gevonden');
}
