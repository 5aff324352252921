/**
 * Keyed pseudonymisation of the dossier_id: the first 32 hex characters of HMAC-SHA256(key,
 * message), message = the id columns' values without white space, upper-cased, joined with `|`.
 * This module uses Web Crypto (browser and Node 20); the command line uses node:crypto
 * (pseudonym-node.ts). Both give the same hex.
 */

/** Turns messages into pseudonyms, in the same order. */
export type Pseudonymiser = (messages: readonly string[]) => Promise<string[]>;

/** The shortest key the werkgroep may agree on (characters). */
export const MIN_KEY_LENGTH = 16;

/** The message for one row: each value without white space and upper-cased, joined with `|`. */
export function pseudonymMessage(values: readonly string[]): string {
	return values.map((v) => v.replace(/\s+/g, '').toUpperCase()).join('|');
}

/** Lower-case hex of the first 16 bytes of a digest. */
export function hex32(digest: Uint8Array): string {
	let out = '';
	for (let i = 0; i < 16; i++) out += digest[i]!.toString(16).padStart(2, '0');
	return out;
}

/** The key as the werkgroep means it: the text with white space at both ends removed (a key file's line ending or a pasted space changes nothing). */
export function normalizeKey(text: string): string {
	return text.replace(/^\uFEFF/, '').trim();
}

/** The Dutch complaint about a key that is too short (after `normalizeKey`), or null when it is long enough. */
export function keyProblem(key: string): string | null {
	if ([...normalizeKey(key)].length >= MIN_KEY_LENGTH) return null;
	return `de sleutel is te kort: minstens ${MIN_KEY_LENGTH} tekens (de werkgroep spreekt hem af onder het convenant, Artikel 6)`;
}

/**
 * The key's fingerprint: the first 8 characters of the lower-case hex HMAC-SHA256(key,
 * `vingerafdruk`). Two parties compare it by phone to know they used the same key without saying
 * it; it says nothing about the key itself. Web Crypto, so the page and the command line agree.
 */
export async function keyFingerprint(key: string): Promise<string> {
	const encoder = new TextEncoder();
	const cryptoKey = await crypto.subtle.importKey(
		'raw',
		encoder.encode(normalizeKey(key)),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	const digest = new Uint8Array(
		await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode('vingerafdruk'))
	);
	return hex32(digest).slice(0, 8);
}

/** A pseudonymiser over Web Crypto (crypto.subtle), as the browser has it. */
export async function webCryptoPseudonymiser(key: string): Promise<Pseudonymiser> {
	const encoder = new TextEncoder();
	const cryptoKey = await crypto.subtle.importKey(
		'raw',
		encoder.encode(normalizeKey(key)),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	return async (messages) => {
		const out: string[] = new Array(messages.length);
		// In batches: one promise per message, but not hundreds of thousands at once.
		const BATCH = 4096;
		for (let start = 0; start < messages.length; start += BATCH) {
			const end = Math.min(messages.length, start + BATCH);
			const signed = await Promise.all(
				messages
					.slice(start, end)
					.map((m) => crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(m)))
			);
			for (let i = 0; i < signed.length; i++) out[start + i] = hex32(new Uint8Array(signed[i]!));
		}
		return out;
	};
}

/**
 * The message of an address key (spec: ddas-schuldhulpverlening.md, "The chain"): `ADRES|` +
 * postcode + `|` + house number + `|` + addition, each without white space and upper-cased (the
 * addition empty when there is none). Pseudonymised with the werkgroep key like an id, it lets a
 * corporation's dossier meet the DDAS signals and debt-help trajecten of the same address without
 * any party seeing the address.
 */
export function addressMessage(postcode: string, huisnummer: string, toevoeging = ''): string {
	return `ADRES|${pseudonymMessage([postcode, huisnummer, toevoeging])}`;
}
