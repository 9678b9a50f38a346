/// <reference types="pdfkit" />
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
import { investmentFilingLayout } from './investment-filing.layout';
import { foodBusinessLayout, nonEnterpriseLayout, socialGroupLayout } from './landscape-certificate.layouts';
import { constructionLayout, engineeringPlanningLayout, landPlanningLayout } from './statutory-permit.layouts';
import { CertificateDrawing, CertificateLayout } from './certificate-layout';

/**
 * 营业执照 (copy, portrait A4): the credit code top left, the QR code top right, the title
 * between them, the particulars in rows, the registration authority and date with the seal
 * at the bottom right, and the annual-report reminder printed on every licence.
 */
export const businessLicenseLayout: CertificateDrawing = ({ doc, input, page, content }) => {
  const padX = 26;
  const left = content.x + padX;
  const right = content.x + content.width - padX;
  const top = content.y + 16;

  const qr = drawQrBlock(doc, input.verifyUrl, right + 12, top);

  doc.fillColor(INK).font(CERTIFICATE_FONT.regular).fontSize(10.5);
  doc.text(input.number.label, left, top + 2, { lineBreak: false, characterSpacing: 1 });
  doc.font(CERTIFICATE_FONT.bold).fontSize(13);
  doc.text(input.number.value, left, top + 19, { lineBreak: false, characterSpacing: 0.6 });

  // Below the number block and clear of the QR code, which sits to its right.
  const titleTop = top + 48;
  const titleRoom = 2 * (qr.box.x - 16 - page.width / 2);
  let y = drawCentredTitle(doc, input.title, { centerX: page.width / 2, y: titleTop, fontSize: 40, spacing: 12, maxWidth: titleRoom });
  if (input.subtitle) {
    y = drawCentredTitle(doc, input.subtitle, {
      centerX: page.width / 2,
      y: y - 2,
      fontSize: 15,
      spacing: 2,
      maxWidth: titleRoom,
      font: CERTIFICATE_FONT.regular,
    });
  }

  const bottom = content.y + content.height;
  const footerTop = bottom - 44;
  const issuerBottom = footerTop - 22;
  const issuerTop = issuerBottom - issuerBlockHeight({ label: '登记机关' }) - 8;
  const fieldsTop = Math.max(y, qr.bottom) + 34;
  drawFieldRows(
    doc,
    input.fields,
    { x: left + 14, y: fieldsTop, width: right - left - 28, height: issuerTop - fieldsTop },
    { spreadLabels: true },
  );

  drawIssuerBlock(doc, {
    right: right - 8,
    bottom: issuerBottom,
    label: '登记机关',
    authority: input.issuingAuthority,
    date: formatChineseDate(input.issuedOn),
    bureauName: input.bureauName,
  });

  doc.fillColor(MUTED_INK).font(CERTIFICATE_FONT.regular).fontSize(7.5);
  doc.text('国家企业信用信息公示系统网址：https://www.gsxt.gov.cn', left, footerTop + 8, { width: right - left, align: 'center', lineBreak: false });
  doc.text('市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告', left, footerTop + 21, {
    width: right - left,
    align: 'center',
    lineBreak: false,
  });
};

/**
 * A plain permit or certificate for services that have no layout of their own yet: the title,
 * the number beneath it, the QR code top right, ruled rows and the issuer with the seal.
 */
export const genericCertificateLayout: CertificateDrawing = ({ doc, input, page, content }) => {
  const padX = 30;
  const left = content.x + padX;
  const right = content.x + content.width - padX;
  const top = content.y + 16;

  const qr = drawQrBlock(doc, input.verifyUrl, right, top);
  const titleRoom = 2 * (qr.box.x - 16 - page.width / 2);
  let y = drawCentredTitle(doc, input.title, { centerX: page.width / 2, y: top + 34, fontSize: 34, spacing: 8, maxWidth: titleRoom });
  if (input.subtitle) {
    y = drawCentredTitle(doc, input.subtitle, { centerX: page.width / 2, y, fontSize: 14, spacing: 2, maxWidth: titleRoom, font: CERTIFICATE_FONT.regular });
  }
  y = Math.max(y + 6, qr.bottom + 6);
  doc.fillColor(INK).font(CERTIFICATE_FONT.regular).fontSize(12);
  const numberLine = `${input.number.label}：${input.number.value}`;
  doc.text(numberLine, left, y, { width: right - left, align: 'center', lineBreak: false });

  const bottom = content.y + content.height;
  const issuerBottom = bottom - 50;
  const issuerTop = issuerBottom - issuerBlockHeight({}) - 8;
  const fieldsTop = y + 40;
  drawFieldRows(doc, input.fields, { x: left, y: fieldsTop, width: right - left, height: issuerTop - fieldsTop }, { ruled: true, fontSizes: [13, 12, 11, 10, 9, 8, 7] });

  drawIssuerBlock(doc, {
    right,
    bottom: issuerBottom,
    authority: input.issuingAuthority,
    date: formatChineseDate(input.issuedOn),
    bureauName: input.bureauName,
  });
};

/** Layout name → drawing function. A new service adds one entry here (or passes its own to the renderer). */
export const defaultCertificateLayouts: Readonly<Record<string, CertificateLayout>> = Object.freeze({
  'business-license': businessLicenseLayout,
  certificate: genericCertificateLayout,
  'food-business': foodBusinessLayout,
  'investment-filing': investmentFilingLayout,
  'land-planning': landPlanningLayout,
  'engineering-planning': engineeringPlanningLayout,
  construction: constructionLayout,
  'non-enterprise': nonEnterpriseLayout,
  'social-group': socialGroupLayout,
});
