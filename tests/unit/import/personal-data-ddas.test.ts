/**
 * The personal-data guard on DDAS deliveries (ddas.ts): every text the reader reads and could
 * show (partner type, dates, bedrag as text, resultaat, contact attempts, gemeentecode, the IDs)
 * is screened; a signal or case with personal data is refused with its JSON path and a Dutch
 * reason, and its value is shown nowhere.
 */
import { describe, expect, it } from 'vitest';
import { readDdasText } from '../../../src/lib/import/ddas';
import { combineDdas, type DdasResult } from '../../../src/lib/import/ddas-combine';

const today = '2026-12-01';

type Json = Record<string, unknown>;
const signal = (id: unknown, extra: Json = {}): Json => ({
	ID: id,
	signaaldatum: '2025-03-01',
	bedrag: 500,
	signaalpartner: { type: 'Huur' },
	...extra
});
const zaak = (ids: unknown[], extra: Json = {}): Json => ({
	resultaat: 'Vervolghulp en/of verwijzing financieel',
	...extra,
	vroegsignalen: ids.map((ID) => ({ ID }))
});
const delivery = (
	signals: Json[],
	cases: Json[],
	header: Json = {},
	gemeentecode: unknown = '0392'
) =>
	JSON.stringify({
		aanleverdatumEnTijd: '2025-07-01T10:00:00Z',
		...header,
		leveringen: [{ gemeentecode, vroegsignalen: signals, vroegsignaalzaken: cases }]
	});
const combine = (text: string) => combineDdas([readDdasText('l.json', text, { today })]);

/** The accounting of the one file: read = accepted + replaced + rejected, and the issues match. */
function accounted(r: DdasResult) {
	const f = r.bestanden[0]!;
	for (const part of ['signalen', 'zaken'] as const) {
		const c = f[part];
		expect(c.gelezen).toBe(c.geaccepteerd + c.vervangen + c.geweigerd);
		const onderdeel = part === 'signalen' ? 'signaal' : 'zaak';
		const refused = r.meldingen.filter((m) => m.onderdeel === onderdeel && m.soort === 'geweigerd');
		expect(refused).toHaveLength(c.geweigerd);
	}
	expect(r.signalen).toHaveLength(f.signalen.geaccepteerd);
	expect(r.zaken).toHaveLength(f.zaken.geaccepteerd);
}

const REASON =
	/^Dit veld bevat .+ \(persoonsgegevens\); (het signaal|de zaak) is geweigerd en de waarde wordt niet getoond\.$/;

describe('a signal with personal data in a field it reads is refused', () => {
	it.each([
		{ field: { signaalpartner: { type: 'J. de Vries 06-12345678' } }, pad: '.signaalpartner.type' },
		{ field: { signaalpartner: { type: 'jan@example.nl' } }, pad: '.signaalpartner.type' },
		{ field: { signaalpartner: { type: 111222333 } }, pad: '.signaalpartner.type' },
		{ field: { signaalpartner: { type: 'J. de Vries' } }, pad: '.signaalpartner.type' },
		{ field: { signaaldatum: '0612345678' }, pad: '.signaaldatum' },
		{ field: { signaaldatum: '2011 RD' }, pad: '.signaaldatum' },
		{ field: { bedrag: 'NL91ABNA0417164300' }, pad: '.bedrag' },
		{ field: { bedrag: '111222333' }, pad: '.bedrag' }
	])('$pad: $field', ({ field, pad }) => {
		const text = delivery([signal('A', field), signal('B')], [zaak(['A', 'B'])]);
		const r = combine(text);
		accounted(r);
		expect(r.bestanden[0]!.signalen).toMatchObject({ gelezen: 2, geaccepteerd: 1, geweigerd: 1 });
		expect(r.meldingen.map((m) => [m.pad, m.soort])).toEqual([
			[`leveringen[0].vroegsignalen[0]${pad}`, 'geweigerd'],
			// The case keeps its other signal; the reference to A is dropped (A is not accepted).
			['leveringen[0].vroegsignaalzaken[0].vroegsignalen[0]', 'waarschuwing']
		]);
		expect(r.meldingen[0]!.reden).toMatch(REASON);
		const value = Object.values(field)[0]!;
		const shown = typeof value === 'object' ? String(Object.values(value)[0]) : String(value);
		expect(JSON.stringify(r)).not.toContain(shown);
	});

	it('ordinary values pass: a known or unknown partner type, a bedrag, a date', () => {
		const r = combine(
			delivery(
				[signal('A'), signal('B', { signaalpartner: { type: 'Telecom' }, bedrag: '500' })],
				[]
			)
		);
		accounted(r);
		expect(r.bestanden[0]!.signalen).toMatchObject({ geaccepteerd: 2, waarschuwingen: 1 });
		expect(r.meldingen.map((m) => m.pad)).toEqual([
			'leveringen[0].vroegsignalen[1].signaalpartner.type',
			'leveringen[0].vroegsignalen[1].bedrag'
		]);
	});
});

describe('a case with personal data in a field it reads is refused', () => {
	it.each([
		{ extra: { resultaat: 'mail j.jansen@example.nl' }, pad: '.resultaat' },
		{ extra: { resultaat: 'BSN 111222333' }, pad: '.resultaat' },
		{ extra: { resultaat: 'Dhr. Jansen' }, pad: '.resultaat' },
		{ extra: { datumOpgepakt: '+31 6 1234 5678' }, pad: '.datumOpgepakt' },
		{
			extra: { contactpogingen: [{ soort: 'Telefoon' }, { soort: '06-12345678', bereikt: true }] },
			pad: '.contactpogingen[1].soort'
		},
		{
			extra: { contactpogingen: [{ soort: 'Brief', datum: '1234ab' }] },
			pad: '.contactpogingen[0].datum'
		}
	])('$pad', ({ extra, pad }) => {
		const r = combine(delivery([signal('A')], [zaak(['A'], extra)]));
		accounted(r);
		expect(r.bestanden[0]!.zaken).toMatchObject({ gelezen: 1, geaccepteerd: 0, geweigerd: 1 });
		expect(r.meldingen).toHaveLength(1);
		expect(r.meldingen[0]).toMatchObject({
			onderdeel: 'zaak',
			pad: `leveringen[0].vroegsignaalzaken[0]${pad}`,
			soort: 'geweigerd'
		});
		expect(r.meldingen[0]!.reden).toMatch(REASON);
		expect(r.pogingen).toEqual([]);
		for (const secret of ['j.jansen', '111222333', '1234 5678', '12345678', '1234ab', 'Jansen'])
			expect(JSON.stringify(r)).not.toContain(secret);
	});
});

describe('IDs are screened as one id column per delivery', () => {
	it('a BSN as signal ID among other IDs: the signal and the case referring to it are refused', () => {
		const text = delivery(
			[signal('VS-1'), signal('111222333'), signal('VS-3')],
			[zaak(['VS-1']), zaak(['111222333', 'VS-3'])]
		);
		const r = combine(text);
		accounted(r);
		expect(r.bestanden[0]!.signalen).toMatchObject({ geaccepteerd: 2, geweigerd: 1 });
		expect(r.bestanden[0]!.zaken).toMatchObject({ geaccepteerd: 1, geweigerd: 1 });
		expect(r.meldingen.map((m) => m.pad)).toEqual([
			'leveringen[0].vroegsignalen[1].ID',
			'leveringen[0].vroegsignaalzaken[1].vroegsignalen[0].ID'
		]);
		for (const m of r.meldingen) expect(m.reden).toMatch(REASON);
		expect(JSON.stringify(r)).not.toContain('111222333');
	});

	it('a numeric BSN as ID, and a phone number as ID', () => {
		const r = combine(delivery([signal(111222333), signal('0612345678'), signal('X')], []));
		accounted(r);
		expect(r.signalen.map((s) => s.id)).toEqual(['X']);
		expect(JSON.stringify(r)).not.toMatch(/111222333|0612345678/);
	});

	it('the earlier warnings of a record refused for its ID are dropped', () => {
		const text = delivery(
			[signal('111222333', { signaalpartner: { type: 'Telecom' } }), signal('X')],
			[]
		);
		const r = combine(text);
		accounted(r);
		expect(r.meldingen.map((m) => [m.pad, m.soort])).toEqual([
			['leveringen[0].vroegsignalen[0].ID', 'geweigerd']
		]);
	});

	it('numeric IDs: 9-digit ones that pass the eleven-test by chance are kept', () => {
		// 40 consecutive numbers: a few pass the eleven-test, as numbers do by chance.
		const ids = Array.from({ length: 40 }, (_, i) => String(123456700 + i));
		const r = combine(
			delivery(
				ids.map((id) => signal(id)),
				[zaak([ids[0], ids[1]])]
			)
		);
		accounted(r);
		expect(r.signalen).toHaveLength(40);
		expect(r.meldingen).toEqual([]);
	});

	it('hex pseudonyms as IDs pass, also with the digits of a phone number inside', () => {
		const ids = [
			'a3f9c1e07b2d4a5f8e1c220608912706',
			'0608912706a3f9c1e07b2d4a5f8e1c22',
			'ab111222333cd'
		];
		const r = combine(
			delivery(
				ids.map((id) => signal(id)),
				[zaak(ids)]
			)
		);
		accounted(r);
		expect(r.signalen).toHaveLength(3);
		expect(r.zaken).toHaveLength(1);
		expect(r.meldingen).toEqual([]);
	});
});

describe('the header and the levering', () => {
	it('a gemeentecode with personal data: its signals and cases are refused without showing it', () => {
		const r = combine(delivery([signal('A')], [zaak(['A'])], {}, '06-12345678'));
		accounted(r);
		expect(r.meldingen.map((m) => m.reden)).toEqual([
			'leveringen[0].gemeentecode bevat een telefoonnummer (persoonsgegevens) en wordt niet getoond; het signaal hoort bij geen gemeente.',
			'leveringen[0].gemeentecode bevat een telefoonnummer (persoonsgegevens) en wordt niet getoond; de zaak hoort bij geen gemeente.'
		]);
		expect(JSON.stringify(r)).not.toContain('12345678');
	});

	it('an aanleverdatumEnTijd with personal data is left out, as if missing', () => {
		const r = combine(delivery([signal('A')], [], { aanleverdatumEnTijd: 'tel 0612345678' }));
		expect(r.bestanden[0]!.aanleverdatumEnTijd).toBeNull();
		expect(r.signalen).toHaveLength(1);
		expect(JSON.stringify(r)).not.toContain('0612345678');
	});
});
