/**
 * Words for the `?error=` code the OIDC callback sends the browser back with. Only known codes
 * get their own words and the description from the URL is never shown: anyone can make a link
 * with any text in it.
 */
const MESSAGES: Record<string, string> = {
  invite_required:
    'Single sign-on worked, but this server makes accounts by invite only: ask the owner of your household for an invite link, then use its "Sign in with" button.',
  invite_invalid:
    'This invite cannot be used (unknown, already used, revoked, expired, or for another email address). Ask for a new one.',
  account_not_linked:
    'An account with this email address already signs in with a password: sign in with it instead.',
  oidc_off: 'Single sign-on is not set up on this server.',
  state_mismatch:
    'The sign-in could not be matched to this browser (it took too long, or it started elsewhere). Please try again.',
  state_not_found:
    'The sign-in could not be matched to this browser (it took too long, or it started elsewhere). Please try again.',
  access_denied: 'The sign-in was canceled at the provider.',
};

export function oidcErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  const known = MESSAGES[code.toLowerCase()];
  if (known) return known;
  const shown = /^[a-z0-9_]{1,60}$/i.test(code) ? ` (${code})` : '';
  return `Single sign-on did not complete${shown}. Please try again.`;
}
