/**
 * `npm run evaluate`: the command-line evaluator of evaluate-contract.md. It runs the same import
 * and metric modules as the dashboard, on the same DuckDB-WASM engine.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TARGET_GROUPS, normalizeCode } from '../lib/domain/codes';
import { exchangeCsv } from '../lib/import/exchange-csv';
import { importSources, reportOf, type SourceFile } from '../lib/import/pipeline';
import {
	importNative,
	importNativePieces,
	PIECE_BYTES,
	type Declined,
	type PiecewiseFile
} from '../lib/db/native-import';
import { keyUse, needsKey, parseProfile, type SourceProfile } from '../lib/import/profiles/format';
import { completeness, type Completeness } from '../lib/import/completeness';
import { keyFingerprint, keyProblem, normalizeKey } from '../lib/import/profiles/pseudonym';
import { nodePseudonymiser } from '../lib/import/profiles/pseudonym-node';
import type { ImportReport, InputFile } from '../lib/import/types';
import { buildDocument, type EvaluationDocument } from '../lib/metrics/document';
import { computeSelection, computeTrend, type SelectionFigures } from '../lib/metrics/dashboard';
import { evaluate } from '../lib/metrics/evaluate';
import { applyDefaults, dataExtent, selectionToQuery } from '../lib/metrics/selection';
import type { DataExtent, Selection } from '../lib/metrics/types';
import { deriveFirst, deriveLeadTimes, loadData } from '../lib/metrics/load';
import { letterToDocx } from '../lib/report/docx';
import { figuresCsv } from '../lib/report/exports';
import { boundBlocks } from '../lib/report/blocks';
import { draftLetterFor, letterToText } from '../lib/report/letter';
import { displayFigureTable, type Mode } from '../lib/report/publication';
import {
	corporationColumn,
	protectFigures,
	publishedBlocks,
	publishedBreakdown,
	type Protection
} from '../lib/report/protected-figures';
import { printReportPdf } from './print-report';
import { runSuggestions, wantsSuggestions } from './voorstel';
import { missingRequiredSteps } from '../lib/import/profiles/required-steps';
import { figureTable, figureTableMarkdown } from '../lib/report/figure-table';
import { todayInAmsterdam, isIsoDate } from '../lib/domain/dates';
import { gemeentecode } from '../lib/domain/gemeenten';
import { computeKeten } from '../lib/metrics/keten';
import type { Blocks } from '../lib/metrics/blocks';
import {
	DELIVERY_KINDS,
	kindOf,
	type DeliveryKind,
	type DeliveryReport,
	type LoadedDelivery
} from '../lib/sources/registry';
import type { Database } from '../lib/db/database';
import { decodeUtf8 } from '../lib/import/decode';
import { isCapacityError } from '../lib/import/failure';
import { commandLineSizeRefusal, importLimit, nativeImportLimit } from '../lib/import/size-limit';
import {
	EngineProblem,
	isParquet,
	machineMemory,
	openEngine,
	parquetRows,
	readParquetInput,
	readParquetPieces,
	takeEngine,
	writeParquet,
	type Engine
} from './engine';

/** What `--help` prints: the synopsis of evaluate-contract.md and what each option does. */
const USAGE = `Gebruik: npm run evaluate -- --dossiers BESTAND --gebeurtenissen BESTAND \\
    --van JJJJ-MM-DD --tot JJJJ-MM-DD \\
    [--corporatie LABEL]... [--doelgroep CODE]... [--wijk LABEL]... \\
    [--peildatum JJJJ-MM-DD] [--format json|csv|md|docx|pdf|uitwisselformaat|parquet] [--out BESTAND] \\
    [--publicatie] [--ddas BESTAND]... [--gemeente CODE]... [--engine wasm|native]
     of: npm run evaluate -- --ddas BESTAND [--ddas BESTAND]... [--gemeente CODE]... \\
    [--sleutel-bestand BESTAND] --van JJJJ-MM-DD --tot JJJJ-MM-DD [--out BESTAND]

Berekent de cijfers van Artikel 4 voor een selectie, met dezelfde definities als het dashboard;
met --ddas ook de cijfers van de vroegsignalering en de schuldhulpverlening (blokken
"vroegsignalering" en "schuldhulpverlening" in de JSON).

  --dossiers BESTAND        dossiersbestand (.csv, .xlsx of .parquet); herhaal voor meer partijen
  --gebeurtenissen BESTAND  gebeurtenissenbestand; herhaal voor meer partijen
  --profiel BESTAND         bronprofiel van een eigen export (source-profiles.md), met --bron
  --bron BESTAND            export van een partij die met een --profiel wordt gelezen
  --sleutel-bestand BESTAND sleutel van de werkgroep: pseudonimiseert persoonsgegevens in
                            bronnen en maakt met --ddas de adressleutels (adressen zelf niet
                            bewaard)
  --voorstel --bron BESTAND stel een bronprofiel voor (meer: --voorstel --help)
  --van JJJJ-MM-DD          eerste dag van de periode (telt mee)
  --tot JJJJ-MM-DD          dag na de laatste dag (telt niet mee): het tweede halfjaar 2016
                            is --van 2016-07-01 --tot 2017-01-01
  --corporatie LABEL        alleen deze corporatie(s); standaard alle in de gegevens
  --doelgroep CODE          gezin_met_kinderen, senior, oggz of overig; standaard de drie
                            prioritaire doelgroepen (zonder overig)
  --wijk LABEL              alleen deze wijk(en); standaard geen filter
  --peildatum JJJJ-MM-DD    voor open dossiers boven de norm; standaard de laatste datum
  --format FORMAAT          json (standaard), csv, md, docx, pdf, uitwisselformaat of parquet
                            (de laatste vier vragen --out; uitwisselformaat en parquet: een map
                            met dossiers en gebeurtenissen)
  --out BESTAND             schrijf naar een bestand in plaats van naar standaarduitvoer
  --publicatie              publicatieversie: kleine aantallen afgeschermd (JSON blijft exact)
  --ddas BESTAND            DDAS-levering vroegsignalering of schuldhulpverlening (.json;
                            de soort volgt uit de inhoud); herhaal voor meer leveringen.
                            Zonder --gebeurtenissen: alleen die blokken, als JSON
  --gemeente CODE           alleen deze gemeente(n) in de vroegsignalering en de
                            schuldhulpverlening (392, 0392 of GM0392); standaard alle
                            gemeenten in de leveringen
  --engine wasm|native      wasm (standaard): dezelfde DuckDB als het dashboard; native: DuckDB
                            op deze computer met alle kernen, dezelfde SQL, voor grote bestanden;
                            leest CSV-uitwisselbestanden tot wat het werkgeheugen toelaat
                            (ongeveer een vijfentwintigste ervan, hoogstens 2 GB), niet tot de
                            160 MB van het dashboard
  --help, -h                deze uitleg

Exitcode 0 bij succes; 2 met één regel op standaardfout bij onbruikbare argumenten of een
bestand dat helemaal geweigerd is.
`;

/** An error that ends the program with exit status 2 and one line on standard error. */
class UsageError extends Error {}

const FORMATS = ['json', 'csv', 'md', 'docx', 'pdf', 'uitwisselformaat', 'parquet'] as const;
/** Formats that are files, not text: they need --out. */
const BINARY_FORMATS: readonly Format[] = ['docx', 'pdf', 'uitwisselformaat', 'parquet'];
/** Formats that hold the drafted letter. */
const LETTER_FORMATS: readonly Format[] = ['md', 'docx'];
type Format = (typeof FORMATS)[number];

/** Source files with the profile file given last before each. */
interface SourceArgument {
	profile: string;
	path: string;
}

interface Arguments {
	dossiers: string[];
	gebeurtenissen: string[];
	sources: SourceArgument[];
	keyFile?: string;
	ddas: string[];
	gemeenten?: string[];
	van: string;
	tot: string;
	corporaties?: string[];
	doelgroepen?: string[];
	wijken?: string[];
	peildatum?: string;
	format: Format;
	out?: string;
	publicatie: boolean;
}

function parseArguments(argv: string[]): Arguments | 'help' {
	let values;
	let tokens;
	try {
		({ values, tokens } = parseArgs({
			tokens: true,
			args: argv,
			options: {
				dossiers: { type: 'string', multiple: true },
				gebeurtenissen: { type: 'string', multiple: true },
				profiel: { type: 'string', multiple: true },
				bron: { type: 'string', multiple: true },
				'sleutel-bestand': { type: 'string' },
				ddas: { type: 'string', multiple: true },
				gemeente: { type: 'string', multiple: true },
				van: { type: 'string' },
				tot: { type: 'string' },
				corporatie: { type: 'string', multiple: true },
				doelgroep: { type: 'string', multiple: true },
				wijk: { type: 'string', multiple: true },
				peildatum: { type: 'string' },
				format: { type: 'string', default: 'json' },
				out: { type: 'string' },
				publicatie: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		throw new UsageError(`ongeldige argumenten: ${argumentProblem(error)}`);
	}
	if (values.help) return 'help';
	const date = (name: string, value: string | undefined, required: boolean) => {
		if (value === undefined) {
			if (required) throw new UsageError(`--${name} ontbreekt (JJJJ-MM-DD)`);
			return undefined;
		}
		if (!isIsoDate(value))
			throw new UsageError(`--${name} ${value} is geen geldige datum (JJJJ-MM-DD)`);
		return value;
	};
	// Each --bron is read with the last --profiel given before it.
	const sources: SourceArgument[] = [];
	let profile: string | null = null;
	for (const token of tokens ?? []) {
		if (token.kind !== 'option') continue;
		if (token.name === 'profiel') profile = token.value ?? null;
		else if (token.name === 'bron') {
			if (profile === null)
				throw new UsageError(
					`--bron ${token.value} staat vóór elke --profiel; geef eerst --profiel PROFIEL`
				);
			sources.push({ profile, path: token.value ?? '' });
		}
	}
	if (!(FORMATS as readonly string[]).includes(values.format ?? '')) {
		throw new UsageError(
			`--format ${values.format} is onbekend (json, csv, md, docx, pdf, uitwisselformaat of parquet)`
		);
	}
	// The exchange files need no period: --van and --tot only for the figures.
	const exchange = values.format === 'uitwisselformaat' || values.format === 'parquet';
	const van = (date('van', values.van, !exchange) ?? '') as string;
	const tot = (date('tot', values.tot, !exchange) ?? '') as string;
	if (!exchange && van >= tot) throw new UsageError(`--van ${van} moet vóór --tot ${tot} liggen`);
	// With only --ddas the program prints the vroegsignalering block alone, as JSON.
	const ddasOnly = !values.gebeurtenissen?.length && sources.length === 0;
	if (ddasOnly && !values.ddas?.length)
		throw new UsageError(
			'--gebeurtenissen ontbreekt (of --profiel PROFIEL --bron BESTAND, of --ddas BESTAND voor alleen de DDAS-leveringen)'
		);
	if (ddasOnly && values.dossiers?.length)
		throw new UsageError('--dossiers vraagt ook --gebeurtenissen');
	if (ddasOnly && values.format !== 'json')
		throw new UsageError(
			`--format ${values.format} vraagt --gebeurtenissen; met alleen --ddas: json`
		);
	if (exchange && values.ddas?.length)
		throw new UsageError(
			`--format ${values.format} schrijft alleen de dossiers en gebeurtenissen, geen --ddas`
		);
	const gemeenten = values.gemeente?.map((code) => {
		const normal = gemeentecode(code);
		if (normal === null)
			throw new UsageError(`--gemeente ${code} is geen gemeentecode (vier cijfers, bijv. 0392)`);
		return normal;
	});
	if (gemeenten && !values.ddas?.length)
		throw new UsageError('--gemeente vraagt ook --ddas BESTAND');
	const both = (values.dossiers ?? []).filter((f) =>
		(values.gebeurtenissen ?? []).some((g) => resolve(g) === resolve(f))
	);
	if (both.length > 0) {
		throw new UsageError(
			`${both[0]} is opgegeven als --dossiers én als --gebeurtenissen; geef elk bestand één keer op, bij de soort die het is`
		);
	}
	if (values.format === 'pdf' && sources.length > 0)
		throw new UsageError('--format pdf leest alleen --dossiers en --gebeurtenissen, geen --bron');
	if (BINARY_FORMATS.includes(values.format as Format) && !values.out) {
		throw new UsageError(
			exchange
				? `--format ${values.format} schrijft twee bestanden: geef --out MAP`
				: `--format ${values.format} schrijft een bestand: geef --out BESTAND`
		);
	}
	const doelgroepen = values.doelgroep?.map(normalizeCode);
	for (const group of doelgroepen ?? []) {
		if (!(TARGET_GROUPS as readonly string[]).includes(group)) {
			throw new UsageError(`--doelgroep ${group} is onbekend (${TARGET_GROUPS.join(', ')})`);
		}
	}
	return {
		dossiers: values.dossiers ?? [],
		gebeurtenissen: values.gebeurtenissen ?? [],
		sources,
		keyFile: values['sleutel-bestand'],
		ddas: values.ddas ?? [],
		gemeenten: gemeenten && [...new Set(gemeenten)],
		van,
		tot,
		corporaties: values.corporatie,
		doelgroepen,
		wijken: values.wijk,
		peildatum: date('peildatum', values.peildatum, false),
		format: values.format as Format,
		out: values.out,
		publicatie: values.publicatie ?? false
	};
}

/** What node's parseArgs objects to, in Dutch (its own text is English). */
function argumentProblem(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	const named = /'(-[^' ]*)/.exec((error as Error).message ?? '')?.[1];
	switch (code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `onbekende optie ${named ?? ''} (zie --help)`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return `${named ?? 'een optie'} vraagt een waarde (zie --help)`;
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return 'een waarde zonder optie ervoor (zie --help)';
		default:
			return 'zie --help';
	}
}

/** A file system error in Dutch: the file named, the system's message left out. */
function fileProblem(path: string, error: unknown, writing = false): UsageError {
	const code = (error as NodeJS.ErrnoException).code;
	const why =
		code === 'ENOENT'
			? 'het bestand of de map bestaat niet'
			: code === 'EISDIR'
				? 'dat is een map'
				: code === 'ENOTDIR'
					? 'een deel van het pad is geen map'
					: code === 'EACCES' || code === 'EPERM'
						? 'geen toegang'
						: (code ?? 'onbekende fout');
	return new UsageError(`kan ${path} niet ${writing ? 'schrijven' : 'lezen'}: ${why}`);
}

async function readInput(path: string): Promise<InputFile> {
	try {
		return { name: path, bytes: new Uint8Array(await readFile(path)) };
	} catch (error) {
		throw fileProblem(path, error);
	}
}

/** The byte limit of this process: the page's rule (importLimit) applied to Node's heap. */
function byteLimit(): number {
	return importLimit(getHeapStatistics().heap_size_limit);
}

/** How the exchange files are read: by the engine (`importNative`) or by the JavaScript pipeline. */
type ImportPath = 'native' | 'pipeline';

/**
 * The import path: the engine reads plain CSV exchange files on `--engine native` (where it keeps
 * them out of the JavaScript heap, so the limit is the machine's memory, not the tab's); the
 * pipeline reads profiles, workbooks and Parquet, writes the exchange format and Parquet, and
 * reads everything on the default engine (where the native import is not faster, measured in
 * docs/import-decisions.md). `EVALUATE_IMPORT=native|pipeline` chooses for the tests and the bench.
 */
function importPath(args: Arguments, engine: Engine): ImportPath {
	if (args.format === 'uitwisselformaat' || args.format === 'parquet') return 'pipeline';
	const chosen = process.env.EVALUATE_IMPORT;
	if (chosen === 'native' || chosen === 'pipeline') return chosen;
	// Parquet only on the native engine, where it is read in pieces as CSV text.
	const plain = [...args.dossiers, ...args.gebeurtenissen].every(
		(p) => !/\.xlsx?$/i.test(p) && (engine === 'native' || !isParquet(p))
	);
	return engine === 'native' && args.sources.length === 0 && plain ? 'native' : 'pipeline';
}

/** The machine's memory when the native import reads the case files on native DuckDB (their limit), else null. */
function nativeMemory(path: ImportPath, engine: Engine): number | null {
	return path === 'native' && engine === 'native' ? machineMemory() : null;
}

/** The byte limit of the case files: the machine's for the native import on native DuckDB, else the heap's. */
function caseFileLimit(memory: number | null): number {
	return memory === null ? byteLimit() : nativeImportLimit(memory);
}

/** The sizes of the files in bytes; a missing or unreadable file is a UsageError naming it. */
function sizesOf(paths: string[]): Promise<number[]> {
	return Promise.all(
		paths.map(async (p) => {
			try {
				return (await stat(p)).size;
			} catch (error) {
				throw fileProblem(p, error);
			}
		})
	);
}

/**
 * Stops before reading when the data files together are larger than the limit; never reads them
 * whole to find out. With the native import on native DuckDB the case files are read in pieces
 * (their limit is the machine's disk; see refuseWhole for a file that must be read whole) and the
 * DDAS deliveries (read in JavaScript) have the heap's limit; otherwise all files count together.
 */
async function checkSizes(args: Arguments, memory: number | null): Promise<void> {
	const cases = await sizesOf([
		...args.dossiers,
		...args.gebeurtenissen,
		...args.sources.map((s) => s.path)
	]);
	const deliveries = await sizesOf(args.ddas);
	const refusal =
		memory === null
			? commandLineSizeRefusal([...cases, ...deliveries], byteLimit())
			: commandLineSizeRefusal(deliveries, byteLimit());
	if (refusal) throw new UsageError(refusal);
}

/**
 * When the engine could not read the case files in pieces, they are read whole: refused here, in
 * Dutch with the reason, when they are larger than the machine allows for that.
 */
async function refuseWhole(args: Arguments, memory: number, why: Declined): Promise<void> {
	const sizes = await sizesOf([...args.dossiers, ...args.gebeurtenissen]);
	const refusal = commandLineSizeRefusal(sizes, caseFileLimit(memory), memory);
	if (refusal === null) return;
	throw new UsageError(
		`${why.file}: de evaluator kan dit bestand niet in delen inlezen, want ${why.declined}; in zijn geheel: ${refusal}`
	);
}

/** The case files as the engine reads them in pieces, straight from disk (Parquet as CSV text). */
function inPieces(paths: string[]): PiecewiseFile[] {
	return paths.map((path) => ({
		name: path,
		async *pieces() {
			if (isParquet(path)) {
				yield* readParquetPieces(path, PIECE_BYTES);
				return;
			}
			try {
				for await (const part of createReadStream(path, { highWaterMark: PIECE_BYTES }))
					yield part as Buffer;
			} catch (error) {
				throw fileProblem(path, error);
			}
		}
	}));
}

/**
 * The case files read in pieces by native DuckDB (never whole in this process), or why not: the
 * caller then reads them whole, as before, when the machine allows.
 */
async function piecewiseImport(
	args: Arguments,
	today: string,
	engine: Engine
): Promise<{ db: Database; report: ImportReport } | Declined> {
	const db = await openEngine(engine);
	let outcome: ImportReport | Declined;
	try {
		outcome = await importNativePieces(db, inPieces([...args.dossiers, ...args.gebeurtenissen]), {
			today
		});
	} catch (error) {
		await db.close();
		// Only a full memory or disk is a reason to try the whole file; anything else is said as is.
		if (!outOfRoom(error)) throw error;
		return {
			file: [...args.dossiers, ...args.gebeurtenissen].join(', '),
			declined: 'het geheugen of de schijfruimte voor de rekenmodule raakte op'
		};
	}
	if ('declined' in outcome) {
		await db.close();
		return outcome;
	}
	return { db, report: outcome };
}

/** The query string of the report page for this selection (the page's own URL format). */
function reportQuery(selection: Selection, extent: DataExtent, mode: Mode): URLSearchParams {
	const params = selectionToQuery(selection, extent);
	if (mode === 'publicatie') params.set('modus', 'publicatie');
	return params;
}

/**
 * The output in the requested format: JSON exact; md, csv, docx and pdf in the chosen mode, from
 * the publication's protected cells (`published`: the document as published).
 */
async function render(
	args: Arguments,
	doc: EvaluationDocument,
	published: EvaluationDocument,
	figures: (SelectionFigures & Blocks) | null,
	protection: Protection | null,
	extent: DataExtent,
	complete: Completeness
): Promise<string | Uint8Array> {
	const mode: Mode = args.publicatie ? 'publicatie' : 'intern';
	const generatedOn = todayInAmsterdam();
	const draft = () => {
		if (!figures) throw new Error('de brief heeft de cijfers van de vorige periode nodig');
		return draftLetterFor(figures, mode, protection ?? undefined, complete);
	};
	switch (args.format) {
		case 'json':
			return (
				JSON.stringify(
					args.publicatie ? { ...doc, selectie: { ...doc.selectie, publicatie: true } } : doc,
					null,
					2
				) + '\n'
			);
		case 'csv':
			return figuresCsv(published, mode, generatedOn);
		case 'md':
			return `${letterToText(draft(), mode)}\n### Tabel: alle cijfers per corporatie\n\n${figureTableMarkdown(
				displayFigureTable(figureTable(published), mode)
			)}\n${boundBlocks(published)
				.map((block) => block.markdown(mode))
				.join('')}`;
		case 'docx':
			return letterToDocx(draft(), { mode, generatedOn });
		case 'uitwisselformaat':
		case 'parquet':
			throw new Error(`${args.format} wordt apart geschreven`);
		case 'pdf':
			return printReportPdf({
				files: [...args.dossiers, ...args.gebeurtenissen],
				query: reportQuery(doc.selectie, extent, mode),
				page: 'rapport'
			}).catch(() => {
				// The browser's own text is English: the likely causes instead.
				throw new UsageError(
					'de pdf kon niet worden gemaakt: is de site gebouwd (npm run build) en is Chromium geïnstalleerd?'
				);
			});
	}
}

/** The largest key file read: a passphrase, not a table. */
const MAX_KEY_BYTES = 64 * 1024;

/** Reads and checks a profile file; a wrong one ends the program with its Dutch message. */
async function readProfile(path: string): Promise<SourceProfile> {
	const file = await readInput(path);
	const parsed = parseProfile(new TextDecoder().decode(file.bytes), path);
	if (!parsed.ok) throw new UsageError(parsed.message);
	return parsed.profile;
}

/** The werkgroep key: the first line of the key file, white space at both ends removed. */
async function readKey(path: string | undefined, profiles: readonly SourceProfile[]) {
	const needed = profiles.find(needsKey);
	if (path === undefined) {
		if (needed) {
			throw new UsageError(
				`profiel ‘${needed.naam}’ ${keyUse(needed)}: geef de sleutel van de werkgroep met --sleutel-bestand BESTAND`
			);
		}
		return null;
	}
	// Nothing of the key file is ever quoted: not in this message, nor in any other.
	const bytes = (await readInput(path)).bytes;
	if (bytes.length > MAX_KEY_BYTES)
		throw new UsageError(`${path}: dit is geen sleutelbestand (groter dan ${MAX_KEY_BYTES} bytes)`);
	const text = decodeUtf8(bytes);
	if (text === null)
		throw new UsageError(
			`${path}: het sleutelbestand is geen UTF-8-tekst (Windows-1252 of ANSI?); sla het op als UTF-8, anders geeft dezelfde sleutel andere pseudoniemen`
		);
	const key = normalizeKey(text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)[0] ?? '');
	const problem = keyProblem(key);
	if (problem) throw new UsageError(`${path}: ${problem}`);
	return key;
}

/**
 * The profiles of the sources by path (their missing steps warned about on standard error), then
 * the werkgroep key: for the profiles that pseudonymise and the deliveries' address keys.
 */
async function readProfilesAndKey(
	args: Arguments
): Promise<{ profiles: Map<string, SourceProfile>; key: string | null }> {
	const profilePaths = [...new Set(args.sources.map((s) => s.profile))];
	const profiles = new Map<string, SourceProfile>();
	for (const path of profilePaths) profiles.set(path, await readProfile(path));
	for (const [path, profile] of profiles)
		for (const warning of missingRequiredSteps(profile))
			process.stderr.write(`evaluate: ${path}: ${warning}\n`);
	return { profiles, key: await readKey(args.keyFile, [...profiles.values()]) };
}

/** The inputs in order: --dossiers, --gebeurtenissen, then the sources with their profiles. */
async function readInputs(
	args: Arguments,
	profiles: ReadonlyMap<string, SourceProfile>
): Promise<SourceFile[]> {
	const plain = await Promise.all(
		[...args.dossiers, ...args.gebeurtenissen].map((p) =>
			isParquet(p) ? readParquetInput(p, byteLimit()) : readInput(p)
		)
	);
	const sources = await Promise.all(
		args.sources.map(async (s) => ({
			...(await readInput(s.path)),
			profile: profiles.get(s.profile)!
		}))
	);
	return [...plain, ...sources];
}

/** Stops on a refused file, and on an exchange file given with the wrong option. */
function checkImport(args: Arguments, result: Pick<ImportReport, 'refused' | 'files'>): void {
	const refused = result.refused[0];
	if (refused) throw new UsageError(parquetRows(refused.message));
	const given = (paths: string[], name: string) =>
		paths.some((p) => name === p || name.startsWith(`${p} (blad `));
	for (const file of result.files) {
		if (file.profile !== null) continue;
		const asDossiers = given(args.dossiers, file.name);
		if (asDossiers !== (file.role === 'dossiers')) {
			throw new UsageError(
				`${file.name} is ${file.role === 'dossiers' ? 'een dossiersbestand' : 'een gebeurtenissenbestand'}; geef het op met ${file.role === 'dossiers' ? '--dossiers' : '--gebeurtenissen'}`
			);
		}
	}
}

/** The deliveries read, one entry per kind with files, in registry order. */
type Deliveries = { kind: DeliveryKind; read: DeliveryReport }[];

/**
 * Reads the deliveries, each by the kind its content shows, with the address keys when the
 * werkgroep key is given; a file that is no delivery ends the program.
 */
async function readDeliveries(
	args: Arguments,
	today: string,
	key: string | null
): Promise<Deliveries> {
	const files = await Promise.all(args.ddas.map(readInput));
	const pseudonymiser = key === null ? null : nodePseudonymiser(key);
	const deliveries: Deliveries = [];
	// A file no kind claims goes to the first kind's reader, which refuses it with its reason.
	const [first] = DELIVERY_KINDS;
	for (const kind of DELIVERY_KINDS) {
		const own = files.filter((f) => (kindOf(f.bytes) ?? first) === kind);
		if (own.length > 0)
			deliveries.push({ kind, read: await kind.read(own, { today, pseudonymiser }) });
	}
	const refused = deliveries.flatMap((d) => d.read.bestanden).find((f) => f.weigering !== null);
	if (refused) throw new UsageError(refused.weigering!);
	return deliveries;
}

/** Loads the deliveries' tables. */
async function loadDeliveries(db: Database, deliveries: Deliveries): Promise<void> {
	for (const { kind, read } of deliveries) await kind.load(db, kind.toArrow(read));
}

/**
 * Every delivery's block for the arguments' period and gemeenten (by default all gemeenten in its
 * tables), by kind id in registry order; `peildatum` null: each kind's own default.
 */
async function deliveryBlocks(
	db: Database,
	args: Arguments,
	deliveries: Deliveries,
	peildatum: string | null,
	today: string
): Promise<Blocks> {
	// A kind's id is the key of its block (an architecture test holds the registry to BLOCK_IDS).
	const blocks: Record<string, unknown> = {};
	for (const { kind, read } of deliveries) {
		const loaded: LoadedDelivery = await kind.loaded(db, read);
		const gemeenten = args.gemeenten ?? loaded.gemeenten;
		blocks[kind.id] = await kind.document(
			db,
			{ van: args.van, tot: args.tot, gemeenten, peildatum, today },
			loaded
		);
	}
	return blocks as Blocks;
}

/** The JSON of `--ddas` without exchange-format inputs: the period and the blocks alone. */
async function ddasOnlyDocument(
	args: Arguments,
	deliveries: Deliveries,
	today: string,
	engine: Engine
) {
	const db = await openEngine(engine);
	try {
		await loadDeliveries(db, deliveries);
		await db.lock();
		const selectie = {
			van: args.van,
			tot: args.tot,
			...(args.publicatie ? { publicatie: true } : {})
		};
		// No events: without --peildatum each kind takes its own (metrics.md's default).
		return {
			selectie,
			...(await deliveryBlocks(db, args, deliveries, args.peildatum ?? null, today))
		};
	} finally {
		await db.close();
	}
}

/** Writes the output to --out, or to standard output. */
async function writeOutput(args: Arguments, output: string | Uint8Array): Promise<void> {
	if (!args.out) process.stdout.write(output);
	else
		await writeFile(args.out, output).catch((error: unknown) => {
			throw fileProblem(args.out!, error, true);
		});
}

/** Whether an error says the memory or the disk ran out (JavaScript's or native DuckDB's). */
function outOfRoom(error: unknown): boolean {
	return (
		isCapacityError(error) ||
		/Out of Memory|max_temp_directory_size|No space left/i.test(String((error as Error)?.message))
	);
}

/** An error that was not foreseen, in Dutch: what stopped, never the JavaScript text. */
function unexpected(error: unknown): string {
	return outOfRoom(error)
		? 'de evaluatie is gestopt: de invoer is te groot voor het geheugen; er is niets geschreven. Splits de export, bijvoorbeeld per jaar of per corporatie'
		: 'de evaluatie is gestopt door een onverwachte fout; er is niets geschreven. Meld dit aan de beheerder van het dashboard, zo mogelijk met de invoer';
}

/** The engine with the files read into it natively, or null when the pipeline must read them. */
async function nativeImport(
	files: SourceFile[],
	today: string,
	engine: Engine,
	limit: number
): Promise<{ db: Database; report: ImportReport } | null> {
	const db = await openEngine(engine);
	try {
		const report = await importNative(db, files, { today, byteLimit: limit });
		if (report !== null) return { db, report };
	} catch {
		// Whatever stopped the engine's reading, the pipeline reads the files and words any problem.
	}
	await db.close();
	return null;
}

/** Runs the evaluator on the given arguments; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
	if (wantsSuggestions(argv)) return runSuggestions(argv);
	try {
		const { engine, rest } = takeEngine(argv);
		const args = parseArguments(rest);
		if (args === 'help') {
			process.stdout.write(USAGE);
			return 0;
		}
		const today = todayInAmsterdam();
		const path = importPath(args, engine);
		const memory = nativeMemory(path, engine);
		await checkSizes(args, memory);
		const { profiles, key } = await readProfilesAndKey(args);
		const deliveries = await readDeliveries(args, today, key);
		if (args.gebeurtenissen.length === 0 && args.sources.length === 0) {
			await writeOutput(
				args,
				JSON.stringify(await ddasOnlyDocument(args, deliveries, today, engine), null, 2) + '\n'
			);
			return 0;
		}
		let pieces: { db: Database; report: ImportReport } | null = null;
		if (memory !== null) {
			const outcome = await piecewiseImport(args, today, engine);
			if ('declined' in outcome) await refuseWhole(args, memory, outcome);
			else pieces = outcome;
		}
		const files = pieces === null ? await readInputs(args, profiles) : [];
		const native =
			pieces ??
			(path === 'native' ? await nativeImport(files, today, engine, caseFileLimit(memory)) : null);
		const result =
			native === null
				? await importSources(files, {
						today,
						pseudonymiser: key === null ? null : nodePseudonymiser(key),
						byteLimit: byteLimit()
					})
				: null;
		const report = native?.report ?? reportOf(result!);
		try {
			checkImport(args, report);
		} catch (error) {
			await native?.db.close();
			throw error;
		}
		if (result !== null && args.format === 'uitwisselformaat') {
			const dir = args.out!;
			const csv = exchangeCsv(result);
			try {
				await mkdir(dir, { recursive: true });
				await writeFile(join(dir, 'dossiers.csv'), csv.dossiers);
				await writeFile(join(dir, 'gebeurtenissen.csv'), csv.gebeurtenissen);
			} catch (error) {
				throw fileProblem(dir, error, true);
			}
			return 0;
		}
		if (result !== null && args.format === 'parquet') {
			await writeParquet(result, args.out!);
			return 0;
		}
		const db = native?.db ?? (await openEngine(engine));
		try {
			if (result !== null) await loadData(db, result);
			else {
				await deriveFirst(db);
				await deriveLeadTimes(db);
			}
			await loadDeliveries(db, deliveries);
			await db.lock();
			const extent = await dataExtent(db);
			const selection = applyDefaults(
				{
					van: args.van,
					tot: args.tot,
					corporaties: args.corporaties,
					doelgroepen: args.doelgroepen,
					wijken: args.wijken,
					...(args.peildatum ? { peildatum: args.peildatum } : {})
				},
				extent
			);
			// The letter also needs the previous period and the doelgroepen; a publication protects
			// the cells of the report page (with its trend), whatever the format.
			const figures =
				LETTER_FORMATS.includes(args.format) || args.publicatie
					? await computeSelection(db, selection)
					: null;
			const current = figures?.current ?? (await evaluate(db, selection, 'corporatie'));
			// One peildatum for every figure, as on the page: the selection's (the case data's latest
			// event date unless --peildatum is given).
			const blocks = await deliveryBlocks(db, args, deliveries, selection.peildatum ?? null, today);
			const summary = {
				...report.totals,
				...(key === null ? {} : { sleutel_vingerafdruk: await keyFingerprint(key) })
			};
			const keten = await computeKeten(db, selection);
			const all: Blocks = { ...blocks, keten };
			const doc = buildDocument(selection, summary, current, all);
			// The DDAS and chain figures go through the same protected table and into the letter.
			const withBlocks = figures && { ...figures, ...all };
			const protection =
				withBlocks && args.publicatie
					? protectFigures(
							{ ...withBlocks, trend: await computeTrend(db, selection, extent) },
							'publicatie'
						)
					: null;
			const published = protection
				? buildDocument(
						selection,
						summary,
						publishedBreakdown(current, protection, corporationColumn),
						publishedBlocks(all, protection)
					)
				: doc;
			const complete = completeness(
				report,
				new Map(files.flatMap((f) => (f.profile ? [[f.profile.naam, f.profile] as const] : [])))
			);
			await writeOutput(
				args,
				await render(args, doc, published, withBlocks, protection, extent, complete)
			);
		} finally {
			await db.close();
		}
		return 0;
	} catch (error) {
		// Never a JavaScript message or stack: English, and it could quote a file.
		const message =
			error instanceof UsageError || error instanceof EngineProblem
				? error.message
				: unexpected(error);
		process.stderr.write(`evaluate: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
		return 2;
	}
}

process.exitCode = await main(process.argv.slice(2));
