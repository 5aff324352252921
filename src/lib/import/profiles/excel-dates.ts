/** Excel serial dates (1900 date system) to ISO dates, for numbers in a mapped date column of a workbook. */

const SERIAL = /^\d+(?:\.\d+)?$/;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The ISO date of an Excel serial number (time of day ignored), or null when the text is not a
 * serial of a real day. Serial 60 is Excel's fictitious 29 February 1900: invalid.
 */
export function excelSerialToIso(text: string): string | null {
	if (!SERIAL.test(text)) return null;
	const serial = Math.floor(Number(text));
	if (serial < 1 || serial === 60 || serial > 2_958_465) return null;
	// Serials before 60 count from 31 December 1899 (Excel's day 1 is 1 January 1900).
	const days = serial < 60 ? serial + 1 : serial;
	return new Date(EPOCH_MS + days * 86_400_000).toISOString().slice(0, 10);
}
