/**
 * The command line with a profile that maps `adres` (ddas-schuldhulpverlening.md, "The chain"):
 * `--format uitwisselformaat` writes the dossiers' `adres_sleutel` (the spec's test vectors) and
 * nothing of the address; the files read back give the same keys and the same figures; without a
 * key the profile ends the program with one Dutch line.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { evaluate } from './run-evaluate';

const KEY = 'werkgroep-haarlem-2015-evaluatie';
const K1 = '4fb8234058cac101594025b34c6476f8';
const K2 = '168a1b435661b79565def24c4e1e5767';
const LONG = 300_000;

const PROFILE = {
	formaat: 'huisuitzettingen-bronprofiel/1',
	naam: 'Ymere met adres',
	vorm: 'breed',
	dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: true },
	corporatie: { waarde: 'Ymere' },
	doelgroep: { waarde: 'senior' },
	adres: { postcode: 'Postcode', huisnummer: 'Huisnummer', toevoeging: 'Toevoeging' },
	gebeurtenissen: [
		{ gebeurtenis: 'achterstand_1m', kolom: 'Achterstand' },
		{ gebeurtenis: 'vonnis', kolom: 'Vonnis' }
	]
};

/** Three dossiers: the spec's two addresses, and one without a postcode (no key, a warning). */
const SOURCE = [
	'Huurcontractnummer;Postcode;Huisnummer;Toevoeging;Achterstand;Vonnis',
	'YM-0001234;2011 rd;12;a;2015-03-01;2015-06-01',
	'YM-0001235;2011RD;12;;2015-03-15;',
	'YM-0001236;;14;;2015-04-01;2015-07-01'
].join('\r\n');

async function setUp() {
	const dir = await mkdtemp(path.join(tmpdir(), 'adres-'));
	const profile = path.join(dir, 'ymere.profiel.json');
	const source = path.join(dir, 'ymere.csv');
	const key = path.join(dir, 'sleutel.txt');
	await writeFile(profile, JSON.stringify(PROFILE));
	await writeFile(source, SOURCE);
	await writeFile(key, `${KEY}\n`);
	return { dir, profile, source, key };
}

describe('npm run evaluate with a profile that maps adres', () => {
	it(
		'uitwisselformaat carries the address keys and no address; read back: same keys, same figures',
		async () => {
			const { dir, profile, source, key } = await setUp();
			const out = path.join(dir, 'uit');
			const sources = ['--profiel', profile, '--bron', source, '--sleutel-bestand', key];
			const written = await evaluate([...sources, '--format', 'uitwisselformaat', '--out', out]);
			expect(written.stderr).toBe('');
			expect(written.code).toBe(0);
			const dossiers = await readFile(path.join(out, 'dossiers.csv'), 'utf8');
			const events = await readFile(path.join(out, 'gebeurtenissen.csv'), 'utf8');
			const lines = dossiers.split('\r\n');
			expect(lines[0]).toBe('\uFEFFdossier_id;corporatie;doelgroep;wijk;adres_sleutel');
			expect(lines.pop()).toBe('');
			expect(lines.slice(1).map((l) => l.split(';').slice(1))).toEqual([
				['ymere', 'senior', '', K1],
				['ymere', 'senior', '', K2],
				['ymere', 'senior', '', '']
			]);
			for (const raw of ['2011', 'YM-', 'Postcode', 'Huisnummer']) {
				expect(dossiers).not.toContain(raw);
				expect(events).not.toContain(raw);
			}

			const back = importFiles(
				[
					{ name: 'dossiers.csv', bytes: new TextEncoder().encode(dossiers) },
					{ name: 'gebeurtenissen.csv', bytes: new TextEncoder().encode(events) }
				],
				{ today: '2026-01-01' }
			);
			expect(back.refused).toEqual([]);
			expect(back.dossiers.map((d) => d.adres_sleutel ?? null)).toEqual([K1, K2, null]);

			const period = ['--van', '2015-01-01', '--tot', '2016-01-01'];
			const [viaProfile, viaExchange] = await Promise.all([
				evaluate([...sources, ...period]),
				evaluate([
					'--dossiers',
					path.join(out, 'dossiers.csv'),
					'--gebeurtenissen',
					path.join(out, 'gebeurtenissen.csv'),
					...period
				])
			]);
			expect(viaProfile.code).toBe(0);
			expect(viaExchange.code).toBe(0);
			for (const raw of ['2011', 'YM-']) expect(viaProfile.stdout).not.toContain(raw);
			const a = JSON.parse(viaProfile.stdout);
			const b = JSON.parse(viaExchange.stdout);
			expect(a.totaal).toEqual(b.totaal);
			expect(a.per_corporatie).toEqual(b.per_corporatie);
			// Two vonnissen in 2015, counted by hand from the source.
			expect(a.totaal.vonnissen).toBe(2);
			// Through the profile: 3 dossiers read and accepted, one with a warning (no postcode).
			expect(a.import.dossiers).toMatchObject({ gelezen: 3, geaccepteerd: 3, waarschuwingen: 1 });
			expect(b.import.dossiers).toMatchObject({ gelezen: 3, geaccepteerd: 3, waarschuwingen: 0 });
		},
		LONG
	);

	it(
		'without a key: one Dutch line that asks for it, exit status 2',
		async () => {
			const { profile, source } = await setUp();
			const plain = path.join(path.dirname(profile), 'zonder-pseudoniem.profiel.json');
			await writeFile(
				plain,
				JSON.stringify({
					...PROFILE,
					dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: false }
				})
			);
			const r = await evaluate([
				'--profiel',
				plain,
				'--bron',
				source,
				'--van',
				'2015-01-01',
				'--tot',
				'2016-01-01'
			]);
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr.trimEnd().split('\n')).toEqual([
				'evaluate: profiel ‘Ymere met adres’ maakt een adressleutel van het adres: geef de sleutel van de werkgroep met --sleutel-bestand BESTAND'
			]);
		},
		LONG
	);
});
