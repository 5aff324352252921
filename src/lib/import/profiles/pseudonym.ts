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

/** The Dutch complaint about a key that is too short, or null when it is long enough. */
export function keyProblem(key: string): string | null {
	if ([...key].length >= MIN_KEY_LENGTH) return null;
	return `de sleutel is te kort: minstens ${MIN_KEY_LENGTH} tekens (de werkgroep spreekt hem af onder het convenant, Artikel 6)`;
}

/** A pseudonymiser over Web Crypto (crypto.subtle), as the browser has it. */
export async function webCryptoPseudonymiser(key: string): Promise<Pseudonymiser> {
	const encoder = new TextEncoder();
	const cryptoKey = await crypto.subtle.importKey(
		'raw',
		encoder.encode(key),
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
