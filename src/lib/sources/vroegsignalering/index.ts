/**
 * Vroegsignalering (Wgs): the DDAS deliveries of signals, cases and contact attempts. Wires the
 * reader (import/ddas*.ts), the Arrow encoding (db/ddas-arrow.ts), the tables
 * (metrics/vroegsignalering-load.ts) and the block (metrics/vroegsignalering.ts).
 */
import { ddasToArrowIpc, type VsArrow } from '../../db/ddas-arrow';
import { ddasKind, type DdasIssue } from '../../import/ddas';
import {
	importDdasFilesWithAddressKeys,
	type DdasFileReport,
	type DdasResult
} from '../../import/ddas-combine';
import { dropVroegsignalering, loadVroegsignalering } from '../../metrics/vroegsignalering-load';
import {
	computeVsTrend,
	vsDocument,
	vsExtent,
	vsGemeenten,
	vsLoadedTables,
	type VsDocument
} from '../../metrics/vroegsignalering';
import type { DeliveryKind } from '../types';

/** The loaded vroegsignalering deliveries: their report, gemeenten, period and tables. */
export interface LoadedVs {
	bestanden: DdasFileReport[];
	meldingen: DdasIssue[];
	/** Every gemeente with an accepted signal or case, sorted. */
	gemeenten: string[];
	/** The first and the last signal date: the delivery's own period, offered on the dashboard. */
	periode: { eersteDatum: string | null; laatsteDatum: string | null };
	tabellen: { tabel: string; kolommen: string; rijen: number }[];
}

export const vroegsignalering: DeliveryKind<DdasResult, LoadedVs, VsDocument, VsArrow> = {
	id: 'vroegsignalering',
	label: 'Vroegsignalering (Wgs)',
	detect: (bytes) => ddasKind(bytes) === 'vroegsignalering',
	read: (files, { today, pseudonymiser, onProgress }) =>
		importDdasFilesWithAddressKeys(files, { today, onProgress }, pseudonymiser),
	toArrow: ddasToArrowIpc,
	load: loadVroegsignalering,
	drop: dropVroegsignalering,
	loaded: async (db, { bestanden, meldingen }) => ({
		bestanden,
		meldingen,
		gemeenten: await vsGemeenten(db),
		periode: await vsExtent(db),
		tabellen: await vsLoadedTables(db)
	}),
	document: (db, { van, tot, gemeenten }, loaded) =>
		vsDocument(db, { van, tot, gemeenten }, loaded.bestanden),
	trend: (db, { gemeenten }) => computeVsTrend(db, gemeenten)
};
