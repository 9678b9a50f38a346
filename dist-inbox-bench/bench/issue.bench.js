"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
var BenchConfigModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.issueBenchmark = issueBenchmark;
require("reflect-metadata");
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_perf_hooks_1 = require("node:perf_hooks");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const pdfkit_1 = __importDefault(require("pdfkit"));
const pg_1 = require("pg");
const applications_1 = require("../libs/applications/src/index.js");
const config_1 = require("../libs/config/src/index.js");
const domain_1 = require("../libs/domain/src/index.js");
const documents_1 = require("../libs/documents/src/index.js");
const persistence_1 = require("../libs/persistence/src/index.js");
const N = Number(process.env.BENCH_ISSUE_N ?? 200);
const WARM_UP = 10;
const BLOCK = 20;
const PDF_SIZE_TARGET = 150 * 1024;
const SCRATCH_DATABASE = 'onewindow_bench_issue';
const SERVICE_CODE = 'business-license';
const PORTAL = 'https://yct.pinglu.example.gov.cn';
const BUREAU = '朔州市平鲁区行政审批服务管理局';
const DIVISION = '140603';
const ISSUED_AT = new Date('2026-11-28T02:30:00Z');
const ISSUED_ON = '2026-11-28';
const NAME_CHARS = '晋北朔平鲁桑干恒山雁门塞外黄河汾阳云冈五台太行吕梁沁源长治运城临汾泉忻州大同';
const SCOPE_ITEMS = [
    '新材料技术研发',
    '新型建筑材料制造（不含危险化学品）',
    '建筑材料销售',
    '非金属矿物制品制造',
    '固体废物治理',
    '资源再生利用技术研发',
    '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广',
    '货物进出口',
];
function formOf(i) {
    let core = '';
    for (let k = 0, v = i + 7919; k < 4; k++, v = Math.floor(v / NAME_CHARS.length) + k * 131)
        core += NAME_CHARS[v % NAME_CHARS.length];
    return {
        name: `朔州市平鲁区${core}新材料有限公司`,
        entityType: 'limited_company',
        domicile: `山西省朔州市平鲁区北坪循环经济园区${(i % 90) + 1}号`,
        businessScope: { general: SCOPE_ITEMS.slice(0, 4 + (i % 5)), licensed: i % 3 === 0 ? ['道路货物运输（不含危险货物）'] : [] },
        registeredCapital: String(100 + (i % 50) * 10),
        legalRepresentative: { name: '刘建海', idNumber: '140603198005120019', phone: '13800000000' },
        shareholders: [{ name: '刘建海', idNumber: '140603198005120019', contribution: '500' }],
        term: { from: ISSUED_ON, to: null },
    };
}
function licenceOf(i) {
    return { number: (0, domain_1.allocateUscc)({ prefix: '91', divisionCode: DIVISION, sequence: 1000 + i }), form: formOf(i) };
}
const certificate = (0, applications_1.certificateOf)(SERVICE_CODE);
const context = { divisionCode: DIVISION, bureauName: BUREAU, issuedOn: ISSUED_ON };
function sign(licence, key, kid) {
    return (0, documents_1.signLicensePayload)({
        kid,
        number: licence.number,
        service: SERVICE_CODE,
        holderName: certificate.holderName(licence.form),
        creditCode: certificate.creditCode(licence.form, licence.number),
        particulars: certificate.particulars(licence.form, licence.number, context),
        issuedOn: ISSUED_ON,
        validUntil: certificate.validUntil(ISSUED_ON),
    }, key);
}
function documentOf(licence, token) {
    const service = (0, domain_1.getService)(SERVICE_CODE);
    return {
        layout: service.license.layout,
        title: service.license.title,
        number: { label: certificate.numberLabel, value: licence.number },
        fields: certificate.fields(licence.form, licence.number, context),
        issuingAuthority: BUREAU,
        issuedOn: ISSUED_ON,
        verifyUrl: (0, documents_1.verificationUrl)(PORTAL, licence.number, token),
        bureauName: BUREAU,
        creationDate: ISSUED_AT,
    };
}
function renderPage(input, registerFonts) {
    return new Promise((resolve, reject) => {
        const layout = (0, documents_1.certificateLayoutSpec)(documents_1.defaultCertificateLayouts[input.layout]);
        const doc = new pdfkit_1.default({
            size: 'A4',
            layout: layout.orientation,
            margin: 0,
            bufferPages: true,
            lang: 'zh-CN',
            displayTitle: true,
            info: {
                Title: [input.title, input.subtitle, input.number.value].filter(Boolean).join(' '),
                Subject: input.fields[0]?.value ?? '',
                Author: input.issuingAuthority,
                Creator: 'OneWindow',
                Producer: 'OneWindow',
                CreationDate: input.creationDate,
                ModDate: input.creationDate,
            },
        });
        const chunks = [];
        doc.on('data', (chunk) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
        registerFonts(doc);
        const page = { width: doc.page.width, height: doc.page.height };
        const content = (0, documents_1.drawCertificateFrame)(doc, page, layout.frame);
        layout.draw({ doc, input, page, content });
        doc.end();
    });
}
const registerFromPaths = (doc) => {
    doc.registerFont(documents_1.CERTIFICATE_FONT.regular, (0, documents_1.fontPath)('regular'));
    doc.registerFont(documents_1.CERTIFICATE_FONT.bold, (0, documents_1.fontPath)('bold'));
};
function parsedFontRegistration() {
    const fontkit = require('fontkit');
    const regular = fontkit.create((0, documents_1.certificateFont)('regular'));
    const bold = fontkit.create((0, documents_1.certificateFont)('bold'));
    return (doc) => {
        doc.registerFont(documents_1.CERTIFICATE_FONT.regular, regular);
        doc.registerFont(documents_1.CERTIFICATE_FONT.bold, bold);
    };
}
function emptyPhase(name) {
    return { name, latencies: [], wallMs: 0, cpuMs: 0, sizes: [], rssAfter: 0 };
}
async function runBlock(path, into, from, to, hashes) {
    const cpuBefore = process.cpuUsage();
    const started = node_perf_hooks_1.performance.now();
    for (let i = from; i < to; i++) {
        const t0 = node_perf_hooks_1.performance.now();
        const { sizeBytes, sha256 } = await path.issue(i);
        into.latencies.push(node_perf_hooks_1.performance.now() - t0);
        into.sizes.push(sizeBytes);
        hashes.set(i, sha256);
    }
    into.wallMs += node_perf_hooks_1.performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    into.cpuMs += (cpu.user + cpu.system) / 1000;
    into.rssAfter = Math.max(into.rssAfter, process.memoryUsage().rss);
}
async function interleaved(paths, block) {
    const phases = paths.map((p) => emptyPhase(p.name));
    const hashes = paths.map(() => new Map());
    const warm = paths.map((p) => emptyPhase(p.name));
    for (let k = 0; k < paths.length; k++)
        await runBlock(paths[k], warm[k], 0, WARM_UP, new Map());
    for (let from = WARM_UP, round = 0; from < WARM_UP + N; from += block, round++) {
        const to = Math.min(from + block, WARM_UP + N);
        for (let j = 0; j < paths.length; j++) {
            const k = (round + j) % paths.length;
            await runBlock(paths[k], phases[k], from, to, hashes[k]);
        }
    }
    return { phases, firstMs: warm[0].latencies[0], hashes };
}
async function phase(path) {
    await runBlock(path, emptyPhase(path.name), 0, WARM_UP, new Map());
    const measured = emptyPhase(path.name);
    await runBlock(path, measured, WARM_UP, WARM_UP + N, new Map());
    return measured;
}
function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const perSecond = (phase) => (phase.latencies.length * 1000) / phase.wallMs;
const perCpuSecond = (phase) => (phase.latencies.length * 1000) / phase.cpuMs;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let BenchConfigModule = BenchConfigModule_1 = class BenchConfigModule {
    static with(config) {
        return { module: BenchConfigModule_1, global: true, providers: [{ provide: config_1.AppConfig, useValue: config }], exports: [config_1.AppConfig] };
    }
};
BenchConfigModule = BenchConfigModule_1 = __decorate([
    (0, common_1.Module)({})
], BenchConfigModule);
function withDatabase(url, database) {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
}
async function endToEnd(storageDir) {
    const base = (0, config_1.loadConfig)();
    const urls = {
        adminUrl: base.DATABASE_ADMIN_URL,
        ownerUrl: withDatabase(base.DATABASE_OWNER_URL, SCRATCH_DATABASE),
        appUrl: withDatabase(base.DATABASE_URL, SCRATCH_DATABASE),
    };
    const config = (0, config_1.loadConfig)({ ...process.env, NODE_ENV: 'test', DATABASE_URL: urls.appUrl, DATABASE_OWNER_URL: urls.ownerUrl, STORAGE_DIR: storageDir });
    await (0, persistence_1.dropDatabase)(urls.adminUrl, SCRATCH_DATABASE);
    await (0, persistence_1.ensureDatabase)(urls);
    const owner = new pg_1.Client({ connectionString: urls.ownerUrl });
    let app;
    try {
        await (0, persistence_1.runMigrations)(urls);
        await owner.connect();
        const ids = [];
        const total = WARM_UP + N;
        for (let from = 0; from < total; from += 100) {
            const rows = Array.from({ length: Math.min(100, total - from) }, (_, k) => from + k);
            const result = await owner.query(`INSERT INTO applications (number, service_code, state, applicant_id, owner_account_id, form, contact_phone)
         SELECT n, $1, 'issuing', gen_random_uuid(), gen_random_uuid(), f, '13800000000'
           FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS t(n, f, o) ORDER BY o
         RETURNING id`, [SERVICE_CODE, rows.map((i) => `B${DIVISION}${String(i).padStart(10, '0')}`), rows.map((i) => JSON.stringify(formOf(i)))]);
            ids.push(...result.rows.map((r) => r.id));
        }
        let IssueBenchModule = class IssueBenchModule {
        };
        IssueBenchModule = __decorate([
            (0, common_1.Module)({ imports: [BenchConfigModule.with(config), applications_1.ApplicationsModule] })
        ], IssueBenchModule);
        app = await core_1.NestFactory.createApplicationContext(IssueBenchModule, { logger: ['error', 'warn'] });
        const issuance = app.get(applications_1.IssuanceService);
        const result = await phase({
            name: 'IssuanceService.issue, end to end',
            issue: async (i) => {
                if ((await issuance.issue(ids[i])) !== 'issued')
                    throw new Error(`application ${ids[i]} was not issued`);
                return { sizeBytes: 0, sha256: '' };
            },
        });
        const { rows } = await owner.query('SELECT pdf_size_bytes AS size FROM licenses WHERE application_id = ANY($1)', [ids.slice(WARM_UP)]);
        return { ...result, sizes: rows.map((r) => Number(r.size)) };
    }
    finally {
        await app?.close();
        await owner.end().catch(() => undefined);
        await (0, persistence_1.dropDatabase)(urls.adminUrl, SCRATCH_DATABASE);
    }
}
function shell(command, args) {
    try {
        return (0, node_child_process_1.execFileSync)(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    }
    catch {
        return '(unavailable)';
    }
}
function resultsPath() {
    let dir = __dirname;
    while (!(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.json')) && (0, node_path_1.dirname)(dir) !== dir)
        dir = (0, node_path_1.dirname)(dir);
    return (0, node_path_1.join)(dir, 'bench', 'RESULTS.md');
}
function writeSection(heading, body) {
    const path = resultsPath();
    const current = (0, node_fs_1.existsSync)(path) ? (0, node_fs_1.readFileSync)(path, 'utf8') : '# Benchmark results\n';
    const lines = current.split('\n');
    const start = lines.findIndex((line) => line.trim() === heading);
    const section = [heading, '', body.trimEnd(), ''];
    if (start < 0) {
        (0, node_fs_1.writeFileSync)(path, `${current.trimEnd()}\n\n${section.join('\n')}`);
        return;
    }
    const level = heading.match(/^#+/)[0].length;
    let end = lines.findIndex((line, k) => k > start && /^#+\s/.test(line) && line.match(/^#+/)[0].length <= level);
    if (end < 0)
        end = lines.length;
    const next = [...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n');
    (0, node_fs_1.writeFileSync)(path, `${next.trimEnd()}\n`);
}
function sizeRange(phase) {
    return phase.sizes.length ? `${kb(Math.min(...phase.sizes))}–${kb(Math.max(...phase.sizes))}` : '—';
}
function row(phase, naive) {
    return [
        '',
        phase.name,
        perSecond(phase).toFixed(1),
        perCpuSecond(phase).toFixed(1),
        percentile(phase.latencies, 50).toFixed(1),
        percentile(phase.latencies, 99).toFixed(1),
        sizeRange(phase),
        `${(perSecond(phase) / perSecond(naive)).toFixed(2)}×`,
        `${(perCpuSecond(phase) / perCpuSecond(naive)).toFixed(2)}×`,
        '',
    ].join(' | ').trim();
}
const sha256Of = (bytes) => (0, node_crypto_1.createHash)('sha256').update(bytes).digest('hex');
const load = () => (0, node_os_1.loadavg)().map((l) => l.toFixed(2)).join(' ');
async function issueBenchmark() {
    const key = (0, documents_1.loadSigningKey)((0, documents_1.generateDevelopmentKeyPair)().privateKeyPem);
    const kid = (0, documents_1.keyIdOf)(key);
    const storageDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'onewindow-bench-issue-'));
    const rssAtStart = process.memoryUsage().rss;
    const loadAtStart = load();
    try {
        const setUpStarted = node_perf_hooks_1.performance.now();
        const renderer = new documents_1.LicensePdfRenderer();
        const setUpMs = node_perf_hooks_1.performance.now() - setUpStarted;
        const rssAfterSetUp = process.memoryUsage().rss;
        const storage = new persistence_1.DirectoryFileStorage((0, node_path_1.join)(storageDir, 'onewindow'));
        const probeStorage = new persistence_1.DirectoryFileStorage((0, node_path_1.join)(storageDir, 'probe'));
        const probeFonts = parsedFontRegistration();
        const naiveInputs = Array.from({ length: WARM_UP + N }, (_, i) => {
            const licence = licenceOf(i);
            return documentOf(licence, sign(licence, key, kid));
        });
        const paths = [
            {
                name: 'OneWindow: sign + render + store',
                issue: async (i) => {
                    const licence = licenceOf(i);
                    return storage.put(await renderer.render(documentOf(licence, sign(licence, key, kid))));
                },
            },
            {
                name: 'naive pdfkit: new document, font from path (render only)',
                issue: async (i) => {
                    const pdf = await renderPage(naiveInputs[i], registerFromPaths);
                    return { sizeBytes: pdf.length, sha256: sha256Of(pdf) };
                },
            },
            {
                name: 'probe: parsed fontkit fonts kept (sign + render + store)',
                issue: async (i) => {
                    const licence = licenceOf(i);
                    return probeStorage.put(await renderPage(documentOf(licence, sign(licence, key, kid)), probeFonts));
                },
            },
        ];
        const run = await interleaved(paths, BLOCK);
        const [oneWindow, naive, probe] = run.phases;
        const measured = Array.from({ length: N }, (_, k) => WARM_UP + k);
        const identical = (k) => measured.filter((i) => run.hashes[k].get(i) === run.hashes[0].get(i)).length;
        const loadAfterRun = load();
        let e2e = null;
        let e2eSkipped = '';
        if (process.env.BENCH_ISSUE_E2E === '0')
            e2eSkipped = 'skipped (BENCH_ISSUE_E2E=0)';
        else {
            try {
                e2e = await endToEnd((0, node_path_1.join)(storageDir, 'e2e'));
            }
            catch (error) {
                e2eSkipped = `skipped, it failed: ${error instanceof Error ? error.message : String(error)}`;
            }
        }
        const maxRss = process.resourceUsage().maxRSS * 1024;
        const ratio = perSecond(oneWindow) / perSecond(naive);
        const cpuRatio = perCpuSecond(oneWindow) / perCpuSecond(naive);
        const phases = [oneWindow, naive, probe, ...(e2e ? [e2e] : [])];
        const largest = Math.max(...phases.flatMap((p) => p.sizes));
        const table = [
            '| path | licences/s (wall, 1 process) | licences per CPU-second | p50 ms | p99 ms | PDF size | × naive (wall) | × naive (CPU) |',
            '|---|---:|---:|---:|---:|---|---:|---:|',
            ...phases.map((p) => row(p, naive)),
        ].join('\n');
        const model = shell('lscpu', []).split('\n').find((l) => l.startsWith('Model name'))?.replace(/^Model name:\s*/, '') ?? (0, node_os_1.cpus)()[0]?.model;
        const memory = shell('free', ['-h']).split('\n')[1]?.trim().split(/\s+/) ?? [];
        const body = [
            `- date: ${shell('date', ['-u'])}`,
            `- machine: ${model}, nproc ${shell('nproc', [])}, ${memory[1] ?? `${((0, node_os_1.totalmem)() / 1024 ** 3).toFixed(1)}Gi`} RAM (${memory[6] ?? '?'} available), node ${process.version}; load average ${loadAtStart} at the start, ${loadAfterRun} after the comparison (the 2 vCPUs are shared with other work)`,
            '- command: `npm run bench -- issue` (N: `BENCH_ISSUE_N`, default 200; `BENCH_ISSUE_E2E=0` skips the end-to-end run)',
            `- workload: one 营业执照 per licence, made by the issuance job's business-license certificate spec and layout (distinct credit code, name, scope and QR code each), sequential in one process; ${WARM_UP} warm-up licences per path, then the same N = ${N} licences through each path in blocks of ${BLOCK}, the order rotating per block; PDFs stored with DirectoryFileStorage in a temporary directory on the local disk; an Ed25519 key made for the run`,
            '',
            table,
            '',
            `**Ratio OneWindow ÷ naive: ${ratio.toFixed(2)}× in licences per second** (${perSecond(oneWindow).toFixed(1)} ÷ ${perSecond(naive).toFixed(1)}; ${cpuRatio.toFixed(2)}× per CPU-second). Target ≥ 2×: ${ratio >= 2 ? 'met' : 'missed'}. ` +
                "The naive path is timed rendering alone (no signature, no store), so its rate is the most favourable naive figure; OneWindow's includes both.",
            '',
            `- PDF size: ${sizeRange(oneWindow)}, largest of all paths ${kb(largest)} (target < 150 KB: ${largest < PDF_SIZE_TARGET ? 'met' : 'missed'}). Same page: the naive PDFs are byte-identical to OneWindow's for ${identical(1)}/${N} licences, the probe's for ${identical(2)}/${N}.`,
            `- Start-up: LicensePdfRenderer's construction (reads both ~14 MB TTFs once per process) ${setUpMs.toFixed(0)} ms; the process's first licence ${run.firstMs.toFixed(0)} ms.`,
            `- Process RSS: ${mb(rssAtStart)} at the start, ${mb(rssAfterSetUp)} with the renderer's font Buffers loaded, at most ${mb(Math.max(oneWindow.rssAfter, naive.rssAfter, probe.rssAfter))} during the comparison${e2e ? `, ${mb(e2e.rssAfter)} after the end-to-end run` : ''}; peak (maxRSS) ${mb(maxRss)}.`,
            `- CPU share: each path got ${[oneWindow, naive, probe].map((p) => (p.cpuMs / p.wallMs).toFixed(2)).join(' / ')} CPU-seconds per wall second (OneWindow / naive / probe; GC threads and file writes on libuv's pool count too): below 1 means the process waited for a shared core.`,
            '- Where the time goes (profiled by hand with `node --cpu-prof` on 2026-11-28, OneWindow\'s renderer): about a third of the CPU is fontkit re-parsing the TTF tables (`restructure` decoders), because pdfkit makes a new fontkit font from the Buffer for every document; then GC (~15 %), zlib (~9 %), QR code masks (~8 %). The probe row registers fontkit fonts parsed once (pdfkit 0.20 accepts them; the bytes are identical) and shows what that change to `registerCertificateFonts` would give.',
            e2e
                ? `- End to end: IssuanceService.issue on files already in \`issuing\` (transaction 1: number, signature, licence row; then render, store; transaction 2: PDF hash, transition to issued with audit event and outbox row), sequential, against a scratch PostgreSQL database \`${SCRATCH_DATABASE}\` made with ensureDatabase/runMigrations and dropped after; ${(perSecond(e2e) / perSecond(oneWindow)).toFixed(2)}× OneWindow's sign + render + store rate, measured after the comparison (not interleaved).`
                : `- End to end: ${e2eSkipped}.`,
        ].join('\n');
        console.log(`\nissue\n\n${body}\n`);
        writeSection('## issue', body);
    }
    finally {
        (0, node_fs_1.rmSync)(storageDir, { recursive: true, force: true });
    }
}
