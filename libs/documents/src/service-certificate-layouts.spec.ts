import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrangeFields, normalizeLabel, pairRows, splitTitleQualifier } from './certificate-blocks';
import { LicenseDocument } from './license-document';
import { LicensePdfRenderer } from './license-pdf.renderer';
import { sampleCertificates } from './license-samples.fixture';
import { runTool as run, squeeze } from './pdf-tools.testing';
import { CONSTRUCTION_START_RULE } from './statutory-permit.layouts';

type Expectation = { titles: string[]; number: string; landscape?: boolean; texts: string[] };

const LAND_STATUTE = '根据《中华人民共和国城乡规划法》第三十七、三十八条规定，经审核，本用地项目符合国土空间规划和用途管制要求，颁发此证。';
const ENGINEERING_STATUTE = '根据《中华人民共和国城乡规划法》第四十条规定，经审核，本建设工程符合国土空间规划和用途管制要求，颁发此证。';
const CONSTRUCTION_STATUTE = '根据《中华人民共和国建筑法》第八条规定，经审查，本建筑工程符合施工条件，准予施工。';

const EXPECTED: Record<string, Expectation> = {
  'food-business': {
    titles: ['食品经营许可证'],
    number: 'JY21406030001287',
    landscape: true,
    texts: ['许可证编号', '投诉举报电话：12315', '有效期至：2031年11月27日', '签发人：张志强', '发证机关', '正本'],
  },
  'investment-filing': {
    titles: ['企业投资项目备案证明'],
    number: '2026-140603-30-03-000042',
    texts: ['项目代码', '建设规模及内容', '计划开工时间', '计划竣工时间', '备案机关', '《企业投资项目核准和备案管理条例》'],
  },
  'land-planning': {
    titles: ['中华人民共和国', '建设用地规划许可证'],
    number: '地字第140603202600007号',
    texts: [LAND_STATUTE, '用地单位', '批准用地文号', '土地取得方式', '遵守事项', '发证机关'],
  },
  'engineering-planning': {
    titles: ['中华人民共和国', '建设工程规划许可证'],
    number: '建字第140603202600011号',
    texts: [ENGINEERING_STATUTE, '不动产单元号', '遵守事项', '发证机关'],
  },
  construction: {
    titles: ['中华人民共和国', '建筑工程施工许可证'],
    number: '编号：140603202611270101',
    texts: [CONSTRUCTION_STATUTE, CONSTRUCTION_START_RULE, '总监理工程师', '合同工期', '注意事项', '发证机关'],
  },
  'non-enterprise': {
    titles: ['民办非企业单位登记证书', '（法人）'],
    number: '52140603MJY001234M',
    landscape: true,
    texts: ['统一社会信用代码', '宗旨和业务范围', '开办资金', '登记管理机关', '年度检查'],
  },
  'social-group': {
    titles: ['社会团体法人登记证书'],
    number: '51140603MJY007652N',
    landscape: true,
    texts: ['统一社会信用代码', '活动地域', '注册资金', '登记管理机关', '年度检查'],
  },
};

const SERVICE_LAYOUTS = Object.keys(EXPECTED);

describe('service certificate layouts', () => {
  const renderer = new LicensePdfRenderer();
  let dir: string;
  const rendered = new Map<string, { pdf: Buffer; path: string; text: string; layoutText: string }>();

  async function renderTo(name: string, document: LicenseDocument): Promise<string> {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, await renderer.render(document));
    return path;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-layouts-'));
    for (const layout of SERVICE_LAYOUTS) {
      const pdf = await renderer.render(sampleCertificates[layout].document);
      const path = join(dir, `${layout}.pdf`);
      writeFileSync(path, pdf);
      rendered.set(layout, { pdf, path, text: run('pdftotext', ['-raw', path, '-']), layoutText: run('pdftotext', ['-layout', path, '-']) });
    }
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers a layout for every service', () => {
    expect(renderer.layoutNames()).toEqual(expect.arrayContaining(['business-license', ...SERVICE_LAYOUTS]));
  });

  describe.each(SERVICE_LAYOUTS)('%s', (layout) => {
    const expected = EXPECTED[layout];

    it('shows the title, the number and the holder as extractable Chinese text', () => {
      const { layoutText } = rendered.get(layout)!;
      for (const title of expected.titles) expect(squeeze(layoutText)).toContain(squeeze(title));
      expect(layoutText).toContain(expected.number);
      expect(layoutText).toContain(sampleCertificates[layout].holder);
    });

    it('shows every field it was given, and the texts printed on every certificate of its kind', () => {
      const text = squeeze(rendered.get(layout)!.text);
      for (const field of sampleCertificates[layout].document.fields) expect(text).toContain(squeeze(field.value));
      for (const constant of expected.texts) expect(text).toContain(squeeze(constant));
      expect(text).toContain('朔州市平鲁区行政审批服务管理局');
      expect(text).toContain('2026年11月28日');
      expect(text).toContain('扫码验证');
    });

    it(`is one ${expected.landscape ? 'landscape' : 'portrait'} A4 page under 150 KB`, () => {
      const { pdf, path } = rendered.get(layout)!;
      const info = run('pdfinfo', [path]);
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(expected.landscape ? /^Page size:\s+841\.89 x 595\.28 pts \(A4\)$/m : /^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
      expect(pdf.length).toBeLessThan(150 * 1024);
    });

    it('keeps very long values on the one page', async () => {
      const document = sampleCertificates[layout].document;
      const long = { ...document, fields: document.fields.map((f) => (f.value.length > 12 ? { ...f, value: f.value.repeat(4) } : f)) };
      const path = await renderTo(`${layout}-long`, long);
      expect(run('pdfinfo', [path])).toMatch(/^Pages:\s+1$/m);
      const text = squeeze(run('pdftotext', ['-raw', path, '-']));
      for (const field of long.fields) expect(text).toContain(squeeze(field.value));
    });
  });

  it.each(['food-business', 'investment-filing', 'construction', 'social-group'])('%s carries a QR code that decodes to its verification URL', (layout) => {
    const { path } = rendered.get(layout)!;
    const prefix = join(dir, `qr-${layout}`);
    run('pdftoppm', ['-r', '200', '-png', '-singlefile', path, prefix]);
    expect(readdirSync(dir)).toContain(`qr-${layout}.png`);
    expect(run('zbarimg', ['--raw', '-q', `${prefix}.png`]).trim()).toBe(sampleCertificates[layout].document.verifyUrl);
  });

  it('gives identical bytes for identical input', async () => {
    const again = await renderer.render(sampleCertificates['land-planning'].document);
    expect(again.equals(rendered.get('land-planning')!.pdf)).toBe(true);
  });

  it('prints the 法人 qualifier of a non-enterprise unit once, whether or not the title carries it', async () => {
    const document = sampleCertificates['non-enterprise'].document;
    const path = await renderTo('qualified', { ...document, title: '民办非企业单位登记证书（法人）' });
    const text = run('pdftotext', ['-layout', path, '-']);
    expect(text.match(/（法人）/g)).toHaveLength(1);
    expect(text).toContain('民办非企业单位登记证书');
  });

  it('words a bare planning permit number as 地字第…号', async () => {
    const document = sampleCertificates['land-planning'].document;
    const path = await renderTo('bare-number', { ...document, number: { label: '许可证编号', value: '140603202600008' } });
    expect(run('pdftotext', ['-layout', path, '-'])).toContain('地字第140603202600008号');
  });

  it('prints the blank rows of a planning permit the caller has no value for yet', async () => {
    const document = sampleCertificates['engineering-planning'].document;
    const path = await renderTo('blank-row', { ...document, fields: document.fields.filter((f) => f.label !== '不动产单元号') });
    expect(run('pdftotext', [path, '-'])).toContain('不动产单元号');
  });

  it("puts the caller's 备注 before the three-month start rule on a construction permit", async () => {
    const document = sampleCertificates.construction.document;
    const path = await renderTo('remark', { ...document, fields: [...document.fields, { label: '备注', value: '本工程为装配式建筑试点项目。' }] });
    const text = squeeze(run('pdftotext', ['-raw', path, '-']));
    expect(text).toContain(squeeze(`本工程为装配式建筑试点项目。${CONSTRUCTION_START_RULE}`));
  });

  it('prints the 12315 hotline on a food permit even when the caller does not pass it', async () => {
    const document = sampleCertificates['food-business'].document;
    const fields = document.fields.filter((f) => !['签发人', '日常监督管理人员'].includes(f.label));
    const path = await renderTo('food-plain', { ...document, fields, subtitle: '（副本）' });
    const text = squeeze(run('pdftotext', ['-raw', path, '-']));
    expect(text).toContain('投诉举报电话：12315');
    expect(text).toContain('（副本）');
    expect(text).not.toContain('签发人');
  });
});

describe('certificate blocks', () => {
  it('treats half- and full-width parentheses and spaces in labels alike', () => {
    expect(normalizeLabel('法定代表人 (负责人)')).toBe('法定代表人（负责人）');
  });

  it('arranges known fields in the form order, keeps unknown ones, and blanks the ones a form always prints', () => {
    const arranged = arrangeFields(
      [
        { label: '仓库地址', value: '井坪镇东街1号' },
        { label: '住所', value: '井坪镇南关街18号' },
        { label: '名称', value: '晋味源' },
      ],
      [{ label: '经营者名称', aliases: ['名称'] }, { label: '住所' }, { label: '主体业态', always: true }],
      [{ label: '附图及附件名称', always: true }],
    );
    expect(arranged).toEqual([
      { label: '经营者名称', value: '晋味源' },
      { label: '住所', value: '井坪镇南关街18号' },
      { label: '主体业态', value: '' },
      { label: '仓库地址', value: '井坪镇东街1号' },
      { label: '附图及附件名称', value: '' },
    ]);
  });

  it('splits a title from its qualifier', () => {
    expect(splitTitleQualifier('民办非企业单位登记证书（法人）')).toEqual(['民办非企业单位登记证书', '（法人）']);
    expect(splitTitleQualifier('社会团体法人登记证书')).toEqual(['社会团体法人登记证书', undefined]);
  });

  it('pairs the fields a form sets side by side', () => {
    const f = (label: string) => ({ label, value: label });
    expect(pairRows([f('建设规模'), f('合同价格'), f('勘察单位')], [['建设规模', '合同价格']])).toEqual([[f('建设规模'), f('合同价格')], [f('勘察单位')]]);
    expect(pairRows([f('建设规模'), f('勘察单位')], [['建设规模', '合同价格']])).toEqual([[f('建设规模')], [f('勘察单位')]]);
  });
});
