/**
 * Schuldhulpverlening (Wgs): the DDAS deliveries of debt-help trajecten. Wires the reader
 * (import/ddas-shv.ts), the Arrow encoding (db/shv-arrow.ts), the tables
 * (metrics/schuldhulpverlening-load.ts) and the block (metrics/schuldhulpverlening.ts).
 */
import { shvToArrowIpc, type ShvArrow } from '../../db/shv-arrow';
import { ddasKind } from '../../import/ddas';
import {
	importShvFilesWithAddressKeys,
	type ShvFileReport,
	type ShvIssue,
	type ShvResult
} from '../../import/ddas-shv';
import {
	dropSchuldhulpverlening,
	loadSchuldhulpverlening
} from '../../metrics/schuldhulpverlening-load';
import {
	computeShvTrend,
	shvDocument,
	shvExtent,
	shvGemeenten,
	shvLatestDate,
	type ShvDocument
} from '../../metrics/schuldhulpverlening';
import type { DeliveryKind } from '../types';

/** The loaded schuldhulpverlening deliveries: their report, gemeenten, period and peildatum. */
export interface LoadedShv {
	bestanden: ShvFileReport[];
	meldingen: ShvIssue[];
	/** Every gemeente with an accepted traject, sorted. */
	gemeenten: string[];
	/** The first and the last aanmelding: the deliveries' own period, offered on the dashboard. */
	periode: { eersteDatum: string | null; laatsteDatum: string | null };
	/** The latest date in the trajecten: the peildatum of the figures without one asked for. */
	peildatum: string | null;
}

export const schuldhulpverlening: DeliveryKind<ShvResult, LoadedShv, ShvDocument, ShvArrow> = {
	id: 'schuldhulpverlening',
	label: 'Schuldhulpverlening (Wgs)',
	detect: (bytes) => ddasKind(bytes) === 'schuldhulpverlening',
	read: (files, { today, pseudonymiser }) =>
		importShvFilesWithAddressKeys(files, { today }, pseudonymiser),
	toArrow: shvToArrowIpc,
	load: loadSchuldhulpverlening,
	drop: dropSchuldhulpverlening,
	loaded: async (db, { bestanden, meldingen }) => ({
		bestanden,
		meldingen,
		gemeenten: await shvGemeenten(db),
		periode: await shvExtent(db),
		peildatum: await shvLatestDate(db)
	}),
	// Without a peildatum asked for: the latest date of the trajecten, else today (metrics.md).
	document: (db, { van, tot, gemeenten, peildatum, today }, loaded) =>
		shvDocument(
			db,
			{ van, tot, gemeenten, peildatum: peildatum ?? loaded.peildatum ?? today },
			loaded.bestanden
		),
	trend: (db, { gemeenten, peildatum, today }, loaded) =>
		computeShvTrend(db, gemeenten, peildatum ?? loaded.peildatum ?? today)
};
