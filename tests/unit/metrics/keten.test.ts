/**
 * The chain figures (ddas-schuldhulpverlening.md, "The chain") through the command line, on a
 * linked set of our own: a dossiers file with address keys, a vroegsignalering and a
 * schuldhulpverlening delivery whose clients carry the addresses, and the werkgroep key. Period
 * [2025-01-01, 2025-07-01), the three priority doelgroepen and overig. Every figure counted by hand:
 *
 * Window of a vonnis V: the 365 days up to and including V (V − 364 … V).
 * D1 ymere A1: vonnis 03-01, afgesloten 05-01 (betalingsregeling) → voorkomen. Huur 2024-03-01
 *   (V − 365: outside) and 2024-06-01 (inside). Traject aanmelding 2024-07-01, intake 07-10.
 *   Lead time: earliest Huur 2024-06-01 → aanmelding 2024-07-01 = 30 days.
 * D2 ymere A2: vonnissen 02-10 and 04-01 (counted once, at 02-10); ontruiming 05-15 → ontruimd.
 *   Energie signal only (no Huur). Traject aanmelding 02-10 (the vonnis day: inside), intake 02-20
 *   (after the vonnis: no first conversation before it).
 * D3 elan A3: vonnis 06-30 → lopend. Huur 06-30 (inside). Traject 01-01, intake 01-05. The Huur
 *   signal comes after the aanmelding: no lead time.
 * D4 elan A4: vonnis 04-01, afgesloten 04-20 → voorkomen; nothing else (voorkomen zonder).
 * D5 ymere, no address key: vonnis 03-01 → not in the cohort; vonnissen_zonder_adressleutel 1.
 * D6 ymere A6: vonnis 2025-07-01 → outside the period.
 * D8 ymere A8: vonnis 05-01, afgesloten 06-01 uitkomst ontruimd → ontruimd. Huur 2024-05-02
 *   (inside); trajecten 2024-05-01 (V − 365: outside) and 2025-05-02 (after V).
 * D9 ymere A9: vonnis 01-15 → lopend. Huur 2024-10-01 and 2024-11-01; trajecten 2024-09-01 and
 *   2024-12-01, no intake. Lead time: 2024-10-01 → 2024-12-01 = 61 days.
 *
 * Total: vonnissen 6 (D1 D2 D3 D4 D8 D9), met_huursignaal 4 (D1 D3 D8 D9), met_aanmelding_shv 4
 * (D1 D2 D3 D9), met_eerste_gesprek_shv 2 (D1 D3), voorkomen_met_shv 1 (D1), voorkomen_zonder_shv 1
 * (D4); lead time n 2 (30, 61): median 45.5, p25 37.75, p75 53.25.
 * Ymere: 4, 3, 3, 1, 1, 0, n 2. Elan Wonen: 2, 1, 1, 1, 0, 1, n 0.
 * Without an address key (D5): total 1, Ymere 1, Elan Wonen 0.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addressMessage } from '../../../src/lib/import/profiles/pseudonym';
import { evaluate } from '../cli/run-evaluate';

const KEY = 'werkgroep-haarlem-2015-evaluatie';
const dir = mkdtempSync(path.join(tmpdir(), 'keten-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The made-up address of each letter: postcode, house number. */
const ADDRESS: Record<string, [string, string]> = {
	A1: ['2011 SA', '1'],
	A2: ['2011 SA', '2'],
	A3: ['2012 SD', '3'],
	A4: ['2012 SD', '4'],
	A6: ['2013 SS', '6'],
	A8: ['2013 SS', '8'],
	A9: ['2013 SS', '9']
};
const keyOf = (a: string) =>
	createHmac('sha256', KEY)
		.update(addressMessage(...ADDRESS[a]!))
		.digest('hex')
		.slice(0, 32);
const client = (a: string) => ({ Postcode: ADDRESS[a]![0], Huisnummer: ADDRESS[a]![1] });

const DOSSIERS = [
	['D1', 'ymere', 'A1'],
	['D2', 'ymere', 'A2'],
	['D3', 'elan_wonen', 'A3'],
	['D4', 'elan_wonen', 'A4'],
	['D5', 'ymere', null],
	['D6', 'ymere', 'A6'],
	['D8', 'ymere', 'A8'],
	['D9', 'ymere', 'A9']
] as const;

const EVENTS: [string, string, string, string?][] = [
	['D1', '2025-03-01', 'vonnis'],
	['D1', '2025-05-01', 'afgesloten', 'betalingsregeling'],
	['D2', '2025-02-10', 'vonnis'],
	['D2', '2025-04-01', 'vonnis'],
	['D2', '2025-05-15', 'ontruiming'],
	['D3', '2025-06-30', 'vonnis'],
	['D4', '2025-04-01', 'vonnis'],
	['D4', '2025-04-20', 'afgesloten', 'betalingsregeling'],
	['D5', '2025-03-01', 'vonnis'],
	['D6', '2025-07-01', 'vonnis'],
	['D8', '2025-05-01', 'vonnis'],
	['D8', '2025-06-01', 'afgesloten', 'ontruimd'],
	['D9', '2025-01-15', 'vonnis']
];

const SIGNALS: [string, string, string][] = [
	['A1', 'Huur', '2024-03-01'],
	['A1', 'Huur', '2024-06-01'],
	['A2', 'Energie', '2025-01-01'],
	['A3', 'Huur', '2025-06-30'],
	['A8', 'Huur', '2024-05-02'],
	['A9', 'Huur', '2024-10-01'],
	['A9', 'Huur', '2024-11-01']
];

const TRAJECTEN: [string, string, string | null][] = [
	['A1', '2024-07-01', '2024-07-10'],
	['A2', '2025-02-10', '2025-02-20'],
	['A3', '2025-01-01', '2025-01-05'],
	['A8', '2024-05-01', null],
	['A8', '2025-05-02', null],
	['A9', '2024-09-01', null],
	['A9', '2024-12-01', null]
];

function write(name: string, text: string): string {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
}

const files = {
	dossiers: write(
		'dossiers.csv',
		'dossier_id,corporatie,doelgroep,wijk,adres_sleutel\n' +
			DOSSIERS.map(([id, c, a]) => `${id},${c},overig,,${a ? keyOf(a) : ''}`).join('\n') +
			'\n'
	),
	events: write(
		'gebeurtenissen.csv',
		'dossier_id,datum,gebeurtenis,reden,uitkomst\n' +
			EVENTS.map(([id, d, g, u]) => `${id},${d},${g},,${u ?? ''}`).join('\n') +
			'\n'
	),
	vs: write(
		'vs.json',
		JSON.stringify({
			aanleverdatumEnTijd: '2025-07-10T10:00:00Z',
			leveringen: [
				{
					gemeentecode: '0392',
					vroegsignalen: SIGNALS.map(([a, type, datum], i) => ({
						ID: `S${i + 1}`,
						signaaldatum: datum,
						bedrag: 400,
						signaalpartner: { type },
						client: client(a)
					})),
					vroegsignaalzaken: []
				}
			]
		})
	),
	shv: write(
		'shv.json',
		JSON.stringify({
			startdatumLevering: '2024-01-01',
			einddatumLevering: '2025-06-30',
			aanleverdatumEnTijd: '2025-07-15T08:00:00Z',
			leveringen: [
				{
					schuldhulptrajecten: TRAJECTEN.map(([a, aanmelding, intake]) => ({
						gemeentecode: '0392',
						startdatum: aanmelding,
						aanmelding: { startdatum: aanmelding, crisisinterventie: false },
						...(intake ? { intake: { startdatum: intake } } : {}),
						client: [client(a)]
					}))
				}
			]
		})
	),
	key: write('sleutel.txt', `${KEY}\n`)
};

const common = [
	'--dossiers',
	files.dossiers,
	'--gebeurtenissen',
	files.events,
	'--van',
	'2025-01-01',
	'--tot',
	'2025-07-01',
	'--doelgroep',
	'overig'
];

type Block = Record<string, unknown>;
async function keten(args: string[]): Promise<Block | undefined> {
	const run = await evaluate([...common, ...args]);
	expect(run.code, run.stderr).toBe(0);
	return (JSON.parse(run.stdout) as { keten?: Block }).keten;
}

const lead = (n: number, mediaan: number | null, p25: number | null, p75: number | null) => ({
	n,
	mediaan,
	p25,
	p75
});

describe('keten: the chain through the command line', () => {
	it('gives the hand-counted figures, in total and per corporation', async () => {
		const block = await keten([
			'--ddas',
			files.vs,
			'--ddas',
			files.shv,
			'--sleutel-bestand',
			files.key
		]);
		expect(block).toEqual({
			totaal: {
				vonnissen: 6,
				vonnissen_zonder_adressleutel: 1,
				met_huursignaal: 4,
				met_aanmelding_shv: 4,
				met_eerste_gesprek_shv: 2,
				voorkomen_met_shv: 1,
				voorkomen_zonder_shv: 1,
				doorlooptijd_signaal_aanmelding: lead(2, 45.5, 37.75, 53.25)
			},
			per_corporatie: {
				elan_wonen: {
					vonnissen: 2,
					vonnissen_zonder_adressleutel: 0,
					met_huursignaal: 1,
					met_aanmelding_shv: 1,
					met_eerste_gesprek_shv: 1,
					voorkomen_met_shv: 0,
					voorkomen_zonder_shv: 1,
					doorlooptijd_signaal_aanmelding: lead(0, null, null, null)
				},
				ymere: {
					vonnissen: 4,
					vonnissen_zonder_adressleutel: 1,
					met_huursignaal: 3,
					met_aanmelding_shv: 3,
					met_eerste_gesprek_shv: 1,
					voorkomen_met_shv: 1,
					voorkomen_zonder_shv: 0,
					doorlooptijd_signaal_aanmelding: lead(2, 45.5, 37.75, 53.25)
				}
			}
		});
	});

	it('with only the vroegsignalering delivery: signals, no aanmelding', async () => {
		const block = (await keten(['--ddas', files.vs, '--sleutel-bestand', files.key])) as {
			totaal: Block;
		};
		expect(block.totaal).toMatchObject({
			vonnissen: 6,
			met_huursignaal: 4,
			met_aanmelding_shv: 0,
			voorkomen_met_shv: 0,
			voorkomen_zonder_shv: 2
		});
	});

	it('has no block without the key (the deliveries carry no address keys)', async () => {
		expect(await keten(['--ddas', files.vs, '--ddas', files.shv])).toBeUndefined();
	});

	it('follows the corporation filter', async () => {
		const block = (await keten([
			'--ddas',
			files.shv,
			'--sleutel-bestand',
			files.key,
			'--corporatie',
			'elan_wonen'
		])) as { totaal: Block; per_corporatie: Record<string, Block> };
		expect(Object.keys(block.per_corporatie)).toEqual(['elan_wonen']);
		expect(block.totaal).toMatchObject({
			vonnissen: 2,
			vonnissen_zonder_adressleutel: 0,
			met_aanmelding_shv: 1,
			met_huursignaal: 0
		});
	});

	it('never writes an address', async () => {
		const run = await evaluate([
			...common,
			'--ddas',
			files.vs,
			'--ddas',
			files.shv,
			'--sleutel-bestand',
			files.key
		]);
		for (const [postcode] of Object.values(ADDRESS)) {
			expect(run.stdout).not.toContain(postcode);
			expect(run.stdout).not.toContain(postcode.replace(' ', ''));
		}
	});
});
