import type { NoticeKind } from '@onewindow/domain';

export type { NoticeKind };

/** One item of a one-time correction list (一次性告知): the form field or material, and what is wrong with it. */
export type NoticeCorrectionItem = { label: string; reason: string };

export type NoticeDocument = {
  kind: NoticeKind;
  /** 文书编号, e.g. 平审受字〔2026〕第000042号 */
  number: string;
  applicantName: string;
  applicationNumber: string;
  /** The service applied for, e.g. 食品经营许可 */
  serviceName: string;
  /** YYYY-MM-DD, shown as 2026年11月28日 under the bureau's name */
  issuedOn: string;
  /**
   * Replaces the standard wording of the notice's body. What the law requires of the kind is
   * printed all the same: the numbered correction list with its 一次性补正 sentence, and the
   * right to review or sue on a refusal or denial.
   */
  bodyParagraphs?: string[];
  /** The correction list (required for 'correction'), printed numbered. */
  items?: NoticeCorrectionItem[];
  /** Why: required for 'non_acceptance', 'denial' and 'extension' unless bodyParagraphs say it. */
  reason?: string;
  /** Printed as the header (红头) and read around the seal. */
  bureauName: string;
  /** Fixes the PDF's creation and modification dates, so that the same input gives the same bytes. */
  creationDate?: Date;
  /** YYYY-MM-DD the application was submitted; the wording says 于…提出 when given. */
  submittedOn?: string;
  /** For 'extension': working days added (10 at most; 10 by default). */
  extensionWorkingDays?: number;
  /** Where administrative review is applied for; 朔州市平鲁区人民政府 by default. */
  reviewAuthority?: string;
};

export const NOTICE_TITLES: Readonly<Record<NoticeKind, string>> = Object.freeze({
  receipt: '收件凭证',
  acceptance: '受理通知书',
  correction: '补正材料通知书',
  non_acceptance: '不予受理通知书',
  extension: '延长审查期限通知书',
  approval: '准予行政许可决定书',
  denial: '不予行政许可决定书',
});
