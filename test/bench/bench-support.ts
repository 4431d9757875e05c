import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Milliseconds of CPU (user and system) this process used since `start`. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Headless Chromium as the end-to-end tests drive it: apt's, or CHROMIUM_PATH. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
}

/** The clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/**
 * Milliseconds of CPU (user and system) used so far by the processes this one started and theirs, e.g.
 * headless Chromium's browser, GPU and renderer processes; 0 where /proc is not there. Chromium prints in
 * its own processes, so this process's cpuUsage does not see that work; on a shared machine CPU time
 * compares the two printers more fairly than the wall clock.
 */
export function childProcessesCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [
          {
            pid: Number(pid),
            parent: Number(fields[1]),
            ticks: Number(fields[11]) + Number(fields[12]),
          },
        ];
      } catch {
        return []; // ended meanwhile
      }
    });
  const children = new Map<number, number[]>();
  for (const s of stats) children.set(s.parent, [...(children.get(s.parent) ?? []), s.pid]);
  const ticksOf = new Map(stats.map((s) => [s.pid, s.ticks]));
  let ticks = 0;
  const pending = [...(children.get(process.pid) ?? [])];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    ticks += ticksOf.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** Per item: wall-clock milliseconds, CPU milliseconds of this process and of the processes it started. */
export interface Measured {
  wallMs: number;
  cpuMs: number;
  childCpuMs: number;
}

/**
 * Runs `work` for 0 … count-1 in turn and measures it per item: over all items, and in the round of
 * `count / rounds` items that took the least CPU time, which other work on a shared machine disturbs least.
 */
export async function measure(
  count: number,
  work: (index: number) => Promise<unknown>,
  rounds = 5,
): Promise<Measured & { best: Measured }> {
  const perRound = Math.max(1, Math.floor(count / rounds));
  let best: Measured | undefined;
  const total = { wallMs: 0, cpuMs: 0, childCpuMs: 0 };
  for (let start = 0; start < count; start += perRound) {
    const end = Math.min(count, start + perRound);
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const childCpu = childProcessesCpuMs();
    for (let i = start; i < end; i++) await work(i);
    const round = {
      wallMs: performance.now() - wall,
      cpuMs: cpuMsSince(cpu),
      childCpuMs: childProcessesCpuMs() - childCpu,
    };
    total.wallMs += round.wallMs;
    total.cpuMs += round.cpuMs;
    total.childCpuMs += round.childCpuMs;
    const items = end - start;
    const perItem = {
      wallMs: round.wallMs / items,
      cpuMs: round.cpuMs / items,
      childCpuMs: round.childCpuMs / items,
    };
    if (!best || perItem.cpuMs + perItem.childCpuMs < best.cpuMs + best.childCpuMs) best = perItem;
  }
  return {
    wallMs: total.wallMs / count,
    cpuMs: total.cpuMs / count,
    childCpuMs: total.childCpuMs / count,
    best: best ?? { wallMs: 0, cpuMs: 0, childCpuMs: 0 },
  };
}

/**
 * pdfkit against Chromium, render only, per document: wall clock and documents per second; CPU time and
 * documents per CPU-second (one core), Chromium's counting its own processes and this one's (Playwright);
 * and the ratios by both, over all documents and in each printer's least disturbed round.
 */
export function comparison(
  what: string,
  pdfkit: Measured & { best: Measured },
  chromium: Measured & { best: Measured },
): string {
  const perSecond = (ms: number) => Math.round(1000 / ms).toLocaleString('en-GB');
  const figures = (p: Measured, c: Measured): string => {
    const chromiumCpu = c.cpuMs + c.childCpuMs;
    return `pdfkit ${p.wallMs.toFixed(1)} ms wall (${perSecond(p.wallMs)} per second), ${p.cpuMs.toFixed(1)} ms CPU (${perSecond(p.cpuMs)} per CPU-second on one core); headless Chromium page.pdf() ${c.wallMs.toFixed(1)} ms wall (${perSecond(c.wallMs)} per second), ${chromiumCpu.toFixed(1)} ms CPU in its processes and Playwright's (${perSecond(chromiumCpu)} per CPU-second): pdfkit ${(c.wallMs / p.wallMs).toFixed(1)}× faster by the wall clock, ${(chromiumCpu / p.cpuMs).toFixed(1)}× by CPU time`;
  };
  return `${what}, render only, per document (target: pdfkit at least 10× faster):\n  all documents: ${figures(pdfkit, chromium)}\n  least disturbed round of each: ${figures(pdfkit.best, chromium.best)}`;
}
