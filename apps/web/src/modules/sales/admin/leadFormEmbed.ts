// What an administrator copies to publish a lead form: the hosted form page (a QR code, a link, or a frame embedded
// in a campaign page — the server lets other sites frame this page only) and the API address for a developer's own
// server-side posting (it answers no cross-site browser requests).

const trimSlash = (origin: string) => origin.replace(/\/+$/, '');
const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page a visitor fills in, served by Guanxi itself. */
export const leadFormPageUrl = (origin: string, key: string): string =>
  `${trimSlash(origin)}/public/lead-forms/${encodeURIComponent(key)}`;

/** Where a form posts (JSON, no sign-in). */
export const leadFormEndpoint = (origin: string, key: string): string =>
  `${trimSlash(origin)}/api/v1/public/lead-forms/${encodeURIComponent(key)}`;

/** The HTML to paste into a campaign page: a link that opens the hosted form in a new tab. */
export const leadFormLink = (origin: string, key: string, text: string): string =>
  `<a href="${escapeAttribute(leadFormPageUrl(origin, key))}" target="_blank" rel="noopener">${escapeAttribute(text)}</a>`;

/** The HTML to paste into a campaign page to show the hosted form inside it. */
export const leadFormFrame = (origin: string, key: string, title: string): string =>
  `<iframe src="${escapeAttribute(leadFormPageUrl(origin, key))}" title="${escapeAttribute(title)}" width="100%" height="760" style="border:0" loading="lazy"></iframe>`;
