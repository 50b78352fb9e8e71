import { describe, expect, it } from 'vitest';
import { oidcErrorMessage } from '@/app/_components/account/oidc-error';
import { oidcButtonName, oidcConfigOf } from '@/app/_server/auth/oidc';

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
      scopes: ['openid', 'email', 'profile'],
    });
  });
});

describe('the single sign-on button and its errors', () => {
  it('names the provider from VILLI_OIDC_NAME, else says single sign-on', () => {
    expect(oidcButtonName({ VILLI_OIDC_NAME: ' Keycloak ' })).toBe('Keycloak');
    expect(oidcButtonName({ VILLI_OIDC_NAME: ' ' })).toBe('single sign-on');
    expect(oidcButtonName({})).toBe('single sign-on');
  });

  it("shows the app's own words for an error code, never text from the link", () => {
    expect(oidcErrorMessage(undefined)).toBeNull();
    expect(oidcErrorMessage('invite_required')).toMatch(/invite/);
    expect(oidcErrorMessage('INVITE_REQUIRED')).toBe(oidcErrorMessage('invite_required'));
    expect(oidcErrorMessage('something_new')).toContain('(something_new)');
    const odd = oidcErrorMessage('Call <b>555</b> now');
    expect(odd).not.toContain('555');
  });
});
