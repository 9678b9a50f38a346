"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ensureDatabase = ensureDatabase;
exports.dropDatabase = dropDatabase;
exports.runMigrations = runMigrations;
exports.pendingSchemaChanges = pendingSchemaChanges;
const pg_1 = require("pg");
const data_source_1 = require("./data-source");
function parse(url) {
    const u = new URL(url);
    return {
        user: decodeURIComponent(u.username || 'postgres'),
        password: u.password ? decodeURIComponent(u.password) : null,
        database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    };
}
const ident = (name) => `"${name.replace(/"/g, '""')}"`;
const literal = (value) => `'${value.replace(/'/g, "''")}'`;
async function withClient(url, fn) {
    const client = new pg_1.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
        return await fn(client);
    }
    finally {
        await client.end();
    }
}
async function ensureRole(admin, user, password) {
    try {
        const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
        if (exists.rowCount === 0) {
            await admin.query(`CREATE ROLE ${ident(user)} LOGIN${password ? ` PASSWORD ${literal(password)}` : ''}`);
        }
    }
    catch (error) {
        if (error.code !== '23505' && error.code !== '42710')
            throw error;
    }
}
async function ensureDatabase(urls) {
    const owner = parse(urls.ownerUrl);
    const app = parse(urls.appUrl);
    if (owner.database !== app.database)
        throw new Error('DATABASE_URL and DATABASE_OWNER_URL must name the same database');
    return withClient(urls.adminUrl, async (admin) => {
        await ensureRole(admin, owner.user, owner.password);
        await ensureRole(admin, app.user, app.password);
        const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [owner.database]);
        if (exists.rowCount === 0) {
            try {
                await admin.query(`CREATE DATABASE ${ident(owner.database)} OWNER ${ident(owner.user)} ENCODING 'UTF8' TEMPLATE template0`);
                return { created: true };
            }
            catch (error) {
                if (error.code !== '42P04')
                    throw error;
            }
        }
        return { created: false };
    });
}
async function dropDatabase(adminUrl, database) {
    await withClient(adminUrl, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
    });
}
async function runMigrations(urls) {
    const app = parse(urls.appUrl);
    const dataSource = (0, data_source_1.createDataSource)(urls.ownerUrl, { poolSize: 2, applicationName: 'onewindow-migrate' });
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
                if (exists)
                    await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${ident(appendOnly)} FROM ${role}`);
            }
            await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['onewindow-migrations']);
            return applied.map((m) => m.name);
        }
        finally {
            await runner.release();
        }
    }
    finally {
        await dataSource.destroy();
    }
}
async function pendingSchemaChanges(ownerUrl) {
    const dataSource = (0, data_source_1.createDataSource)(ownerUrl, { poolSize: 1, applicationName: 'onewindow-schema-check' });
    await dataSource.initialize();
    try {
        const sql = await dataSource.driver.createSchemaBuilder().log();
        return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
    }
    finally {
        await dataSource.destroy();
    }
}
