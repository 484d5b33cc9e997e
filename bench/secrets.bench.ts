/**
 * Redaction benchmark: every gateway output line is redacted before it is kept, so redaction must keep up with a
 * chatty gateway. Prints the throughput of the redacting `LineSplitter` (lines/s and MB/s) for ordinary 120-character
 * lines with 0, 20 and 200 known secrets, for lines that carry secrets, and for one 1 MB line without a line break
 * (the runaway case cut at 8,192 characters), plus p50/p99 of `redact` on a single line.
 * Run: `npx tsx bench/secrets.bench.ts` (or `npm run bench secrets`).
 */
import { LineSplitter } from '../main/core/secrets/line-splitter';
import { redact } from '../main/core/secrets/redact';
import { percentile } from './percentile';

const LINES = 20_000;
const secretsOf = (n: number) => Array.from({ length: n }, (_, i) => `known-secret-${String(i).padStart(4, '0')}-${'x'.repeat(24)}`);
const plain = (i: number) => `2026-06-01T12:00:00.000Z [gateway] request ${i} handled in 12 ms by agent main (model anthropic/claude-opus-4-8) ok`;
const secretLine = (i: number, secrets: string[]) => `[telegram] polling with ${secrets[i % secrets.length] ?? 'none'} and Authorization: Bearer abcdef0123456789 --api-key=sk-ant-api03-${i}abcdefgh`;

function throughput(label: string, lines: string[], secrets: string[]): void {
  const text = lines.join('\n') + '\n';
  let out = 0;
  const s = new LineSplitter(() => out++, { secrets: () => secrets });
  const t0 = performance.now();
  for (let i = 0; i < text.length; i += 4096) s.push(text.slice(i, i + 4096));
  s.flush();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(44)} ${String(Math.round((lines.length / ms) * 1000)).padStart(9)} lines/s  ${((text.length / 1e6 / ms) * 1000).toFixed(1).padStart(6)} MB/s  (${out} lines out)`);
}

for (const n of [0, 20, 200]) {
  const secrets = secretsOf(n);
  throughput(`plain lines, ${n} known secrets`, Array.from({ length: LINES }, (_, i) => plain(i)), secrets);
  throughput(`lines with secrets, ${n} known secrets`, Array.from({ length: LINES }, (_, i) => secretLine(i, secrets)), secrets);
}
const secrets = secretsOf(20);
throughput('one 1 MB line, no line break, 20 known secrets', [`${'word '.repeat(100_000)}${secrets[3]} ${'tail '.repeat(100_000)}`], secrets);

const samples: number[] = [];
const line = secretLine(7, secrets);
for (let i = 0; i < 5000; i++) {
  const t0 = performance.now();
  redact(line, secrets);
  samples.push(performance.now() - t0);
}
samples.sort((a, b) => a - b);
console.log(`redact one line with secrets, 20 known: p50 ${(percentile(samples, 50) * 1000).toFixed(1)} us, p99 ${(percentile(samples, 99) * 1000).toFixed(1)} us`);
