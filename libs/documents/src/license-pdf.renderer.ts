import PDFDocument from 'pdfkit';
import { CertificateLayout, certificateLayoutSpec } from './certificate-layout';
import { defaultCertificateLayouts } from './certificate-layouts';
import { drawCertificateFrame } from './certificate-parts';
import { certificateFont, registerCertificateFonts } from './fonts';
import { LicenseDocument } from './license-document';

export type LicensePdfRendererOptions = {
  /** Extra or replacement layouts, merged over the defaults. */
  layouts?: Record<string, CertificateLayout>;
};

/** Renders one-page A4 certificates (portrait or landscape, as each layout chooses). Construct once: it keeps the font bytes in memory for every render. */
export class LicensePdfRenderer {
  private readonly layouts: Record<string, CertificateLayout>;

  constructor(options: LicensePdfRendererOptions = {}) {
    this.layouts = { ...defaultCertificateLayouts, ...options.layouts };
    certificateFont('regular');
    certificateFont('bold');
  }

  layoutNames(): string[] {
    return Object.keys(this.layouts).sort();
  }

  supports(layout: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.layouts, layout);
  }

  render(input: LicenseDocument): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      try {
        if (!this.supports(input.layout)) {
          throw new Error(`No certificate layout "${input.layout}" (known: ${this.layoutNames().join(', ')})`);
        }
        const layout = certificateLayoutSpec(this.layouts[input.layout]);
        const date = input.creationDate ?? new Date();
        const doc = new PDFDocument({
          size: 'A4',
          layout: layout.orientation,
          margin: 0,
          bufferPages: true,
          lang: 'zh-CN',
          displayTitle: true,
          info: {
            Title: [input.title, input.subtitle, input.number.value].filter(Boolean).join(' '),
            Subject: input.fields[0]?.value ?? '',
            Author: input.issuingAuthority,
            Creator: 'OneWindow',
            Producer: 'OneWindow',
            CreationDate: date,
            ModDate: date,
          },
        });
        const chunks: Buffer[] = [];
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);

        registerCertificateFonts(doc);
        const page = { width: doc.page.width, height: doc.page.height };
        const content = drawCertificateFrame(doc, page, layout.frame);
        layout.draw({ doc, input, page, content });

        const pages = doc.bufferedPageRange().count;
        if (pages !== 1) throw new Error(`Certificate layout "${input.layout}" overflowed onto ${pages} pages`);
        doc.end();
      } catch (error) {
        reject(error);
      }
    });
  }
}
