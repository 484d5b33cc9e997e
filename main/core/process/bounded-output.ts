/**
 * A child's output kept in memory up to a byte bound, so a chatty or runaway program cannot fill the app's memory:
 * `head` keeps the first bytes (a JSON answer comes first), `tail` the last ones (an error message comes last).
 */

/** Collects chunks up to `maxBytes` and says whether anything was dropped. */
export class BoundedOutput {
  private chunks: Buffer[] = [];
  private bytes = 0;
  /** True once a byte was dropped. */
  truncated = false;

  constructor(
    private readonly maxBytes: number,
    private readonly keep: 'head' | 'tail',
  ) {}

  /** Adds a chunk, dropping what goes past the bound. */
  push(chunk: Buffer | string): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (this.keep === 'head') {
      const room = this.maxBytes - this.bytes;
      if (buf.length > room) this.truncated = true;
      if (room <= 0) return;
      const kept = buf.length > room ? buf.subarray(0, room) : buf;
      this.chunks.push(kept);
      this.bytes += kept.length;
      return;
    }
    this.chunks.push(buf);
    this.bytes += buf.length;
    while (this.bytes > this.maxBytes) {
      this.truncated = true;
      const first = this.chunks[0]!;
      const excess = this.bytes - this.maxBytes;
      if (first.length <= excess) {
        this.chunks.shift();
        this.bytes -= first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.bytes -= excess;
      }
    }
  }

  /** The kept bytes as UTF-8 (a character cut at the bound becomes U+FFFD). */
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
