import { describe, expect, it } from 'vitest';
import { imageTypeOf, readLogo, toBase64 } from './logoFile.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('logo files', () => {
  it('knows PNG and JPEG by their first bytes, not by their names', () => {
    expect(imageTypeOf(png)).toBe('image/png');
    expect(imageTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageTypeOf(new TextEncoder().encode('GIF89a'))).toBeNull();
  });

  it('refuses a file above 300 KB or of another kind, and gives the base64 of a good one', async () => {
    expect(await readLogo(new Blob([new Uint8Array(300 * 1024 + 1)]))).toEqual({ ok: false, reason: 'tooLarge' });
    expect(await readLogo(new Blob(['<svg/>']))).toEqual({ ok: false, reason: 'wrongType' });
    expect(await readLogo(new Blob([png]))).toEqual({ ok: true, base64: toBase64(png), type: 'image/png' });
    expect(toBase64(new TextEncoder().encode('关系'))).toBe('5YWz57O7');
  });
});
