/**
 * Reads every process's command line from /proc, once or over and over while something runs, to prove a secret
 * handed to OpenClaw never appears on any command line (where every user of the machine can read it).
 */
import fs from 'node:fs';

/** Every process's command line now, NUL separators as spaces (Linux only). */
export function allCommandLines(): string[] {
  return fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).flatMap((n) => {
    try {
      return [fs.readFileSync(`/proc/${n}/cmdline`, 'utf8').replace(/\0/g, ' ')];
    } catch {
      return [];
    }
  });
}

/** Samples all command lines every `everyMs` until stopped; `leaks()` lists the lines that held any secret. */
export function sampleCommandLines(secrets: () => string[], everyMs = 20): { stop(): void; leaks(): string[]; samples(): number } {
  const leaks = new Set<string>();
  let samples = 0;
  const timer = setInterval(() => {
    samples++;
    const wanted = secrets();
    for (const line of allCommandLines()) if (wanted.some((s) => line.includes(s))) leaks.add(line);
  }, everyMs);
  return { stop: () => clearInterval(timer), leaks: () => [...leaks], samples: () => samples };
}
