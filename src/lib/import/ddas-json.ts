/**
 * A shape-directed JSON reader: it walks the text once and builds only the values the shape asks
 * for. Everything else (a DDAS `client` object, contact persons) is scanned and dropped without a
 * single object or string being made of it, and the items of a large array can be handed to a
 * callback one by one instead of being collected.
 */

/**
 * What to build of a value. A value of another JSON type than the shape expects is built as a leaf
 * when it is a scalar, and skipped when it is an object or array. `seen`, on any shape, hears that
 * the value was present (whatever its type), before it is read.
 */
export type Shape = (
	| { kind: 'skip' }
	| { kind: 'leaf' }
	| {
			kind: 'object';
			/** Fields by normalised key (see `normalizeKey`); other keys are skipped. */
			fields: Readonly<Record<string, Shape>>;
	  }
	| {
			kind: 'array';
			item: Shape;
			/** When given, each item goes here (with its index) and the array is not collected. */
			each?: (value: JsonValue, index: number) => void;
			/** When given, only the first `limit` items are built; the others are skipped unbuilt. */
			limit?: number;
	  }
) & { seen?: () => void };

/** A value as built: scalars, objects of the shape's fields, arrays, or SKIPPED for a value of the wrong kind. */
export type JsonValue =
	null | boolean | number | string | JsonObject | JsonValue[] | typeof SKIPPED;
export interface JsonObject {
	[key: string]: JsonValue;
}

/** Stands for an object or array where the shape wanted a scalar (or the other way round). */
export const SKIPPED: unique symbol = Symbol('skipped');

/** A syntax error at an offset of the text. */
export class JsonSyntaxError extends Error {
	constructor(
		message: string,
		readonly offset: number
	) {
		super(message);
	}
}

const KEY_ALIASES: Readonly<Record<string, string>> = {
	// The published examples spell this key with a stray `t`.
	startdatummatchtingperiode: 'startdatummatchingperiode'
};

/** A key as matched: case-insensitive, `_` and `-` ignored, the known misspelling mended. */
export function normalizeKey(key: string): string {
	const folded = key.toLowerCase().replace(/[_-]/g, '');
	return KEY_ALIASES[folded] ?? folded;
}

const SKIP: Shape = { kind: 'skip' };

/** Reads the JSON text along the shape; throws JsonSyntaxError on text that is not JSON. */
export function readJson(text: string, shape: Shape): JsonValue {
	let i = 0;
	const n = text.length;

	const fail = (what: string): never => {
		throw new JsonSyntaxError(what, i);
	};
	const ws = () => {
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
			else break;
		}
	};

	const value = (shape: Shape): JsonValue => {
		ws();
		if (i >= n) fail('onverwacht einde van het bestand');
		shape.seen?.();
		const c = text.charCodeAt(i);
		if (c === 0x7b /* { */) {
			if (shape.kind === 'object') return object(shape.fields);
			skipComposite();
			return SKIPPED;
		}
		if (c === 0x5b /* [ */) {
			if (shape.kind === 'array') return array(shape);
			skipComposite();
			return SKIPPED;
		}
		if (shape.kind === 'skip') {
			scalar(false);
			return SKIPPED;
		}
		return scalar(true);
	};

	const object = (fields: Readonly<Record<string, Shape>>): JsonObject => {
		const out: JsonObject = {};
		i++;
		ws();
		if (text.charCodeAt(i) === 0x7d) {
			i++;
			return out;
		}
		for (;;) {
			ws();
			if (text.charCodeAt(i) !== 0x22) fail('een naam tussen aanhalingstekens verwacht');
			const key = normalizeKey(string(true) as string);
			ws();
			if (text.charCodeAt(i) !== 0x3a) fail('een dubbele punt verwacht');
			i++;
			const field = fields[key];
			if (field) out[key] = value(field);
			else value(SKIP);
			ws();
			const c = text.charCodeAt(i);
			if (c === 0x2c) i++;
			else if (c === 0x7d) {
				i++;
				return out;
			} else fail('een komma of } verwacht');
		}
	};

	const array = (shape: Extract<Shape, { kind: 'array' }>): JsonValue[] => {
		const out: JsonValue[] = [];
		i++;
		ws();
		if (text.charCodeAt(i) === 0x5d) {
			i++;
			return out;
		}
		const limit = shape.limit ?? Infinity;
		for (let index = 0; ; index++) {
			if (index >= limit) value(SKIP);
			else {
				const item = value(shape.item);
				if (shape.each) shape.each(item, index);
				else out.push(item);
			}
			ws();
			const c = text.charCodeAt(i);
			if (c === 0x2c) i++;
			else if (c === 0x5d) {
				i++;
				return out;
			} else fail('een komma of ] verwacht');
		}
	};

	/**
	 * Skips an object or array without building or recursing (so no depth of nesting can exhaust
	 * the stack): its tokens and brackets are checked, the placement of commas and colons is not.
	 */
	const skipComposite = () => {
		const closers: number[] = [];
		for (;;) {
			ws();
			if (i >= n) fail('onverwacht einde van het bestand');
			const c = text.charCodeAt(i);
			if (c === 0x7b || c === 0x5b) {
				closers.push(c === 0x7b ? 0x7d : 0x5d);
				i++;
			} else if (c === 0x7d || c === 0x5d) {
				if (closers.pop() !== c) fail('een haakje dat niet past');
				i++;
				if (closers.length === 0) return;
			} else if (c === 0x2c || c === 0x3a) i++;
			else scalar(false);
		}
	};

	const scalar = (build: boolean): JsonValue => {
		const c = text.charCodeAt(i);
		if (c === 0x22) return string(build);
		if (c === 0x74) return literal('true', true);
		if (c === 0x66) return literal('false', false);
		if (c === 0x6e) return literal('null', null);
		return number(build);
	};

	const literal = (word: string, result: JsonValue): JsonValue => {
		if (text.startsWith(word, i)) {
			i += word.length;
			return result;
		}
		return fail('een waarde verwacht');
	};

	const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
	const number = (build: boolean): JsonValue => {
		NUMBER.lastIndex = i;
		const m = NUMBER.exec(text);
		if (!m || m[0].length === 0) fail('een waarde verwacht');
		i += m![0].length;
		return build ? Number(m![0]) : SKIPPED;
	};

	const string = (build: boolean): JsonValue => {
		const start = ++i;
		let escaped = false;
		for (;;) {
			if (i >= n) fail('een afsluitend aanhalingsteken ontbreekt');
			const c = text.charCodeAt(i);
			if (c === 0x22) break;
			if (c < 0x20) fail('een stuurteken in een tekst');
			if (c === 0x5c) {
				escaped = true;
				const e = text.charCodeAt(i + 1);
				if (e === 0x75) {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('een ongeldige \\u-code');
					i += 6;
					continue;
				}
				if (!'"\\/bfnrt'.includes(text[i + 1] ?? 'x')) fail('een ongeldig escapeteken');
				i += 2;
				continue;
			}
			i++;
		}
		const end = i++;
		if (!build) return SKIPPED;
		const raw = text.slice(start, end);
		return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
	};

	const result = value(shape);
	ws();
	if (i < n) fail('tekst na het einde van de JSON-waarde');
	return result;
}

/** Line and column (both from 1) of an offset in the text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let k = 0; k < offset && k < text.length; k++) {
		if (text.charCodeAt(k) === 0x0a) {
			line++;
			lineStart = k + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}
