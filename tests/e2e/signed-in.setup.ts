import { expect, test as setup } from '@playwright/test';
import { E2E_OWNER, OWNER_STATE } from './helpers';

setup('sign in the owner the journey made', async ({ request }) => {
  const res = await request.post('/api/auth/sign-in', {
    data: { email: E2E_OWNER.email, password: E2E_OWNER.password },
  });
  expect(res.status()).toBe(200);
  await request.storageState({ path: OWNER_STATE });
});
