/** The source-profile file (`huisuitzettingen-bronprofiel/1`): its types and its validation, with Dutch messages naming the key. */
import {
	EVENT_CODES,
	OUTCOMES,
	STATED_REASONS,
	TARGET_GROUPS,
	normalizeCode,
	normalizeCorporation,
	type EventCode
} from '../../domain/codes';
import { JsonSyntaxError, lineAndColumn, readJson } from '../ddas-json';

export const PROFILE_FORMAT = 'huisuitzettingen-bronprofiel/1';

/** What a value spec produces: the exchange-format column it fills. */
export type ValueKind = 'corporatie' | 'doelgroep' | 'wijk' | 'gebeurtenis' | 'reden' | 'uitkomst';

/** The same value on every row, or a column with an optional table of labels and a fallback. */
export type ValueSpec =
	{ waarde: string } | { kolom: string; waarden?: Record<string, string | null>; anders?: string };

export interface ColumnRef {
	kolom: string;
}

export interface DossierIdSpec {
	kolommen: string[];
	pseudonimiseren: boolean;
}

/**
 * The address columns (ddas-schuldhulpverlening.md, "The chain"): never loaded, only turned into
 * the dossier's `adres_sleutel` with the werkgroep key.
 */
export interface AddressSpec {
	postcode: string;
	huisnummer: string;
	toevoeging?: string;
}

export interface WideEvent {
	gebeurtenis: EventCode;
	kolom: string;
	reden?: ValueSpec;
	uitkomst?: ValueSpec;
}

interface ProfileBase {
	formaat: typeof PROFILE_FORMAT;
	naam: string;
	werkblad?: string;
	dossier_id: DossierIdSpec;
	corporatie?: ValueSpec;
	doelgroep?: ValueSpec;
	wijk?: ValueSpec;
	adres?: AddressSpec;
}

/** One row per dossier, a date column per step. */
export interface WideProfile extends ProfileBase {
	vorm: 'breed';
	corporatie: ValueSpec;
	doelgroep: ValueSpec;
	gebeurtenissen: WideEvent[];
}

/** One row per activity: a date column and an activity column with its labels. */
export interface LongProfile extends ProfileBase {
	vorm: 'lang';
	datum: ColumnRef;
	gebeurtenis: ValueSpec;
	reden?: ValueSpec;
	uitkomst?: ValueSpec;
}

export type SourceProfile = WideProfile | LongProfile;

export type ProfileResult = { ok: true; profile: SourceProfile } | { ok: false; message: string };

/** A profile error: the key path and what is wrong with it. */
class ProfileError extends Error {}

const ALLOWED: Record<ValueKind, readonly string[] | null> = {
	corporatie: null,
	wijk: null,
	doelgroep: TARGET_GROUPS,
	gebeurtenis: EVENT_CODES,
	reden: STATED_REASONS,
	uitkomst: OUTCOMES
};

/** The code a value spec may give for this kind, normalized as the exchange format reads it, or null when it is not one. */
export function normalizeSpecValue(kind: ValueKind, value: string): string | null {
	const trimmed = value.trim();
	if (trimmed === '') return null;
	if (kind === 'corporatie') return normalizeCorporation(trimmed);
	if (kind === 'wijk') return trimmed;
	const code = normalizeCode(trimmed);
	return ALLOWED[kind]!.includes(code) ? code : null;
}

function allowedText(kind: ValueKind): string {
	return kind === 'corporatie' || kind === 'wijk'
		? 'een niet-lege tekst'
		: `een van ${ALLOWED[kind]!.join(', ')}`;
}

/** Parses and checks a profile file's text; a wrong profile gets a Dutch message that names the file and the key. */
export function parseProfile(text: string, fileName = 'profiel'): ProfileResult {
	const body = text.replace(/^\uFEFF/, '');
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		// Never the parser's own text: it quotes the file, and the file may be the key file.
		return {
			ok: false,
			message: `${fileName}: het profiel is geen geldige JSON${jsonFault(body)}.`
		};
	}
	return validateProfile(json, fileName);
}

/** Where and why text is not JSON, in Dutch and without quoting the text: ` (regel 1, kolom 3: …)`. */
function jsonFault(text: string): string {
	try {
		readJson(text, { kind: 'skip' });
	} catch (error) {
		if (error instanceof JsonSyntaxError) {
			const { line, column } = lineAndColumn(text, error.offset);
			return ` (regel ${line}, kolom ${column}: ${error.message})`;
		}
	}
	return '';
}

/** Checks a parsed profile object against the format; see parseProfile. */
export function validateProfile(json: unknown, fileName = 'profiel'): ProfileResult {
	try {
		return { ok: true, profile: readProfile(json) };
	} catch (error) {
		if (error instanceof ProfileError)
			return { ok: false, message: `${fileName}: ongeldig profiel: ${error.message}.` };
		throw error;
	}
}

const fail = (key: string, text: string): never => {
	throw new ProfileError(`‘${key}’ ${text}`);
};

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, key: string): Record<string, unknown> {
	if (!isObject(value)) fail(key, 'moet een object zijn ({ … })');
	return value as Record<string, unknown>;
}

function text(value: unknown, key: string): string {
	if (typeof value !== 'string' || value.trim() === '') fail(key, 'moet een niet-lege tekst zijn');
	return value as string;
}

function onlyKeys(obj: Record<string, unknown>, key: string, allowed: readonly string[]): void {
	for (const k of Object.keys(obj)) {
		if (!allowed.includes(k)) {
			fail(
				key === '' ? k : `${key}.${k}`,
				`is geen sleutel van ${key === '' ? 'een profiel' : `‘${key}’`} (wel: ${allowed.join(', ')})`
			);
		}
	}
}

function code(kind: ValueKind, value: unknown, key: string, allowNull: boolean): string | null {
	if (value === null && allowNull) return null;
	if (typeof value !== 'string')
		fail(key, `moet ${allowedText(kind)}${allowNull ? ' of null (overslaan)' : ''} zijn`);
	const normalized = normalizeSpecValue(kind, value as string);
	if (normalized === null)
		fail(key, `geeft ‘${value}’: dat is geen geldige ${kind}; kies ${allowedText(kind)}`);
	return normalized;
}

function valueSpec(value: unknown, key: string, kind: ValueKind): ValueSpec {
	const obj = object(value, key);
	if ('waarde' in obj) {
		onlyKeys(obj, key, ['waarde']);
		return { waarde: code(kind, obj.waarde, `${key}.waarde`, false)! };
	}
	if (!('kolom' in obj)) fail(key, 'heeft ‘waarde’ of ‘kolom’ nodig');
	onlyKeys(obj, key, ['kolom', 'waarden', 'anders']);
	const spec: ValueSpec = { kolom: text(obj.kolom, `${key}.kolom`) };
	if (obj.waarden !== undefined) {
		const table = object(obj.waarden, `${key}.waarden`);
		const waarden: Record<string, string | null> = {};
		for (const [label, target] of Object.entries(table)) {
			waarden[label] = code(kind, target, `${key}.waarden.${label}`, kind === 'gebeurtenis');
		}
		spec.waarden = waarden;
	}
	if (obj.anders !== undefined) spec.anders = code(kind, obj.anders, `${key}.anders`, false)!;
	return spec;
}

function columnRef(value: unknown, key: string): ColumnRef {
	const obj = object(value, key);
	onlyKeys(obj, key, ['kolom']);
	return { kolom: text(obj.kolom, `${key}.kolom`) };
}

function readProfile(json: unknown): SourceProfile {
	const root = object(json, 'profiel');
	if (root.formaat !== PROFILE_FORMAT)
		fail('formaat', `moet ‘${PROFILE_FORMAT}’ zijn, niet ${JSON.stringify(root.formaat ?? null)}`);
	const naam = text(root.naam, 'naam');
	if (root.vorm !== 'breed' && root.vorm !== 'lang')
		fail('vorm', `moet ‘breed’ of ‘lang’ zijn, niet ${JSON.stringify(root.vorm ?? null)}`);
	const werkblad = root.werkblad === undefined ? undefined : text(root.werkblad, 'werkblad');

	const idObj = object(root.dossier_id, 'dossier_id');
	onlyKeys(idObj, 'dossier_id', ['kolommen', 'pseudonimiseren']);
	if (!Array.isArray(idObj.kolommen) || idObj.kolommen.length === 0)
		fail('dossier_id.kolommen', 'moet een lijst van een of meer kolomnamen zijn');
	const kolommen = (idObj.kolommen as unknown[]).map((c, i) => text(c, `dossier_id.kolommen.${i}`));
	if (idObj.pseudonimiseren !== undefined && typeof idObj.pseudonimiseren !== 'boolean')
		fail('dossier_id.pseudonimiseren', 'moet true of false zijn');
	const dossier_id = { kolommen, pseudonimiseren: idObj.pseudonimiseren === true };

	const optional = (key: 'corporatie' | 'doelgroep' | 'wijk') =>
		root[key] === undefined ? undefined : valueSpec(root[key], key, key);
	const corporatie = optional('corporatie');
	const doelgroep = optional('doelgroep');
	const wijk = optional('wijk');
	const adres = root.adres === undefined ? undefined : addressSpec(root.adres);
	const base = {
		formaat: PROFILE_FORMAT as typeof PROFILE_FORMAT,
		naam,
		dossier_id,
		werkblad,
		corporatie,
		doelgroep,
		wijk,
		adres
	};
	const common = [
		'formaat',
		'naam',
		'vorm',
		'werkblad',
		'dossier_id',
		'corporatie',
		'doelgroep',
		'wijk',
		'adres'
	];

	if (root.vorm === 'breed') {
		onlyKeys(root, '', [...common, 'gebeurtenissen']);
		if (corporatie === undefined) fail('corporatie', 'is verplicht bij vorm ‘breed’');
		if (doelgroep === undefined) fail('doelgroep', 'is verplicht bij vorm ‘breed’');
		if (!Array.isArray(root.gebeurtenissen) || root.gebeurtenissen.length === 0)
			fail('gebeurtenissen', 'moet een lijst van een of meer { gebeurtenis, kolom } zijn');
		const gebeurtenissen = (root.gebeurtenissen as unknown[]).map((item, i) => {
			const key = `gebeurtenissen.${i}`;
			const obj = object(item, key);
			onlyKeys(obj, key, ['gebeurtenis', 'kolom', 'reden', 'uitkomst']);
			const gebeurtenis = code('gebeurtenis', obj.gebeurtenis, `${key}.gebeurtenis`, false);
			const event: WideEvent = {
				gebeurtenis: gebeurtenis as EventCode,
				kolom: text(obj.kolom, `${key}.kolom`)
			};
			if (obj.reden !== undefined) {
				if (gebeurtenis !== 'ontruiming') fail(`${key}.reden`, 'mag alleen bij ontruiming');
				event.reden = valueSpec(obj.reden, `${key}.reden`, 'reden');
			}
			if (obj.uitkomst !== undefined) {
				if (gebeurtenis !== 'afgesloten') fail(`${key}.uitkomst`, 'mag alleen bij afgesloten');
				event.uitkomst = valueSpec(obj.uitkomst, `${key}.uitkomst`, 'uitkomst');
			}
			return event;
		});
		return onlyHashed({
			...base,
			vorm: 'breed',
			corporatie: corporatie!,
			doelgroep: doelgroep!,
			gebeurtenissen
		});
	}
	onlyKeys(root, '', [...common, 'datum', 'gebeurtenis', 'reden', 'uitkomst']);
	if ((corporatie === undefined) !== (doelgroep === undefined))
		fail(
			corporatie === undefined ? 'corporatie' : 'doelgroep',
			'ontbreekt: bij vorm ‘lang’ horen corporatie en doelgroep samen, of geen van beide'
		);
	if (wijk !== undefined && corporatie === undefined)
		fail('wijk', 'mag bij vorm ‘lang’ alleen samen met corporatie en doelgroep');
	if (adres !== undefined && corporatie === undefined)
		fail('adres', 'mag bij vorm ‘lang’ alleen samen met corporatie en doelgroep');
	if (root.datum === undefined) fail('datum', 'is verplicht bij vorm ‘lang’');
	if (root.gebeurtenis === undefined) fail('gebeurtenis', 'is verplicht bij vorm ‘lang’');
	return onlyHashed({
		...base,
		vorm: 'lang',
		datum: columnRef(root.datum, 'datum'),
		gebeurtenis: valueSpec(root.gebeurtenis, 'gebeurtenis', 'gebeurtenis'),
		reden: root.reden === undefined ? undefined : valueSpec(root.reden, 'reden', 'reden'),
		uitkomst:
			root.uitkomst === undefined ? undefined : valueSpec(root.uitkomst, 'uitkomst', 'uitkomst')
	});
}

/** Every column the profile reads besides the id, with the key that names it (`wijk.kolom`). */
function otherColumns(profile: SourceProfile): [key: string, column: string][] {
	const out: [string, string][] = [];
	const spec = (s: ValueSpec | undefined, key: string) => {
		if (s && 'kolom' in s) out.push([`${key}.kolom`, s.kolom]);
	};
	spec(profile.corporatie, 'corporatie');
	spec(profile.doelgroep, 'doelgroep');
	spec(profile.wijk, 'wijk');
	if (profile.vorm === 'breed') {
		profile.gebeurtenissen.forEach((e, i) => {
			out.push([`gebeurtenissen.${i}.kolom`, e.kolom]);
			spec(e.reden, `gebeurtenissen.${i}.reden`);
			spec(e.uitkomst, `gebeurtenissen.${i}.uitkomst`);
		});
	} else {
		out.push(['datum.kolom', profile.datum.kolom]);
		spec(profile.gebeurtenis, 'gebeurtenis');
		spec(profile.reden, 'reden');
		spec(profile.uitkomst, 'uitkomst');
	}
	return out;
}

function addressSpec(value: unknown): AddressSpec {
	const obj = object(value, 'adres');
	onlyKeys(obj, 'adres', ['postcode', 'huisnummer', 'toevoeging']);
	if (obj.postcode === undefined) fail('adres.postcode', 'is verplicht (een kolomnaam)');
	if (obj.huisnummer === undefined) fail('adres.huisnummer', 'is verplicht (een kolomnaam)');
	const spec: AddressSpec = {
		postcode: text(obj.postcode, 'adres.postcode'),
		huisnummer: text(obj.huisnummer, 'adres.huisnummer')
	};
	if (obj.toevoeging !== undefined) spec.toevoeging = text(obj.toevoeging, 'adres.toevoeging');
	return spec;
}

/** The address columns of a profile, with the key that names each (`adres.postcode`). */
export function addressColumns(profile: SourceProfile): [key: string, column: string][] {
	const a = profile.adres;
	if (a === undefined) return [];
	const out: [string, string][] = [
		['adres.postcode', a.postcode],
		['adres.huisnummer', a.huisnummer]
	];
	if (a.toevoeging !== undefined) out.push(['adres.toevoeging', a.toevoeging]);
	return out;
}

/** True when the profile needs the werkgroep key: it pseudonymises the id, or makes address keys. */
export function needsKey(profile: SourceProfile): boolean {
	return profile.dossier_id.pseudonimiseren || profile.adres !== undefined;
}

/** What the profile does with the key, in Dutch, for the message that asks for it. */
export function keyUse(profile: SourceProfile): string {
	const id = profile.dossier_id.pseudonimiseren;
	const address = profile.adres !== undefined;
	if (id && address) return 'pseudonimiseert het dossier_id en maakt een adressleutel';
	return address ? 'maakt een adressleutel van het adres' : 'pseudonimiseert het dossier_id';
}

/**
 * A pseudonymised column fills the dossier_id only, an address column only the address key (or a
 * pseudonymised id): used again for anything else, its raw value (a contract number, a postcode)
 * would reach the rows, the exports and the messages.
 */
function onlyHashed(profile: SourceProfile): SourceProfile {
	const address = addressColumns(profile);
	const pseudonymise = profile.dossier_id.pseudonimiseren;
	if (!pseudonymise && address.length === 0) return profile;
	const id = new Set(profile.dossier_id.kolommen.map(normalizeCode));
	const addressAt = new Map(address.map(([, column]) => [normalizeCode(column), column]));
	for (const [key, column] of otherColumns(profile)) {
		if (pseudonymise && id.has(normalizeCode(column))) {
			fail(
				key,
				`gebruikt kolom ‘${column}’, die het profiel pseudonimiseert (dossier_id.kolommen); een gepseudonimiseerde kolom mag alleen het dossier_id vullen`
			);
		}
		if (addressAt.has(normalizeCode(column))) {
			fail(
				key,
				`gebruikt kolom ‘${column}’, een adreskolom van het profiel (adres); een adreskolom mag alleen de adressleutel vullen`
			);
		}
	}
	if (!pseudonymise) {
		profile.dossier_id.kolommen.forEach((column, i) => {
			if (addressAt.has(normalizeCode(column)))
				fail(
					`dossier_id.kolommen.${i}`,
					`gebruikt kolom ‘${column}’, een adreskolom van het profiel (adres); een adreskolom mag alleen de adressleutel of een gepseudonimiseerd dossier_id vullen`
				);
		});
	}
	return profile;
}

/** Every source column the profile reads, in the order the profile names them. */
export function profileColumns(profile: SourceProfile): string[] {
	const out: string[] = [...profile.dossier_id.kolommen];
	const spec = (s: ValueSpec | undefined) => {
		if (s && 'kolom' in s) out.push(s.kolom);
	};
	spec(profile.corporatie);
	spec(profile.doelgroep);
	spec(profile.wijk);
	for (const [, column] of addressColumns(profile)) out.push(column);
	if (profile.vorm === 'breed') {
		for (const e of profile.gebeurtenissen) {
			out.push(e.kolom);
			spec(e.reden);
			spec(e.uitkomst);
		}
	} else {
		out.push(profile.datum.kolom);
		spec(profile.gebeurtenis);
		spec(profile.reden);
		spec(profile.uitkomst);
	}
	return [...new Set(out)];
}

/** The profile as the JSON text of a profile file (two-space indent, keys in the spec's order). */
export function profileToJson(profile: SourceProfile): string {
	return JSON.stringify(profile, null, 2) + '\n';
}
