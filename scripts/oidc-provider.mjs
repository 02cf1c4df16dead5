// SPDX-License-Identifier: EUPL-1.2
// A local OpenID Connect provider for the tests and the demo: the certified `oidc-provider` package (pinned in
// package-lock.json, installed by scripts/setup), on a loopback port, with one client for Naleving and static,
// synthetic staff accounts. Not for production: the login form accepts any password.
//
//   node scripts/oidc-provider.mjs            (port 9090, Naleving at http://127.0.0.1:8000)
//   OIDC_PORT=9191 NALEVING_URL=http://127.0.0.1:8123 node scripts/oidc-provider.mjs
//
// Prints one line "oidc-provider klaar <issuer>" when it listens (the tests wait for it).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 9090);
const naleving = (process.env.NALEVING_URL ?? 'http://127.0.0.1:8000').replace(/\/$/, '');
const clientId = process.env.OIDC_CLIENT_ID ?? 'naleving';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? 'naleving-lokaal-geheim-alleen-voor-test-en-demo';

// Synthetic staff. `sub` is the identity; the roles and municipalities claims carry the organisation's
// group names, which Naleving maps onto its roles (ClaimKoppeling, docs/beheer.md).
const accounts = {
  'a1f0c3e2-consulent': {
    given_name: 'Iris', family_name: 'Consulent (test)', email: 'consulent@voorbeeld.invalid',
    naleving_rollen: ['NAL-Inkomensconsulent'], naleving_gemeenten: ['NAL-Waalwijk'],
  },
  'b2e1d4f3-handhaver': {
    given_name: 'Hamid', family_name: 'Handhaver (test)', email: 'handhaver@voorbeeld.invalid',
    naleving_rollen: ['NAL-Handhaver'], naleving_gemeenten: ['NAL-Waalwijk', 'NAL-Heusden'],
  },
  'c3f2e5a4-zonder-rol': {
    given_name: 'Zoë', family_name: 'Zonder rol (test)', email: 'zonderrol@voorbeeld.invalid',
    naleving_rollen: ['Kantine'], naleving_gemeenten: [],
  },
  'd4a3f6b5-onbekend': {
    given_name: 'Onno', family_name: 'Onbekend (test)', email: 'onbekend@voorbeeld.invalid',
    naleving_rollen: ['NAL-Handhaver'], naleving_gemeenten: ['NAL-Waalwijk'],
  },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'lokaal-1' };

const configuration = {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [`${naleving}/inloggen/sso/terug/`],
    post_logout_redirect_uris: [`${naleving}/inloggen/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    profile: ['given_name', 'family_name', 'name'],
    email: ['email'],
    naleving: ['naleving_rollen', 'naleving_gemeenten'],
  },
  scopes: ['openid', 'profile', 'email', 'naleving'],
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  pkce: { required: () => true },
  ttl: { AuthorizationCode: Number(process.env.OIDC_CODE_TTL ?? 60) },
  async findAccount(ctx, sub) {
    const claims = accounts[sub];
    if (!claims) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, name: `${claims.given_name} ${claims.family_name}`, ...claims };
      },
    };
  },
  // A first-party client: no consent screen (the organisation consented for its staff).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile email naleving');
    await grant.save();
    return grant;
  },
};

const provider = new Provider(`http://127.0.0.1:${port}`, configuration);
const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider klaar http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
