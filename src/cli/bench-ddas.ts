/**
 * `npm run bench-ddas`: the browser load time of a large DDAS delivery (issues 14 and 22).
 * Generates a vroegsignalering delivery of N signals over 2023 (bench-cache/ddas-N.json, with full
 * 1.0-style client objects as real files have) or, with `--trajecten N`, a schuldhulpverlening
 * delivery of about N trajecten over 2023 (bench-cache/shv-N.json); both fictitious. Serves the
 * built site and measures per run in a fresh tab, with the demo case data loaded: from the pick of
 * the delivery until its section shows its figures and the page is `ready`. Prints the runs and
 * their median.
 *
 *     npm run bench-ddas -- [--signalen 100000 | --trajecten 100000] [--runs 3]
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DDAS_DEMO_DEFAULTS, generateDdasDemo } from '../lib/demo/ddas';
import { SHV_DEMO_DEFAULTS, generateShvDemo } from '../lib/demo/shv';
import { launchChromium } from './chromium';
import { startServer } from './serve';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const { values } = parseArgs({
	options: {
		signalen: { type: 'string', default: '100000' },
		trajecten: { type: 'string' },
		runs: { type: 'string', default: '3' }
	}
});
/** Schuldhulpverlening (`--trajecten`) or vroegsignalering (`--signalen`). */
const shv = values.trajecten !== undefined;
const signals = Number(shv ? values.trajecten : values.signalen);
const runs = Number(values.runs);
if (!Number.isSafeInteger(signals) || signals < 1 || !Number.isSafeInteger(runs) || runs < 1) {
	process.stderr.write(
		'bench-ddas: --signalen, --trajecten en --runs zijn positieve gehele getallen\n'
	);
	process.exit(2);
}
if (!existsSync(join(ROOT, 'build/index.html'))) {
	process.stderr.write('bench-ddas: bouw de site eerst (npm run build)\n');
	process.exit(2);
}

const log = (line: string) => process.stderr.write(`[bench-ddas] ${line}\n`);

const dir = join(ROOT, 'bench-cache');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${shv ? 'shv' : 'ddas'}-${signals}.json`);
if (!existsSync(file)) {
	log(`levering met ${signals} ${shv ? 'trajecten' : 'signalen'} maken…`);
	writeFileSync(
		file,
		shv
			? generateShvDemo({
					...SHV_DEMO_DEFAULTS,
					from: '2023-01-01',
					to: '2023-12-31',
					// The generator adds growth over the years since its start; one year: as asked.
					trajectenPerYear: signals
				})
			: generateDdasDemo({
					...DDAS_DEMO_DEFAULTS,
					from: '2023-01-01',
					to: '2023-12-31',
					signalsPerYear: signals,
					fullClients: true
				})
	);
}
/** The figure that shows when the section is there. */
const METRIC = shv ? 'schuldhulpverlening.aanmeldingen' : 'vroegsignalering.zaken_huur';
const megabytes = statSync(file).size / 1e6;
log(`${file}: ${megabytes.toFixed(1)} MB`);

const server = await startServer({ dir: join(ROOT, 'build'), port: 0 });
const browser = await launchChromium();
const times: number[] = [];
try {
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		const page = await context.newPage();
		await page.goto(new URL('/?van=2023-01-01&tot=2024-01-01', server.url).href);
		await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, {
			timeout: 120_000
		});
		const start = performance.now();
		await page.locator('input[type="file"][multiple]').first().setInputFiles(file);
		const handle = await page
			.waitForFunction(
				(metric) =>
					document.documentElement.dataset.state === 'ready' &&
					document.querySelector(`[data-metric="${metric}"]`)?.getAttribute('data-value'),
				METRIC,
				{ timeout: Number(process.env.BENCH_DDAS_TIMEOUT ?? 600_000), polling: 50 }
			)
			.catch(async (error: Error) => {
				const seen = await page.evaluate(() => ({
					state: document.documentElement.dataset.state,
					alerts: [...document.querySelectorAll('[role="alert"], [role="status"]')].map((e) =>
						(e.textContent ?? '').trim()
					)
				}));
				throw new Error(`${error.message}; de pagina: ${JSON.stringify(seen)}`);
			});
		const ms = performance.now() - start;
		const cohort = await handle.jsonValue();
		times.push(ms);
		log(`run ${i + 1}: ${(ms / 1000).toFixed(2)} s (${METRIC} 2023: ${cohort})`);
		await context.close();
	}
} finally {
	await browser.close();
	await server.close();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
process.stdout.write(
	`DDAS-levering ${signals} ${shv ? 'trajecten' : 'signalen'} (${megabytes.toFixed(1)} MB): van kiezen tot de cijfers van de sectie ` +
		`mediaan ${(median / 1000).toFixed(2)} s over ${runs} runs (${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s)\n`
);
