/** The JSON document of evaluate-contract.md, built from a selection, import counts and figures. */
import type { Counts } from '../import/types';
import type { Breakdown, Metrics, Selection } from './types';
import { atPath } from './values';
import { DOCUMENT_FIGURES } from './catalog';
import type { VsDocument } from './vroegsignalering';
import type { ShvDocument } from './schuldhulpverlening';
import type { KetenFigures } from './keten';

export const DOCUMENT_FORMAT = 'huisuitzettingen-evaluatie/1';

export interface EvaluationDocument {
	formaat: typeof DOCUMENT_FORMAT;
	selectie: Selection & { publicatie?: boolean };
	import: ImportSummary;
	totaal: Metrics;
	per_corporatie: Record<string, Metrics>;
	/** The vroegsignalering block (ddas-vroegsignalering.md); absent when no delivery is loaded. */
	vroegsignalering?: VsDocument;
	/** The schuldhulpverlening block (ddas-schuldhulpverlening.md); absent when no delivery is loaded. */
	schuldhulpverlening?: ShvDocument;
	/** The chain (ddas-schuldhulpverlening.md, "The chain"); absent unless address keys meet on both sides. */
	keten?: KetenFigures;
}

/** The document's `import`: the counts per table, and the key's fingerprint when a key was used. */
export interface ImportSummary {
	dossiers: Counts;
	gebeurtenissen: Counts;
	/** source-profiles.md, "The key": first 8 hex of HMAC-SHA256(key, `vingerafdruk`). */
	sleutel_vingerafdruk?: string;
}

/** Assembles the contract document (keys in the contract's order; lists in `selectie` sorted). */
export function buildDocument(
	selection: Selection,
	importCounts: ImportSummary,
	perCorporation: Breakdown,
	vroegsignalering: VsDocument | null = null,
	schuldhulpverlening: ShvDocument | null = null,
	keten: KetenFigures | null = null
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
			gebeurtenissen: counts(importCounts.gebeurtenissen),
			...(importCounts.sleutel_vingerafdruk
				? { sleutel_vingerafdruk: importCounts.sleutel_vingerafdruk }
				: {})
		},
		totaal: perCorporation.totaal,
		per_corporatie: Object.fromEntries(
			selection.corporaties.map((c) => [c, perCorporation.groepen[c] as Metrics])
		),
		...(vroegsignalering ? { vroegsignalering } : {}),
		...(schuldhulpverlening ? { schuldhulpverlening } : {}),
		...(keten ? { keten } : {})
	};
}

/** Every figure of a Metrics object as `[dotted id, value]`, in the contract's order. */
export function flattenMetrics(metrics: Metrics): [string, number | null][] {
	return DOCUMENT_FIGURES.map((f) => [f.id, atPath(metrics, f.id)]);
}
