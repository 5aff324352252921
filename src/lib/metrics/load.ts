/** Loads the accepted rows into DuckDB (as Arrow) and derives the metric tables. */
import { DEFAULT_NORMS, type Norm } from '../domain/lead-times';
import type { Database } from '../db/database';
import type { DossierRow, EventRow } from '../import/types';
import { rowsToArrow, type ArrowData } from '../db/arrow';
import { BASE_TABLES_SQL, FIRST_DERIVE_SQL, LEAD_TIME_DERIVE_SQL, NORMS_TABLE_SQL } from './schema';

/** Replaces the norms table with the given norms (bound as parameters). */
export async function loadNorms(db: Database, norms: readonly Norm[]): Promise<void> {
	await db.exec(NORMS_TABLE_SQL);
	if (norms.length === 0) return;
	// One statement for all rows: in the browser every statement is a round trip to the worker.
	await db.query(
		`INSERT INTO normen VALUES ${norms.map(() => '(?, ?, ?, ?::DATE, ?)').join(', ')}`,
		norms.flatMap((norm) => [
			norm.corporatie,
			norm.leadTime,
			norm.days,
			norm.effectiveFrom,
			norm.source
		])
	);
}

/** Replaces all data in the database with these rows and derives the metric tables. */
export async function loadData(
	db: Database,
	rows: { dossiers: readonly DossierRow[]; events: readonly EventRow[] },
	norms: readonly Norm[] = DEFAULT_NORMS
): Promise<void> {
	await loadArrow(db, rowsToArrow(rows.dossiers, rows.events), norms);
}

/** Replaces all data with these Arrow tables (from rowsToArrow or a worker) and derives the metric tables. */
export async function loadArrow(
	db: Database,
	arrow: ArrowData,
	norms: readonly Norm[] = DEFAULT_NORMS
): Promise<void> {
	await loadArrowFirst(db, arrow, norms);
	await deriveLeadTimes(db);
}

/**
 * Replaces all data with these Arrow tables and derives the tables of the first screen (period
 * figures and funnel); the lead-time table follows with `deriveLeadTimes`, which must run before
 * any lead-time query.
 */
export async function loadArrowFirst(
	db: Database,
	arrow: ArrowData,
	norms: readonly Norm[] = DEFAULT_NORMS
): Promise<void> {
	await db.insertArrow('dossiers_in', arrow.dossiers);
	await db.insertArrow('gebeurtenissen_in', arrow.events);
	await deriveFirst(db, norms);
}

/**
 * Derives the tables of the first screen from `dossiers_in` and `gebeurtenissen_in` as they are
 * filled (by Arrow here, or by the command line's native import); `deriveLeadTimes` follows.
 */
export async function deriveFirst(
	db: Database,
	norms: readonly Norm[] = DEFAULT_NORMS
): Promise<void> {
	await db.exec(BASE_TABLES_SQL);
	await loadNorms(db, norms);
	await db.exec(FIRST_DERIVE_SQL);
}

/** Derives the lead-time table from the loaded data and norms (again after the norms change). */
export async function deriveLeadTimes(db: Database): Promise<void> {
	await db.exec(LEAD_TIME_DERIVE_SQL);
}
