/**
 * Issue 22, "Done when": the schuldhulpverlening and chain figures of `npm run evaluate` equal
 * those of an independent implementation (tests/heldout/keten/independent.py, Python standard
 * library, written from the spec alone) on a held-out linked set (tests/heldout/keten/, made by
 * make-set.py, never used to tune anything) and on the demo's files, for half-years, whole years
 * and filters; and no client value of the held-out deliveries (BSN, birth date, postcode, name)
 * reaches the command line's output.
 *
 * Counts are compared exactly; quantiles (mediaan, p25, p75, p90) to 1e-9.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluate } from './run-evaluate';

const run = promisify(execFile);
const H = 'tests/heldout/keten';
const HELDOUT = [
	'--dossiers',
	`${H}/dossiers.csv`,
	'--gebeurtenissen',
	`${H}/gebeurtenissen.csv`,
	// the later delivery first: the latest aanleverdatumEnTijd must win, not the file loaded last
	'--ddas',
	`${H}/schuldhulpverlening-b.json`,
	'--ddas',
	`${H}/vroegsignalering.json`,
	'--ddas',
	`${H}/schuldhulpverlening-a.json`,
	'--sleutel-bestand',
	`${H}/sleutel.txt`
];
const DEMO = [
	'--dossiers',
	'data/dossiers.csv',
	'--gebeurtenissen',
	'data/gebeurtenissen.csv',
	'--ddas',
	'data/vroegsignalering-haarlem.json',
	'--ddas',
	'data/schuldhulpverlening-haarlem.json',
	'--sleutel-bestand',
	'data/bronnen/demo-sleutel.txt'
];
const QUANTILES = new Set(['mediaan', 'p25', 'p75', 'p90']);

/** Every difference between the command line's block and the independent one, by JSON path. */
function differences(cli: unknown, ref: unknown, at = ''): string[] {
	if (typeof ref === 'number' && typeof cli === 'number') {
		const last = at.split('.').pop() ?? '';
		const equal = QUANTILES.has(last) ? Math.abs(cli - ref) <= 1e-9 : cli === ref;
		return equal ? [] : [`${at}: cli ${cli}, independent ${ref}`];
	}
	if (ref !== null && typeof ref === 'object' && cli !== null && typeof cli === 'object') {
		const a = cli as Record<string, unknown>;
		const b = ref as Record<string, unknown>;
		const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
		return keys.flatMap((k) =>
			!(k in a)
				? [`${at}.${k}: missing in cli`]
				: !(k in b)
					? [`${at}.${k}: missing in independent`]
					: differences(a[k], b[k], `${at}.${k}`)
		);
	}
	return Object.is(cli, ref)
		? []
		: [`${at}: cli ${JSON.stringify(cli)}, independent ${JSON.stringify(ref)}`];
}

interface Blocks {
	schuldhulpverlening: { totaal: unknown; per_gemeente: unknown };
	keten: { totaal: { vonnissen: number }; per_corporatie: unknown };
}

async function both(files: string[], args: string[]) {
	const [cli, ref] = await Promise.all([
		evaluate([...files, ...args, '--format', 'json']),
		run('python3', [`${H}/independent.py`, ...files, ...args], { maxBuffer: 1 << 26 })
	]);
	expect(cli.stderr).toBe('');
	expect(cli.code).toBe(0);
	const doc = JSON.parse(cli.stdout) as Blocks;
	const mine = JSON.parse(ref.stdout) as Blocks;
	const got = {
		schuldhulpverlening: {
			totaal: doc.schuldhulpverlening.totaal,
			per_gemeente: doc.schuldhulpverlening.per_gemeente
		},
		keten: doc.keten
	};
	return { got, mine, stdout: cli.stdout, ref: ref.stdout };
}

const period = (van: string, tot: string) => ['--van', van, '--tot', tot];

/** The held-out deliveries' client values, as written there. */
function clientValues(): { raw: string[]; quoted: string[] } {
	const raw = new Set<string>();
	const quoted = new Set<string>();
	const walk = (node: unknown, key = ''): void => {
		if (Array.isArray(node)) node.forEach((item) => walk(item, key));
		else if (node && typeof node === 'object') {
			for (const [k, v] of Object.entries(node)) {
				if (k.toLowerCase() === 'client') collect(v);
				else walk(v, k);
			}
		}
	};
	const collect = (client: unknown): void => {
		for (const c of Array.isArray(client) ? client : [client]) {
			if (!c || typeof c !== 'object') continue;
			for (const [k, v] of Object.entries(c as Record<string, unknown>)) {
				const text = String(v);
				const name = k.toLowerCase();
				if (name === 'burgerservicenummer' || name === 'geboortedatum') raw.add(text);
				if (name === 'postcode') {
					raw.add(text);
					raw.add(text.replace(/\s+/g, '').toUpperCase());
					raw.add(text.replace(/\s+/g, '').toLowerCase());
				}
				if (name === 'voornamen' || name === 'geslachtsnaam') quoted.add(JSON.stringify(text));
			}
		}
	};
	for (const f of ['vroegsignalering', 'schuldhulpverlening-a', 'schuldhulpverlening-b']) {
		walk(JSON.parse(readFileSync(`${H}/${f}.json`, 'utf8')));
	}
	return { raw: [...raw], quoted: [...quoted] };
}

describe('held-out linked set: the command line equals an independent implementation', () => {
	const secrets = clientValues();

	it.each([
		['2022, first half-year', period('2022-01-01', '2022-07-01')],
		['2022, second half-year', period('2022-07-01', '2023-01-01')],
		['2023, first half-year', period('2023-01-01', '2023-07-01')],
		['2023, second half-year (a vonnis on the peildatum)', period('2023-07-01', '2024-01-01')],
		['2023, whole year', period('2023-01-01', '2024-01-01')],
		[
			'2022, whole year, Pré Wonen only',
			[...period('2022-01-01', '2023-01-01'), '--corporatie', 'pre_wonen']
		],
		[
			'2022-2023, overig and gezin_met_kinderen, wijk Noord and Oost',
			[
				...period('2022-01-01', '2024-01-01'),
				'--doelgroep',
				'overig',
				'--doelgroep',
				'gezin_met_kinderen',
				'--wijk',
				'Noord',
				'--wijk',
				'Oost'
			]
		],
		['2023, gemeente 0394 only', [...period('2023-01-01', '2024-01-01'), '--gemeente', '0394']]
	])('%s', async (_name, args) => {
		const { got, mine, stdout, ref } = await both(HELDOUT, args);
		expect(differences(got, mine)).toEqual([]);
		expect(got.keten.totaal.vonnissen).toBeGreaterThan(0);
		// no client value in the output (nor in the independent one's)
		expect(secrets.raw.length).toBeGreaterThan(300);
		for (const out of [stdout, ref]) {
			expect(secrets.raw.filter((s) => out.includes(s))).toEqual([]);
			expect(secrets.quoted.filter((s) => out.includes(s))).toEqual([]);
		}
	});
});

describe('demo set: the command line equals an independent implementation', () => {
	it.each([
		['2014, first half-year', period('2014-01-01', '2014-07-01')],
		['2015, second half-year', period('2015-07-01', '2016-01-01')],
		['2015, whole year', period('2015-01-01', '2016-01-01')],
		[
			'2016, whole year, Ymere only',
			[...period('2016-01-01', '2017-01-01'), '--corporatie', 'ymere']
		],
		['2023, first half-year (debt help only, no vonnis)', period('2023-01-01', '2023-07-01')]
	])('%s', async (_name, args) => {
		const { got, mine } = await both(DEMO, args);
		expect(differences(got, mine)).toEqual([]);
	});
});
