"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BENCH_STAFF = exports.BENCH_PASSWORD = exports.BENCH_DATABASE = void 0;
exports.prepareBenchDatabase = prepareBenchDatabase;
const node_crypto_1 = require("node:crypto");
const pg_1 = require("pg");
const auth_1 = require("../libs/auth/src/index.js");
const config_1 = require("../libs/config/src/index.js");
const persistence_1 = require("../libs/persistence/src/index.js");
const seed_1 = require("./seed");
exports.BENCH_DATABASE = 'onewindow_bench';
const SEED_VERSION = 1;
exports.BENCH_PASSWORD = 'Bench-Staff-Pass-2026';
exports.BENCH_STAFF = [
    { username: 'bench-clerk', roles: ['window_clerk'], sections: [] },
    { username: 'bench-reviewer', roles: ['reviewer'], sections: ['planning'] },
    { username: 'bench-chief', roles: ['window_clerk', 'reviewer', 'seal_officer'], sections: ['market_registration', 'food_drug', 'investment', 'planning', 'construction', 'social_organizations'] },
];
const withDatabase = (url) => {
    const u = new URL(url);
    u.pathname = `/${exports.BENCH_DATABASE}`;
    return u.toString();
};
async function prepareBenchDatabase(n, log = console.log) {
    const config = (0, config_1.loadConfig)();
    const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: withDatabase(config.DATABASE_OWNER_URL), appUrl: withDatabase(config.DATABASE_URL) };
    const marker = `onewindow bench seed v${SEED_VERSION} n=${n}`;
    const admin = new pg_1.Client({ connectionString: urls.adminUrl });
    await admin.connect();
    const [existing] = (await admin.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [exports.BENCH_DATABASE])).rows;
    await admin.end();
    const reused = existing?.comment === marker;
    let seedSeconds = null;
    if (!reused) {
        log(`${exports.BENCH_DATABASE}: ${existing ? `holds "${existing.comment ?? 'no seed'}", dropping it` : 'creating it'}; seeding ${n.toLocaleString('en')} applications`);
        await (0, persistence_1.dropDatabase)(urls.adminUrl, exports.BENCH_DATABASE);
    }
    else {
        log(`${exports.BENCH_DATABASE}: reusing its ${n.toLocaleString('en')} seeded applications`);
    }
    await (0, persistence_1.ensureDatabase)(urls);
    await (0, persistence_1.runMigrations)(urls);
    const owner = await (0, persistence_1.createDataSource)(urls.ownerUrl, { poolSize: 2, applicationName: 'onewindow-bench-seed' }).initialize();
    try {
        if (!reused) {
            const started = Date.now();
            const passwordHash = await (0, auth_1.hashPassword)(exports.BENCH_PASSWORD);
            for (const s of exports.BENCH_STAFF) {
                await owner.getRepository(persistence_1.AccountEntity).insert({ kind: 'staff', name: s.username, username: s.username, passwordHash, roles: [...s.roles], sections: [...s.sections] });
            }
            const ids = (await owner.getRepository(persistence_1.AccountEntity).findBy(exports.BENCH_STAFF.map((s) => ({ username: s.username })))).map((a) => a.id);
            const claimHolders = [...ids, ...Array.from({ length: 12 }, () => (0, node_crypto_1.randomUUID)())];
            await (0, seed_1.seedApplications)(owner, {
                count: n,
                claimHolders,
                dueBase: new Date(),
                applicantId: (0, node_crypto_1.randomUUID)(),
                ownerAccountId: (0, node_crypto_1.randomUUID)(),
                onProgress: (done) => log(`  ${done.toLocaleString('en')} / ${n.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`),
            });
            await (0, seed_1.rebuildQueueCounters)(owner);
            log('  VACUUM ANALYZE applications');
            await owner.query('VACUUM ANALYZE applications');
            seedSeconds = (Date.now() - started) / 1000;
            await owner.query(`COMMENT ON DATABASE ${exports.BENCH_DATABASE} IS '${marker}'`);
            log(`  seeded in ${seedSeconds.toFixed(0)} s`);
        }
        const accounts = await owner.getRepository(persistence_1.AccountEntity).findBy(exports.BENCH_STAFF.map((s) => ({ username: s.username })));
        const staff = Object.fromEntries(accounts.map((a) => [a.username, { id: a.id, roles: a.roles, sections: a.sections }]));
        return { ...urls, n, reused, seedSeconds, staff };
    }
    finally {
        await owner.destroy();
    }
}
