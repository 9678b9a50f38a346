import { LoggerService, LogLevel } from '@nestjs/common';
import { maskPersonalData } from '@onewindow/domain/personal-data';

const LEVELS_OF: Record<'quiet' | 'all', LogLevel[]> = {
  quiet: ['fatal', 'error', 'warn'],
  all: ['fatal', 'error', 'warn', 'log'],
};

/** Nest passes a stack as the first extra parameter of `error`; it looks like "Error: …\n    at …". */
const LOOKS_LIKE_STACK = /^[^\n]*\n\s+at /;

/**
 * The apps' logger: one JSON object per line ({time, level, app, pid, context, message, stack?}),
 * with every ID number and mobile number masked (maskPersonalData), whatever the caller passed.
 * Errors and warnings go to stderr, the rest to stdout.
 */
export class JsonLogger implements LoggerService {
  private levels: Set<LogLevel>;

  constructor(
    private readonly app: string,
    levels: LogLevel[] = LEVELS_OF.all,
  ) {
    this.levels = new Set(levels);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.levels = new Set(levels);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.levels.has(level)) return;
    const rest = params.filter((p) => p !== undefined);
    // Nest's convention: the last string parameter is the context.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' && LOOKS_LIKE_STACK.test(rest[0]) ? (rest.shift() as string) : message instanceof Error ? message.stack : undefined;
    const record: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      app: this.app,
      pid: process.pid,
      ...(context ? { context } : {}),
      message: maskPersonalData(textOf(message)),
      ...(stack ? { stack: maskPersonalData(stack) } : {}),
      ...(rest.length > 0 ? { details: maskPersonalData(rest.map(textOf).join(' ')) } : {}),
    };
    const line = `${JSON.stringify(record)}\n`;
    if (level === 'error' || level === 'fatal' || level === 'warn') process.stderr.write(line);
    else process.stdout.write(line);
  }
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The logger for an app from its `logger` option: false silent; 'quiet' errors and warnings; otherwise also lifecycle lines. */
export function appLogger(app: string, option: boolean | 'quiet' | undefined): JsonLogger | false {
  if (option === false) return false;
  return new JsonLogger(app, option === 'quiet' ? LEVELS_OF.quiet : LEVELS_OF.all);
}
