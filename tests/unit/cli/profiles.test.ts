/**
 * The command line with source profiles (source-profiles.md, "Command line"): the demo exports in
 * data/bronnen read through their profiles give exactly the figures of the exchange-format demo;
 * a party's pseudonymised exchange files combine with another party's export; a bad profile, a
 * missing column and a missing key end with one Dutch line and exit status 2.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from './run-evaluate';

const B = 'data/bronnen';
const KEY = ['--sleutel-bestand', `${B}/demo-sleutel.txt`];
const SOURCES = [
	['ymere.profiel.json', 'ymere-huurincasso.csv'],
	['pre-wonen.profiel.json', 'pre-wonen-huurincasso.xlsx'],
	['elan-wonen.profiel.json', 'elan-wonen-huurincasso.csv'],
	['sdv.profiel.json', 'sdv-activiteiten.csv'],
	['swt.profiel.json', 'swt-registraties.csv']
].flatMap(([p, f]) => ['--profiel', `${B}/${p}`, '--bron', `${B}/${f}`]);
const EXCHANGE = ['--dossiers', 'data/dossiers.csv', '--gebeurtenissen', 'data/gebeurtenissen.csv'];

const LONG = 300_000;

describe('npm run evaluate with --profiel and --bron', () => {
	it(
		'the demo exports through their profiles give the exchange-format demo figure for figure',
		async () => {
			const period = [
				'--van',
				'2014-11-01',
				'--tot',
				'2015-05-01',
				'--doelgroep',
				'gezin_met_kinderen'
			];
			const [viaProfiles, viaExchange] = await Promise.all([
				evaluate([...SOURCES, ...KEY, ...period]),
				evaluate([...EXCHANGE, ...period])
			]);
			expect(viaProfiles.stderr).toBe('');
			expect(viaProfiles.code).toBe(0);
			const a = JSON.parse(viaProfiles.stdout);
			const b = JSON.parse(viaExchange.stdout);
			expect(a.selectie).toEqual(b.selectie);
			expect(a.totaal).toEqual(b.totaal);
			expect(a.per_corporatie).toEqual(b.per_corporatie);
			// The May 2015 figures of data/README.md.
			expect(a.totaal.aanzeggingen).toBe(18);
			// Every event of the demo accepted; the activities the profiles skip are counted.
			expect(a.import.gebeurtenissen.geaccepteerd).toBe(b.import.gebeurtenissen.geaccepteerd);
			expect(a.import.gebeurtenissen.geweigerd).toBe(0);
			expect(a.import.gebeurtenissen.overgeslagen).toBeGreaterThan(0);
			expect(a.import.gebeurtenissen.gelezen).toBe(
				a.import.gebeurtenissen.geaccepteerd + a.import.gebeurtenissen.overgeslagen
			);
			expect(b.import.gebeurtenissen.overgeslagen).toBe(0);
			// The demo key's fingerprint (HMAC-SHA256(key, 'vingerafdruk'), worked out with Python's
			// hmac module); no fingerprint without a key.
			expect(a.import.sleutel_vingerafdruk).toBe('23daf949');
			expect(b.import).not.toHaveProperty('sleutel_vingerafdruk');
		},
		LONG
	);

	it(
		'a party’s pseudonymised exchange files combine with another party’s export',
		async () => {
			const dir = await mkdtemp(path.join(tmpdir(), 'uitwissel-'));
			const ymere = SOURCES.slice(0, 4);
			const written = await evaluate([
				...ymere,
				...KEY,
				'--format',
				'uitwisselformaat',
				'--out',
				dir
			]);
			expect(written.stderr).toBe('');
			const dossiers = await readFile(path.join(dir, 'dossiers.csv'), 'utf8');
			const events = await readFile(path.join(dir, 'gebeurtenissen.csv'), 'utf8');
			expect(dossiers.startsWith('\uFEFFdossier_id;corporatie;doelgroep;wijk\r\n')).toBe(true);
			expect(events.split('\r\n')[1]).toMatch(/^[0-9a-f]{32};\d{4}-\d{2}-\d{2};[a-z_0-9]+;/);
			// No contract number, name or postcode of the export in the files sent to the werkgroep.
			const ymereExport = await readFile(`${B}/ymere-huurincasso.csv`, 'utf8');
			const firstRow = ymereExport.split('\r\n')[1]!.split(';');
			for (const secret of firstRow.slice(0, 4)) expect(dossiers + events).not.toContain(secret);
			// Schulddienstverlening's own export, pseudonymised with the same key, finds those dossiers.
			const combined = await evaluate([
				'--dossiers',
				path.join(dir, 'dossiers.csv'),
				'--gebeurtenissen',
				path.join(dir, 'gebeurtenissen.csv'),
				...SOURCES.slice(12, 16),
				...KEY,
				'--van',
				'2015-01-01',
				'--tot',
				'2015-07-01',
				'--corporatie',
				'ymere'
			]);
			expect(combined.stderr).toBe('');
			const doc = JSON.parse(combined.stdout);
			expect(doc.import.gebeurtenissen.geweigerd).toBeGreaterThan(0); // other corporations' SDV rows
			const direct = JSON.parse(
				(
					await evaluate([
						...SOURCES.slice(0, 4),
						...SOURCES.slice(12, 16),
						...KEY,
						'--van',
						'2015-01-01',
						'--tot',
						'2015-07-01',
						'--corporatie',
						'ymere'
					])
				).stdout
			);
			expect(doc.totaal).toEqual(direct.totaal);
			expect(doc.totaal.meldingen_sdv).toBeGreaterThan(0);
		},
		LONG
	);

	it(
		'a bad profile, a missing column and a missing key: one Dutch line, exit status 2',
		async () => {
			const dir = await mkdtemp(path.join(tmpdir(), 'profiel-'));
			const bad = path.join(dir, 'fout.profiel.json');
			const profile = JSON.parse(await readFile(`${B}/sdv.profiel.json`, 'utf8'));
			await writeFile(bad, JSON.stringify({ ...profile, vorm: 'smal' }));
			const renamed = path.join(dir, 'sdv.csv');
			const text = await readFile(`${B}/sdv-activiteiten.csv`, 'utf8');
			await writeFile(renamed, text.replace(';Activiteit;', ';Handeling;'));
			const period = ['--van', '2015-01-01', '--tot', '2015-07-01'];
			const cases: [string[], RegExp][] = [
				[['--profiel', bad, '--bron', renamed, ...KEY, ...period], /‘vorm’/],
				[
					['--profiel', `${B}/sdv.profiel.json`, '--bron', renamed, ...KEY, ...period],
					/kolom ‘Activiteit’ uit profiel ‘Schulddienstverlening, activiteiten’ ontbreekt/
				],
				[SOURCES.slice(0, 4).concat(period), /--sleutel-bestand/]
			];
			const results = await Promise.all(cases.map(([args]) => evaluate(args)));
			results.forEach((r, i) => {
				expect(r.code).toBe(2);
				expect(r.stdout).toBe('');
				expect(r.stderr).toMatch(cases[i]![1]);
				expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
			});
		},
		LONG
	);
});
