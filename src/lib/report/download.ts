/** Saves bytes or text as a file from the browser (no server involved). */

/** Offers the content as a download with the given file name. */
export function download(content: Uint8Array | string, fileName: string, type: string): void {
	const blob = new Blob([content as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe stem for a selection: `evaluatie-2014-11-01-tot-2015-05-01`. */
export function fileStem(kind: string, van: string, tot: string): string {
	return `${kind}-${van}-tot-${tot}`;
}
