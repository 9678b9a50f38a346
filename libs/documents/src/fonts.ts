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

// pdfkit accepts a font fontkit has already parsed. Parsing once per process instead of once per
// PDF doubled the issuance rate (bench/RESULTS.md, "issue"); the bytes written are identical.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(bytes: Buffer): object };
const parsed = new Map<CertificateFontWeight, object>();

function parsedFont(weight: CertificateFontWeight): object {
  let font = parsed.get(weight);
  if (!font) {
    font = fontkit.create(certificateFont(weight));
    parsed.set(weight, font);
  }
  return font;
}

/** Registers both weights on a document; pdfkit embeds only the glyphs actually drawn. */
export function registerCertificateFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(CERTIFICATE_FONT.regular, parsedFont('regular') as unknown as Buffer);
  doc.registerFont(CERTIFICATE_FONT.bold, parsedFont('bold') as unknown as Buffer);
}
