"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toApplicationView = toApplicationView;
const documents_1 = require("../../documents/src/index.js");
const STAFF_ONLY_ACTIONS = new Set(['claim', 'release', 'claim_expired']);
function toApplicationView(parts) {
    const { app, service, license } = parts;
    const view = {
        id: app.id,
        number: app.number,
        serviceCode: app.serviceCode,
        state: app.state,
        form: app.form,
        materials: service.materials.map((m) => ({
            code: m.code,
            name: m.name,
            nameEn: m.nameEn,
            required: m.required,
            ...(m.condition ? { condition: m.condition } : {}),
            accept: [...m.accept],
            uploaded: parts.materials
                .filter((u) => u.materialCode === m.code)
                .map((u) => ({
                id: u.id,
                fileName: u.fileName,
                mimeType: u.mimeType,
                sizeBytes: Number(u.sizeBytes),
                sha256: u.sha256,
                uploadedAt: u.uploadedAt.toISOString(),
            })),
        })),
        clock: parts.clock,
        timeline: parts.events
            .filter((e) => parts.audience === 'staff' || !STAFF_ONLY_ACTIONS.has(e.action))
            .map((e) => ({
            at: e.at.toISOString(),
            action: e.action,
            state: e.toState,
            actor: { kind: e.actorKind, ...(e.actorName ? { name: e.actorName } : {}) },
            ...(e.note ? { note: e.note } : {}),
        })),
        corrections: parts.corrections.map((c) => ({
            id: c.id,
            requestedAt: c.requestedAt.toISOString(),
            requestedBy: c.source === 'precheck' ? 'system' : 'staff',
            items: c.items,
            ...(c.reason ? { reason: c.reason } : {}),
            ...(c.resolvedAt ? { resolvedAt: c.resolvedAt.toISOString() } : {}),
        })),
        notices: parts.notices.map((n) => ({
            id: n.id,
            kind: n.kind,
            number: n.number,
            issuedAt: n.issuedAt.toISOString(),
            ...(n.pdfSha256 ? { pdfUrl: `/api/applications/${app.id}/notices/${n.id}.pdf` } : {}),
        })),
        greenChannel: app.greenChannel,
        createdAt: app.createdAt.toISOString(),
    };
    if (parts.sealOrder) {
        const o = parts.sealOrder;
        view.sealOrder = {
            seals: o.seals,
            status: o.status,
            openedAt: o.openedAt.toISOString(),
            ...(o.madeAt ? { madeAt: o.madeAt.toISOString() } : {}),
            ...(o.deliveredAt ? { deliveredAt: o.deliveredAt.toISOString() } : {}),
        };
    }
    if (app.filedByAccountId) {
        view.filedBy = { staffId: app.filedByAccountId, ...(app.authorizationNumber ? { authorizationNumber: app.authorizationNumber } : {}) };
    }
    if (parts.audience === 'staff' && app.claimHolderId)
        view.claimedBy = app.claimHolderId;
    if (license) {
        view.license = {
            number: license.number,
            issuedAt: license.issuedAt.toISOString(),
            ...(license.validUntil ? { validUntil: license.validUntil } : {}),
            pdfUrl: `/api/applications/${app.id}/license.pdf`,
            verifyUrl: (0, documents_1.verificationUrl)(parts.portalUrl, license.number, { d: license.signedPayload, sig: license.signature }),
            ...(license.revokedAt ? { revokedAt: license.revokedAt.toISOString() } : {}),
        };
    }
    return view;
}
