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

/** Runs `work` for 0 … count-1 in turn and measures it per item. */
export async function measure(count: number, work: (index: number) => Promise<unknown>): Promise<Measured> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const childCpu = childProcessesCpuMs();
  for (let i = 0; i < count; i++) await work(i);
  return {
    wallMs: (performance.now() - wall) / count,
    cpuMs: cpuMsSince(cpu) / count,
    childCpuMs: (childProcessesCpuMs() - childCpu) / count,
  };
}

/**
 * pdfkit against Chromium, render only, per document: wall clock and documents per second; CPU time and
 * documents per CPU-second (one core), Chromium's counting its own processes and this one's (Playwright);
 * and the ratios by both.
 */
export function comparison(what: string, pdfkit: Measured, chromium: Measured): string {
  const chromiumCpu = chromium.cpuMs + chromium.childCpuMs;
  const perSecond = (ms: number) => Math.round(1000 / ms).toLocaleString('en-GB');
  return `${what}, render only, per document: pdfkit ${pdfkit.wallMs.toFixed(1)} ms wall (${perSecond(pdfkit.wallMs)} per second), ${pdfkit.cpuMs.toFixed(1)} ms CPU (${perSecond(pdfkit.cpuMs)} per CPU-second on one core); headless Chromium page.pdf() ${chromium.wallMs.toFixed(1)} ms wall (${perSecond(chromium.wallMs)} per second), ${chromiumCpu.toFixed(1)} ms CPU in its processes and Playwright's (${perSecond(chromiumCpu)} per CPU-second): pdfkit is ${(chromium.wallMs / pdfkit.wallMs).toFixed(1)}× faster by the wall clock, ${(chromiumCpu / pdfkit.cpuMs).toFixed(1)}× by CPU time (target at least 10×)`;
}
