/**
 * The browser engine's failures, said in Dutch with the reason given (by the browser or the engine) at the end. Their own
 * module (no engine code in it), so that the page's state can tell them apart.
 */

/** The browser's reason, without its "Uncaught" prefix, as the message's last sentence. */
function reasonOf(reason: string): string {
	const text = reason.replace(/^Uncaught\s+/, '').trim();
	return text === '' ? '' : ` (Melding: ${text}.)`;
}

/** The engine could not start: said in Dutch, with the reason given at the end. */
export class EngineStartError extends Error {
	constructor(reason: string) {
		super(
			'de rekenmodule (DuckDB) kon niet worden gestart. Controleer de verbinding en laad de ' +
				'pagina opnieuw; blijft dit zo, vraag dan uw beheerder of deze site .wasm-bestanden mag ' +
				'laden.' +
				reasonOf(reason)
		);
		this.name = 'EngineStartError';
	}
}

/**
 * The engine stopped after its start (its worker failed: out of memory, say). DuckDB-WASM drops
 * every request under way then without answering; each call from then on fails with this instead
 * of waiting for good. The loaded data are gone with the engine: a reload is the way back.
 */
export class EngineStoppedError extends Error {
	constructor(reason: string) {
		super(
			'de rekenmodule (DuckDB) is onverwacht gestopt; de geladen gegevens zijn daarmee niet meer ' +
				'beschikbaar. Laad de pagina opnieuw en kies daarna de bestanden nog eens.' +
				reasonOf(reason)
		);
		this.name = 'EngineStoppedError';
	}
}
