import { EntityManager } from 'typeorm';

/**
 * The next number of a scope, from the row-locked counter table. The row stays locked until the
 * caller's transaction ends, so numbers are consecutive and a rolled-back use gives its number back.
 */
export async function nextNumber(em: EntityManager, scope: string): Promise<number> {
  const [row]: Array<{ value: string }> = await em.query(
    `INSERT INTO number_counters (scope, value) VALUES ($1, 1)
     ON CONFLICT (scope) DO UPDATE SET value = number_counters.value + 1
     RETURNING value`,
    [scope],
  );
  return Number(row.value);
}
