// The copied addresses point at the form's key on this server, and the snippet stays valid HTML whatever the title.
import { describe, expect, it } from 'vitest';
import { leadFormEndpoint, leadFormFrame, leadFormLink, leadFormPageUrl } from './leadFormEmbed.ts';

describe('lead form embedding', () => {
  it('builds the page and API addresses from the origin and key', () => {
    expect(leadFormPageUrl('https://crm.example.cn/', 'ningbo-book-fair')).toBe(
      'https://crm.example.cn/public/lead-forms/ningbo-book-fair',
    );
    expect(leadFormEndpoint('https://crm.example.cn', 'ningbo-book-fair')).toBe(
      'https://crm.example.cn/api/v1/public/lead-forms/ningbo-book-fair',
    );
  });

  it('escapes the link text and address inside the HTML', () => {
    const html = leadFormLink('https://crm.example.cn', 'fair-2027', '书展 "特惠" <报名>');
    expect(html).toBe(
      '<a href="https://crm.example.cn/public/lead-forms/fair-2027" target="_blank" rel="noopener">书展 &quot;特惠&quot; &lt;报名&gt;</a>',
    );
  });

  it('frames the hosted page with an escaped title', () => {
    expect(leadFormFrame('https://crm.example.cn', 'fair-2027', '书展 "报名"')).toBe(
      '<iframe src="https://crm.example.cn/public/lead-forms/fair-2027" title="书展 &quot;报名&quot;" width="100%" height="760" style="border:0" loading="lazy"></iframe>',
    );
  });
});
