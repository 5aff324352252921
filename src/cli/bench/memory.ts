/**
 * Resident memory of this process's Chromium renderers, read from /proc (Linux): the sum of
 * VmRSS over the descendants of this process whose command line has `--type=renderer`. A page's
 * dedicated workers (the importer, DuckDB) live in its renderer, so they are counted.
 */
import { readFile, readdir } from 'node:fs/promises';

async function read(path: string): Promise<string | null> {
	return readFile(path, 'utf8').catch(() => null);
}

/** The process ids below `root` (children, grandchildren, …). */
async function descendants(root: number): Promise<number[]> {
	const children = new Map<number, number[]>();
	for (const entry of await readdir('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = await read(`/proc/${entry}/stat`);
		if (stat === null) continue;
		// The command name in parentheses may hold spaces: the fields start after the last ')'.
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		const list = children.get(ppid) ?? [];
		list.push(Number(entry));
		children.set(ppid, list);
	}
	const found: number[] = [];
	const queue = [root];
	while (queue.length > 0) {
		for (const child of children.get(queue.pop()!) ?? []) {
			found.push(child);
			queue.push(child);
		}
	}
	return found;
}

/** The summed VmRSS in megabytes (10^6 bytes) of the renderers started by this process. */
export async function rendererRssMb(): Promise<number> {
	let kb = 0;
	for (const pid of await descendants(process.pid)) {
		const cmdline = await read(`/proc/${pid}/cmdline`);
		if (!cmdline?.includes('--type=renderer')) continue;
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec((await read(`/proc/${pid}/status`)) ?? '');
		if (match) kb += Number(match[1]);
	}
	return (kb * 1024) / 1e6;
}

/** Samples the renderers' memory every `intervalMs` until stopped; `stop` gives the peak. */
export function sampleRendererMemory(intervalMs = 100): { stop(): Promise<number> } {
	let peak = 0;
	let running = true;
	const loop = (async () => {
		while (running) {
			const started = performance.now();
			peak = Math.max(peak, await rendererRssMb());
			const wait = intervalMs - (performance.now() - started);
			if (wait > 0) await new Promise((done) => setTimeout(done, wait));
		}
	})();
	return {
		async stop() {
			running = false;
			await loop;
			peak = Math.max(peak, await rendererRssMb());
			return peak;
		}
	};
}
