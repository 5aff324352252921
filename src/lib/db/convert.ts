/** Converts DuckDB's Arrow results to plain JS values, in one place for both hosts. */
import { DataType, util, type Field, type Table } from 'apache-arrow';

const MS_PER_DAY = 86_400_000;

/** An epoch-millisecond (or Date) value as `YYYY-MM-DD`. */
export function isoDate(value: number | Date): string {
	const ms = value instanceof Date ? value.getTime() : value;
	return new Date(Math.floor(ms / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

function convertValue(value: unknown, field: Field): unknown {
	if (value === null || value === undefined) return null;
	const type = field.type;
	if (DataType.isInt(type) || DataType.isFloat(type)) {
		// COUNT(*) and SUM over integers come back as BigInt; every count here fits a double.
		return typeof value === 'bigint' ? Number(value) : value;
	}
	if (DataType.isDecimal(type)) {
		// The DECIMAL vector yields its unscaled 128-bit words; apply the scale here.
		return util.bigNumToNumber(value as Parameters<typeof util.bigNumToNumber>[0], type.scale);
	}
	if (DataType.isDate(type) || DataType.isTimestamp(type)) {
		return isoDate(value as number | Date);
	}
	if (DataType.isList(type)) {
		const child = type.children[0] as Field;
		return Array.from(value as Iterable<unknown>, (item) => convertValue(item, child));
	}
	if (DataType.isStruct(type)) {
		const out: Record<string, unknown> = {};
		const struct = value as Record<string, unknown>;
		for (const child of type.children as Field[])
			out[child.name] = convertValue(struct[child.name], child);
		return out;
	}
	return value;
}

/** Turns an Arrow result table into plain row objects (BigInt → number, DECIMAL scaled, DATE → ISO). */
export function tableToRows<T>(table: Table): T[] {
	const fields = table.schema.fields;
	const columns = fields.map((f) => table.getChild(f.name));
	const rows: T[] = new Array(table.numRows);
	for (let i = 0; i < table.numRows; i++) {
		const row: Record<string, unknown> = {};
		for (let c = 0; c < fields.length; c++) {
			const field = fields[c] as Field;
			row[field.name] = convertValue(columns[c]?.get(i), field);
		}
		rows[i] = row as T;
	}
	return rows;
}
