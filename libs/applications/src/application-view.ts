import { ApplicationClock, ServiceDefinition } from '@onewindow/domain';
import {
  ApplicationEntity,
  AuditEventEntity,
  CorrectionEntity,
  LicenseEntity,
  MaterialEntity,
  NoticeEntity,
  SealCarvingOrderEntity,
} from '@onewindow/persistence';
import { verificationUrl } from '@onewindow/documents';

export interface TimelineEntry {
  at: string;
  action: string;
  state: string | null;
  actor: { kind: 'applicant' | 'staff' | 'system'; name?: string };
  note?: string;
}

export interface ApplicationView {
  id: string;
  number: string;
  serviceCode: string;
  state: string;
  form: Record<string, unknown>;
  materials: Array<{
    code: string;
    name: string;
    nameEn: string;
    required: boolean;
    condition?: string;
    accept: string[];
    uploaded: Array<{ id: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string; uploadedAt: string }>;
  }>;
  clock: ApplicationClock;
  timeline: TimelineEntry[];
  corrections: Array<{
    id: string;
    requestedAt: string;
    requestedBy: string;
    items: CorrectionEntity['items'];
    reason?: string;
    resolvedAt?: string;
  }>;
  notices: Array<{ id: string; kind: string; number: string; issuedAt: string; pdfUrl?: string }>;
  filedBy?: { staffId: string; authorizationNumber?: string };
  sealOrder?: { seals: string[]; status: string; openedAt: string; madeAt?: string; deliveredAt?: string };
  license?: { number: string; issuedAt: string; validUntil?: string; pdfUrl: string; verifyUrl: string; revokedAt?: string };
  greenChannel: boolean;
  claimedBy?: string;
  createdAt: string;
}

export interface ViewParts {
  app: ApplicationEntity;
  service: ServiceDefinition;
  materials: MaterialEntity[];
  events: AuditEventEntity[];
  corrections: CorrectionEntity[];
  license: LicenseEntity | null;
  notices: NoticeEntity[];
  sealOrder?: SealCarvingOrderEntity | null;
  clock: ApplicationClock;
  portalUrl: string;
  /** Staff see every audit event with the staff member's name; applicants the public steps. */
  audience: 'applicant' | 'staff';
}

/** Audit actions an applicant's timeline leaves out: internal bookkeeping of the back office. */
const STAFF_ONLY_ACTIONS = new Set(['claim', 'release', 'claim_expired']);

export function toApplicationView(parts: ViewParts): ApplicationView {
  const { app, service, license } = parts;
  const view: ApplicationView = {
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
  if (parts.audience === 'staff' && app.claimHolderId) view.claimedBy = app.claimHolderId;
  if (license) {
    view.license = {
      number: license.number,
      issuedAt: license.issuedAt.toISOString(),
      ...(license.validUntil ? { validUntil: license.validUntil } : {}),
      pdfUrl: `/api/applications/${app.id}/license.pdf`,
      verifyUrl: verificationUrl(parts.portalUrl, license.number, { d: license.signedPayload, sig: license.signature }),
      ...(license.revokedAt ? { revokedAt: license.revokedAt.toISOString() } : {}),
    };
  }
  return view;
}
