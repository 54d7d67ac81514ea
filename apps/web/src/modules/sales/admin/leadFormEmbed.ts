// What an administrator copies to publish a lead form: the hosted form page, an <iframe> of it for a campaign page
// (same-origin posting, so no cross-site request rules apply), and the API address for developers' own forms.

const trimSlash = (origin: string) => origin.replace(/\/+$/, '');
const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page a visitor fills in, served by Guanxi itself. */
export const leadFormPageUrl = (origin: string, key: string): string =>
  `${trimSlash(origin)}/public/lead-forms/${encodeURIComponent(key)}`;

/** Where a form posts (JSON, no sign-in). */
export const leadFormEndpoint = (origin: string, key: string): string =>
  `${trimSlash(origin)}/api/v1/public/lead-forms/${encodeURIComponent(key)}`;

/** The HTML to paste into a campaign page: the hosted form in a frame that fits a phone. */
export const leadFormIframe = (origin: string, key: string, title: string): string =>
  `<iframe src="${escapeAttribute(leadFormPageUrl(origin, key))}" title="${escapeAttribute(title)}" ` +
  `style="width:100%;max-width:520px;height:720px;border:0" loading="lazy"></iframe>`;
