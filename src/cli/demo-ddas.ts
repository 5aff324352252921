/**
 * `npm run demo-ddas`: writes the fictitious DDAS vroegsignalering delivery for Haarlem
 * (data/vroegsignalering-haarlem.json). With `--signalen N --out FILE` a delivery of about N
 * signals over 2023 for the benchmark.
 *
 *   npm run demo-ddas -- [--signalen N --out FILE] [--seed S]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DDAS_DEMO_DEFAULTS, generateDdasDemo } from '../lib/demo/ddas';

/** Where the committed demo delivery lives. */
export const DDAS_DEMO_FILE = 'data/vroegsignalering-haarlem.json';

const { values } = parseArgs({
	options: { signalen: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } }
});
const seed = values.seed === undefined ? DDAS_DEMO_DEFAULTS.seed : Number(values.seed);
const signals = values.signalen === undefined ? undefined : Number(values.signalen);
if (signals !== undefined && (!Number.isInteger(signals) || signals < 1 || !values.out)) {
	process.stderr.write('demo-ddas: --signalen N (geheel getal) vraagt --out BESTAND\n');
	process.exit(2);
}
const options =
	signals === undefined
		? { ...DDAS_DEMO_DEFAULTS, seed }
		: {
				...DDAS_DEMO_DEFAULTS,
				seed,
				from: '2023-01-01',
				to: '2023-12-31',
				signalsPerYear: signals
			};
const text = generateDdasDemo(options);
await writeFile(values.out ?? DDAS_DEMO_FILE, text);
process.stdout.write(`${values.out ?? DDAS_DEMO_FILE}: ${(text.length / 1e6).toFixed(1)} MB\n`);
