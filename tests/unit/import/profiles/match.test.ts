/**
 * Which profile reads which picked file (src/lib/import/profiles/match.ts): the demo exports of
 * data/bronnen share their column names across the three corporations, so the profile is chosen
 * by its columns first and then by the words its name shares with the file's name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProfile, type SourceProfile } from '../../../../src/lib/import/profiles/format';
import {
	columnsKey,
	fileHead,
	isExchangeFile,
	isProfileFile,
	profileFor
} from '../../../../src/lib/import/profiles/match';
import { bytes, file } from '../helpers';

const PAIRS = [
	['ymere-huurincasso.csv', 'ymere.profiel.json'],
	['pre-wonen-huurincasso.xlsx', 'pre-wonen.profiel.json'],
	['elan-wonen-huurincasso.csv', 'elan-wonen.profiel.json'],
	['sdv-activiteiten.csv', 'sdv.profiel.json'],
	['swt-registraties.csv', 'swt.profiel.json']
] as const;
const read = (name: string) => new Uint8Array(readFileSync(`data/bronnen/${name}`));
const profileOf = (name: string): SourceProfile => {
	const parsed = parseProfile(readFileSync(`data/bronnen/${name}`, 'utf8'), name);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.profile;
};
const all = PAIRS.map(([, p]) => ({ profile: profileOf(p), fileName: p }));

describe('profileFor', () => {
	it.each(PAIRS)('%s gets %s among all five', (data, profile) => {
		expect(profileFor({ name: data, bytes: read(data) }, all)).toBe(
			all.find((p) => p.fileName === profile)!.profile
		);
	});
	it('by columns and name, in any order of the profiles', () => {
		const reversed = [...all].reverse();
		for (const [data, profile] of PAIRS) {
			expect(profileFor({ name: data, bytes: read(data) }, reversed)?.naam).toBe(
				all.find((p) => p.fileName === profile)!.profile.naam
			);
		}
	});
	it('an exchange file gets no profile; a foreign file gets the only profile picked', () => {
		const exchange = file('dossiers.csv', 'dossier_id;corporatie;doelgroep\r\nD1;Ymere;senior\r\n');
		const foreign = file('export.csv', 'Nummer;Iets\r\n1;2\r\n');
		expect(profileFor(exchange, [all[0]!])).toBeNull();
		expect(profileFor(foreign, [all[0]!])).toBe(all[0]!.profile);
		expect(profileFor(foreign, all)).toBeNull();
		expect(profileFor(foreign, [])).toBeNull();
	});
});

describe('file kinds', () => {
	it.each([
		['ymere-huurincasso.csv', false],
		['pre-wonen-huurincasso.xlsx', false],
		['sdv-activiteiten.csv', false]
	])('%s is an exchange file: %s', (name, expected) => {
		expect(isExchangeFile(read(name))).toBe(expected);
	});
	it('exchange files, also with only datum and gebeurtenis; unreadable files go to the importer', () => {
		expect(isExchangeFile(bytes('dossier_id,datum,gebeurtenis\nD1,2015-01-01,vonnis\n'))).toBe(
			true
		);
		expect(isExchangeFile(bytes(''))).toBe(true);
	});
	it('profile files: .json, or text starting with {', () => {
		expect(isProfileFile(file('x.JSON', 'nothing'))).toBe(true);
		expect(isProfileFile(file('profiel.txt', '\uFEFF  \n{"formaat": 1}'))).toBe(true);
		expect(isProfileFile(file('data.csv', 'a;b\n'))).toBe(false);
	});
	it('the head of a workbook: its widest sheet (past a notes sheet), or the sheet asked for', () => {
		const head = fileHead(read('pre-wonen-huurincasso.xlsx'), undefined, 2)!;
		expect(head.sheets).toEqual(['Toelichting', 'Export']);
		expect(head.sheet).toBe('Export');
		expect(head.header[0]).toBe('Huurcontractnummer');
		expect(head.rows).toHaveLength(2);
		expect(fileHead(read('pre-wonen-huurincasso.xlsx'), 'Toelichting')!.sheet).toBe('Toelichting');
		expect(fileHead(read('pre-wonen-huurincasso.xlsx'), 'Bestaat niet')).toBeNull();
	});
	it('columnsKey: the same columns in any order and spelling', () => {
		expect(columnsKey(['Datum', 'Activiteit ', ''])).toBe(columnsKey(['activiteit', 'DATUM']));
	});
});
