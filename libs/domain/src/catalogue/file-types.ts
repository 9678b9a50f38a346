/** The file types materials may be uploaded as (checked by content, not by name). */

export const SCANS = ['application/pdf', 'image/jpeg', 'image/png'];
// OFD is China's fixed-layout e-document format; accepted where the source is itself an e-document.
export const SCANS_OR_E_DOCUMENT = [...SCANS, 'application/ofd'];
