/**
 * `npm run evaluate -- --voorstel --bron F [--bron F]... [--out FILE]`: a suggested source profile
 * for each party's own export (source-profiles.md, "Suggestions"), as a JSON array in the order of
 * the `--bron` arguments: `{"bron": name, "profiel": PROFILE, "open": [Dutch sentences]}`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { fileTable } from '../lib/import/profiles/match';
import { suggestProfile, type ProfileSuggestion } from '../lib/import/profiles/suggest';

/** What `--voorstel --help` prints. */
const USAGE = `Gebruik: npm run evaluate -- --voorstel --bron BESTAND [--bron BESTAND]... [--out BESTAND]

Stelt voor elke eigen export (.csv of .xlsx) een bronprofiel voor, met in "open" wat u nog
zelf moet kiezen. Schrijft een JSON-lijst, één element per --bron, in dezelfde volgorde.

  --bron BESTAND   export van een partij; herhaal voor meer bestanden
  --out BESTAND    schrijf naar een bestand in plaats van naar standaarduitvoer
`;

/** One element of the output. */
export interface SuggestionEntry {
	bron: string;
	profiel: ProfileSuggestion['profiel'];
	open: string[];
}

/** True when the arguments ask for suggestions (`--voorstel`). */
export function wantsSuggestions(argv: readonly string[]): boolean {
	return argv.includes('--voorstel');
}

class UsageError extends Error {}

/** The suggestion for one file; a file that cannot be read as a table ends the program. */
async function suggestFile(path: string): Promise<SuggestionEntry> {
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await readFile(path));
	} catch (error) {
		throw new UsageError(
			`kan ${path} niet lezen: ${(error as NodeJS.ErrnoException).code ?? error}`
		);
	}
	const read = fileTable(bytes);
	if (read === null || read.table.header.every((h) => h.trim() === ''))
		throw new UsageError(`${path} is geen tabel (CSV of .xlsx) met een kopregel`);
	const name = basename(path);
	const { profiel, open } = suggestProfile({
		fileName: name,
		header: read.table.header,
		rows: read.table.rows.map((r) => r.fields),
		fromWorkbook: read.sheets !== null,
		sheet: read.sheet
	});
	return { bron: name, profiel, open };
}

/** Runs `--voorstel`; returns the exit status (0, or 2 with one Dutch line on standard error). */
export async function runSuggestions(argv: string[]): Promise<number> {
	try {
		let values;
		try {
			({ values } = parseArgs({
				args: argv,
				options: {
					voorstel: { type: 'boolean' },
					bron: { type: 'string', multiple: true },
					out: { type: 'string' },
					help: { type: 'boolean', short: 'h' }
				},
				strict: true,
				allowPositionals: false
			}));
		} catch (error) {
			throw new UsageError(
				`--voorstel gaat alleen samen met --bron BESTAND en --out BESTAND (${(error as Error).message})`
			);
		}
		if (values.help) {
			process.stdout.write(USAGE);
			return 0;
		}
		const sources = values.bron ?? [];
		if (sources.length === 0)
			throw new UsageError('--voorstel vraagt een of meer --bron BESTAND (.csv of .xlsx)');
		const entries: SuggestionEntry[] = [];
		for (const path of sources) entries.push(await suggestFile(path));
		const text = JSON.stringify(entries, null, 2) + '\n';
		if (values.out) await writeFile(values.out, text);
		else process.stdout.write(text);
		return 0;
	} catch (error) {
		const message =
			error instanceof UsageError ? error.message : `onverwachte fout: ${(error as Error).message}`;
		process.stderr.write(`evaluate: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
		return 2;
	}
}
