// Screenshots of the login page and the desk on a desktop (1280 px) and a phone (375 px), for people to look at;
// on the phone nothing may scroll sideways.
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, openLogin, signIn, visible } from '../harness/flows.ts';

for (const width of [1280, 375]) {
  test(`login page and desk at ${width} px`, async ({ newPage, screenshot }) => {
    const page = await newPage({ width, height: width > 800 ? 800 : 740 });
    await openLogin(page);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, `login-${width}`);

    await signIn(page, 'lina', DEMO_PASSWORD);
    await visible(page.getByText('东区分公司 · 分公司经理'));
    await assertNoHorizontalOverflow(page);
    await screenshot(page, `desk-${width}`);
  });
}
