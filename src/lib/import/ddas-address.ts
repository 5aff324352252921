/**
 * Address keys of the DDAS deliveries (ddas-schuldhulpverlening.md, "The chain"). Read with a
 * werkgroep key, a delivery's `client` gives only its postcode, house number and addition, and only
 * as the message of its address key (`addressMessage`): the reader keeps that message beside the
 * record, in an `AddressMessages` map that is no part of any result, and `applyAddressKeys` turns
 * all of them into keys in one batch before anything is combined, stored or returned. Without a key
 * the client is skipped unread.
 */
import type { JsonValue, Shape } from './ddas-json';
import { addressMessage, type Pseudonymiser } from './profiles/pseudonym';

/** A record that can carry an address key: null when its client gave no address (or none yet). */
export interface AddressKeyed {
	adresSleutel?: string | null;
}

/** The message of each record's address, until `applyAddressKeys`; never part of a result. */
export type AddressMessages = Map<AddressKeyed, string>;

const LEAF: Shape = { kind: 'leaf' };

/** What is built of a client read with a key: its address fields, nothing else (normalised keys). */
export const CLIENT_ADDRESS: Shape = {
	kind: 'object',
	fields: { postcode: LEAF, huisnummer: LEAF, huisnummertoevoeging: LEAF }
};

/** A text or a number as text; null for anything else. */
function text(value: JsonValue | undefined): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/**
 * The address message of a client as built along CLIENT_ADDRESS, or null when it is no object or
 * has no postcode or no house number (blank counts as none). The addition is optional.
 */
export function clientAddress(client: JsonValue | undefined): string | null {
	if (typeof client !== 'object' || client === null || Array.isArray(client)) return null;
	const postcode = text(client.postcode);
	const huisnummer = text(client.huisnummer);
	if (postcode === null || huisnummer === null) return null;
	if (!/\S/.test(postcode) || !/\S/.test(huisnummer)) return null;
	return addressMessage(postcode, huisnummer, text(client.huisnummertoevoeging) ?? '');
}

/**
 * Gives every record its address key (null when it has no message), pseudonymising each distinct
 * message of these records once and all of them in one batch, then forgets the messages (also
 * those of records a reader dropped after reading them).
 */
export async function applyAddressKeys(
	records: Iterable<AddressKeyed>,
	messages: AddressMessages,
	pseudonymise: Pseudonymiser
): Promise<void> {
	const pending: [AddressKeyed, string][] = [];
	for (const record of records) {
		const message = messages.get(record);
		record.adresSleutel = null;
		if (message !== undefined) pending.push([record, message]);
	}
	messages.clear();
	const keyOf = new Map<string, string>();
	for (const [, message] of pending) keyOf.set(message, '');
	const distinct = [...keyOf.keys()];
	const keys = await pseudonymise(distinct);
	distinct.forEach((m, i) => keyOf.set(m, keys[i]!));
	for (const [record, message] of pending) record.adresSleutel = keyOf.get(message)!;
	pending.length = 0;
	distinct.length = 0;
	keyOf.clear();
}
