/**
 * Reads DDAS schuldhulpverlening deliveries (VNG Realisatie's uitwisselmodel v0.9, 0.10 and 1.0;
 * spec: ddas-schuldhulpverlening.md) into compact traject records, and resolves the repeats of
 * snapshot deliveries: every traject read is accepted, replaced or rejected, with its JSON path
 * and a Dutch reason. The `client` objects, names, `omschrijving` texts, creditors and the
 * delivering organisation are skipped while parsing: they are never built; read with a werkgroep
 * key, only the first client's address fields are, for the traject's address key (ddas-address.ts).
 */
import {
	matchBegeleiding,
	matchBeschikking,
	matchOplossing,
	matchSchuldsoort,
	matchUitstroomReden,
	type Begeleidingssoort,
	type Beschikkingssoort,
	type Oplossingssoort,
	type Schuldsoort,
	type UitstroomReden
} from '../domain/shv';
import { gemeentecode } from '../domain/gemeenten';
import { ddasDate, isObject, parseDelivery, personal, shown } from './ddas';
import {
	CLIENT_ADDRESS,
	applyAddressKeys,
	clientAddress,
	type AddressMessages
} from './ddas-address';
import { SKIPPED, type JsonValue, type Shape } from './ddas-json';
import { reasonText } from './personal-data';
import type { Pseudonymiser } from './profiles/pseudonym';

/** Something the reader rejected, replaced or warned about, with its JSON path. */
export interface ShvIssue {
	bestand: string;
	/** `leveringen[0].schuldhulptrajecten[3].intake.startdatum`. */
	pad: string;
	soort: 'geweigerd' | 'vervangen' | 'waarschuwing';
	reden: string;
}

/** A traject as read (only what the figures use). Dates are `YYYY-MM-DD`. */
export interface ShvTraject {
	gemeente: string;
	/** The aanmelding's start, or the traject's start when there is no aanmelding: its identity date. */
	aanmelding: string;
	/** Whether the aanmelding itself was a crisis (`aanmelding.crisisinterventie` JSON true). */
	crisisAanmelding: boolean;
	/** The start of the earliest crisisinterventie, if any. */
	eersteCrisis: string | null;
	/** The first conversation (`intake.startdatum`). */
	eersteGesprek: string | null;
	beschikkingsdatum: string | null;
	beschikkingssoort: Beschikkingssoort | 'onbekend' | null;
	planVanAanpak: string | null;
	schuldregelingToegekend: string | null;
	schuldregelingAfgewezen: string | null;
	oplossing: Oplossingssoort | null;
	/** Each begeleiding item's kind (`onbekend` when missing or unknown). */
	begeleiding: Begeleidingssoort[];
	/** Whether the traject has at least one moratorium item. */
	moratorium: boolean;
	uitstroomDatum: string | null;
	uitstroomReden: UitstroomReden | null;
	/** Whether the traject has an `uitstroom` object (with a date or a reason). */
	uitstroom: boolean;
	schuldbedrag: number | null;
	/** The kinds of debt of the traject, each once. */
	schuldsoorten: Schuldsoort[];
	pad: string;
	/** Position in the file, for ties. */
	volgorde: number;
	gewaarschuwd: boolean;
	/**
	 * Read with a werkgroep key: the address key of its first client (null: no address), part of
	 * its identity; absent without a key.
	 */
	adresSleutel?: string | null;
}

/** The counts of one delivery. `gelezen = geaccepteerd + vervangen + geweigerd`. */
export interface ShvCounts {
	gelezen: number;
	geaccepteerd: number;
	/** Of the accepted ones, how many with a warning. */
	waarschuwingen: number;
	vervangen: number;
	geweigerd: number;
}

/** One delivery as read. */
export interface ShvFileRead {
	bestand: string;
	/** Why the whole file could not be read (then nothing of it counts); null when read. */
	weigering: string | null;
	/** `aanleverdatumEnTijd` as milliseconds; null when missing or invalid. */
	aangeleverd: number | null;
	aanleverdatumEnTijd: string | null;
	startdatumLevering: string | null;
	einddatumLevering: string | null;
	trajecten: ShvTraject[];
	gelezen: number;
	meldingen: ShvIssue[];
	/** How many trajecten carried `client` data (present; not read, but for an address with a key). */
	clientObjecten: number;
	/** Read with a werkgroep key: how many of its trajecten got an address key; absent without a key. */
	adresSleutels?: number;
	/** Whether the delivering organisation was present (and not read). */
	organisatie: boolean;
}

export interface ShvReadOptions {
	/** The day of import: dates after it are dropped with a warning (the identity date rejects). */
	today: string;
	/**
	 * A read with a werkgroep key: each traject's first client's address goes here as its message
	 * (and the traject gets `adresSleutel: null`) until `applyAddressKeys`. Without it the clients
	 * are skipped.
	 */
	adressen?: AddressMessages;
}

/** The earliest date a delivery may hold; earlier dates are errors. */
const EARLIEST = '2000-01-01';

/** A value for a message: shown shortened, or only why not when it is personal data. */
function safe(value: JsonValue | undefined): string {
	if (value === SKIPPED || (typeof value === 'object' && value !== null))
		return '(een object of lijst)';
	const reason = personal(value);
	return reason === null ? shown(value) : `(niet getoond: de waarde ${reasonText(reason)})`;
}

const LEAF: Shape = { kind: 'leaf' };
const FIELDS = (...keys: string[]): Shape => ({
	kind: 'object',
	fields: Object.fromEntries(keys.map((k) => [k, LEAF]))
});

/** Reads one delivery from its bytes (UTF-8, with or without BOM). Never throws. */
export function readShv(bestand: string, bytes: Uint8Array, options: ShvReadOptions): ShvFileRead {
	let text = new TextDecoder('utf-8').decode(bytes);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return readShvText(bestand, text, options);
}

const absent = (value: JsonValue | undefined) =>
	value === undefined || value === null || value === '';

/** Reads one delivery from its text. Never throws. */
export function readShvText(bestand: string, text: string, options: ShvReadOptions): ShvFileRead {
	const result: ShvFileRead = {
		bestand,
		weigering: null,
		aangeleverd: null,
		aanleverdatumEnTijd: null,
		startdatumLevering: null,
		einddatumLevering: null,
		trajecten: [],
		gelezen: 0,
		meldingen: [],
		clientObjecten: 0,
		organisatie: false
	};
	const issue = (pad: string, soort: ShvIssue['soort'], reden: string) =>
		result.meldingen.push({ bestand, pad, soort, reden });
	let levering = 0;
	let sawLeveringen = false;

	const trajectShape: Shape = {
		kind: 'object',
		fields: {
			gemeentecode: LEAF,
			startdatum: LEAF,
			aanmelding: FIELDS('startdatum', 'crisisinterventie'),
			crisisinterventies: { kind: 'array', item: FIELDS('startdatum') },
			intake: FIELDS(
				'startdatum',
				'beschikkingsdatum',
				'beschikkingssoort',
				'toelatingsbeschikking'
			),
			planvanaanpak: FIELDS('datumafronding'),
			schuldregeling: FIELDS('toegekend', 'afgewezen'),
			oplossing: FIELDS('soort'),
			begeleiding: { kind: 'array', item: FIELDS('soort') },
			uitstroom: FIELDS('datum', 'reden'),
			moratoria: { kind: 'array', item: FIELDS('startdatum') },
			totaalschuldbedragbijaanvangschuld: LEAF,
			schulden: { kind: 'array', item: FIELDS('schuldsoort') },
			// With a key only the first client is built, and of it only the address fields.
			client: {
				...(options.adressen
					? { kind: 'array', item: CLIENT_ADDRESS, limit: 1 }
					: { kind: 'skip' }),
				seen: () => result.clientObjecten++
			}
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
				item: {
					kind: 'object',
					fields: {
						schuldhulptrajecten: {
							kind: 'array',
							item: trajectShape,
							each: (value, index) => {
								result.gelezen++;
								readTraject(value, `leveringen[${levering}].schuldhulptrajecten[${index}]`);
							}
						},
						aanleverendeorganisatie: { kind: 'skip', seen: () => (result.organisatie = true) }
					}
				},
				each: () => {
					sawLeveringen = true;
					levering++;
				}
			}
		}
	};

	const field = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
		isObject(value) ? value[key] : undefined;
	const items = (value: JsonValue | undefined): JsonValue[] => (Array.isArray(value) ? value : []);

	const readTraject = (value: JsonValue, pad: string) => {
		// The traject's own warnings follow this mark; a rejected traject takes them back.
		const mark = result.meldingen.length;
		let gewaarschuwd = false;
		const warn = (sub: string, reden: string) => {
			gewaarschuwd = true;
			issue(`${pad}${sub}`, 'waarschuwing', reden);
		};
		const reject = (sub: string, reden: string) => {
			result.meldingen.length = mark;
			issue(`${pad}${sub}`, 'geweigerd', reden);
		};
		if (!isObject(value)) return reject('', 'Het traject is geen object; het is geweigerd.');
		const code = gemeentecode(value.gemeentecode);
		if (code === null)
			return reject(
				'.gemeentecode',
				absent(value.gemeentecode)
					? 'De gemeentecode ontbreekt; het traject hoort bij geen gemeente en is geweigerd.'
					: `De gemeentecode ${safe(value.gemeentecode)} is geen gemeentecode (vier cijfers); het traject is geweigerd.`
			);

		/** A date field: null when absent; dropped with a warning when invalid, future or before 2000. */
		const date = (raw: JsonValue | undefined, sub: string, what: string): string | null => {
			if (absent(raw)) return null;
			const d = ddasDate(raw);
			if (d === null)
				warn(sub, `${what} ${safe(raw)} is geen geldige datum (JJJJ-MM-DD); weggelaten.`);
			else if (d > options.today)
				warn(sub, `${what} ${d} ligt na de dag van import (${options.today}); weggelaten.`);
			else if (d < EARLIEST) warn(sub, `${what} ${d} ligt vóór 1 januari 2000; weggelaten.`);
			else return d;
			return null;
		};
		/** An enumeration value: its v1.0 form, `onbekend` with a warning, or null when absent. */
		const enumValue = <T extends string>(
			raw: JsonValue | undefined,
			match: (v: string) => T | null,
			sub: string,
			what: string
		): T | 'onbekend' | null => {
			if (absent(raw)) return null;
			const found = typeof raw === 'string' ? match(raw) : null;
			if (found !== null) return found;
			warn(sub, `${what} ${safe(raw)} staat niet in de lijst van versie 1.0; geteld als onbekend.`);
			return 'onbekend';
		};

		// The identity date: the aanmelding's start, else the traject's start.
		const aanmeldingRaw = field(value.aanmelding, 'startdatum');
		const [identityRaw, identitySub]: [JsonValue | undefined, string] = !absent(aanmeldingRaw)
			? [aanmeldingRaw, '.aanmelding.startdatum']
			: [value.startdatum, '.startdatum'];
		if (absent(identityRaw))
			return reject(
				'',
				'Het traject heeft geen aanmelding.startdatum en geen startdatum; het kan niet worden geteld en is geweigerd.'
			);
		const aanmelding = ddasDate(identityRaw);
		if (aanmelding === null)
			return reject(
				identitySub,
				`De datum ${safe(identityRaw)} is geen geldige datum (JJJJ-MM-DD); het traject is geweigerd.`
			);
		if (aanmelding > options.today)
			return reject(
				identitySub,
				`De datum ${aanmelding} ligt na de dag van import (${options.today}); het traject is geweigerd.`
			);
		if (aanmelding < EARLIEST)
			return reject(
				identitySub,
				`De datum ${aanmelding} ligt vóór 1 januari 2000; het traject is geweigerd.`
			);

		const intake = value.intake;
		let beschikkingsdatum = date(
			field(intake, 'beschikkingsdatum'),
			'.intake.beschikkingsdatum',
			'De beschikkingsdatum'
		);
		let beschikkingssoort: ShvTraject['beschikkingssoort'] = null;
		const soortRaw = field(intake, 'beschikkingssoort');
		if (!absent(soortRaw)) {
			const soort = typeof soortRaw === 'string' ? matchBeschikking(soortRaw) : null;
			if (soort !== null) beschikkingssoort = soort;
			else if (
				typeof soortRaw === 'string' &&
				/^\s*be[eë]indigingsbeschikking\s*$/i.test(soortRaw)
			) {
				// 0.10: the end of help, not a decision on admission.
				warn(
					'.intake.beschikkingssoort',
					'Een beëindigingsbeschikking is geen besluit over de toelating (vervallen in versie 1.0); de beschikking is weggelaten.'
				);
				beschikkingsdatum = null;
			} else {
				warn(
					'.intake.beschikkingssoort',
					`De beschikkingssoort ${safe(soortRaw)} staat niet in de lijst van versie 1.0; geteld als onbekend.`
				);
				beschikkingssoort = 'onbekend';
			}
		}
		// 0.9: the date of the toelatingsbeschikking.
		const toelating = date(
			field(intake, 'toelatingsbeschikking'),
			'.intake.toelatingsbeschikking',
			'De datum van de toelatingsbeschikking'
		);
		if (beschikkingsdatum === null && absent(soortRaw) && toelating !== null) {
			beschikkingsdatum = toelating;
			beschikkingssoort = 'Toelatingsbeschikking';
		}

		let eersteCrisis: string | null = null;
		items(value.crisisinterventies).forEach((c, k) => {
			const d = date(
				field(c, 'startdatum'),
				`.crisisinterventies[${k}].startdatum`,
				'De startdatum van de crisisinterventie'
			);
			if (d !== null && (eersteCrisis === null || d < eersteCrisis)) eersteCrisis = d;
		});
		const begeleiding: Begeleidingssoort[] = [];
		items(value.begeleiding).forEach((b, k) => {
			if (!isObject(b)) return;
			const soort = enumValue(
				b.soort,
				matchBegeleiding,
				`.begeleiding[${k}].soort`,
				'De begeleidingssoort'
			);
			begeleiding.push(soort ?? 'onbekend');
		});
		const schuldsoorten = new Set<Schuldsoort>();
		items(value.schulden).forEach((s, k) => {
			const soort = enumValue(
				field(s, 'schuldsoort'),
				matchSchuldsoort,
				`.schulden[${k}].schuldsoort`,
				'De schuldsoort'
			);
			if (soort !== null) schuldsoorten.add(soort);
		});
		const bedragRaw = value.totaalschuldbedragbijaanvangschuld;
		let schuldbedrag: number | null = null;
		if (typeof bedragRaw === 'number' && Number.isFinite(bedragRaw)) schuldbedrag = bedragRaw;
		else if (!absent(bedragRaw))
			warn(
				'.totaalSchuldbedragBijAanvangSchuld',
				`Het schuldbedrag ${safe(bedragRaw)} is geen getal; weggelaten.`
			);

		const eersteGesprek = date(
			field(intake, 'startdatum'),
			'.intake.startdatum',
			'De datum van het eerste gesprek'
		);
		const planVanAanpak = date(
			field(value.planvanaanpak, 'datumafronding'),
			'.planVanAanpak.datumAfronding',
			'De datum van het plan van aanpak'
		);
		const schuldregelingToegekend = date(
			field(value.schuldregeling, 'toegekend'),
			'.schuldregeling.toegekend',
			'De datum van toekenning'
		);
		const schuldregelingAfgewezen = date(
			field(value.schuldregeling, 'afgewezen'),
			'.schuldregeling.afgewezen',
			'De datum van afwijzing'
		);
		const oplossing = enumValue(
			field(value.oplossing, 'soort'),
			matchOplossing,
			'.oplossing.soort',
			'De oplossingssoort'
		);
		const uitstroomDatum = date(
			field(value.uitstroom, 'datum'),
			'.uitstroom.datum',
			'De uitstroomdatum'
		);
		const uitstroomReden = enumValue(
			field(value.uitstroom, 'reden'),
			matchUitstroomReden,
			'.uitstroom.reden',
			'De uitstroomreden'
		);
		const record: ShvTraject = {
			gemeente: code,
			aanmelding,
			crisisAanmelding: field(value.aanmelding, 'crisisinterventie') === true,
			eersteCrisis,
			eersteGesprek,
			beschikkingsdatum,
			beschikkingssoort,
			planVanAanpak,
			schuldregelingToegekend,
			schuldregelingAfgewezen,
			oplossing,
			begeleiding,
			moratorium: items(value.moratoria).some(isObject),
			uitstroomDatum,
			uitstroomReden,
			uitstroom: uitstroomDatum !== null || uitstroomReden !== null,
			schuldbedrag,
			schuldsoorten: [...schuldsoorten],
			pad,
			volgorde: result.trajecten.length,
			gewaarschuwd
		};
		result.trajecten.push(record);
		if (options.adressen) {
			record.adresSleutel = null;
			const message = clientAddress(Array.isArray(value.client) ? value.client[0] : undefined);
			if (message !== null) options.adressen.set(record, message);
		}
	};

	const parsed = parseDelivery(
		bestand,
		text,
		rootShape,
		() => sawLeveringen,
		'schuldhulpverlening 0.9–1.0'
	);
	if ('weigering' in parsed) return refused(result, parsed.weigering);
	Object.assign(result, parsed.header);
	return result;
}

function refused(result: ShvFileRead, weigering: string): ShvFileRead {
	return { ...result, weigering, trajecten: [], gelezen: 0, meldingen: [] };
}

/** A delivery's report: its accounting and what was present and not read. */
export interface ShvFileReport {
	bestand: string;
	weigering: string | null;
	aanleverdatumEnTijd: string | null;
	startdatumLevering: string | null;
	einddatumLevering: string | null;
	trajecten: ShvCounts;
	clientObjecten: number;
	/** Read with a werkgroep key: how many of the file's trajecten got an address key; absent without a key. */
	adresSleutels?: number;
	organisatie: boolean;
}

/** An accepted traject with the delivery it came from. */
export type ShvAccepted = Omit<ShvTraject, 'pad' | 'volgorde' | 'gewaarschuwd'>;

/** The deliveries resolved: the trajecten that count, and each file's accounting. */
export interface ShvResult {
	trajecten: ShvAccepted[];
	bestanden: ShvFileReport[];
	meldingen: ShvIssue[];
}

const SEP = '\u001f';

/** A traject's identity: gemeente, aanmelding date, and its address key when it has one. */
const identity = (t: ShvTraject) =>
	t.gemeente + SEP + t.aanmelding + (t.adresSleutel ? SEP + t.adresSleutel : '');

/**
 * Resolves the repeats of snapshot deliveries. A traject's identity is (gemeentecode, aanmelding
 * date, address key when there is one). Per identity the delivery with the latest
 * `aanleverdatumEnTijd` holding it counts (equal or missing: the file loaded last), with every
 * traject of that identity it holds (without address keys two clients may sign on in one gemeente
 * on the same day); the same identity in the other deliveries is `vervangen`. gelezen =
 * geaccepteerd + vervangen + geweigerd per file.
 */
export function combineShv(files: readonly ShvFileRead[]): ShvResult {
	const rank = (fi: number) => files[fi]!.aangeleverd ?? -Infinity;
	const newer = (a: number, b: number) => (rank(a) !== rank(b) ? rank(a) > rank(b) : a > b);
	const winner = new Map<string, number>();
	files.forEach((f, fi) => {
		for (const t of f.trajecten) {
			const key = identity(t);
			const current = winner.get(key);
			if (current === undefined || newer(fi, current)) winner.set(key, fi);
		}
	});
	const meldingen: ShvIssue[] = [];
	const gone = new Set<string>();
	const trajecten: ShvAccepted[] = [];
	const bestanden = files.map((f, fi): ShvFileReport => {
		const counts: ShvCounts = {
			gelezen: f.gelezen,
			geaccepteerd: 0,
			waarschuwingen: 0,
			vervangen: 0,
			geweigerd: f.meldingen.filter((m) => m.soort === 'geweigerd').length
		};
		for (const t of f.trajecten) {
			const by = winner.get(identity(t))!;
			if (by === fi) {
				counts.geaccepteerd++;
				if (t.gewaarschuwd) counts.waarschuwingen++;
				const { pad: _pad, volgorde: _volgorde, gewaarschuwd: _w, ...kept } = t;
				trajecten.push(kept);
			} else {
				counts.vervangen++;
				gone.add(fi + SEP + t.pad);
				const other = files[by]!;
				meldingen.push({
					bestand: f.bestand,
					pad: t.pad,
					soort: 'vervangen',
					reden: `Hetzelfde traject (gemeente ${t.gemeente}, aanmelding ${t.aanmelding}${t.adresSleutel ? ', hetzelfde adres' : ''}) staat ook in ${other.bestand}${other.aanleverdatumEnTijd ? ` (aangeleverd ${other.aanleverdatumEnTijd})` : ''}; dat telt.`
				});
			}
		}
		return {
			bestand: f.bestand,
			weigering: f.weigering,
			aanleverdatumEnTijd: f.aanleverdatumEnTijd,
			startdatumLevering: f.startdatumLevering,
			einddatumLevering: f.einddatumLevering,
			trajecten: counts,
			clientObjecten: f.clientObjecten,
			...(f.adresSleutels === undefined ? {} : { adresSleutels: f.adresSleutels }),
			organisatie: f.organisatie
		};
	});
	// Warnings of a replaced traject no longer describe an accepted one.
	const own = files.flatMap((f, fi) =>
		f.meldingen.filter(
			(m) => m.soort !== 'waarschuwing' || !gone.has(fi + SEP + trajectPath(m.pad))
		)
	);
	return { trajecten, bestanden, meldingen: [...own, ...meldingen] };
}

/** The path of the traject a path lies in: `leveringen[0].schuldhulptrajecten[3]`. */
function trajectPath(pad: string): string {
	return /^leveringen\[\d+\]\.schuldhulptrajecten\[\d+\]/.exec(pad)?.[0] ?? pad;
}

/** Reads and combines schuldhulpverlening deliveries, in the order they were loaded. Never throws. */
export function importShvFiles(
	files: readonly { name: string; bytes: Uint8Array }[],
	options: ShvReadOptions
): ShvResult {
	return combineShv(files.map((f) => readShv(f.name, f.bytes, options)));
}

/**
 * Reads and combines schuldhulpverlening deliveries as importShvFiles does; with a pseudonymiser
 * (the werkgroep key) each traject gets the address key of its first client first
 * (ddas-address.ts), part of its identity, and each file's report says how many. Without one, the
 * same as importShvFiles. Never throws but for the pseudonymiser.
 */
export async function importShvFilesWithAddressKeys(
	files: readonly { name: string; bytes: Uint8Array }[],
	options: Omit<ShvReadOptions, 'adressen'>,
	pseudonymise: Pseudonymiser | null
): Promise<ShvResult> {
	if (pseudonymise === null) return importShvFiles(files, options);
	const adressen: AddressMessages = new Map();
	const reads = files.map((f) => readShv(f.name, f.bytes, { ...options, adressen }));
	await applyAddressKeys(
		(function* () {
			for (const r of reads) yield* r.trajecten;
		})(),
		adressen,
		pseudonymise
	);
	for (const r of reads) {
		let n = 0;
		for (const t of r.trajecten) if (t.adresSleutel) n++;
		r.adresSleutels = n;
	}
	return combineShv(reads);
}
