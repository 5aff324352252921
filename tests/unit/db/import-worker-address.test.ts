/**
 * The werkgroep key reaches the DDAS readers in the import worker (the page's path): with the key
 * the deliveries' tables carry the address keys and the report counts them, without it neither;
 * nothing of an address is in what the worker posts. The worker runs here in Node under a
 * stand-in `self`, as in import-worker-errors.test.ts.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VsArrow } from '../../../src/lib/db/ddas-arrow';
import type { ShvArrow } from '../../../src/lib/db/shv-arrow';
import type { DdasFileReport } from '../../../src/lib/import/ddas-combine';
import type { ShvFileReport } from '../../../src/lib/import/ddas-shv';
import type { ImportResponse } from '../../../src/lib/worker/import-protocol';
import {
	KEY_WITHOUT_ADDITION,
	KEY_WITH_ADDITION,
	RAW,
	SHV_DELIVERY,
	SPEC_KEY,
	VS_DELIVERY
} from '../import/ddas-address-deliveries';

const posted: ImportResponse[] = [];
const self = {
	postMessage: (message: ImportResponse) => posted.push(message),
	addEventListener: () => undefined,
	onmessage: null as null | ((event: { data: unknown }) => Promise<void>)
};

beforeAll(async () => {
	(globalThis as { self?: unknown }).self = self;
	await import('../../../src/lib/worker/import-worker');
});

const encode = (text: string) => new TextEncoder().encode(text);

/** The worker's answer to an import of the case files and both deliveries, with this key (the deliveries by kind). */
async function importWith(key: string | null) {
	posted.length = 0;
	const files = [
		{ name: 'dossiers.csv', bytes: readFileSync('tests/fixtures/cli/dossiers.csv'), profile: null },
		{
			name: 'gebeurtenissen.csv',
			bytes: readFileSync('tests/fixtures/cli/gebeurtenissen.csv'),
			profile: null
		},
		{ name: 'vs.json', bytes: encode(VS_DELIVERY), profile: null },
		{ name: 'shv.json', bytes: encode(SHV_DELIVERY), profile: null }
	];
	await self.onmessage!({
		data: { kind: 'import', files, today: '2025-09-01', dropPersonalData: false, key }
	});
	const done = posted.find((m) => m.type === 'done');
	if (!done || done.type !== 'done') throw new Error(JSON.stringify(posted.at(-1)));
	type Of<R, A> = { bestanden: R[]; meldingen: unknown[]; arrow: A };
	return {
		report: done.report,
		ddas: done.deliveries.vroegsignalering as Of<DdasFileReport, VsArrow> | undefined,
		shv: done.deliveries.schuldhulpverlening as Of<ShvFileReport, ShvArrow> | undefined
	};
}

/** The column of an Arrow IPC stream as plain values. */
const column = (ipc: Uint8Array, name: string) =>
	[...tableFromIPC(ipc).getChild(name)!].map((v) => (v === undefined ? null : v));

describe('the import worker with the werkgroep key', () => {
	it('makes the address keys of both deliveries, and counts them', async () => {
		const done = await importWith(SPEC_KEY);
		expect(done.ddas!.bestanden[0]!.adresSleutels).toBe(3);
		expect(done.shv!.bestanden[0]!.adresSleutels).toBe(2);
		expect(column(done.ddas!.arrow.signalen, 'adres_sleutel').slice(0, 4)).toEqual([
			KEY_WITH_ADDITION,
			KEY_WITHOUT_ADDITION,
			KEY_WITHOUT_ADDITION,
			null
		]);
		expect(column(done.shv!.arrow.trajecten, 'adres_sleutel').slice(0, 3)).toEqual([
			KEY_WITH_ADDITION,
			KEY_WITHOUT_ADDITION,
			null
		]);
		const { arrow: _a, ...ddas } = done.ddas!;
		const { arrow: _b, ...shv } = done.shv!;
		expect(JSON.stringify({ ddas, shv, report: done.report })).not.toMatch(RAW);
		const decoder = new TextDecoder('latin1');
		for (const ipc of [...Object.values(done.ddas!.arrow), ...Object.values(done.shv!.arrow)])
			expect(decoder.decode(ipc)).not.toMatch(RAW);
	});

	it('without a key: no address keys, and the column is NULL', async () => {
		const done = await importWith(null);
		expect(done.ddas!.bestanden[0]!.adresSleutels).toBeUndefined();
		expect(done.shv!.bestanden[0]!.adresSleutels).toBeUndefined();
		expect(column(done.ddas!.arrow.signalen, 'adres_sleutel').every((v) => v === null)).toBe(true);
		expect(column(done.shv!.arrow.trajecten, 'adres_sleutel').every((v) => v === null)).toBe(true);
	});
});
