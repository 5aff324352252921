/** The benchmark's exchange files: demo sets of a given size, generated once into bench-cache/. */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A demo set on disk. */
export interface DataSet {
	/** The size asked for (about this many events). */
	size: number;
	dossiers: string;
	gebeurtenissen: string;
	/** The number of event rows actually in the file. */
	events: number;
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
 * The set of about `size` events in `cache/<size>/`, made with `npm run demo-data` when missing
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
	if (!existsSync(dossiers) || !existsSync(gebeurtenissen)) {
		log(`generating ${size.toLocaleString('en-US')} events into ${dir}`);
		const temporary = `${dir}.tmp`;
		await rm(temporary, { recursive: true, force: true });
		const { stdout } = await run(
			join(root, 'node_modules/.bin/tsx'),
			['src/cli/demo-data.ts', '--events', String(size), '--out', temporary],
			{ cwd: root }
		);
		log(stdout.trim());
		await rm(dir, { recursive: true, force: true });
		await rename(temporary, dir);
	}
	return { size, dossiers, gebeurtenissen, events: await countRows(gebeurtenissen) };
}
