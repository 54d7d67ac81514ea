// What an uploaded file is, judged from its first bytes and, for containers and text, its name — never from the type
// the browser sent. The answer only labels the file in lists and downloads; downloads are always served as
// attachments with nosniff, so even a file that is really HTML or SVG is never rendered by the browser as a page.

const startsWith = (head: Buffer, bytes: number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const extension = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

/** Office documents are zip archives (OOXML, OpenDocument) or OLE compound files; the name tells which. */
const ZIP_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  ofd: 'application/ofd',
};
const OLE_TYPES: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
/** Text files keep a text type only for these names; any other text (HTML, SVG, scripts) is plain text. */
const TEXT_TYPES: Record<string, string> = { csv: 'text/csv', txt: 'text/plain', md: 'text/plain', json: 'text/plain' };

function isUtf8Text(head: Buffer): boolean {
  if (head.includes(0)) return false;
  // A multi-byte character may be cut at the end of the head: drop up to three trailing bytes before decoding.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter head
    }
  }
  return false;
}

/** The content type of a file from its first bytes (up to a few KiB) and its name. */
export function sniffContentType(head: Buffer, fileName: string): string {
  const ext = extension(fileName);
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('BM'))) return 'image/bmp';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return ZIP_TYPES[ext] ?? 'application/zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE_TYPES[ext] ?? 'application/octet-stream';
  if (startsWith(head, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'application/vnd.rar';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed';
  if (head.length > 0 && isUtf8Text(head)) return `${TEXT_TYPES[ext] ?? 'text/plain'}; charset=utf-8`;
  return 'application/octet-stream';
}
