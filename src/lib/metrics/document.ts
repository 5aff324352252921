/** The JSON document of evaluate-contract.md, built from a selection, import counts and figures. */
import type { Counts } from '../import/types';
import type { Breakdown, Metrics, Selection } from './types';
import { atPath } from './values';
import { DOCUMENT_FIGURES } from './catalog';
import type { VsDocument } from './vroegsignalering';

export const DOCUMENT_FORMAT = 'huisuitzettingen-evaluatie/1';

export interface EvaluationDocument {
	formaat: typeof DOCUMENT_FORMAT;
	selectie: Selection & { publicatie?: boolean };
	import: { dossiers: Counts; gebeurtenissen: Counts };
	totaal: Metrics;
	per_corporatie: Record<string, Metrics>;
	/** The vroegsignalering block (ddas-vroegsignalering.md); absent when no delivery is loaded. */
	vroegsignalering?: VsDocument;
}

/** Assembles the contract document (keys in the contract's order; lists in `selectie` sorted). */
export function buildDocument(
	selection: Selection,
	importCounts: { dossiers: Counts; gebeurtenissen: Counts },
	perCorporation: Breakdown,
	vroegsignalering: VsDocument | null = null
): EvaluationDocument {
	const counts = (c: Counts): Counts => ({
		gelezen: c.gelezen,
		geaccepteerd: c.geaccepteerd,
		waarschuwingen: c.waarschuwingen,
		dubbel: c.dubbel,
		geweigerd: c.geweigerd,
		overgeslagen: c.overgeslagen
	});
	return {
		formaat: DOCUMENT_FORMAT,
		selectie: {
			van: selection.van,
			tot: selection.tot,
			corporaties: [...selection.corporaties].sort(),
			doelgroepen: [...selection.doelgroepen].sort(),
			wijken: selection.wijken ? [...selection.wijken].sort() : null,
			peildatum: selection.peildatum
		},
		import: {
			dossiers: counts(importCounts.dossiers),
			gebeurtenissen: counts(importCounts.gebeurtenissen)
		},
		totaal: perCorporation.totaal,
		per_corporatie: Object.fromEntries(
			selection.corporaties.map((c) => [c, perCorporation.groepen[c] as Metrics])
		),
		...(vroegsignalering ? { vroegsignalering } : {})
	};
}

/** Every figure of a Metrics object as `[dotted id, value]`, in the contract's order. */
export function flattenMetrics(metrics: Metrics): [string, number | null][] {
	return DOCUMENT_FIGURES.map((f) => [f.id, atPath(metrics, f.id)]);
}
