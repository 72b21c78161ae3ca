import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

// The SDK's own types, named through the class botbuilder exports (botframework-connector, which
// declares them, is not a dependency of ours).
type Authentication = ConfigurationBotFrameworkAuthentication;
type AuthenticateRequestResult = Awaited<ReturnType<Authentication['authenticateRequest']>>;
type ClaimsIdentity = Parameters<Authentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<Authentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Authentication['createUserTokenClient']>>;

/** How many clients of each kind are kept: one per bot identity, audience and service URL in use. */
const MAX_CLIENTS = 100;

/**
 * The SDK's authentication, except that the clients it makes for every incoming activity are made
 * once and reused. CloudAdapter builds a new ConnectorClient and a new UserTokenClient for each
 * activity (an HTTP pipeline of a dozen policies each, ~100 µs of CPU per turn), even when the
 * answer goes back in the HTTP response and neither is used. Both are stateless apart from their
 * credentials, which depend only on the bot's app id (from the claims), the audience and, for the
 * ConnectorClient, the service URL: exactly what the cache key holds. The older BotFrameworkAdapter
 * kept its ConnectorClients per service URL the same way. Authentication itself is not cached.
 */
export class ClientReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(
    ...args: Parameters<Authentication['authenticateRequest']>
  ): Promise<AuthenticateRequestResult> {
    return this.withReusingFactory(await super.authenticateRequest(...args));
  }

  override async authenticateStreamingRequest(
    ...args: Parameters<Authentication['authenticateStreamingRequest']>
  ): Promise<AuthenticateRequestResult> {
    return this.withReusingFactory(await super.authenticateStreamingRequest(...args));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusingFactory(claimsIdentity, super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reused(this.tokenClients, identityKey(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private withReusingFactory(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const { connectorFactory } = result;
    return connectorFactory === undefined
      ? result
      : { ...result, connectorFactory: this.reusingFactory(result.claimsIdentity, connectorFactory) };
  }

  private reusingFactory(claimsIdentity: ClaimsIdentity, inner: ConnectorFactory): ConnectorFactory {
    const identity = identityKey(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        reused(this.connectors, JSON.stringify([identity, audience ?? null, serviceUrl]), () =>
          inner.create(serviceUrl, audience),
        ),
    };
  }
}

/**
 * The claims the SDK takes the bot's app id from when it makes clients (the audience claim, else the
 * app id claim); both are in the key, so two identities never share a client.
 */
function identityKey(claimsIdentity: ClaimsIdentity): string {
  return JSON.stringify([claimsIdentity.getClaimValue('aud'), claimsIdentity.getClaimValue('appid')]);
}

/** The client kept under `key`, or a new one; a failed creation is forgotten so the next turn retries. */
function reused<T>(clients: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const known = clients.get(key);
  if (known !== undefined) return known;
  const created = create();
  clients.set(key, created);
  created.catch(() => {
    if (clients.get(key) === created) clients.delete(key);
  });
  if (clients.size > MAX_CLIENTS) {
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  return created;
}
