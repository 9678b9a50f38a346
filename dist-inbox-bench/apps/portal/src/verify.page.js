"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderVerifyPage = renderVerifyPage;
const TEXT = {
    'zh-CN': {
        title: '证照核验',
        bureau: '朔州市平鲁区行政审批服务管理局',
        valid: '真实有效',
        revoked: '已撤销',
        expired: '已过有效期',
        not_genuine: '无法核验：非本局签发或内容已被改动',
        number: '证照编号',
        service: '证照名称',
        holder: '持证主体',
        issuedAt: '发证日期',
        validUntil: '有效期至',
        revokedAt: '撤销日期',
        noExpiry: '长期',
        note: '本页仅显示证照上载明的信息。',
        switch: 'English',
    },
    en: {
        title: 'Licence verification',
        bureau: 'Pinglu District Administrative Approval Bureau, Shuozhou',
        valid: 'Genuine and valid',
        revoked: 'Revoked',
        expired: 'Expired',
        not_genuine: 'Cannot be verified: not issued by this bureau, or altered',
        number: 'Licence number',
        service: 'Licence',
        holder: 'Holder',
        issuedAt: 'Issued on',
        validUntil: 'Valid until',
        revokedAt: 'Revoked on',
        noExpiry: 'No expiry',
        note: 'This page shows only what the licence itself states.',
        switch: '中文',
    },
};
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const day = (iso) => iso.slice(0, 10);
function renderVerifyPage(result, locale, query) {
    const t = TEXT[locale];
    const rows = [[t.number, result.licenseNumber]];
    if (result.status !== 'not_genuine') {
        rows.push([t.service, result.serviceName ?? ''], [t.holder, result.holderName ?? ''], [t.issuedAt, day(result.issuedAt ?? '')]);
        rows.push([t.validUntil, result.validUntil ?? t.noExpiry]);
        if (result.revokedAt)
            rows.push([t.revokedAt, day(result.revokedAt)]);
    }
    const other = locale === 'en' ? 'zh-CN' : 'en';
    const keep = new URLSearchParams();
    if (typeof query.d === 'string')
        keep.set('d', query.d);
    if (typeof query.sig === 'string')
        keep.set('sig', query.sig);
    keep.set('lang', other);
    return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title>
<link rel="stylesheet" href="/assets/verify.css"></head>
<body>
<main class="verify verify--${result.status}">
  <p class="bureau">${t.bureau}</p>
  <h1>${t.title}</h1>
  <p class="status" role="status">${escapeHtml(t[result.status])}</p>
  <dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
  <p class="note">${t.note}</p>
  <p><a href="?${escapeHtml(keep.toString())}" lang="${other}">${t.switch}</a></p>
</main>
</body>
</html>`;
}
