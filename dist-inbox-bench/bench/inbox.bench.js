"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inboxBenchmark = inboxBenchmark;
require("reflect-metadata");
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const pg_1 = require("pg");
const inbox_query_1 = require("../libs/applications/src/inbox-query.js");
const config_1 = require("../libs/config/src/index.js");
const backoffice_app_1 = require("../apps/backoffice/src/backoffice.app");
const bench_database_1 = require("./bench-database");
const latency_1 = require("./load/latency");
const results_1 = require("./results");
const N = Number(process.env.BENCH_INBOX_N ?? 1_000_000);
const CONNECTIONS = Number(process.env.BENCH_INBOX_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_INBOX_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_INBOX_ROUNDS ?? 5);
const WARM_UP_SECONDS = 0.5;
const ONLY = process.env.BENCH_INBOX_ONLY;
const TARGET_RATIO = 2;
async function inboxBenchmark() {
    const started = new Date();
    const log = (line) => console.log(`[inbox] ${line}`);
    const db = await (0, bench_database_1.prepareBenchDatabase)(N, log);
    Object.assign(process.env, { DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.ownerUrl, QUEUE_PREFIX: 'onewindow-bench' });
    const app = await (0, backoffice_app_1.createBackofficeApp)((0, config_1.loadConfig)(), { logger: 'quiet' });
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    const results = [];
    try {
        const tokens = {};
        for (const { username } of bench_database_1.BENCH_STAFF) {
            tokens[username] = [];
            for (let k = 0; k < CONNECTIONS; k++)
                tokens[username].push((await call(base, '/api/auth/login', null, { username, password: bench_database_1.BENCH_PASSWORD })).token);
        }
        const cases = (await casesFor(db.appUrl, base, tokens['bench-clerk'][0])).filter((c) => !ONLY || c.name.includes(ONLY));
        for (const c of cases) {
            const staff = { ...db.staff[c.who] };
            const url = `${base}/api/inbox?${new URLSearchParams(Object.entries(c.filters).map(([k, v]) => [k, String(v)])).toString()}`;
            const probe = await call(base, url.slice(base.length), tokens[c.who][0]);
            const sql = (0, inbox_query_1.buildInboxQuery)(staff, c.filters, new Date());
            if (!sql)
                throw new Error(`${c.name}: nothing to query`);
            log(`${c.name}: ${probe.items.length} items on the page`);
            const [api, raw] = [[], []];
            for (let round = 0; round < ROUNDS; round++) {
                const seconds = SECONDS / ROUNDS;
                const runApi = () => load('http-load.js', { url, tokens: tokens[c.who], connections: CONNECTIONS, seconds, warmUpSeconds: WARM_UP_SECONDS });
                const runRaw = () => load('sql-load.js', { databaseUrl: db.appUrl, text: sql.text, values: sql.values, connections: CONNECTIONS, seconds, warmUpSeconds: WARM_UP_SECONDS });
                if (round % 2 === 0)
                    api.push(await runApi()), raw.push(await runRaw());
                else
                    raw.push(await runRaw()), api.push(await runApi());
            }
            results.push({ ...c, api: (0, latency_1.summarize)(api), raw: (0, latency_1.summarize)(raw) });
            const [a, r] = [results[results.length - 1].api, results[results.length - 1].raw];
            log(`${c.name}: API p50 ${a.p50.toFixed(2)} p99 ${a.p99.toFixed(2)} ms (${a.perSecond.toFixed(0)}/s, ${a.errors} errors) · raw p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} ms (${r.perSecond.toFixed(0)}/s) · ×${(a.p99 / r.p99).toFixed(2)}`);
        }
    }
    finally {
        await app.close();
    }
    report(started, db, results);
}
async function casesFor(databaseUrl, base, clerkToken) {
    const client = new pg_1.Client({ connectionString: databaseUrl });
    await client.connect();
    const [sample] = (await client.query(`SELECT number, entity_name FROM applications WHERE state IN ('awaiting_acceptance', 'under_review', 'awaiting_seal') ORDER BY number OFFSET 1000 LIMIT 1`)).rows;
    await client.end();
    let cursor = null;
    for (let page = 0; page < 50; page++) {
        cursor = (await call(base, `/api/inbox?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, clerkToken)).nextCursor;
    }
    const core = sample.entity_name.slice(6, 9);
    return [
        { name: 'clerk · first page', who: 'bench-clerk', filters: {} },
        { name: 'clerk · page 51 (cursor 10,000 files in)', who: 'bench-clerk', filters: { cursor: cursor } },
        { name: 'three queues · first page', who: 'bench-chief', filters: {} },
        { name: 'reviewer of one section', who: 'bench-reviewer', filters: {} },
        { name: 'clerk · service', who: 'bench-clerk', filters: { service: 'food-business' } },
        { name: 'clerk · green channel', who: 'bench-clerk', filters: { greenChannel: true } },
        { name: 'clerk · claimed by me', who: 'bench-clerk', filters: { claimedBy: 'me' } },
        { name: 'clerk · unclaimed', who: 'bench-clerk', filters: { claimedBy: 'none' } },
        { name: 'three queues · overdue', who: 'bench-chief', filters: { overdue: true } },
        { name: 'three queues · due within 3 working days', who: 'bench-chief', filters: { dueWithinWorkingDays: 3 } },
        { name: 'three queues · service + unclaimed + not overdue', who: 'bench-chief', filters: { service: 'construction', claimedBy: 'none', overdue: false } },
        { name: 'q = an application number', who: 'bench-chief', filters: { q: sample.number } },
        { name: 'q = one day’s numbers (14 digits)', who: 'bench-chief', filters: { q: sample.number.slice(0, 14) } },
        { name: `q = 3 characters of a name (${core})`, who: 'bench-chief', filters: { q: core } },
        { name: `q = 2 characters (${core.slice(0, 2)}), clerk`, who: 'bench-clerk', filters: { q: core.slice(0, 2) } },
    ];
}
function load(script, spec) {
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(process.execPath, [(0, node_path_1.join)(__dirname, 'load', script), JSON.stringify(spec)], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error)
                return reject(new Error(`${script}: ${stderr || error.message}`));
            resolve(JSON.parse(stdout));
        });
    });
}
async function call(base, path, token, body) {
    const response = await fetch(`${base}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
        throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
}
function report(started, db, results) {
    const ms = (v) => v.toFixed(2);
    const rows = results.map((r) => {
        const ratio = r.api.p99 / r.raw.p99;
        return `| ${r.name} | ${ms(r.api.p50)} | ${ms(r.api.p99)} | ${r.api.perSecond.toFixed(0)} | ${ms(r.raw.p50)} | ${ms(r.raw.p99)} | ${r.raw.perSecond.toFixed(0)} | ${ratio.toFixed(2)}× ${ratio <= TARGET_RATIO ? '' : '(over)'} |`;
    });
    const worst = results.reduce((a, b) => (b.api.p99 / b.raw.p99 > a.api.p99 / a.raw.p99 ? b : a));
    const errors = results.reduce((sum, r) => sum + r.api.errors + r.raw.errors, 0);
    const body = `- date: ${started.toISOString()}
- machine: ${(0, results_1.machine)()}
- command: \`npm run bench -- inbox\` (BENCH_INBOX_N=${N}, BENCH_INBOX_CONNECTIONS=${CONNECTIONS}, BENCH_INBOX_SECONDS=${SECONDS}, BENCH_INBOX_ROUNDS=${ROUNDS})
- data: ${db.n.toLocaleString('en')} applications in \`onewindow_bench\` (${db.reused ? 'reused: already seeded with this N' : `seeded by this run in ${db.seedSeconds?.toFixed(0)} s`}) across all eight services and twelve states, 40 % of them in the three queues; 8 % green channel; 30 % of queue files claimed
- load: ${CONNECTIONS} connections, ${SECONDS} s per side in ${ROUNDS} alternating rounds (API, raw, raw, API, …) each after ${WARM_UP_SECONDS} s of warm-up, page size 50 (the default). API: autocannon 9 in a child process, one session per connection. Raw: the exact statement the inbox runs for that page (\`buildInboxQuery\`), plain \`pg\` in a child process, ${CONNECTIONS} connections in closed loops. Both share the 2 cores with the server and PostgreSQL.
- errors: ${errors}

| filter | API p50 ms | API p99 ms | API req/s | raw SQL p50 ms | raw SQL p99 ms | raw q/s | API p99 ÷ raw p99 |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Worst ratio: ${(worst.api.p99 / worst.raw.p99).toFixed(2)}× (${worst.name}); target ≤ ${TARGET_RATIO}×.
`;
    (0, results_1.writeResultsSection)('## inbox', body + notes());
    console.log(body);
}
function notes() {
    return `
What one API request does beyond the raw statement: the session lookup (an \`UPDATE sessions … RETURNING\` that slides the expiry: a write and a commit per request), the counts query on \`queue_counters\` (run beside the page query), Nest/Fastify routing, DTO validation, the clock of each item and JSON.
`;
}
