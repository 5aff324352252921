/**
 * Hostile inputs for property tests (tests/unit/import/fuzz.test.ts, a few seconds in CI) and for
 * the long run by hand (`npm run fuzz-inputs`): exchange CSVs, DDAS deliveries and source profiles
 * with their exports, each checked on what docs/import-decisions.md ("Hostile inputs") promises:
 * no throw, an answer within a time proportional to the input, a Dutch refusal or balanced
 * accounting, exports that read back to the same rows, and no echo of a marked value (the key, a
 * value of a pseudonymised column, a client's BSN in a delivery) in any message, report or export.
 */
import fc from 'fast-check';
import { rejectedRowsCsv } from '../../lib/import/rejected-csv';
import { importDdasFiles, type DdasResult } from '../../lib/import/ddas-combine';
import { exchangeCsv } from '../../lib/import/exchange-csv';
import { importSources, type SourceFile } from '../../lib/import/pipeline';
import { parseCsv } from '../../lib/import/parse';
import { parseProfile } from '../../lib/import/profiles/format';
import { nodePseudonymiser } from '../../lib/import/profiles/pseudonym-node';
import type { ImportResult } from '../../lib/import/types';

const encoder = new TextEncoder();
const TODAY = '2026-01-01';

/** The time an input may take: a base plus a share per KB, generous (the machine is shared). */
export function timeBound(bytes: number): number {
	return 3_000 + (bytes / 1024) * 40;
}

/** Text that would be JavaScript's own (English) in a message meant for a person. */
const JS_TEXT =
	/\b(?:Error|undefined|NaN|null is|Cannot read|is not a function|Unexpected token|\[object )|at \S+:\d+:\d+/;

/** A problem found in one input, as a sentence for the report. */
export class Finding extends Error {}

function check(ok: boolean, what: string): void {
	if (!ok) throw new Finding(what);
}

/** Every person-facing text of an import result: messages, reasons, values shown, exports. */
function everything(result: ImportResult): string {
	const csv = exchangeCsv(result);
	return [
		JSON.stringify(result),
		csv.dossiers,
		csv.gebeurtenissen,
		...result.files.map((f) => rejectedRowsCsv(f))
	].join('\n');
}

/**
 * Known and not this module's: the personal-data guard (personal-data.ts) can take a 32-hex
 * pseudonym holding `06` + 8 digits for a phone number, so the export of a pseudonymised load is
 * refused on reading back. Counted here and reported by the long run, not failed on.
 */
export const known = { pseudonymAsPersonalData: 0 };

/** True when reading back was refused only because a column of pseudonyms looked like personal data. */
function pseudonymFlagged(back: ImportResult, result: ImportResult): boolean {
	return (
		back.refused.every((r) => r.code === 'persoonsgegevens') &&
		back.refused.every((r) => r.personalData.every((f) => f.column === 'dossier_id')) &&
		result.dossiers.every((d) => /^[0-9a-f]{32}$/.test(d.dossier_id))
	);
}

/** The checks every import result passes: Dutch refusals, balanced counts, exports that read back. */
async function checkResult(result: ImportResult, names: readonly string[]): Promise<void> {
	for (const r of result.refused) {
		check(r.message.startsWith(r.name), `refusal does not name its file: ${r.message}`);
		check(!JS_TEXT.test(r.message), `refusal with JavaScript text: ${r.message}`);
		check(names.includes(r.name), `refusal of an unknown file: ${r.name}`);
	}
	for (const f of result.files) {
		const c = f.counts;
		check(
			c.gelezen === c.geaccepteerd + c.dubbel + c.geweigerd + c.overgeslagen,
			`${f.name} (${f.role}): gelezen ${c.gelezen} ≠ ${c.geaccepteerd} + ${c.dubbel} + ${c.geweigerd} + ${c.overgeslagen}`
		);
		check(f.rejected.length === c.geweigerd, `${f.name}: rejected list ≠ geweigerd`);
		for (const issue of [...f.rejected, ...f.warnings]) {
			check(
				issue.message.startsWith(`${issue.file}, regel ${issue.line}`),
				`row message without file and line: ${issue.message}`
			);
			check(!JS_TEXT.test(issue.message), `row message with JavaScript text: ${issue.message}`);
		}
	}
	if (result.dossiers.length === 0) return;
	// The exchange export, read back as exchange files, gives the same rows.
	const csv = exchangeCsv(result);
	const back = await importSources(
		[
			{ name: 'dossiers.csv', bytes: encoder.encode(csv.dossiers) },
			{ name: 'gebeurtenissen.csv', bytes: encoder.encode(csv.gebeurtenissen) }
		],
		{ today: TODAY }
	);
	if (back.refused.length > 0 && pseudonymFlagged(back, result)) {
		known.pseudonymAsPersonalData++;
		return;
	}
	check(back.refused.length === 0, `export refused on reading back: ${back.refused[0]?.message}`);
	check(
		JSON.stringify(back.dossiers) === JSON.stringify(result.dossiers),
		'exported dossiers read back differently'
	);
	check(
		JSON.stringify(back.events) === JSON.stringify(result.events),
		'exported events read back differently'
	);
}

/** Runs an import with a time bound; a throw or a slow answer is a finding. */
async function timed<T>(bytes: number, run: () => T | Promise<T>): Promise<T> {
	const start = performance.now();
	let out: T;
	try {
		out = await run();
	} catch (error) {
		if (error instanceof Finding) throw error;
		throw new Finding(`threw: ${error instanceof Error ? error.stack : String(error)}`);
	}
	const ms = performance.now() - start;
	check(ms <= timeBound(bytes), `took ${Math.round(ms)} ms for ${bytes} bytes`);
	return out;
}

// ---------------------------------------------------------------- exchange CSV

const CELLS = [
	'D1',
	'D2',
	'd-3',
	'-7',
	'',
	' ',
	'"',
	'""',
	'"x',
	'x"',
	',',
	';',
	'\t',
	'=SUM(A1)',
	'+31',
	'-Zuid',
	'@x',
	"'=x",
	"''-y",
	'2015-03-01',
	'01-03-2015',
	'31-02-2015',
	'2099-01-01',
	'achterstand_1m',
	'aanzegging',
	'vonnis',
	'ontruiming',
	'afgesloten',
	'huurachterstand',
	'opgelost',
	'senior',
	'oggz',
	'Ymere',
	'Pré Wonen',
	'Noord',
	'x"y',
	'é€',
	'\u00a0',
	'a\nb',
	'\r'
];
const HEADERS = [
	['dossier_id', 'corporatie', 'doelgroep', 'wijk'],
	['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst'],
	['dossier_id', 'datum', 'gebeurtenis', 'corporatie', 'doelgroep', 'wijk', 'reden', 'uitkomst']
];

/** A field as a careless or hostile writer writes it: quoted, half quoted or bare. */
const field = fc
	.tuple(fc.constantFrom(...CELLS), fc.constantFrom('bare', 'bare', 'quoted', 'open', 'after'))
	.map(([value, how]) => {
		switch (how) {
			case 'quoted':
				return `"${value.replace(/"/g, '""')}"`;
			case 'open':
				return `"${value}`;
			case 'after':
				return `"${value}" x`;
			default:
				return value;
		}
	});

/** One line: some fields joined by the delimiter, sometimes another delimiter. */
const line = (delimiter: string) =>
	fc
		.tuple(
			fc.array(field, { minLength: 0, maxLength: 10 }),
			fc.constantFrom(delimiter, delimiter, delimiter, ',', ';')
		)
		.map(([fields, d]) => fields.join(d));

/** A file: a header (known or hostile), lines, a line ending, maybe a BOM, maybe a block repeated. */
const csvText = fc
	.tuple(
		fc.oneof(
			fc.constantFrom(...HEADERS).map((h) => h.join(',')),
			fc
				.array(fc.constantFrom(...CELLS, 'dossier_id', 'datum'), { maxLength: 6 })
				.map((h) => h.join(','))
		),
		fc.array(line(','), { maxLength: 25 }),
		fc.constantFrom('\n', '\r\n', '\r'),
		fc.boolean(),
		fc.integer({ min: 1, max: 200 }),
		fc.boolean()
	)
	.map(([header, lines, eol, bom, times, repeat]) => {
		const body = lines.join(eol);
		return (bom ? '\uFEFF' : '') + header + eol + (repeat ? (body + eol).repeat(times) : body);
	});

/** A dossiers file and an events or combined file, both hostile. */
export const exchangeInput = fc.record({ dossiers: csvText, events: csvText });

/** The checks of an exchange input. */
export async function checkExchange(input: { dossiers: string; events: string }): Promise<void> {
	const files: SourceFile[] = [
		{ name: 'dossiers.csv', bytes: encoder.encode(input.dossiers) },
		{ name: 'gebeurtenissen.csv', bytes: encoder.encode(input.events) }
	];
	const size = files.reduce((n, f) => n + f.bytes.length, 0);
	const result = await timed(size, () => importSources(files, { today: TODAY }));
	await checkResult(
		result,
		files.map((f) => f.name)
	);
}

// ---------------------------------------------------------------- DDAS deliveries

/** A client's BSN: never read, so it may appear in no message. */
const BSN = '999990019';

const ddasValue = fc.constantFrom<unknown>(
	null,
	'',
	'x',
	0,
	-1,
	1e308,
	true,
	[],
	{},
	'2025-03-01',
	'2025-02-30',
	'2031-01-01',
	'1999-12-31',
	'Huur',
	'Zorgverzekeraar',
	'Inwoner wil geen hulp',
	'=cmd',
	'0392',
	'GM0363',
	'392',
	'12345'
);
const ddasSignal = fc.record(
	{
		ID: fc.oneof(fc.constantFrom('S1', 'S2', 'S3', 's1', ' S1 ', ''), ddasValue),
		signaaldatum: ddasValue,
		bedrag: ddasValue,
		signaalpartner: fc.oneof(fc.record({ type: ddasValue }), ddasValue),
		client: fc.constant({ burgerservicenummer: BSN, naam: `Client ${BSN}` })
	},
	{ requiredKeys: [] }
);
const ddasCase = fc.record(
	{
		resultaat: ddasValue,
		datumOpgepakt: ddasValue,
		vroegsignalen: fc.oneof(
			fc.array(
				fc.oneof(fc.record({ ID: fc.constantFrom('S1', 'S2', 'S3', 'S9', '') }), ddasValue),
				{ maxLength: 4 }
			),
			ddasValue
		),
		contactpogingen: fc.oneof(
			fc.array(fc.record({ soort: ddasValue, bereikt: ddasValue, datum: ddasValue }), {
				maxLength: 3
			}),
			ddasValue
		)
	},
	{ requiredKeys: [] }
);
const levering = fc.record(
	{
		gemeentecode: ddasValue,
		vroegsignalen: fc.oneof(fc.array(ddasSignal, { maxLength: 8 }), ddasValue),
		vroegsignaalzaken: fc.oneof(fc.array(ddasCase, { maxLength: 8 }), ddasValue)
	},
	{ requiredKeys: [] }
);
/** A delivery's text: a shaped object, repeated cases for size, and sometimes cut or spliced. */
const deliveryText = fc
	.tuple(
		fc.record(
			{
				aanleverdatumEnTijd: fc.oneof(fc.constant('2025-07-01T10:00:00Z'), ddasValue),
				leveringen: fc.oneof(fc.array(levering, { maxLength: 3 }), ddasValue)
			},
			{ requiredKeys: [] }
		),
		fc.integer({ min: 0, max: 2_000 }),
		fc.option(fc.tuple(fc.nat(), fc.constantFrom('', '"', '{', ']', ',', '\u0000', 'x')), {
			freq: 4
		})
	)
	.map(([root, repeat, cut]) => {
		const object = root as { leveringen?: unknown };
		if (repeat > 0 && Array.isArray(object.leveringen) && object.leveringen.length > 0) {
			const first = object.leveringen[0] as Record<string, unknown>;
			first.vroegsignaalzaken = Array.from({ length: repeat }, (_, i) => ({
				resultaat: 'x',
				vroegsignalen: i % 2 ? [] : [{ ID: `X${i}` }]
			}));
		}
		const text = JSON.stringify(root);
		if (cut === null) return text;
		const at = cut[0] % (text.length + 1);
		return text.slice(0, at) + cut[1] + text.slice(at + 1);
	});

/** One or two deliveries. */
export const ddasInput = fc.array(deliveryText, { minLength: 1, maxLength: 2 });

/** The checks of DDAS deliveries: no throw, in time, refused or balanced, the client's BSN nowhere. */
export async function checkDdas(texts: readonly string[]): Promise<void> {
	const files = texts.map((t, i) => ({ name: `levering-${i + 1}.json`, bytes: encoder.encode(t) }));
	const size = files.reduce((n, f) => n + f.bytes.length, 0);
	const result: DdasResult = await timed(size, () => importDdasFiles(files, { today: TODAY }));
	for (const f of result.bestanden) {
		if (f.weigering !== null) {
			check(f.weigering.startsWith(f.bestand), `refusal does not name its file: ${f.weigering}`);
			check(!JS_TEXT.test(f.weigering), `refusal with JavaScript text: ${f.weigering}`);
			continue;
		}
		for (const part of [f.signalen, f.zaken]) {
			check(
				part.gelezen === part.geaccepteerd + part.vervangen + part.geweigerd,
				`${f.bestand}: gelezen ${part.gelezen} ≠ ${part.geaccepteerd} + ${part.vervangen} + ${part.geweigerd}`
			);
		}
	}
	for (const m of result.meldingen)
		check(!JS_TEXT.test(m.reden), `melding with JavaScript text: ${m.reden}`);
	check(!JSON.stringify(result).includes(BSN), 'a client BSN reached the result');
}

// ---------------------------------------------------------------- source profiles

const SOURCE_COLUMNS = [
	'Contract',
	'Datum',
	'Activiteit',
	'Wijk',
	'Type',
	'Signaal',
	'Vonnis',
	'Afloop'
];

/** A profile over the source columns (sometimes reusing the id column), and the export it reads. */
const profileInput = fc
	.record({
		vorm: fc.constantFrom('lang', 'breed'),
		pseudonymise: fc.boolean(),
		reuse: fc.option(fc.constantFrom('wijk', 'datum', 'gebeurtenis', 'doelgroep', 'event'), {
			freq: 5
		}),
		events: fc.array(fc.constantFrom('Signaal', 'Vonnis', 'Datum'), { minLength: 1, maxLength: 4 }),
		key: fc.stringMatching(/^[A-Za-z0-9]{10,24}$/).map((s) => `Sleutel§${s}`),
		ids: fc.array(fc.integer({ min: 100_000, max: 999_999 }), { minLength: 1, maxLength: 6 }),
		rows: fc.array(
			fc.tuple(fc.nat(), fc.array(field, { minLength: 0, maxLength: 9 }), fc.boolean()),
			{ maxLength: 30 }
		),
		header: fc.oneof(
			fc.constant(SOURCE_COLUMNS),
			fc.shuffledSubarray(SOURCE_COLUMNS, { minLength: 1 }),
			fc.constant([...SOURCE_COLUMNS, '"Opmerking'])
		),
		eol: fc.constantFrom('\n', '\r\n')
	})
	.map((g) => {
		const id = 'Contract';
		const spec = (column: string, reuse: boolean) => ({ kolom: reuse ? id : column });
		const profile: Record<string, unknown> = {
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'Fuzz',
			vorm: g.vorm,
			dossier_id: { kolommen: [id], pseudonimiseren: g.pseudonymise },
			corporatie: { waarde: 'Ymere' },
			doelgroep: g.reuse === 'doelgroep' ? { kolom: id } : { kolom: 'Type', anders: 'overig' },
			wijk: spec('Wijk', g.reuse === 'wijk')
		};
		if (g.vorm === 'breed') {
			profile.gebeurtenissen = g.events.map((column, i) => ({
				gebeurtenis: ['achterstand_1m', 'vonnis', 'aanzegging', 'afgesloten'][i]!,
				kolom: g.reuse === 'event' && i === 0 ? id : column
			}));
		} else {
			profile.datum = spec('Datum', g.reuse === 'datum');
			profile.gebeurtenis = {
				...spec('Activiteit', g.reuse === 'gebeurtenis'),
				waarden: { Notitie: null, Melding: 'melding_sdv' }
			};
		}
		// The contract numbers stand in the id column only; each is a marked value when pseudonymised.
		const marks = g.ids.map((n) => `PII${n}`);
		const idAt = g.header.indexOf(id);
		const lines = g.rows.map(([pick, fields, quote]) => {
			const cells = [...fields];
			if (idAt !== -1) {
				const mark = marks[pick % marks.length]!;
				while (cells.length <= idAt) cells.push('');
				cells[idAt] = quote ? `"${mark}"` : mark;
			}
			return cells.join(',');
		});
		const text = [g.header.join(','), ...lines].join(g.eol) + g.eol;
		return { profile, text, key: g.key, marks: g.pseudonymise ? marks : [] };
	});

export { profileInput };

/**
 * Of the contract numbers the generator wrote, those the product must never show: each that the
 * reader finds in the id column, and each on a line the reader sees as broken (malformed, too
 * wide, without an id, or a value over lines). A number that a well-formed line puts under another
 * column (a quoted comma earlier in the line) is, as read, not a value of the pseudonymised column.
 */
function protectedValues(text: string, candidates: readonly string[]): string[] {
	if (candidates.length === 0) return [];
	const table = parseCsv(text);
	if (table === null) return [];
	const idAt = table.header.findIndex((h) => h.trim().toLowerCase() === 'contract');
	if (idAt === -1) return [];
	const out = new Set<string>();
	const numbers = (value: string) => {
		for (const m of value.match(/PII\d{6}/g) ?? []) if (candidates.includes(m)) out.add(m);
	};
	for (const row of table.rows) {
		const id = (row.fields[idAt] ?? '').trim();
		if (candidates.includes(id)) out.add(id);
		const broken =
			row.error !== undefined ||
			id === '' ||
			row.fields.slice(table.header.length).some((f) => f.trim() !== '');
		for (const f of row.fields) if (broken || /[\r\n]/.test(f)) numbers(f);
	}
	return [...out];
}

/** The checks of a profile and its export: the key and the pseudonymised values are never shown. */
export async function checkProfile(input: {
	profile: Record<string, unknown>;
	text: string;
	key: string;
	marks: string[];
}): Promise<void> {
	const marked = [input.key, ...protectedValues(input.text, input.marks)];
	const parsed = parseProfile(JSON.stringify(input.profile), 'fuzz.profiel.json');
	if (!parsed.ok) {
		check(!JS_TEXT.test(parsed.message), `profile message with JavaScript text: ${parsed.message}`);
		for (const m of marked) check(!parsed.message.includes(m), `profile message shows ${m}`);
		return;
	}
	const files: SourceFile[] = [
		{ name: 'export.csv', bytes: encoder.encode(input.text), profile: parsed.profile }
	];
	const result = await timed(input.text.length, () =>
		importSources(files, { today: TODAY, pseudonymiser: nodePseudonymiser(input.key) })
	);
	await checkResult(result, ['export.csv']);
	const shown = everything(result);
	for (const m of marked) check(!shown.includes(m), `${m} shown in the result or an export`);
}
