import fc from 'fast-check';
import { CARD_VERBS } from '../../cards/shared/card-verbs';
import { BOT, BOT_MENTION, executeAction } from './activities';

/**
 * fast-check arbitraries for hostile traffic on `POST /api/messages`: activities with wrong types and
 * missing fields, card submits with real and unknown verbs and garbage data, odd Unicode and huge
 * strings. Every activity comes from an attacker: someone of another tenant (who may use the victim
 * team's user ids there), or a member of another team in the victim's own tenant (see `insider`).
 */

/** Pieces that break naive code: control characters, lone surrogates, direction marks, markup, paths. */
const NASTY_FRAGMENTS = [
  '\u0000',
  '\u0007',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\u202e',
  '\u200f',
  '\u200b',
  '\u2060',
  '\ufeff',
  '\u2028',
  '\u0301',
  'e\u0301',
  '👩‍👩‍👧',
  'ﷺ',
  'æøå ÆØÅ',
  '<at>Jobcenterbot</at>',
  '<at>',
  '</at>',
  '${',
  '${$root.secret}',
  '{{x}}',
  '<script>alert(1)</script>',
  '%s%n',
  '../../',
  '/',
  '?',
  '#',
  '%2F',
  '\\',
  '"',
  "'; --",
  'undefined',
  '__proto__',
  'constructor',
  '-1',
  '1e308',
  '010190-1234',
  ' ',
  '\t\n\r',
];

/** Words the bot knows, so that garbage sometimes reaches the real commands. */
const COMMAND_WORDS = [
  'hjælp',
  'screening',
  'vis screening',
  'slet screening',
  'revisionsspor',
  'ny stilling',
  'stillinger',
  'mine stillinger',
  'mål',
  'ugerapport',
  'ressourceberegner',
  'indstillinger',
  'morgenmøde her',
  'morgenmøde nu',
  'kl. 8.15',
  'kl. 99.99',
];

/** Every verb the bot routes (every card's button), including those that change stored data. */
export const KNOWN_VERBS = CARD_VERBS;

/** Field names the handlers read (and some that tempt prototype pollution). */
const FIELD_NAMES = [
  'verb',
  'openingId',
  'screeningId',
  'etag',
  'answer',
  'sectionIndex',
  'version',
  'caseReference',
  'companyName',
  'cvr',
  'phone',
  'email',
  'sector',
  'result',
  'jobFunction',
  'seats',
  'filled',
  'note',
  'finalTrack',
  'reasonCode',
  'reasonText',
  'intensiveSharePercent',
  'capacityWindowDays',
  'retentionDays',
  'affectedSectors',
  'sensitiveCriterion',
  'citizens',
  'days',
  'weeks',
  'perDay',
  'share',
  'intensive',
  'general',
  'age',
  'benefit',
  'caseworkerAssessment',
  'action',
  'data',
  'teamId',
  'tenantId',
  'userId',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
];

/** A string of `unit` repeated to about `length` characters (fast-check builds huge strings slowly). */
function repeated(unit: string, length: number): string {
  const piece = unit === '' ? 'x' : unit;
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

/** Text as a hostile or careless client sends it: short, odd Unicode, nasty fragments, command words. */
export const oddText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 5,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...NASTY_FRAGMENTS), fc.constantFrom(...COMMAND_WORDS), fc.string()), {
        maxLength: 6,
      })
      .map((parts) => parts.join(' ')),
  },
  { weight: 2, arbitrary: fc.constantFrom(...COMMAND_WORDS).map((word) => `${word} ${'\u200b'}`) },
);

/** 10 kB to 1.1 MB: some under the server's body limit (they reach the bot), most over it. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...NASTY_FRAGMENTS, 'A', 'æ', 'hjælp '),
    fc.oneof(fc.integer({ min: 10_000, max: 200_000 }), fc.integer({ min: 200_000, max: 1_100_000 })),
  )
  .map(([unit, length]) => repeated(unit, length));

/** Mostly odd text, one in twenty huge. */
const anyText: fc.Arbitrary<string> = fc.oneof({ weight: 19, arbitrary: oddText }, { weight: 1, arbitrary: hugeText });

/** Nested `depth` levels deep (arrays or objects): recursion bombs for naive walkers. */
const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 50, max: 800 }), fc.boolean())
  .map(([depth, useArrays]) => {
    let value: unknown = 'bund';
    for (let level = 0; level < depth; level += 1) value = useArrays ? [value] : { a: value };
    return value;
  });

/** A value of any JSON type, usually the wrong one for the field it lands in. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, '', [], {}) },
  { weight: 3, arbitrary: oddText },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(oddText, { maxLength: 5 }) },
  { weight: 1, arbitrary: deeplyNested },
);

/** Marks a field to leave out of the activity. */
const ABSENT = Symbol('absent');

function withoutAbsent(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ABSENT));
}

/** Sometimes present. */
function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | typeof ABSENT> {
  return fc.oneof(arbitrary, fc.constant(ABSENT));
}

/** A copy of `record` with the value at a dotted path replaced, or removed (ABSENT). */
function withAt(record: Record<string, unknown>, pathText: string, value: unknown): Record<string, unknown> {
  const [head = '', ...rest] = pathText.split('.');
  const copy = { ...record };
  if (rest.length === 0) {
    if (value === ABSENT) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = copy[head];
  copy[head] = withAt(
    typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : {},
    rest.join('.'),
    value,
  );
  return copy;
}

/** Envelope fields (and fields inside them) that a broken client gets wrong. */
const ENVELOPE_PATHS = [
  'type',
  'id',
  'text',
  'value',
  'name',
  'channelId',
  'serviceUrl',
  'deliveryMode',
  'from',
  'from.id',
  'from.name',
  'from.aadObjectId',
  'recipient',
  'recipient.id',
  'conversation',
  'conversation.id',
  'conversation.tenantId',
  'conversation.conversationType',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'channelData.team',
  'entities',
  'attachments',
  'locale',
  'timestamp',
  'membersAdded',
  'action',
];

/**
 * Seven in ten activities keep their well-formed envelope (so they reach the handlers); the others get
 * one to three fields wrong-typed or removed.
 */
function mutated(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const mutations = fc.oneof(
    { weight: 7, arbitrary: fc.constant([] as [string, unknown][]) },
    {
      weight: 3,
      arbitrary: fc.array(fc.tuple(fc.constantFrom(...ENVELOPE_PATHS), fc.oneof(weirdValue, fc.constant(ABSENT))), {
        minLength: 1,
        maxLength: 3,
      }),
    },
  );
  return fc
    .tuple(base, mutations)
    .map(([activity, changes]) => changes.reduce((changed, [where, value]) => withAt(changed, where, value), activity));
}

export interface HostileContext {
  /** The stand-in connector: where normal (not expectReplies) deliveries send their replies. */
  serviceUrl: string;
  /** The victim team's tenant: attackers of other tenants never claim it. */
  victimTenant: string;
  /**
   * The victim team's Teams team id: messages and card submits name it in their channel data, as if
   * sent in its channel (install and member events do not: only Teams sends those, for its own team).
   */
  victimTeamId: string;
  /**
   * Ids of the victim's records (its case reference, its team id), used by attackers as if they were
   * their own.
   */
  victimIds: readonly string[];
  /** The victim team's people: attackers use the same user ids in their own tenants. */
  victimUserIds: readonly string[];
  /**
   * Attackers inside the victim's tenant: the members of another team there (and people of no team),
   * who act as themselves and name their own team's id or the victim's.
   */
  insider: { teamId: string; userIds: readonly string[] };
}

/** An attacker's tenant: a couple of fixed ones or a random one, never the victim's. */
function attackerTenant(context: HostileContext): fc.Arbitrary<string> {
  return fc
    .oneof({ weight: 4, arbitrary: fc.constantFrom('attacker-b', 'attacker-c') }, { weight: 1, arbitrary: oddText })
    .filter((tenant) => tenant.trim().toLowerCase() !== context.victimTenant);
}

/** A fresh activity id (the test makes it unique, as a shrunk counterexample repeats its values). */
const freshId = fc.uuid().map((uuid) => `hostile-${uuid}`);

function userId(context: HostileContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('attacker-1', 'attacker-2') },
    { weight: 2, arbitrary: fc.constantFrom(...context.victimUserIds) },
    { weight: 1, arbitrary: oddText },
  );
}

/** An id for a card field: the victim's real ids, ids of nothing, or garbage. */
function recordId(context: HostileContext): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...context.victimIds) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom('..', '../x', 'a/b', 'a?b', 'a#b', '%', '\\', 'x'.repeat(300)) },
    { weight: 2, arbitrary: weirdValue },
  );
}

/** Who sends an activity, and the tenant its conversation and its channel data name. */
interface Sender {
  from: Record<string, unknown>;
  conversationTenant: string | typeof ABSENT;
  channelTenant: string;
}

/**
 * Half the senders are of another tenant (some using the victim team's user ids there), half are in
 * the victim's tenant as members of the other team or of none, as themselves: never as a victim.
 */
function sender(context: HostileContext): fc.Arbitrary<Sender> {
  const outsider = fc.record({
    from: fc
      .record({ id: userId(context), name: optional(oddText), aadObjectId: optional(userId(context)) })
      .map(withoutAbsent),
    conversationTenant: optional(attackerTenant(context)),
    channelTenant: attackerTenant(context),
  });
  const insiderId = fc.constantFrom(...context.insider.userIds);
  const insider = fc.record({
    from: fc.record({ id: insiderId, name: optional(oddText), aadObjectId: optional(insiderId) }).map(withoutAbsent),
    conversationTenant: optional(fc.constant(context.victimTenant)),
    channelTenant: fc.constant(context.victimTenant),
  });
  return fc.oneof(outsider, insider);
}

/** A team id in channel data: garbage, the insiders' team, or (for messages and card submits) the victim's. */
function channelTeamId(context: HostileContext, victimTeam: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    oddText,
    fc.constant(context.insider.teamId),
    ...(victimTeam ? [fc.constant(context.victimTeamId)] : []),
  );
}

/** A well-formed attacker envelope with varied (valid) values. */
function envelope(context: HostileContext, victimTeam = true): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      id: freshId,
      channelId: fc.constantFrom('msteams', 'msteams', 'emulator'),
      serviceUrl: fc.constant(context.serviceUrl),
      deliveryMode: fc.oneof({ weight: 9, arbitrary: fc.constant('expectReplies') }, fc.constantFrom('normal', ABSENT)),
      sender: sender(context),
      recipient: fc.constant({ ...BOT }),
      conversation: fc
        .record({
          id: fc.oneof(
            fc.constantFrom('a:attacker-chat', '19:attacker@thread.tacv2', 'a:attacker-chat;messageid=1'),
            oddText,
          ),
          conversationType: optional(fc.constantFrom('personal', 'channel', 'groupChat')),
          isGroup: optional(fc.boolean()),
        })
        .map(withoutAbsent),
      channelData: optional(
        fc.record({ team: optional(fc.record({ id: channelTeamId(context, victimTeam) })) }).map(withoutAbsent),
      ),
      entities: optional(
        fc.array(
          fc.oneof(
            fc.constant({ ...BOT_MENTION }),
            fc.record({ type: fc.constantFrom('mention'), mentioned: fc.record({ id: oddText }), text: oddText }),
            fc.record({ type: fc.constant('clientInfo'), locale: oddText }),
          ),
          { maxLength: 3 },
        ),
      ),
      locale: optional(fc.constantFrom('da-DK', 'en-US', '')),
      timestamp: optional(fc.constant('2026-02-03T08:30:00.000Z')),
    })
    .map(({ sender: { from, conversationTenant, channelTenant }, conversation, channelData, ...rest }) =>
      withoutAbsent({
        ...rest,
        from,
        conversation: withoutAbsent({ ...conversation, tenantId: conversationTenant }),
        channelData: channelData === ABSENT ? ABSENT : { ...(channelData as object), tenant: { id: channelTenant } },
      }),
    );
}

/** A message: odd (sometimes huge) text, sometimes a value of any shape (a card submit gone wrong). */
export function hostileMessage(context: HostileContext): fc.Arbitrary<Record<string, unknown>> {
  return mutated(
    fc
      .tuple(
        envelope(context),
        fc.record({
          type: fc.constant('message'),
          text: optional(anyText),
          value: fc.oneof({ weight: 4, arbitrary: fc.constant(ABSENT) }, { weight: 1, arbitrary: weirdValue }),
        }),
      )
      .map(([base, body]) => ({ ...base, ...withoutAbsent(body) })),
  );
}

/** Other activity types, with their own fields: installs, membership changes, events, other invokes. */
export function hostileOtherActivity(context: HostileContext): fc.Arbitrary<Record<string, unknown>> {
  const members = fc.array(fc.oneof(fc.constant({ id: BOT.id }), fc.record({ id: oddText })), { maxLength: 3 });
  return mutated(
    fc
      .tuple(
        envelope(context, false),
        fc.record({
          type: fc.oneof(
            {
              weight: 6,
              arbitrary: fc.constantFrom(
                'conversationUpdate',
                'installationUpdate',
                'event',
                'invoke',
                'typing',
                'messageReaction',
                'messageUpdate',
                'messageDelete',
                'endOfConversation',
                'trace',
                'handoff',
              ),
            },
            { weight: 1, arbitrary: oddText },
          ),
          name: optional(
            fc.oneof(
              fc.constantFrom(
                'adaptiveCard/action',
                'composeExtension/query',
                'composeExtension/submitAction',
                'task/fetch',
                'task/submit',
                'signin/verifyState',
                'signin/tokenExchange',
                'healthCheck',
                'application/search',
                'actionableMessage/executeAction',
                'fileConsent/invoke',
                'config/fetch',
                'tab/fetch',
                'message/submitAction',
                'handoff/action',
                'ContinueConversation',
              ),
              oddText,
            ),
          ),
          action: optional(fc.oneof(fc.constantFrom('add', 'remove', 'add-upgrade', 'remove-upgrade'), oddText)),
          membersAdded: optional(members),
          membersRemoved: optional(members),
          value: optional(weirdValue),
          text: optional(oddText),
        }),
      )
      .map(([base, body]) => ({ ...base, ...withoutAbsent(body) })),
  );
}

/** Card data: known field names (and tempting ones) with garbage, the victim's ids, or plausible values. */
function cardData(context: HostileContext): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .array(
      fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.string() }),
        fc.oneof(
          { weight: 3, arbitrary: weirdValue },
          { weight: 3, arbitrary: recordId(context) },
          {
            weight: 3,
            arbitrary: fc.constantFrom('1', '0', '10150817', 'handel', 'ordinaer_aabning', 'accept', 'ja', 'true'),
          },
          { weight: 1, arbitrary: fc.oneof({ weight: 9, arbitrary: oddText }, { weight: 1, arbitrary: hugeText }) },
        ),
      ),
      { maxLength: 12 },
    )
    .map((entries) => {
      const data: Record<string, unknown> = {};
      // defineProperty: a "__proto__" key must be an own property, as JSON.parse makes it on the server.
      for (const [key, value] of entries) {
        Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return data;
    });
}

const verb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KNOWN_VERBS) },
  { weight: 1, arbitrary: fc.constantFrom('opening.delete', 'settings.reset', 'screening.purge', 'admin.grant') },
  { weight: 1, arbitrary: fc.oneof(oddText, weirdValue) },
);

/** Forms as the bot's cards submit them, valid as they stand. */
const VALID_FORMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'opening.register': {
    companyName: 'Angriber A/S',
    cvr: '10150817',
    phone: '+45 12 34 56 78',
    email: 'kontakt@angriber.dk',
    sector: 'handel',
    result: 'ordinaer_aabning',
    jobFunction: 'Sælger',
    seats: '2',
    filled: '0',
    note: 'Ring efter kl. 10',
  },
  'screening.start': { caseReference: 'J-2026-99' },
  'settings.save': { version: '1', intensiveSharePercent: '30', capacityWindowDays: '90', retentionDays: '90' },
  'capacity.calculate': {
    citizens: '330',
    talkDaysPerWeek: '3',
    weeksPerFullTimeYear: '44',
    talksPerDay: '4',
    intensiveSharePercent: '30',
    scenario: 'intensive-24',
  },
};

/** A valid form with none to three fields replaced by odd (sometimes huge) text or a wrong-typed value: deep into validation and storage. */
function nearlyValidForm(): fc.Arbitrary<{ verb: string; data: Record<string, unknown> }> {
  return fc.constantFrom(...Object.keys(VALID_FORMS)).chain((chosen) => {
    const form = VALID_FORMS[chosen] ?? {};
    const replacement = fc.tuple(
      fc.constantFrom(...Object.keys(form)),
      fc.oneof(
        { weight: 4, arbitrary: oddText },
        { weight: 2, arbitrary: weirdValue },
        { weight: 1, arbitrary: hugeText },
      ),
    );
    return fc
      .array(replacement, { maxLength: 3 })
      .map((changes) => ({ verb: chosen, data: { ...form, ...Object.fromEntries(changes) } }));
  });
}

/** A card submit: as an Action.Execute invoke or an Action.Submit message, with garbage in its data. */
export function hostileCardSubmit(context: HostileContext): fc.Arbitrary<Record<string, unknown>> {
  const execute = fc.tuple(verb, cardData(context)).map(([chosen, data]) => executeAction(chosen, data));
  const executeMangled = fc
    .oneof(
      weirdValue.map((action) => ({ action })),
      fc.tuple(verb, weirdValue).map(([chosen, data]) => ({ action: { verb: chosen, data } })),
      weirdValue,
    )
    .map((value) => ({ type: 'invoke', name: 'adaptiveCard/action', value }));
  const submit = fc.tuple(verb, cardData(context)).map(([chosen, data]) => ({
    type: 'message',
    value: { ...data, verb: chosen },
  }));
  const nearlyValid = fc
    .tuple(nearlyValidForm(), fc.boolean())
    .map(([{ verb: chosen, data }, asInvoke]) =>
      asInvoke ? executeAction(chosen, data) : { type: 'message', value: { ...data, verb: chosen } },
    );
  return mutated(
    fc
      .tuple(
        envelope(context),
        fc.oneof(
          { weight: 4, arbitrary: execute },
          { weight: 1, arbitrary: executeMangled },
          { weight: 4, arbitrary: submit },
          { weight: 3, arbitrary: nearlyValid },
        ),
      )
      .map(([base, body]) => ({ ...base, ...body })),
  );
}

/** Bodies that are not activities at all, or broken JSON, with or without a JSON content type. */
export const hostileRawBody: fc.Arbitrary<{ body: string; contentType: string }> = fc.record({
  body: fc.oneof(
    oddText,
    fc.json({ maxDepth: 3 }),
    fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value).slice(0, -1)),
    fc.constantFrom('', 'null', '[]', '"hjælp"', '{', '{"type":"message"', '{"type":"message","conversation":{}}'),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/octet-stream',
  ),
});
