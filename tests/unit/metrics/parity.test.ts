/**
 * Issue 20: the derivations and selection queries were rewritten for speed (typed literals, a
 * join instead of a subquery per event, the lead times from unpivoted starts, one scan of `telling`
 * with the arithmetic in TypeScript). Every figure must stay exactly what it was: this runs the
 * frozen copy of the old SQL (./legacy, commit 37c3dc8) and the new code on the same data and
 * compares the complete JSON, value for value, on the demo data and on a larger generated set,
 * for selections of every kind (period, corporation, doelgroep, wijk, empty and unknown values).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { DEMO_DEFAULTS, dossiersPerYearFor, generateDemo } from '../../../src/lib/demo';
import { DEFAULT_NORMS, type Norm } from '../../../src/lib/domain/lead-times';
import { computeDashboard, computeFirst, withLeadTimes } from '../../../src/lib/metrics/dashboard';
import { ALL_PARTS, evaluate, PERIOD_ONLY } from '../../../src/lib/metrics/evaluate';
import { loadData, loadNorms, deriveLeadTimes } from '../../../src/lib/metrics/load';
import { applyDefaults, dataExtent } from '../../../src/lib/metrics/selection';
import type { DataExtent, Dimension, SelectionInput } from '../../../src/lib/metrics/types';
import * as legacyDashboard from './legacy/dashboard';
import * as legacyEvaluate from './legacy/evaluate';
import { DERIVE_SQL as LEGACY_DERIVE_SQL } from './legacy/schema';

/** JSON with every object's keys sorted: equal strings mean equal values everywhere. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
			: v
	);
}

const SELECTIONS: { name: string; input: (extent: DataExtent) => SelectionInput }[] = [
	{ name: 'a half-year', input: () => ({ van: '2015-01-01', tot: '2015-07-01' }) },
	{ name: 'the May 2015 letter', input: () => ({ van: '2014-11-01', tot: '2015-05-01' }) },
	{ name: 'a period of days', input: () => ({ van: '2015-02-10', tot: '2015-05-20' }) },
	{ name: 'a whole year', input: () => ({ van: '2016-01-01', tot: '2017-01-01' }) },
	{
		name: 'one corporation, another peildatum',
		input: () => ({
			van: '2014-07-01',
			tot: '2015-01-01',
			corporaties: ['ymere'],
			peildatum: '2015-03-01'
		})
	},
	{
		name: 'two corporations and one unknown, all doelgroepen',
		input: () => ({
			van: '2015-07-01',
			tot: '2016-01-01',
			corporaties: ['pre_wonen', 'elan_wonen', 'niet_in_de_data'],
			doelgroepen: ['overig', 'gezin_met_kinderen', 'senior', 'oggz']
		})
	},
	{
		name: 'one doelgroep',
		input: () => ({ van: '2013-07-01', tot: '2014-07-01', doelgroepen: ['oggz'] })
	},
	{
		name: 'two wijken',
		input: () => ({ van: '2015-01-01', tot: '2015-07-01', wijken: ['Noord', 'Schalkwijk'] })
	},
	{
		name: 'a wijk the data does not have',
		input: () => ({ van: '2015-01-01', tot: '2015-07-01', wijken: ['Nergenshuizen'] })
	},
	{
		name: 'no corporation',
		input: () => ({ van: '2015-01-01', tot: '2015-07-01', corporaties: [] })
	},
	{ name: 'a period without data', input: () => ({ van: '2020-01-01', tot: '2020-07-01' }) }
];

const DIMENSIONS: (Dimension | null)[] = [null, 'corporatie', 'doelgroep', 'wijk', 'halfjaar'];

/** Everything the old and the new code compute for each selection, as canonical JSON. */
async function allFigures(
	db: Database,
	extent: DataExtent,
	code: {
		dashboard: (s: ReturnType<typeof applyDefaults>) => Promise<unknown>;
		evaluate: (
			s: ReturnType<typeof applyDefaults>,
			d: Dimension | null,
			period: boolean
		) => Promise<unknown>;
	}
): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	for (const { name, input } of SELECTIONS) {
		const selection = applyDefaults(input(extent), extent);
		out.set(`${name}: dashboard`, canonical(await code.dashboard(selection)));
		for (const dimension of DIMENSIONS) {
			for (const period of [false, true]) {
				out.set(
					`${name}: ${dimension ?? 'totaal'}${period ? ', period only' : ''}`,
					canonical(await code.evaluate(selection, dimension, period))
				);
			}
		}
	}
	return out;
}

/** Loads a set, computes everything with the new code, then with the old SQL on the same tables. */
async function compare(
	data: Parameters<typeof loadData>[1],
	norms: readonly Norm[] = DEFAULT_NORMS
): Promise<{ fresh: Map<string, string>; old: Map<string, string>; tables: number[] }> {
	const db = await openNodeDatabase();
	try {
		await loadData(db, data, norms);
		const extent = await dataExtent(db);
		const fresh = await allFigures(db, extent, {
			dashboard: (s) => computeDashboard(db, s, extent),
			evaluate: (s, d, period) => evaluate(db, s, d, period ? PERIOD_ONLY : ALL_PARTS)
		});
		// The first screen and the lead times after it are the same figures as all at once.
		for (const { name, input } of SELECTIONS.slice(0, 3)) {
			const selection = applyDefaults(input(extent), extent);
			const later = await withLeadTimes(db, await computeFirst(db, selection));
			const { trend: _, ...all } = await computeDashboard(db, selection, extent);
			expect(canonical(later), name).toBe(canonical(all));
		}
		await db.exec(`CREATE TABLE nieuw_telling AS SELECT * FROM telling;
			CREATE TABLE nieuw_doorlooptijden AS SELECT * FROM doorlooptijden;`);
		await db.exec(LEGACY_DERIVE_SQL);
		const old = await allFigures(db, extent, {
			dashboard: (s) => legacyDashboard.computeDashboard(db, s, extent),
			evaluate: (s, d, period) =>
				legacyEvaluate.evaluate(
					db,
					s,
					d,
					period ? legacyEvaluate.PERIOD_ONLY : legacyEvaluate.ALL_PARTS
				)
		});
		// The derived tables themselves, row for row (as multisets), both ways.
		const tables: number[] = [];
		for (const [a, b] of [
			['telling', 'nieuw_telling'],
			['doorlooptijden', 'nieuw_doorlooptijden']
		]) {
			const [row] = await db.query<{ verschil: number; n: number }>(
				`SELECT (SELECT count(*) FROM (FROM ${a} EXCEPT ALL FROM ${b}))
					+ (SELECT count(*) FROM (FROM ${b} EXCEPT ALL FROM ${a})) AS verschil,
					(SELECT count(*) FROM ${a}) AS n`
			);
			tables.push(row!.verschil);
			expect(row!.n, a).toBeGreaterThan(0);
		}
		// Re-deriving the lead times after a change of norms keeps them equal too.
		await loadNorms(db, [
			...norms,
			{ ...norms[0]!, days: norms[0]!.days + 3, effectiveFrom: '2015-03-01', source: 'test' }
		]);
		await deriveLeadTimes(db);
		await db.exec('CREATE OR REPLACE TABLE nieuw_doorlooptijden AS SELECT * FROM doorlooptijden');
		await db.exec(LEGACY_DERIVE_SQL);
		const [row] = await db.query<{ verschil: number }>(
			`SELECT (SELECT count(*) FROM (FROM doorlooptijden EXCEPT ALL FROM nieuw_doorlooptijden))
				+ (SELECT count(*) FROM (FROM nieuw_doorlooptijden EXCEPT ALL FROM doorlooptijden)) AS verschil`
		);
		tables.push(row!.verschil);
		return { fresh, old, tables };
	} finally {
		await db.close();
	}
}

function expectSame(result: { fresh: Map<string, string>; old: Map<string, string> }) {
	expect([...result.fresh.keys()]).toEqual([...result.old.keys()]);
	for (const [key, value] of result.fresh) expect(value, key).toBe(result.old.get(key));
}

describe('the new derivations and queries give exactly the old figures', () => {
	let demo: Awaited<ReturnType<typeof compare>>;
	let large: Awaited<ReturnType<typeof compare>>;

	beforeAll(async () => {
		demo = await compare(generateDemo(DEMO_DEFAULTS));
		const period = { seed: 7, from: DEMO_DEFAULTS.from, to: DEMO_DEFAULTS.to };
		large = await compare(
			generateDemo({ ...period, dossiersPerYear: dossiersPerYearFor({ events: 50_000 }, period) })
		);
	}, 600_000);

	it('on the demo data, for every selection and breakdown', () => {
		expect(demo.fresh.size).toBe(SELECTIONS.length * (1 + DIMENSIONS.length * 2));
		expectSame(demo);
		// Not vacuous: the default figures are not all zero.
		expect(demo.fresh.get('a half-year: totaal')).toMatch(/"signalen":[1-9]/);
		expect(demo.fresh.get('a half-year: totaal')).toMatch(/"mediaan":[0-9]/);
	});

	it('on a generated set of about 50,000 events', () => {
		expectSame(large);
		expect(large.fresh.get('two wijken: wijk')).toMatch(/"Noord":\{/);
	});

	it('with the same derived tables, row for row, also after the norms change', () => {
		expect(demo.tables).toEqual([0, 0, 0]);
		expect(large.tables).toEqual([0, 0, 0]);
	});
});
