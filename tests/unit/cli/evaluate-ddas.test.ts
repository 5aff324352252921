/**
 * `npm run evaluate -- --ddas …`: the vroegsignalering block of ddas-vroegsignalering.md, in a
 * child process as a user runs it, on our own deliveries in the shape of VNG's examples (hand count in
 * tests/unit/metrics/vroegsignalering.test.ts) and beside the exchange-format files.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './run-evaluate';

const V10 = 'tests/fixtures/ddas/v1.0-eigen-levering.json';
const V12 = 'tests/fixtures/ddas/v1.2-eigen-levering.json';

describe('npm run evaluate -- --ddas', () => {
	it('prints the block for one delivery alone, with --gemeente', async () => {
		const { code, stdout } = await evaluate([
			'--ddas',
			V10,
			'--gemeente',
			'518',
			'--gemeente',
			'GM0599',
			'--van',
			'2025-04-01',
			'--tot',
			'2025-07-01'
		]);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.selectie).toEqual({ van: '2025-04-01', tot: '2025-07-01' });
		const vs = doc.vroegsignalering;
		expect(vs.selectie).toEqual({ gemeenten: ['0518', '0599'] });
		// The import counts do not depend on the selection: all 17 signals and 16 cases.
		expect(vs.import).toEqual({
			signalen: { gelezen: 17, geaccepteerd: 17, waarschuwingen: 0, vervangen: 0, geweigerd: 0 },
			zaken: { gelezen: 16, geaccepteerd: 16, waarschuwingen: 2, vervangen: 0, geweigerd: 0 }
		});
		expect(Object.keys(vs.per_gemeente)).toEqual(['0518', '0599']);
		// Without Almere (0034: Zorg 1, Hypotheek 1): 15 signals.
		expect(
			Object.values(vs.totaal.signalen as Record<string, number>).reduce((a, b) => a + b)
		).toBe(15);
		expect([vs.totaal.zaken_huur, vs.totaal.opgepakt, vs.totaal.bereikt, vs.totaal.hulp]).toEqual([
			2, 2, 2, 2
		]);
	});

	it('the same delivery twice (1.0 then 1.2, same aanleverdatumEnTijd): the file loaded last counts', async () => {
		const { code, stdout } = await evaluate([
			'--ddas',
			V10,
			'--ddas',
			V12,
			'--van',
			'2025-01-01',
			'--tot',
			'2026-01-01'
		]);
		expect(code).toBe(0);
		const vs = JSON.parse(stdout).vroegsignalering;
		expect(vs.selectie.gemeenten).toEqual(['0034', '0518', '0599']);
		expect(vs.import).toEqual({
			signalen: { gelezen: 34, geaccepteerd: 17, waarschuwingen: 0, vervangen: 17, geweigerd: 0 },
			zaken: { gelezen: 32, geaccepteerd: 16, waarschuwingen: 2, vervangen: 16, geweigerd: 0 }
		});
		expect(vs.totaal.signalen_huur).toBe(2);
		expect(vs.totaal.bedrag_huur_mediaan).toBe(1210);
	});

	it('adds the block to the exchange-format JSON', async () => {
		const { code, stdout } = await evaluate([
			'--dossiers',
			'tests/fixtures/cli/dossiers.csv',
			'--gebeurtenissen',
			'tests/fixtures/cli/gebeurtenissen.csv',
			'--ddas',
			V12,
			'--van',
			'2025-01-01',
			'--tot',
			'2025-07-01'
		]);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.totaal).toBeDefined();
		expect(doc.vroegsignalering.totaal.zaken_huur).toBe(2);
	});

	it('refuses a file that is no delivery, and a bad --gemeente, with one Dutch line', async () => {
		const notJson = await evaluate([
			'--ddas',
			'tests/fixtures/cli/dossiers.csv',
			'--van',
			'2025-01-01',
			'--tot',
			'2025-07-01'
		]);
		expect(notJson.code).toBe(2);
		expect(notJson.stderr).toMatch(
			/^evaluate: tests\/fixtures\/cli\/dossiers\.csv: dit is geen geldige JSON op regel 1, kolom 1/
		);
		const bad = await evaluate([
			'--ddas',
			V10,
			'--gemeente',
			'Haarlem',
			'--van',
			'2025-01-01',
			'--tot',
			'2025-07-01'
		]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe(
			'evaluate: --gemeente Haarlem is geen gemeentecode (vier cijfers, bijv. 0392)\n'
		);
	});
});
