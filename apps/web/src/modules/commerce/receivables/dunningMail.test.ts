import { describe, expect, it } from 'vitest';
import { letterForClipboard, mailtoHref } from './dunningMail.ts';

describe('dunning letter by mail', () => {
  it('addresses the mail as typed and encodes subject and body, line breaks as CRLF', () => {
    const href = mailtoHref('zhang@chaoyang-books.cn', '付款提醒：订单 SO2026-000012 第 2 期', '张经理，您好：\n\n此致 & 敬礼？');
    expect(href.startsWith('mailto:zhang@chaoyang-books.cn?subject=')).toBe(true);
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('付款提醒：订单 SO2026-000012 第 2 期');
    expect(url.searchParams.get('body')).toBe('张经理，您好：\r\n\r\n此致 & 敬礼？');
    expect(href).toContain('%0D%0A%0D%0A');
    expect(href).not.toContain(' ');
  });

  it('copies the subject, a blank line and the letter', () => {
    expect(letterForClipboard('主题', '正文')).toBe('主题\n\n正文');
  });
});
