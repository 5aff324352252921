/**
 * Reads DDAS schuldhulpverlening deliveries (VNG Realisatie's uitwisselmodel v0.9, 0.10 and 1.0;
 * spec: ddas-schuldhulpverlening.md) into compact traject records, and resolves the repeats of
 * snapshot deliveries: every traject read is accepted, replaced or rejected, with its JSON path
 * and a Dutch reason. The `client` objects, names, `omschrijving` texts, creditors and the
 * delivering organisation are skipped while parsing: they are never built.
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
import { ddasDate, gemeentecode, isObject, personal, shown } from './ddas';
import {
	JsonSyntaxError,
	lineAndColumn,
	readJson,
	type JsonObject,
	type JsonValue,
	type Shape
} from './ddas-json';
import { reasonText } from './personal-data';

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
	/** Whether the aanmelding itself was a crisis (`aanmelding.crisisinterventie`). */
	crisisAanmelding: boolean;
	/** The start of the first crisisinterventie, if any. */
	eersteCrisis: string | null;
	/** The first conversation (`intake.startdatum`). */
	eersteGesprek: string | null;
	beschikkingsdatum: string | null;
	beschikkingssoort: Beschikkingssoort | null;
	planVanAanpak: string | null;
	schuldregelingToegekend: string | null;
	schuldregelingAfgewezen: string | null;
	oplossing: Oplossingssoort | null;
	begeleiding: Begeleidingssoort[];
	moratorium: boolean;
	uitstroomDatum: string | null;
	uitstroomReden: UitstroomReden | null;
	schuldbedrag: number | null;
	/** The kinds of debt of the traject, each once. */
	schuldsoorten: Schuldsoort[];
	pad: string;
	/** The delivery it came from and its position there, for ties. */
	bestand: string;
	volgorde: number;
}

/** The counts of one delivery. */
export interface ShvCounts {
	gelezen: number;
	geaccepteerd: number;
	waarschuwingen: number;
	vervangen: number;
	geweigerd: number;
}

/** One delivery as read. */
export interface ShvFileRead {
	bestand: string;
	/** Why the whole file could not be read (then nothing of it counts); null when read. */
	weigering: string | null;
	aangeleverd: number | null;
	aanleverdatumEnTijd: string | null;
	startdatumLevering: string | null;
	einddatumLevering: string | null;
	trajecten: ShvTraject[];
	gelezen: number;
	/** Trajecten with at least one warning (by path). */
	gewaarschuwd: Set<string>;
	meldingen: ShvIssue[];
	/** How many `client` objects were present (and not read). */
	clientObjecten: number;
	/** Whether the delivering organisation was present (and not read). */
	organisatie: boolean;
}

export interface ShvReadOptions {
	/** The day of import: dates after it are dropped with a warning (the identity date rejects). */
	today: string;
}

/** Whether a file's text looks like a schuldhulpverlening delivery (it has `schuldhulptrajecten`). */
export function looksLikeShv(text: string): boolean {
	const head = text.slice(0, 65_536);
	return /^\uFEFF?\s*\{/.test(head) && /"schuldhulptrajecten"\s*:/i.test(head);
}

const LEAF: Shape = { kind: 'leaf' };
const DATES = (...keys: string[]): Shape => ({
	kind: 'object',
	fields: Object.fromEntries(keys.map((k) => [k, LEAF]))
});

/** Reads one delivery from its bytes (UTF-8, with or without BOM). Never throws. */
export function readShv(bestand: string, bytes: Uint8Array, options: ShvReadOptions): ShvFileRead {
	let text = new TextDecoder('utf-8').decode(bytes);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return readShvText(bestand, text, options);
}

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
		gewaarschuwd: new Set(),
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
			aanmelding: DATES('startdatum', 'crisisinterventie'),
			crisisinterventies: { kind: 'array', item: DATES('startdatum') },
			intake: DATES(
				'startdatum',
				'beschikkingsdatum',
				'beschikkingssoort',
				'toelatingsbeschikking'
			),
			planvanaanpak: DATES('datumafronding'),
			schuldregeling: DATES('toegekend', 'afgewezen'),
			oplossing: DATES('soort'),
			begeleiding: { kind: 'array', item: DATES('soort', 'startdatum') },
			uitstroom: DATES('datum', 'reden'),
			moratoria: { kind: 'array', item: DATES('startdatum') },
			totaalschuldbedragbijaanvangschuld: LEAF,
			schulden: { kind: 'array', item: DATES('schuldsoort') },
			client: { kind: 'skip', seen: () => result.clientObjecten++ }
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

	/** A date field: null when absent; dropped with a warning when invalid or after today. */
	const optionalDate = (value: JsonValue | undefined, pad: string, what: string): string | null => {
		if (value === undefined || value === null || value === '') return null;
		const date = ddasDate(value);
		if (date === null) {
			issue(pad, 'waarschuwing', `${what} ${shown(value)} is geen geldige datum; weggelaten.`);
		} else if (date > options.today) {
			issue(pad, 'waarschuwing', `${what} ${date} ligt na de dag van import; weggelaten.`);
		} else return date;
		result.gewaarschuwd.add(pad.replace(/(schuldhulptrajecten\[\d+\]).*$/, '$1'));
		return null;
	};

	/** An enumeration value: its v1.0 form, `onbekend` with a warning, or null when absent. */
	const enumValue = <T extends string>(
		value: JsonValue | undefined,
		match: (v: string) => T | null,
		pad: string,
		what: string,
		owner: string
	): T | 'onbekend' | null => {
		if (value === undefined || value === null || value === '') return null;
		const found = typeof value === 'string' ? match(value) : null;
		if (found !== null) return found;
		const hidden = personal(value);
		issue(
			pad,
			'waarschuwing',
			hidden === null
				? `${what} ${shown(value)} staat niet in de lijst van versie 1.0; geteld als onbekend.`
				: `${what} ${reasonText(hidden)} (persoonsgegevens) en wordt niet getoond; geteld als onbekend.`
		);
		result.gewaarschuwd.add(owner);
		return 'onbekend';
	};

	const field = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
		isObject(value) ? value[key] : undefined;

	const readTraject = (value: JsonValue, pad: string) => {
		if (!isObject(value)) return issue(pad, 'geweigerd', 'Het traject is geen object.');
		const code = gemeentecode(value.gemeentecode);
		if (code === null) {
			const hidden = personal(value.gemeentecode);
			return issue(
				`${pad}.gemeentecode`,
				'geweigerd',
				value.gemeentecode === undefined || value.gemeentecode === null
					? 'De gemeentecode ontbreekt; het traject hoort bij geen gemeente.'
					: hidden !== null
						? `De gemeentecode ${reasonText(hidden)} (persoonsgegevens) en wordt niet getoond; het traject is geweigerd.`
						: `De gemeentecode ${shown(value.gemeentecode)} is geen gemeentecode (vier cijfers); het traject is geweigerd.`
			);
		}
		// The identity date: the aanmelding's start, else the traject's start.
		const aanmeldingRaw = field(value.aanmelding, 'startdatum');
		const [identityRaw, identityPad]: [JsonValue | undefined, string] =
			aanmeldingRaw !== undefined && aanmeldingRaw !== null && aanmeldingRaw !== ''
				? [aanmeldingRaw, `${pad}.aanmelding.startdatum`]
				: [value.startdatum, `${pad}.startdatum`];
		if (identityRaw === undefined || identityRaw === null || identityRaw === '')
			return issue(
				pad,
				'geweigerd',
				'Het traject heeft geen aanmelding.startdatum en geen startdatum; het kan niet worden geteld.'
			);
		const aanmelding = ddasDate(identityRaw);
		if (aanmelding === null)
			return issue(
				identityPad,
				'geweigerd',
				`De datum ${shown(identityRaw)} is geen geldige datum (JJJJ-MM-DD); het traject is geweigerd.`
			);
		if (aanmelding > options.today)
			return issue(
				identityPad,
				'geweigerd',
				`De datum ${aanmelding} ligt na de dag van import (${options.today}); het traject is geweigerd.`
			);

		const intake = value.intake;
		let beschikkingsdatum = optionalDate(
			field(intake, 'beschikkingsdatum'),
			`${pad}.intake.beschikkingsdatum`,
			'De beschikkingsdatum'
		);
		let beschikkingssoort: Beschikkingssoort | null = null;
		const soortRaw = field(intake, 'beschikkingssoort');
		if (soortRaw !== undefined && soortRaw !== null && soortRaw !== '') {
			const soort = typeof soortRaw === 'string' ? matchBeschikking(soortRaw) : null;
			if (soort !== null) beschikkingssoort = soort;
			else {
				issue(
					`${pad}.intake.beschikkingssoort`,
					'waarschuwing',
					/^\s*be[eë]indigingsbeschikking\s*$/i.test(String(soortRaw))
						? 'Een beëindigingsbeschikking is geen besluit over de toelating; de beschikking is weggelaten.'
						: `De beschikkingssoort ${shown(soortRaw)} staat niet in de lijst van versie 1.0; de beschikking is weggelaten.`
				);
				result.gewaarschuwd.add(pad);
				beschikkingsdatum = null;
			}
		}
		// v0.9: the date of the toelatingsbeschikking.
		const toelating = optionalDate(
			field(intake, 'toelatingsbeschikking'),
			`${pad}.intake.toelatingsbeschikking`,
			'De datum van de toelatingsbeschikking'
		);
		if (beschikkingsdatum === null && beschikkingssoort === null && toelating !== null) {
			beschikkingsdatum = toelating;
			beschikkingssoort = 'Toelatingsbeschikking';
		}

		const crises = Array.isArray(value.crisisinterventies) ? value.crisisinterventies : [];
		const crisisStarts = crises
			.map((c, k) =>
				optionalDate(
					field(c, 'startdatum'),
					`${pad}.crisisinterventies[${k}].startdatum`,
					'De startdatum van de crisisinterventie'
				)
			)
			.filter((d): d is string => d !== null)
			.sort();
		const begeleiding = (Array.isArray(value.begeleiding) ? value.begeleiding : []).flatMap(
			(b, k) => {
				const soort = enumValue(
					field(b, 'soort'),
					matchBegeleiding,
					`${pad}.begeleiding[${k}].soort`,
					'De begeleidingssoort',
					pad
				);
				return isObject(b) ? [soort ?? 'onbekend'] : [];
			}
		);
		const schuldsoorten = [
			...new Set(
				(Array.isArray(value.schulden) ? value.schulden : []).flatMap((s, k) => {
					const soort = enumValue(
						field(s, 'schuldsoort'),
						matchSchuldsoort,
						`${pad}.schulden[${k}].schuldsoort`,
						'De schuldsoort',
						pad
					);
					return soort === null ? [] : [soort];
				})
			)
		];
		const bedragRaw = value.totaalschuldbedragbijaanvangschuld;
		let schuldbedrag: number | null = null;
		if (typeof bedragRaw === 'number' && Number.isFinite(bedragRaw)) schuldbedrag = bedragRaw;
		else if (bedragRaw !== undefined && bedragRaw !== null) {
			issue(
				`${pad}.totaalSchuldbedragBijAanvangSchuld`,
				'waarschuwing',
				`Het schuldbedrag ${personal(bedragRaw) === null ? shown(bedragRaw) : 'in dit veld'} is geen getal; weggelaten.`
			);
			result.gewaarschuwd.add(pad);
		}

		result.trajecten.push({
			gemeente: code,
			aanmelding,
			crisisAanmelding: field(value.aanmelding, 'crisisinterventie') === true,
			eersteCrisis: crisisStarts[0] ?? null,
			eersteGesprek: optionalDate(
				field(intake, 'startdatum'),
				`${pad}.intake.startdatum`,
				'De datum van het eerste gesprek'
			),
			beschikkingsdatum,
			beschikkingssoort,
			planVanAanpak: optionalDate(
				field(value.planvanaanpak, 'datumafronding'),
				`${pad}.planVanAanpak.datumAfronding`,
				'De datum van het plan van aanpak'
			),
			schuldregelingToegekend: optionalDate(
				field(value.schuldregeling, 'toegekend'),
				`${pad}.schuldregeling.toegekend`,
				'De datum van toekenning'
			),
			schuldregelingAfgewezen: optionalDate(
				field(value.schuldregeling, 'afgewezen'),
				`${pad}.schuldregeling.afgewezen`,
				'De datum van afwijzing'
			),
			oplossing: enumValue(
				field(value.oplossing, 'soort'),
				matchOplossing,
				`${pad}.oplossing.soort`,
				'De oplossingssoort',
				pad
			),
			begeleiding,
			moratorium: (Array.isArray(value.moratoria) ? value.moratoria : []).some(isObject),
			uitstroomDatum: optionalDate(
				field(value.uitstroom, 'datum'),
				`${pad}.uitstroom.datum`,
				'De uitstroomdatum'
			),
			uitstroomReden: enumValue(
				field(value.uitstroom, 'reden'),
				matchUitstroomReden,
				`${pad}.uitstroom.reden`,
				'De uitstroomreden',
				pad
			),
			schuldbedrag,
			schuldsoorten,
			pad,
			bestand,
			volgorde: result.trajecten.length
		});
	};

	let root: JsonValue;
	try {
		root = readJson(text, rootShape);
	} catch (error) {
		if (!(error instanceof JsonSyntaxError)) throw error;
		const { line, column } = lineAndColumn(text, error.offset);
		return refused(
			result,
			`Het bestand is geen geldige JSON (regel ${line}, kolom ${column}); niets van deze levering is geladen.`
		);
	}
	if (!isObject(root as JsonValue) || !sawLeveringen)
		return refused(
			result,
			'Het bestand heeft geen leveringen met schuldhulptrajecten; het is geen DDAS-levering schuldhulpverlening.'
		);
	const top = root as JsonObject;
	result.aanleverdatumEnTijd =
		typeof top.aanleverdatumentijd === 'string' ? top.aanleverdatumentijd : null;
	const stamp = result.aanleverdatumEnTijd ? Date.parse(result.aanleverdatumEnTijd) : NaN;
	result.aangeleverd = Number.isFinite(stamp) ? stamp : null;
	result.startdatumLevering = ddasDate(top.startdatumlevering);
	result.einddatumLevering = ddasDate(top.einddatumlevering);
	return result;
}

function refused(result: ShvFileRead, weigering: string): ShvFileRead {
	return {
		...result,
		weigering,
		trajecten: [],
		gelezen: 0,
		gewaarschuwd: new Set(),
		meldingen: []
	};
}

/** The deliveries resolved: the trajecten that count, and each file's accounting. */
export interface ShvResult {
	trajecten: ShvTraject[];
	bestanden: (ShvCounts & { bestand: string; weigering: string | null })[];
	meldingen: ShvIssue[];
}

/**
 * Resolves the repeats of snapshot deliveries: a traject's identity is (gemeentecode, aanmelding
 * date); of the same identity the one from the delivery with the latest `aanleverdatumEnTijd`
 * counts (equal or missing: the file loaded last; within one file: the last), the others are
 * `vervangen`. gelezen = geaccepteerd + vervangen + geweigerd per file.
 */
export function combineShv(files: readonly ShvFileRead[]): ShvResult {
	const meldingen: ShvIssue[] = files.flatMap((f) => f.meldingen);
	const winner = new Map<string, { traject: ShvTraject; rank: [number, number, number] }>();
	const losers: ShvTraject[] = [];
	files.forEach((file, fileIndex) => {
		for (const traject of file.trajecten) {
			const key = `${traject.gemeente}|${traject.aanmelding}`;
			const rank: [number, number, number] = [
				file.aangeleverd ?? -Infinity,
				fileIndex,
				traject.volgorde
			];
			const current = winner.get(key);
			if (!current) {
				winner.set(key, { traject, rank });
				continue;
			}
			const later =
				rank[0] !== current.rank[0]
					? rank[0] > current.rank[0]
					: rank[1] !== current.rank[1]
						? rank[1] > current.rank[1]
						: rank[2] > current.rank[2];
			const [kept, dropped] = later ? [traject, current.traject] : [current.traject, traject];
			if (later) winner.set(key, { traject, rank });
			losers.push(dropped);
			meldingen.push({
				bestand: dropped.bestand,
				pad: dropped.pad,
				soort: 'vervangen',
				reden: `Hetzelfde traject (gemeente ${dropped.gemeente}, aanmelding ${dropped.aanmelding}) staat in ${kept.bestand === dropped.bestand ? 'dezelfde levering' : kept.bestand} op ${kept.pad}; dat telt.`
			});
		}
	});
	const kept = [...winner.values()].map((w) => w.traject);
	const keptSet = new Set(kept);
	const lost = new Set(losers);
	const bestanden = files.map((file) => {
		let geaccepteerd = 0;
		let waarschuwingen = 0;
		let vervangen = 0;
		for (const t of file.trajecten) {
			if (keptSet.has(t)) {
				geaccepteerd++;
				if (file.gewaarschuwd.has(t.pad)) waarschuwingen++;
			} else if (lost.has(t)) vervangen++;
		}
		return {
			bestand: file.bestand,
			weigering: file.weigering,
			gelezen: file.gelezen,
			geaccepteerd,
			waarschuwingen,
			vervangen,
			geweigerd: file.gelezen - file.trajecten.length
		};
	});
	return { trajecten: kept, bestanden, meldingen };
}
