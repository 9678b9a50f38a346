"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOTICE_OF_ACTION = void 0;
exports.issueNoticeIn = issueNoticeIn;
const domain_1 = require("../../domain/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const queues_1 = require("../../queues/src/index.js");
const number_allocator_1 = require("./number-allocator");
const outbox_1 = require("./outbox");
exports.NOTICE_OF_ACTION = {
    submit: 'receipt',
    resubmit: 'receipt',
    accept: 'acceptance',
    request_correction: 'correction',
    precheck_fail: 'correction',
    refuse: 'non_acceptance',
    approve: 'approval',
    deny: 'denial',
};
async function issueNoticeIn(em, applicationId, kind, data = {}) {
    const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const year = Number((0, domain_1.shanghaiLocalDate)(issuedAt).slice(0, 4));
    const number = (0, domain_1.noticeNumber)(kind, year, await (0, number_allocator_1.nextNumber)(em, (0, domain_1.noticeNumberScope)(kind, year)));
    const notice = await em.getRepository(persistence_1.NoticeEntity).save(em.getRepository(persistence_1.NoticeEntity).create({ applicationId, kind, number, issuedAt, data: JSON.parse(JSON.stringify(data)), pdfSha256: null }));
    await (0, outbox_1.enqueueJob)(em, queues_1.QUEUES.documents, 'render-notice', { noticeId: notice.id });
    return notice;
}
