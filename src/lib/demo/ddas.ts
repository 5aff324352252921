/**
 * The seeded generator of a fictitious DDAS vroegsignalering delivery (uitwisselmodel 1.2) for one
 * gemeente: signals of the signal partners, cases that group a household's signals, contact
 * attempts and results. Pure: no I/O, no clock, no Math.random. Used for the demo and the benchmark.
 */
import type { ContactKind, PartnerType } from '../domain/ddas';
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

/** A fictitious client object of real size: a 1.0 client with every field. */
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

/** The delivery as JSON text (compact, one signal or case a line). */
export function generateDdasDemo(options: DdasDemoOptions): string {
	const random = new Random(options.seed);
	const first = day(options.from);
	const last = day(options.to);
	const total = Math.round(((last - first + 1) / 365.25) * options.signalsPerYear);
	const signals: string[] = [];
	const cases: string[] = [];
	let n = 0;
	while (n < total) {
		const start = first + Math.floor(random.next() * (last - first + 1));
		const count = Math.min(
			total - n,
			random.pick({ 1: 70, 2: 20, 3: 10 }) === '1' ? 1 : random.chance(0.66) ? 2 : 3
		);
		const ids: string[] = [];
		let firstDate = Infinity;
		for (let k = 0; k < count; k++) {
			const partner = random.pick(PARTNERS);
			const date = Math.min(last, start + (k === 0 ? 0 : random.int(0, 45)));
			firstDate = Math.min(firstDate, date);
			const [low, high] = AMOUNT[partner];
			const id = `HLM-${iso(date).slice(0, 4)}-${String(++n).padStart(6, '0')}`;
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
					// Fictitious: nine zeros is no valid BSN. The reader drops this object unread.
					client: options.fullClients ? fullClient(random) : { burgerservicenummer: '000000000' }
				})
			);
		}
		if (random.chance(0.06)) continue; // no case (yet)
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
			if (random.chance(0.85))
				outcome = reached
					? random.pick<keyof typeof OUTCOMES_REACHED>(OUTCOMES_REACHED)
					: random.pick<keyof typeof OUTCOMES_NOT_REACHED>(OUTCOMES_NOT_REACHED);
		} else if (random.chance(0.8)) outcome = random.pick(OUTCOMES_NOT_PICKED);
		if (outcome) zaak.resultaat = outcome;
		zaak.matchingsdatum = iso(firstDate);
		zaak.vroegsignalen = ids.map((ID) => ({ ID }));
		if (attempts.length)
			zaak.contactpogingen = attempts.map((a) => ({
				...a,
				dagdeel: random.pick({ Ochtend: 1, Middag: 1, Avond: 1 })
			}));
		cases.push(JSON.stringify(zaak));
	}
	return (
		`{"codeGegevensleverancier":"DEMO","startdatumLevering":"${options.from}","einddatumLevering":"${options.to}",` +
		`"aanleverdatumEnTijd":"${options.deliveredAt}","leveringen":[{"teller":1,"gemeentecode":"${options.gemeentecode}",` +
		`"aanleverendeOrganisatie":{"naam":"Fictieve gemeente (demo)"},\n"vroegsignalen":[\n` +
		signals.join(',\n') +
		`\n],\n"vroegsignaalzaken":[\n` +
		cases.join(',\n') +
		`\n]}]}\n`
	);
}
