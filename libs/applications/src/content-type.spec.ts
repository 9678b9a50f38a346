import { sniffMimeType } from './content-type';

describe('sniffMimeType', () => {
  it('recognises PDF, PNG and JPEG by their bytes', () => {
    expect(sniffMimeType(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'))).toBe('application/pdf');
    expect(sniffMimeType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('image/png');
    expect(sniffMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe('image/jpeg');
  });

  it('does not believe a name: an ELF executable is not a PDF', () => {
    expect(sniffMimeType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).not.toBe('application/pdf');
  });

  it('takes a ZIP with OFD.xml first as OFD, and a plain ZIP as not', () => {
    const ofd = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('OFD.xml')]);
    expect(sniffMimeType(ofd)).toBe('application/ofd');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('data.txt')]);
    expect(sniffMimeType(zip)).not.toBe('application/ofd');
  });
});
