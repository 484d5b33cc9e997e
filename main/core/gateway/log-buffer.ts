/**
 * The gateway's output as the app keeps it: chunks split into lines, secrets redacted before any cut, the last lines held in a
 * bounded ring (default 2,000) for `gateway:logs`, the last stderr lines kept apart for exit-78 reports, and new
 * lines handed to `emit` in batches (one `gateway:log` event per burst instead of one per line).
 */
import type { LogLine } from '../../../shared/contract';
import type { Clock, TimerHandle } from '../clock';
import { LineSplitter, MAX_LINE_CHARS } from '../secrets/line-splitter';
import { redact } from '../secrets/redact';

/** Default number of lines kept. */
export const DEFAULT_LOG_CAPACITY = 2000;
/** How many stderr lines a failure report carries. */
export const LAST_STDERR_LINES = 20;

type Stream = LogLine['stream'];

/** A fixed-size ring of lines, oldest dropped first. Pure. */
export class LogRing {
  private readonly items: (LogLine | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity = DEFAULT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<LogLine | undefined>(capacity);
  }

  /** Number of lines held. */
  get size(): number {
    return this.count;
  }

  /** Adds a line, dropping the oldest when full. */
  push(line: LogLine): void {
    const at = (this.start + this.count) % this.capacity;
    this.items[at] = line;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** The newest `limit` lines (all by default), oldest first. */
  tail(limit = this.count): LogLine[] {
    const n = Math.max(0, Math.min(limit, this.count));
    const out: LogLine[] = [];
    for (let i = this.count - n; i < this.count; i++) out.push(this.items[(this.start + i) % this.capacity]!);
    return out;
  }
}

/** Options of a gateway log. */
export interface GatewayLogOptions {
  clock: Clock;
  /** Receives new lines in batches. */
  emit: (lines: LogLine[]) => void;
  /** Secret values to redact, asked for on every line so newly written keys are covered at once. */
  secrets?: () => string[];
  capacity?: number;
  /** How long new lines wait to be batched. */
  batchMs?: number;
}

/** The redacting, batching log of one supervisor (it outlives child restarts, so seq keeps growing). */
export class GatewayLog {
  private readonly ring: LogRing;
  private readonly stderrTail: string[] = [];
  private readonly splitters = new Map<Stream, LineSplitter>();
  private batch: LogLine[] = [];
  private timer: TimerHandle | undefined;
  private seq = 0;

  constructor(private readonly o: GatewayLogOptions) {
    this.ring = new LogRing(o.capacity ?? DEFAULT_LOG_CAPACITY);
  }

  /** Feeds raw output of one stream. */
  write(stream: 'stdout' | 'stderr', chunk: string): void {
    let splitter = this.splitters.get(stream);
    if (!splitter) {
      splitter = new LineSplitter((line) => this.keep(stream, line), { secrets: () => this.secrets() });
      this.splitters.set(stream, splitter);
    }
    splitter.push(chunk);
  }

  /** Ends the current child's streams: unfinished lines are kept, and the next child starts clean. */
  endStreams(): void {
    for (const s of this.splitters.values()) s.flush();
    this.splitters.clear();
  }

  /** Adds one whole line read elsewhere (OpenClaw's own log file, a CLI run), redacted like the child's output. */
  line(stream: 'stdout' | 'stderr', text: string): void {
    this.add(stream, text);
  }

  /** Adds one line of the app's own (e.g. "starting openclaw ..."). */
  note(text: string): void {
    this.add('app', text);
  }

  /** The newest lines. */
  tail(limit?: number): LogLine[] {
    return this.ring.tail(limit);
  }

  /** The last stderr lines of the current or last child, redacted. */
  lastStderr(): string[] {
    return [...this.stderrTail];
  }

  /** Forgets the previous child's stderr (called at spawn). */
  resetStderr(): void {
    this.stderrTail.length = 0;
  }

  /** Emits pending lines now. */
  flush(): void {
    if (this.timer) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.batch.length) return;
    const lines = this.batch;
    this.batch = [];
    this.o.emit(lines);
  }

  private secrets(): readonly string[] {
    return this.o.secrets?.() ?? [];
  }

  /** A whole line from elsewhere: redacted first, then cut (never the other way round). */
  private add(stream: Stream, raw: string): void {
    const text = redact(raw, this.secrets());
    for (let i = 0; i < Math.max(1, text.length); i += MAX_LINE_CHARS) this.keep(stream, text.slice(i, i + MAX_LINE_CHARS));
  }

  /** Keeps one redacted line of at most `MAX_LINE_CHARS`. */
  private keep(stream: Stream, text: string): void {
    const line: LogLine = { seq: ++this.seq, ts: this.o.clock.now(), stream, text };
    this.ring.push(line);
    if (stream === 'stderr') {
      this.stderrTail.push(text);
      if (this.stderrTail.length > LAST_STDERR_LINES) this.stderrTail.shift();
    }
    this.batch.push(line);
    this.timer ??= this.o.clock.setTimeout(() => this.flush(), this.o.batchMs ?? 50);
  }
}
