/**
 * The auditor: reads a publication output (the table of all figures per corporation, as Markdown,
 * CSV or .xlsx rows), rebuilds the relations a reader knows between its cells on its own (it does
 * not use the product's relation list), and works out, by integer programming
 * (javascript-lp-solver, branch and bound), the least and greatest value of every hidden cell. A
 * hidden cell whose least and greatest value are equal is disclosed.
 */
import solver from 'javascript-lp-solver';

/** One cell as printed: a number, `< t` (1 … t − 1), `x` (at least t), or not a count. */
export type Printed =
	| { kind: 'shown'; value: number }
	| { kind: 'primary' }
	| { kind: 'secondary' }
	| { kind: 'other' };

/** A printed figure table: figure id → column → cell; shares as printed fractions. */
export interface PrintedTable {
	columns: string[];
	cells: Map<string, Map<string, Printed>>;
	/** Printed shares: [teller expression, noemer expression, printed fraction, half a unit of rounding]. */
	shares: { teller: Term[]; noemer: Term[]; value: number; tolerance: number }[];
}

type Term = [cell: string, coefficient: number];

interface Constraint {
	terms: Term[];
	op: '=' | '<=';
	rhs: number;
}

/** Reads one printed cell (nl-NL numbers, `< 5`, `x`, `niet getoond`, `–`). */
export function readCell(text: string | number | null): Printed {
	if (typeof text === 'number') return { kind: 'shown', value: text };
	const t = (text ?? '').trim();
	if (/^<\s*\d+$/.test(t)) return { kind: 'primary' };
	if (t === 'x') return { kind: 'secondary' };
	if (/^\d{1,3}(\.\d{3})*$/.test(t)) return { kind: 'shown', value: Number(t.replace(/\./g, '')) };
	return { kind: 'other' };
}

/** Whether a row is the header of a figure table: `cijfer` first (md) or `Code` last (CSV, .xlsx). */
function isHeader(row: readonly (string | number | null)[]): boolean {
	return row[0] === 'cijfer' || (row.length > 2 && row[row.length - 1] === 'Code');
}

/** A printed share as a fraction and half a unit of its rounding: `94%`, `63,6%`, or an exact number. */
function printedShare(raw: string | number | null | undefined): [number, number] | null {
	if (typeof raw === 'number') return [raw, 1e-9];
	const m = typeof raw === 'string' ? raw.trim().match(/^(\d+)(?:,(\d+))?\s?%$/) : null;
	if (!m) return null;
	const decimals = m[2]?.length ?? 0;
	return [Number(`${m[1]}.${m[2] ?? '0'}`) / 100, (0.5 * 10 ** -decimals) / 100];
}

/**
 * A figure table from rows: the header row starts with `cijfer` (ids in the first column, as the
 * md output prints them) or ends with `Code` (labels first, the figure id in the last column, as
 * the CSV and .xlsx for people print them), then one row per figure up to the next header row;
 * rows without an id (headings) are skipped. `nth` picks a later table (0: the first).
 */
export function tableFromRows(
	rows: readonly (readonly (string | number | null)[])[],
	nth = 0
): PrintedTable {
	const headers = rows.flatMap((r, i) => (isHeader(r) ? [i] : []));
	const start = headers[nth] ?? -1;
	if (start < 0) throw new Error('geen tabel met cijfers gevonden');
	const end = headers[nth + 1] ?? rows.length;
	const header = rows[start] as (string | number | null)[];
	const coded = header[0] !== 'cijfer';
	const codeAt = coded ? header.length - 1 : 0;
	const columns = header
		.slice(1, coded ? -1 : undefined)
		.map((c) => (String(c) === 'Totaal' ? 'totaal' : String(c)));
	const cells = new Map<string, Map<string, Printed>>();
	const shares: PrintedTable['shares'] = [];
	for (const row of rows.slice(start + 1, end)) {
		const id = row[codeAt];
		if (typeof id !== 'string' || id === '' || row.length < header.length) continue;
		const byColumn = new Map<string, Printed>();
		columns.forEach((c, i) => byColumn.set(c, readCell(row[i + 1] ?? null)));
		cells.set(id, byColumn);
		if (id === 'aandeel_voorkomen') {
			columns.forEach((c, i) => {
				const printed = printedShare(row[i + 1]);
				if (printed === null) return;
				const [fraction, tolerance] = printed;
				const v = `${c}|aanzeggingen_voorkomen`;
				const o = `${c}|aanzeggingen_ontruimd`;
				shares.push({
					teller: [[v, 1]],
					noemer: [
						[v, 1],
						[o, 1]
					],
					value: fraction,
					tolerance
				});
			});
		}
	}
	return { columns, cells, shares };
}

/** The table of all figures from a Markdown output (after `### Tabel: alle cijfers`). */
export function tableFromMarkdown(md: string): PrintedTable {
	const at = md.indexOf('### Tabel: alle cijfers');
	if (at < 0) throw new Error('geen tabel met alle cijfers');
	const rows = md
		.slice(at)
		.split('\n')
		.filter((line) => line.startsWith('|') && !/^\|\s*---/.test(line))
		.map((line) =>
			line
				.slice(1, -1)
				// As a Markdown reader sees it: cells split on unescaped pipes, backslash escapes removed.
				.split(/(?<!\\)\|/)
				.map((c) => c.trim().replace(/\\(.)/g, '$1'))
		);
	return tableFromRows(rows);
}

/** The table from a CSV for Dutch Excel (`;`, decimal comma, preamble lines above); `nth` as above. */
export function tableFromCsv(csv: string, nth = 0): PrintedTable {
	const rows = csv
		.replace(/^\uFEFF/, '')
		.split('\r\n')
		.map((line) =>
			line.split(';').map((c) => {
				const t = c.replace(/^"|"$/g, '');
				return /^-?\d+(,\d+)?$/.test(t) ? Number(t.replace(',', '.')) : t;
			})
		);
	return tableFromRows(rows, nth);
}

/** The relations a reader of the figure table knows (metrics.md), rebuilt from the figure ids. */
export function relationsOf(table: PrintedTable): Constraint[] {
	const out: Constraint[] = [];
	const ids = [...table.cells.keys()];
	const has = (id: string) => table.cells.has(id);
	const corporations = table.columns.filter((c) => c !== 'totaal');
	const within = (column: string) => {
		const cell = (id: string) => `${column}|${id}`;
		const eq = (whole: string, parts: string[]) => {
			if (!has(whole) || !parts.every(has)) return;
			out.push({
				terms: [[cell(whole), -1], ...parts.map((p): Term => [cell(p), 1])],
				op: '=',
				rhs: 0
			});
		};
		const le = (parts: string[], whole: string) => {
			if (!has(whole) || !parts.every(has)) return;
			out.push({
				terms: [[cell(whole), -1], ...parts.map((p): Term => [cell(p), 1])],
				op: '<=',
				rhs: 0
			});
		};
		for (const f of ['aanzeggingen', 'vonnissen']) {
			eq(f, [`${f}_voorkomen`, `${f}_ontruimd`, `${f}_lopend`]);
		}
		eq(
			'ontruimingen',
			ids.filter((id) => id.startsWith('ontruimingen_per_reden.'))
		);
		eq('deurwaarder', ['samenwerking.deurwaarder_na_afstemming.noemer']);
		eq('meldingen_sdv', ['samenwerking.meldingen_met_plan.noemer']);
		for (const id of ids.filter((i) => i.endsWith('.teller'))) {
			le([id], id.replace(/\.teller$/, '.noemer'));
		}
		const stages = ids.filter((i) => i.startsWith('trechter.') && i !== 'trechter.achterstand_1m');
		for (const s of stages) le([s], 'trechter.achterstand_1m');
		le(
			['trechter.deurwaarder', 'trechter.afgesloten_zonder_deurwaarder'],
			'trechter.achterstand_1m'
		);
		for (const id of ids.filter((i) => i.endsWith('.binnen_norm'))) {
			const base = id.replace(/\.binnen_norm$/, '');
			le([`${base}.binnen_norm`], `${base}.met_norm`);
			le([`${base}.met_norm`], `${base}.n`);
			le([`${base}.open_boven_norm`], `${base}.open`);
		}
	};
	/**
	 * The vroegsignalering figures (ddas-vroegsignalering.md), as a reader of the spec knows them:
	 * the rent cases split by result, help is four of those results, the stages are parts of the
	 * cohort (reached ones of those with an attempt), a lead time's completed and open cases are the
	 * cohort, reached attempts are attempts, and the rent signals are the signals of type Huur.
	 */
	const vsWithin = (column: string) => {
		const cell = (id: string) => `${column}|vroegsignalering.${id}`;
		const known = (id: string) => has(`vroegsignalering.${id}`);
		const rel = (whole: string, parts: string[], op: '=' | '<=') => {
			if (!known(whole) || !parts.every(known)) return;
			out.push({ terms: [[cell(whole), -1], ...parts.map((p): Term => [cell(p), 1])], op, rhs: 0 });
		};
		const results = ids
			.filter((i) => i.startsWith('vroegsignalering.resultaten.'))
			.map((i) => i.slice('vroegsignalering.'.length));
		rel('zaken_huur', results, '=');
		rel(
			'hulp',
			[
				'Vervolghulp en/of verwijzing',
				'Vervolghulp en/of verwijzing financieel',
				'Vervolghulp en/of verwijzing niet financieel',
				'Verwijzing zonder tussenkomst inwoner'
			].map((r) => `resultaten.${r}`),
			'='
		);
		rel('signalen_huur', ['signalen.Huur'], '=');
		for (const stage of ['opgepakt', 'contact_gepoogd', 'bereikt', 'hulp', 'meervoudig'])
			rel('zaken_huur', [stage], '<=');
		rel('contact_gepoogd', ['bereikt'], '<=');
		for (const lt of ['signaal_opgepakt', 'signaal_eerste_poging', 'signaal_bereikt'])
			rel('zaken_huur', [`doorlooptijden.${lt}.n`, `doorlooptijden.${lt}.open`], '=');
		for (const id of ids.filter((i) =>
			/^vroegsignalering\.contactpogingen\..*\.bereikt$/.test(i)
		)) {
			const kind = id.slice('vroegsignalering.'.length).replace(/\.bereikt$/, '');
			rel(`${kind}.pogingen`, [`${kind}.bereikt`], '<=');
		}
	};
	for (const column of table.columns) {
		within(column);
		vsWithin(column);
	}
	if (table.columns.includes('totaal') && corporations.length > 0) {
		for (const id of ids) {
			out.push({
				terms: [[`totaal|${id}`, -1], ...corporations.map((c): Term => [`${c}|${id}`, 1])],
				op: '=',
				rhs: 0
			});
		}
	}
	for (const s of table.shares) {
		// value − tol ≤ teller / noemer ≤ value + tol, times noemer (> 0 where a share is printed).
		const lin = (k: number): Term[] => [
			...s.teller.map(([c, a]): Term => [c, a]),
			...s.noemer.map(([c, a]): Term => [c, -a * k])
		];
		out.push({ terms: lin(s.value + s.tolerance), op: '<=', rhs: 0 });
		out.push({
			terms: lin(s.value - s.tolerance).map(([c, a]): Term => [c, -a]),
			op: '<=',
			rhs: 0
		});
	}
	return out;
}

export interface Finding {
	cell: string;
	min: number;
	max: number | null;
}

export interface AuditResult {
	hidden: number;
	/** Hidden cells a reader can pin to one value. */
	determined: Finding[];
	ranges: Map<string, Finding>;
}

/**
 * Audits a printed table: for each hidden cell the integer min and max over everything printed
 * (shown cells fixed, `< t` in 1 … t − 1, `x` at least t, all cells non-negative integers).
 */
export function audit(table: PrintedTable, threshold = 5): AuditResult {
	const value = new Map<string, number>();
	const bounds = new Map<string, [number, number | null]>();
	for (const [id, byColumn] of table.cells) {
		for (const [column, cell] of byColumn) {
			const key = `${column}|${id}`;
			if (cell.kind === 'shown') value.set(key, cell.value);
			if (cell.kind === 'primary') bounds.set(key, [1, threshold - 1]);
			if (cell.kind === 'secondary') bounds.set(key, [threshold, null]);
		}
	}
	// A constraint over cells that are neither shown nor hidden (not in the table) is dropped.
	const constraints = relationsOf(table).filter((c) =>
		c.terms.every(([cell]) => value.has(cell) || bounds.has(cell))
	);
	// Components of hidden cells linked by constraints: each is solved on its own.
	const parent = new Map<string, string>([...bounds.keys()].map((k) => [k, k]));
	const find = (k: string): string => {
		let r = k;
		while (parent.get(r) !== r) r = parent.get(r) as string;
		parent.set(k, r);
		return r;
	};
	for (const c of constraints) {
		const hidden = c.terms.map(([cell]) => cell).filter((cell) => bounds.has(cell));
		for (const h of hidden.slice(1)) parent.set(find(h), find(hidden[0] as string));
	}
	const ranges = new Map<string, Finding>();
	for (const cell of bounds.keys()) {
		const root = find(cell);
		const members = [...bounds.keys()].filter((k) => find(k) === root);
		const mine = constraints.filter((c) =>
			c.terms.some(([t]) => find(t) === root && bounds.has(t))
		);
		const solve = (opType: 'min' | 'max') => {
			const variables: Record<string, Record<string, number>> = {};
			const cons: Record<string, { min?: number; max?: number; equal?: number }> = {};
			const ints: Record<string, 1> = {};
			members.forEach((m, i) => {
				const [lo, hi] = bounds.get(m) as [number, number | null];
				variables[`x${i}`] = { goal: m === cell ? 1 : 0, [`bound${i}`]: 1 };
				cons[`bound${i}`] = hi === null ? { min: lo } : { min: lo, max: hi };
				ints[`x${i}`] = 1;
			});
			mine.forEach((c, j) => {
				let rhs = c.rhs;
				for (const [t, a] of c.terms) {
					const i = members.indexOf(t);
					if (i < 0) rhs -= a * (value.get(t) as number);
					else (variables[`x${i}`] as Record<string, number>)[`c${j}`] = a;
				}
				cons[`c${j}`] = c.op === '=' ? { equal: rhs } : { max: rhs };
			});
			const r = solver.Solve({ optimize: 'goal', opType, constraints: cons, variables, ints }) as {
				feasible: boolean;
				bounded?: boolean;
				[variable: string]: unknown;
			};
			if (!r.feasible) throw new Error(`de gepubliceerde tabel is tegenstrijdig rond ${cell}`);
			// The cell's own value in the optimum (the reported objective is not always right).
			const own = r[`x${members.indexOf(cell)}`];
			return r.bounded === false ? null : Math.round(typeof own === 'number' ? own : 0);
		};
		ranges.set(cell, { cell, min: solve('min') as number, max: solve('max') });
	}
	const determined = [...ranges.values()].filter((r) => r.max !== null && r.max <= r.min);
	return { hidden: bounds.size, determined, ranges };
}
