"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultCertificateLayouts = exports.genericCertificateLayout = exports.businessLicenseLayout = void 0;
const certificate_parts_1 = require("./certificate-parts");
const chinese_format_1 = require("./chinese-format");
const fonts_1 = require("./fonts");
const investment_filing_layout_1 = require("./investment-filing.layout");
const landscape_certificate_layouts_1 = require("./landscape-certificate.layouts");
const statutory_permit_layouts_1 = require("./statutory-permit.layouts");
const businessLicenseLayout = ({ doc, input, page, content }) => {
    const padX = 26;
    const left = content.x + padX;
    const right = content.x + content.width - padX;
    const top = content.y + 16;
    const qr = (0, certificate_parts_1.drawQrBlock)(doc, input.verifyUrl, right + 12, top);
    doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(10.5);
    doc.text(input.number.label, left, top + 2, { lineBreak: false, characterSpacing: 1 });
    doc.font(fonts_1.CERTIFICATE_FONT.bold).fontSize(13);
    doc.text(input.number.value, left, top + 19, { lineBreak: false, characterSpacing: 0.6 });
    const titleTop = top + 48;
    const titleRoom = 2 * (qr.box.x - 16 - page.width / 2);
    let y = (0, certificate_parts_1.drawCentredTitle)(doc, input.title, { centerX: page.width / 2, y: titleTop, fontSize: 40, spacing: 12, maxWidth: titleRoom });
    if (input.subtitle) {
        y = (0, certificate_parts_1.drawCentredTitle)(doc, input.subtitle, {
            centerX: page.width / 2,
            y: y - 2,
            fontSize: 15,
            spacing: 2,
            maxWidth: titleRoom,
            font: fonts_1.CERTIFICATE_FONT.regular,
        });
    }
    const bottom = content.y + content.height;
    const footerTop = bottom - 44;
    const issuerBottom = footerTop - 22;
    const issuerTop = issuerBottom - (0, certificate_parts_1.issuerBlockHeight)({ label: '登记机关' }) - 8;
    const fieldsTop = Math.max(y, qr.bottom) + 34;
    (0, certificate_parts_1.drawFieldRows)(doc, input.fields, { x: left + 14, y: fieldsTop, width: right - left - 28, height: issuerTop - fieldsTop }, { spreadLabels: true });
    (0, certificate_parts_1.drawIssuerBlock)(doc, {
        right: right - 8,
        bottom: issuerBottom,
        label: '登记机关',
        authority: input.issuingAuthority,
        date: (0, chinese_format_1.formatChineseDate)(input.issuedOn),
        bureauName: input.bureauName,
    });
    doc.fillColor(certificate_parts_1.MUTED_INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(7.5);
    doc.text('国家企业信用信息公示系统网址：https://www.gsxt.gov.cn', left, footerTop + 8, { width: right - left, align: 'center', lineBreak: false });
    doc.text('市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告', left, footerTop + 21, {
        width: right - left,
        align: 'center',
        lineBreak: false,
    });
};
exports.businessLicenseLayout = businessLicenseLayout;
const genericCertificateLayout = ({ doc, input, page, content }) => {
    const padX = 30;
    const left = content.x + padX;
    const right = content.x + content.width - padX;
    const top = content.y + 16;
    const qr = (0, certificate_parts_1.drawQrBlock)(doc, input.verifyUrl, right, top);
    const titleRoom = 2 * (qr.box.x - 16 - page.width / 2);
    let y = (0, certificate_parts_1.drawCentredTitle)(doc, input.title, { centerX: page.width / 2, y: top + 34, fontSize: 34, spacing: 8, maxWidth: titleRoom });
    if (input.subtitle) {
        y = (0, certificate_parts_1.drawCentredTitle)(doc, input.subtitle, { centerX: page.width / 2, y, fontSize: 14, spacing: 2, maxWidth: titleRoom, font: fonts_1.CERTIFICATE_FONT.regular });
    }
    y = Math.max(y + 6, qr.bottom + 6);
    doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(12);
    const numberLine = `${input.number.label}：${input.number.value}`;
    doc.text(numberLine, left, y, { width: right - left, align: 'center', lineBreak: false });
    const bottom = content.y + content.height;
    const issuerBottom = bottom - 50;
    const issuerTop = issuerBottom - (0, certificate_parts_1.issuerBlockHeight)({}) - 8;
    const fieldsTop = y + 40;
    (0, certificate_parts_1.drawFieldRows)(doc, input.fields, { x: left, y: fieldsTop, width: right - left, height: issuerTop - fieldsTop }, { ruled: true, fontSizes: [13, 12, 11, 10, 9, 8, 7] });
    (0, certificate_parts_1.drawIssuerBlock)(doc, {
        right,
        bottom: issuerBottom,
        authority: input.issuingAuthority,
        date: (0, chinese_format_1.formatChineseDate)(input.issuedOn),
        bureauName: input.bureauName,
    });
};
exports.genericCertificateLayout = genericCertificateLayout;
exports.defaultCertificateLayouts = Object.freeze({
    'business-license': exports.businessLicenseLayout,
    certificate: exports.genericCertificateLayout,
    'food-business': landscape_certificate_layouts_1.foodBusinessLayout,
    'investment-filing': investment_filing_layout_1.investmentFilingLayout,
    'land-planning': statutory_permit_layouts_1.landPlanningLayout,
    'engineering-planning': statutory_permit_layouts_1.engineeringPlanningLayout,
    construction: statutory_permit_layouts_1.constructionLayout,
    'non-enterprise': landscape_certificate_layouts_1.nonEnterpriseLayout,
    'social-group': landscape_certificate_layouts_1.socialGroupLayout,
});
