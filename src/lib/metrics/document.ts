/** The JSON document of evaluate-contract.md, built from a selection, import counts and figures. */
import type { Counts } from '../import/types';
import type { Breakdown, Metrics, Selection } from './types';
import { atPath } from './values';
import { DOCUMENT_FIGURES } from './catalog';
import { presentBlocks, type Blocks, type PresentBlocks } from './blocks';

export const DOCUMENT_FORMAT = 'huisuitzettingen-evaluatie/1';

/** The blocks beside Artikel 4 (metrics/blocks.ts) follow the figures, each absent without its deliveries. */
export interface EvaluationDocument extends PresentBlocks {
	formaat: typeof DOCUMENT_FORMAT;
	selectie: Selection & { publicatie?: boolean };
	import: ImportSummary;
	totaal: Metrics;
	per_corporatie: Record<string, Metrics>;
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
	blocks: Blocks = {}
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
		...presentBlocks(blocks)
	};
}

/** Every figure of a Metrics object as `[dotted id, value]`, in the contract's order. */
export function flattenMetrics(metrics: Metrics): [string, number | null][] {
	return DOCUMENT_FIGURES.map((f) => [f.id, atPath(metrics, f.id)]);
}
