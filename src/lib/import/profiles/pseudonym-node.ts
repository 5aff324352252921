/** The command line's pseudonymiser: HMAC-SHA256 with node:crypto (Node only; never bundled into the page). */
import { createHmac } from 'node:crypto';
import { normalizeKey, type Pseudonymiser } from './pseudonym';

/** A pseudonymiser over node:crypto; gives the same hex as webCryptoPseudonymiser. */
export function nodePseudonymiser(key: string): Pseudonymiser {
	key = normalizeKey(key);
	return async (messages) =>
		messages.map((m) => createHmac('sha256', key).update(m, 'utf8').digest('hex').slice(0, 32));
}
