/**
 * The benchmarks' own database, `onewindow_bench`, never the demo's or a test's. Seeded once per
 * N: a database whose comment records the same N and seed version is reused as it is (pending
 * migrations are still applied); any other is dropped and made again.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@onewindow/auth';
import { loadConfig } from '@onewindow/config';
import { AccountEntity, createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@onewindow/persistence';
import { rebuildQueueCounters, seedApplications } from './seed';

export const BENCH_DATABASE = 'onewindow_bench';
/** Bump when seed.ts changes what it makes, so an old seeding is not reused. */
const SEED_VERSION = 1;
export const BENCH_PASSWORD = 'Bench-Staff-Pass-2026';

/** Staff of the benchmark database: a clerk, a reviewer of one section, and one person working all three queues. */
export const BENCH_STAFF = [
  { username: 'bench-clerk', roles: ['window_clerk'], sections: [] as string[] },
  { username: 'bench-reviewer', roles: ['reviewer'], sections: ['planning'] },
  { username: 'bench-chief', roles: ['window_clerk', 'reviewer', 'seal_officer'], sections: ['market_registration', 'food_drug', 'investment', 'planning', 'construction', 'social_organizations'] },
] as const;

export interface BenchDatabase {
  adminUrl: string;
  ownerUrl: string;
  appUrl: string;
  n: number;
  reused: boolean;
  seedSeconds: number | null;
  /** The database's comment: the seed marker, when and how long seeding took. */
  seeded: string;
  staff: Record<string, { id: string; roles: string[]; sections: string[] }>;
}

const withDatabase = (url: string) => {
  const u = new URL(url);
  u.pathname = `/${BENCH_DATABASE}`;
  return u.toString();
};

export async function prepareBenchDatabase(n: number, log: (line: string) => void = console.log): Promise<BenchDatabase> {
  const config = loadConfig();
  const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: withDatabase(config.DATABASE_OWNER_URL), appUrl: withDatabase(config.DATABASE_URL) };
  const marker = `onewindow bench seed v${SEED_VERSION} n=${n}`;
  const admin = new Client({ connectionString: urls.adminUrl });
  await admin.connect();
  const [existing] = (
    await admin.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [BENCH_DATABASE])
  ).rows as Array<{ comment: string | null }>;
  await admin.end();

  // The comment is the marker, then when and how fast it was seeded.
  let reused = existing?.comment === marker || existing?.comment?.startsWith(`${marker};`) === true;
  let seedSeconds: number | null = null;
  if (reused) {
    log(`${BENCH_DATABASE}: reusing its ${n.toLocaleString('en')} seeded applications`);
    try {
      await runMigrations(urls);
    } catch (error) {
      // A migration rewritten since the seeding (not merely added) cannot be applied on top: start again.
      log(`${BENCH_DATABASE}: its schema no longer migrates (${error instanceof Error ? error.message : String(error)})`);
      reused = false;
    }
  }
  if (!reused) {
    log(`${BENCH_DATABASE}: ${existing ? `holds "${existing.comment ?? 'no seed'}", dropping it` : 'creating it'}; seeding ${n.toLocaleString('en')} applications`);
    await dropDatabase(urls.adminUrl, BENCH_DATABASE);
    await ensureDatabase(urls);
    await runMigrations(urls);
  }
  const owner = await createDataSource(urls.ownerUrl, { poolSize: 2, applicationName: 'onewindow-bench-seed' }).initialize();
  try {
    if (!reused) {
      const started = Date.now();
      const passwordHash = await hashPassword(BENCH_PASSWORD);
      for (const s of BENCH_STAFF) {
        await owner.getRepository(AccountEntity).insert({ kind: 'staff', name: s.username, username: s.username, passwordHash, roles: [...s.roles], sections: [...s.sections] });
      }
      const ids = (await owner.getRepository(AccountEntity).findBy(BENCH_STAFF.map((s) => ({ username: s.username })))).map((a) => a.id);
      // Claims spread over the three and a dozen colleagues who are not signed in.
      const claimHolders = [...ids, ...Array.from({ length: 12 }, () => randomUUID())];
      await seedApplications(owner, {
        count: n,
        claimHolders,
        dueBase: new Date(),
        applicantId: randomUUID(),
        ownerAccountId: randomUUID(),
        onProgress: (done) => log(`  ${done.toLocaleString('en')} / ${n.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`),
      });
      await rebuildQueueCounters(owner);
      log('  VACUUM ANALYZE applications');
      await owner.query('VACUUM ANALYZE applications');
      seedSeconds = (Date.now() - started) / 1000;
      await owner.query(`COMMENT ON DATABASE ${BENCH_DATABASE} IS '${marker}; seeded ${new Date().toISOString()} in ${seedSeconds.toFixed(0)} s'`);
      log(`  seeded in ${seedSeconds.toFixed(0)} s`);
    }
    const accounts = await owner.getRepository(AccountEntity).findBy(BENCH_STAFF.map((s) => ({ username: s.username })));
    const staff = Object.fromEntries(accounts.map((a) => [a.username!, { id: a.id, roles: a.roles, sections: a.sections }]));
    const [{ comment }] = await owner.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [BENCH_DATABASE]);
    return { ...urls, n, reused, seedSeconds, seeded: String(comment ?? ''), staff };
  } finally {
    await owner.destroy();
  }
}
