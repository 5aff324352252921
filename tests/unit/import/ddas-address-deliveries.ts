/**
 * Small deliveries of our own in the shapes of the DDAS uitwisselmodellen (vroegsignalering 1.2:
 * `client` an object; schuldhulpverlening 1.0: `client` an array of one or two objects), whose
 * clients carry addresses in every form the address keys must handle. Every person and address is
 * made up. The address of the spec's test vectors: `2011 rd`, `12`, `a` and `2011RD`, `12`.
 */

type Json = Record<string, unknown>;

/** The spec's key and its two vectors (ddas-schuldhulpverlening.md, "The chain"). */
export const SPEC_KEY = 'werkgroep-haarlem-2015-evaluatie';
export const KEY_WITH_ADDITION = '4fb8234058cac101594025b34c6476f8';
export const KEY_WITHOUT_ADDITION = '168a1b435661b79565def24c4e1e5767';

/** Raw values that must never come out of a read with a key: postcodes, messages, other fields. */
export const RAW =
	/2011 ?rd|2011RD|ADRES\||1234AB|9999ZZ|Geheimstraat|Verzinsel|999993021|111222333|1971-03-04/i;

/** A vroegsignalering signal of gemeente 0392 with this client (none when undefined). */
const signal = (id: string, client: unknown, extra: Json = {}): Json => ({
	ID: id,
	signaaldatum: '2025-03-01',
	bedrag: 500,
	signaalpartner: { type: 'Huur' },
	...(client === undefined ? {} : { client }),
	...extra
});

/**
 * A vroegsignalering delivery. Signals and the address key each gets with the spec's key:
 * S1 the full address with addition (KEY_WITH_ADDITION); S2 postcode and a numeric house number,
 * no addition key (KEY_WITHOUT_ADDITION); S3 the keys spelt otherwise, an empty addition
 * (KEY_WITHOUT_ADDITION); S4 no address; S5 no client; S6 client null; S7 client a text; S8 a
 * blank postcode; S9 client a list (not the 1.2 shape); S10 rejected (no signaaldatum). Cases:
 * [S1, S2], [S3].
 */
export const VS_DELIVERY = JSON.stringify({
	aanleverdatumEnTijd: '2025-07-01T10:00:00Z',
	leveringen: [
		{
			gemeentecode: '0392',
			vroegsignalen: [
				signal('S1', {
					Burgerservicenummer: '999993021',
					Achternaam: 'Verzinsel',
					Straatnaam: 'Geheimstraat',
					Postcode: '2011 rd',
					Huisnummer: '12',
					Huisnummertoevoeging: 'a',
					Geboortedatum: '1971-03-04'
				}),
				signal('S2', { postcode: '2011RD', huisnummer: 12 }),
				signal('S3', { Post_Code: '2011RD', 'HUIS-NUMMER': '12', huisnummer_toevoeging: '' }),
				signal('S4', { burgerservicenummer: '999993021' }),
				signal('S5', undefined),
				signal('S6', null),
				signal('S7', 'Verzinsel'),
				signal('S8', { Postcode: '  ', Huisnummer: '12' }),
				signal('S9', [{ Postcode: '2011RD', Huisnummer: '12' }]),
				signal('S10', { Postcode: '1234AB', Huisnummer: '1' }, { signaaldatum: null })
			],
			vroegsignaalzaken: [
				{ resultaat: 'Vervolghulp en/of verwijzing', vroegsignalen: [{ ID: 'S1' }, { ID: 'S2' }] },
				{ resultaat: 'Vervolghulp en/of verwijzing', vroegsignalen: [{ ID: 'S3' }] }
			]
		}
	]
});

/** A schuldhulpverlening traject of gemeente 0392 signed on on `aanmelding`. */
const traject = (aanmelding: string, client: unknown, extra: Json = {}): Json => ({
	gemeentecode: 'GM0392',
	startdatum: aanmelding,
	aanmelding: { startdatum: aanmelding, crisisinterventie: false },
	...(client === undefined ? {} : { client }),
	...extra
});

/**
 * A schuldhulpverlening delivery. Trajecten and their address key with the spec's key: T1 (01-06)
 * two clients, the first at the address with addition (KEY_WITH_ADDITION); T2 (01-06, the same
 * day and gemeente) another address (KEY_WITHOUT_ADDITION); T3 the first client without an
 * address, the second with one (none); T4 an empty list (none); T5 one client as an object (not
 * the 1.0 shape: none); T6 no client (none); T7 rejected (no date).
 */
export const SHV_DELIVERY = JSON.stringify({
	startdatumLevering: '2025-01-01',
	einddatumLevering: '2025-06-30',
	aanleverdatumEnTijd: '2025-07-15T08:00:00Z',
	leveringen: [
		{
			schuldhulptrajecten: [
				traject('2025-01-06', [
					{
						Burgerservicenummer: '111222333',
						Geboortedatum: '1971-03-04',
						Postcode: '2011 rd',
						Huisnummer: '12',
						Huisnummertoevoeging: 'a'
					},
					{ Postcode: '1234AB', Huisnummer: '1' }
				]),
				traject('2025-01-06', [{ Postcode: '2011RD', Huisnummer: '12' }]),
				traject('2025-01-07', [
					{ Burgerservicenummer: '111222333' },
					{ Postcode: '2011RD', Huisnummer: '12' }
				]),
				traject('2025-01-08', []),
				traject('2025-01-09', { Postcode: '9999ZZ', Huisnummer: '7' }),
				traject('2025-01-10', undefined),
				{ gemeentecode: '0392', client: [{ Postcode: '9999ZZ', Huisnummer: '7' }] }
			]
		}
	]
});
