export * from './fonts';
export * from './seal';
export * from './signing';
export * from './chinese-format';
export * from './license-document';
export * from './certificate-parts';
export * from './certificate-layouts';
export * from './license-pdf.renderer';
