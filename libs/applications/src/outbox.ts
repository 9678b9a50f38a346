import { EntityManager } from 'typeorm';
import { JobName, JobPayloads, OUTBOX_CHANNEL } from '@onewindow/queues';

/**
 * Queues work by writing an outbox row in the caller's transaction; the relay hands it to
 * BullMQ after commit (NOTIFY is delivered only if the transaction commits).
 */
export async function enqueueJob<K extends JobName>(em: EntityManager, queue: string, jobName: K, payload: JobPayloads[K]): Promise<void> {
  await em.query('INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3)', [queue, jobName, JSON.stringify(payload)]);
  await em.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
}
