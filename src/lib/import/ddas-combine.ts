/**
 * Resolves DDAS deliveries read by ddas.ts into one set of signals, cases and contact attempts:
 * repeats across deliveries, then unknown references, then signals shared by two cases, as
 * ddas-vroegsignalering.md says. Every signal and case read ends up accepted, replaced or rejected.
 */
import type { CaseResult, ContactKind, PartnerType } from '../domain/ddas';
import { applyAddressKeys, type AddressMessages } from './ddas-address';
import {
	readDdas,
	type DdasFileRead,
	type DdasIssue,
	type DdasReadOptions,
	type ReadCase,
	type ReadSignal
} from './ddas';
import type { Pseudonymiser } from './profiles/pseudonym';

/** Counts of one kind of record in one file. `gelezen = geaccepteerd + vervangen + geweigerd`. */
export interface DdasCounts {
	gelezen: number;
	geaccepteerd: number;
	/** Of the accepted ones, how many with a warning. */
	waarschuwingen: number;
	vervangen: number;
	geweigerd: number;
}

export interface DdasFileReport {
	bestand: string;
	weigering: string | null;
	aanleverdatumEnTijd: string | null;
	startdatumLevering: string | null;
	einddatumLevering: string | null;
	signalen: DdasCounts;
	zaken: DdasCounts;
	clientObjecten: number;
	/** Read with a werkgroep key: how many of the file's signals got an address key; absent without a key. */
	adresSleutels?: number;
	organisatie: boolean;
}

export interface DdasSignal {
	gemeente: string;
	id: string;
	partner: PartnerType;
	signaaldatum: string;
	bedrag: number | null;
	/** Index into `zaken`; null when no case holds it. */
	zaak: number | null;
	/** Read with a werkgroep key: the address key of its client (null: no address); absent without a key. */
	adresSleutel?: string | null;
}

export interface DdasCase {
	gemeente: string;
	identiteit: string;
	resultaat: CaseResult;
	opgepakt: string | null;
}

export interface DdasAttempt {
	zaak: number;
	soort: ContactKind;
	bereikt: boolean;
	datum: string | null;
}

export interface DdasResult {
	signalen: DdasSignal[];
	zaken: DdasCase[];
	pogingen: DdasAttempt[];
	bestanden: DdasFileReport[];
	meldingen: DdasIssue[];
}

const SEP = '\u001f';

const zero = (gelezen: number): DdasCounts => ({
	gelezen,
	geaccepteerd: 0,
	waarschuwingen: 0,
	vervangen: 0,
	geweigerd: 0
});

/** Combines the deliveries, given in the order they were loaded. */
export function combineDdas(files: readonly DdasFileRead[]): DdasResult {
	const meldingen: DdasIssue[] = [];
	const reports: DdasFileReport[] = files.map((f) => ({
		bestand: f.bestand,
		weigering: f.weigering,
		aanleverdatumEnTijd: f.aanleverdatumEnTijd,
		startdatumLevering: f.startdatumLevering,
		einddatumLevering: f.einddatumLevering,
		signalen: zero(f.gelezen.signalen),
		zaken: zero(f.gelezen.zaken),
		clientObjecten: f.clientObjecten,
		...(f.adresSleutels === undefined ? {} : { adresSleutels: f.adresSleutels }),
		organisatie: f.organisatie
	}));
	files.forEach((f, fi) => {
		for (const m of f.meldingen) {
			meldingen.push(m);
			if (m.soort === 'geweigerd')
				reports[fi]![m.onderdeel === 'signaal' ? 'signalen' : 'zaken'].geweigerd++;
		}
	});
	// Later delivery first: latest aanleverdatumEnTijd, then loaded last, then later in the file.
	const rank = (fi: number) => files[fi]!.aangeleverd ?? -Infinity;
	const newer = (a: { fi: number; volgorde: number }, b: { fi: number; volgorde: number }) =>
		rank(a.fi) !== rank(b.fi)
			? rank(a.fi) > rank(b.fi)
			: a.fi !== b.fi
				? a.fi > b.fi
				: a.volgorde > b.volgorde;
	const describe = (fi: number) =>
		`${files[fi]!.bestand}${files[fi]!.aanleverdatumEnTijd ? ` (aangeleverd ${files[fi]!.aanleverdatumEnTijd})` : ''}`;

	// 1. Repeats of signals.
	type SignalAt = ReadSignal & { fi: number };
	const signalWinner = new Map<string, SignalAt>();
	files.forEach((f, fi) => {
		for (const s of f.signalen) {
			const key = s.gemeente + SEP + s.id;
			const current = signalWinner.get(key);
			const candidate = { ...s, fi };
			if (!current) signalWinner.set(key, candidate);
			else {
				const [win, lose] = newer(candidate, current) ? [candidate, current] : [current, candidate];
				signalWinner.set(key, win);
				reports[lose.fi]!.signalen.vervangen++;
				meldingen.push({
					bestand: files[lose.fi]!.bestand,
					onderdeel: 'signaal',
					pad: lose.pad,
					soort: 'vervangen',
					reden: `Signaal ${s.id} (gemeente ${s.gemeente}) komt ook voor in ${describe(win.fi)} op ${win.pad}; dat telt.`
				});
			}
		}
	});

	// 1b. Repeats of cases: per identity, the cases of the newest delivery holding it stand.
	type CaseAt = ReadCase & { fi: number };
	const caseFile = new Map<string, number>();
	files.forEach((f, fi) => {
		for (const c of f.zaken) {
			const key = c.gemeente + SEP + c.identiteit;
			const current = caseFile.get(key);
			if (current === undefined || newer({ fi, volgorde: 0 }, { fi: current, volgorde: 0 }))
				caseFile.set(key, fi);
		}
	});
	const standing: CaseAt[] = [];
	files.forEach((f, fi) => {
		for (const c of f.zaken) {
			const winner = caseFile.get(c.gemeente + SEP + c.identiteit)!;
			if (winner === fi) standing.push({ ...c, fi });
			else {
				reports[fi]!.zaken.vervangen++;
				meldingen.push({
					bestand: f.bestand,
					onderdeel: 'zaak',
					pad: c.pad,
					soort: 'vervangen',
					reden: `De zaak van signaal ${c.identiteit} (gemeente ${c.gemeente}) komt ook voor in ${describe(winner)}; die telt.`
				});
			}
		}
	});

	// 2. Unknown references; 3. shared signals.
	const caseKey = (c: CaseAt) => `${c.fi}:${c.volgorde}`;
	const warned = new Set<string>();
	const reject = (c: CaseAt, reden: string) => {
		reports[c.fi]!.zaken.geweigerd++;
		meldingen.push({
			bestand: files[c.fi]!.bestand,
			onderdeel: 'zaak',
			pad: c.pad,
			soort: 'geweigerd',
			reden
		});
	};
	const warn = (c: CaseAt, pad: string, reden: string) => {
		warned.add(caseKey(c));
		meldingen.push({
			bestand: files[c.fi]!.bestand,
			onderdeel: 'zaak',
			pad,
			soort: 'waarschuwing',
			reden
		});
	};
	let known: CaseAt[] = [];
	for (const c of standing) {
		const refs = c.verwijzingen.filter((v) => {
			if (signalWinner.has(c.gemeente + SEP + v.id)) return true;
			warn(
				c,
				v.pad,
				`Verwijzing naar signaal ${v.id}, dat niet (geaccepteerd) in de geladen leveringen staat; weggelaten.`
			);
			return false;
		});
		if (refs.length === 0)
			reject(c, 'Geen van de signalen waarnaar de zaak verwijst is bekend; de zaak telt niet.');
		else known.push({ ...c, verwijzingen: refs });
	}
	// Owner of a shared signal: earliest datumOpgepakt (none last), then the smaller identity.
	const before = (a: CaseAt, b: CaseAt) => {
		if (a.opgepakt !== b.opgepakt) {
			if (a.opgepakt === null) return false;
			if (b.opgepakt === null) return true;
			return a.opgepakt < b.opgepakt;
		}
		if (a.identiteit !== b.identiteit) return a.identiteit < b.identiteit;
		return a.fi !== b.fi ? a.fi < b.fi : a.volgorde < b.volgorde;
	};
	const owner = new Map<string, CaseAt>();
	for (const c of known) {
		for (const v of c.verwijzingen) {
			const key = c.gemeente + SEP + v.id;
			const current = owner.get(key);
			if (!current || before(c, current)) owner.set(key, c);
		}
	}
	const accepted: CaseAt[] = [];
	known = known.filter((c) => {
		const refs = c.verwijzingen.filter((v) => {
			const own = owner.get(c.gemeente + SEP + v.id)!;
			if (own === c) return true;
			warn(
				c,
				v.pad,
				`Signaal ${v.id} hoort ook bij de zaak op ${own.pad}${own.fi !== c.fi ? ` in ${files[own.fi]!.bestand}` : ''}, die ${own.opgepakt ? `eerder is opgepakt (${own.opgepakt})` : 'voorgaat'}; hier weggelaten.`
			);
			return false;
		});
		if (refs.length === 0) {
			reject(c, 'Alle signalen van de zaak horen bij een andere zaak; de zaak telt niet.');
			return false;
		}
		c.verwijzingen = refs;
		return true;
	});
	// Not push(...known): ~70,000 arguments overflow the stack of a browser worker.
	for (const c of known) accepted.push(c);

	const zaken: DdasCase[] = [];
	const pogingen: DdasAttempt[] = [];
	const caseIndex = new Map<CaseAt, number>();
	for (const c of accepted) {
		const index = zaken.length;
		caseIndex.set(c, index);
		zaken.push({
			gemeente: c.gemeente,
			identiteit: c.identiteit,
			resultaat: c.resultaat,
			opgepakt: c.opgepakt
		});
		for (const p of c.pogingen) pogingen.push({ zaak: index, ...p });
		const counts = reports[c.fi]!.zaken;
		counts.geaccepteerd++;
		if (c.gewaarschuwd || warned.has(caseKey(c))) counts.waarschuwingen++;
	}
	const signalen: DdasSignal[] = [];
	for (const [key, s] of signalWinner) {
		const own = owner.get(key);
		const signal: DdasSignal = {
			gemeente: s.gemeente,
			id: s.id,
			partner: s.partner,
			signaaldatum: s.signaaldatum,
			bedrag: s.bedrag,
			zaak: own ? (caseIndex.get(own) ?? null) : null
		};
		if (s.adresSleutel !== undefined) signal.adresSleutel = s.adresSleutel;
		signalen.push(signal);
		const counts = reports[s.fi]!.signalen;
		counts.geaccepteerd++;
		if (s.gewaarschuwd) counts.waarschuwingen++;
	}
	// Warnings of a replaced or rejected record no longer describe an accepted one.
	const gone = new Set(
		meldingen
			.filter((m) => m.soort !== 'waarschuwing')
			.map((m) => m.bestand + SEP + recordPath(m.pad))
	);
	const kept = meldingen.filter(
		(m) => m.soort !== 'waarschuwing' || !gone.has(m.bestand + SEP + recordPath(m.pad))
	);
	return { signalen, zaken, pogingen, bestanden: reports, meldingen: kept };
}

/** The path of the signal or case a path lies in: `leveringen[0].vroegsignaalzaken[3]`. */
function recordPath(pad: string): string {
	const m = /^leveringen\[\d+\]\.(?:vroegsignalen|vroegsignaalzaken)\[\d+\]/.exec(pad);
	return m ? m[0] : pad;
}

/** Reads and combines DDAS deliveries given as files, in the order they were loaded. Never throws. */
export function importDdasFiles(
	files: readonly { name: string; bytes: Uint8Array }[],
	options: DdasReadOptions
): DdasResult {
	return combineDdas(files.map((f) => readDdas(f.name, f.bytes, options)));
}

/**
 * Reads and combines DDAS deliveries as importDdasFiles does; with a pseudonymiser (the werkgroep
 * key) each signal gets the address key of its client first (ddas-address.ts), and each file's
 * report says how many. Without one, the same as importDdasFiles. Never throws but for the
 * pseudonymiser.
 */
export async function importDdasFilesWithAddressKeys(
	files: readonly { name: string; bytes: Uint8Array }[],
	options: Omit<DdasReadOptions, 'adressen'>,
	pseudonymise: Pseudonymiser | null
): Promise<DdasResult> {
	if (pseudonymise === null) return importDdasFiles(files, options);
	const adressen: AddressMessages = new Map();
	const reads = files.map((f) => readDdas(f.name, f.bytes, { ...options, adressen }));
	await applyAddressKeys(
		(function* () {
			for (const r of reads) yield* r.signalen;
		})(),
		adressen,
		pseudonymise
	);
	for (const r of reads) {
		let n = 0;
		for (const s of r.signalen) if (s.adresSleutel) n++;
		r.adresSleutels = n;
	}
	return combineDdas(reads);
}
