import assert from 'node:assert/strict';
import { checkIncomingActivity, checkTenant } from '../../../bot/server/incoming-activity.guard';
import { BOT, BOT_MENTION, executeAction, messageActivity } from '../../support/activities';

/** A channel message as Teams sends it (normal delivery), trimmed to what the guard looks at. */
function teamsMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...messageActivity('hjælp', {
      id: '1700000000000',
      user: { id: '29:1abc', name: 'Sara Sagsbehandler', aadObjectId: '0f6c2b8e-1111-2222-3333-444455556666' },
      conversationType: 'channel',
      conversationId: '19:abc@thread.tacv2;messageid=1700000000000',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      teamId: '19:team@thread.tacv2',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      expectReplies: false,
      mentionBot: true,
    }),
    timestamp: '2026-02-03T08:30:00.000Z',
    locale: 'da-DK',
    entities: [{ ...BOT_MENTION }, { type: 'clientInfo', locale: 'da-DK', platform: 'Web' }],
    // Teams sends null for some unset fields.
    replyToId: null,
    ...overrides,
  };
}

const refused: [string, Record<string, unknown>, RegExp][] = [
  ['the sender is missing', teamsMessage({ from: undefined }), /from is missing/],
  ['the sender has no id', teamsMessage({ from: { name: 'x' } }), /from\.id must be a string/],
  ["the sender's name is not text", teamsMessage({ from: { id: 'u', name: { first: 'x' } } }), /from\.name/],
  ['the recipient is missing', teamsMessage({ recipient: undefined }), /recipient is missing/],
  ['the channel id is a list', teamsMessage({ channelId: [] }), /channelId must be a string/],
  ['the locale is an object', teamsMessage({ locale: { a: 1 } }), /locale must be a string/],
  [
    'the install action is a number',
    teamsMessage({ type: 'installationUpdate', action: 5 }),
    /action must be a string/,
  ],
  ['the entities are not a list', teamsMessage({ entities: 'x' }), /entities must be a list of objects/],
  ['the entities are null', teamsMessage({ entities: null }), /entities must be a list of objects/],
  ['an entity is null', teamsMessage({ entities: [null] }), /entities must be a list of objects/],
  ['an entity has no type', teamsMessage({ entities: [{ text: 'x' }] }), /every entity needs a type/],
  ['a mention names no account', teamsMessage({ entities: [{ type: 'mention', text: '<at>x</at>' }] }), /account/],
  ['a mention has no text', teamsMessage({ entities: [{ type: 'Mention', mentioned: { id: 'b' } }] }), /its text/],
  ['the added members are not objects', teamsMessage({ membersAdded: [null] }), /membersAdded must be a list/],
  [
    'a Teams message deletion has no channel data',
    teamsMessage({ type: 'messageDelete', channelData: undefined }),
    /channelData is missing/,
  ],
  [
    'the conversation id has a control character',
    teamsMessage({ conversation: { id: 'a:\u0007x' } }),
    /printable ASCII/,
  ],
  [
    'the conversation id has letters a header cannot carry',
    teamsMessage({ conversation: { id: 'a:᙭𔓵' } }),
    /printable ASCII/,
  ],
  [
    'the conversation id is over 512 characters',
    teamsMessage({ conversation: { id: 'c'.repeat(513) } }),
    /conversation id is too long/,
  ],
  [
    'the tenant id is over 512 characters',
    teamsMessage({ conversation: { id: 'c', tenantId: 't'.repeat(513) } }),
    /tenant id is too long/,
  ],
];

describe('the incoming activity guard', () => {
  it('when Teams sends a well-formed channel message (with null for an unset field), then it is accepted', () => {
    assert.deepEqual(checkIncomingActivity(teamsMessage()), { kind: 'accepted' });
  });

  it('when an install event, a membership change and a card invoke arrive as Teams sends them, then they are accepted', () => {
    for (const activity of [
      teamsMessage({ type: 'installationUpdate', action: 'add', text: undefined, entities: undefined }),
      teamsMessage({ type: 'conversationUpdate', membersAdded: [{ ...BOT }], text: undefined }),
      teamsMessage(executeAction('help.show', {})),
      teamsMessage({ type: 'messageDelete', channelData: { eventType: 'softDeleteMessage' } }),
    ]) {
      assert.deepEqual(checkIncomingActivity(activity), { kind: 'accepted' }, String(activity.type));
    }
  });

  for (const [what, activity, reason] of refused) {
    it(`when ${what}, then it is refused with 400 naming the field`, () => {
      const verdict = checkIncomingActivity(activity);
      assert.equal(verdict.kind, 'rejected');
      assert.ok(verdict.kind === 'rejected');
      assert.equal(verdict.status, 400);
      assert.match(verdict.reason, reason);
    });
  }

  it('when the tenant is not allowed, then it is refused with 403', () => {
    const verdict = checkTenant(teamsMessage(), ['00000000-0000-0000-0000-000000000001']);
    assert.deepEqual(verdict, { kind: 'rejected', status: 403, reason: 'tenant not allowed' });
  });

  it('when the tenant is on the allow-list (in any case), or the list is empty, then it is accepted', () => {
    assert.deepEqual(checkTenant(teamsMessage(), ['72f988bf-86f1-41af-91ab-2d7cd011db47']), { kind: 'accepted' });
    const upper = teamsMessage({ conversation: { id: 'c', tenantId: '72F988BF-86F1-41AF-91AB-2D7CD011DB47' } });
    assert.deepEqual(checkTenant(upper, ['72f988bf-86f1-41af-91ab-2d7cd011db47']), { kind: 'accepted' });
    assert.deepEqual(checkTenant(teamsMessage(), []), { kind: 'accepted' });
  });

  it('when the activity names no tenant and there is an allow-list, then it is refused with 403', () => {
    const verdict = checkTenant(teamsMessage({ conversation: { id: 'c' }, channelData: {} }), [
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
    ]);
    assert.equal(verdict.kind, 'rejected');
  });
});
