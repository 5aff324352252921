/**
 * The seeded generator of a fictitious DDAS vroegsignalering delivery (uitwisselmodel 1.2) for one
 * gemeente: signals of the signal partners, cases that group a household's signals, contact
 * attempts and results. Pure: no I/O, no clock, no Math.random. Used for the demo and the benchmark.
 */
import type { ContactKind, PartnerType } from '../domain/ddas';
import { adresMessage, drawAddress, type DemoAdres } from './address';
import { Random } from './random';

export interface DdasDemoOptions {
	seed: number;
	gemeentecode: string;
	/** First and last signal date, `YYYY-MM-DD`. */
	from: string;
	to: string;
	/** Signals per year (all partner types together). */
	signalsPerYear: number;
	/** `aanleverdatumEnTijd` of the delivery. */
	deliveredAt: string;
	/** Full 1.0-style client objects (name, address, date of birth; all fictitious), as large as real ones. */
	fullClients?: boolean;
	/**
	 * Households whose rent signal is given (the demo chain, chain.ts): each becomes a case with a
	 * `Huur` signal at its address on its date, and perhaps signals of other partners. The other
	 * households are drawn as before, fewer by as many signals, so the volume per year holds.
	 */
	huishoudens?: readonly VsHousehold[];
	/** Addresses no drawn household may have (the demo dossiers'): only `huishoudens` meet them. */
	bezetteAdressen?: readonly DemoAdres[];
}

/** A household of the demo chain: a rent signal at a dossier's address. */
export interface VsHousehold {
	adres: DemoAdres;
	/** The date of its `Huur` signal, `YYYY-MM-DD`. */
	huur: string;
	/**
	 * Whether the household signs on for debt help (a schuldhulpverlening traject at the address):
	 * `na` after the signal (the case ends in a referral more often), `voor` before it (the case
	 * finds it already known). Null when it does not.
	 */
	schuldhulp: 'voor' | 'na' | null;
}

/** The committed demo delivery: Haarlem, March 2013 – December 2023. */
export const DDAS_DEMO_DEFAULTS = {
	seed: 392,
	gemeentecode: '0392',
	from: '2013-03-01',
	to: '2023-12-31',
	signalsPerYear: 600,
	deliveredAt: '2024-01-15T09:00:00Z'
} as const satisfies DdasDemoOptions;

const PARTNERS: Readonly<Record<PartnerType, number>> = {
	Huur: 34,
	Energie: 18,
	Water: 12,
	'CAK Zorgverzekeringen': 9,
	Zorg: 8,
	Belastingdienst: 4,
	'Dienst Toeslagen': 4,
	DUO: 3,
	'CAK Eigen bijdrage': 3,
	Hypotheek: 2,
	Overige: 3
};

const AMOUNT: Readonly<Record<PartnerType, [number, number]>> = {
	Huur: [450, 2600],
	Energie: [120, 900],
	Water: [60, 350],
	'CAK Zorgverzekeringen': [300, 1500],
	Zorg: [150, 900],
	Belastingdienst: [200, 3000],
	'Dienst Toeslagen': [300, 4000],
	DUO: [100, 1200],
	'CAK Eigen bijdrage': [50, 400],
	Hypotheek: [800, 4000],
	Overige: [50, 1500]
};

const KINDS: Readonly<Partial<Record<ContactKind, number>>> = {
	Telefoon: 34,
	Brief: 18,
	Huisbezoek: 16,
	'SMS/Whatsapp': 12,
	Mail: 8,
	Kaartje: 6,
	'Afspraak op locatie': 4,
	Administratief: 2
};

const OUTCOMES_REACHED = {
	'Vervolghulp en/of verwijzing financieel': 24,
	'Vervolghulp en/of verwijzing niet financieel': 8,
	'(Budget)advies en/of quick fix': 18,
	'Inwoner heeft zelf al betaald/betalingsregeling getroffen': 22,
	'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering': 14,
	'Inwoner al bekend bij schuldhulpverlening': 8,
	'Inwoner heeft al een ander lopend traject': 6
} as const;
const OUTCOMES_NOT_REACHED = {
	'Definitief geen contact kunnen krijgen': 70,
	'Geen reactie na eerder contact': 18,
	'Verwijzing zonder tussenkomst inwoner': 12
} as const;
const OUTCOMES_NOT_PICKED = {
	'Niet opgepakt: herhaalde melding': 40,
	'Niet opgepakt: onterecht signaal': 15,
	'Niet opgepakt: andere reden': 25,
	'Persoon is geen inwoner (meer) in de gemeente': 15,
	'Inwoner is overleden': 5
} as const;

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const iso = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

const NAMES = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'];

/** A fictitious client object of real size: a 1.0 client with every field (its address drawn anew). */
function fullClient(random: Random): Record<string, string> {
	return {
		Burgerservicenummer: '000000000',
		Voorletters: 'A.B.',
		Voorvoegsel: '',
		Achternaam: NAMES[random.int(0, NAMES.length - 1)]!,
		Geboortedatum: `19${random.int(40, 99)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
		Straatnaam: 'Voorbeeldstraat',
		Postcode: `20${random.int(10, 99)}AB`,
		Huisnummer: String(random.int(1, 300)),
		Huisnummertoevoeging: '',
		Plaatsnaam: 'Haarlem'
	};
}

/**
 * The client object of a signal: the fictitious BSN `000000000` (nine zeros is no valid BSN) and
 * the household's address as a municipality's system writes it (postcode with a space), which a
 * reader with the werkgroep key turns into the address key. The reader drops the rest unread.
 */
function client(adres: DemoAdres): Record<string, string> {
	const out: Record<string, string> = {
		burgerservicenummer: '000000000',
		Postcode: `${adres.postcode.slice(0, 4)} ${adres.postcode.slice(4)}`,
		Huisnummer: adres.huisnummer
	};
	if (adres.toevoeging !== '') out.Huisnummertoevoeging = adres.toevoeging;
	return out;
}

/** How many signals a household has (1 to 3). */
function signalCount(random: Random): number {
	return random.pick({ 1: 70, 2: 20, 3: 10 }) === '1' ? 1 : random.chance(0.66) ? 2 : 3;
}

/** One household as written: the year of its first signal, its signals, its case (or none yet). */
interface Written {
	year: number;
	signals: string[];
	zaak: string | null;
}

/** What a household's signals and case are made of. */
interface HouseholdPlan {
	count: number;
	/** The k-th signal's partner and day, drawn when it is written. */
	signal: (k: number) => { partner: PartnerType; date: number };
	/** Its client object, made when a signal is written. */
	client: () => Record<string, string>;
	schuldhulp: VsHousehold['schuldhulp'];
}

/**
 * Writes one household: its signals and its case, with contact attempts and a result. The draws
 * come in the order of the generator's first version, so that without the chain the households
 * drawn are what they were.
 */
function household(
	random: Random,
	plan: HouseholdPlan,
	last: number,
	nextId: (date: number) => string
): Written {
	const signals: string[] = [];
	const ids: string[] = [];
	let firstDate = Infinity;
	for (let k = 0; k < plan.count; k++) {
		const { partner, date } = plan.signal(k);
		firstDate = Math.min(firstDate, date);
		const [low, high] = AMOUNT[partner];
		const id = nextId(date);
		ids.push(id);
		signals.push(
			JSON.stringify({
				ID: id,
				crisissignaal: random.chance(0.03),
				warmeOverdracht: random.chance(0.05),
				bedrag: random.int(low, high),
				signaaldatum: iso(date),
				status: 'Opgepakt',
				signaalpartner: { type: partner },
				client: plan.client()
			})
		);
	}
	const year = new Date(firstDate * DAY_MS).getUTCFullYear();
	if (random.chance(0.06)) return { year, signals, zaak: null }; // no case (yet)
	const picked = random.chance(0.82);
	const zaak: Record<string, unknown> = {};
	const attempts: { soort: string; bereikt: boolean; datum: string }[] = [];
	let outcome: string | null = null;
	if (picked) {
		const pickedOn = Math.min(
			last,
			firstDate + Math.max(0, Math.round(4 + 5 * random.normal() ** 2))
		);
		zaak.datumOpgepakt = iso(pickedOn);
		const tries = random.int(1, 4);
		let on = pickedOn;
		let reached = false;
		for (let t = 0; t < tries && !reached; t++) {
			on = Math.min(last, on + (t === 0 ? random.int(0, 3) : random.int(2, 14)));
			reached = random.chance(0.42);
			attempts.push({
				soort: random.pick(KINDS as Record<ContactKind, number>),
				bereikt: reached,
				datum: iso(on)
			});
		}
		if (random.chance(0.85)) {
			// A household that signs on for debt help: the case found it known, or referred it.
			const known = plan.schuldhulp === 'voor' && random.chance(0.7);
			const referred = plan.schuldhulp === 'na' && reached && random.chance(0.7);
			outcome = known
				? 'Inwoner al bekend bij schuldhulpverlening'
				: referred
					? 'Vervolghulp en/of verwijzing financieel'
					: reached
						? random.pick<keyof typeof OUTCOMES_REACHED>(OUTCOMES_REACHED)
						: random.pick<keyof typeof OUTCOMES_NOT_REACHED>(OUTCOMES_NOT_REACHED);
		}
	} else if (random.chance(0.8)) outcome = random.pick(OUTCOMES_NOT_PICKED);
	if (outcome) zaak.resultaat = outcome;
	zaak.matchingsdatum = iso(firstDate);
	zaak.vroegsignalen = ids.map((ID) => ({ ID }));
	if (attempts.length)
		zaak.contactpogingen = attempts.map((a) => ({
			...a,
			dagdeel: random.pick({ Ochtend: 1, Middag: 1, Avond: 1 })
		}));
	return { year, signals, zaak: JSON.stringify(zaak) };
}

/**
 * The delivery as JSON text (compact, one signal or case a line): the drawn households, then the
 * chain's. Where the chain adds signals to a year, as many drawn ones of that year are left out
 * (at random, their numbers unused), so the volume per year holds; the years without chain
 * households are exactly what they were before there was a chain.
 */
export function generateDdasDemo(options: DdasDemoOptions): string {
	const random = new Random(options.seed);
	// Addresses, the chain's households and the thinning each draw from a sequence of their own.
	const places = new Random(options.seed ^ 0xad7e55);
	const chainRandom = new Random(options.seed ^ 0xc4a1e);
	const thinning = new Random(options.seed ^ 0x7415);
	const first = day(options.from);
	const last = day(options.to);
	const total = Math.round(((last - first + 1) / 365.25) * options.signalsPerYear);
	const chain = (options.huishoudens ?? []).filter(
		(h) => day(h.huur) >= first && day(h.huur) <= last
	);
	const taken = new Set((options.bezetteAdressen ?? []).map(adresMessage));
	for (const h of chain) taken.add(adresMessage(h.adres));
	let n = 0;
	const nextId = (date: number) => `HLM-${iso(date).slice(0, 4)}-${String(++n).padStart(6, '0')}`;

	const drawn: Written[] = [];
	while (n < total) {
		const start = first + Math.floor(random.next() * (last - first + 1));
		const count = Math.min(total - n, signalCount(random));
		// The benchmark's full client objects draw their own address (from the main sequence).
		const adres = options.fullClients ? null : drawAddress(places, null, taken);
		drawn.push(
			household(
				random,
				{
					count,
					signal: (k) => ({
						partner: random.pick(PARTNERS),
						date: Math.min(last, start + (k === 0 ? 0 : random.int(0, 45)))
					}),
					// Fictitious: nine zeros is no valid BSN, and no address has the letters SA, SD or SS.
					client: () => (adres ? client(adres) : fullClient(random)),
					schuldhulp: null
				},
				last,
				nextId
			)
		);
	}

	// The chain's households: a rent signal on its date, perhaps signals of other partners after it.
	const added = new Map<number, number>();
	const chained = chain.map((h) => {
		const date = day(h.huur);
		const written = household(
			chainRandom,
			{
				count: signalCount(chainRandom),
				signal: (k) => {
					if (k === 0) return { partner: 'Huur', date };
					let partner = chainRandom.pick(PARTNERS);
					while (partner === 'Huur') partner = chainRandom.pick(PARTNERS);
					return { partner, date: Math.min(last, date + chainRandom.int(0, 45)) };
				},
				client: () => client(h.adres),
				schuldhulp: h.schuldhulp
			},
			last,
			nextId
		);
		added.set(written.year, (added.get(written.year) ?? 0) + written.signals.length);
		return written;
	});
	const perYear = new Map<number, number>();
	for (const w of drawn) perYear.set(w.year, (perYear.get(w.year) ?? 0) + w.signals.length);
	const kept = drawn.filter(
		(w) => !thinning.chance(Math.min(1, (added.get(w.year) ?? 0) / (perYear.get(w.year) ?? 1)))
	);

	const households = [...kept, ...chained];
	return (
		`{"codeGegevensleverancier":"DEMO","startdatumLevering":"${options.from}","einddatumLevering":"${options.to}",` +
		`"aanleverdatumEnTijd":"${options.deliveredAt}","leveringen":[{"teller":1,"gemeentecode":"${options.gemeentecode}",` +
		`"aanleverendeOrganisatie":{"naam":"Fictieve gemeente (demo)"},\n"vroegsignalen":[\n` +
		households.flatMap((w) => w.signals).join(',\n') +
		`\n],\n"vroegsignaalzaken":[\n` +
		households.flatMap((w) => (w.zaak === null ? [] : [w.zaak])).join(',\n') +
		`\n]}]}\n`
	);
}
