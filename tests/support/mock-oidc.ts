import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A small OpenID Connect provider on 127.0.0.1 for the tests: discovery, an authorization
 * endpoint that signs in `nextUser` at once and sends the browser back with code and state, a
 * token endpoint (client secret and PKCE checked) whose ID token is signed with the key
 * published at jwks_uri, and userinfo.
 */
export type MockUser = { sub: string; email: string; name: string };

export type MockOidc = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in. */
  nextUser: MockUser;
  /** The environment that points the app at this provider. */
  env: Record<string, string>;
  close(): Promise<void>;
};

type Grant = {
  user: MockUser;
  redirectUri: string;
  nonce: string | null;
  challenge: string | null;
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startMockOidc(): Promise<MockOidc> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, MockUser>();
  const mock: MockOidc = {
    issuer: '',
    clientId: 'villi-tests',
    clientSecret: randomBytes(16).toString('hex'),
    nextUser: { sub: 'user-1', email: 'first@oidc.test', name: 'First' },
    env: {},
    close: async () => undefined,
  };

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
      : [form.get('client_id'), form.get('client_secret')];
    if (id !== mock.clientId || secret !== mock.clientSecret)
      return sendJson(res, 401, { error: 'invalid_client' });
    const grant = grants.get(form.get('code') ?? '');
    grants.delete(form.get('code') ?? '');
    if (!grant || grant.redirectUri !== form.get('redirect_uri'))
      return sendJson(res, 400, { error: 'invalid_grant' });
    if (grant.challenge !== null) {
      const verifier = form.get('code_verifier') ?? '';
      const hashed = createHash('sha256').update(verifier).digest('base64url');
      if (hashed !== grant.challenge) return sendJson(res, 400, { error: 'invalid_grant' });
    }
    const accessToken = randomBytes(16).toString('hex');
    accessTokens.set(accessToken, grant.user);
    const idToken = await new SignJWT({
      email: grant.user.email,
      email_verified: true,
      name: grant.user.name,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(mock.issuer)
      .setAudience(mock.clientId)
      .setSubject(grant.user.sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    sendJson(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', mock.issuer);
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return sendJson(res, 200, {
          issuer: mock.issuer,
          authorization_endpoint: `${mock.issuer}/authorize`,
          token_endpoint: `${mock.issuer}/token`,
          userinfo_endpoint: `${mock.issuer}/userinfo`,
          jwks_uri: `${mock.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      case '/jwks':
        return sendJson(res, 200, { keys: [jwk] });
      case '/authorize': {
        const redirectUri = url.searchParams.get('redirect_uri') ?? '';
        if (url.searchParams.get('client_id') !== mock.clientId || !redirectUri)
          return sendJson(res, 400, { error: 'invalid_request' });
        const code = randomBytes(12).toString('hex');
        grants.set(code, {
          user: mock.nextUser,
          redirectUri,
          nonce: url.searchParams.get('nonce'),
          challenge: url.searchParams.get('code_challenge'),
        });
        const back = new URL(redirectUri);
        back.searchParams.set('code', code);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        back.searchParams.set('iss', mock.issuer);
        res.writeHead(302, { location: back.toString() });
        res.end();
        return;
      }
      case '/token':
        return token(req, res);
      case '/userinfo': {
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        const user = accessTokens.get(bearer);
        if (!user) return sendJson(res, 401, { error: 'invalid_token' });
        return sendJson(res, 200, { ...user, email_verified: true });
      }
      default:
        return sendJson(res, 404, { error: 'not_found' });
    }
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => sendJson(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // the tests' process may end with the provider still listening
  server.unref();
  const { port } = server.address() as AddressInfo;
  mock.issuer = `http://127.0.0.1:${port}`;
  mock.env = {
    VILLI_OIDC_ISSUER: mock.issuer,
    VILLI_OIDC_CLIENT_ID: mock.clientId,
    VILLI_OIDC_CLIENT_SECRET: mock.clientSecret,
  };
  mock.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return mock;
}
