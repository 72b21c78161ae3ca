/**
 * Installs the bot in the Agents Playground's team, as happens in Teams when someone adds the app to a team.
 *
 * The bot now acts only for Teams teams it is installed in, and for the people on their rosters (spec §0). In
 * the Playground a person would have to open the team's channel once before the personal chat works: the page
 * then asks the Playground (`POST /_debug/conversation/<team id>/installation`) to send the bot the channel's
 * installationUpdate and conversationUpdate, with `channelData.team`, from the Playground's user. This does the
 * same request right after start, so the real events reach the bot: it records the team with that user as the
 * installer (the local owner), and reads the members from the Playground's connector (`pagedmembers`: the
 * user and the five other people of its configuration). Nothing is forged and nothing of the bot is bypassed.
 *
 * The Playground answers the request at once and sends the two events afterwards, so completion is read from
 * its log stream (`/_ws/log/stream`, which its page uses for the log panel): each event is listed there with the
 * bot's HTTP status once the bot has answered it. The stream is opened after reading the configuration and
 * closed when done, so the page's log panel shows what it showed before: the Playground keeps log items for the
 * first stream to connect only while none is, and this one takes the start-up's and its own.
 
 */

/** A team of the Playground's configuration, as `GET /_internal/v1/config` lists it. */
export interface PlaygroundTeam {
  id: string;
  name: string;
}

/** What the log stream sends: one log item per message; an activity the Playground sent carries the bot's answer. */
interface LogMessage {
  log?: {
    conversationId?: unknown;
    activityName?: unknown;
    from?: unknown;
    response?: { statusCode?: unknown };
  };
}

const INSTALL_EVENTS = ['installationUpdate', 'conversationUpdate'] as const;
const DEFAULT_TIMEOUT_MS = 30_000;
const PLAYGROUND_SENDER = 'Microsoft 365 Agents Playground';
const SOCKET_CLOSE_TIMEOUT_MS = 2_000;
const SOCKET_CLOSE_GRACE_MS = 200;

/** The teams of the Playground's configuration (its built-in one has a single team, "My Team", id "team-id"). */
export async function playgroundTeams(baseUrl: string): Promise<PlaygroundTeam[]> {
  const response = await fetch(`${baseUrl}/_internal/v1/config`, { signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`the Agents Playground did not give its configuration (HTTP ${response.status})`);
  const body = (await response.json()) as { config?: { teams?: { id?: unknown; name?: unknown }[] } };
  return (body.config?.teams ?? []).flatMap((team) =>
    typeof team.id === 'string' && team.id !== ''
      ? [{ id: team.id, name: typeof team.name === 'string' ? team.name : team.id }]
      : [],
  );
}

/** Resolves once the bot has answered both install events of the team's channel, with their HTTP statuses. */
function installEventsAnswered(
  socket: WebSocket,
  teamId: string,
): Promise<Record<(typeof INSTALL_EVENTS)[number], number>> {
  return new Promise((resolve, reject) => {
    const statuses = new Map<string, number>();
    socket.addEventListener('message', (event: MessageEvent) => {
      let message: LogMessage;
      try {
        message = JSON.parse(String(event.data)) as LogMessage;
      } catch {
        return;
      }
      const log = message.log;
      const type = log?.activityName;
      const status = log?.response?.statusCode;
      if (log?.conversationId !== teamId || log.from !== PLAYGROUND_SENDER) return;
      if (typeof type !== 'string' || !(INSTALL_EVENTS as readonly string[]).includes(type)) return;
      if (typeof status !== 'number') return;
      statuses.set(type, status);
      if (INSTALL_EVENTS.every((name) => statuses.has(name))) {
        resolve({
          installationUpdate: statuses.get('installationUpdate') ?? 0,
          conversationUpdate: statuses.get('conversationUpdate') ?? 0,
        });
      }
    });
    socket.addEventListener('close', () => reject(new Error('the Agents Playground closed its log stream')));
  });
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => resolve(socket), { once: true });
    socket.addEventListener(
      'error',
      () => reject(new Error(`could not open the Agents Playground's log stream ${url}`)),
      {
        once: true,
      },
    );
  });
}

/**
 * Installs the bot in every team of the Playground (see the file's comment) and waits until the bot has
 * answered the install events. Returns the teams.
 * @throws Error when the Playground has no team, refuses the request, the bot answers an event with an error,
 *   or the events are not answered within `timeoutMs`.
 */
export async function installBotInPlaygroundTeams(
  port: number,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<PlaygroundTeam[]> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const teams = await playgroundTeams(baseUrl);
  if (teams.length === 0) throw new Error('the Agents Playground has no team to install the bot in');
  // Listening before asking, so no answer can be missed.
  const socket = await openSocket(`ws://127.0.0.1:${port}/_ws/log/stream`);
  let timer: NodeJS.Timeout | undefined;
  try {
    for (const team of teams) {
      const answered = installEventsAnswered(socket, team.id);
      // Rejects when the stream closes; awaited below unless the request fails first.
      answered.catch(() => undefined);
      const response = await fetch(`${baseUrl}/_debug/conversation/${encodeURIComponent(team.id)}/installation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) {
        throw new Error(`the Agents Playground refused to install the bot in "${team.name}" (HTTP ${response.status})`);
      }
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the bot did not answer the install events of "${team.name}" within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      const statuses = await Promise.race([answered, timeout]);
      clearTimeout(timer);
      const refused = Object.entries(statuses).filter(([, status]) => status < 200 || status > 299);
      if (refused.length > 0) {
        throw new Error(
          `the bot refused being installed in "${team.name}": ${refused.map(([type, status]) => `${type} ${status}`).join(', ')}`,
        );
      }
    }
    return teams;
  } finally {
    clearTimeout(timer);
    await closeSocket(socket);
  }
}

/**
 * Closes the log stream and waits until the Playground has let go of it: it sends every log item to each
 * connected stream and fails the request that logged (e.g. the page's own `/_internal/v1/config`) if one of
 * them is still closing. Its side closes within a loopback round trip of ours; the grace covers that.
 */
async function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState !== WebSocket.CLOSED) {
    const closed = new Promise<void>((resolve) => socket.addEventListener('close', () => resolve(), { once: true }));
    socket.close();
    await Promise.race([closed, delay(SOCKET_CLOSE_TIMEOUT_MS)]);
  }
  await delay(SOCKET_CLOSE_GRACE_MS);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
