/**
 * The metric SQL on three engines: DuckDB-WASM in Node (the blocking build, one thread, the
 * engine of the CLI and the unit tests) and native DuckDB 1.4.3 with one thread and with all.
 * Each engine gets the same tables through the project's own loadArrow (native through the
 * appender, see src/lib/db/native.ts); a run is DERIVE_SQL followed by the queries of the dashboard's
 * default view (computeDashboard: selection per corporation and doelgroep, previous period,
 * half-year trend). Loading is not timed; the derive inside loadArrow is an untimed warm-up.
 *
 * Run as a child process per size, so that running out of memory ends only that size:
 *
 *     tsx src/cli/bench/sql.ts --dossiers F --gebeurtenissen F --runs N
 *
 * prints one JSON line: `{ "sql_wasm": { "samples": [...] } | { "error": "..." }, ... }`.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Database } from '../../lib/db/database';
import { openNodeDatabase } from '../../lib/db/node';
import { importFiles } from '../../lib/import';
import { rowsToArrow, type ArrowData } from '../../lib/db/arrow';
import { computeDashboard } from '../../lib/metrics/dashboard';
import { dataExtent, defaultSelection } from '../../lib/metrics/selection';
import { loadArrow } from '../../lib/metrics/load';
import { DERIVE_SQL } from '../../lib/metrics/schema';
import { todayInAmsterdam } from '../../lib/domain/dates';
import { openNativeDatabase } from '../../lib/db/native';

/** The engines, in the order they run. */
export const SQL_ENGINES = {
	sql_wasm: () => openNodeDatabase(),
	sql_native_1t: () => openNativeDatabase({ threads: 1 }),
	sql_native_all: () => openNativeDatabase({ threads: availableParallelism() })
} as const;

export type SqlFigure = keyof typeof SQL_ENGINES;
export type SqlOutcome = { samples: number[] } | { error: string };

/** Reads and imports the two files with the project's importer, as the page's worker does. */
async function importSet(
	dossiers: string,
	gebeurtenissen: string,
	log?: (line: string) => void
): Promise<ArrowData> {
	const files = await Promise.all(
		[dossiers, gebeurtenissen].map(async (name) => ({
			name,
			bytes: new Uint8Array(await readFile(name))
		}))
	);
	let started = performance.now();
	const result = importFiles(files, { today: todayInAmsterdam() });
	if (result.refused.length > 0) throw new Error(result.refused[0]!.message);
	const importMs = performance.now() - started;
	started = performance.now();
	const arrow = rowsToArrow(result.dossiers, result.events);
	log?.(
		`untimed: importFiles ${importMs.toFixed(0)} ms, rowsToArrow ` +
			`${(performance.now() - started).toFixed(0)} ms (Node, main thread)`
	);
	return arrow;
}

/** Loads the data into a fresh engine and times `runs` rounds of derive + dashboard queries. */
async function timeEngine(open: () => Promise<Database>, arrow: ArrowData, runs: number) {
	const db = await open();
	try {
		const started = performance.now();
		await loadArrow(db, arrow);
		const loadMs = performance.now() - started;
		const extent = await dataExtent(db);
		const selection = defaultSelection(extent);
		const samples: number[] = [];
		for (let i = 0; i < runs; i++) {
			const started = performance.now();
			await db.exec(DERIVE_SQL);
			await computeDashboard(db, selection, extent);
			samples.push(performance.now() - started);
		}
		return { samples, loadMs };
	} finally {
		await db.close();
	}
}

/** Times every engine on one set; an engine that fails is reported, the others still run. */
export async function measureSql(options: {
	dossiers: string;
	gebeurtenissen: string;
	runs: number;
	log?: (line: string) => void;
}): Promise<Record<SqlFigure, SqlOutcome>> {
	const arrow = await importSet(options.dossiers, options.gebeurtenissen, options.log);
	const outcomes = {} as Record<SqlFigure, SqlOutcome>;
	for (const [figure, open] of Object.entries(SQL_ENGINES) as [
		SqlFigure,
		() => Promise<Database>
	][]) {
		try {
			const { samples, loadMs } = await timeEngine(open, arrow, options.runs);
			options.log?.(
				`${figure}: ${samples.map((s) => s.toFixed(0)).join(', ')} ms ` +
					`(untimed loadArrow incl. first derive: ${loadMs.toFixed(0)} ms)`
			);
			outcomes[figure] = { samples };
		} catch (error) {
			outcomes[figure] = { error: (error as Error).message ?? String(error) };
			options.log?.(`${figure}: ${outcomes[figure].error}`);
		}
	}
	return outcomes;
}

async function main(argv: string[]): Promise<void> {
	const { values } = parseArgs({
		args: argv,
		options: {
			dossiers: { type: 'string' },
			gebeurtenissen: { type: 'string' },
			runs: { type: 'string', default: '5' }
		},
		strict: true
	});
	if (!values.dossiers || !values.gebeurtenissen) {
		throw new Error('gebruik: sql.ts --dossiers F --gebeurtenissen F [--runs N]');
	}
	const outcomes = await measureSql({
		dossiers: values.dossiers,
		gebeurtenissen: values.gebeurtenissen,
		runs: Number(values.runs),
		log: (line) => process.stderr.write(`  ${line}\n`)
	});
	process.stdout.write(JSON.stringify(outcomes) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main(process.argv.slice(2)).catch((error: Error) => {
		process.stderr.write(`sql: ${error.message}\n`);
		process.exit(2);
	});
}
