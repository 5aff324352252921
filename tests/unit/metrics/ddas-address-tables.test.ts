/**
 * The address keys of the DDAS deliveries in DuckDB: `vs_signalen.adres_sleutel` and
 * `shv_trajecten.adres_sleutel` hold them when the deliveries were read with the werkgroep key,
 * NULL without; the figures are the same either way. Deliveries of our own
 * (tests/unit/import/ddas-address-deliveries.ts and tests/fixtures/ddas).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { ddasToArrowIpc } from '../../../src/lib/db/ddas-arrow';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { shvToArrowIpc } from '../../../src/lib/db/shv-arrow';
import { importDdasFilesWithAddressKeys } from '../../../src/lib/import/ddas-combine';
import { importShvFilesWithAddressKeys } from '../../../src/lib/import/ddas-shv';
import { nodePseudonymiser } from '../../../src/lib/import/profiles/pseudonym-node';
import { shvDocument } from '../../../src/lib/metrics/schuldhulpverlening';
import { loadSchuldhulpverlening } from '../../../src/lib/metrics/schuldhulpverlening-load';
import { vsDocument } from '../../../src/lib/metrics/vroegsignalering';
import { loadVroegsignalering } from '../../../src/lib/metrics/vroegsignalering-load';
import {
	KEY_WITHOUT_ADDITION,
	KEY_WITH_ADDITION,
	RAW,
	SHV_DELIVERY,
	SPEC_KEY,
	VS_DELIVERY
} from '../import/ddas-address-deliveries';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const fixture = (name: string) => ({ name, bytes: readFileSync(`tests/fixtures/ddas/${name}`) });
const VS_FILES = [file('vs.json', VS_DELIVERY), fixture('v1.0-eigen-levering.json')];
const SHV_FILES = [file('shv.json', SHV_DELIVERY), fixture('shv-v1.0-eigen-levering.json')];
const VS_SELECTION = { van: '2025-01-01', tot: '2025-07-01', gemeenten: ['0034', '0392', '0599'] };
const SHV_SELECTION = {
	van: '2025-01-01',
	tot: '2025-07-01',
	gemeenten: ['0363', '0392'],
	peildatum: '2025-06-30'
};

/** The DDAS tables loaded. */
const TABLES = [
	'vs_signalen',
	'vs_zaken',
	'vs_pogingen',
	'vs_huurzaken',
	'shv_trajecten',
	'shv_schulden'
] as const;

/** Every table's rows as JSON text, to search for what must not be there. */
async function everything(db: Database): Promise<string> {
	let text = '';
	for (const t of TABLES)
		text += JSON.stringify(await db.query(`SELECT * FROM ${t}`), (_, v) =>
			typeof v === 'bigint' ? Number(v) : v
		);
	return text;
}

describe.each([
	['with the werkgroep key', true],
	['without a key', false]
])('the DDAS tables %s', (_, withKey) => {
	let db: Database;
	beforeAll(async () => {
		db = await openNodeDatabase();
		const pseudonymise = withKey ? nodePseudonymiser(SPEC_KEY) : null;
		const vs = await importDdasFilesWithAddressKeys(
			VS_FILES,
			{ today: '2026-12-01' },
			pseudonymise
		);
		await loadVroegsignalering(db, ddasToArrowIpc(vs));
		const shv = await importShvFilesWithAddressKeys(
			SHV_FILES,
			{ today: '2025-09-01' },
			pseudonymise
		);
		await loadSchuldhulpverlening(db, shvToArrowIpc(shv));
	});
	afterAll(async () => db.close());

	it('vs_signalen.adres_sleutel: the key of each signal’s client, NULL without', async () => {
		const rows = await db.query<{ id: string; adres_sleutel: string | null; type: string }>(
			"SELECT id, adres_sleutel, typeof(adres_sleutel) AS type FROM vs_signalen WHERE gemeente = '0392' ORDER BY id"
		);
		expect(rows.map((r) => [r.id, r.adres_sleutel])).toEqual(
			[
				['S1', KEY_WITH_ADDITION],
				['S2', KEY_WITHOUT_ADDITION],
				['S3', KEY_WITHOUT_ADDITION],
				['S4', null],
				['S5', null],
				['S6', null],
				['S7', null],
				['S8', null],
				['S9', null]
			].map(([id, key]) => [id, withKey ? key : null])
		);
		expect(rows[0]!.type).toBe('VARCHAR');
		const [counted] = await db.query<{ n: number }>(
			"SELECT count(*)::INTEGER AS n FROM vs_signalen WHERE gemeente <> '0392' AND adres_sleutel IS NOT NULL"
		);
		// The fixture's 17 clients all have an address.
		expect(counted!.n).toBe(withKey ? 17 : 0);
	});

	it('shv_trajecten.adres_sleutel: the key of each traject’s first client, NULL without', async () => {
		const rows = await db.query<{ aanmelding: string; adres_sleutel: string | null }>(
			"SELECT strftime(aanmelding, '%Y-%m-%d') AS aanmelding, adres_sleutel FROM shv_trajecten WHERE aanmelding < DATE '2025-01-11' ORDER BY traject"
		);
		// The fixture, delivered later, has a traject of 0392 signed on on 01-06 without an address
		// (no house number): without a key it replaces the two of 01-06 in shv.json; with the key
		// the three have different identities.
		const plain = [
			['2025-01-07', null],
			['2025-01-08', null],
			['2025-01-09', null],
			['2025-01-10', null],
			['2025-01-06', null],
			['2024-12-20', null]
		];
		expect(rows.map((r) => [r.aanmelding, r.adres_sleutel])).toEqual(
			withKey
				? [['2025-01-06', KEY_WITH_ADDITION], ['2025-01-06', KEY_WITHOUT_ADDITION], ...plain]
				: plain
		);
	});

	it('holds no address, no message and none of the client’s other data', async () => {
		expect(await everything(db)).not.toMatch(RAW);
	});

	it('the vroegsignalering figures are the same as without a key', async () => {
		const vs = await vsDocument(db, VS_SELECTION, []);
		expect(vs.totaal.signalen_huur).toBeGreaterThan(0);
		expect(vs).toEqual((await withoutKey()).vs);
	});

	it('the schuldhulpverlening figures differ only by the trajecten the address keys tell apart', async () => {
		const shv = await shvDocument(db, SHV_SELECTION, []);
		const plain = (await withoutKey()).shv;
		expect(shv.totaal.aanmeldingen).toBe(plain.totaal.aanmeldingen + (withKey ? 2 : 0));
		if (!withKey) expect(shv).toEqual(plain);
	});
});

describe('the figures of the fixture', () => {
	it('are the same with the key as without (its clients have no house number)', async () => {
		const figures = async (pseudonymise: ReturnType<typeof nodePseudonymiser> | null) => {
			const db = await openNodeDatabase();
			try {
				const shv = await importShvFilesWithAddressKeys(
					[fixture('shv-v1.0-eigen-levering.json')],
					{ today: '2025-09-01' },
					pseudonymise
				);
				await loadSchuldhulpverlening(db, shvToArrowIpc(shv));
				return await shvDocument(db, SHV_SELECTION, shv.bestanden);
			} finally {
				await db.close();
			}
		};
		const plain = await figures(null);
		const keyed = await figures(nodePseudonymiser(SPEC_KEY));
		expect(plain.totaal.aanmeldingen).toBe(8);
		expect(keyed.import.adres_sleutels).toBe(0);
		const { adres_sleutels: _, ...keyedImport } = keyed.import;
		expect({ ...keyed, import: keyedImport }).toEqual(plain);
	});
});

let plainFigures: Promise<{
	vs: Awaited<ReturnType<typeof vsDocument>>;
	shv: Awaited<ReturnType<typeof shvDocument>>;
}> | null = null;
/** The figures of the same deliveries read without a key, computed once. */
function withoutKey() {
	plainFigures ??= (async () => {
		const db = await openNodeDatabase();
		try {
			const vs = await importDdasFilesWithAddressKeys(VS_FILES, { today: '2026-12-01' }, null);
			await loadVroegsignalering(db, ddasToArrowIpc(vs));
			const shv = await importShvFilesWithAddressKeys(SHV_FILES, { today: '2025-09-01' }, null);
			await loadSchuldhulpverlening(db, shvToArrowIpc(shv));
			return {
				vs: await vsDocument(db, VS_SELECTION, []),
				shv: await shvDocument(db, SHV_SELECTION, [])
			};
		} finally {
			await db.close();
		}
	})();
	return plainFigures;
}
