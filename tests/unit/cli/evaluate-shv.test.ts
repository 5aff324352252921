/**
 * `npm run evaluate -- --ddas …` with a schuldhulpverlening delivery: the `schuldhulpverlening`
 * block of ddas-schuldhulpverlening.md, in a child process as a user runs it, on our own delivery
 * (hand count in tests/unit/metrics/schuldhulpverlening.test.ts), beside a vroegsignalering
 * delivery and beside the exchange-format files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from './run-evaluate';

const SHV = 'tests/fixtures/ddas/shv-v1.0-eigen-levering.json';
const VS = 'tests/fixtures/ddas/v1.0-eigen-levering.json';
const SECRETS = /111222333|1971-03-04|9999ZZ|Geheim|Jan Contactpersoon/;
const PERIOD = ['--van', '2025-01-01', '--tot', '2025-07-01'];

const dir = mkdtempSync(path.join(tmpdir(), 'evaluate-shv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run evaluate -- --ddas (schuldhulpverlening)', () => {
	it('prints the block for a delivery alone, with --gemeente and --peildatum', async () => {
		const { code, stdout, stderr } = await evaluate([
			'--ddas',
			SHV,
			'--gemeente',
			'392',
			'--gemeente',
			'GM0363',
			'--peildatum',
			'2025-06-30',
			...PERIOD
		]);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.selectie).toEqual({ van: '2025-01-01', tot: '2025-07-01' });
		expect(doc.vroegsignalering).toBeUndefined();
		const shv = doc.schuldhulpverlening;
		expect(shv.selectie).toEqual({ gemeenten: ['0363', '0392'], peildatum: '2025-06-30' });
		expect(shv.import).toEqual({
			trajecten: { gelezen: 11, geaccepteerd: 11, waarschuwingen: 2, vervangen: 0, geweigerd: 0 }
		});
		expect(Object.keys(shv.per_gemeente)).toEqual(['0363', '0392']);
		expect(shv.totaal.aanmeldingen).toBe(8);
		expect(shv.totaal.aanmeldingen_crisis).toBe(3);
		expect(shv.totaal.eerste_gesprek).toEqual({ n: 5, binnen_norm: 3, open_boven_norm: 2 });
		expect(shv.totaal.beschikking).toEqual({ n: 4, binnen_norm: 3, toelating: 3, afwijzing: 1 });
		expect(shv.totaal.doorlooptijden.aanmelding_eerste_gesprek).toEqual({
			n: 5,
			open: 3,
			mediaan: 14,
			p25: 6,
			p75: 17,
			p90: 26
		});
		expect(shv.per_gemeente['0392'].aanmeldingen).toBe(7);
		expect(stdout + stderr).not.toMatch(SECRETS);
	});

	it('takes the latest date of the trajecten as peildatum, and every gemeente, by default', async () => {
		const { code, stdout } = await evaluate(['--ddas', SHV, ...PERIOD]);
		expect(code).toBe(0);
		const shv = JSON.parse(stdout).schuldhulpverlening;
		expect(shv.selectie).toEqual({ gemeenten: ['0363', '0392', '0599'], peildatum: '2025-07-15' });
		expect(shv.totaal.aanmeldingen).toBe(9);
		// T5 (norm 06-17) and T6 (06-13) passed their norm by 07-15; T7 (07-18) not; 0599's T11 (03-29) did.
		expect(shv.totaal.eerste_gesprek.open_boven_norm).toBe(3);
	});

	it("takes the case data's peildatum beside case data: one peildatum for every figure", async () => {
		const { code, stdout } = await evaluate([
			'--dossiers',
			'tests/fixtures/cli/dossiers.csv',
			'--gebeurtenissen',
			'tests/fixtures/cli/gebeurtenissen.csv',
			'--ddas',
			SHV,
			...PERIOD
		]);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		// The case data end years before the trajecten: as of then no norm of 2025 has passed.
		expect(doc.selectie.peildatum < '2025-01-01').toBe(true);
		expect(doc.schuldhulpverlening.selectie.peildatum).toBe(doc.selectie.peildatum);
		expect(doc.schuldhulpverlening.totaal.eerste_gesprek.open_boven_norm).toBe(0);
	});

	it('a later snapshot replaces the earlier one, though loaded first', async () => {
		const later = JSON.parse(readFileSync(SHV, 'utf8'));
		later.aanleverdatumEnTijd = '2025-08-15T08:00:00Z';
		// T5 (aanmelding 05-20) has had its first conversation since.
		const t5 = later.leveringen[0].schuldhulptrajecten[4];
		expect(t5.aanmelding.startdatum).toBe('2025-05-20');
		t5.intake = { startdatum: '2025-06-01' };
		const laterFile = path.join(dir, 'later.json');
		writeFileSync(laterFile, JSON.stringify(later));
		const { code, stdout } = await evaluate([
			'--ddas',
			laterFile,
			'--ddas',
			SHV,
			'--peildatum',
			'2025-06-30',
			...PERIOD
		]);
		expect(code).toBe(0);
		const shv = JSON.parse(stdout).schuldhulpverlening;
		expect(shv.import.trajecten).toEqual({
			gelezen: 22,
			geaccepteerd: 11,
			waarschuwingen: 2,
			vervangen: 11,
			geweigerd: 0
		});
		// Every gemeente: 0599's T11 (norm 03-29) and T6 are still without a first conversation.
		expect(shv.totaal.eerste_gesprek).toEqual({ n: 6, binnen_norm: 4, open_boven_norm: 2 });
	});

	it('takes both kinds of delivery at once, each recognised by its content', async () => {
		const { code, stdout } = await evaluate(['--ddas', VS, '--ddas', SHV, ...PERIOD]);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.vroegsignalering.selectie.gemeenten).toEqual(['0034', '0518', '0599']);
		expect(doc.vroegsignalering.import.signalen.gelezen).toBe(17);
		expect(doc.schuldhulpverlening.selectie.gemeenten).toEqual(['0363', '0392', '0599']);
		expect(doc.schuldhulpverlening.import.trajecten.gelezen).toBe(11);
	});

	it('adds the block to the exchange-format JSON, on the peildatum of the other figures', async () => {
		const { code, stdout } = await evaluate([
			'--dossiers',
			'tests/fixtures/cli/dossiers.csv',
			'--gebeurtenissen',
			'tests/fixtures/cli/gebeurtenissen.csv',
			'--ddas',
			SHV,
			'--peildatum',
			'2025-06-14',
			...PERIOD
		]);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.totaal).toBeDefined();
		expect(doc.selectie.peildatum).toBe('2025-06-14');
		expect(doc.schuldhulpverlening.selectie.peildatum).toBe('2025-06-14');
		// T6's norm 06-13 has passed, T5's 06-17 not yet; 0599's T11 did.
		expect(doc.schuldhulpverlening.totaal.eerste_gesprek.open_boven_norm).toBe(2);
	});

	it('refuses a delivery that is broken JSON with one Dutch line naming the file', async () => {
		const broken = path.join(dir, 'kapot.json');
		writeFileSync(broken, '{"leveringen": [{"schuldhulptrajecten": [}]}');
		const { code, stderr } = await evaluate(['--ddas', broken, ...PERIOD]);
		expect(code).toBe(2);
		expect(stderr).toMatch(
			/^evaluate: .*kapot\.json: dit is geen geldige JSON op regel 1, kolom 42/
		);
		expect(stderr.trim().split('\n')).toHaveLength(1);
	});
});
