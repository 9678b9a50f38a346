/// <reference types="pdfkit" />
import { arrangeFields, KnownField, normalizeLabel, splitTitleQualifier } from './certificate-blocks';
import { CertificateLayoutContext, CertificateLayoutSpec } from './certificate-layout';
import {
  drawCentredTitle,
  drawFieldRows,
  drawIssuerBlock,
  drawQrBlock,
  INK,
  issuerBlockHeight,
  MUTED_INK,
} from './certificate-parts';
import { formatChineseDate } from './chinese-format';
import { CERTIFICATE_FONT } from './fonts';
import { LicenseField } from './license-document';

/**
 * The title centred at the top, with a smaller second line: the caller's subtitle, else the
 * title's own qualifier (…（法人）) or the layout's default one. Returns the bottom.
 */
function drawLandscapeTitle(context: CertificateLayoutContext, qrLeft: number, defaultQualifier?: string): number {
  const { doc, input, page, content } = context;
  const [title, ownQualifier] = splitTitleQualifier(input.title);
  const titleRoom = 2 * (qrLeft - 20 - page.width / 2);
  let y = drawCentredTitle(doc, title, { centerX: page.width / 2, y: content.y + 30, fontSize: 34, spacing: 12, maxWidth: titleRoom });
  const second = input.subtitle !== undefined ? [ownQualifier, input.subtitle].filter(Boolean).join(' ') : (ownQualifier ?? defaultQualifier);
  if (second) {
    y = drawCentredTitle(doc, second, { centerX: page.width / 2, y: y + 2, fontSize: 15, spacing: 4, maxWidth: titleRoom, font: CERTIFICATE_FONT.regular });
  }
  return y;
}

/** Labels that are two things at once (社会信用代码（身份证号码）) break before the parenthesis, as printed. */
function stackedLabel(label: string): string {
  const at = label.indexOf('（');
  return at > 0 && [...label].length > 7 ? `${label.slice(0, at)}\n${label.slice(at)}` : label;
}

function drawLabelledLine(doc: PDFKit.PDFDocument, label: string, value: string, x: number, y: number, width: number, size: number): number {
  const text = `${label}：${value}`;
  doc.font(CERTIFICATE_FONT.regular).fontSize(size);
  const height = doc.heightOfString(text, { width, lineGap: size * 0.35 });
  doc.fillColor(INK).font(CERTIFICATE_FONT.bold).fontSize(size).text(`${label}：`, x, y, { width, continued: true, lineGap: size * 0.35 });
  doc.font(CERTIFICATE_FONT.regular).text(value, { lineGap: size * 0.35 });
  return y + height;
}

const FOOD_GREEN = '#2b6b3f';

const FOOD_LEFT: KnownField[] = [
  { label: '经营者名称', aliases: ['名称', '经营者'], always: true },
  { label: '社会信用代码（身份证号码）', aliases: ['统一社会信用代码', '社会信用代码', '身份证号码', '统一社会信用代码（身份证号码）'], always: true },
  { label: '法定代表人（负责人）', aliases: ['法定代表人', '负责人'], always: true },
  { label: '住所', always: true },
  { label: '经营场所', always: true },
  { label: '主体业态', always: true },
  { label: '经营项目', always: true },
];

/** The right column's items, in the printed order; the hotline is printed on every permit. */
const FOOD_RIGHT: KnownField[] = [
  { label: '有效期至', aliases: ['有效期'] },
  { label: '日常监督管理机构' },
  { label: '日常监督管理人员' },
  { label: '投诉举报电话' },
  { label: '签发人' },
];

export const FOOD_COMPLAINT_HOTLINE = '12315';

/**
 * 食品经营许可证 (正本), landscape A4 in a green frame: the operator's particulars on the left; the
 * permit number, validity, supervising office, the 12315 hotline and the issuer with the seal on
 * the right; the QR code top right.
 */
export const foodBusinessLayout: CertificateLayoutSpec = {
  orientation: 'landscape',
  frame: { color: FOOD_GREEN, pattern: 'wave' },
  draw: (context) => {
    const { doc, input, content } = context;
    const right = content.x + content.width - 28;
    const top = content.y + 16;
    const qr = drawQrBlock(doc, input.verifyUrl, right, top);
    const titleBottom = drawLandscapeTitle(context, qr.box.x, '正　本');

    const left = content.x + 34;
    const bottom = content.y + content.height - 18;
    const divider = content.x + content.width * 0.6;
    const rightX = divider + 22;
    const fieldsTop = titleBottom + 28;

    // Known right-column labels leave the left column; anything else the caller sent stays on the left.
    const known = new Set(FOOD_RIGHT.flatMap((f) => [f.label, ...(f.aliases ?? [])]).map(normalizeLabel));
    const onRight = (f: LicenseField) => known.has(normalizeLabel(f.label));
    const rightFields = arrangeFields(input.fields.filter(onRight), [], FOOD_RIGHT).filter((f) => f.value);
    const leftFields = arrangeFields(input.fields.filter((f) => !onRight(f)), FOOD_LEFT).map((f) => ({ label: stackedLabel(f.label), value: f.value }));

    const footer = '食品经营者应当在经营场所的显著位置悬挂或者摆放本许可证正本';
    drawFieldRows(doc, leftFields, { x: left, y: fieldsTop, width: divider - 18 - left, height: bottom - 22 - fieldsTop }, {
      spreadLabels: true,
      labelEms: 7,
      fontSizes: [13, 12.5, 12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7],
      maxGapEms: 1.2,
    });
    doc.fillColor(MUTED_INK).font(CERTIFICATE_FONT.regular).fontSize(8);
    doc.text(footer, left, bottom - 8, { width: divider - 18 - left, lineBreak: false });

    doc.save().strokeColor(FOOD_GREEN).lineWidth(0.6).moveTo(divider, fieldsTop - 4).lineTo(divider, bottom).stroke().restore();

    const columnWidth = right - rightX;
    let y = Math.max(fieldsTop, qr.bottom + 14);
    doc.fillColor(INK).font(CERTIFICATE_FONT.bold).fontSize(12).text(`${input.number.label}：`, rightX, y, { lineBreak: false });
    y += 18;
    doc.font(CERTIFICATE_FONT.bold).fontSize(16).text(input.number.value, rightX, y, { width: columnWidth, characterSpacing: 1 });
    y += 30;

    const issuerTop = bottom - issuerBlockHeight({ label: '发证机关' });
    const items: LicenseField[] = [...rightFields];
    if (!items.some((f) => f.label === '投诉举报电话')) {
      const signer = items.findIndex((f) => f.label === '签发人');
      items.splice(signer < 0 ? items.length : signer, 0, { label: '投诉举报电话', value: FOOD_COMPLAINT_HOTLINE });
    }
    // Set the items at the largest size that leaves the seal clear.
    let size = 11.5;
    const heightAt = (s: number) =>
      items.reduce((sum, f) => {
        doc.font(CERTIFICATE_FONT.regular).fontSize(s);
        return sum + doc.heightOfString(`${f.label}：${f.value}`, { width: columnWidth, lineGap: s * 0.35 }) + s * 0.7;
      }, 0);
    while (size > 7.5 && y + heightAt(size) > issuerTop - 6) size -= 0.5;
    for (const item of items) y = drawLabelledLine(doc, item.label, item.value, rightX, y, columnWidth, size) + size * 0.7;

    drawIssuerBlock(doc, {
      right: right - 6,
      bottom,
      label: '发证机关',
      authority: input.issuingAuthority,
      date: formatChineseDate(input.issuedOn),
      bureauName: input.bureauName,
    });
  },
};

type SocialOrganisationForm = { known: KnownField[]; footer: string; qualifier?: string };

/**
 * 民办非企业单位登记证书 and 社会团体法人登记证书 (正本), landscape A4 in the red 回 frame: the
 * particulars on the left two thirds, the QR code and the registration authority with the seal on
 * the right, and the annual-inspection reminder at the foot.
 */
function socialOrganisationLayout(form: SocialOrganisationForm): CertificateLayoutSpec {
  return {
    orientation: 'landscape',
    frame: { pattern: 'fret' },
    draw: (context) => {
      const { doc, input, content } = context;
      const right = content.x + content.width - 30;
      const top = content.y + 16;
      const qr = drawQrBlock(doc, input.verifyUrl, right, top);
      const titleBottom = drawLandscapeTitle(context, qr.box.x, form.qualifier);

      const left = content.x + 48;
      const bottom = content.y + content.height - 14;
      const columnRight = content.x + content.width * 0.68;
      const fieldsTop = titleBottom + 30;

      // The credit code is the certificate's number; it goes second, under the name, unless the caller placed it.
      const fields: LicenseField[] = [...input.fields];
      if (!fields.some((f) => f.label === input.number.label)) {
        fields.splice(Math.min(1, fields.length), 0, { label: input.number.label, value: input.number.value });
      }
      const known: KnownField[] = form.known.map((k) => (k.label === '统一社会信用代码' ? { ...k, aliases: [...(k.aliases ?? []), input.number.label] } : k));
      drawFieldRows(doc, arrangeFields(fields, known), { x: left, y: fieldsTop, width: columnRight - left, height: bottom - 24 - fieldsTop }, {
        spreadLabels: true,
        labelEms: 8,
        fontSizes: [13.5, 13, 12.5, 12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7],
        maxGapEms: 1.3,
      });

      drawIssuerBlock(doc, {
        right: right - 4,
        bottom: bottom - 20,
        label: '登记管理机关',
        authority: input.issuingAuthority,
        date: formatChineseDate(input.issuedOn),
        bureauName: input.bureauName,
      });

      doc.fillColor(MUTED_INK).font(CERTIFICATE_FONT.regular).fontSize(8);
      doc.text(form.footer, content.x + 20, bottom - 4, { width: content.width - 40, align: 'center', lineBreak: false });
    },
  };
}

const ANNUAL_INSPECTION = '应当于每年5月31日前向登记管理机关报送上一年度工作报告，接受年度检查';

/** 民办非企业单位登记证书（法人）: the qualifier is printed whether or not the title carries it. */
export const nonEnterpriseLayout: CertificateLayoutSpec = socialOrganisationLayout({
  qualifier: '（法人）',
  known: [
    { label: '名称', aliases: ['单位名称'], always: true },
    { label: '统一社会信用代码', always: true },
    { label: '住所', always: true },
    { label: '宗旨和业务范围', aliases: ['业务范围', '宗旨及业务范围'], always: true },
    { label: '法定代表人', aliases: ['法定代表人（单位负责人）'], always: true },
    { label: '开办资金', always: true },
    { label: '业务主管单位', always: true },
    { label: '有效期', aliases: ['有效期限', '证书有效期'], always: true },
  ],
  footer: `本证书是民办非企业单位法人资格的凭证，不得涂改、出租、出借或者转让；${ANNUAL_INSPECTION}`,
});

/** 社会团体法人登记证书. */
export const socialGroupLayout: CertificateLayoutSpec = socialOrganisationLayout({
  known: [
    { label: '名称', aliases: ['社会团体名称'], always: true },
    { label: '统一社会信用代码', always: true },
    { label: '住所', always: true },
    { label: '业务范围', aliases: ['宗旨和业务范围'], always: true },
    { label: '活动地域', always: true },
    { label: '法定代表人', always: true },
    { label: '注册资金', aliases: ['活动资金'], always: true },
    { label: '业务主管单位', always: true },
    { label: '有效期', aliases: ['有效期限', '证书有效期'], always: true },
  ],
  footer: `本证书是社会团体法人资格的凭证，不得涂改、出租、出借或者转让；${ANNUAL_INSPECTION}`,
});
