import { filetypemime } from 'magic-bytes.js';

/** Bytes to read before deciding a file's type. */
export const SNIFF_BYTES = 4100;

/**
 * The MIME type of a file judged by its first bytes, never by its name. OFD (GB/T 33190) is a
 * ZIP whose first entry is OFD.xml, so a ZIP counts as OFD only when that name follows.
 */
export function sniffMimeType(head: Buffer): string | null {
  const mimes = filetypemime(new Uint8Array(head));
  if (mimes.includes('application/pdf')) return 'application/pdf';
  if (mimes.includes('image/jpeg')) return 'image/jpeg';
  if (mimes.includes('image/png')) return 'image/png';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && head.subarray(0, 200).includes('OFD.xml')) {
    return 'application/ofd';
  }
  return mimes[0] ?? null;
}
