/**
 * Reads one DDAS vroegsignalering delivery (VNG Realisatie's uitwisselmodel, 1.0–1.2) into compact
 * signal and case records, with a JSON path and a Dutch reason for everything it rejects or warns
 * about. The `client` objects and the delivering organisation are dropped while parsing: they are
 * never built; read with a werkgroep key, only a client's address fields are, for its address key
 * (ddas-address.ts). Resolution across deliveries is in ddas-combine.ts.
 */
import {
	matchContactKind,
	matchPartnerType,
	matchResult,
	type CaseResult,
	type ContactKind,
	type PartnerType
} from '../domain/ddas';
import { gemeentecode } from '../domain/gemeenten';
import { isCalendarDate } from './dates';
import { CLIENT_ADDRESS, clientAddress, type AddressMessages } from './ddas-address';
import {
	JsonSyntaxError,
	SKIPPED,
	lineAndColumn,
	readJson,
	type JsonObject,
	type JsonValue,
	type Shape
} from './ddas-json';
import {
	cannotSignal,
	personNameSignal,
	reasonText,
	screenIdValues,
	textValueReason
} from './personal-data';
import type { PersonalDataReason } from './types';

/** Something the reader rejected, replaced or warned about, with its JSON path. */
export interface DdasIssue {
	bestand: string;
	onderdeel: 'signaal' | 'zaak';
	/** `leveringen[0].vroegsignalen[12].signaaldatum`. */
	pad: string;
	soort: 'geweigerd' | 'vervangen' | 'waarschuwing';
	reden: string;
}

/** A signal as read: valid, not yet resolved against other deliveries. */
export interface ReadSignal {
	gemeente: string;
	id: string;
	partner: PartnerType;
	/** `YYYY-MM-DD`. */
	signaaldatum: string;
	bedrag: number | null;
	pad: string;
	/** Position in the file, for ties. */
	volgorde: number;
	gewaarschuwd: boolean;
	/** Read with a werkgroep key: the address key of its client, null without an address; absent without a key. */
	adresSleutel?: string | null;
}

export interface ReadAttempt {
	soort: ContactKind;
	bereikt: boolean;
	datum: string | null;
}

/** A case as read: with at least one signal reference, not yet resolved. */
export interface ReadCase {
	gemeente: string;
	/** Referenced signal IDs, unique, in file order, each with its path. */
	verwijzingen: { id: string; pad: string }[];
	/** The smallest referenced ID (string order): with the gemeente the case's identity. */
	identiteit: string;
	resultaat: CaseResult;
	opgepakt: string | null;
	pogingen: ReadAttempt[];
	pad: string;
	volgorde: number;
	gewaarschuwd: boolean;
}

/** One delivery as read. */
export interface DdasFileRead {
	bestand: string;
	/** Why the whole file could not be read (then nothing of it counts); null when read. */
	weigering: string | null;
	/** `aanleverdatumEnTijd` as milliseconds; null when missing or invalid. */
	aangeleverd: number | null;
	aanleverdatumEnTijd: string | null;
	startdatumLevering: string | null;
	einddatumLevering: string | null;
	signalen: ReadSignal[];
	zaken: ReadCase[];
	gelezen: { signalen: number; zaken: number };
	/** Issues of reading: rejections and warnings. */
	meldingen: DdasIssue[];
	/** How many `client` objects were present (not read, but for their address with a key). */
	clientObjecten: number;
	/** Read with a werkgroep key: how many of its signals got an address key; absent without a key. */
	adresSleutels?: number;
	/** Whether the delivering organisation (with its contact persons) was present (and not read). */
	organisatie: boolean;
}

export interface DdasReadOptions {
	/** The day of import, `YYYY-MM-DD`: signals dated after it are rejected. */
	today: string;
	/** Hears the number of signals read so far, every 10,000. */
	onProgress?: (signals: number) => void;
	/**
	 * A read with a werkgroep key: each signal's client address goes here as its message (and the
	 * signal gets `adresSleutel: null`) until `applyAddressKeys`. Without it the client is skipped.
	 */
	adressen?: AddressMessages;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[0-9:.,]*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** `YYYY-MM-DD` of a DDAS date or ISO timestamp; null when it is not a calendar date. */
export function ddasDate(value: JsonValue | undefined): string | null {
	if (typeof value !== 'string') return null;
	const m = ISO_DATE.exec(value.trim());
	if (!m || !isCalendarDate(+m[1]!, +m[2]!, +m[3]!)) return null;
	return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Whether a file's text looks like a DDAS delivery (a JSON object with `leveringen`). */
export function looksLikeDdas(text: string): boolean {
	const head = text.slice(0, 65_536);
	return (
		/^\uFEFF?\s*\{/.test(head) && /"(leveringen|vroegsignalen|vroegsignaalzaken)"\s*:/i.test(head)
	);
}

/** Whether a file's text looks like a schuldhulpverlening delivery (it has `schuldhulptrajecten`). */
export function looksLikeShv(text: string): boolean {
	const head = text.slice(0, 65_536);
	return /^\uFEFF?\s*\{/.test(head) && /"schuldhulp[_-]?trajecten"\s*:/i.test(head);
}

/** Which kind of DDAS delivery a file is, by its content (first 64 kB); null when none. */
export function ddasKind(bytes: Uint8Array): 'vroegsignalering' | 'schuldhulpverlening' | null {
	const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 65_536));
	if (looksLikeShv(head)) return 'schuldhulpverlening';
	return looksLikeDdas(head) ? 'vroegsignalering' : null;
}

const LEAF: Shape = { kind: 'leaf' };

/** Text of a value for a message, shortened. */
export function shown(value: JsonValue | undefined): string {
	if (value === SKIPPED) return 'een object of lijst';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `‘${text.length > 40 ? text.slice(0, 40) + '…' : text}’`;
}

function identifier(value: JsonValue | undefined): string | null {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The reason a text or number read from a delivery is personal data, or null: the free-text
 * rules, and a person's name in the forms that flag a single wijk value (`J. de Vries`).
 */
export function personal(value: JsonValue | undefined): PersonalDataReason | null {
	if (typeof value === 'number') return textValueReason(String(value));
	if (typeof value !== 'string') return null;
	if (!cannotSignal(value)) return textValueReason(value);
	return value.length >= 4 && personNameSignal(value) === 'naam' ? 'naam' : null;
}

/** A field (its JSON path after the record's) that holds personal data, and the reason. */
interface PersonalField {
	sub: string;
	reason: PersonalDataReason;
}

/** The field with its reason when it holds personal data, else null (no allocation then). */
function screened(sub: string, value: JsonValue | undefined): PersonalField | null {
	const reason = personal(value);
	return reason === null ? null : { sub, reason };
}

/** The Dutch reason for refusing a signal or case over personal data; the value is never in it. */
function personalReason(reason: PersonalDataReason, onderdeel: 'het signaal' | 'de zaak'): string {
	return `Dit veld ${reasonText(reason)} (persoonsgegevens); ${onderdeel} is geweigerd en de waarde wordt niet getoond.`;
}

/** Reads one delivery from its bytes (UTF-8, with or without BOM). Never throws. */
export function readDdas(
	bestand: string,
	bytes: Uint8Array,
	options: DdasReadOptions
): DdasFileRead {
	let text = new TextDecoder('utf-8').decode(bytes);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return readDdasText(bestand, text, options);
}

/** Reads one delivery from its text. Never throws. */
export function readDdasText(
	bestand: string,
	text: string,
	options: DdasReadOptions
): DdasFileRead {
	const result: DdasFileRead = {
		bestand,
		weigering: null,
		aangeleverd: null,
		aanleverdatumEnTijd: null,
		startdatumLevering: null,
		einddatumLevering: null,
		signalen: [],
		zaken: [],
		gelezen: { signalen: 0, zaken: 0 },
		meldingen: [],
		clientObjecten: 0,
		organisatie: false
	};
	const issue = (
		onderdeel: DdasIssue['onderdeel'],
		pad: string,
		soort: DdasIssue['soort'],
		reden: string
	) => result.meldingen.push({ bestand, onderdeel, pad, soort, reden });

	// Items of the levering being parsed; its gemeentecode may come after them.
	let pendingSignals: { value: JsonValue; index: number }[] = [];
	let pendingCases: { value: JsonValue; index: number }[] = [];
	let levering = 0;
	let volgorde = 0;
	let sawLeveringen = false;

	const signalShape: Shape = {
		kind: 'object',
		fields: {
			id: LEAF,
			signaaldatum: LEAF,
			bedrag: LEAF,
			signaalpartner: { kind: 'object', fields: { type: LEAF } },
			client: {
				...(options.adressen ? CLIENT_ADDRESS : { kind: 'skip' }),
				seen: () => result.clientObjecten++
			}
		}
	};
	const caseShape: Shape = {
		kind: 'object',
		fields: {
			resultaat: LEAF,
			datumopgepakt: LEAF,
			vroegsignalen: { kind: 'array', item: { kind: 'object', fields: { id: LEAF } } },
			contactpogingen: {
				kind: 'array',
				item: { kind: 'object', fields: { soort: LEAF, bereikt: LEAF, datum: LEAF } }
			}
		}
	};
	const leveringShape: Shape = {
		kind: 'object',
		fields: {
			gemeentecode: LEAF,
			vroegsignalen: {
				kind: 'array',
				item: signalShape,
				each: (value, index) => {
					pendingSignals.push({ value, index });
					result.gelezen.signalen++;
					if (result.gelezen.signalen % 10_000 === 0) options.onProgress?.(result.gelezen.signalen);
				}
			},
			vroegsignaalzaken: {
				kind: 'array',
				item: caseShape,
				each: (value, index) => {
					pendingCases.push({ value, index });
					result.gelezen.zaken++;
				}
			},
			aanleverendeorganisatie: { kind: 'skip', seen: () => (result.organisatie = true) }
		}
	};
	const rootShape: Shape = {
		kind: 'object',
		fields: {
			aanleverdatumentijd: LEAF,
			startdatumlevering: LEAF,
			einddatumlevering: LEAF,
			leveringen: {
				kind: 'array',
				item: leveringShape,
				each: (value) => {
					sawLeveringen = true;
					finishLevering(value);
					levering++;
				}
			}
		}
	};

	const finishLevering = (value: JsonValue) => {
		const base = `leveringen[${levering}]`;
		const code = isObject(value) ? gemeentecode(value.gemeentecode) : null;
		const codePersonal = code === null && isObject(value) ? personal(value.gemeentecode) : null;
		const why =
			code !== null
				? null
				: !isObject(value)
					? `${base} is geen object`
					: value.gemeentecode === undefined
						? `${base}.gemeentecode ontbreekt`
						: codePersonal !== null
							? `${base}.gemeentecode ${reasonText(codePersonal)} (persoonsgegevens) en wordt niet getoond`
							: `${base}.gemeentecode ${shown(value.gemeentecode)} is geen gemeentecode (vier cijfers)`;
		for (const { value: item, index } of pendingSignals) {
			const pad = `${base}.vroegsignalen[${index}]`;
			if (why) issue('signaal', pad, 'geweigerd', `${why}; het signaal hoort bij geen gemeente.`);
			else readSignal(item, pad, code!);
		}
		for (const { value: item, index } of pendingCases) {
			const pad = `${base}.vroegsignaalzaken[${index}]`;
			if (why) issue('zaak', pad, 'geweigerd', `${why}; de zaak hoort bij geen gemeente.`);
			else readCase(item, pad, code!);
		}
		pendingSignals = [];
		pendingCases = [];
	};

	const readSignal = (value: JsonValue, pad: string, gemeente: string) => {
		if (!isObject(value)) return issue('signaal', pad, 'geweigerd', 'Het signaal is geen object.');
		// Every text that could be shown is screened first; the ID with the file's other IDs, below.
		const found =
			screened(
				'.signaalpartner.type',
				isObject(value.signaalpartner) ? value.signaalpartner.type : undefined
			) ??
			screened('.signaaldatum', value.signaaldatum) ??
			screened('.bedrag', typeof value.bedrag === 'string' ? value.bedrag : undefined);
		if (found)
			return issue(
				'signaal',
				`${pad}${found.sub}`,
				'geweigerd',
				personalReason(found.reason, 'het signaal')
			);
		const id = identifier(value.id);
		if (id === null)
			return issue('signaal', `${pad}.ID`, 'geweigerd', 'Het signaal heeft geen ID.');
		const raw = value.signaaldatum;
		const datum = ddasDate(raw);
		if (raw === undefined || raw === null)
			return issue('signaal', `${pad}.signaaldatum`, 'geweigerd', 'De signaaldatum ontbreekt.');
		if (datum === null)
			return issue(
				'signaal',
				`${pad}.signaaldatum`,
				'geweigerd',
				`De signaaldatum ${shown(raw)} is geen geldige datum (JJJJ-MM-DD).`
			);
		if (datum > options.today)
			return issue(
				'signaal',
				`${pad}.signaaldatum`,
				'geweigerd',
				`De signaaldatum ${datum} ligt na de dag van import (${options.today}).`
			);
		if (datum < '2000-01-01')
			return issue(
				'signaal',
				`${pad}.signaaldatum`,
				'geweigerd',
				`De signaaldatum ${datum} ligt vóór 1 januari 2000.`
			);
		let gewaarschuwd = false;
		const partnerRaw = isObject(value.signaalpartner) ? value.signaalpartner.type : undefined;
		let partner = typeof partnerRaw === 'string' ? matchPartnerType(partnerRaw) : null;
		if (partner === null) {
			gewaarschuwd = true;
			issue(
				'signaal',
				`${pad}.signaalpartner.type`,
				'waarschuwing',
				partnerRaw === undefined || partnerRaw === null
					? 'Het type signaalpartner ontbreekt; geteld als Overige.'
					: `Het type signaalpartner ${shown(partnerRaw)} staat niet in de lijst van versie 1.2; geteld als Overige.`
			);
			partner = 'Overige';
		}
		let bedrag: number | null = null;
		if (typeof value.bedrag === 'number' && Number.isFinite(value.bedrag)) bedrag = value.bedrag;
		else if (value.bedrag !== undefined && value.bedrag !== null) {
			gewaarschuwd = true;
			issue(
				'signaal',
				`${pad}.bedrag`,
				'waarschuwing',
				`Het bedrag ${shown(value.bedrag)} is geen getal; weggelaten.`
			);
		}
		const record: ReadSignal = {
			gemeente,
			id,
			partner,
			signaaldatum: datum,
			bedrag,
			pad,
			volgorde: volgorde++,
			gewaarschuwd
		};
		result.signalen.push(record);
		if (options.adressen) {
			record.adresSleutel = null;
			const message = clientAddress(value.client);
			if (message !== null) options.adressen.set(record, message);
		}
	};

	const readCase = (value: JsonValue, pad: string, gemeente: string) => {
		if (!isObject(value)) return issue('zaak', pad, 'geweigerd', 'De zaak is geen object.');
		let found =
			screened('.resultaat', value.resultaat) ?? screened('.datumOpgepakt', value.datumopgepakt);
		const attempts = Array.isArray(value.contactpogingen) ? value.contactpogingen : [];
		for (let k = 0; k < attempts.length && found === null; k++) {
			const poging = attempts[k];
			if (!isObject(poging)) continue;
			const soort = personal(poging.soort);
			const datum = soort === null ? personal(poging.datum) : null;
			if (soort !== null) found = { sub: `.contactpogingen[${k}].soort`, reason: soort };
			else if (datum !== null) found = { sub: `.contactpogingen[${k}].datum`, reason: datum };
		}
		if (found)
			return issue(
				'zaak',
				`${pad}${found.sub}`,
				'geweigerd',
				personalReason(found.reason, 'de zaak')
			);
		// The case's own warnings follow this mark; a rejected case takes them back.
		const mark = result.meldingen.length;
		let gewaarschuwd = false;
		const warn = (sub: string, reden: string) => {
			gewaarschuwd = true;
			issue('zaak', `${pad}${sub}`, 'waarschuwing', reden);
		};
		const verwijzingen: ReadCase['verwijzingen'] = [];
		const seen = new Set<string>();
		const refs = value.vroegsignalen;
		if (Array.isArray(refs)) {
			refs.forEach((ref, k) => {
				const id = isObject(ref) ? identifier(ref.id) : null;
				if (id === null) warn(`.vroegsignalen[${k}]`, 'Verwijzing zonder ID; weggelaten.');
				else if (!seen.has(id)) {
					seen.add(id);
					verwijzingen.push({ id, pad: `${pad}.vroegsignalen[${k}]` });
				}
			});
		}
		if (verwijzingen.length === 0) {
			result.meldingen.length = mark;
			return issue(
				'zaak',
				`${pad}.vroegsignalen`,
				'geweigerd',
				'De zaak verwijst naar geen enkel signaal.'
			);
		}
		let resultaat: CaseResult = 'geen';
		const rawResult = value.resultaat;
		if (rawResult !== undefined && rawResult !== null) {
			const matched = typeof rawResult === 'string' ? matchResult(rawResult) : null;
			if (matched) resultaat = matched;
			else {
				resultaat = 'onbekend';
				warn(
					'.resultaat',
					`Het resultaat ${shown(rawResult)} staat niet in de lijst van versie 1.2; geteld als onbekend.`
				);
			}
		}
		let opgepakt: string | null = null;
		const rawPicked = value.datumopgepakt;
		if (rawPicked !== undefined && rawPicked !== null) {
			opgepakt = ddasDate(rawPicked);
			if (opgepakt === null)
				warn(
					'.datumOpgepakt',
					`De datum opgepakt ${shown(rawPicked)} is geen geldige datum; weggelaten.`
				);
		}
		const pogingen: ReadAttempt[] = [];
		if (Array.isArray(value.contactpogingen)) {
			value.contactpogingen.forEach((poging, k) => {
				const at = `.contactpogingen[${k}]`;
				if (!isObject(poging)) return warn(at, 'De contactpoging is geen object; weggelaten.');
				let soort = typeof poging.soort === 'string' ? matchContactKind(poging.soort) : null;
				if (soort === null) {
					warn(
						`${at}.soort`,
						poging.soort === undefined || poging.soort === null
							? 'De soort contactpoging ontbreekt; geteld als Onbekend.'
							: `De soort contactpoging ${shown(poging.soort)} staat niet in de lijst van versie 1.2; geteld als Onbekend.`
					);
					soort = 'Onbekend';
				}
				let datum: string | null = null;
				if (poging.datum !== undefined && poging.datum !== null) {
					datum = ddasDate(poging.datum);
					if (datum === null)
						warn(
							`${at}.datum`,
							`De datum ${shown(poging.datum)} is geen geldige datum; weggelaten.`
						);
				}
				pogingen.push({ soort, bereikt: poging.bereikt === true, datum });
			});
		}
		const identiteit = verwijzingen.reduce(
			(min, v) => (v.id < min ? v.id : min),
			verwijzingen[0]!.id
		);
		result.zaken.push({
			gemeente,
			verwijzingen,
			identiteit,
			resultaat,
			opgepakt,
			pogingen,
			pad,
			volgorde: volgorde++,
			gewaarschuwd
		});
	};

	const parsed = parseDelivery(
		bestand,
		text,
		rootShape,
		() => sawLeveringen,
		'vroegsignalering 1.0–1.2'
	);
	if ('weigering' in parsed) return refused(result, parsed.weigering);
	Object.assign(result, parsed.header);
	refusePersonalIds(result);
	return result;
}

/** Every signal ID and referenced ID of a delivery as read. */
function* fileIds(result: DdasFileRead): Generator<string> {
	for (const s of result.signalen) yield s.id;
	for (const z of result.zaken) for (const v of z.verwijzingen) yield v.id;
}

/** The record a melding is about: `leveringen[0].vroegsignaalzaken[3]` of its path. */
const ITEM_PATH = /^leveringen\[\d+\]\.(?:vroegsignalen|vroegsignaalzaken)\[\d+\]/;

/**
 * Refuses the signals and cases whose ID (or a referenced ID) is personal data, judged with all
 * IDs of the file together as one id column (a 9-digit ID passing the eleven-test is a BSN, unless
 * the file's IDs are mostly 9-digit numbers and it may be chance). Their earlier warnings go: they
 * would count for a record that is not accepted.
 */
function refusePersonalIds(result: DdasFileRead): void {
	const ids = screenIdValues(fileIds(result));
	if (ids.size === 0) return;
	const refused: DdasIssue[] = [];
	const gone = new Set<string>();
	const refuse = (
		onderdeel: DdasIssue['onderdeel'],
		pad: string,
		at: string,
		reason: PersonalDataReason
	) => {
		gone.add(pad);
		refused.push({
			bestand: result.bestand,
			onderdeel,
			pad: at,
			soort: 'geweigerd',
			reden: personalReason(reason, onderdeel === 'signaal' ? 'het signaal' : 'de zaak')
		});
	};
	result.signalen = result.signalen.filter((s) => {
		const reason = ids.get(s.id);
		if (reason !== undefined) refuse('signaal', s.pad, `${s.pad}.ID`, reason);
		return reason === undefined;
	});
	result.zaken = result.zaken.filter((z) => {
		const ref = z.verwijzingen.find((v) => ids.has(v.id));
		if (ref !== undefined) refuse('zaak', z.pad, `${ref.pad}.ID`, ids.get(ref.id)!);
		return ref === undefined;
	});
	const recordOf = (pad: string) => ITEM_PATH.exec(pad)?.[0] ?? pad;
	result.meldingen = result.meldingen.filter((m) => !gone.has(recordOf(m.pad)));
	result.meldingen.push(...refused);
}

function refused(result: DdasFileRead, weigering: string): DdasFileRead {
	return {
		...result,
		weigering,
		signalen: [],
		zaken: [],
		gelezen: { signalen: 0, zaken: 0 },
		meldingen: []
	};
}

/** When a delivery was delivered and the period it covers, as its top level says. */
export interface DeliveryHeader {
	aanleverdatumEnTijd: string | null;
	/** `aanleverdatumEnTijd` as milliseconds; null when missing or invalid. */
	aangeleverd: number | null;
	startdatumLevering: string | null;
	einddatumLevering: string | null;
}

/**
 * Parses a DDAS delivery of either kind along its shape: its header, or the Dutch refusal of the
 * whole file (not JSON, not an object, no `leveringen`). `sawLeveringen` says whether the shape's
 * callbacks met the list while parsing; `model` names the uitwisselmodel and its versions.
 */
export function parseDelivery(
	bestand: string,
	text: string,
	shape: Shape,
	sawLeveringen: () => boolean,
	model: string
): { header: DeliveryHeader } | { weigering: string } {
	let root: JsonValue;
	try {
		root = readJson(text, shape);
	} catch (error) {
		if (!(error instanceof JsonSyntaxError) && !(error instanceof RangeError)) throw error;
		const where =
			error instanceof JsonSyntaxError
				? (({ line, column }) => ` op regel ${line}, kolom ${column}`)(
						lineAndColumn(text, error.offset)
					)
				: '';
		return {
			weigering: `${bestand}: dit is geen geldige JSON${where}: ${error.message}; niets van deze levering is geladen.`
		};
	}
	if (!isObject(root))
		return { weigering: `${bestand}: geen DDAS-levering: het bestand is geen JSON-object.` };
	if (!sawLeveringen() && !Array.isArray(root.leveringen))
		return {
			weigering: `${bestand}: geen DDAS-levering: de lijst ‘leveringen’ ontbreekt (uitwisselmodel ${model}).`
		};
	// Shown beside the file's name: personal data there is left out (as if missing).
	const aanleverdatumEnTijd =
		typeof root.aanleverdatumentijd === 'string' && personal(root.aanleverdatumentijd) === null
			? root.aanleverdatumentijd
			: null;
	const ms = aanleverdatumEnTijd === null ? NaN : Date.parse(aanleverdatumEnTijd);
	return {
		header: {
			aanleverdatumEnTijd,
			aangeleverd: Number.isFinite(ms) ? ms : null,
			startdatumLevering: ddasDate(root.startdatumlevering),
			einddatumLevering: ddasDate(root.einddatumlevering)
		}
	};
}
