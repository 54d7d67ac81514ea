// A campaign page on another site shows the hosted lead form in a frame (the server lets other sites frame that page
// only): a visitor fills it in there and the lead reaches the form's fallback owner.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiOf } from '../harness/api.ts';
import { test } from '../harness/runner.ts';
import { DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

test('sales embed: a lead form framed on another site’s campaign page takes a visitor’s lead', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const me = (await (await rep.request.get('/api/v1/auth/me')).json()) as { user: { id: string } };
  const admin = await newPage();
  await signIn(admin, 'admin', adminPassword);
  await (
    await apiOf(admin)
  ).post('/lead-forms', {
    key: 'wenzhou-expo-2027',
    name: '温州展会',
    campaign: '2027温州展会',
    fallbackUserId: me.user.id,
  });

  // The campaign page: another site (its own small server on another port, so another origin) with the form in a frame.
  const formUrl = new URL('/public/lead-forms/wenzhou-expo-2027', admin.url()).href;
  const site = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><meta charset="utf-8"><h1>温州展会报名</h1><iframe src="${formUrl}" title="在线登记" width="100%" height="760" style="border:0"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const campaign = await newPage();
  try {
    await campaign.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/wenzhou`);
    const frame = campaign.frameLocator('iframe[title="在线登记"]');
    await visible(frame.getByRole('heading', { name: '留下您的联系方式' }));
    await frame.getByLabel('姓名').fill('孙女士');
    await frame.getByLabel('手机').fill('13957710002');
    await campaign.waitForTimeout(3_000); // a person takes a few seconds; a faster post is taken for a robot
    await frame.getByRole('button', { name: /提\s*交/ }).click();
    await visible(frame.getByText('提交成功'));
    await screenshot(campaign, 'sales-lead-form-framed-1280');
  } finally {
    site.close();
  }

  const leads = await (
    await apiOf(rep)
  ).get<{ items: { name: string; campaign: string }[] }>(`/leads?q=${encodeURIComponent('孙女士')}`);
  assert.deepEqual(
    leads.items.map((l) => [l.name, l.campaign]),
    [['孙女士', '2027温州展会']],
  );
});
