/**
 * Fictitious Haarlem addresses for the demo households, and their address keys (spec:
 * ddas-schuldhulpverlening.md, "The chain"): the one thing that links a corporation's dossier to
 * the vroegsignalering signals and the debt-help trajecten of the same household.
 *
 * No address is real: the postcode letters are always SA, SD or SS, three pairs that PostNL
 * never issues. The number part follows Haarlem's 20xx postcodes, roughly by district.
 */
import { addressMessage, hex32, normalizeKey } from '../import/profiles/pseudonym';
import { hmacSha256 } from './hmac';
import type { Random } from './random';

/** The werkgroep key of the fictitious demo: the text of data/bronnen/demo-sleutel.txt. */
export const DEMO_KEY = 'demo-sleutel-werkgroep-haarlem-2015';

/** A household's address as the sources hold it (postcode without a space, upper case). */
export interface DemoAdres {
	postcode: string;
	huisnummer: string;
	/** The addition (`A`, `2`, `HS`, …), empty when there is none. */
	toevoeging: string;
}

/** The number part of the postcodes of each wijk (approximately Haarlem's). */
const POSTCODE_NUMBERS: Readonly<Record<string, readonly number[]>> = {
	Centrum: [2011, 2012, 2013],
	Noord: [2021, 2022, 2023, 2024, 2025],
	Oost: [2014, 2031, 2032],
	'Zuid-West': [2015, 2016, 2017, 2018],
	Schalkwijk: [2033, 2034, 2035, 2036, 2037]
};
const ALL_NUMBERS = Object.values(POSTCODE_NUMBERS).flat();

/** Letter pairs that no Dutch postcode has (PostNL leaves out SA, SD and SS). */
const LETTERS = ['SA', 'SD', 'SS'] as const;

/** Additions as Haarlem's housing stock has them, with their weights; most addresses have none. */
const ADDITIONS = {
	'': 80,
	A: 5,
	B: 3,
	C: 1,
	'1': 2,
	'2': 2,
	'3': 1,
	I: 1,
	II: 1,
	HS: 2,
	ZW: 1,
	RD: 1
} as const;

/** One address in the wijk (any Haarlem postcode when the wijk is unknown). */
function draw(rng: Random, wijk: string | null): DemoAdres {
	const numbers = (wijk !== null ? POSTCODE_NUMBERS[wijk] : undefined) ?? ALL_NUMBERS;
	const number = numbers[rng.int(0, numbers.length - 1)]!;
	const letters = LETTERS[rng.int(0, LETTERS.length - 1)]!;
	// Short streets outnumber long ones: low house numbers are more frequent.
	const huisnummer = 1 + Math.floor(399 * rng.next() ** 1.6);
	return {
		postcode: `${number}${letters}`,
		huisnummer: String(huisnummer),
		toevoeging: rng.pick(ADDITIONS)
	};
}

/** The address's message as the key is made of it (`ADRES|2034SD|12|A`). */
export function adresMessage(adres: DemoAdres): string {
	return addressMessage(adres.postcode, adres.huisnummer, adres.toevoeging);
}

/**
 * A new address, in the wijk when given, that is not yet in `taken` (tried a number of times;
 * a very large set may then share one), and is added to it.
 */
export function drawAddress(rng: Random, wijk: string | null, taken: Set<string>): DemoAdres {
	let adres = draw(rng, wijk);
	for (let attempt = 0; attempt < 40 && taken.has(adresMessage(adres)); attempt++) {
		adres = draw(rng, attempt < 20 ? wijk : null);
	}
	taken.add(adresMessage(adres));
	return adres;
}

const encoder = new TextEncoder();
let cachedKey: { text: string; bytes: Uint8Array } | null = null;

/**
 * The address key: the first 32 lower-case hex characters of HMAC-SHA256(key, message), as the
 * importer makes it from a source's address columns.
 */
export function addressKey(adres: DemoAdres, key: string = DEMO_KEY): string {
	if (cachedKey?.text !== key) cachedKey = { text: key, bytes: encoder.encode(normalizeKey(key)) };
	return hex32(hmacSha256(cachedKey.bytes, encoder.encode(adresMessage(adres))));
}
