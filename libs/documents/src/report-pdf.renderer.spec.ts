import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool as run, squeeze } from './pdf-tools.testing';
import { ChartScene, ReportPdfDocument, ReportPdfRenderer } from './report-pdf.renderer';

const scene: ChartScene = {
  id: 'volumes',
  title: '各事项收件与办结发证（件）',
  width: 520,
  height: 250,
  shapes: [
    { type: 'line', x1: 46, y1: 216, x2: 506, y2: 216, stroke: '#8a8178' },
    { type: 'rect', x: 80, y: 100, width: 18, height: 116, fill: '#3b6ea8' },
    { type: 'polyline', points: [[60, 200], [120, 150], [180, 170]], stroke: '#4f9a6b' },
    { type: 'circle', cx: 120, cy: 150, r: 2, fill: '#4f9a6b' },
    { type: 'line', x1: 60, y1: 120, x2: 140, y2: 120, stroke: '#c8161d', dash: 3 },
    { type: 'text', x: 89, y: 96, text: '12', size: 8, anchor: 'middle' },
    { type: 'text', x: 89, y: 231, text: '营业执照', size: 9, anchor: 'middle' },
  ],
};

function document(rows: number): ReportPdfDocument {
  return {
    bureauName: '朔州市平鲁区行政审批服务管理局',
    title: '营商环境建设工作月报告',
    subtitle: '2026年10月（2026年10月1日至2026年10月31日，工作日16天）',
    generatedNote: '定稿 · 生成于 2026-11-02 07:30',
    creationDate: new Date('2026-11-01T23:30:00Z'),
    highlights: [
      { label: '收件（件）', value: '128' },
      { label: '按时办结率（97/100）', value: '97.0%' },
      { label: '办理时长中位数（工作日）', value: '3' },
    ],
    sections: [
      {
        type: 'table',
        title: '一、各事项办件量（件）',
        columns: [
          { header: '事项', width: 3, align: 'left' },
          { header: '收件', width: 1 },
          { header: '发证', width: 1 },
        ],
        rows: [...Array.from({ length: rows }, (_, i) => [`事项${i + 1}`, String(i), String(i)]), ['合计', '128', '101']],
        totalRow: true,
      },
      { type: 'chart', scene },
      { type: 'paragraphs', title: '五、统计口径', lines: ['收件：本月首次提交的办件。'] },
    ],
  };
}

describe('ReportPdfRenderer', () => {
  const renderer = new ReportPdfRenderer();
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-report-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays out the header, the highlights, a table, a chart and the notes, with their text extractable', async () => {
    const path = join(dir, 'short.pdf');
    writeFileSync(path, await renderer.render(document(3)));
    const text = squeeze(run('pdftotext', ['-raw', path, '-']));
    for (const expected of ['朔州市平鲁区行政审批服务管理局', '营商环境建设工作月报告', '按时办结率（97/100）', '97.0%', '事项322合计128101', '各事项收件与办结发证（件）', '营业执照', '收件：本月首次提交的办件。', '—1/1—']) {
      expect(text).toContain(expected);
    }
    expect(run('pdfinfo', [path])).toMatch(/Pages:\s+1\b/);
    run('pdftoppm', ['-png', '-r', '40', path, join(dir, 'short')]);
    expect(readdirSync(dir).filter((f) => f.startsWith('short') && f.endsWith('.png'))).toHaveLength(1);
  });

  it('runs a long table onto the next page with its header repeated, and numbers every page', async () => {
    const path = join(dir, 'long.pdf');
    writeFileSync(path, await renderer.render(document(60)));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const second = squeeze(run('pdftotext', ['-raw', '-f', '2', '-l', '2', path, '-']));
    expect(second).toContain('事项收件发证');
    expect(second).toContain(`—2/${pages}—`);
  });

  it('renders the same bytes for the same document', async () => {
    const a = await renderer.render(document(3));
    const b = await renderer.render(document(3));
    expect(a.equals(b)).toBe(true);
  });
});
