// Reading a logo file in the browser: PNG or JPEG by its first bytes (as the server checks), at most 300 KB, as
// base64 for the settings. Pure except for the File read.

export const LOGO_MAX_BYTES = 300 * 1024;

export function imageTypeOf(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export type LogoRead =
  { ok: true; base64: string; type: 'image/png' | 'image/jpeg' } | { ok: false; reason: 'tooLarge' | 'wrongType' };

export async function readLogo(file: Blob): Promise<LogoRead> {
  if (file.size > LOGO_MAX_BYTES) return { ok: false, reason: 'tooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = imageTypeOf(bytes);
  return type ? { ok: true, base64: toBase64(bytes), type } : { ok: false, reason: 'wrongType' };
}

/** A data: URL of a stored logo for an <img>. */
export const logoSrc = (base64: string | null | undefined, type: string | null | undefined): string | undefined =>
  base64 ? `data:${type ?? 'image/png'};base64,${base64}` : undefined;
