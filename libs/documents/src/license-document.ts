export type LicenseField = { label: string; value: string };

/** Everything a certificate shows; a layout decides where. */
export type LicenseDocument = {
  /** A key of the renderer's layout registry: 'business-license', 'certificate', … */
  layout: 'business-license' | 'certificate' | (string & {});
  /** '营业执照' */
  title: string;
  /** '（副本）'; none by default */
  subtitle?: string;
  /** The licence number with its label, e.g. 统一社会信用代码 */
  number: LicenseField;
  /** Shown in this order; values may be long (they wrap) and may contain line breaks. */
  fields: LicenseField[];
  /** 登记机关 / 发证机关 */
  issuingAuthority: string;
  /** YYYY-MM-DD, shown as 2026年11月28日 */
  issuedOn: string;
  /** Encoded in the QR code */
  verifyUrl: string;
  /** Read around the seal */
  bureauName: string;
  /** Fixes the PDF's creation and modification dates, so that the same input gives the same bytes. */
  creationDate?: Date;
};
