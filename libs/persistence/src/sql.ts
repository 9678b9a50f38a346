import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs an UPDATE/DELETE … RETURNING and gives back its rows. (TypeORM's query() answers such a
 * statement with [rows, rowCount] rather than rows, unlike SELECT and INSERT.)
 */
export async function queryReturning<T>(db: EntityManager | DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
