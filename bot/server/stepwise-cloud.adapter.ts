import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';

/** botbuilder's result of authenticating a request (botframework-connector's type, which it does not export). */
export type AuthenticatedRequest = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * CloudAdapter with its HTTP path (`process`) taken apart, so the server can answer each step itself:
 * authenticate the request (botbuilder's own JWT validation, or anonymous when no app id is set), then,
 * with the caller known, decide about the activity (the tenant allow-list), then run the turn.
 * `process` authenticates and runs in one call, and answers every failure with the error's own message.
 */
export class StepwiseCloudAdapter extends CloudAdapter {
  /** Throws botbuilder's AuthenticationError (or the JWT library's error) when the token is not accepted. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticatedRequest> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an authenticated activity, as `process` does; resolves the invoke response, if any. */
  runTurn(
    authenticated: AuthenticatedRequest,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}
