import { describe, expect, it } from 'vitest';
import { oidcConfigOf } from '@/app/_server/auth/oidc';

const FULL = {
  VILLI_OIDC_ISSUER: 'https://id.example.org/realms/home/',
  VILLI_OIDC_CLIENT_ID: 'villi',
  VILLI_OIDC_CLIENT_SECRET: 's3cret',
};

describe('OpenID Connect from the environment', () => {
  it('is off without the variables, or with any one missing or blank', () => {
    expect(oidcConfigOf({})).toBeNull();
    for (const key of Object.keys(FULL)) {
      expect(oidcConfigOf({ ...FULL, [key]: undefined }), key).toBeNull();
      expect(oidcConfigOf({ ...FULL, [key]: '  ' }), key).toBeNull();
    }
  });

  it('with all three, names the provider and its discovery document', () => {
    expect(oidcConfigOf(FULL)).toEqual({
      providerId: 'oidc',
      discoveryUrl: 'https://id.example.org/realms/home/.well-known/openid-configuration',
      clientId: 'villi',
      clientSecret: 's3cret',
    });
  });
});
