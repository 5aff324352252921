/**
 * `npx tsx src/cli/bench-profiles.ts [--runs N] [--dossiers N]`: load time through source profiles
 * next to the exchange-format load of the same data, in Node on the real engine. Each figure is
 * import (decode, parse, profiles, pseudonymisation, validation) plus loading into DuckDB with the
 * derivations; the median of N runs, with min and max. Not a test: it measures, it asserts nothing.
 */
import { parseArgs } from 'node:util';
import { DEMO_DEFAULTS, dossiersPerYearFor, generateDemo, toCsv } from '../lib/demo';
import { demoSources, sourceCsv, sourceXlsx } from '../lib/demo/sources';
import { openNodeDatabase } from '../lib/db/node';
import { importSources, type SourceFile } from '../lib/import/pipeline';
import { validateProfile } from '../lib/import/profiles/format';
import { webCryptoPseudonymiser, type Pseudonymiser } from '../lib/import/profiles/pseudonym';
import { nodePseudonymiser } from '../lib/import/profiles/pseudonym-node';
import { loadData } from '../lib/metrics/load';

const KEY = 'demo-sleutel-werkgroep-haarlem-2015';
const encoder = new TextEncoder();

async function sets(dossiers: number | null) {
	const options =
		dossiers === null
			? DEMO_DEFAULTS
			: { ...DEMO_DEFAULTS, dossiersPerYear: dossiersPerYearFor({ dossiers }, DEMO_DEFAULTS) };
	const data = generateDemo(options);
	const csv = toCsv(data);
	const exchange: SourceFile[] = [
		{ name: 'dossiers.csv', bytes: encoder.encode(csv.dossiers) },
		{ name: 'gebeurtenissen.csv', bytes: encoder.encode(csv.gebeurtenissen) }
	];
	const sources: SourceFile[] = [];
	for (const s of demoSources(data, options.seed)) {
		const checked = validateProfile(s.profile);
		if (!checked.ok) throw new Error(checked.message);
		const bytes = s.format.kind === 'xlsx' ? await sourceXlsx(s) : encoder.encode(sourceCsv(s));
		sources.push({ name: s.file, bytes, profile: checked.profile });
	}
	const mb = (files: SourceFile[]) =>
		(files.reduce((n, f) => n + f.bytes.length, 0) / 1e6).toFixed(1);
	return { data, exchange, sources, mb };
}

async function time(files: SourceFile[], pseudonymiser: Pseudonymiser | null): Promise<number[]> {
	const db = await openNodeDatabase();
	try {
		const start = performance.now();
		const result = await importSources(files, { today: '2026-01-01', pseudonymiser });
		const imported = performance.now();
		if (result.refused.length > 0) throw new Error(result.refused[0]!.message);
		await loadData(db, result);
		const loaded = performance.now();
		return [imported - start, loaded - imported, loaded - start];
	} finally {
		await db.close();
	}
}

function summary(runs: number[][]): string {
	return [0, 1, 2]
		.map((i) => {
			const v = runs.map((r) => r[i]!).sort((a, b) => a - b);
			const med = v[Math.floor(v.length / 2)]!;
			return `${Math.round(med).toLocaleString('en')} [${Math.round(v[0]!)}–${Math.round(v.at(-1)!)}]`;
		})
		.join(' | ');
}

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		dossiers: { type: 'string', default: '150000' }
	}
});
const runs = Number(values.runs);
console.log('| set | input | import ms | DuckDB load ms | total ms (median [min–max]) |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const size of [null, Number(values.dossiers)]) {
	const { data, exchange, sources, mb } = await sets(size);
	const label = `${data.dossiers.length.toLocaleString('en')} dossiers, ${data.events.length.toLocaleString('en')} events`;
	const cases: [string, SourceFile[], () => Promise<Pseudonymiser | null>][] = [
		['exchange format (2 CSV)', exchange, async () => null],
		['5 exports through profiles, node:crypto', sources, async () => nodePseudonymiser(KEY)],
		['5 exports through profiles, Web Crypto', sources, () => webCryptoPseudonymiser(KEY)]
	];
	for (const [name, files, pseudonymiser] of cases) {
		const measured: number[][] = [];
		for (let i = 0; i < (size === null ? runs : Math.min(runs, 2)); i++)
			measured.push(await time(files, await pseudonymiser()));
		console.log(`| ${label} | ${name} (${mb(files)} MB) | ${summary(measured)} |`);
	}
}
