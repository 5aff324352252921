/**
 * `npm run evaluate -- --ddas … --sleutel-bestand …`: with the werkgroep key the deliveries are
 * read with their address keys (ddas-schuldhulpverlening.md, "Command line, JSON and page"); the
 * figures are those without a key, the `import` blocks say how many address keys were made, and no
 * address comes out. In a child process as a user runs it, on deliveries of our own
 * (tests/unit/import/ddas-address-deliveries.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RAW, SHV_DELIVERY, SPEC_KEY, VS_DELIVERY } from '../import/ddas-address-deliveries';
import { evaluate } from './run-evaluate';

const dir = mkdtempSync(path.join(tmpdir(), 'evaluate-adres-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string, text: string) => {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
};
const VS = at('vs.json', VS_DELIVERY);
const SHV = at('shv.json', SHV_DELIVERY);
const KEY = ['--sleutel-bestand', at('sleutel.txt', `${SPEC_KEY}\r\n`)];
const DDAS = ['--ddas', VS, '--ddas', SHV, '--van', '2025-01-01', '--tot', '2025-07-01'];
const EXCHANGE = [
	'--dossiers',
	'tests/fixtures/cli/dossiers.csv',
	'--gebeurtenissen',
	'tests/fixtures/cli/gebeurtenissen.csv'
];

/** The document without the address-key counts of the two `import` blocks. */
function withoutAddressCounts(doc: Record<string, Record<string, Record<string, unknown>>>) {
	const copy = structuredClone(doc);
	delete copy.vroegsignalering!.import!.adres_sleutels;
	delete copy.schuldhulpverlening!.import!.adres_sleutels;
	return copy;
}

describe('npm run evaluate -- --ddas with --sleutel-bestand', () => {
	it('the deliveries alone: the same figures, the address keys counted, no address printed', async () => {
		const plain = await evaluate(DDAS);
		const keyed = await evaluate([...DDAS, ...KEY]);
		expect([plain.code, keyed.code]).toEqual([0, 0]);
		const without = JSON.parse(plain.stdout);
		const withKey = JSON.parse(keyed.stdout);
		expect(without.vroegsignalering.import.adres_sleutels).toBeUndefined();
		expect(without.schuldhulpverlening.import.adres_sleutels).toBeUndefined();
		expect(withKey.vroegsignalering.import.adres_sleutels).toBe(3);
		expect(withKey.schuldhulpverlening.import.adres_sleutels).toBe(2);
		expect(withKey.vroegsignalering.totaal.signalen_huur).toBe(9);
		expect(withKey.schuldhulpverlening.totaal.aanmeldingen).toBe(6);
		expect(withoutAddressCounts(withKey)).toEqual(without);
		for (const run of [plain, keyed]) expect(run.stdout + run.stderr).not.toMatch(RAW);
		expect(keyed.stdout).not.toMatch(/[0-9a-f]{32}/);
	});

	it('beside the exchange files (no profile asks for the key): the same figures, the key’s fingerprint', async () => {
		const plain = await evaluate([...EXCHANGE, ...DDAS]);
		const keyed = await evaluate([...EXCHANGE, ...DDAS, ...KEY]);
		expect([plain.code, keyed.code]).toEqual([0, 0]);
		const without = JSON.parse(plain.stdout);
		const withKey = JSON.parse(keyed.stdout);
		expect(withKey.import.sleutel_vingerafdruk).toBe('d1caeaac');
		expect(withKey.vroegsignalering.import.adres_sleutels).toBe(3);
		delete withKey.import.sleutel_vingerafdruk;
		expect(withoutAddressCounts(withKey)).toEqual(without);
		expect(keyed.stdout + keyed.stderr).not.toMatch(RAW);
	});

	it('a key file that is too short is refused, also with the deliveries alone', async () => {
		const short = ['--sleutel-bestand', at('kort.txt', 'kort\n')];
		const { code, stdout, stderr } = await evaluate([...DDAS, ...short]);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/^evaluate: .*kort\.txt: de sleutel is te kort/);
	});
});
