/**
 * The peer pipeline: a plain page that does what a generic DuckDB-WASM tool does with two CSV
 * files, as the yardstick for the dashboard's load. The engine (worker + wasm) starts with the
 * page, before the file pick, as the dashboard's does (it loaded the demo first). On the pick it
 * registers both files as buffers, reads each with read_csv (auto-detect) into a table and runs
 * one GROUP BY: events per corporation and half-year. The page keeps the time from the `change`
 * event to the result rows in JS in `window.__peer.done`.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The duckdb-wasm files the page needs (the eh bundle; duckdb-browser.mjs imports only apache-arrow). */
const DUCKDB_FILES = ['duckdb-browser.mjs', 'duckdb-browser-eh.worker.js', 'duckdb-eh.wasm'];
/** apache-arrow's UMD build: it sets `window.Arrow`; arrow.mjs re-exports it as a module. */
const ARROW_FILE = 'Arrow.es2015.min.js';

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; worker-src 'self'">
<title>DuckDB-WASM peer</title>
<script type="importmap">{ "imports": { "apache-arrow": "./arrow.mjs" } }</script>
<script src="./${ARROW_FILE}"></script>
<script type="module" src="./peer.mjs"></script>
</head>
<body>
<input type="file" multiple>
<pre id="out"></pre>
</body>
</html>
`;

const SCRIPT = `import * as duckdb from './duckdb-browser.mjs';

const peer = (window.__peer = { ready: false, done: null, error: null });
const out = document.getElementById('out');
try {
	const worker = new Worker('./duckdb-browser-eh.worker.js');
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(new URL('./duckdb-eh.wasm', location.href).href);
	await db.open({});
	const conn = await db.connect();
	// Without network an extension autoload hangs: switch it off before any query.
	await conn.query('SET autoload_known_extensions = false');
	await conn.query('SET autoinstall_known_extensions = false');

	document.querySelector('input').addEventListener('change', async (event) => {
		const started = performance.now();
		try {
			const files = [...event.target.files];
			const named = (prefix) => files.find((f) => f.name.startsWith(prefix)).name;
			for (const file of files) {
				await db.registerFileBuffer(file.name, new Uint8Array(await file.arrayBuffer()));
			}
			await conn.query(
				"CREATE OR REPLACE TABLE dossiers AS SELECT * FROM read_csv('" + named('dossiers') + "')"
			);
			await conn.query(
				"CREATE OR REPLACE TABLE gebeurtenissen AS SELECT * FROM read_csv('" + named('gebeurtenissen') + "')"
			);
			const result = await conn.query(\`
				SELECT d.corporatie, year(g.datum) AS jaar,
					CASE WHEN month(g.datum) <= 6 THEN 1 ELSE 2 END AS halfjaar,
					count(*) AS gebeurtenissen
				FROM gebeurtenissen g JOIN dossiers d ON d.dossier_id = g.dossier_id
				GROUP BY ALL ORDER BY ALL\`);
			const rows = result.toArray().map((row) => row.toJSON());
			const ms = performance.now() - started;
			const events = rows.reduce((sum, row) => sum + Number(row.gebeurtenissen), 0);
			peer.done = { ms, groups: rows.length, events };
			out.textContent = JSON.stringify(peer.done);
		} catch (error) {
			peer.error = String(error && error.message ? error.message : error);
		}
	});
	peer.ready = true;
	document.documentElement.dataset.state = 'ready';
} catch (error) {
	peer.error = String(error && error.message ? error.message : error);
}
`;

/** Writes the peer page and copies of the duckdb-wasm and apache-arrow files into `dir`. */
export async function writePeerSite(dir: string): Promise<void> {
	await mkdir(dir, { recursive: true });
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser.mjs'));
	const arrowDir = dirname(require.resolve('apache-arrow'));
	for (const file of DUCKDB_FILES) await copyFile(join(dist, file), join(dir, file));
	await copyFile(join(arrowDir, ARROW_FILE), join(dir, ARROW_FILE));
	const names = Object.keys(await import('apache-arrow')).filter((n) =>
		/^[A-Za-z_$][\w$]*$/.test(n)
	);
	const shim =
		'const Arrow = globalThis.Arrow;\n' +
		names.map((n) => `export const ${n} = Arrow.${n};`).join('\n') +
		'\nexport default Arrow;\n';
	await writeFile(join(dir, 'arrow.mjs'), shim);
	await writeFile(join(dir, 'peer.mjs'), SCRIPT);
	await writeFile(join(dir, 'index.html'), HTML);
}
