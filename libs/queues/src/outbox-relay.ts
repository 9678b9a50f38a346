import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, jobOptionsOf, outboxJobId } from './job-payloads';

/** The channel transitions NOTIFY after writing an outbox row, so the relay wakes at commit. */
export const OUTBOX_CHANNEL = 'onewindow_outbox';

interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
}

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED so
 * several relays can run; each job's id is `outbox-<rowId>`, so a row sent twice (a crash
 * between add and mark) is queued once. PostgreSQL stays the record: Redis only carries work.
 */
export class OutboxRelay {
  private listener: Client | null = null;
  private connecting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queueFor: (name: string) => Queue,
    private readonly options: { listenUrl: string; pollMs?: number; batchSize?: number; onError?: (error: unknown) => void },
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    // The timer is a safety net for a missed notification, and listens again after a lost connection (a database restart).
    this.timer = setInterval(() => {
      if (!this.listener) this.listen().catch((error: unknown) => this.options.onError?.(error));
      void this.wake();
    }, this.options.pollMs ?? 2000);
    this.wake();
  }

  /** Opens the LISTEN connection (one attempt at a time); a lost one is dropped and opened again by the timer. */
  private listen(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.options.listenUrl, connectionTimeoutMillis: 5000 });
      client.on('notification', () => this.wake());
      client.on('error', (error) => {
        this.options.onError?.(error);
        if (this.listener === client) this.listener = null;
        void client.end().catch(() => undefined);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.listener = client;
      // Rows committed while nobody listened are sent now, not at the next tick.
      void this.wake();
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
    await this.connecting?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Drains now; concurrent wake-ups fold into one more pass. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.sendBatch()) === (this.options.batchSize ?? 100));
        } while (this.again && !this.stopped);
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** Sends one batch; returns how many rows it sent. */
  async sendBatch(): Promise<number> {
    const batchSize = this.options.batchSize ?? 100;
    return this.dataSource.transaction(async (em) => {
      const rows: OutboxRow[] = await em.query(
        'SELECT id, queue, job_name, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
        [batchSize],
      );
      if (rows.length === 0) return 0;
      await Promise.all(
        // Delayed jobs (deadlines) name themselves, so a clock rescheduled to the same due time adds nothing.
        rows.map((row) => this.queueFor(row.queue).add(row.job_name, row.payload, { ...DEFAULT_JOB_OPTIONS, jobId: outboxJobId(row.id), ...jobOptionsOf(row.job_name, row.payload) })),
      );
      await em.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
