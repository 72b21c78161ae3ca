import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { BotIdentityConfig } from '../config/app-config';
import type { GraphTokenProvider } from './graph-owner.source';

/**
 * The app's own token for Microsoft Graph: its client secret (SingleTenant) or its user-assigned
 * managed identity. The SDK caches the token and renews it before it expires.
 */
export function graphTokenProvider(identity: BotIdentityConfig, graphEndpoint: string): GraphTokenProvider {
  const credential: TokenCredential =
    identity.appType === 'UserAssignedMSI' || identity.appPassword === undefined
      ? new ManagedIdentityCredential({ clientId: identity.appId })
      : new ClientSecretCredential(identity.tenantId, identity.appId, identity.appPassword);
  const scope = `${new URL(graphEndpoint).origin}/.default`;
  return async () => {
    const token = await credential.getToken(scope);
    if (token === null) throw new Error('no token for Microsoft Graph');
    return token.token;
  };
}
