/**
 * Property: any valid profile applied to arbitrary bytes (random text over the profile's own
 * columns and labels, or any bytes at all) never throws and accounts for every row read:
 * gelezen = geaccepteerd + dubbel + geweigerd + overgeslagen, per file and in the totals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importSources } from '../../../../src/lib/import/pipeline';
import { validateProfile, type SourceProfile } from '../../../../src/lib/import/profiles/format';
import { nodePseudonymiser } from '../../../../src/lib/import/profiles/pseudonym-node';
import type { Counts, ImportResult } from '../../../../src/lib/import/types';
import { EVENT_CODES, TARGET_GROUPS } from '../../../../src/lib/domain/codes';

const COLUMNS = ['Id', 'Nr', 'Datum', 'Datum 2', 'Soort', 'Groep', 'Wijk', 'Reden', 'Naam'];
const LABELS = ['Brief', 'Bezoek', 'gezin', '65+', 'Huurschuld', 'contact', 'vonnis', '', 'x y'];

const column = fc.constantFrom(...COLUMNS);
const label = fc.constantFrom(...LABELS);
const table = (codes: readonly (string | null)[]) =>
	fc.dictionary(label, fc.constantFrom(...codes), { maxKeys: 4 });
const spec = (codes: readonly string[], withNull = false) =>
	fc.oneof(
		fc.record({ waarde: fc.constantFrom(...codes) }),
		fc.record(
			{
				kolom: column,
				waarden: table(withNull ? [...codes, null] : codes),
				anders: fc.constantFrom(...codes)
			},
			{ requiredKeys: ['kolom'] }
		)
	);
const common = {
	formaat: fc.constant('huisuitzettingen-bronprofiel/1'),
	naam: fc.constant('Eigenschap'),
	dossier_id: fc.record({
		kolommen: fc.uniqueArray(column, { minLength: 1, maxLength: 2 }),
		pseudonimiseren: fc.boolean()
	})
};
const wide = fc.record({
	...common,
	vorm: fc.constant('breed'),
	corporatie: spec(['Ymere', 'Pré Wonen']),
	doelgroep: spec(TARGET_GROUPS),
	gebeurtenissen: fc.array(
		fc.record({ gebeurtenis: fc.constantFrom(...EVENT_CODES), kolom: column }),
		{ minLength: 1, maxLength: 3 }
	)
});
const long = fc.record({
	...common,
	vorm: fc.constant('lang'),
	datum: fc.record({ kolom: column }),
	gebeurtenis: spec(EVENT_CODES, true)
});
const profile = fc
	.oneof(wide, long)
	.map((json) => validateProfile(json))
	.filter((p) => p.ok)
	.map((p) => (p as { profile: SourceProfile }).profile);

const cell = fc.oneof(
	label,
	fc.constantFrom('2015-03-01', '01-03-2015', '42064', 'YM-1', '1234 AB', '111222333', '"a;b"'),
	fc.string({ maxLength: 6 })
);
const text = fc
	.tuple(
		fc.shuffledSubarray(COLUMNS, { minLength: 7 }),
		fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 12 }),
		fc.constantFrom(';', ',', '\t'),
		fc.constantFrom('\n', '\r\n')
	)
	.map(([header, rows, sep, eol]) => [header, ...rows].map((r) => r.join(sep)).join(eol));
const bytes = fc.oneof(
	text.map((t) => new TextEncoder().encode(t)),
	fc.uint8Array({ maxLength: 200 })
);

function accounted(c: Counts): boolean {
	return c.gelezen === c.geaccepteerd + c.dubbel + c.geweigerd + c.overgeslagen;
}

function check(result: ImportResult): void {
	for (const f of result.files) {
		expect(accounted(f.counts)).toBe(true);
		expect(f.rejected).toHaveLength(f.counts.geweigerd);
		expect(f.duplicates).toHaveLength(f.counts.dubbel);
	}
	expect(accounted(result.totals.dossiers)).toBe(true);
	expect(accounted(result.totals.gebeurtenissen)).toBe(true);
	const accepted = result.files
		.filter((f) => f.role !== 'dossiers')
		.reduce((n, f) => n + f.counts.geaccepteerd, 0);
	expect(result.events).toHaveLength(accepted);
}

describe('any profile on arbitrary bytes', () => {
	it('never throws and accounts for every row', async () => {
		const pseudonymiser = nodePseudonymiser('werkgroep-haarlem-2015-evaluatie');
		// Not vacuous: many runs must read rows through a profile and skip or accept some.
		let read = 0;
		let settled = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(profile, bytes), { minLength: 1, maxLength: 3 }),
				fc.boolean(),
				async (inputs, withKey) => {
					const result = await importSources(
						inputs.map(([p, b], i) => ({ name: `bron-${i}.csv`, bytes: b, profile: p })),
						{ today: '2026-01-01', pseudonymiser: withKey ? pseudonymiser : null }
					);
					check(result);
					if (result.files.some((f) => f.counts.gelezen > 0)) read++;
					if (result.files.some((f) => f.counts.geaccepteerd + f.counts.overgeslagen > 0))
						settled++;
				}
			),
			{ numRuns: 1000 }
		);
		// Measured over ten seeds at 500 runs: read 55–69, settled 9–22 (a pseudonymised column
		// used again is refused since issue 19, so fewer profiles qualify); a seed with settled 5
		// was seen, so the runs were doubled and the bounds kept: at 1000 runs they are far below
		// what chance gives.
		expect(read).toBeGreaterThan(40);
		expect(settled).toBeGreaterThan(5);
	});
});
