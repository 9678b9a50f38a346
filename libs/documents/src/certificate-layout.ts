/// <reference types="pdfkit" />
import { Box, CertificateFrameStyle } from './certificate-parts';
import { LicenseDocument } from './license-document';

export type CertificateLayoutContext = {
  doc: PDFKit.PDFDocument;
  input: LicenseDocument;
  page: { width: number; height: number };
  /** The area inside the frame. */
  content: Box;
};

/** Draws a certificate's body inside the frame the renderer has drawn. */
export type CertificateDrawing = (context: CertificateLayoutContext) => void;

/** A layout that also chooses the page's orientation and the frame drawn around it. */
export type CertificateLayoutSpec = {
  /** Portrait A4 by default. */
  orientation?: 'portrait' | 'landscape';
  frame?: CertificateFrameStyle;
  draw: CertificateDrawing;
};

/** A bare drawing function is a portrait layout in the red 回 frame. */
export type CertificateLayout = CertificateDrawing | CertificateLayoutSpec;

export function certificateLayoutSpec(layout: CertificateLayout): Required<CertificateLayoutSpec> {
  const spec = typeof layout === 'function' ? { draw: layout } : layout;
  return { orientation: spec.orientation ?? 'portrait', frame: spec.frame ?? {}, draw: spec.draw };
}
