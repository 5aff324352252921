/**
 * The demo chain (spec: ddas-schuldhulpverlening.md, "The chain"): which households of the demo
 * dossiers also appear in the vroegsignalering and schuldhulpverlening deliveries, at their
 * dossier's address. Derived from the dossiers and their events (which it never changes), seeded
 * and pure; the deliveries' generators (ddas.ts, shv.ts) write what it decides.
 *
 * What it decides, per dossier in order:
 * - a `Huur` signal of the landlord one to six weeks after the `achterstand_1m`, more often when
 *   the arrears went on (to a vonnis: 60%; to two months: 40%; else 15%) — independent of how the
 *   dossier ended;
 * - a debt-help traject at the address (at most one per address): the traject of the dossier's
 *   own Schulddienstverlening steps when it has them (aanmelding on the `melding_sdv`, first
 *   conversation on the `intake_sdv`, …), else for a dossier with a vonnis a crisis aanmelding
 *   between the summons and the judgment. Which vonnis dossiers get one depends on the outcome the
 *   events already decided: prevented evictions more often (SHV_CHANCE). The demo so shows a
 *   difference in the chain view; it is built in, not found.
 */
import type { EventCode } from '../domain/codes';
import { addDays } from '../domain/holidays';
import { DDAS_DEMO_DEFAULTS, generateDdasDemo, type VsHousehold } from './ddas';
import { DEMO_DEFAULTS, generateDemo, type DemoData } from './generate';
import { Random } from './random';
import { SHV_DEMO_DEFAULTS, generateShvDemo, type ShvHousehold } from './shv';

/** A vonnis's status as metrics.md (d. Prevented evictions) gives it. */
export type VonnisStatus = 'voorkomen' | 'ontruimd' | 'lopend';

/** What the chain decided for one dossier. Dates `YYYY-MM-DD`. */
export interface ChainDossier {
	dossier_id: string;
	adres_sleutel: string;
	/** The date of its `vonnis`, if any, and that vonnis's status. */
	vonnis: string | null;
	status: VonnisStatus | null;
	/** The date of the `Huur` signal at its address, if any. */
	huursignaal: string | null;
	/** The aanmelding of its debt-help traject, if any. */
	aanmelding: string | null;
}

/** The chain of a demo set: per dossier, and what the two deliveries must hold. */
export interface DemoChain {
	dossiers: ChainDossier[];
	vroegsignalering: VsHousehold[];
	schuldhulpverlening: ShvHousehold[];
}

/** The chain's own seed (the dossiers' sequences are not touched). */
export const CHAIN_SEED = 392_2015;

type Route = 'intake' | 'melding' | 'crisis';
type Outcome = 'zonder_vonnis' | VonnisStatus;

/**
 * The chance that a dossier's household has a debt-help traject at its address, by what its
 * events show (an intake at Schulddienstverlening, only a referral, neither) and by how its vonnis
 * ended. The difference between `voorkomen` and `ontruimd` is what the chain view shows.
 */
export const SHV_CHANCE: Readonly<Record<Route, Readonly<Record<Outcome, number>>>> = {
	intake: { zonder_vonnis: 0.85, voorkomen: 0.9, lopend: 0.7, ontruimd: 0.45 },
	melding: { zonder_vonnis: 0.3, voorkomen: 0.4, lopend: 0.3, ontruimd: 0.15 },
	crisis: { zonder_vonnis: 0, voorkomen: 0.35, lopend: 0.25, ontruimd: 0.1 }
};

/** The status of a vonnis dated `vonnis` among the dossier's events (metrics.md d.). */
export function vonnisStatus(
	vonnis: string,
	events: readonly { datum: string; gebeurtenis: EventCode; uitkomst: string | null }[]
): VonnisStatus {
	const after = events.filter((e) => e.datum >= vonnis);
	if (after.some((e) => e.gebeurtenis === 'ontruiming' || e.uitkomst === 'ontruimd'))
		return 'ontruimd';
	return after.some((e) => e.gebeurtenis === 'afgesloten') ? 'voorkomen' : 'lopend';
}

/** The chain of a demo set (dossiers with their addresses). */
export function demoChain(data: DemoData, seed: number = CHAIN_SEED): DemoChain {
	const rng = new Random(seed);
	const events = new Map<string, DemoData['events']>();
	for (const e of data.events) {
		const list = events.get(e.dossier_id);
		if (list) list.push(e);
		else events.set(e.dossier_id, [e]);
	}
	const chain: DemoChain = { dossiers: [], vroegsignalering: [], schuldhulpverlening: [] };
	const withTraject = new Set<string>();
	for (const { dossier_id } of data.dossiers) {
		const address = data.adressen.get(dossier_id);
		if (!address) throw new Error(`dossier ${dossier_id} heeft geen adres`);
		const own = events.get(dossier_id) ?? [];
		const at = (code: EventCode) => own.find((e) => e.gebeurtenis === code)?.datum;
		const start = at('achterstand_1m');
		const vonnis = at('vonnis') ?? null;
		const status = vonnis === null ? null : vonnisStatus(vonnis, own);

		// The landlord's rent signal, a few weeks into the arrears.
		const pHuur = vonnis !== null ? 0.6 : at('achterstand_2m') ? 0.4 : 0.15;
		const huur = start !== undefined && rng.chance(pHuur) ? addDays(start, rng.int(7, 40)) : null;

		// Debt help at the address: the dossier's own steps, or a crisis aanmelding before the vonnis.
		const melding = at('melding_sdv');
		const intake = at('intake_sdv');
		const route: Route | null = intake ? 'intake' : melding ? 'melding' : vonnis ? 'crisis' : null;
		let traject: ShvHousehold | null = null;
		if (route && !withTraject.has(address.adres_sleutel)) {
			if (rng.chance(SHV_CHANCE[route][status ?? 'zonder_vonnis'])) {
				if (route === 'crisis') {
					const summons = at('dagvaarding') ?? vonnis!;
					const span = Math.round((Date.parse(vonnis!) - Date.parse(summons)) / 86_400_000);
					traject = {
						adres: address.adres,
						aanmelding: addDays(summons, rng.int(0, Math.max(0, span))),
						crisis: rng.chance(0.75)
					};
				} else {
					traject = {
						adres: address.adres,
						aanmelding: melding!,
						crisis: rng.chance(0.05),
						eersteGesprek: intake ?? null,
						planVanAanpak: at('plan_van_aanpak'),
						budgetbeheer: at('budgetbeheer'),
						schuldregeling: at('schuldhulptraject')
					};
				}
				withTraject.add(address.adres_sleutel);
				chain.schuldhulpverlening.push(traject);
			}
		}
		if (huur !== null) {
			chain.vroegsignalering.push({
				adres: address.adres,
				huur,
				schuldhulp: traject === null ? null : traject.aanmelding < huur ? 'voor' : 'na'
			});
		}
		chain.dossiers.push({
			dossier_id,
			adres_sleutel: address.adres_sleutel,
			vonnis,
			status,
			huursignaal: huur,
			aanmelding: traject?.aanmelding ?? null
		});
	}
	return chain;
}

/** The committed demo deliveries (npm run demo-ddas): both made from the chain of the demo set. */
export function demoDeliveries(data: DemoData = generateDemo(DEMO_DEFAULTS)): {
	chain: DemoChain;
	vroegsignalering: string;
	schuldhulpverlening: string;
} {
	const chain = demoChain(data);
	const bezetteAdressen = [...data.adressen.values()].map((a) => a.adres);
	return {
		chain,
		vroegsignalering: generateDdasDemo({
			...DDAS_DEMO_DEFAULTS,
			huishoudens: chain.vroegsignalering,
			bezetteAdressen
		}),
		schuldhulpverlening: generateShvDemo({
			...SHV_DEMO_DEFAULTS,
			huishoudens: chain.schuldhulpverlening,
			bezetteAdressen
		})
	};
}
