/**
 * `npm run bench -- issue` (issue 5's benchmark): licences issued per second per core — render +
 * Ed25519 signature + store — beside the naive way of rendering the same page (a new pdfkit
 * document that registers the font from its file path for every licence), measured in the same
 * run with the same N. Optionally the real IssuanceService end to end against a scratch
 * database. Writes its section of bench/RESULTS.md.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createHash, KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import PDFDocument from 'pdfkit';
import { Client } from 'pg';
import { ApplicationsModule, certificateOf, IssuanceService } from '@onewindow/applications';
import { AppConfig, loadConfig } from '@onewindow/config';
import { allocateUscc, getService } from '@onewindow/domain';
import {
  CERTIFICATE_FONT,
  certificateFont,
  certificateLayoutSpec,
  defaultCertificateLayouts,
  drawCertificateFrame,
  fontPath,
  generateDevelopmentKeyPair,
  keyIdOf,
  LicenseDocument,
  LicensePdfRenderer,
  loadSigningKey,
  signLicensePayload,
  SignedLicenseToken,
  verificationUrl,
} from '@onewindow/documents';
import { dropDatabase, ensureDatabase, DirectoryFileStorage, runMigrations } from '@onewindow/persistence';
import { machine, writeResultsSection } from './results';

const N = Number(process.env.BENCH_ISSUE_N ?? 200);
const WARM_UP = 10;
const BLOCK = 5;
const PDF_SIZE_TARGET = 150 * 1024;
const SCRATCH_DATABASE = 'onewindow_bench_issue';
const SERVICE_CODE = 'business-license';
const PORTAL = 'https://yct.pinglu.example.gov.cn';
const BUREAU = '朔州市平鲁区行政审批服务管理局';
const DIVISION = '140603';
const ISSUED_AT = new Date('2026-11-28T02:30:00Z');
const ISSUED_ON = '2026-11-28';

type Phase = {
  name: string;
  /** Milliseconds per licence, in order. */
  latencies: number[];
  wallMs: number;
  cpuMs: number;
  sizes: number[];
  /** The largest RSS sampled after the phase's blocks. */
  rssAfter: number;
};

// ---------------------------------------------------------------------------------------------
// The licences: one 营业执照 per index, with a distinct credit code and name, built by the same
// certificate spec the issuance job uses.

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

function formOf(i: number): Record<string, unknown> {
  let core = '';
  for (let k = 0, v = i + 7919; k < 4; k++, v = Math.floor(v / NAME_CHARS.length) + k * 131) core += NAME_CHARS[v % NAME_CHARS.length];
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

type Licence = { number: string; form: Record<string, unknown> };

function licenceOf(i: number): Licence {
  return { number: allocateUscc({ prefix: '91', divisionCode: DIVISION, sequence: 1000 + i }), form: formOf(i) };
}

const certificate = certificateOf(SERVICE_CODE);
const context = { divisionCode: DIVISION, bureauName: BUREAU, issuedOn: ISSUED_ON };

function sign(licence: Licence, key: KeyObject, kid: string): SignedLicenseToken {
  return signLicensePayload(
    {
      kid,
      number: licence.number,
      service: SERVICE_CODE,
      holderName: certificate.holderName(licence.form),
      creditCode: certificate.creditCode(licence.form, licence.number),
      particulars: certificate.particulars(licence.form, licence.number, context),
      issuedOn: ISSUED_ON,
      validUntil: certificate.validUntil(ISSUED_ON),
    },
    key,
  );
}

function documentOf(licence: Licence, token: SignedLicenseToken): LicenseDocument {
  const service = getService(SERVICE_CODE)!;
  return {
    layout: service.license.layout,
    title: service.license.title,
    number: { label: certificate.numberLabel, value: licence.number },
    fields: certificate.fields(licence.form, licence.number, context),
    issuingAuthority: BUREAU,
    issuedOn: ISSUED_ON,
    verifyUrl: verificationUrl(PORTAL, licence.number, token),
    bureauName: BUREAU,
    creationDate: ISSUED_AT,
  };
}

// ---------------------------------------------------------------------------------------------
// LicensePdfRenderer's document, options and layout code, with the fonts registered by the caller.

type RegisterFonts = (doc: PDFKit.PDFDocument) => void;

function renderPage(input: LicenseDocument, registerFonts: RegisterFonts): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const layout = certificateLayoutSpec(defaultCertificateLayouts[input.layout]);
    const doc = new PDFDocument({
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
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    registerFonts(doc);
    const page = { width: doc.page.width, height: doc.page.height };
    const content = drawCertificateFrame(doc, page, layout.frame);
    layout.draw({ doc, input, page, content });
    doc.end();
  });
}

/** The naive way: both weights registered from their file paths, so pdfkit reads (and parses) the TTFs for every PDF. */
const registerFromPaths: RegisterFonts = (doc) => {
  doc.registerFont(CERTIFICATE_FONT.regular, fontPath('regular'));
  doc.registerFont(CERTIFICATE_FONT.bold, fontPath('bold'));
};

/**
 * A probe, not OneWindow's code: pdfkit 0.20 also accepts an already parsed fontkit font, which
 * skips re-parsing the TTF tables that LicensePdfRenderer's Buffers still cost every PDF.
 */
function parsedFontRegistration(): RegisterFonts {
  // fontkit is pdfkit's own dependency (no types of its own); the probe needs only create().
  const fontkit = require('fontkit') as { create(bytes: Buffer): unknown };
  const regular = fontkit.create(certificateFont('regular')) as Buffer;
  const bold = fontkit.create(certificateFont('bold')) as Buffer;
  return (doc) => {
    doc.registerFont(CERTIFICATE_FONT.regular, regular);
    doc.registerFont(CERTIFICATE_FONT.bold, bold);
  };
}

// ---------------------------------------------------------------------------------------------

type Path = { name: string; issue: (i: number) => Promise<{ sizeBytes: number; sha256: string }> };

function emptyPhase(name: string): Phase {
  return { name, latencies: [], wallMs: 0, cpuMs: 0, sizes: [], rssAfter: 0 };
}

/** Runs licences `from` … `to − 1` through one path, adding to its phase. */
async function runBlock(path: Path, into: Phase, from: number, to: number, hashes: Map<number, string>): Promise<void> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = from; i < to; i++) {
    const t0 = performance.now();
    const { sizeBytes, sha256 } = await path.issue(i);
    into.latencies.push(performance.now() - t0);
    into.sizes.push(sizeBytes);
    hashes.set(i, sha256);
  }
  into.wallMs += performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  into.cpuMs += (cpu.user + cpu.system) / 1000;
  into.rssAfter = Math.max(into.rssAfter, process.memoryUsage().rss);
}

/**
 * Each path warms up on its own, then the N measured licences go through every path in blocks,
 * the order rotating from block to block, so that the shared machine's load falls on all alike.
 */
async function interleaved(paths: Path[], block: number): Promise<{ phases: Phase[]; firstMs: number; hashes: Map<number, string>[] }> {
  const phases = paths.map((p) => emptyPhase(p.name));
  const hashes = paths.map(() => new Map<number, string>());
  const warm = paths.map((p) => emptyPhase(p.name));
  for (let k = 0; k < paths.length; k++) await runBlock(paths[k], warm[k], 0, WARM_UP, new Map());
  for (let from = WARM_UP, round = 0; from < WARM_UP + N; from += block, round++) {
    const to = Math.min(from + block, WARM_UP + N);
    for (let j = 0; j < paths.length; j++) {
      const k = (round + j) % paths.length;
      await runBlock(paths[k], phases[k], from, to, hashes[k]);
    }
  }
  return { phases, firstMs: warm[0].latencies[0], hashes };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const perSecond = (phase: Phase) => (phase.latencies.length * 1000) / phase.wallMs;
const perCpuSecond = (phase: Phase) => (phase.latencies.length * 1000) / phase.cpuMs;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
// Rounded down, so that a ratio just under the target never prints as the target.
const times = (ratio: number) => `${(Math.floor(ratio * 100) / 100).toFixed(2)}×`;

// ---------------------------------------------------------------------------------------------
// End to end: IssuanceService (reserve number + sign, render + store + mark issued) against a
// scratch database, with only the modules it needs (no queues, no relay).

@Module({})
class BenchConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: BenchConfigModule, global: true, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

type IssuancePath = { path: Path; sizes(): Promise<number[]>; close(): Promise<void> };

/** A scratch database with WARM_UP + N files in `issuing`, and the IssuanceService that issues them. */
async function issuancePath(storageDir: string): Promise<IssuancePath> {
  const base = loadConfig();
  const urls = {
    adminUrl: base.DATABASE_ADMIN_URL,
    ownerUrl: withDatabase(base.DATABASE_OWNER_URL, SCRATCH_DATABASE),
    appUrl: withDatabase(base.DATABASE_URL, SCRATCH_DATABASE),
  };
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: urls.appUrl, DATABASE_OWNER_URL: urls.ownerUrl, STORAGE_DIR: storageDir });
  await dropDatabase(urls.adminUrl, SCRATCH_DATABASE);
  await ensureDatabase(urls);
  const owner = new Client({ connectionString: urls.ownerUrl });
  let app: INestApplicationContext | undefined;
  const close = async () => {
    await app?.close();
    await owner.end().catch(() => undefined);
    await dropDatabase(urls.adminUrl, SCRATCH_DATABASE);
  };
  try {
    await runMigrations(urls);
    await owner.connect();
    const ids: string[] = [];
    const total = WARM_UP + N;
    for (let from = 0; from < total; from += 100) {
      const rows = Array.from({ length: Math.min(100, total - from) }, (_, k) => from + k);
      const result = await owner.query<{ id: string }>(
        `INSERT INTO applications (number, service_code, state, applicant_id, owner_account_id, form, contact_phone)
         SELECT n, $1, 'issuing', gen_random_uuid(), gen_random_uuid(), f, '13800000000'
           FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS t(n, f, o) ORDER BY o
         RETURNING id`,
        [SERVICE_CODE, rows.map((i) => `B${DIVISION}${String(i).padStart(10, '0')}`), rows.map((i) => JSON.stringify(formOf(i)))],
      );
      ids.push(...result.rows.map((r) => r.id));
    }
    @Module({ imports: [BenchConfigModule.with(config), ApplicationsModule] })
    class IssueBenchModule {}
    app = await NestFactory.createApplicationContext(IssueBenchModule, { logger: ['error', 'warn'] });
    const issuance = app.get(IssuanceService);
    return {
      path: {
        name: 'IssuanceService.issue, end to end',
        issue: async (i) => {
          if ((await issuance.issue(ids[i])) !== 'issued') throw new Error(`application ${ids[i]} was not issued`);
          // Sizes are read from the licence rows afterwards, outside the timings.
          return { sizeBytes: 0, sha256: '' };
        },
      },
      sizes: async () => {
        const { rows } = await owner.query<{ size: number }>('SELECT pdf_size_bytes AS size FROM licenses WHERE application_id = ANY($1)', [ids.slice(WARM_UP)]);
        return rows.map((r) => Number(r.size));
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function cpuModel(): string {
  try {
    const lscpu = execFileSync('lscpu', [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return lscpu.split('\n').find((l) => l.startsWith('Model name'))?.replace(/^Model name:\s*/, '').trim() ?? cpus()[0]?.model ?? '?';
  } catch {
    return cpus()[0]?.model ?? '?';
  }
}

function sizeRange(phase: Phase): string {
  return phase.sizes.length ? `${kb(Math.min(...phase.sizes))}–${kb(Math.max(...phase.sizes))}` : '—';
}

function row(phase: Phase, naive: Phase): string {
  return [
    '',
    phase.name,
    perSecond(phase).toFixed(1),
    perCpuSecond(phase).toFixed(1),
    percentile(phase.latencies, 50).toFixed(1),
    percentile(phase.latencies, 99).toFixed(1),
    sizeRange(phase),
    times(perSecond(phase) / perSecond(naive)),
    times(perCpuSecond(phase) / perCpuSecond(naive)),
    '',
  ].join(' | ').trim();
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

export async function issueBenchmark(): Promise<void> {
  const key = loadSigningKey(generateDevelopmentKeyPair().privateKeyPem);
  const kid = keyIdOf(key);
  const storageDir = mkdtempSync(join(tmpdir(), 'onewindow-bench-issue-'));
  const rssAtStart = process.memoryUsage().rss;
  const loadAtStart = load();
  try {
    // (a) OneWindow: one renderer for the process (it reads the font Buffers once), then per licence sign, render, store.
    const setUpStarted = performance.now();
    const renderer = new LicensePdfRenderer();
    const setUpMs = performance.now() - setUpStarted;
    const rssAfterSetUp = process.memoryUsage().rss;
    const storage = new DirectoryFileStorage(join(storageDir, 'onewindow'));
    const probeStorage = new DirectoryFileStorage(join(storageDir, 'probe'));
    const probeFonts = parsedFontRegistration();
    // (b) Naive renders the same pages; their signatures are made beforehand, so it times rendering alone.
    const naiveInputs = Array.from({ length: WARM_UP + N }, (_, i) => {
      const licence = licenceOf(i);
      return documentOf(licence, sign(licence, key, kid));
    });
    const paths: Path[] = [
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
    let issuance: IssuancePath | null = null;
    let e2eSkipped = '';
    if (process.env.BENCH_ISSUE_E2E === '0') e2eSkipped = 'skipped (BENCH_ISSUE_E2E=0)';
    else {
      try {
        issuance = await issuancePath(join(storageDir, 'e2e'));
        paths.push(issuance.path);
      } catch (error) {
        e2eSkipped = `skipped, its set-up failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    let run: Awaited<ReturnType<typeof interleaved>>;
    try {
      run = await interleaved(paths, BLOCK);
      if (issuance) run.phases[3].sizes = await issuance.sizes();
    } finally {
      await issuance?.close();
    }
    const [oneWindow, naive, probe] = run.phases;
    const e2e: Phase | undefined = run.phases[3];
    const measured = Array.from({ length: N }, (_, k) => WARM_UP + k);
    const identical = (k: number) => measured.filter((i) => run.hashes[k].get(i) === run.hashes[0].get(i)).length;
    const loadAfterRun = load();

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
    const body = [
      `- date: ${new Date().toISOString()}`,
      `- machine: ${cpuModel()}, ${machine()}; load average ${loadAtStart} at the start, ${loadAfterRun} after the comparison (the 2 vCPUs are shared with other work)`,
      '- command: `npm run bench -- issue` (N: `BENCH_ISSUE_N`, default 200; `BENCH_ISSUE_E2E=0` skips the end-to-end run)',
      `- workload: one 营业执照 per licence, made by the issuance job's business-license certificate spec and layout (distinct credit code, name, scope and QR code each), sequential in one process; ${WARM_UP} warm-up licences per path, then the same N = ${N} licences through each path in blocks of ${BLOCK}, the order rotating per block; PDFs stored with DirectoryFileStorage in a temporary directory on the local disk; an Ed25519 key made for the run`,
      '',
      table,
      '',
      `**Ratio OneWindow ÷ naive: ${times(ratio)} in licences per second** (${perSecond(oneWindow).toFixed(2)} ÷ ${perSecond(naive).toFixed(2)}; ${times(cpuRatio)} per CPU-second). Target ≥ 2×: ${ratio >= 2 ? 'met' : 'missed'}. ` +
        "The naive path is timed rendering alone (no signature, no store), so its rate is the most favourable naive figure; OneWindow's includes both.",
      '',
      `- PDF size: ${sizeRange(oneWindow)}, largest of all paths ${kb(largest)} (target < 150 KB: ${largest < PDF_SIZE_TARGET ? 'met' : 'missed'}). Same page: the naive PDFs are byte-identical to OneWindow's for ${identical(1)}/${N} licences, the probe's for ${identical(2)}/${N}.`,
      `- Start-up: LicensePdfRenderer's construction (reads both ~14 MB TTFs once per process) ${setUpMs.toFixed(0)} ms; the process's first licence ${run.firstMs.toFixed(0)} ms.`,
      `- Process RSS: ${mb(rssAtStart)} at the start, ${mb(rssAfterSetUp)} with the renderer's font Buffers loaded, at most ${mb(Math.max(...run.phases.map((p) => p.rssAfter)))} during the comparison; peak (maxRSS) ${mb(maxRss)}.`,
      `- CPU share: this process used ${phases.map((p) => (p.cpuMs / p.wallMs).toFixed(2)).join(' / ')} CPU-seconds per wall second in the ${phases.length === 4 ? 'four' : 'three'} paths (in the table's order; GC threads and file writes on libuv's pool count too, PostgreSQL's work for the end-to-end path does not): below 1 means it waited for a shared core.`,
      '- Where the time goes (profiled by hand with `node --cpu-prof` on 2026-11-28, OneWindow\'s renderer as it was then): about a third of the CPU was fontkit re-parsing the TTF tables (`restructure` decoders), because pdfkit made a new fontkit font from the Buffer for every document; then GC (~15 %), zlib (~9 %), QR code masks (~8 %). `registerCertificateFonts` now hands pdfkit fontkit fonts parsed once per process, which doubled the rate; the probe row, which tried that first, now runs the same code and shows the same rate (kept as a check that the two stay byte-identical). What is left per licence is laying out the page, subsetting the CJK fonts, deflate and the QR code.',
      '- Idle and loaded: on an idle machine (2026-11-28 08:17 UTC) the ratio is 2.0–2.1× in licences per second and 2.6× per CPU-second; on a machine at load 8–11 it was 4.0×, because the naive path, which parses both 14 MB fonts for every document, allocates far more and suffers more from a contended core and GC.',
      e2e
        ? `- End to end: IssuanceService.issue on files already in \`issuing\` (transaction 1: number, signature, licence row; then render, store; transaction 2: PDF hash, transition to issued with audit event and outbox row), sequential, against a scratch PostgreSQL database \`${SCRATCH_DATABASE}\` made with ensureDatabase/runMigrations and dropped after, interleaved with the other paths; ${times(perSecond(e2e) / perSecond(oneWindow))} OneWindow's sign + render + store rate.`
        : `- End to end: ${e2eSkipped}.`,
    ].join('\n');

    console.log(`\nissue\n\n${body}\n`);
    writeResultsSection('## issue', body);
  } finally {
    rmSync(storageDir, { recursive: true, force: true });
  }
}
