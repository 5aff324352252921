/**
 * Held-out tests of the profile suggestions (source-profiles.md, "Suggestions"), written without
 * reading the module under test or its own tests. Nine exports in tests/fixtures/heldout/suggest,
 * each with the profile a careful human wrote for it (`*.waarheid.profiel.json`) and what must be
 * reported open (`*.open.json`, which also lists the columns that hold personal data). Per export:
 * (1) nothing is placed wrongly, (2) every step is placed, (3) what cannot be known is said in
 * `open`, and nothing is left unplaced silently, (4) no personal data is used, (5) the profile is
 * valid. Then a table of header spellings, each alone in a one-column wide export.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from '../../../../src/lib/domain/codes';
import {
	normalizeSpecValue,
	parseProfile,
	validateProfile,
	type SourceProfile,
	type ValueKind,
	type ValueSpec
} from '../../../../src/lib/import/profiles/format';
import { fileTable } from '../../../../src/lib/import/profiles/match';
import { suggestProfile } from '../../../../src/lib/import/profiles/suggest';

const DIR = new URL('../../../fixtures/heldout/suggest/', import.meta.url);

/** What the module under test answers. */
interface Suggestion {
	profiel: SourceProfile;
	open: string[];
}

/** What `<name>.open.json` holds. */
interface OpenList {
	kolommen: string[];
	labels: string[];
	/** True when nothing in the file or its name says the corporation. */
	corporatie: boolean;
	persoonsgegevens: string[];
}

interface Export {
	fileName: string;
	header: string[];
	rows: string[][];
	fromWorkbook: boolean;
	sheet: string | null;
	truth: SourceProfile;
	openList: OpenList;
	suggestion: Suggestion;
}

const EXPORTS = [
	'ymere-huurincasso-2015-h1.csv',
	'pre-wonen_achterstanden_2015-h1.csv',
	'export_huurincasso_20150701.xlsx',
	'sdv-activiteiten-2015.csv',
	'swt-registraties-2015.xlsx',
	'huurachterstand_Q3_2015.csv',
	'elan_wonen_ontruimingen_2015.csv',
	'kredietbank_export_sdv.csv',
	'ymere_incasso_tweede_halfjaar.csv'
];

const base = (fileName: string) => fileName.replace(/\.(csv|xlsx)$/, '');
const readText = (name: string) => readFileSync(new URL(name, DIR), 'utf8');

function loadTruth(fileName: string): SourceProfile {
	const name = `${base(fileName)}.waarheid.profiel.json`;
	const parsed = parseProfile(readText(name), name);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.profile;
}

const cache = new Map<string, Export>();
/** The export read as the mapping screen reads it, its truth, and the suggestion (asked once). */
function load(fileName: string): Export {
	const hit = cache.get(fileName);
	if (hit) return hit;
	const read = fileTable(new Uint8Array(readFileSync(new URL(fileName, DIR))));
	if (read === null) throw new Error(`${fileName}: not readable as a table`);
	const header = read.table.header;
	const rows = read.table.rows.map((r) => r.fields);
	const fromWorkbook = read.sheets !== null;
	const suggestion = suggestProfile({
		fileName,
		header,
		rows,
		fromWorkbook,
		...(read.sheet === null ? {} : { sheet: read.sheet })
	}) as unknown as Suggestion;
	const out: Export = {
		fileName,
		header,
		rows,
		fromWorkbook,
		sheet: read.sheet,
		truth: loadTruth(fileName),
		openList: JSON.parse(readText(`${base(fileName)}.open.json`)) as OpenList,
		suggestion
	};
	cache.set(fileName, out);
	return out;
}

const same = (a: string, b: string) => normalizeCode(a) === normalizeCode(b);
const q = (text: string | null | undefined) =>
	text === undefined ? 'open' : text === null ? 'null (overslaan)' : `‘${text}’`;

/** The index of a column by the header rule, or -1. */
function columnIndex(header: readonly string[], column: string): number {
	return header.findIndex((h) => same(h, column));
}

/** The distinct non-empty (trimmed) values of a column. */
function distinct(ex: Export, column: string): string[] {
	const i = columnIndex(ex.header, column);
	if (i < 0) return [];
	return [...new Set(ex.rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== ''))];
}

/**
 * A cell resolved as source-profiles.md resolves it: its label in `waarden`, else the cell read
 * as a code, else `anders`. A code (string), null (a skipped activity), or undefined: not placed.
 */
function resolve(
	spec: ValueSpec | undefined,
	kind: ValueKind,
	cell: string
): string | null | undefined {
	if (spec === undefined) return undefined;
	if ('waarde' in spec) return normalizeSpecValue(kind, spec.waarde) ?? undefined;
	for (const [label, target] of Object.entries(spec.waarden ?? {})) {
		if (same(label, cell))
			return target === null ? null : (normalizeSpecValue(kind, target) ?? undefined);
	}
	const own = normalizeSpecValue(kind, cell);
	if (own !== null) return own;
	if (spec.anders !== undefined) return normalizeSpecValue(kind, spec.anders) ?? undefined;
	return undefined;
}

const columnOf = (spec: ValueSpec | undefined) =>
	spec !== undefined && 'kolom' in spec ? spec.kolom : null;

/**
 * Wrong placements of one value spec against the truth's: another column, or a label (in the
 * data or in the suggestion's own table) that resolves to something else than in the truth.
 */
function wrongValues(
	ex: Export,
	role: string,
	kind: ValueKind,
	suggested: ValueSpec | undefined,
	truth: ValueSpec | undefined
): string[] {
	if (suggested === undefined) return [];
	const problems: string[] = [];
	const sCol = columnOf(suggested);
	const tCol = columnOf(truth);
	if (sCol !== null && columnIndex(ex.header, sCol) < 0)
		return [`${role}: kolom ‘${sCol}’ staat niet in het bestand`];
	if (sCol !== null && tCol !== null && !same(sCol, tCol))
		return [`${role}: voorgesteld kolom ‘${sCol}’, waarheid kolom ‘${tCol}’`];
	if (sCol !== null && truth === undefined)
		return [`${role}: voorgesteld kolom ‘${sCol}’, waarheid: niet gebruikt`];
	// The cells to compare: a column's labels, or every row's value when either side is one value.
	const column = sCol ?? tCol;
	const cells =
		column === null
			? ['']
			: [
					...distinct(ex, column),
					...Object.keys(('kolom' in suggested && suggested.waarden) || {})
				];
	const seen = new Set<string>();
	for (const cell of cells) {
		if (seen.has(normalizeCode(cell))) continue;
		seen.add(normalizeCode(cell));
		const s = resolve(suggested, kind, cell);
		const t = resolve(truth, kind, cell);
		if (s !== undefined && s !== t) {
			const where = column === null ? '' : ` ‘${cell}’ (kolom ‘${column}’)`;
			problems.push(`${role}${where}: voorgesteld ${q(s)}, waarheid ${q(t)}`);
		}
	}
	return problems;
}

/** (1) Everything the suggestion places equals the truth. */
function neverWrong(ex: Export): string[] {
	const s = ex.suggestion.profiel;
	const t = ex.truth;
	if (s.vorm !== t.vorm) return [`vorm: voorgesteld ‘${s.vorm}’, waarheid ‘${t.vorm}’`];
	const problems: string[] = [];
	if (ex.fromWorkbook) {
		const sheetOf = (p: SourceProfile) => p.werkblad ?? '(eerste blad)';
		const firstIsTruth = t.werkblad === undefined;
		const ok =
			s.werkblad === undefined ? firstIsTruth : same(s.werkblad, t.werkblad ?? ex.sheet ?? '');
		if (!ok) problems.push(`werkblad: voorgesteld ${sheetOf(s)}, waarheid ${sheetOf(t)}`);
	}
	const sIds = s.dossier_id.kolommen.map(normalizeCode).sort();
	const tIds = t.dossier_id.kolommen.map(normalizeCode).sort();
	if (sIds.join('|') !== tIds.join('|'))
		problems.push(
			`dossier_id.kolommen: voorgesteld ${JSON.stringify(s.dossier_id.kolommen)}, waarheid ${JSON.stringify(t.dossier_id.kolommen)}`
		);
	if (s.dossier_id.pseudonimiseren !== t.dossier_id.pseudonimiseren)
		problems.push(
			`dossier_id.pseudonimiseren: voorgesteld ${s.dossier_id.pseudonimiseren}, waarheid ${t.dossier_id.pseudonimiseren}`
		);
	for (const role of ['corporatie', 'doelgroep', 'wijk'] as const)
		problems.push(...wrongValues(ex, role, role, s[role], t[role]));
	if (s.vorm === 'breed' && t.vorm === 'breed') {
		for (const e of s.gebeurtenissen) {
			if (columnIndex(ex.header, e.kolom) < 0) {
				problems.push(`kolom ‘${e.kolom}’ (${e.gebeurtenis}): staat niet in het bestand`);
				continue;
			}
			const match = t.gebeurtenissen.filter((te) => same(te.kolom, e.kolom));
			const truthEvent = match.find((te) => te.gebeurtenis === e.gebeurtenis);
			if (truthEvent === undefined) {
				const truthCodes = match.map((te) => te.gebeurtenis).join(', ') || 'geen stap';
				problems.push(`kolom ‘${e.kolom}’: voorgesteld ${e.gebeurtenis}, waarheid ${truthCodes}`);
				continue;
			}
			problems.push(
				...wrongValues(ex, `reden bij ‘${e.kolom}’`, 'reden', e.reden, truthEvent.reden)
			);
			problems.push(
				...wrongValues(ex, `uitkomst bij ‘${e.kolom}’`, 'uitkomst', e.uitkomst, truthEvent.uitkomst)
			);
		}
	}
	if (s.vorm === 'lang' && t.vorm === 'lang') {
		if (!same(s.datum.kolom, t.datum.kolom))
			problems.push(
				`datum: voorgesteld kolom ‘${s.datum.kolom}’, waarheid kolom ‘${t.datum.kolom}’`
			);
		problems.push(...wrongValues(ex, 'gebeurtenis', 'gebeurtenis', s.gebeurtenis, t.gebeurtenis));
		problems.push(...wrongValues(ex, 'reden', 'reden', s.reden, t.reden));
		problems.push(...wrongValues(ex, 'uitkomst', 'uitkomst', s.uitkomst, t.uitkomst));
	}
	return problems;
}

/** (2) Every step of the truth is placed (apart from what must stay open), and a wide export's corporation when the file or its name says it. */
function complete(ex: Export): string[] {
	const s = ex.suggestion.profiel;
	const t = ex.truth;
	const problems: string[] = [];
	const mustStayOpen = (text: string, list: readonly string[]) => list.some((o) => same(o, text));
	if (t.vorm === 'breed') {
		const placed = s.vorm === 'breed' ? s.gebeurtenissen : [];
		for (const te of t.gebeurtenissen) {
			if (mustStayOpen(te.kolom, ex.openList.kolommen)) continue;
			const found = placed.filter((e) => same(e.kolom, te.kolom));
			if (!found.some((e) => e.gebeurtenis === te.gebeurtenis))
				problems.push(
					`kolom ‘${te.kolom}’: waarheid ${te.gebeurtenis}, voorgesteld ${found.map((e) => e.gebeurtenis).join(', ') || 'open'}`
				);
		}
	} else {
		const spec = s.vorm === 'lang' ? s.gebeurtenis : undefined;
		const tCol = columnOf(t.gebeurtenis);
		const sameColumn = spec !== undefined && tCol !== null && same(columnOf(spec) ?? '', tCol);
		if (s.vorm !== 'lang' || !same(s.datum.kolom, t.datum.kolom))
			problems.push(
				`datum: waarheid kolom ‘${t.datum.kolom}’, voorgesteld ${s.vorm === 'lang' ? `‘${s.datum.kolom}’` : 'geen'}`
			);
		const table = 'kolom' in t.gebeurtenis ? (t.gebeurtenis.waarden ?? {}) : {};
		for (const [label, code] of Object.entries(table)) {
			if (mustStayOpen(label, ex.openList.labels)) continue;
			const got = sameColumn ? resolve(spec, 'gebeurtenis', label) : undefined;
			if (got !== code)
				problems.push(
					`activiteit ‘${label}’ (kolom ‘${tCol}’): waarheid ${q(code)}, voorgesteld ${q(got)}`
				);
		}
	}
	// A wide profile needs the corporation (for a long one it is optional).
	if (t.vorm === 'breed' && !ex.openList.corporatie) {
		// Row by row: the suggestion may take a column where the truth has one value, or the reverse.
		const cellOf = (spec: ValueSpec | undefined, row: string[]) => {
			const column = columnOf(spec);
			const i = column === null ? -1 : columnIndex(ex.header, column);
			return i < 0 ? '' : (row[i] ?? '');
		};
		const missing = new Set<string>();
		for (const row of ex.rows) {
			if (resolve(s.corporatie, 'corporatie', cellOf(s.corporatie, row)) === undefined)
				missing.add(String(resolve(t.corporatie, 'corporatie', cellOf(t.corporatie, row))));
		}
		for (const corp of missing)
			problems.push(
				`corporatie: waarheid ‘${corp}’ (het bestand of de naam zegt het), voorgesteld open`
			);
	}
	return problems;
}

const QUOTES = `‘’'"“”„«»‚\``;
/** True when some sentence quotes the text (any quote marks, case and spacing aside). */
function quoted(sentences: readonly string[], text: string): boolean {
	const escaped = text
		.trim()
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/\s+/g, '\\s+');
	const pattern = new RegExp(`[${QUOTES}]\\s*${escaped}\\s*[${QUOTES}]`, 'i');
	return sentences.some((s) => pattern.test(s));
}

/** (3) What must stay open is said, and nothing is left unplaced without a word. */
function openReported(ex: Export): string[] {
	const open = ex.suggestion.open;
	const s = ex.suggestion.profiel;
	const t = ex.truth;
	const problems: string[] = [];
	for (const column of ex.openList.kolommen)
		if (!quoted(open, column)) problems.push(`kolom ‘${column}’ moet open genoemd worden`);
	for (const label of ex.openList.labels)
		if (!quoted(open, label)) problems.push(`label ‘${label}’ moet open genoemd worden`);
	if (ex.openList.corporatie && !open.some((o) => /corporatie/i.test(o)))
		problems.push('de corporatie staat nergens in bestand of naam: open moet dat zeggen');
	// Labels of a column the suggestion uses as the truth does, that it does not place.
	const silentLabels = (role: string, kind: ValueKind, sSpec?: ValueSpec, tSpec?: ValueSpec) => {
		const column = columnOf(sSpec);
		if (column === null || columnOf(tSpec) === null || !same(column, columnOf(tSpec)!)) return;
		for (const cell of distinct(ex, column))
			if (resolve(sSpec, kind, cell) === undefined && !quoted(open, cell))
				problems.push(`${role} ‘${cell}’ (kolom ‘${column}’) niet geplaatst en niet open genoemd`);
	};
	silentLabels('doelgroep', 'doelgroep', s.doelgroep, t.doelgroep);
	if (s.vorm === 'breed' && t.vorm === 'breed') {
		for (const te of t.gebeurtenissen) {
			const se = s.gebeurtenissen.find(
				(e) => same(e.kolom, te.kolom) && e.gebeurtenis === te.gebeurtenis
			);
			if (se === undefined && !quoted(open, te.kolom))
				problems.push(`datumkolom ‘${te.kolom}’ niet geplaatst en niet open genoemd`);
			if (se === undefined) continue;
			silentLabels('reden', 'reden', se.reden, te.reden);
			silentLabels('uitkomst', 'uitkomst', se.uitkomst, te.uitkomst);
		}
	}
	if (s.vorm === 'lang' && t.vorm === 'lang') {
		silentLabels('activiteit', 'gebeurtenis', s.gebeurtenis, t.gebeurtenis);
		silentLabels('reden', 'reden', s.reden, t.reden);
		silentLabels('uitkomst', 'uitkomst', s.uitkomst, t.uitkomst);
	}
	return problems;
}

/** (4) No column that holds personal data is used, except as a pseudonymised id. */
function personalDataUsed(ex: Export): string[] {
	const s = ex.suggestion.profiel;
	const used: [string, string][] = [];
	if (!s.dossier_id.pseudonimiseren)
		for (const c of s.dossier_id.kolommen) used.push([c, 'dossier_id zonder pseudonimiseren']);
	const spec = (role: string, v: ValueSpec | undefined) => {
		const c = columnOf(v);
		if (c !== null) used.push([c, role]);
	};
	spec('corporatie', s.corporatie);
	spec('doelgroep', s.doelgroep);
	spec('wijk', s.wijk);
	if (s.vorm === 'breed') {
		for (const e of s.gebeurtenissen) {
			used.push([e.kolom, e.gebeurtenis]);
			spec(`reden bij ‘${e.kolom}’`, e.reden);
			spec(`uitkomst bij ‘${e.kolom}’`, e.uitkomst);
		}
	} else {
		used.push([s.datum.kolom, 'datum']);
		spec('gebeurtenis', s.gebeurtenis);
		spec('reden', s.reden);
		spec('uitkomst', s.uitkomst);
	}
	return used
		.filter(([c]) => ex.openList.persoonsgegevens.some((p) => same(p, c)))
		.map(([c, role]) => `persoonsgegevens: kolom ‘${c}’ gebruikt als ${role}`);
}

/** (5) The profile, with an empty corporation filled in from the truth, is a valid profile file. */
function invalid(ex: Export): string[] {
	const profile = structuredClone(ex.suggestion.profiel) as SourceProfile;
	const corp = profile.corporatie;
	if (corp !== undefined && 'waarde' in corp && corp.waarde.trim() === '' && ex.truth.corporatie)
		profile.corporatie = ex.truth.corporatie;
	const problems: string[] = [];
	const checked = validateProfile(profile, ex.fileName);
	if (!checked.ok) problems.push(checked.message);
	const parsed = parseProfile(JSON.stringify(profile), ex.fileName);
	if (!parsed.ok && checked.ok) problems.push(parsed.message);
	return problems;
}

describe('held-out exports: the fixtures themselves', () => {
	it('every data file of the folder is in the list, with a truth and an open list', () => {
		const files = readdirSync(DIR).filter((f) => /\.(csv|xlsx)$/.test(f));
		expect(files.sort()).toEqual([...EXPORTS].sort());
	});
	it.each(EXPORTS)(
		'%s: the truth names only columns of the file and places every label it reads',
		(name) => {
			const read = fileTable(new Uint8Array(readFileSync(new URL(name, DIR))))!;
			const ex = {
				header: read.table.header,
				rows: read.table.rows.map((r) => r.fields)
			} as Export;
			const truth = loadTruth(name);
			const problems: string[] = [];
			const check = (role: string, kind: ValueKind, spec: ValueSpec | undefined) => {
				const c = columnOf(spec);
				if (c === null) return;
				if (columnIndex(ex.header, c) < 0) problems.push(`${role}: ‘${c}’ ontbreekt`);
				for (const cell of distinct(ex, c))
					if (resolve(spec, kind, cell) === undefined)
						problems.push(`${role}: ‘${cell}’ niet in de waarheid`);
			};
			for (const c of truth.dossier_id.kolommen)
				if (columnIndex(ex.header, c) < 0) problems.push(`dossier_id: ‘${c}’ ontbreekt`);
			check('corporatie', 'corporatie', truth.corporatie);
			check('doelgroep', 'doelgroep', truth.doelgroep);
			if (truth.vorm === 'breed') {
				for (const e of truth.gebeurtenissen) {
					if (columnIndex(ex.header, e.kolom) < 0)
						problems.push(`${e.gebeurtenis}: ‘${e.kolom}’ ontbreekt`);
					else if (distinct(ex, e.kolom).length === 0)
						problems.push(`${e.gebeurtenis}: ‘${e.kolom}’ is leeg`);
					check('reden', 'reden', e.reden);
					check('uitkomst', 'uitkomst', e.uitkomst);
				}
			} else {
				if (columnIndex(ex.header, truth.datum.kolom) < 0) problems.push(`datum ontbreekt`);
				check('gebeurtenis', 'gebeurtenis', truth.gebeurtenis);
				check('uitkomst', 'uitkomst', truth.uitkomst);
			}
			const open = JSON.parse(readText(`${base(name)}.open.json`)) as OpenList;
			for (const c of [...open.kolommen, ...open.persoonsgegevens])
				if (columnIndex(ex.header, c) < 0) problems.push(`open.json: ‘${c}’ ontbreekt`);
			expect(problems).toEqual([]);
		}
	);
});

describe.each(EXPORTS)('suggestProfile on held-out export %s', (name) => {
	it('(1) never places a column or a label wrongly', () => {
		const ex = load(name);
		expect(
			neverWrong(ex),
			`${name}: verkeerd geplaatst (kolom/label: voorgesteld, waarheid)`
		).toEqual([]);
	});
	it('(2) places every step of the truth (and the corporation when file or name says it)', () => {
		const ex = load(name);
		expect(complete(ex), `${name}: niet geplaatst`).toEqual([]);
	});
	it('(3) reports open what no system can know, and leaves nothing unplaced silently', () => {
		const ex = load(name);
		expect(
			openReported(ex),
			`${name}: open zegt niet: (open = ${JSON.stringify(ex.suggestion.open)})`
		).toEqual([]);
	});
	it('(4) places no column that holds personal data (but a pseudonymised id)', () => {
		const ex = load(name);
		expect(personalDataUsed(ex), `${name}: persoonsgegevens in het profiel`).toEqual([]);
	});
	it('(5) gives a valid profile (with an empty corporation filled in from the truth)', () => {
		const ex = load(name);
		expect(invalid(ex), `${name}: ongeldig profiel`).toEqual([]);
	});
});

/** Header spellings as real systems write them, each with the step a careful human reads in it. */
const SPELLINGS: [string, string][] = [
	// achterstand_1m
	['Datum 1 mnd achterstand', 'achterstand_1m'],
	['Achterstand (1 mnd)', 'achterstand_1m'],
	['mnd1 achterstand', 'achterstand_1m'],
	['Eerste maand achterstand', 'achterstand_1m'],
	['1e maand huurachterstand', 'achterstand_1m'],
	['Dt. achterstand 1 maand', 'achterstand_1m'],
	['achterstand_1_maand_datum', 'achterstand_1m'],
	['AchterstandEenMaand', 'achterstand_1m'],
	['Huurachterstand één maand', 'achterstand_1m'],
	['ACHTERSTAND 1M', 'achterstand_1m'],
	['datumachterstand1mnd', 'achterstand_1m'],
	['Achterstand 1ste maand', 'achterstand_1m'],
	// achterstand_2m
	['Datum 2 mnd achterstand', 'achterstand_2m'],
	['Achterstand (2 mnd)', 'achterstand_2m'],
	['mnd2 achterstand', 'achterstand_2m'],
	['Tweede maand achterstand', 'achterstand_2m'],
	['2e maand huurachterstand', 'achterstand_2m'],
	['Dt. achterstand 2 maanden', 'achterstand_2m'],
	['achterstand_2_maanden', 'achterstand_2m'],
	['AchterstandTweeMaanden', 'achterstand_2m'],
	['ACHTERSTAND 2M', 'achterstand_2m'],
	['Huurachterstand twee mnd', 'achterstand_2m'],
	['2 maanden achterstand (datum)', 'achterstand_2m'],
	// achterstand_3m
	['Datum 3 mnd achterstand', 'achterstand_3m'],
	['Achterstand (3 mnd)', 'achterstand_3m'],
	['mnd3 achterstand', 'achterstand_3m'],
	['Derde maand achterstand', 'achterstand_3m'],
	['3e maand huurachterstand', 'achterstand_3m'],
	['Dt. achterstand 3 maanden', 'achterstand_3m'],
	['achterstand_3_maanden', 'achterstand_3m'],
	['AchterstandDrieMaanden', 'achterstand_3m'],
	['ACHTERSTAND 3M', 'achterstand_3m'],
	['Huurachterstand drie mnd', 'achterstand_3m'],
	['3 maanden achterstand (datum)', 'achterstand_3m'],
	// melding_sdv
	['Melding SDV', 'melding_sdv'],
	['Datum melding schuldhulp', 'melding_sdv'],
	['Verwijzing SDV', 'melding_sdv'],
	['Aanmelding schuldhulpverlening', 'melding_sdv'],
	['Dt. aanmelding SDV', 'melding_sdv'],
	['verwijzing_schuldhulp', 'melding_sdv'],
	['MeldingSchuldhulpverlening', 'melding_sdv'],
	['Datum verwijzing schuldhulpverlening', 'melding_sdv'],
	['Melding Schulddienstverlening', 'melding_sdv'],
	['datummeldingsdv', 'melding_sdv'],
	// huisbezoek
	['Huisbezoek', 'huisbezoek'],
	['Datum huisbezoek', 'huisbezoek'],
	['datumhuisbezoek', 'huisbezoek'],
	['Dt. huisbezoek', 'huisbezoek'],
	['HuisbezoekDatum', 'huisbezoek'],
	['huisbezoek_uitgevoerd', 'huisbezoek'],
	['Huisbezoek afgelegd', 'huisbezoek'],
	['HUISBEZOEK (datum)', 'huisbezoek'],
	['1e huisbezoek', 'huisbezoek'],
	['Datum huis bezoek', 'huisbezoek'],
	// deurwaarder
	['Overdracht deurwaarder', 'deurwaarder'],
	['Datum overdracht deurwaarder', 'deurwaarder'],
	['Dossier naar deurwaarder', 'deurwaarder'],
	['Uit handen gegeven aan deurwaarder', 'deurwaarder'],
	['Dt. deurwaarder', 'deurwaarder'],
	['deurwaarder_overdracht', 'deurwaarder'],
	['OverdrachtDeurwaarder', 'deurwaarder'],
	['DEURWAARDER', 'deurwaarder'],
	['Deurwaarder ingeschakeld', 'deurwaarder'],
	['Naar deurwaarder (datum)', 'deurwaarder'],
	// vonnis
	['Vonnis', 'vonnis'],
	['Datum vonnis', 'vonnis'],
	['Vonnisdatum', 'vonnis'],
	['Dt. vonnis', 'vonnis'],
	['Uitspraak kantonrechter', 'vonnis'],
	['Datum uitspraak rechter', 'vonnis'],
	['vonnis_datum', 'vonnis'],
	['VonnisKantonrechter', 'vonnis'],
	['Vonnis ontbinding huurovereenkomst', 'vonnis'],
	['VONNIS GEWEZEN', 'vonnis'],
	// aanzegging
	['Aanzegging', 'aanzegging'],
	['Datum aanzegging', 'aanzegging'],
	['Aanzegging ontruiming', 'aanzegging'],
	['Aanzeggingsdatum', 'aanzegging'],
	['Dt. aanzegging', 'aanzegging'],
	['aanzegging_tot_ontruiming', 'aanzegging'],
	['AanzeggingOntruiming', 'aanzegging'],
	['Ontruiming aangezegd', 'aanzegging'],
	['Betekening aanzegging', 'aanzegging'],
	// ontruiming
	['Ontruiming', 'ontruiming'],
	['Ontruimingsdatum', 'ontruiming'],
	['Datum ontruiming', 'ontruiming'],
	['Dt. ontruiming', 'ontruiming'],
	['Ontruimd op', 'ontruiming'],
	['ontruiming_uitgevoerd', 'ontruiming'],
	['OntruimingDatum', 'ontruiming'],
	['Woning ontruimd', 'ontruiming'],
	['Datum huisuitzetting', 'ontruiming'],
	['Uitzetting', 'ontruiming'],
	// afgesloten
	['Afgesloten', 'afgesloten'],
	['Datum afgesloten', 'afgesloten'],
	['Einddatum', 'afgesloten'],
	['Dossier gesloten', 'afgesloten'],
	['Datum beëindiging', 'afgesloten'],
	['Beëindigd op', 'afgesloten'],
	['Afsluitdatum', 'afgesloten'],
	['Dt. afsluiting', 'afgesloten'],
	['dossier_afgesloten', 'afgesloten'],
	['DossierGesloten', 'afgesloten'],
	['Einde dossier', 'afgesloten'],
	// betalingsregeling
	['Betalingsregeling', 'betalingsregeling'],
	['Datum betalingsregeling', 'betalingsregeling'],
	['Betalingsregeling getroffen', 'betalingsregeling'],
	['Betaalregeling', 'betalingsregeling'],
	['Dt. betalingsregeling', 'betalingsregeling'],
	['betalingsregeling_afgesproken', 'betalingsregeling'],
	['BetalingsRegelingDatum', 'betalingsregeling'],
	['Afbetalingsregeling', 'betalingsregeling'],
	['Start betalingsregeling', 'betalingsregeling'],
	['BETALINGSREGELING (DT)', 'betalingsregeling'],
	// plan_van_aanpak
	['Plan van aanpak', 'plan_van_aanpak'],
	['Datum plan van aanpak', 'plan_van_aanpak'],
	['PvA', 'plan_van_aanpak'],
	['Dt. PvA', 'plan_van_aanpak'],
	['plan_van_aanpak_vastgesteld', 'plan_van_aanpak'],
	['PlanVanAanpak', 'plan_van_aanpak'],
	['PvA opgesteld', 'plan_van_aanpak'],
	['Gezamenlijk plan van aanpak', 'plan_van_aanpak'],
	['Plan v. aanpak', 'plan_van_aanpak'],
	// the other steps
	['Datum contact', 'contact'],
	['Eerste contact huurder', 'contact'],
	['Contact gelegd', 'contact'],
	['Telefonisch contact', 'contact'],
	['Afstemming SWT', 'afstemming_swt'],
	['Overleg Sociaal Wijkteam', 'afstemming_swt'],
	['Afstemming wijkteam', 'afstemming_swt'],
	['Melding SWT', 'melding_swt'],
	['Verwijzing sociaal wijkteam', 'melding_swt'],
	['Aanmelding wijkteam', 'melding_swt'],
	['Uitnodiging SDV', 'uitnodiging_sdv'],
	['Uitnodigingsbrief schuldhulp', 'uitnodiging_sdv'],
	['Intake SDV', 'intake_sdv'],
	['Intakegesprek schuldhulp', 'intake_sdv'],
	['Terugkoppeling', 'terugkoppeling'],
	['Datum terugkoppeling', 'terugkoppeling'],
	['Start budgetbeheer', 'budgetbeheer'],
	['Budgetbeheer gestart', 'budgetbeheer'],
	['Start schuldhulptraject', 'schuldhulptraject'],
	['Schuldhulptraject gestart', 'schuldhulptraject'],
	['Dagvaarding', 'dagvaarding'],
	['Datum dagvaarding', 'dagvaarding'],
	['Dagvaarding betekend', 'dagvaarding']
];

/** The date cells of each one-column export: every notation, an impossible date first, an empty cell. */
const DATE_CELLS = [
	'31-02-2015',
	'2015-03-01',
	'01-04-2015',
	'',
	'1-5-2015',
	'01/06/2015',
	'2015-07-14'
];

type Outcome = 'goed' | 'open' | 'fout' | 'stil';
const outcomes = new Map<string, { outcome: Outcome; suggested: string }>();
/** The suggestion for one header alone: placed right, left open (and said), placed wrongly, or dropped silently. */
function outcomeOf(header: string, truth: string): { outcome: Outcome; suggested: string } {
	const hit = outcomes.get(header);
	if (hit) return hit;
	const out = suggestProfile({
		fileName: 'export.csv',
		header: [header],
		rows: DATE_CELLS.map((d) => [d])
	}) as unknown as Suggestion;
	const p = out.profiel;
	const placed = p.vorm === 'breed' ? p.gebeurtenissen.filter((e) => same(e.kolom, header)) : [];
	const codes = placed.map((e) => e.gebeurtenis);
	const result: { outcome: Outcome; suggested: string } =
		codes.length === 0
			? { outcome: quoted(out.open, header) ? 'open' : 'stil', suggested: 'open' }
			: { outcome: codes.every((c) => c === truth) ? 'goed' : 'fout', suggested: codes.join(', ') };
	outcomes.set(header, result);
	return result;
}

describe('held-out header spellings, each alone as a one-column wide export', () => {
	it('the table has at least 120 spellings, 8 or more for each main step, none twice', () => {
		expect(SPELLINGS.length).toBeGreaterThanOrEqual(120);
		expect(new Set(SPELLINGS.map(([h]) => normalizeCode(h))).size).toBe(SPELLINGS.length);
		const main = [
			'achterstand_1m',
			'achterstand_2m',
			'achterstand_3m',
			'melding_sdv',
			'huisbezoek',
			'deurwaarder',
			'vonnis',
			'aanzegging',
			'ontruiming',
			'afgesloten',
			'betalingsregeling',
			'plan_van_aanpak'
		];
		for (const code of main)
			expect(SPELLINGS.filter(([, c]) => c === code).length, code).toBeGreaterThanOrEqual(8);
	});

	it.each(SPELLINGS)('‘%s’ (%s): placed right or left open, never wrong', (header, truth) => {
		const { outcome, suggested } = outcomeOf(header, truth);
		expect(outcome, `kolom ‘${header}’: voorgesteld ${suggested}, waarheid ${truth}`).toMatch(
			/^(goed|open)$/
		);
	});

	it('places at least 90 % of the spellings right and none wrongly (counts printed)', () => {
		const all = SPELLINGS.map(([header, truth]) => ({
			header,
			truth,
			...outcomeOf(header, truth)
		}));
		const count = (o: Outcome) => all.filter((a) => a.outcome === o).length;
		console.log(
			`held-out kopjes: ${all.length}; goed geplaatst ${count('goed')}, open gelaten ${count('open')}, fout geplaatst ${count('fout')}, stil weggelaten ${count('stil')}`
		);
		const wrong = all
			.filter((a) => a.outcome === 'fout')
			.map((a) => `‘${a.header}’: voorgesteld ${a.suggested}, waarheid ${a.truth}`);
		const notPlaced = all
			.filter((a) => a.outcome !== 'goed')
			.map((a) => `‘${a.header}’ (${a.truth}): ${a.outcome}`);
		expect(wrong, 'fout geplaatst').toEqual([]);
		expect(
			count('goed') / all.length,
			`goed geplaatst ${count('goed')} van ${all.length}; niet: ${notPlaced.join('; ')}`
		).toBeGreaterThanOrEqual(0.9);
	});
});
