// Fault injection for the event endpoint, so that tests and demos can watch the client survive a bad
// server: slow replies, 500, 429 with Retry-After, no reply at all, a reply lost after the batch was
// stored, and bodies that break the contract. Off unless configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

export const faultKindSchema = z.enum(['latency', 'error500', 'status429', 'timeout', 'drop_after_commit', 'malformed']);
export type FaultKind = z.infer<typeof faultKindSchema>;

export const faultPlanSchema = z.object({
  /** Share of event requests that get a fault, from 0 to 1. */
  rate: z.number().min(0).max(1),
  /** Faults to draw from, with equal chance. */
  kinds: z.array(faultKindSchema).min(1),
  /** Delay added by a latency fault. */
  latencyMs: z.number().int().min(0).max(60_000).default(200),
  /** Value of Retry-After on a 429; every second 429 sends it as an HTTP date instead of seconds. */
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** How long a timeout fault keeps the connection open before closing it without a reply. */
  hangMs: z.number().int().min(0).max(10 * 60_000).default(30_000),
});
export type FaultPlanInput = z.input<typeof faultPlanSchema>;
export type FaultPlan = z.output<typeof faultPlanSchema>;

/** Decision of the event handler for one request. */
export interface FaultDecision {
  kind: FaultKind;
  /** True when the batch is stored before the fault (the reply is lost or garbled). */
  afterCommit: boolean;
}

/** Picks faults for event requests: first from a queue of scripted ones, then at random by the plan. */
export class FaultInjector {
  private plan: FaultPlan | null = null;
  private readonly scripted: FaultKind[] = [];
  private count429 = 0;
  /** Event requests seen, faulty or not. */
  requests = 0;
  readonly injected: Record<FaultKind, number> = { latency: 0, error500: 0, status429: 0, timeout: 0, drop_after_commit: 0, malformed: 0 };

  constructor(private readonly random: () => number = Math.random) {}

  /** Sets the random plan; null turns random faults off. Invalid input throws with the field named. */
  configure(plan: FaultPlanInput | null): void {
    this.plan = plan === null ? null : faultPlanSchema.parse(plan);
  }

  /** Queues faults for the next requests, in order, before any random ones. */
  script(...kinds: FaultKind[]): void {
    this.scripted.push(...kinds);
  }

  next(): FaultDecision | null {
    this.requests += 1;
    const kind = this.scripted.shift() ?? this.draw();
    if (kind === null) return null;
    this.injected[kind] += 1;
    return { kind, afterCommit: kind === 'drop_after_commit' || kind === 'malformed' };
  }

  private draw(): FaultKind | null {
    const plan = this.plan;
    if (plan === null || plan.rate === 0 || this.random() >= plan.rate) return null;
    return plan.kinds[Math.floor(this.random() * plan.kinds.length)] ?? null;
  }

  get latencyMs(): number {
    return this.plan?.latencyMs ?? 200;
  }

  get hangMs(): number {
    return this.plan?.hangMs ?? 30_000;
  }

  /** Retry-After alternates between its two forms: delta-seconds, then an HTTP date. */
  retryAfterHeader(now: number): string {
    const seconds = this.plan?.retryAfterSeconds ?? 1;
    this.count429 += 1;
    if (this.count429 % 2 === 1) return String(seconds);
    // An HTTP date has whole seconds; rounding up keeps the wait at least `seconds`.
    return new Date(Math.ceil(now / 1000) * 1000 + (seconds + 1) * 1000).toUTCString();
  }
}

/** Parses the CLI form, e.g. "rate=0.3,kinds=error500+status429+timeout,latency=200,retry-after=1,hang=5000". */
export function parseFaultSpec(spec: string): FaultPlan {
  const fields: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const [key, value] = part.split('=', 2).map((text) => text.trim());
    if (!key || value === undefined) {
      throw new Error(`--faults: "${part}" is not key=value. Example: rate=0.3,kinds=error500+status429+timeout.`);
    }
    fields[key] = value;
  }

  const known = new Set(['rate', 'kinds', 'latency', 'retry-after', 'hang']);
  const unknown = Object.keys(fields).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`--faults: unknown key ${unknown.join(', ')}; use ${[...known].join(', ')}.`);

  const number = (key: string) => (fields[key] === undefined ? undefined : Number(fields[key]));
  const parsed = faultPlanSchema.safeParse({
    rate: number('rate') ?? 0,
    kinds: (fields.kinds ?? faultKindSchema.options.join('+')).split('+'),
    latencyMs: number('latency'),
    retryAfterSeconds: number('retry-after'),
    hangMs: number('hang'),
  });
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`--faults "${spec}" is invalid: ${detail}. Kinds: ${faultKindSchema.options.join(', ')}.`);
  }
  return parsed.data;
}

/** Sends a body that breaks the contract: alternately not JSON and JSON of the wrong shape. */
export function sendMalformed(res: ServerResponse, variant: number): void {
  const body = variant % 2 === 0 ? '{"results": [{"id": ' : JSON.stringify({ results: 'stored' });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Keeps the request open without a reply, then closes the connection; the client's timeout should fire first. */
export function hang(req: IncomingMessage, res: ServerResponse, hangMs: number): Promise<void> {
  req.resume();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.destroy();
      resolve();
    }, hangMs);
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
