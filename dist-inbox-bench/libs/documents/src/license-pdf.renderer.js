"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.LicensePdfRenderer = void 0;
const pdfkit_1 = __importDefault(require("pdfkit"));
const certificate_layout_1 = require("./certificate-layout");
const certificate_layouts_1 = require("./certificate-layouts");
const certificate_parts_1 = require("./certificate-parts");
const fonts_1 = require("./fonts");
class LicensePdfRenderer {
    layouts;
    constructor(options = {}) {
        this.layouts = { ...certificate_layouts_1.defaultCertificateLayouts, ...options.layouts };
        (0, fonts_1.certificateFont)('regular');
        (0, fonts_1.certificateFont)('bold');
    }
    layoutNames() {
        return Object.keys(this.layouts).sort();
    }
    supports(layout) {
        return Object.prototype.hasOwnProperty.call(this.layouts, layout);
    }
    render(input) {
        return new Promise((resolve, reject) => {
            try {
                if (!this.supports(input.layout)) {
                    throw new Error(`No certificate layout "${input.layout}" (known: ${this.layoutNames().join(', ')})`);
                }
                const layout = (0, certificate_layout_1.certificateLayoutSpec)(this.layouts[input.layout]);
                const date = input.creationDate ?? new Date();
                const doc = new pdfkit_1.default({
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
                const chunks = [];
                doc.on('data', (chunk) => chunks.push(chunk));
                doc.on('end', () => resolve(Buffer.concat(chunks)));
                doc.on('error', reject);
                (0, fonts_1.registerCertificateFonts)(doc);
                const page = { width: doc.page.width, height: doc.page.height };
                const content = (0, certificate_parts_1.drawCertificateFrame)(doc, page, layout.frame);
                layout.draw({ doc, input, page, content });
                const pages = doc.bufferedPageRange().count;
                if (pages !== 1)
                    throw new Error(`Certificate layout "${input.layout}" overflowed onto ${pages} pages`);
                doc.end();
            }
            catch (error) {
                reject(error);
            }
        });
    }
}
exports.LicensePdfRenderer = LicensePdfRenderer;
