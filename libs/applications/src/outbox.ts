import { EntityManager } from 'typeorm';
import { JobName, JobPayloads, OUTBOX_CHANNEL } from '@onewindow/queues';

/**
 * Queues work by writing an outbox row in the caller's transaction; the relay hands it to
 * BullMQ after commit (NOTIFY is delivered only if the transaction commits). The row and the
 * NOTIFY go in one statement: one round trip.
 */
export async function enqueueJob<K extends JobName>(em: EntityManager, queue: string, jobName: K, payload: JobPayloads[K]): Promise<void> {
  await em.query(
    `WITH queued AS (INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM queued`,
    [queue, jobName, JSON.stringify(payload)],
  );
}
