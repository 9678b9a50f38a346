import { Client } from 'pg';
import { createDataSource } from './data-source';

/**
 * Database set-up the scripts run before any app starts: the two roles (the owner that runs
 * migrations, the application's role that may only append to the audit log), the database, the
 * migrations, and the grants. Everything here is idempotent.
 */

interface ParsedUrl {
  user: string;
  password: string | null;
  database: string;
}

function parse(url: string): ParsedUrl {
  const u = new URL(url);
  return {
    user: decodeURIComponent(u.username || 'postgres'),
    password: u.password ? decodeURIComponent(u.password) : null,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureRole(admin: Client, user: string, password: string | null): Promise<void> {
  // Two processes may create the same role at once (parallel test runs): a duplicate is fine.
  try {
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE ROLE ${ident(user)} LOGIN${password ? ` PASSWORD ${literal(password)}` : ''}`);
    }
  } catch (error) {
    if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42710') throw error;
  }
}

export interface DatabaseUrls {
  adminUrl: string;
  ownerUrl: string;
  appUrl: string;
}

/** Creates the owner and application roles and the database when they are missing; says whether it made the database. */
export async function ensureDatabase(urls: DatabaseUrls): Promise<{ created: boolean }> {
  const owner = parse(urls.ownerUrl);
  const app = parse(urls.appUrl);
  if (owner.database !== app.database) throw new Error('DATABASE_URL and DATABASE_OWNER_URL must name the same database');
  return withClient(urls.adminUrl, async (admin) => {
    await ensureRole(admin, owner.user, owner.password);
    await ensureRole(admin, app.user, app.password);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [owner.database]);
    if (exists.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE ${ident(owner.database)} OWNER ${ident(owner.user)} ENCODING 'UTF8' TEMPLATE template0`);
        return { created: true };
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
    return { created: false };
  });
}

/**
 * Makes the owner URL's database a copy of the migrated `template` (same owner, tables, grants and seed rows):
 * far quicker than migrating again, so each test file can have a database of its own.
 */
export async function copyDatabase(urls: DatabaseUrls, template: string): Promise<void> {
  const owner = parse(urls.ownerUrl);
  await withClient(urls.adminUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${ident(owner.database)} OWNER ${ident(owner.user)} TEMPLATE ${ident(template)}`);
  });
}

/** The databases whose names start with `prefix` (a test run's own, say). */
export async function databasesNamed(adminUrl: string, prefix: string): Promise<string[]> {
  return withClient(adminUrl, async (admin) => {
    const rows = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname", [prefix]);
    return rows.rows.map((row) => row.datname);
  });
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  });
}

/**
 * Runs pending migrations as the owner, under an advisory lock so that several instances
 * starting together migrate once, then grants the application role its rights: everything it
 * needs on every table, but on the audit log only SELECT and INSERT.
 */
export async function runMigrations(urls: { ownerUrl: string; appUrl: string }): Promise<string[]> {
  const app = parse(urls.appUrl);
  const dataSource = createDataSource(urls.ownerUrl, { poolSize: 2, applicationName: 'onewindow-migrate' });
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['onewindow-migrations']);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      const role = ident(app.user);
      await runner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      await runner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      for (const appendOnly of ['audit_events', 'audit_daily_digests', 'migrations']) {
        const [{ exists }] = await runner.query('SELECT to_regclass($1) IS NOT NULL AS exists', [appendOnly]);
        if (exists) await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${ident(appendOnly)} FROM ${role}`);
      }
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['onewindow-migrations']);
      return applied.map((m) => m.name);
    } finally {
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

/** The SQL that would bring the schema in line with the entities: empty when migrations and entities agree. */
export async function pendingSchemaChanges(ownerUrl: string): Promise<{ up: string[]; down: string[] }> {
  const dataSource = createDataSource(ownerUrl, { poolSize: 1, applicationName: 'onewindow-schema-check' });
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
  } finally {
    await dataSource.destroy();
  }
}
