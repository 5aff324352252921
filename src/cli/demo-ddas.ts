/**
 * `npm run demo-ddas`: writes the fictitious DDAS deliveries for Haarlem made from the demo chain
 * (src/lib/demo/chain.ts): vroegsignalering (data/vroegsignalering-haarlem.json) and
 * schuldhulpverlening (data/schuldhulpverlening-haarlem.json), at the addresses of the demo
 * dossiers where the chain says so. With `--signalen N --out FILE` a vroegsignalering delivery of
 * about N signals over 2023 for the benchmark, with `--seed S --out FILE` the vroegsignalering
 * delivery of another seed (neither with the chain).
 *
 *   npm run demo-ddas -- [--signalen N] [--seed S] --out FILE
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { demoDeliveries } from '../lib/demo/chain';
import { DDAS_DEMO_DEFAULTS, generateDdasDemo } from '../lib/demo/ddas';

/** Where the committed demo deliveries live. */
export const DDAS_DEMO_FILE = 'data/vroegsignalering-haarlem.json';
export const SHV_DEMO_FILE = 'data/schuldhulpverlening-haarlem.json';

const { values } = parseArgs({
	options: { signalen: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } }
});
const seed = values.seed === undefined ? DDAS_DEMO_DEFAULTS.seed : Number(values.seed);
const signals = values.signalen === undefined ? undefined : Number(values.signalen);
if (signals !== undefined && (!Number.isInteger(signals) || signals < 1 || !values.out)) {
	process.stderr.write('demo-ddas: --signalen N (geheel getal) vraagt --out BESTAND\n');
	process.exit(2);
}
if (values.seed !== undefined && !values.out) {
	// data/ holds the deliveries of the demo chain; another seed goes elsewhere.
	process.stderr.write('demo-ddas: --seed S vraagt --out BESTAND\n');
	process.exit(2);
}
const report = (file: string, text: string) =>
	process.stdout.write(`${file}: ${(text.length / 1e6).toFixed(1)} MB\n`);
if (values.out === undefined) {
	const { vroegsignalering, schuldhulpverlening } = demoDeliveries();
	await writeFile(DDAS_DEMO_FILE, vroegsignalering);
	await writeFile(SHV_DEMO_FILE, schuldhulpverlening);
	report(DDAS_DEMO_FILE, vroegsignalering);
	report(SHV_DEMO_FILE, schuldhulpverlening);
} else {
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
	await writeFile(values.out, text);
	report(values.out, text);
}
