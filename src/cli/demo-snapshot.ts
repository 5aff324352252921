/**
 * Writes the demo's first view into the built site (src/lib/metrics/snapshot.ts): the demo's case
 * files through the page's import (`importSources`, with the demo's fictitious key as the page's
 * worker uses it) into DuckDB-WASM in Node, then the dashboard's figures of the default
 * selection. Runs at the end of `vite build` (vite.config.ts), before the copies are compressed.
 *
 *   tsx src/cli/demo-snapshot.ts [dir]     (default: build)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabase } from '../lib/db/node';
import { computeSnapshot, SNAPSHOT_FILE, type DemoSnapshot } from '../lib/metrics/snapshot';
import { todayInAmsterdam } from '../lib/domain/dates';
import { importSources, reportOf } from '../lib/import/pipeline';
import { nodePseudonymiser } from '../lib/import/profiles/pseudonym-node';
import { loadData } from '../lib/metrics/load';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** The snapshot of the demo files in data/ (named as the page names them when it loads them). */
export async function demoSnapshot(today = todayInAmsterdam()): Promise<DemoSnapshot> {
	const files = await Promise.all(
		['dossiers', 'gebeurtenissen'].map(async (name) => ({
			name: `demo-${name}.csv`,
			bytes: new Uint8Array(await readFile(join(DATA_DIR, `${name}.csv`)))
		}))
	);
	const key = (await readFile(join(DATA_DIR, 'bronnen', 'demo-sleutel.txt'), 'utf8')).trim();
	const result = await importSources(files, { today, pseudonymiser: nodePseudonymiser(key) });
	const report = reportOf(result);
	if (report.refused.length > 0)
		throw new Error(`demodata geweigerd: ${report.refused[0]!.message}`);
	const db = await openNodeDatabase();
	try {
		await loadData(db, result);
		await db.lock();
		return await computeSnapshot(db, report, today);
	} finally {
		await db.close();
	}
}

/** Writes the snapshot into `dir` (the built site); returns its path. */
export async function writeDemoSnapshot(dir: string): Promise<string> {
	const path = join(dir, SNAPSHOT_FILE);
	await writeFile(path, JSON.stringify(await demoSnapshot()));
	return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const dir = process.argv[2] ?? 'build';
	writeDemoSnapshot(dir).then(
		(path) => console.log(`demo: eerste scherm vooraf berekend in ${path}`),
		(error) => {
			console.error(`demo-snapshot: ${(error as Error).message}`);
			process.exit(1);
		}
	);
}
