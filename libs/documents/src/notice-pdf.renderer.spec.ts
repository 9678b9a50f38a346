import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTICE_TITLES, NoticeDocument, NoticeKind } from './notice-document';
import { NoticePdfRenderer } from './notice-pdf.renderer';
import { ONE_TIME_CORRECTION_SENTENCE, reviewRightsSentence } from './notice-wording';
import { runTool as run, squeeze } from './pdf-tools.testing';

const BUREAU = '朔州市平鲁区行政审批服务管理局';
const APPLICANT = '朔州市平鲁区晋味源餐饮管理有限公司';
const REVIEW =
  '如不服本决定，可以自收到本决定书之日起六十日内向朔州市平鲁区人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';
const ITEMS = [
  { label: '经营场所平面布局图', reason: '未标明食品处理区、就餐区及更衣场所的位置和面积，请按实际比例重新绘制并标注。' },
  { label: '食品安全管理制度', reason: '缺少从业人员健康管理制度和食品安全事故处置方案。' },
  { label: '法定代表人身份证件', reason: '扫描件模糊无法辨认，请上传清晰的正反面彩色扫描件。' },
];

function notice(kind: NoticeKind, overrides: Partial<NoticeDocument> = {}): NoticeDocument {
  return {
    kind,
    number: '平审受字〔2026〕第000042号',
    applicantName: APPLICANT,
    applicationNumber: 'YC20261126000042',
    serviceName: '食品经营许可',
    issuedOn: '2026-11-28',
    submittedOn: '2026-11-26',
    bureauName: BUREAU,
    creationDate: new Date('2026-11-28T02:30:00Z'),
    ...(kind === 'correction' ? { items: ITEMS } : {}),
    ...(['non_acceptance', 'denial', 'extension'].includes(kind) ? { reason: '申请人经营场所与生活区未有效隔离，不符合法定条件' } : {}),
    ...overrides,
  };
}

const KINDS = Object.keys(NOTICE_TITLES) as NoticeKind[];

describe('NoticePdfRenderer', () => {
  const renderer = new NoticePdfRenderer();
  let dir: string;
  const rendered = new Map<NoticeKind, { pdf: Buffer; path: string; text: string }>();

  async function renderTo(name: string, input: NoticeDocument): Promise<{ path: string; pdf: Buffer }> {
    const pdf = await renderer.render(input);
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, pdf);
    return { path, pdf };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-notices-'));
    for (const kind of KINDS) {
      const { path, pdf } = await renderTo(kind, notice(kind));
      rendered.set(kind, { pdf, path, text: run('pdftotext', ['-raw', path, '-']) });
    }
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(KINDS)('%s', (kind) => {
    it('has the red header, its title, its number and the applicant addressed', () => {
      const text = squeeze(rendered.get(kind)!.text);
      expect(text.startsWith(BUREAU)).toBe(true);
      expect(text).toContain(NOTICE_TITLES[kind]);
      expect(text).toContain('平审受字〔2026〕第000042号');
      expect(text).toContain(`${APPLICANT}：`);
      expect(text).toContain('YC20261126000042');
      expect(text).toContain(squeeze(`${BUREAU}2026年11月28日`));
    });

    it('is one A4 page under 150 KB', () => {
      const { pdf, path } = rendered.get(kind)!;
      const info = run('pdfinfo', [path]);
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
      expect(info).toMatch(new RegExp(`^Title:\\s+${NOTICE_TITLES[kind]} `, 'm'));
      expect(pdf.length).toBeLessThan(150 * 1024);
    });
  });

  it('titles each kind as the law names it', () => {
    expect(NOTICE_TITLES).toEqual({
      receipt: '收件凭证',
      acceptance: '受理通知书',
      correction: '补正材料通知书',
      non_acceptance: '不予受理通知书',
      extension: '延长审查期限通知书',
      approval: '准予行政许可决定书',
      denial: '不予行政许可决定书',
    });
  });

  it('lists every correction item, numbered, and asks for them all at once (一次性告知)', () => {
    const text = squeeze(rendered.get('correction')!.text);
    ITEMS.forEach((item, i) => expect(text).toContain(squeeze(`${i + 1}.${item.label}：${item.reason}`)));
    expect(text).toContain('请一次性补正上述材料');
    expect(text).toContain(squeeze(ONE_TIME_CORRECTION_SENTENCE));
    expect(text).toContain('第三十二条第一款第（四）项');
  });

  it.each(['non_acceptance', 'denial'] as NoticeKind[])('%s states the right to administrative review within 60 days or to sue within 6 months', (kind) => {
    const text = squeeze(rendered.get(kind)!.text);
    expect(text).toContain(squeeze(REVIEW));
    expect(text).toContain('申请人经营场所与生活区未有效隔离，不符合法定条件。');
  });

  it('words each kind by its article of the Administrative Licensing Law', () => {
    expect(squeeze(rendered.get('acceptance')!.text)).toContain('决定予以受理');
    expect(squeeze(rendered.get('extension')!.text)).toContain('审查期限延长十个工作日');
    expect(squeeze(rendered.get('approval')!.text)).toContain('本机关决定准予行政许可');
    expect(squeeze(rendered.get('denial')!.text)).toContain('本机关决定不予行政许可');
    expect(squeeze(rendered.get('receipt')!.text)).toContain('不表示申请已被受理');
    for (const kind of ['acceptance', 'approval', 'receipt'] as NoticeKind[]) expect(squeeze(rendered.get(kind)!.text)).not.toContain('行政复议');
  });

  it('names the review authority given', async () => {
    const { path } = await renderTo('review', notice('denial', { reviewAuthority: '朔州市人民政府' }));
    expect(squeeze(run('pdftotext', [path, '-']))).toContain(squeeze(reviewRightsSentence('朔州市人民政府')));
  });

  it("uses the caller's body but still prints what the law requires", async () => {
    const { path } = await renderTo('custom', notice('denial', { bodyParagraphs: ['你单位申请的事项经专家评审，未通过。'] }));
    const text = squeeze(run('pdftotext', [path, '-']));
    expect(text).toContain('你单位申请的事项经专家评审，未通过。');
    expect(text).not.toContain('第三十八条第二款');
    expect(text).toContain(squeeze(REVIEW));
  });

  it('runs a long correction list onto numbered pages without losing an item', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ label: `材料${i + 1}`, reason: '未加盖单位公章，且内容与申请表填写不一致，请核对后重新上传。' }));
    const { path } = await renderTo('long', notice('correction', { items }));
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [path]))![1]);
    expect(pages).toBeGreaterThan(1);
    const text = run('pdftotext', ['-raw', path, '-']);
    for (const [i, item] of items.entries()) expect(squeeze(text)).toContain(squeeze(`${i + 1}.${item.label}：${item.reason}`));
    expect(text).toContain(`— ${pages} —`);
    expect(squeeze(text)).toContain('请一次性补正上述材料');
  });

  it('gives identical bytes for identical input', async () => {
    const again = await renderer.render(notice('correction'));
    expect(again.equals(rendered.get('correction')!.pdf)).toBe(true);
    const later = await renderer.render(notice('correction', { creationDate: new Date('2026-11-29T02:30:00Z') }));
    expect(later.equals(rendered.get('correction')!.pdf)).toBe(false);
  });

  it('refuses a notice that would leave out what the law requires', async () => {
    await expect(renderer.render(notice('correction', { items: [] }))).rejects.toThrow(/every item/);
    await expect(renderer.render(notice('denial', { reason: undefined }))).rejects.toThrow(/reason/);
    await expect(renderer.render(notice('non_acceptance', { reason: ' ' }))).rejects.toThrow(/reason/);
    await expect(renderer.render(notice('extension', { extensionWorkingDays: 15 }))).rejects.toThrow(/1 to 10 working days/);
  });
});
