/**
 * The figures of the selection in the URL, shared by the dashboard, the report and the briefing.
 * Results are kept per selection and data version, so a page switch or a back/forward to a view
 * already seen runs no query; the page's `data-state` follows the computation. After a load the
 * dashboard shows the first screen's figures before the lead-time table is derived
 * (`data-kern="ready"`, `data-state` still `loading`), then every figure.
 */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { page } from '$app/state';
import { tick, untrack } from 'svelte';
import {
	computeFirst,
	computeTrend,
	withLeadTimes,
	type DashboardFigures
} from '$lib/metrics/dashboard';
import { EngineStoppedError } from '$lib/db/engine-errors';
import { selectionFromQuery, selectionToQuery } from '$lib/metrics/selection';
import type { VsDocument } from '$lib/metrics/vroegsignalering';
import type { ShvDocument } from '$lib/metrics/schuldhulpverlening';
import {
	DELIVERY_KINDS,
	type DeliverySelection,
	type HalfYearTotal,
	type LoadedDelivery
} from '$lib/sources/registry';
import { computeKeten, type KetenFigures } from '$lib/metrics/keten';
import type { Selection } from '$lib/metrics/types';
import { isIsoDate, todayInAmsterdam } from '$lib/domain/dates';
import { formatPeriod } from '$lib/report/format';
import type { Mode } from '$lib/report/publication';
import { selectionNotices } from '$lib/report/selection-text';
import { data, database } from './data.svelte';
import { mark } from '$lib/timing';
import { setPageState } from './page-state';
import { demoSnapshot } from './demo-snapshot.svelte';
import { sameSelection, type DemoSnapshot } from '$lib/metrics/snapshot';

// A plain cache, not state: nothing renders from it directly.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const cache = new Map<string, Promise<unknown>>();
const CACHE_SIZE = 64;

/** Runs `compute` once per key (a view seen before, or a trend whose filters did not change). */
function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
	let hit = cache.get(key) as Promise<T> | undefined;
	if (!hit) {
		hit = compute();
		hit.catch(() => cache.delete(key));
		cache.set(key, hit);
		if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	}
	return hit;
}

/**
 * The figures of a selection: Artikel 4 and, when deliveries are loaded, vroegsignalering.
 * `leadTimes` false: the lead times (e.) are still being derived and are at their empty values.
 */
export type PageFigures = DashboardFigures & {
	vroegsignalering: VsDocument | null;
	schuldhulpverlening: ShvDocument | null;
	/** The chain (null unless address keys meet on both sides). */
	keten: KetenFigures | null;
	leadTimes: boolean;
};

/**
 * A kind's selection: the selection's gemeenten among those its deliveries hold (else all of
 * them), and one peildatum for every figure — the selection's (the case data's latest event date
 * unless one is asked for), as the command line does when case data are loaded.
 */
function deliverySelection(selection: Selection, loaded: LoadedDelivery): DeliverySelection {
	return {
		van: selection.van,
		tot: selection.tot,
		gemeenten: selection.gemeenten
			? selection.gemeenten.filter((g) => loaded.gemeenten.includes(g))
			: loaded.gemeenten,
		peildatum: selection.peildatum ?? null,
		today: todayInAmsterdam()
	};
}

/** A page's figures without deliveries (the demo's first view has none). */
const NO_DELIVERIES = { vroegsignalering: null, schuldhulpverlening: null, keten: null } as const;

/** The figures without the lead times: they need only the tables derived at load. */
async function firstFiguresFor(selection: Selection, version: number): Promise<PageFigures> {
	const extent = data.extent;
	if (!extent) throw new Error('geen gegevens geladen');
	// Read before the first await: the deliveries of this data version.
	const deliveries = data.deliveries;
	const db = await database();
	// The gemeenten filter only the vroegsignalering figures: the others are not computed again.
	const { gemeenten: _gemeenten, ...cases } = selection;
	const { van: _van, tot: _tot, ...filters } = cases;
	const current = await cached(`${version}|eerst|${JSON.stringify(cases)}`, () =>
		computeFirst(db, selection)
	);
	const trend = await cached(`${version}|trend|${JSON.stringify(filters)}`, () =>
		computeTrend(db, selection, extent)
	);
	// Each kind's block, for its own selection (deliverySelection).
	const blocks: Record<string, unknown> = {};
	for (const kind of DELIVERY_KINDS) {
		const loaded = deliveries[kind.id];
		if (!loaded) continue;
		blocks[kind.id] = await cached(
			`${version}|${kind.id}|${selection.van}|${selection.tot}|${selection.gemeenten}|${selection.peildatum}`,
			() => kind.document(db, deliverySelection(selection, loaded), loaded)
		);
	}
	const vroegsignalering = (blocks.vroegsignalering as VsDocument | undefined) ?? null;
	const schuldhulpverlening = (blocks.schuldhulpverlening as ShvDocument | undefined) ?? null;
	// The chain needs keyed deliveries: without any, no query on the first screen's path.
	const keten =
		Object.keys(deliveries).length === 0
			? null
			: await cached(`${version}|keten|${JSON.stringify(cases)}`, () =>
					computeKeten(db, selection)
				);
	return {
		...current,
		selection,
		trend,
		vroegsignalering,
		schuldhulpverlening,
		keten,
		leadTimes: false
	};
}

/**
 * The half-year totals of a delivery kind's block (its trend) for the selection's gemeenten and
 * peildatum, cached per data version; empty when the kind has no deliveries loaded.
 */
export async function deliveryTrend(
	kindId: string,
	selection: Selection
): Promise<HalfYearTotal[]> {
	const kind = DELIVERY_KINDS.find((k) => k.id === kindId);
	const loaded = data.deliveries[kindId];
	if (!kind || !loaded) return [];
	const version = data.version;
	const of = deliverySelection(selection, loaded);
	const db = await database();
	return cached(`${version}|${kindId}|trend|${of.gemeenten}|${selection.peildatum}`, () =>
		kind.trend(db, of, loaded)
	);
}

/** Every figure of a selection (derives the lead-time table first if it is not there yet). */
async function figuresFor(selection: Selection, version: number): Promise<PageFigures> {
	const first = await firstFiguresFor(selection, version);
	await data.leadTimes(version);
	const db = await database();
	const { gemeenten: _gemeenten, ...cases } = selection;
	const current = await cached(`${version}|selectie|${JSON.stringify(cases)}`, () =>
		withLeadTimes(db, first)
	);
	return { ...first, current: current.current, leadTimes: true };
}

/** The display mode in the URL (`?modus=publicatie`); internal by default. */
export function modeFromUrl(): Mode {
	return browser && page.url.searchParams.get('modus') === 'publicatie' ? 'publicatie' : 'intern';
}

/** A message when the link's period cannot be shown, so the default period stands in for it. */
function urlPeriodNotice(params: URLSearchParams, shown: Selection): string | null {
	const van = params.get('van');
	const tot = params.get('tot');
	if (van === null && tot === null) return null;
	if (van !== null && tot !== null && isIsoDate(van) && isIsoDate(tot) && van < tot) return null;
	return `De periode in de link (van ${van ?? '–'}, tot ${tot ?? '–'}) is geen geldige periode. Getoond wordt daarom de standaardperiode: ${formatPeriod(shown.van, shown.tot)}.`;
}

/**
 * Tracks the URL's selection and computes its figures; call during component initialisation.
 * With `firstScreen` (the dashboard), figures without the lead times are shown first while the
 * lead-time table is still to be derived; elsewhere only complete figures are shown. The
 * dashboard also shows the demo's first view from the build while the engine starts, when the URL
 * asks for its selection (`fromBuild`); its own figures replace it, and `data-state` stays
 * `loading` until they have (`data-kern` is `ready` as soon as the snapshot is painted).
 */
export function useFigures(options: { firstScreen?: boolean } = {}) {
	const state = $state<{
		figures: PageFigures | null;
		failure: string | null;
		fromBuild: DemoSnapshot | null;
	}>({
		figures: null,
		failure: null,
		fromBuild: null
	});
	/** No figures on screen (the build's included). */
	const takeDown = () => {
		state.figures = null;
		state.fromBuild = null;
	};
	/** The build's demo snapshot when it may stand in: the demo is starting and the URL asks for its view. */
	const snapshot = $derived.by(() => {
		const snap = demoSnapshot.value;
		if (!options.firstScreen || !browser || !snap || data.extent || !data.startingDemo) return null;
		const asked = selectionFromQuery(page.url.searchParams, snap.extent);
		return sameSelection(asked, snap.figures.selection) ? snap : null;
	});
	const selection = $derived(
		browser && data.extent ? selectionFromQuery(page.url.searchParams, data.extent) : null
	);
	const notices = $derived(
		selection && data.extent
			? [
					urlPeriodNotice(page.url.searchParams, selection),
					...selectionNotices(selection, data.extent)
				].filter((n): n is string => n !== null)
			: []
	);
	let request = 0;

	$effect(() => {
		const current = selection;
		const version = data.version;
		// Every run supersedes the computation in flight: its tables may be replaced right now.
		const token = ++request;
		if (data.status === 'loading') {
			// Read without tracking: this effect writes them.
			const showing = untrack(() => ({ figures: state.figures, fromBuild: state.fromBuild }));
			if (snapshot && (showing.figures === null || showing.fromBuild)) {
				if (showing.fromBuild === snapshot) {
					setPageState('loading', 'ready');
					return;
				}
				// The demo's first view from the build, until the engine's own figures replace it.
				state.figures = { ...snapshot.figures, ...NO_DELIVERIES, leadTimes: true };
				state.fromBuild = snapshot;
				state.failure = null;
				mark('figures-snapshot');
				tick().then(() => {
					mark('snapshot-painted');
					if (token === request) setPageState('loading', 'ready');
				});
				return;
			}
			// Other files are coming: the demo's figures from the build are not theirs.
			if (showing.fromBuild) takeDown();
			// From the pick until the new figures are on screen, the old ones are not `ready`.
			setPageState('loading');
			return;
		}
		if (!current) {
			// An engine that failed to start: its error, not the build's figures nobody can filter.
			if (data.status === 'error' && untrack(() => state.fromBuild)) takeDown();
			setPageState(data.status === 'error' ? 'error' : 'loading');
			return;
		}
		// The build's snapshot of this very view stays on screen until every figure is computed.
		const shown = untrack(() => state.fromBuild);
		const snapshotStands =
			shown !== null && data.demo && sameSelection(current, shown.figures.selection);
		setPageState('loading', snapshotStands ? 'ready' : 'loading');
		(async () => {
			try {
				if (options.firstScreen && !snapshotStands && !data.leadTimesDerived(version)) {
					const first = await firstFiguresFor(current, version);
					if (token !== request) return;
					// Derived while the first screen is painted: the engine is idle until now.
					data.leadTimes(version).catch(() => undefined);
					mark('figures-first');
					state.figures = first;
					state.fromBuild = null;
					state.failure = null;
					await tick();
					if (token !== request) return;
					setPageState('loading', 'ready');
				}
				const result = await figuresFor(current, version);
				if (token !== request) return;
				mark('figures-computed');
				state.figures = result;
				state.fromBuild = null;
				state.failure = null;
				await tick();
				if (token === request) setPageState('ready');
			} catch (error) {
				if (token !== request) return;
				// The engine could not compute them (or is gone with the data): no figures it cannot
				// stand behind.
				if (state.fromBuild || error instanceof EngineStoppedError) takeDown();
				state.failure = `De cijfers konden niet worden berekend: ${(error as Error).message}`;
				setPageState('error');
			}
		})();
	});

	return {
		get selection() {
			return selection;
		},
		get figures() {
			return state.figures;
		},
		get failure() {
			return state.failure;
		},
		/** The build's demo snapshot whose figures are on screen (the engine is still starting), else null. */
		get fromBuild() {
			return state.fromBuild;
		},
		/** What the figures cannot follow in this selection, in Dutch, for an alert. */
		get notices() {
			return notices;
		}
	};
}

/** The query string of a selection on the current mode (a new history entry: back/forward work). */
export function showSelection(next: Selection, path: '/' | '/rapport' | '/briefing'): void {
	if (!data.extent) return;
	const params = selectionToQuery(next, data.extent);
	if (modeFromUrl() === 'publicatie') params.set('modus', 'publicatie');
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- the path is resolve()d; only the query changes
	goto(`${resolve(path)}?${params}`, { keepFocus: true, noScroll: true });
}

/** Switches the display mode, keeping the selection. */
export function showMode(mode: Mode): void {
	// A throwaway copy to build the next URL, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const params = new URLSearchParams(page.url.searchParams);
	if (mode === 'publicatie') params.set('modus', 'publicatie');
	else params.delete('modus');
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same page, only the query changes
	goto(`${page.url.pathname}?${params}`, { keepFocus: true, noScroll: true, replaceState: true });
}
