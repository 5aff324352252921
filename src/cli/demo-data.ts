/**
 * `npm run demo-data`: writes the fictitious demo set. Without arguments it regenerates the
 * committed files data/dossiers.csv and data/gebeurtenissen.csv; with `--events N --out DIR` it
 * writes a large set of about N events for benchmarks, streamed to disk in chunks.
 *
 *   npm run demo-data -- [--events N | --dossiers N] [--out DIR] [--seed S] [--combined]
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
	DEMO_DEFAULTS,
	demoCsvChunks,
	dossiersPerYearFor,
	generateDemo,
	type DemoOptions
} from '../lib/demo';
import { demoSources, sourceCsv, sourceXlsx } from '../lib/demo/sources';

/** An error that ends the program with exit status 2 and one line on standard error. */
class UsageError extends Error {}

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

interface Arguments {
	options: DemoOptions;
	dir: string;
	combined: boolean;
	/** Also write the parties' own exports and their profiles (DIR/bronnen). */
	sources: boolean;
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value.replace(/_/g, ''));
	if (!Number.isSafeInteger(n) || n <= 0)
		throw new UsageError(`--${name} ${value} is geen positief geheel getal`);
	return n;
}

function parseArguments(argv: string[]): Arguments {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				events: { type: 'string' },
				dossiers: { type: 'string' },
				out: { type: 'string' },
				seed: { type: 'string' },
				combined: { type: 'boolean', default: false },
				bronnen: { type: 'boolean', default: false }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		throw new UsageError(`ongeldige argumenten: ${(error as Error).message}`);
	}
	const events = positiveInteger('events', values.events);
	const dossiers = positiveInteger('dossiers', values.dossiers);
	if (events !== undefined && dossiers !== undefined) {
		throw new UsageError('geef --events of --dossiers, niet allebei');
	}
	if ((events ?? dossiers) !== undefined && values.out === undefined) {
		throw new UsageError('een grote set vraagt --out MAP (data/ houdt de demoset)');
	}
	const seed = values.seed === undefined ? DEMO_DEFAULTS.seed : Number(values.seed);
	if (!Number.isInteger(seed)) throw new UsageError(`--seed ${values.seed} is geen geheel getal`);
	const period = { seed, from: DEMO_DEFAULTS.from, to: DEMO_DEFAULTS.to };
	const dossiersPerYear =
		events !== undefined
			? dossiersPerYearFor({ events }, period)
			: dossiers !== undefined
				? dossiersPerYearFor({ dossiers }, period)
				: DEMO_DEFAULTS.dossiersPerYear;
	return {
		options: { ...period, dossiersPerYear },
		dir: values.out ?? DATA_DIR,
		combined: values.combined,
		// The committed demo set always comes with its source exports; a large set on request.
		sources: values.bronnen || (events ?? dossiers) === undefined
	};
}

/** Opens a file for writing; its errors surface in `write` and `close`, never as an uncaught event. */
function open(path: string): WriteStream {
	const stream = createWriteStream(path);
	stream.on('error', () => {});
	return stream;
}

async function write(stream: WriteStream, text: string): Promise<void> {
	if (stream.errored) throw stream.errored;
	if (text !== '' && !stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
	stream.end();
	await finished(stream);
}

/** Streams the set into the directory; returns the files written and the numbers of dossiers and events. */
async function writeSet({ options, dir, combined }: Arguments) {
	await mkdir(dir, { recursive: true });
	const names = combined ? ['gecombineerd.csv'] : ['dossiers.csv', 'gebeurtenissen.csv'];
	const eventFile = open(join(dir, names.at(-1)!));
	const dossierFile = combined ? null : open(join(dir, names[0]!));
	let dossiers = 0;
	let events = 0;
	try {
		for (const chunk of demoCsvChunks(options, { combined })) {
			if (dossierFile) await write(dossierFile, chunk.dossiers);
			await write(eventFile, chunk.gebeurtenissen);
			dossiers += chunk.dossierRows;
			events += chunk.eventRows;
		}
	} finally {
		await Promise.all([eventFile, dossierFile].flatMap((f) => (f ? [close(f)] : [])));
	}
	return { names, dossiers, events };
}

/** Writes the parties' own exports of the demo set and their profiles into DIR/bronnen. */
async function writeSources(args: Arguments): Promise<string[]> {
	const dir = join(args.dir, 'bronnen');
	await mkdir(dir, { recursive: true });
	const written: string[] = [];
	for (const source of demoSources(generateDemo(args.options), args.options.seed)) {
		const bytes = source.format.kind === 'xlsx' ? await sourceXlsx(source) : sourceCsv(source);
		await writeFile(join(dir, source.file), bytes);
		await writeFile(join(dir, source.profileFile), JSON.stringify(source.profile, null, 2) + '\n');
		written.push(join('bronnen', source.file), join('bronnen', source.profileFile));
	}
	return written;
}

/** Writes the demo set the arguments ask for; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
	try {
		const started = performance.now();
		const args = parseArguments(argv);
		const { names, dossiers, events } = await writeSet(args);
		if (args.sources) names.push(...(await writeSources(args)));
		const seconds = (performance.now() - started) / 1000;
		const n = (x: number) => x.toLocaleString('nl-NL');
		process.stdout.write(
			`${names.map((name) => join(args.dir, name)).join(', ')}: ${n(dossiers)} dossiers, ` +
				`${n(events)} gebeurtenissen (seed ${args.options.seed}) in ${seconds.toFixed(2).replace('.', ',')} s\n`
		);
		return 0;
	} catch (error) {
		const message =
			error instanceof UsageError ? error.message : `onverwachte fout: ${(error as Error).message}`;
		process.stderr.write(`demo-data: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
		return 2;
	}
}

process.exitCode = await main(process.argv.slice(2));
