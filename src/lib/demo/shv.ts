/**
 * The seeded generator of a fictitious DDAS schuldhulpverlening delivery (uitwisselmodel 1.0; spec:
 * ddas-schuldhulpverlening.md) for one gemeente: trajecten from the aanmelding through the first
 * conversation, the beschikking, the plan van aanpak, a schuldregeling or begeleiding to the
 * uitstroom, mostly within the Wgs norms but not always. Pure: no I/O, no clock, no Math.random.
 *
 * Every client is fictitious: the BSN `000000000` (no valid BSN) and an address whose postcode
 * letters no Dutch postcode has (address.ts). Some trajecten are given by the demo chain (chain.ts):
 * the households of demo dossiers that signed on for debt help, at the dossier's address.
 */
import { addDays, addWorkingDays, isWorkingDay } from '../domain/holidays';
import type {
	Begeleidingssoort,
	Oplossingssoort,
	Schuldsoort,
	UitstroomReden
} from '../domain/shv';
import { adresMessage, drawAddress, type DemoAdres } from './address';
import { Random } from './random';

export interface ShvDemoOptions {
	seed: number;
	gemeentecode: string;
	/** First and last date of the delivery, `YYYY-MM-DD`: no date in it lies outside. */
	from: string;
	to: string;
	/** Aanmeldingen per year around 2013 (a little more every year, more again from 2021). */
	trajectenPerYear: number;
	/** `aanleverdatumEnTijd` of the delivery. */
	deliveredAt: string;
	/** Trajecten the demo chain gives (at demo dossiers' addresses); the others are drawn, fewer by as many. */
	huishoudens?: readonly ShvHousehold[];
	/** Addresses no drawn traject may have (the demo dossiers'): only `huishoudens` meet them. */
	bezetteAdressen?: readonly DemoAdres[];
}

/** The committed demo delivery: Haarlem, aanmeldingen March 2013 – December 2023. */
export const SHV_DEMO_DEFAULTS = {
	seed: 2012,
	gemeentecode: '0392',
	from: '2013-03-01',
	to: '2023-12-31',
	trajectenPerYear: 290,
	deliveredAt: '2024-01-15T09:00:00Z'
} as const satisfies ShvDemoOptions;

/**
 * A traject the demo chain gives: a dossier's household signs on at its address. Dates the
 * dossier's events fix are given (`YYYY-MM-DD`); what is left undefined is drawn.
 */
export interface ShvHousehold {
	adres: DemoAdres;
	aanmelding: string;
	/** The aanmelding is a crisis (a threatened eviction). */
	crisis: boolean;
	/** The first conversation (the dossier's `intake_sdv`); null: none came. */
	eersteGesprek?: string | null;
	/** The plan van aanpak (the dossier's `plan_van_aanpak`). */
	planVanAanpak?: string;
	/** Budgetbeheer started (the dossier's `budgetbeheer`). */
	budgetbeheer?: string;
	/** A schuldregeling granted (the dossier's `schuldhulptraject`). */
	schuldregeling?: string;
}

type DrawnReden = Exclude<UitstroomReden, 'onbekend' | 'Nietverschenen' | 'Voldoet niet'>;

const OPLOSSINGEN: Readonly<Record<Exclude<Oplossingssoort, 'onbekend'>, number>> = {
	Schuldbemiddeling: 45,
	Saneringskrediet: 30,
	Betalingsregeling: 12,
	'0%-aanbod': 8,
	Herfinanciering: 5
};
const BEGELEIDINGEN: Readonly<Record<Exclude<Begeleidingssoort, 'onbekend'>, number>> = {
	Budgetbeheer: 35,
	Budgetcoaching: 25,
	Beschermingsbewind: 20,
	Budgetbegeleiding: 15,
	'Lange Termijn Begeleiding (DFD)': 5
};
const SCHULDSOORTEN: Readonly<Record<Exclude<Schuldsoort, 'onbekend'>, number>> = {
	Publiek: 30,
	Zorg: 25,
	Nuts: 20,
	Overig: 25
};
/** How a traject ends when nothing else decided it (`open`: still running at the end). */
const ENDINGS: Readonly<Record<DrawnReden | 'open', number>> = {
	Afgerond: 52,
	Zelf: 12,
	Ingetrokken: 10,
	Overig: 8,
	Verhuisd: 6,
	'Niet passend': 3,
	Overleden: 1,
	open: 8
};

/** The day itself, or the first working day after it (an office's date). */
function workday(date: string): string {
	let day = date;
	while (!isWorkingDay(day)) day = addDays(day, 1);
	return day;
}

/** `date` plus `days` calendar days, moved to a working day. */
const after = (date: string, days: number) => workday(addDays(date, days));

/** The later of two ISO dates. */
const max = (a: string, b: string) => (a > b ? a : b);

/** The client of a traject: the fictitious BSN and the address (v1.0 keys), nothing else. */
function client(adres: DemoAdres): Record<string, string> {
	const out: Record<string, string> = {
		Burgerservicenummer: '000000000',
		Postcode: adres.postcode,
		Huisnummer: adres.huisnummer
	};
	if (adres.toevoeging !== '') out.Huisnummertoevoeging = adres.toevoeging;
	return out;
}

/** A whole traject as the delivery writes it. Dates after `to` are left out (still to come). */
function traject(
	rng: Random,
	spec: ShvHousehold & { huurschuld: boolean },
	gemeentecode: string,
	to: string
): Record<string, unknown> {
	const { aanmelding, crisis } = spec;
	const by = (date: string | null) => (date !== null && date <= to ? date : null);
	const t: Record<string, unknown> = {
		gemeentecode,
		startdatum: aanmelding,
		einddatum: undefined,
		aanmelding: { startdatum: aanmelding, crisisinterventie: crisis },
		client: [client(spec.adres)]
	};
	if (crisis) {
		const end = by(after(aanmelding, rng.int(5, 40)));
		t.crisisinterventies = [
			end ? { startdatum: aanmelding, einddatum: end } : { startdatum: aanmelding }
		];
	}
	const leave = (date: string | null, reden: UitstroomReden) => {
		if (date === null || by(date) === null) return t;
		t.einddatum = date;
		t.uitstroom = { datum: date, reden };
		return t;
	};

	// The first conversation: within 4 weeks, or 3 working days in a crisis, mostly.
	let intake: string | null;
	if (spec.eersteGesprek !== undefined) intake = spec.eersteGesprek;
	else if (rng.chance(0.07)) intake = null;
	else if (crisis) {
		const days = rng.chance(0.82) ? rng.int(0, 3) : rng.int(4, 10);
		intake = days === 0 ? aanmelding : addWorkingDays(aanmelding, days);
	} else intake = after(aanmelding, rng.chance(0.86) ? rng.int(2, 26) : rng.int(29, 63));
	if (intake === null) return leave(after(aanmelding, rng.int(28, 70)), 'Nietverschenen');
	if (by(intake) === null) return t; // not yet
	const intakeObject: Record<string, unknown> = { startdatum: intake };
	t.intake = intakeObject;

	// The debts as listed at the start.
	const total = Math.max(400, Math.round(Math.exp(9.4 + 0.85 * rng.normal())));
	t.totaalSchuldbedragBijAanvangSchuld = total;
	const count = Number(rng.pick({ 1: 10, 2: 20, 3: 25, 4: 20, 5: 15, 6: 10 }));
	const kinds: Schuldsoort[] = [];
	// Rent arrears are no kind of their own in v1.0: they are `Overig`.
	if (spec.huurschuld) kinds.push('Overig');
	while (kinds.length < count) kinds.push(rng.pick(SCHULDSOORTEN));
	const weights = kinds.map(() => 0.2 + rng.next());
	const sum = weights.reduce((s, w) => s + w, 0);
	t.schulden = kinds.map((schuldsoort, i) => ({
		schuldsoort,
		bedrag: Math.max(25, Math.round((total * weights[i]!) / sum))
	}));

	// The beschikking: within 8 weeks of the first conversation, mostly; admission mostly.
	// A schuldregeling the dossier fixes comes after the first conversation and the beschikking.
	const given = spec.schuldregeling === undefined ? null : max(spec.schuldregeling, intake);
	let beschikking =
		given !== null || rng.chance(0.93)
			? after(intake, rng.chance(0.85) ? rng.int(7, 54) : rng.int(57, 120))
			: null;
	if (given !== null && beschikking! > given) beschikking = given;
	beschikking = by(beschikking);
	if (beschikking === null) {
		return rng.chance(0.6) ? leave(after(intake, rng.int(14, 90)), 'Ingetrokken') : t;
	}
	const admitted =
		spec.schuldregeling !== undefined || spec.budgetbeheer !== undefined || rng.chance(0.86);
	intakeObject.beschikkingsdatum = beschikking;
	intakeObject.beschikkingssoort = admitted ? 'Toelatingsbeschikking' : 'Afwijzingsbeschikking';
	if (!admitted) {
		const reden = rng.chance(0.55) ? 'Voldoet niet' : 'Niet passend';
		return leave(after(beschikking, rng.int(1, 21)), reden);
	}

	const plan = spec.planVanAanpak ?? (rng.chance(0.85) ? after(intake, rng.int(10, 60)) : null);
	if (by(plan)) t.planVanAanpak = { datumAfronding: plan };
	if (rng.chance(crisis ? 0.3 : 0.02)) {
		const start = after(aanmelding, rng.int(1, 10));
		const end = addDays(start, 183);
		if (by(start))
			t.moratoria = [by(end) ? { startdatum: start, einddatum: end } : { startdatum: start }];
	}
	const support: { soort: string; startdatum: string }[] = [];
	if (spec.budgetbeheer !== undefined)
		support.push({ soort: 'Budgetbeheer', startdatum: spec.budgetbeheer });
	else if (rng.chance(0.4)) {
		const start = by(after(beschikking, rng.int(0, 30)));
		if (start) support.push({ soort: rng.pick(BEGELEIDINGEN), startdatum: start });
	}
	if (support.length) t.begeleiding = support;

	// A schuldregeling: granted (then a solution and, after 18 months to 3 years, the end), or refused.
	const regeling = given ?? (rng.chance(0.35) ? after(beschikking, rng.int(30, 200)) : null);
	if (by(regeling)) {
		if (given !== null || rng.chance(0.8)) {
			t.schuldregeling = { toegekend: regeling };
			t.oplossing = { soort: rng.pick(OPLOSSINGEN), startdatum: regeling };
			if (rng.chance(0.12)) {
				const reden = rng.pick({ Ingetrokken: 5, Overig: 3, Verhuisd: 2 } as const);
				return leave(after(regeling!, rng.int(60, 500)), reden);
			}
			return leave(after(regeling!, rng.int(540, 1100)), 'Afgerond');
		}
		t.schuldregeling = { afgewezen: regeling };
	}
	const ending = rng.pick(ENDINGS);
	return ending === 'open' ? t : leave(after(beschikking, rng.int(60, 600)), ending);
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The delivery as JSON text (one traject a line, in order of aanmelding). */
export function generateShvDemo(options: ShvDemoOptions): string {
	const rng = new Random(options.seed);
	const specs: (ShvHousehold & { huurschuld: boolean })[] = [];
	const planned = new Map<number, number>();
	for (const h of options.huishoudens ?? []) {
		if (h.aanmelding < options.from || h.aanmelding > options.to) continue;
		specs.push({ ...h, huurschuld: true });
		const year = Number(h.aanmelding.slice(0, 4));
		planned.set(year, (planned.get(year) ?? 0) + 1);
	}
	const taken = new Set((options.bezetteAdressen ?? []).map(adresMessage));
	for (const s of specs) taken.add(adresMessage(s.adres));
	const firstYear = Number(options.from.slice(0, 4));
	for (let year = firstYear; year <= Number(options.to.slice(0, 4)); year++) {
		const first = Math.max(dayOf(options.from), dayOf(`${year}-01-01`));
		const last = Math.min(dayOf(options.to), dayOf(`${year}-12-31`));
		const growth = 1 + 0.025 * (year - firstYear) + (year >= 2021 ? 0.08 : 0);
		const wanted = ((last - first + 1) / 365.25) * options.trajectenPerYear * growth;
		const drawn = Math.round(wanted * (1 + 0.04 * rng.normal())) - (planned.get(year) ?? 0);
		for (let i = 0; i < drawn; i++) {
			// Most aanmeldingen come on working days; some online at the weekend.
			let day = isoOf(rng.int(first, last));
			for (let tries = 0; tries < 5 && !isWorkingDay(day) && rng.chance(0.85); tries++)
				day = isoOf(rng.int(first, last));
			specs.push({
				adres: drawAddress(rng, null, taken),
				aanmelding: day,
				crisis: rng.chance(0.15),
				huurschuld: rng.chance(0.35)
			});
		}
	}
	specs.sort((a, b) => (a.aanmelding < b.aanmelding ? -1 : a.aanmelding > b.aanmelding ? 1 : 0));
	const trajecten = specs.map((spec) =>
		JSON.stringify(traject(rng, spec, options.gemeentecode, options.to))
	);
	return (
		`{"startdatumLevering":"${options.from}","einddatumLevering":"${options.to}",` +
		`"aanleverdatumEnTijd":"${options.deliveredAt}","codeGegevensleverancier":"DEMO",` +
		`"leveringen":[{"teller":1,"aanleverende_organisatie":{"(Statutaire) Naam":"Fictieve gemeente (demo)","gemeentecode":"${options.gemeentecode}"},\n` +
		`"schuldhulptrajecten":[\n` +
		trajecten.join(',\n') +
		`\n]}]}\n`
	);
}
