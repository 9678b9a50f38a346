import type { Logger as TypeOrmLogger } from 'typeorm';
// Relative: jest's global set-up loads this library without the @onewindow path mapping.
import { maskPersonalData } from '../../domain/src/personal-data';

const MAX_QUERY_CHARS = 2000;

/**
 * TypeORM's logger for the apps: a failed query is one JSON line with the error and the SQL
 * text, never its parameters (they carry ID numbers, phones and form data); anything that still
 * looks like an ID or mobile number in the error or the SQL is masked. Only failures, slow
 * queries and warnings are logged.
 */
export class ParameterFreeQueryLogger implements TypeOrmLogger {
  constructor(private readonly enabled = true) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : `${error.name}: ${error.message}`;
    this.write('error', message, query);
  }

  logQuerySlow(time: number, query: string): void {
    this.write('warn', `slow query: ${time} ms`, query);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.write('log', message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.write('warn', String(message));
  }

  private write(level: 'error' | 'warn' | 'log', message: string, query?: string): void {
    if (!this.enabled) return;
    const record = {
      time: new Date().toISOString(),
      level,
      pid: process.pid,
      context: 'TypeORM',
      message: maskPersonalData(message),
      ...(query ? { query: maskPersonalData(query.length > MAX_QUERY_CHARS ? `${query.slice(0, MAX_QUERY_CHARS)}…` : query) } : {}),
    };
    (level === 'log' ? process.stdout : process.stderr).write(`${JSON.stringify(record)}\n`);
  }
}
