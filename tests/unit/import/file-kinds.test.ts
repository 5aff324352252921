/**
 * Which reader a picked file goes to: the registry sorts deliveries by their content, so that a
 * schuldhulpverlening delivery never reaches the vroegsignalering reader (issue 22).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../src/lib/import/inspect';
import { byKind, kindOf } from '../../../src/lib/sources/registry';

/** The files of each kind and the rest, by name (the shape the tests below were written for). */
function byReader(files: Parameters<typeof byKind>[0]) {
	const { deliveries, overig } = byKind(files);
	const of = (id: string) => deliveries.find((d) => d.kind.id === id)?.files ?? [];
	return {
		vroegsignalering: of('vroegsignalering'),
		schuldhulpverlening: of('schuldhulpverlening'),
		overig
	};
}
const isDelivery = (bytes: Uint8Array) => kindOf(bytes) !== null;

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../fixtures/ddas/${name}`, import.meta.url)));
const text = (s: string) => new TextEncoder().encode(s);

const SHV = { name: 'shv.json', bytes: fixture('shv-v1.0-eigen-levering.json') };
const VS = { name: 'vs.json', bytes: fixture('v1.0-eigen-levering.json') };
const CSV = { name: 'dossiers.csv', bytes: text('dossier_id;corporatie\nD1;C\n') };

describe('the page sorts files by reader', () => {
	it('sends each delivery to its own reader and everything else to the pipeline', () => {
		const sorted = byReader([CSV, SHV, VS]);
		expect(sorted.schuldhulpverlening.map((f) => f.name)).toEqual(['shv.json']);
		expect(sorted.vroegsignalering.map((f) => f.name)).toEqual(['vs.json']);
		expect(sorted.overig.map((f) => f.name)).toEqual(['dossiers.csv']);
	});

	it('recognises a schuldhulpverlening delivery whose trajecten come after other keys', () => {
		const shv = text(
			'{"leveringen":[{"aanleverende_organisatie":{},"Schuldhulp_Trajecten":[]}],"startdatumLevering":"2025-01-01"}'
		);
		const vs = text('{"leveringen":[{"vroegsignalen":[]}]}');
		const sorted = byReader([
			{ name: 'a.json', bytes: shv },
			{ name: 'b.json', bytes: vs }
		]);
		expect(sorted.schuldhulpverlening.map((f) => f.name)).toEqual(['a.json']);
		expect(sorted.vroegsignalering.map((f) => f.name)).toEqual(['b.json']);
	});

	it('never treats a file with a profile as a delivery', () => {
		const sorted = byReader([{ ...SHV, profile: { naam: 'p' } }]);
		expect(sorted.overig).toHaveLength(1);
		expect(sorted.schuldhulpverlening).toHaveLength(0);
	});

	it('inspects a schuldhulpverlening delivery as a delivery, not as an export to map', () => {
		expect(inspectFile(SHV, isDelivery)).toEqual({ name: 'shv.json', kind: 'ddas', heads: [] });
		expect(inspectFile(VS, isDelivery).kind).toBe('ddas');
	});
});
