/**
 * The import reports of the DDAS deliveries (DdasImportReport, ShvImportReport), rendered on the
 * server: read with the werkgroep key they say how many address keys were made and that the
 * addresses themselves were not kept; without a key they read as before.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DdasImportReport from '../../../src/lib/components/DdasImportReport.svelte';
import ShvImportReport from '../../../src/lib/components/ShvImportReport.svelte';
import type { DdasFileReport } from '../../../src/lib/import/ddas-combine';
import type { ShvFileReport } from '../../../src/lib/import/ddas-shv';

const counts = { gelezen: 320, geaccepteerd: 320, waarschuwingen: 0, vervangen: 0, geweigerd: 0 };
const header = {
	weigering: null,
	aanleverdatumEnTijd: null,
	startdatumLevering: null,
	einddatumLevering: null,
	clientObjecten: 320,
	organisatie: true
};
const vs = (bestand: string, adresSleutels?: number): DdasFileReport => ({
	bestand,
	...header,
	signalen: counts,
	zaken: counts,
	...(adresSleutels === undefined ? {} : { adresSleutels })
});
const shv = (bestand: string, adresSleutels?: number): ShvFileReport => ({
	bestand,
	...header,
	trajecten: counts,
	...(adresSleutels === undefined ? {} : { adresSleutels })
});
/** The rendered text, without markup. */
const text = (html: string) =>
	html
		.replace(/<!--[^>]*-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');

describe.each([
	[
		'vroegsignalering',
		(b: (number | undefined)[]) =>
			render(DdasImportReport, {
				props: { bestanden: b.map((n, i) => vs(`l${i}.json`, n)), meldingen: [] }
			}).body
	],
	[
		'schuldhulpverlening',
		(b: (number | undefined)[]) =>
			render(ShvImportReport, {
				props: { bestanden: b.map((n, i) => shv(`l${i}.json`, n)), meldingen: [] }
			}).body
	]
])('the %s import report', (_, report) => {
	it('with the key: the address keys made, the addresses not kept', () => {
		const html = report([300, 12]);
		expect(text(html)).toContain('312 adressleutels gemaakt; adressen zelf niet bewaard.');
		expect(text(html)).toContain('alleen postcode, huisnummer en toevoeging gelezen');
		expect(text(html)).toContain('Adressleutels gemaakt');
		expect(text(html)).not.toContain('niet gelezen');
		expect(html).toContain('data-adressleutels="312"');
	});

	it('one address key: singular', () => {
		expect(text(report([1]))).toContain('1 adressleutel gemaakt;');
	});

	it('without a key: as before, the client objects not read', () => {
		const html = report([undefined]);
		expect(text(html)).toContain('Client-objecten niet gelezen');
		expect(text(html)).not.toMatch(/adressleutel/i);
	});
});
