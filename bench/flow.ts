/**
 * What the submit, route and memory benchmarks share: the flow database with its applicant and
 * template draft, the apps' settings, pools of drafts handed out to load processes, and the
 * writes one submit makes (from PostgreSQL's own statistics).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Applicant, copyDrafts, Draft, fileTemplateDraft, FlowDatabase, prepareFlowDatabase, registerApplicant } from './drafts';
import { AppProcess, startApp } from './processes';

/** The BullMQ prefix of a scenario's apps: `onewindow-bench-flow-<scenario>`. */
export const flowQueuePrefixOf = (scenario: string) => `onewindow-bench-flow-${scenario}`;

export interface Flow {
  db: FlowDatabase;
  /** A scratch directory: storage, logs, load specs. Removed by `close`. */
  dir: string;
  env: Record<string, string>;
  portal: AppProcess;
  applicant: Applicant;
  templateId: string;
  drafts: DraftPool;
  close(): Promise<void>;
}

/** Settings of every app of a flow benchmark: its own database, queue prefix and storage. */
function appEnv(db: FlowDatabase, queuePrefix: string, dir: string): Record<string, string> {
  return {
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.ownerUrl,
    QUEUE_PREFIX: queuePrefix,
    STORAGE_DIR: join(dir, 'storage'),
    NODE_ENV: 'development',
  };
}

/**
 * A fresh `onewindow_bench_flow_<name>` (queue prefix `onewindow-bench-flow-<name>`), the portal in its own process, an applicant with `sessions`
 * sessions and one complete draft filed through the API (the template of every copy).
 */
export async function openFlow(name: string, sessions: number, log: (line: string) => void): Promise<Flow> {
  const dir = mkdtempSync(join(tmpdir(), `onewindow-bench-${name}-`));
  const db = await prepareFlowDatabase(name);
  log(`${db.name}: made afresh`);
  const queuePrefix = flowQueuePrefixOf(name);
  await clearQueues(queuePrefix);
  const env = appEnv(db, queuePrefix, dir);
  const portal = await startApp('portal', env, join(dir, 'logs'));
  log(`portal: pid ${portal.pid} on ${portal.url}`);
  let applicant: Applicant;
  let templateId: string;
  try {
    applicant = await registerApplicant(portal.url, db.ownerUrl, sessions);
    templateId = await fileTemplateDraft(portal.url, applicant.tokens[0]);
  } catch (error) {
    await portal.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)} (portal log: ${join(dir, 'logs', 'portal.log')})`);
  }
  const flow: Flow = {
    db,
    dir,
    env,
    portal,
    applicant,
    templateId,
    drafts: new DraftPool(db.ownerUrl, templateId),
    close: async () => {
      await portal.stop();
      await clearQueues(queuePrefix);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return flow;
}

/** Removes a flow prefix's BullMQ keys (a previous run's jobs must not reach this run's worker). */
export async function clearQueues(queuePrefix: string): Promise<void> {
  const { default: IORedis } = await import('ioredis');
  const { loadConfig } = await import('@onewindow/config');
  const redis = new IORedis(loadConfig().REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Drafts for one side of a benchmark, each handed out once: `take` gives the unused ones (at
 * least `atLeast`, copying more from the template when short) and `used` moves past those a
 * load process consumed.
 */
export class DraftPool {
  private static batch = 0;
  private readonly pool: Draft[] = [];
  private cursor = 0;

  constructor(
    private readonly ownerUrl: string,
    private readonly templateId: string,
  ) {}

  async take(atLeast: number): Promise<Draft[]> {
    while (this.pool.length - this.cursor < atLeast) {
      const count = Math.min(50_000, Math.max(2_000, atLeast - (this.pool.length - this.cursor)));
      this.pool.push(...(await copyDrafts(this.ownerUrl, this.templateId, count, DraftPool.batch++)));
    }
    return this.pool.slice(this.cursor);
  }

  used(count: number): void {
    this.cursor += count;
  }
}

export interface TableWrites {
  table: string;
  inserted: number;
  updated: number;
}

/** Rows inserted and updated so far per table (PostgreSQL's statistics, as flushed). */
async function tableCounters(ownerUrl: string): Promise<Map<string, { ins: number; upd: number }>> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const rows = (await client.query('SELECT relname, n_tup_ins, n_tup_upd FROM pg_stat_user_tables')).rows as Array<{ relname: string; n_tup_ins: string; n_tup_upd: string }>;
    return new Map(rows.map((r) => [r.relname, { ins: Number(r.n_tup_ins), upd: Number(r.n_tup_upd) }]));
  } finally {
    await client.end();
  }
}

/**
 * The rows one `work` (a submit) inserts and updates, per table. An idle backend flushes its
 * statistics within 10 s (PGSTAT_IDLE_INTERVAL), so this reads them 11 s before and after.
 */
export async function writesOf(ownerUrl: string, work: () => Promise<void>): Promise<TableWrites[]> {
  const pause = () => new Promise((r) => setTimeout(r, 11_000));
  await pause();
  const before = await tableCounters(ownerUrl);
  await work();
  await pause();
  const after = await tableCounters(ownerUrl);
  const writes: TableWrites[] = [];
  for (const [table, c] of after) {
    const b = before.get(table) ?? { ins: 0, upd: 0 };
    if (c.ins !== b.ins || c.upd !== b.upd) writes.push({ table, inserted: c.ins - b.ins, updated: c.upd - b.upd });
  }
  return writes.sort((a, b) => a.table.localeCompare(b.table));
}
