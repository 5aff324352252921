/** The benchmark's exchange files: demo sets of a given size, generated once into bench-cache/. */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The largest set that also gets the parties' own exports. */
const SOURCES_UP_TO = 1_000_000;

/** A demo set on disk. */
export interface DataSet {
	/** The size asked for (about this many events). */
	size: number;
	dossiers: string;
	gebeurtenissen: string;
	/** The number of event rows actually in the file. */
	events: number;
	/** The same data as the parties' own exports (five files) and their profiles (bronnen/); none above a million events. */
	sources: string[];
}

/** Counts the data lines of a CSV file (lines after the header). */
export async function countRows(path: string): Promise<number> {
	let lines = 0;
	let last = 10;
	for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
		for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
		last = chunk.at(-1) ?? last;
	}
	return lines - 1 + (last === 10 ? 0 : 1);
}

/**
 * The set of about `size` events in `cache/<size>/`, with the same data as the parties' own
 * exports in `cache/<size>/bronnen/`, made with `npm run demo-data -- --bronnen` when missing
 * (into a temporary folder first, so an interrupted run leaves no half set behind).
 */
export async function ensureDataSet(
	root: string,
	cache: string,
	size: number,
	log: (line: string) => void
): Promise<DataSet> {
	const dir = join(cache, String(size));
	const dossiers = join(dir, 'dossiers.csv');
	const gebeurtenissen = join(dir, 'gebeurtenissen.csv');
	const bronnen = join(dir, 'bronnen');
	// The parties' own exports only up to a million events (beyond that the tab refuses the
	// exchange files already, and one of the exports is a workbook).
	const withSources = size <= SOURCES_UP_TO;
	if (
		!existsSync(dossiers) ||
		!existsSync(gebeurtenissen) ||
		(withSources && !existsSync(bronnen))
	) {
		log(`generating ${size.toLocaleString('en-US')} events into ${dir}`);
		const temporary = `${dir}.tmp`;
		await rm(temporary, { recursive: true, force: true });
		const { stdout } = await run(
			join(root, 'node_modules/.bin/tsx'),
			[
				'src/cli/demo-data.ts',
				'--events',
				String(size),
				'--out',
				temporary,
				...(withSources ? ['--bronnen'] : [])
			],
			{ cwd: root }
		);
		log(stdout.trim());
		await rm(dir, { recursive: true, force: true });
		await rename(temporary, dir);
	}
	const sources = withSources
		? (await readdir(bronnen)).sort().map((name) => join(bronnen, name))
		: [];
	return { size, dossiers, gebeurtenissen, events: await countRows(gebeurtenissen), sources };
}
