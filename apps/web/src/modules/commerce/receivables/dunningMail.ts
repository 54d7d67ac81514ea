// The dunning letter leaves the browser two ways: a `mailto:` link for the user's mail program (address as typed,
// subject and body percent-encoded, line breaks as %0D%0A as RFC 6068 asks) and the clipboard (subject, a blank line,
// the letter), with a hidden text area for browsers that refuse the Clipboard API (plain http on a LAN address).

/** mailto:<address>?subject=…&body=… for the letter. */
export function mailtoHref(address: string, subject: string, text: string): string {
  const encode = (value: string) => encodeURIComponent(value.replace(/\r?\n/g, '\r\n'));
  const to = encodeURIComponent(address).replace(/%40/g, '@');
  return `mailto:${to}?subject=${encode(subject)}&body=${encode(text)}`;
}

/** What 复制 puts on the clipboard: the subject, a blank line, the letter. */
export const letterForClipboard = (subject: string, text: string): string => `${subject}\n\n${text}`;

/** Copies `text`; false when the browser allows neither the Clipboard API nor the copy command. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, document not focused): the copy command below may still work.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
