import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, ValidateIf, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting OneWindow reads, with its default. Validated once at boot: a bad or missing
 * setting stops the process with a message naming it (STYLE.md, "Configuration").
 * `.env.example` lists the same settings; keep the two in step.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** The application's own role: may only insert into (and read) the audit table. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://onewindow_app@127.0.0.1:5432/onewindow';

  /** The owner role that runs migrations and owns the tables. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_OWNER_URL = 'postgres://onewindow_owner@127.0.0.1:5432/onewindow';

  /** A superuser connection, used only by the scripts that create databases and roles. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /** BullMQ key prefix: each test run takes its own so a running demo never takes its jobs. */
  @Matches(/^[a-z0-9_-]+$/i, { message: 'letters, digits, - and _ only' })
  QUEUE_PREFIX = 'onewindow';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORTAL_PORT = 3000;

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  BACKOFFICE_PORT = 3001;

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  WORKER_PORT = 3002;

  @IsString()
  HOST = '127.0.0.1';

  /**
   * What one worker process runs: `all` (every queue and the outbox relay), `flow` (all but the
   * notice PDFs) or `documents` (only the notice PDFs, at a lower CPU priority). Rendering a PDF is
   * long synchronous work; in a process of its own it never holds up a precheck or a message.
   */
  @IsIn(['all', 'flow', 'documents'])
  WORKER_ROLE: 'all' | 'flow' | 'documents' = 'all';

  /** Public base URL of the portal, printed in QR codes and links. */
  @Matches(/^https?:\/\/[^/]+(\/.*)?$/, { message: 'must be an http(s) URL' })
  PORTAL_PUBLIC_URL = 'http://127.0.0.1:3000';

  /** Where materials and PDFs are stored (outside any web root). */
  @IsString() @MinLength(1)
  STORAGE_DIR = './var/storage';

  /** Ed25519 private key (PKCS#8 PEM, or base64 of it) signing licences. */
  @IsOptional() @IsString()
  LICENSE_SIGNING_KEY?: string;

  /** Alternatively a path to the PEM file. */
  @IsOptional() @IsString()
  LICENSE_SIGNING_KEY_FILE?: string;

  @IsString() @MinLength(2)
  BUREAU_NAME = '朔州市平鲁区行政审批服务管理局';

  @Matches(/^\d{6}$/, { message: 'must be a 6-digit administrative division code' })
  DIVISION_CODE = '140603';

  /** Staff and applicant sessions expire after this many hours without use. */
  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 30)
  SESSION_TTL_HOURS = 12;

  /** Per-file upload limit in bytes (20 MB). */
  @Transform(toInt) @IsInt() @Min(1024)
  UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

  /** All materials of one application together (100 MB). */
  @Transform(toInt) @IsInt() @Min(1024)
  UPLOAD_MAX_BYTES_PER_APPLICATION = 100 * 1024 * 1024;

  /** Public look-ups (tracking, licence verification) each client may make per minute. */
  @Transform(toInt) @IsInt() @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 60;

  /** Failed sign-ins per account in a minute; the next attempt is a 429 until the minute is over. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  /**
   * Failed sign-ins from one client address in a minute, whatever the account (stops one client
   * spraying many accounts). A bureau whose clerks share one address (the office's NAT) raises it,
   * or names its proxy in TRUST_PROXY so each clerk's own address is counted.
   */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 5;

  /**
   * Which hops may name the client's address in X-Forwarded-For (the address the sign-in and
   * look-up limits count): `none`, a hop count, or comma-separated proxy addresses and CIDR
   * ranges (`loopback`, `linklocal`, `uniquelocal` allowed). Anyone else's header is ignored.
   */
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== null,
      defaultMessage: () => 'none, a hop count (1-10), or comma-separated proxy addresses / CIDR ranges (loopback, linklocal, uniquelocal)',
    },
  })
  TRUST_PROXY = 'loopback';

  /** Seeds the demo accounts with this password; outside demo mode no account has a default password. */
  @IsOptional() @IsString() @MinLength(10)
  DEMO_PASSWORD?: string;

  /** A claim untouched for this many office hours (DESIGN.md, "The clock") is released by a job. */
  @Transform(toInt) @IsNumber({}, { message: 'must be a number of office hours' }) @Min(0.25) @Max(7 * 20)
  CLAIM_IDLE_OFFICE_HOURS = 2;

  /**
   * Who sends text messages: `outbox` only marks them sent (development and demos: the /dev/outbox
   * page shows them), `webhook` POSTs each as JSON to SMS_WEBHOOK_URL (the SMS gateway's adapter).
   */
  @IsIn(['outbox', 'webhook'])
  SMS_SENDER: 'outbox' | 'webhook' = 'outbox';

  @ValidateIf((c: AppConfig) => c.SMS_SENDER === 'webhook')
  @Matches(/^https?:\/\/[^/]+(\/.*)?$/, { message: 'must be an http(s) URL when SMS_SENDER=webhook' })
  SMS_WEBHOOK_URL = '';

  /** The same for e-mail. */
  @IsIn(['outbox', 'webhook'])
  EMAIL_SENDER: 'outbox' | 'webhook' = 'outbox';

  @ValidateIf((c: AppConfig) => c.EMAIL_SENDER === 'webhook')
  @Matches(/^https?:\/\/[^/]+(\/.*)?$/, { message: 'must be an http(s) URL when EMAIL_SENDER=webhook' })
  EMAIL_WEBHOOK_URL = '';

  /** A webhook call that takes longer fails, and its job retries with backoff. */
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000)
  NOTIFY_WEBHOOK_TIMEOUT_MS = 5000;

  /** 1: serve /dev/outbox (every message recorded), only where NODE_ENV is development or test; the demo sets it. */
  @IsIn(['0', '1'])
  DEV_OUTBOX: '0' | '1' = '0';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' = 'info';
}

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Fastify's `trustProxy` takes it: false (the socket's address is the client's),
 * a hop count, or the trusted proxies. Null when the value is malformed. Trusting every hop is
 * not offered: then any client could name itself a new address and escape the limits.
 */
export function parseTrustProxy(value: string): false | number | string[] | null {
  const text = value.trim().toLowerCase();
  if (text === 'none' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text) <= 10 ? Number(text) : null;
  const entries = text.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (PROXY_RANGE_NAMES.has(entry)) return true;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  return valid ? entries : null;
}

/** The validated TRUST_PROXY setting, parsed. */
export function trustProxyOf(config: AppConfig): false | number | string[] {
  return parseTrustProxy(config.TRUST_PROXY) ?? false;
}

export class ConfigError extends Error {}

/** Reads the settings from an environment; throws a ConfigError naming every bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of [...known, 'LICENSE_SIGNING_KEY', 'LICENSE_SIGNING_KEY_FILE', 'DEMO_PASSWORD']) {
    if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(raw[e.property] ?? e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.NODE_ENV === 'production' && !config.LICENSE_SIGNING_KEY && !config.LICENSE_SIGNING_KEY_FILE) {
    throw new ConfigError('Invalid configuration:\n  LICENSE_SIGNING_KEY or LICENSE_SIGNING_KEY_FILE is required in production');
  }
  if (config.NODE_ENV === 'production' && config.DEV_OUTBOX === '1') {
    throw new ConfigError('Invalid configuration:\n  DEV_OUTBOX=1: the development outbox shows every message sent; it is refused when NODE_ENV=production');
  }
  return config;
}
