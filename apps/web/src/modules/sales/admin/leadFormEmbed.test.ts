// The copied addresses point at the form's key on this server, and the snippet stays valid HTML whatever the title.
import { describe, expect, it } from 'vitest';
import { leadFormEndpoint, leadFormIframe, leadFormPageUrl } from './leadFormEmbed.ts';

describe('lead form embedding', () => {
  it('builds the page and API addresses from the origin and key', () => {
    expect(leadFormPageUrl('https://crm.example.cn/', 'ningbo-book-fair')).toBe(
      'https://crm.example.cn/public/lead-forms/ningbo-book-fair',
    );
    expect(leadFormEndpoint('https://crm.example.cn', 'ningbo-book-fair')).toBe(
      'https://crm.example.cn/api/v1/public/lead-forms/ningbo-book-fair',
    );
  });

  it('escapes the title inside the iframe attribute', () => {
    const html = leadFormIframe('https://crm.example.cn', 'fair-2027', '书展 "特惠" <报名>');
    expect(html).toContain('src="https://crm.example.cn/public/lead-forms/fair-2027"');
    expect(html).toContain('title="书展 &quot;特惠&quot; &lt;报名&gt;"');
    expect(html.startsWith('<iframe ')).toBe(true);
    expect(html.endsWith('</iframe>')).toBe(true);
  });
});
