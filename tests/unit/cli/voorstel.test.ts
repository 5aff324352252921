/**
 * `npm run evaluate -- --voorstel --bron F ... [--out FILE]` (source-profiles.md, "Suggestions"):
 * one entry per --bron in order, a profile that parseProfile accepts when the corporation is known,
 * exit 2 with a Dutch line for unusable arguments; and the warning on standard error for a wide
 * profile without achterstand_1m.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../../src/lib/import/profiles/format';
import { evaluate } from './run-evaluate';

const LONG = 120_000;

describe('npm run evaluate -- --voorstel', () => {
	it(
		'one entry per --bron, in order, with a valid profile and what is open',
		async () => {
			const result = await evaluate([
				'--voorstel',
				'--bron',
				'tests/fixtures/suggest/kredietbank-activiteiten.csv',
				'--bron',
				'data/bronnen/ymere-huurincasso.csv',
				'--bron',
				'tests/fixtures/suggest/Ymere_export_tobias.csv'
			]);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			const entries = JSON.parse(result.stdout);
			expect(entries.map((e: { bron: string }) => e.bron)).toEqual([
				'kredietbank-activiteiten.csv',
				'ymere-huurincasso.csv',
				'Ymere_export_tobias.csv'
			]);
			for (const e of entries) {
				expect(Object.keys(e)).toEqual(['bron', 'profiel', 'open']);
				expect(parseProfile(JSON.stringify(e.profiel)).ok).toBe(true);
			}
			expect(entries[0].open).toEqual([
				'Het label ‘Intake gepland’ in kolom ‘Actie’ is niet gekoppeld.',
				'Het label ‘Dossier gesloten’ in kolom ‘Actie’ is niet gekoppeld.'
			]);
			expect(entries[1].open).toEqual([]);
			expect(entries[1].profiel.corporatie).toEqual({ waarde: 'Ymere' });
			expect(entries[2].open).toContain(
				'Het label ‘65’ in kolom ‘HuishoudSamenstelling’ is niet gekoppeld.'
			);
		},
		LONG
	);

	it(
		'--out writes the same array to a file; a file without a corporation gets an empty one',
		async () => {
			const dir = await mkdtemp(path.join(tmpdir(), 'voorstel-'));
			const source = path.join(dir, 'export.csv');
			await writeFile(
				source,
				'Contractnummer;Huishoudtype;Datum 1 mnd achterstand\nC-1;Gezin;01-03-2015\n'
			);
			const out = path.join(dir, 'voorstel.json');
			const result = await evaluate(['--voorstel', '--bron', source, '--out', out]);
			expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
			const [entry] = JSON.parse(await readFile(out, 'utf8'));
			expect(entry.bron).toBe('export.csv');
			expect(entry.profiel.corporatie).toEqual({ waarde: '' });
			expect(entry.open).toEqual([
				'Uit het bestand en de bestandsnaam is niet op te maken van welke corporatie de export is; vul de corporatie in.'
			]);
		},
		LONG
	);

	it(
		'--voorstel --help prints its usage',
		async () => {
			const result = await evaluate(['--voorstel', '--help']);
			expect(result).toMatchObject({ code: 0, stderr: '' });
			expect(result.stdout).toMatch(/^Gebruik: npm run evaluate -- --voorstel --bron BESTAND/);
		},
		LONG
	);

	it.each([
		[['--voorstel'], 'evaluate: --voorstel vraagt een of meer --bron BESTAND (.csv of .xlsx)\n'],
		[
			['--voorstel', '--bron', 'bestaat-niet.csv'],
			'evaluate: kan bestaat-niet.csv niet lezen: ENOENT\n'
		],
		[
			['--voorstel', '--bron', 'data/bronnen/ymere-huurincasso.csv', '--van', '2015-01-01'],
			/^evaluate: --voorstel gaat alleen samen met --bron BESTAND en --out BESTAND/
		]
	])(
		'%o: exit 2 with one Dutch line',
		async (args, message) => {
			const result = await evaluate(args);
			expect(result.code).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(message);
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
		},
		LONG
	);

	it(
		'a wide profile without achterstand_1m is loaded and named in a warning on stderr',
		async () => {
			const dir = await mkdtemp(path.join(tmpdir(), 'verplicht-'));
			const profile = path.join(dir, 'ymere-zonder-signaal.profiel.json');
			const ymere = JSON.parse(await readFile('data/bronnen/ymere.profiel.json', 'utf8'));
			ymere.naam = 'Ymere zonder signaal';
			ymere.gebeurtenissen = ymere.gebeurtenissen.filter(
				(e: { gebeurtenis: string }) => e.gebeurtenis !== 'achterstand_1m'
			);
			await writeFile(profile, JSON.stringify(ymere));
			const result = await evaluate([
				'--profiel',
				profile,
				'--bron',
				'data/bronnen/ymere-huurincasso.csv',
				'--sleutel-bestand',
				'data/bronnen/demo-sleutel.txt',
				'--van',
				'2014-01-01',
				'--tot',
				'2016-01-01'
			]);
			expect(result.code).toBe(0);
			expect(result.stderr).toBe(
				`evaluate: ${profile}: Let op: profiel ‘Ymere zonder signaal’ koppelt geen kolom aan ‘1 maand huurachterstand’ (achterstand_1m); dit bestand telt geen signalen.\n`
			);
			expect(JSON.parse(result.stdout).totaal.signalen).toBe(0);
		},
		LONG
	);
});
