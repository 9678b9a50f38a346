import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { amountInChineseCapital } from './chinese-format';
import { registerCertificateFonts } from './fonts';
import { LicenseDocument } from './license-document';
import { LicensePdfRenderer } from './license-pdf.renderer';
import { drawSeal } from './seal';
import {
  generateDevelopmentKeyPair,
  LicensePayload,
  loadSigningKey,
  loadVerificationKey,
  signLicensePayload,
  verificationUrl,
  verifyLicenseToken,
} from './signing';

const PACKAGE_OF: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdfimages: 'poppler-utils',
  zbarimg: 'zbar-tools',
};

/** Runs a command-line tool, failing with the package to install when it is missing. */
function run(tool: string, args: string[]): string {
  const probe = spawnSync(tool, ['-v']);
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${tool} is not installed: run \`apt-get install -y ${PACKAGE_OF[tool]}\` to run these tests`);
  }
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

const CREDIT_CODE = '91140603MA0L2X7Q3N';
const HOLDER = '朔州市平鲁区晋北新材料有限公司';
const BUREAU = '朔州市平鲁区行政审批服务管理局';
const SCOPE =
  '一般项目：新材料技术研发；新型建筑材料制造（不含危险化学品）；建筑材料销售；非金属矿物制品制造；非金属矿及制品销售；' +
  '固体废物治理；资源再生利用技术研发；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；货物进出口。' +
  '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）\n许可项目：道路货物运输（不含危险货物）。' +
  '（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）';

function businessLicense(verifyUrl: string, overrides: Partial<LicenseDocument> = {}): LicenseDocument {
  return {
    layout: 'business-license',
    title: '营业执照',
    number: { label: '统一社会信用代码', value: CREDIT_CODE },
    fields: [
      { label: '名称', value: HOLDER },
      { label: '类型', value: '有限责任公司（自然人投资或控股）' },
      { label: '法定代表人', value: '刘建海' },
      { label: '经营范围', value: SCOPE },
      { label: '注册资本', value: amountInChineseCapital('500') },
      { label: '成立日期', value: '2026年11月28日' },
      { label: '营业期限', value: '长期' },
      { label: '住所', value: '山西省朔州市平鲁区北坪循环经济园区1号' },
    ],
    issuingAuthority: BUREAU,
    issuedOn: '2026-11-28',
    verifyUrl,
    bureauName: BUREAU,
    creationDate: new Date('2026-11-28T02:30:00Z'),
    ...overrides,
  };
}

describe('LicensePdfRenderer', () => {
  const renderer = new LicensePdfRenderer();
  const keyPair = generateDevelopmentKeyPair();
  const payload: LicensePayload = {
    kid: keyPair.kid,
    number: CREDIT_CODE,
    service: 'business-license',
    holderName: HOLDER,
    creditCode: CREDIT_CODE,
    particulars: { type: '有限责任公司（自然人投资或控股）', legalRepresentative: '刘建海', registeredCapital: '500万元', term: '长期', domicile: '山西省朔州市平鲁区北坪循环经济园区1号' },
    issuedOn: '2026-11-28',
    validUntil: null,
  };
  const verifyUrl = verificationUrl('https://yct.pinglu.example.gov.cn', CREDIT_CODE, signLicensePayload(payload, loadSigningKey(keyPair.privateKeyPem)));
  let dir: string;
  let pdf: Buffer;
  let pdfPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-license-'));
    pdf = await renderer.render(businessLicense(verifyUrl));
    pdfPath = join(dir, 'license.pdf');
    writeFileSync(pdfPath, pdf);
  }, 30_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the certificate in Chinese text that can be extracted', () => {
    const text = run('pdftotext', ['-layout', pdfPath, '-']);
    for (const expected of ['营业执照', HOLDER, CREDIT_CODE, '长期', '伍佰万元整', '统一社会信用代码', '登记机关', '2026年11月28日', BUREAU, '扫码验证']) {
      expect(text).toContain(expected);
    }
    // The scope wraps within its column instead of running off the page.
    expect(text.replace(/\s+/g, '')).toContain('道路货物运输（不含危险货物）');
  });

  it('draws the seal as artwork, not text, so it does not scramble the words under it', () => {
    const lines = run('pdftotext', ['-layout', pdfPath, '-']).split('\n').map((line) => line.trim());
    expect(lines).toContain(BUREAU);
    expect(lines).toContain('2026年11月28日');
    expect(lines.join('\n')).not.toContain('行政审批专用章');
  });

  it('is one A4 portrait page with our metadata, and small', () => {
    const info = run('pdfinfo', [pdfPath]);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^Producer:\s+OneWindow$/m);
    expect(info).toMatch(/^Title:\s+营业执照 91140603MA0L2X7Q3N$/m);
    expect(pdf.length).toBeLessThan(150 * 1024);
  });

  it('ships no images: frame, QR code and seal are all vector graphics', () => {
    const images = run('pdfimages', ['-list', pdfPath]).trim().split('\n');
    expect(images).toHaveLength(2); // the header and its underline
  });

  it('gives identical bytes for identical input', async () => {
    const again = await renderer.render(businessLicense(verifyUrl));
    expect(again.equals(pdf)).toBe(true);
    const later = await renderer.render(businessLicense(verifyUrl, { creationDate: new Date('2026-11-29T02:30:00Z') }));
    expect(later.equals(pdf)).toBe(false);
  });

  it('carries a QR code that decodes to the verification URL, whose token verifies', () => {
    run('pdftoppm', ['-r', '200', '-png', pdfPath, join(dir, 'page')]);
    const png = readdirSync(dir).find((name) => name.startsWith('page') && name.endsWith('.png'));
    expect(png).toBeDefined();
    const decoded = run('zbarimg', ['--raw', '-q', join(dir, png!)]).trim();
    expect(decoded).toBe(verifyUrl);

    const query = new URL(decoded).searchParams;
    const publicKeys = new Map([[keyPair.kid, loadVerificationKey(keyPair.publicKeyPem)]]);
    expect(verifyLicenseToken(query.get('d'), query.get('sig'), publicKeys)).toEqual({ ok: true, payload });
  });

  it('adds the subtitle of a copy', async () => {
    const copy = await renderer.render(businessLicense(verifyUrl, { subtitle: '（副本）' }));
    const path = join(dir, 'copy.pdf');
    writeFileSync(path, copy);
    expect(run('pdftotext', ['-layout', path, '-'])).toContain('（副本）');
  });

  it('keeps a very long business scope on the one page by setting it smaller', async () => {
    const long = businessLicense(verifyUrl);
    long.fields = long.fields.map((f) => (f.label === '经营范围' ? { ...f, value: SCOPE.repeat(4) } : f));
    const path = join(dir, 'long.pdf');
    writeFileSync(path, await renderer.render(long));
    expect(run('pdfinfo', [path])).toMatch(/^Pages:\s+1$/m);
    const text = run('pdftotext', [path, '-']).replace(/\s+/g, '');
    expect(text).toContain(SCOPE.repeat(4).replace(/\s+/g, ''));
    expect(text).toContain('营业期限长期');
  });

  it('renders the generic certificate layout for services without their own', async () => {
    const permit = await renderer.render({
      layout: 'certificate',
      title: '食品经营许可证',
      number: { label: '许可证编号', value: 'JY11406030000011' },
      fields: [
        { label: '经营者名称', value: HOLDER },
        { label: '经营场所', value: '山西省朔州市平鲁区北坪循环经济园区1号' },
        { label: '有效期至', value: '2031年11月27日' },
      ],
      issuingAuthority: BUREAU,
      issuedOn: '2026-11-28',
      verifyUrl: 'https://yct.pinglu.example.gov.cn/verify/JY11406030000011?d=e30&sig=x',
      bureauName: BUREAU,
      creationDate: new Date('2026-11-28T02:30:00Z'),
    });
    const path = join(dir, 'permit.pdf');
    writeFileSync(path, permit);
    const text = run('pdftotext', ['-layout', path, '-']);
    expect(text).toContain('食品经营许可证');
    expect(text).toContain('许可证编号：JY11406030000011');
    expect(text).toContain('2031年11月27日');
  });

  it('lets a service add or replace a layout, and refuses a layout nobody registered', async () => {
    const custom = new LicensePdfRenderer({
      layouts: {
        'social-group': ({ doc, input, content }) => {
          doc.font('NotoSerifSC-Bold').fontSize(30).text(input.title, content.x, content.y + 40, { width: content.width, align: 'center' });
        },
      },
    });
    expect(custom.layoutNames()).toEqual([...renderer.layoutNames()].sort());
    expect(custom.layoutNames()).toContain('social-group');
    const path = join(dir, 'custom.pdf');
    writeFileSync(path, await custom.render(businessLicense(verifyUrl, { layout: 'social-group', title: '社会团体法人登记证书' })));
    expect(run('pdftotext', [path, '-'])).toContain('社会团体法人登记证书');
    await expect(renderer.render(businessLicense(verifyUrl, { layout: 'fishing-licence' }))).rejects.toThrow(/No certificate layout "fishing-licence"/);
  });
});

describe('drawSeal', () => {
  it('draws only vector paths, in semi-opaque red', async () => {
    const doc = new PDFDocument({ size: [200, 200], margin: 0, compress: false, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    registerCertificateFonts(doc);
    drawSeal(doc, { centerX: 100, centerY: 100, radius: 60, bureauName: BUREAU });
    doc.end();
    const raw = (await done).toString('latin1');
    expect(raw).not.toMatch(/\/Subtype \/Image/);
    expect(raw).not.toMatch(/\/Font/); // the characters are outlines, not text
    expect(raw).toMatch(/0\.8156\d* 0\.0078\d* 0\.1058\d* scn/); // #d0021b
    expect(raw).toMatch(/\/ca 0\.82/);
  });
});
