/**
 * The seeded generator of fictitious demo data in exchange format v1: dossiers and their events,
 * following the steps of the Haarlem werkafspraken. Pure: no I/O, no clock, no Math.random.
 */
import type { EventCode, KNOWN_CORPORATIONS, Outcome, Reason, TargetGroup } from '../domain/codes';
import { DEFAULT_NORMS, type LeadTimeId } from '../domain/lead-times';
import type { DossierRow, EventRow } from '../import/types';
import { DEMO_KEY, addressKey, drawAddress, type DemoAdres } from './address';
import { Random } from './random';

/** What to generate. Dates are ISO `YYYY-MM-DD`; `to` is the last day that may carry an event. */
export interface DemoOptions {
	seed: number;
	/** First day a dossier may start (its `achterstand_1m`). */
	from: string;
	/** Last day of the data: no event is dated after it; dossiers still running stay open. */
	to: string;
	/** New tenants in arrears per year (second dossiers of recidivists come on top, about 4%). */
	dossiersPerYear: number;
	/**
	 * Construct the families-with-children aanzeggingen of [2014-11-01, 2015-05-01) so that they
	 * give the figures of MAY_2015. Default: on when [from, to] covers what that needs.
	 */
	calibrateMay2015?: boolean;
	/** The werkgroep key of the dossiers' address keys; default the demo key (DEMO_KEY). */
	sleutel?: string;
}

/** The committed demo set: March 2013 to December 2016, about 1,600 dossiers. */
export const DEMO_DEFAULTS = {
	seed: 20,
	from: '2013-03-01',
	to: '2016-12-31',
	dossiersPerYear: 450
} as const satisfies DemoOptions;

/** The figures for families with children in the period of the 2015 council letter that the demo data reproduces. */
export const MAY_2015 = {
	van: '2014-11-01',
	tot: '2015-05-01',
	doelgroep: 'gezin_met_kinderen',
	aanzeggingen: 18,
	voorkomen: 17,
	ontruimd: 1,
	ontruimingen: 1
} as const;

/** One dossier with its events, in date order, and the household's address. */
export interface DemoDossier {
	dossier: DossierRow;
	events: EventRow[];
	/** The (fictitious) address of the household; a tenant's second dossier has the first one's. */
	adres: DemoAdres;
	/** Its address key with the options' key: the `adres_sleutel` column. */
	adres_sleutel: string;
}

/** A household's address and its address key. */
export interface DemoAdresSleutel {
	adres: DemoAdres;
	adres_sleutel: string;
}

/** A whole demo set as rows (the shapes the importer produces), with each dossier's address. */
export interface DemoData {
	dossiers: DossierRow[];
	events: EventRow[];
	/** Per dossier_id. */
	adressen: Map<string, DemoAdresSleutel>;
}

type Corporation = (typeof KNOWN_CORPORATIONS)[number];
type StatedReason = Exclude<Reason, 'onbekend'>;

/** The five districts of Haarlem, as the `wijk` labels of the demo data. */
export const WIJKEN = ['Centrum', 'Noord', 'Oost', 'Zuid-West', 'Schalkwijk'] as const;
type Wijk = (typeof WIJKEN)[number];

const CORPORATION_SHARE: Record<Corporation, number> = {
	ymere: 0.5,
	pre_wonen: 0.3,
	elan_wonen: 0.2
};

const WIJK_SHARE: Record<Corporation, Record<Wijk, number>> = {
	ymere: { Centrum: 0.12, Noord: 0.2, Oost: 0.2, 'Zuid-West': 0.18, Schalkwijk: 0.3 },
	pre_wonen: { Centrum: 0.1, Noord: 0.3, Oost: 0.2, 'Zuid-West': 0.1, Schalkwijk: 0.3 },
	elan_wonen: { Centrum: 0.05, Noord: 0.1, Oost: 0.3, 'Zuid-West': 0.15, Schalkwijk: 0.4 }
};

const GROUP_SHARE: Record<TargetGroup, number> = {
	gezin_met_kinderen: 0.42,
	senior: 0.12,
	oggz: 0.12,
	overig: 0.34
};

const RENT_ARREARS: Record<StatedReason, number> = {
	huurachterstand: 0.7,
	overlast: 0.12,
	hennep_drugs: 0.08,
	woonfraude: 0.06,
	overig: 0.04
};

/** How a doelgroep differs: chance to solve at an early stage (factor), to be evicted after an aanzegging, to be referred to the SWT. */
interface GroupProfile {
	solve: number;
	evict: number;
	swt: number;
	reasons: Record<StatedReason, number>;
}

const GROUPS: Record<TargetGroup, GroupProfile> = {
	gezin_met_kinderen: { solve: 0.85, evict: 0.1, swt: 0.35, reasons: RENT_ARREARS },
	senior: { solve: 1.15, evict: 0.12, swt: 0.35, reasons: RENT_ARREARS },
	oggz: {
		solve: 0.8,
		evict: 0.3,
		swt: 0.6,
		reasons: {
			huurachterstand: 0.55,
			overlast: 0.25,
			hennep_drugs: 0.1,
			woonfraude: 0.03,
			overig: 0.07
		}
	},
	overig: { solve: 1, evict: 0.3, swt: 0.2, reasons: RENT_ARREARS }
};

/** Outcomes of an aanzegging that did not end in an eviction. */
const PREVENTED: Record<Exclude<Outcome, 'ontruimd'>, number> = {
	betalingsregeling: 0.45,
	schuldhulp: 0.3,
	opgelost: 0.1,
	verhuisd: 0.1,
	overig: 0.05
};

/** More or fewer signals in some months (January after December's expenses, fewer in summer). */
const SEASON = [1.15, 1.05, 1, 1, 0.95, 0.95, 0.9, 0.9, 1, 1, 1, 1.1];

/** Chance that a tenant whose dossier closed well falls behind again later (a new dossier). */
const RECIDIVISM = 0.07;

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of an ISO date; throws on anything else. */
function toDay(iso: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	const day = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) / DAY_MS : NaN;
	if (!Number.isInteger(day) || isoDate(day) !== iso)
		throw new RangeError(`geen geldige datum: ${iso}`);
	return day;
}

const isoCache = new Map<number, string>();
/** ISO date of a day number. */
function isoDate(day: number): string {
	let iso = isoCache.get(day);
	if (iso === undefined) {
		iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
		isoCache.set(day, iso);
	}
	return iso;
}

/** Public holidays on a fixed date (month-day); the moveable feasts are left out, a deliberate simplification. */
const HOLIDAYS = new Set(['01-01', '04-27', '12-25', '12-26']);

/** The day itself, or the first working day after it (weekends and fixed holidays skipped; 1970-01-01 was a Thursday). */
function workday(day: number): number {
	let d = day;
	while ((d + 4) % 7 === 0 || (d + 4) % 7 === 6 || HOLIDAYS.has(isoDate(d).slice(5))) d++;
	return d;
}

/** An eviction date moved past the Christmas truce (no evictions from 15 December to 3 January). */
function afterChristmasTruce(day: number): number {
	const iso = isoDate(day);
	const year = Number(iso.slice(0, 4));
	const monthDay = iso.slice(5);
	if (monthDay >= '12-15') return workday(toDay(`${year + 1}-01-04`));
	if (monthDay <= '01-03') return workday(toDay(`${year}-01-04`));
	return day;
}

/** The norm of the 2015 werkafspraken for this lead time at this corporation, if any. */
function normDays(corporatie: string, leadTime: LeadTimeId): number | undefined {
	return DEFAULT_NORMS.find((n) => n.corporatie === corporatie && n.leadTime === leadTime)?.days;
}

/** A delay of `min`..`norm` days, or with chance `pLate` one beyond the norm. */
function delay(rng: Random, norm: number, pLate: number, min: number): number {
	return rng.chance(pLate) ? rng.int(norm + 1, norm + Math.max(7, norm)) : rng.int(min, norm);
}

interface Step {
	day: number;
	code: EventCode;
	reden?: StatedReason;
	uitkomst?: Outcome;
}

interface Attributes {
	corporatie: Corporation;
	doelgroep: TargetGroup;
	wijk: Wijk;
}

interface TrajectoryContext {
	/** Divert families' aanzeggingen and evictions out of the May 2015 window (they are constructed). */
	calibrate: boolean;
	/** A constructed trajectory: every stage up to an aanzegging, then this status. */
	forced?: 'voorkomen' | 'ontruimd';
}

const WINDOW = { van: toDay(MAY_2015.van), tot: toDay(MAY_2015.tot) };
const inWindow = (day: number) => day >= WINDOW.van && day < WINDOW.tot;

/** The events of one dossier that starts on `start`, before cutting at the end date. */
function trajectory(rng: Random, a: Attributes, start: number, ctx: TrajectoryContext): Step[] {
	const group = GROUPS[a.doelgroep];
	const forced = ctx.forced !== undefined;
	const steps: Step[] = [{ day: start, code: 'achterstand_1m' }];
	// Every code at most once per dossier; the returned day is used to schedule what follows.
	const at = (code: EventCode, day: number, extra: Partial<Step> = {}): number => {
		const date = workday(day);
		if (!steps.some((s) => s.code === code)) steps.push({ day: date, code, ...extra });
		return date;
	};
	const latest = () => steps.reduce((max, s) => Math.max(max, s.day), start);
	const close = (uitkomst: Outcome, after: number, min: number, max: number): Step[] => {
		const kept = uitkomst === 'ontruimd' || !rng.chance(0.03) ? uitkomst : 'overig';
		at('afgesloten', Math.max(after, latest()) + rng.int(min, max), { uitkomst: kept });
		return steps;
	};
	const settle = (after: number, min: number, max: number): Step[] => {
		const day = at('betalingsregeling', after + rng.int(min, max));
		return close(rng.chance(0.8) ? 'betalingsregeling' : 'opgelost', day, 7, 45);
	};
	type Exit = 'opgelost' | 'verhuisd' | 'blijft_open' | 'verder';
	const exit = (solve: number, moved: number, stale: number): Exit => {
		if (forced) return 'verder';
		const s = solve * group.solve;
		return rng.pick<Exit>({
			opgelost: s,
			verhuisd: moved,
			blijft_open: stale,
			verder: Math.max(0, 1 - s - moved - stale)
		});
	};

	// Month 1: the signal and the first contact (Ymere calls on day 8 as a rule).
	const contactNorm = normDays(a.corporatie, 'signaal_contact') ?? 30;
	const contactDelay =
		contactNorm <= 10 && rng.chance(0.6) ? contactNorm : delay(rng, contactNorm, 0.15, 2);
	const contact = forced || rng.chance(0.95) ? at('contact', start + contactDelay) : null;
	const exit1 = exit(0.48, 0.02, 0.02);
	if (exit1 === 'opgelost') {
		return rng.chance(0.6)
			? settle(contact ?? start + 10, 0, 14)
			: close('opgelost', start, 10, 45);
	}
	if (exit1 === 'verhuisd') return close('verhuisd', start, 20, 60);
	if (exit1 === 'blijft_open') return steps;
	if (!forced && rng.chance(0.1)) at('betalingsregeling', (contact ?? start) + rng.int(1, 14)); // one that breaks

	// Month 2: home visit, consultation with the Sociaal Wijkteam, referrals.
	const m2 = at('achterstand_2m', start + rng.int(28, 33));
	if (forced || rng.chance(0.88)) {
		at(
			'huisbezoek',
			m2 + delay(rng, normDays(a.corporatie, 'achterstand2_huisbezoek') ?? 14, 0.15, 3)
		);
	}
	if (forced || rng.chance(0.75)) at('afstemming_swt', m2 + rng.int(2, 20));
	let intake: number | null = null;
	if (rng.chance(0.6)) {
		const melding = at('melding_sdv', m2 + rng.int(3, 25));
		if (rng.chance(0.95)) {
			const letter =
				melding + delay(rng, normDays(a.corporatie, 'melding_uitnodiging') ?? 7, 0.12, 1);
			const invitation = at('uitnodiging_sdv', letter);
			if (rng.chance(0.8)) {
				const norm = normDays(a.corporatie, 'uitnodiging_intake') ?? 10;
				intake = at('intake_sdv', invitation + delay(rng, norm, 0.15, 2));
				if (rng.chance(0.75)) at('plan_van_aanpak', intake + rng.int(7, 35));
			}
		}
	}
	if (rng.chance(group.swt)) at('melding_swt', m2 + rng.int(3, 30));
	const exit2 = exit(0.38, 0.03, 0.02);
	if (exit2 === 'opgelost') {
		const help =
			intake === null
				? 'betalingsregeling'
				: rng.pick({ betalingsregeling: 0.5, budgetbeheer: 0.2, schuldhulptraject: 0.3 });
		const day = at(help, Math.max(m2, intake ?? m2) + rng.int(5, 30));
		if (help !== 'betalingsregeling') return close('schuldhulp', day, 7, 60);
		return close(rng.chance(0.75) ? 'betalingsregeling' : 'opgelost', day, 7, 60);
	}
	if (exit2 === 'verhuisd') return close('verhuisd', m2, 10, 60);
	if (exit2 === 'blijft_open') return steps;

	// Month 3: feedback between the parties; debt help for some.
	const m3 = at('achterstand_3m', m2 + rng.int(28, 33));
	if (forced || rng.chance(0.88)) {
		at(
			'terugkoppeling',
			m3 + delay(rng, normDays(a.corporatie, 'achterstand3_terugkoppeling') ?? 14, 0.15, 1)
		);
	}
	let helped = false;
	if (intake !== null && rng.chance(0.35)) {
		at(rng.chance(0.4) ? 'budgetbeheer' : 'schuldhulptraject', m3 + rng.int(0, 30));
		helped = true;
	}
	const exit3 = exit(0.33, 0.04, 0.02);
	if (exit3 === 'opgelost') return helped ? close('schuldhulp', m3, 14, 60) : settle(m3, 5, 30);
	if (exit3 === 'verhuisd') return close('verhuisd', m3, 10, 60);
	if (exit3 === 'blijft_open') return steps;

	// The legal route: bailiff, summons, judgment, eviction notice.
	const bailiff = at('deurwaarder', m3 + rng.int(14, 75));
	if (!forced && rng.chance(0.2)) return settle(bailiff, 7, 30);
	const summons = at('dagvaarding', bailiff + rng.int(14, 42));
	if (!forced && rng.chance(0.12)) return settle(summons, 7, 40);
	const judgment = at('vonnis', summons + rng.int(21, 56));
	if (!forced && rng.chance(0.15)) return settle(judgment, 3, 30);
	const noticeDay = workday(judgment + rng.int(14, 60));
	const family = a.doelgroep === 'gezin_met_kinderen';
	if (ctx.calibrate && family && inWindow(noticeDay)) return settle(judgment, 3, 30);
	const notice = at('aanzegging', noticeDay);
	if (!forced && rng.chance(0.04)) return steps;
	if (forced ? ctx.forced === 'ontruimd' : rng.chance(group.evict)) {
		const evictionDay = afterChristmasTruce(workday(notice + rng.int(14, 42)));
		if (!(ctx.calibrate && family && inWindow(evictionDay))) {
			const reden = forced ? 'huurachterstand' : rng.pick(group.reasons);
			const eviction = at('ontruiming', evictionDay, { reden });
			return close('ontruimd', eviction, 0, 5);
		}
	}
	if (rng.chance(0.5)) at('betalingsregeling', notice + rng.int(1, 20));
	return close(rng.pick(PREVENTED), notice, 5, 45);
}

/** A dossier waiting to be numbered and generated: a new tenant, a recidivist, or a constructed family. */
interface Candidate extends Attributes {
	start: number;
	/** Ready-made events (the constructed May 2015 families). */
	steps?: Step[];
	/** The household's address: drawn when the dossier is numbered; a recidivist keeps it. */
	adres?: DemoAdres;
}

/** True when [from, to] leaves room for the constructed May 2015 dossiers and their follow-up. */
function coversMay2015(fromDay: number, lastDay: number): boolean {
	return fromDay <= toDay('2013-11-01') && lastDay >= toDay('2015-07-01');
}

/**
 * The 18 families with children whose aanzegging lies in [2014-11-01, 2015-05-01): 17 prevented,
 * one evicted within the period. Each is a full trajectory, moved in whole weeks so that its
 * aanzegging lands on a target date spread over the period.
 */
function may2015Families(seed: number, fromDay: number): Candidate[] {
	const rng = new Random(seed ^ 0x20150501);
	const corporations = rng.shuffle<Corporation>([
		...Array<Corporation>(9).fill('ymere'),
		...Array<Corporation>(5).fill('pre_wonen'),
		...Array<Corporation>(4).fill('elan_wonen')
	]);
	const evicted = rng.int(2, 8);
	const span = WINDOW.tot - WINDOW.van;
	return corporations.map((corporatie, i) => {
		const a: Attributes = {
			corporatie,
			doelgroep: 'gezin_met_kinderen',
			wijk: rng.pick(WIJK_SHARE[corporatie])
		};
		const forced = i === evicted ? 'ontruimd' : 'voorkomen';
		const nominal = workday(WINDOW.van - 300);
		const steps = trajectory(rng, a, nominal, { calibrate: false, forced });
		const dayOf = (code: EventCode) => steps.find((s) => s.code === code)?.day ?? NaN;
		const target = WINDOW.van + Math.floor(((i + rng.next()) * span) / MAY_2015.aanzeggingen);
		const notice = dayOf('aanzegging');
		const last = forced === 'ontruimd' ? dayOf('ontruiming') : notice;
		const fits = (shift: number) =>
			inWindow(notice + shift) &&
			inWindow(last + shift) &&
			steps.every((s) => {
				const day = s.day + shift;
				if (day < fromDay || workday(day) !== day) return false;
				return s.code !== 'ontruiming' || afterChristmasTruce(day) === day;
			});
		// Whole weeks keep the weekdays; the nearest shift that keeps holidays free wins.
		const nearest = 7 * Math.round((target - notice) / 7);
		const shift = [0, -7, 7, -14, 14, -21, 21, -28, 28].map((extra) => nearest + extra).find(fits);
		if (shift === undefined)
			throw new Error('de dossiers voor mei 2015 konden niet worden samengesteld');
		const moved = steps.map((s) => ({ ...s, day: s.day + shift }));
		return { ...a, start: moved[0]!.day, steps: moved };
	});
}

/** Some years have more signals than others; drawn per year apart from the main sequence, so that it does not depend on the scale. */
function yearVariation(seed: number, day: number): number {
	const year = new Date(day * DAY_MS).getUTCFullYear();
	return 1 + 0.06 * new Random(Math.imul(seed, 31) + year).normal();
}

/** A working day in [first, last], drawn uniformly (any day when the range has none). */
function workdayBetween(rng: Random, first: number, last: number): number {
	for (let attempt = 0; attempt < 50; attempt++) {
		const day = rng.int(first, last);
		if (workday(day) === day) return day;
	}
	return first;
}

/** Yields the dossiers one by one in order of start date, so that large sets can be streamed. */
export function* generateDemoDossiers(options: DemoOptions): Generator<DemoDossier> {
	const fromDay = toDay(options.from);
	const lastDay = toDay(options.to);
	if (fromDay > lastDay) throw new RangeError(`from ${options.from} ligt na to ${options.to}`);
	if (!(options.dossiersPerYear > 0))
		throw new RangeError('dossiersPerYear moet groter dan 0 zijn');
	if (!Number.isInteger(options.seed)) throw new RangeError('seed moet een geheel getal zijn');
	const covers = coversMay2015(fromDay, lastDay);
	const calibrate = options.calibrateMay2015 ?? covers;
	if (calibrate && !covers) {
		throw new RangeError('calibrateMay2015 vraagt from ≤ 2013-11-01 en to ≥ 2015-07-01');
	}

	const rng = new Random(options.seed);
	// Addresses come from a sequence of their own, so that the dossiers and events are what they
	// were before dossiers had addresses.
	const addressRng = new Random(Math.imul(options.seed, 0x9e3779b1) ^ 0xad7e55);
	const taken = new Set<string>();
	const sleutel = options.sleutel ?? DEMO_KEY;
	let pending: Candidate[] = calibrate ? may2015Families(options.seed, fromDay) : [];
	const sequence = new Map<number, number>();
	let yearFactor = 1;

	const firstMonth = new Date(fromDay * DAY_MS);
	for (let index = 0; ; index++) {
		const monthStart =
			Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + index, 1) / DAY_MS;
		if (monthStart > lastDay) break;
		const monthOfYear = new Date(monthStart * DAY_MS).getUTCMonth();
		const monthEnd =
			Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + index + 1, 1) / DAY_MS - 1;
		const first = Math.max(monthStart, fromDay);
		const last = Math.min(monthEnd, lastDay);
		if (index === 0 || monthOfYear === 0) yearFactor = yearVariation(options.seed, monthStart);
		// The werkafspraken take a few months to be in full use.
		const rampUp = index === 0 ? 0.6 : index === 1 ? 0.8 : 1;
		const share = (last - first + 1) / (monthEnd - monthStart + 1);
		const expected =
			(options.dossiersPerYear / 12) * (SEASON[monthOfYear] ?? 1) * yearFactor * rampUp * share;
		const count = Math.max(0, Math.round(expected + Math.sqrt(expected) * rng.normal()));

		const month: Candidate[] = [];
		for (let i = 0; i < count; i++) {
			const corporatie = rng.pick(CORPORATION_SHARE);
			month.push({
				corporatie,
				doelgroep: rng.pick(GROUP_SHARE),
				wijk: rng.pick(WIJK_SHARE[corporatie]),
				start: workdayBetween(rng, first, last)
			});
		}
		month.push(...pending.filter((c) => c.start <= last));
		pending = pending.filter((c) => c.start > last);
		month.sort((x, y) => x.start - y.start);

		for (const candidate of month) {
			const year = new Date(candidate.start * DAY_MS).getUTCFullYear();
			const number = (sequence.get(year) ?? 0) + 1;
			sequence.set(year, number);
			const dossier_id = `D${year}-${String(number).padStart(6, '0')}`;
			const adres = (candidate.adres ??= drawAddress(addressRng, candidate.wijk, taken));
			const steps = (
				candidate.steps ?? trajectory(rng, candidate, candidate.start, { calibrate })
			).filter((s) => s.day <= lastDay);
			steps.sort((x, y) => x.day - y.day);
			const events = steps.map((s): EventRow => ({
				dossier_id,
				datum: isoDate(s.day),
				gebeurtenis: s.code,
				reden: s.reden ?? null,
				uitkomst: s.uitkomst ?? null
			}));
			const closed = steps.find((s) => s.code === 'afgesloten');
			if (
				candidate.steps === undefined &&
				closed &&
				(closed.uitkomst === 'opgelost' ||
					closed.uitkomst === 'betalingsregeling' ||
					closed.uitkomst === 'schuldhulp') &&
				rng.chance(RECIDIVISM)
			) {
				const start = workday(closed.day + rng.int(60, 540));
				if (start <= lastDay) pending.push({ ...candidate, start, steps: undefined });
			}
			yield {
				dossier: {
					dossier_id,
					corporatie: candidate.corporatie,
					doelgroep: candidate.doelgroep,
					wijk: candidate.wijk
				},
				events,
				adres,
				adres_sleutel: addressKey(adres, sleutel)
			};
		}
	}
}

/** Generates a whole demo set in memory (for the committed demo files, tests and small benchmarks). */
export function generateDemo(options: DemoOptions): DemoData {
	const data: DemoData = { dossiers: [], events: [], adressen: new Map() };
	for (const { dossier, events, adres, adres_sleutel } of generateDemoDossiers(options)) {
		data.dossiers.push(dossier);
		for (const event of events) data.events.push(event);
		data.adressen.set(dossier.dossier_id, { adres, adres_sleutel });
	}
	return data;
}

/** The `dossiersPerYear` that gives about this many events (or dossiers) over [from, to], measured on a pilot run. */
export function dossiersPerYearFor(
	target: { events: number } | { dossiers: number },
	options: Omit<DemoOptions, 'dossiersPerYear'>
): number {
	const pilot = { ...options, dossiersPerYear: 2000, calibrateMay2015: false };
	let dossiers = 0;
	let events = 0;
	for (const d of generateDemoDossiers(pilot)) {
		dossiers++;
		events += d.events.length;
	}
	const wanted = 'events' in target ? target.events / events : target.dossiers / dossiers;
	return wanted * pilot.dossiersPerYear;
}
