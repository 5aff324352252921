/**
 * The suggestions on the demo exports of data/bronnen (written by src/lib/demo/sources.ts from the
 * demo's generator): each suggested profile places every column and label exactly as the committed
 * profile does and leaves nothing open, and `npm run evaluate` gives the same figures and import
 * counts with the suggested profiles as with the committed ones (the real engine).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distinctValues } from '../../../../src/lib/import/profiles/draft';
import {
	parseProfile,
	validateProfile,
	type SourceProfile,
	type ValueKind,
	type ValueSpec
} from '../../../../src/lib/import/profiles/format';
import { fileTable } from '../../../../src/lib/import/profiles/match';
import { suggestProfile } from '../../../../src/lib/import/profiles/suggest';
import { valueResolver } from '../../../../src/lib/import/profiles/values';
import { importSources } from '../../../../src/lib/import/pipeline';
import { nodePseudonymiser } from '../../../../src/lib/import/profiles/pseudonym-node';
import { evaluate } from '../../cli/run-evaluate';

const B = 'data/bronnen';
const DEMO = [
	['ymere-huurincasso.csv', 'ymere.profiel.json'],
	['pre-wonen-huurincasso.xlsx', 'pre-wonen.profiel.json'],
	['elan-wonen-huurincasso.csv', 'elan-wonen.profiel.json'],
	['sdv-activiteiten.csv', 'sdv.profiel.json'],
	['swt-registraties.csv', 'swt.profiel.json']
] as const;

function read(file: string) {
	const table = fileTable(new Uint8Array(readFileSync(`${B}/${file}`)))!;
	const header = table.table.header.map((h) => h.trim());
	const rows = table.table.rows.map((r) => r.fields);
	return { table, header, rows };
}

function suggestionFor(file: string) {
	const { table, header, rows } = read(file);
	return suggestProfile({
		fileName: file,
		header,
		rows,
		fromWorkbook: table.sheets !== null,
		sheet: table.sheet
	});
}

function committed(profileFile: string): SourceProfile {
	const parsed = parseProfile(readFileSync(`${B}/${profileFile}`, 'utf8'));
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.profile;
}

/** Two value specs read the same column and give every label of the file the same value. */
function expectSameSpec(
	mine: ValueSpec | undefined,
	theirs: ValueSpec | undefined,
	kind: ValueKind,
	labels: (column: string) => string[]
) {
	expect(mine === undefined).toBe(theirs === undefined);
	if (mine === undefined || theirs === undefined) return;
	if ('waarde' in mine) return expect(theirs).toEqual(mine);
	expect('kolom' in theirs && theirs.kolom).toBe(mine.kolom);
	const a = valueResolver(mine, kind);
	const b = valueResolver(theirs, kind);
	for (const label of labels(mine.kolom)) expect([label, a(label)]).toEqual([label, b(label)]);
	// Every label the suggestion placed is placed as the committed profile places it.
	for (const label of Object.keys(mine.waarden ?? {}))
		expect([label, a(label)]).toEqual([label, b(label)]);
}

describe('the demo exports: the suggestion is the committed profile', () => {
	it.each(DEMO)('%s', (file, profileFile) => {
		const suggestion = suggestionFor(file);
		expect(suggestion.open).toEqual([]);
		const checked = validateProfile(suggestion.profiel);
		if (!checked.ok) throw new Error(checked.message);
		const mine = checked.profile;
		const theirs = committed(profileFile);
		const { header, rows } = read(file);
		const labels = (column: string) => distinctValues(header, rows, column, 10_000);
		expect(mine.vorm).toBe(theirs.vorm);
		expect(mine.werkblad).toBe(theirs.werkblad);
		expect(mine.dossier_id).toEqual(theirs.dossier_id);
		expectSameSpec(mine.corporatie, theirs.corporatie, 'corporatie', labels);
		expectSameSpec(mine.doelgroep, theirs.doelgroep, 'doelgroep', labels);
		expectSameSpec(mine.wijk, theirs.wijk, 'wijk', labels);
		if (mine.vorm === 'breed' && theirs.vorm === 'breed') {
			const steps = (p: typeof mine) => p.gebeurtenissen.map((e) => [e.kolom, e.gebeurtenis]);
			expect(steps(mine)).toEqual(steps(theirs));
			for (const [i, e] of mine.gebeurtenissen.entries()) {
				expectSameSpec(e.reden, theirs.gebeurtenissen[i]!.reden, 'reden', labels);
				expectSameSpec(e.uitkomst, theirs.gebeurtenissen[i]!.uitkomst, 'uitkomst', labels);
			}
		} else if (mine.vorm === 'lang' && theirs.vorm === 'lang') {
			expect(mine.datum).toEqual(theirs.datum);
			expectSameSpec(mine.gebeurtenis, theirs.gebeurtenis, 'gebeurtenis', labels);
			expectSameSpec(mine.reden, theirs.reden, 'reden', labels);
			expectSameSpec(mine.uitkomst, theirs.uitkomst, 'uitkomst', labels);
		} else throw new Error('vorm');
	});

	it.each(DEMO)(
		'%s: the suggested profile reads every row as the committed one',
		async (file, profileFile) => {
			const checked = validateProfile(suggestionFor(file).profiel);
			if (!checked.ok) throw new Error(checked.message);
			const bytes = new Uint8Array(readFileSync(`${B}/${file}`));
			// A long file's events need the dossiers: read it with the Ymere export (through its profile).
			const others =
				checked.profile.vorm === 'lang'
					? [
							{
								name: 'ymere-huurincasso.csv',
								bytes: new Uint8Array(readFileSync(`${B}/ymere-huurincasso.csv`)),
								profile: committed('ymere.profiel.json')
							}
						]
					: [];
			const key = readFileSync(`${B}/demo-sleutel.txt`, 'utf8').split(/\r?\n/)[0]!;
			const read = (profile: SourceProfile) =>
				importSources([...others, { name: file, bytes, profile }], {
					today: '2026-01-01',
					pseudonymiser: nodePseudonymiser(key)
				});
			const [mine, theirs] = await Promise.all([
				read(checked.profile),
				read(committed(profileFile))
			]);
			expect(mine.totals).toEqual(theirs.totals);
			expect(mine.dossiers).toEqual(theirs.dossiers);
			expect(mine.events).toEqual(theirs.events);
			expect(mine.totals.gebeurtenissen.geaccepteerd).toBeGreaterThan(0);
		}
	);

	it('the figures and import counts with the suggested profiles equal those with the committed ones', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'voorstel-'));
		const args = async (suggested: boolean) => {
			const out: string[] = [];
			for (const [file, profileFile] of DEMO) {
				let profile = `${B}/${profileFile}`;
				if (suggested) {
					profile = path.join(dir, profileFile);
					await writeFile(profile, JSON.stringify(suggestionFor(file).profiel, null, 2));
				}
				out.push('--profiel', profile, '--bron', `${B}/${file}`);
			}
			return [
				...out,
				'--sleutel-bestand',
				`${B}/demo-sleutel.txt`,
				'--van',
				'2013-01-01',
				'--tot',
				'2017-01-01',
				...['gezin_met_kinderen', 'senior', 'oggz', 'overig'].flatMap((g) => ['--doelgroep', g])
			];
		};
		const [mine, theirs] = await Promise.all([
			evaluate(await args(true)),
			evaluate(await args(false))
		]);
		expect(mine.stderr).toBe('');
		expect(mine.code).toBe(0);
		const a = JSON.parse(mine.stdout);
		const b = JSON.parse(theirs.stdout);
		expect(a.totaal).toEqual(b.totaal);
		expect(a.per_corporatie).toEqual(b.per_corporatie);
		expect(a.import).toEqual(b.import);
		expect(a.totaal.signalen).toBeGreaterThan(0);
		expect(a.totaal.vonnissen).toBeGreaterThan(0);
	}, 300_000);
});
