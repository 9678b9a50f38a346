/// <reference types="pdfkit" />
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Names under which the renderer registers the two weights with pdfkit. */
export const CERTIFICATE_FONT = { regular: 'NotoSerifSC-Regular', bold: 'NotoSerifSC-Bold' } as const;

export type CertificateFontWeight = keyof typeof CERTIFICATE_FONT;

const FONT_FILES: Record<CertificateFontWeight, string> = {
  regular: '400Regular/NotoSerifSC_400Regular.ttf',
  bold: '700Bold/NotoSerifSC_700Bold.ttf',
};

// Each TTF is ~14 MB: read it once per process and hand pdfkit the same Buffer every time
// (a path would make pdfkit re-read the file for every PDF).
const loaded = new Map<CertificateFontWeight, Buffer>();

export function fontPath(weight: CertificateFontWeight): string {
  const packageDir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  return join(packageDir, FONT_FILES[weight]);
}

export function certificateFont(weight: CertificateFontWeight): Buffer {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFileSync(fontPath(weight));
    loaded.set(weight, bytes);
  }
  return bytes;
}

/** Registers both weights on a document; pdfkit embeds only the glyphs actually drawn. */
export function registerCertificateFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(CERTIFICATE_FONT.regular, certificateFont('regular'));
  doc.registerFont(CERTIFICATE_FONT.bold, certificateFont('bold'));
}
