/**
 * Outside CSV corpora (tests/fixtures/outside/): a sample of DuckDB's data/csv test files and
 * inputs from PapaParse's tests/test-cases.js. Every file is imported three ways: as it is, and
 * with an exchange header (events; dossiers) put before its lines so that its records reach row
 * validation. None may throw; a loaded file's accounting must balance exactly, and `gelezen` must
 * equal an independent count of physical non-blank data records (./record-count.ts).
 *
 * Result (2026-12-01; per file in tests/fixtures/outside/README.md; print with OUTSIDE_SUMMARY=1):
 * | corpus | variant | files | loaded | refused | rows read | rejected rows |
 * |---|---|---|---|---|---|---|
 * | duckdb | as is | 27 | 0 | 27 | 0 | 0 |
 * | duckdb | gebeurtenissen | 27 | 26 | 1 | 6630 | 6630 |
 * | duckdb | dossiers | 27 | 26 | 1 | 6629 | 6629 |
 * | papaparse | as is | 14 | 0 | 14 | 0 | 0 |
 * | papaparse | gebeurtenissen | 14 | 14 | 0 | 22 | 22 |
 * | papaparse | dossiers | 14 | 14 | 0 | 21 | 21 |
 * As is, all 41 are refused (no exchange header). Accounting held on every loaded file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { detectDelimiter } from '../../../src/lib/import/parse';
import type { ImportResult } from '../../../src/lib/import/types';
import { countRecords } from './record-count';

const ROOT = join(import.meta.dirname, '../../fixtures/outside');
const SOURCES = ['duckdb', 'papaparse'] as const;
const HEADERS = {
	gebeurtenissen: ['dossier_id', 'datum', 'gebeurtenis'],
	dossiers: ['dossier_id', 'corporatie', 'doelgroep', 'wijk']
} as const;
type Variant = 'as is' | keyof typeof HEADERS;
const VARIANTS: readonly Variant[] = ['as is', 'gebeurtenissen', 'dossiers'];

interface Line {
	file: string;
	variant: Variant;
	outcome: string;
	gelezen: number;
	geweigerd: number;
}
const summary: Line[] = [];

const files = SOURCES.flatMap((source) =>
	readdirSync(join(ROOT, source))
		.filter((name) => /\.(csv|tsv)$/.test(name))
		.sort()
		.map((name) => ({
			source,
			name,
			bytes: new Uint8Array(readFileSync(join(ROOT, source, name)))
		}))
);

/** The bytes with an exchange header line before them, in the file's own delimiter. */
function withHeader(bytes: Uint8Array, variant: keyof typeof HEADERS): Uint8Array {
	const delimiter = detectDelimiter(Buffer.from(bytes).toString('latin1'));
	const head = new TextEncoder().encode(HEADERS[variant].join(delimiter) + '\n');
	const out = new Uint8Array(head.length + bytes.length);
	out.set(head);
	out.set(bytes, head.length);
	return out;
}

function checkLoaded(
	result: ImportResult,
	bytes: Uint8Array
): { gelezen: number; geweigerd: number } {
	expect(result.files.length + result.refused.length).toBeGreaterThanOrEqual(1);
	let gelezen = 0;
	let geweigerd = 0;
	for (const f of result.files) {
		const c = f.counts;
		expect(c.gelezen).toBe(c.geaccepteerd + c.dubbel + c.geweigerd + c.overgeslagen);
		expect(f.rejected).toHaveLength(c.geweigerd);
		expect(f.duplicates).toHaveLength(c.dubbel);
		// Positions of quotes, delimiters and line ends are the same in every decoding of ASCII.
		expect(c.gelezen).toBe(countRecords(Buffer.from(bytes).toString('latin1'), f.delimiter));
		gelezen += c.gelezen;
		geweigerd += c.geweigerd;
	}
	return { gelezen, geweigerd };
}

describe('outside CSV corpora', () => {
	it('holds a sample of both corpora', () => {
		expect(files.filter((f) => f.source === 'duckdb').length).toBeGreaterThanOrEqual(25);
		expect(files.filter((f) => f.source === 'papaparse').length).toBeGreaterThanOrEqual(10);
	});

	for (const f of files) {
		for (const variant of VARIANTS) {
			it(`${f.source}/${f.name} (${variant}): no throw, exact accounting`, () => {
				const bytes = variant === 'as is' ? f.bytes : withHeader(f.bytes, variant);
				let result: ImportResult | undefined;
				expect(() => {
					result = importFiles([{ name: f.name, bytes }], { today: '2020-01-01' });
				}).not.toThrow();
				const { gelezen, geweigerd } = checkLoaded(result!, bytes);
				const refused = result!.refused[0];
				if (variant !== 'as is') expect(result!.files.length + result!.refused.length).toBe(1);
				summary.push({
					file: `${f.source}/${f.name}`,
					variant,
					outcome: refused ? `refused ${refused.code}` : 'loaded',
					gelezen,
					geweigerd
				});
			});
		}
	}

	afterAll(() => {
		const rows = summary.sort((a, b) => (a.file + a.variant).localeCompare(b.file + b.variant));
		const lines = rows.map(
			(r) => `${r.file} | ${r.variant} | ${r.outcome} | ${r.gelezen} | ${r.geweigerd}`
		);
		for (const variant of VARIANTS)
			for (const source of SOURCES) {
				const of = rows.filter((r) => r.variant === variant && r.file.startsWith(source + '/'));
				const loaded = of.filter((r) => r.outcome === 'loaded');
				lines.push(
					`TOTAL ${source} ${variant}: files ${of.length}, loaded ${loaded.length}, refused ${of.length - loaded.length}, gelezen ${loaded.reduce((s, r) => s + r.gelezen, 0)}, rejected rows ${loaded.reduce((s, r) => s + r.geweigerd, 0)}`
				);
			}
		if (process.env.OUTSIDE_SUMMARY) console.log(lines.join('\n'));
	});
});
