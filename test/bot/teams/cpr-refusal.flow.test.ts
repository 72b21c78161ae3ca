import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CAPACITY_FIELD_LABELS, CAPACITY_FIELDS } from '../../../rules/capacity/capacity';
import { OPENING_FIELD_LABELS, OPENING_FORM_FIELDS } from '../../../rules/openings/opening';
import { cardFullText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { CPR_VARIANTS, leakedCpr } from '../../support/cpr-variants';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { openingRegistration } from '../../support/opening-registration';
import { stringsIn } from '../../support/reply-checks';
import { replyCardsOf, startTestBot } from '../../support/running-bot';
import { CARD_ANSWERS } from '../../support/screening-answers';
import { joinTeam } from '../../support/test-team';
import { capturingLogger } from '../../support/capturing-logger';

type Card = Record<string, unknown>;
type Person = { id: string; name: string };

const LEADER: Person = { id: 'cpr-leader', name: 'Lea Leder' };
const CASEWORKER: Person = { id: 'cpr-caseworker', name: 'Carl Sagsbehandler' };
const MEMBER: Person = { id: 'cpr-member', name: 'Mette Hansen' };
/**
 * Someone whose Teams display name is shaped like a CPR number (the team's roster lists them so): it must
 * not be stored when the bot reads the team's members, nor when they join the goals.
 */
const ODD_NAME: Person = { id: 'cpr-odd-name', name: '010190-1234' };

/** Wednesday 11 February 2026, 10:00 in Copenhagen: ISO week 7. */
const NOW = new Date('2026-02-11T09:00:00Z');

const REFUSED = 'teksten ligner et CPR-nummer';

function escaped(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
}

/** The value an input of the card shows ('' when it shows nothing). */
function shownValue(card: Card, id: string): unknown {
  const value = cardInputs(card).find((input) => input.id === id)?.node.value;
  return value === undefined || value === null ? '' : value;
}

/** Every file under a folder, recursively. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Every string in JSON lines (a stored file, a log): the values of each line, and of JSON inside them, or the line. */
function stringsOfJsonLines(content: string): string[] {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    for (const text of stringsIn(value)) {
      strings.push(text);
      if (/^\s*[[{]/u.test(text)) {
        try {
          collect(JSON.parse(text));
        } catch {
          // not JSON: kept as text
        }
      }
    }
  };
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    try {
      collect(JSON.parse(line));
    } catch {
      strings.push(line);
    }
  }
  return strings;
}

describe('CPR numbers in every form over HTTP (real server, embedded SQLite, expectReplies): refused, never stored, logged or shown', function () {
  this.timeout(180_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  const logLines: string[] = [];
  let counter = 0;

  async function send(person: Person, body: Record<string, unknown>): Promise<Card> {
    counter += 1;
    const cards = await replyCardsOf(bot.baseUrl, {
      id: `cpr-${counter}`,
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/unused',
      deliveryMode: 'expectReplies',
      from: person,
      recipient: { id: 'bot' },
      conversation: { id: `a:${person.id}`, conversationType: 'personal', tenantId: 'tenant-cpr' },
      ...body,
    });
    const [card] = cards;
    assert.ok(card !== undefined, 'no card in the reply');
    return card;
  }
  const say = (person: Person, text: string) => send(person, { text });
  const click = (person: Person, value: Record<string, unknown>) => send(person, { value });

  /** The reply refuses the value with a message naming the field, and holds nothing of the value anywhere. */
  function assertRefused(card: Card, variant: string, message: RegExp, what: string): void {
    assert.match(cardFullText(card), message, `${what}: ${JSON.stringify(variant)} was not refused`);
    assertNotShown(card, variant, what);
  }
  function assertNotShown(card: Card, variant: string, what: string): void {
    const leaked = leakedCpr(JSON.stringify(card), [variant]);
    assert.equal(leaked, undefined, `${what}: the reply card shows ${JSON.stringify(variant)} again`);
  }

  before(async () => {
    const { logger } = capturingLogger('debug', logLines);
    bot = await startTestBot({}, { clock: { now: () => NOW }, logger });
    connector = await startFakeConnector();
    // The leader installs the bot in the team (so owns it there), and chooses the goals' indicators.
    await joinTeam(bot.baseUrl, connector, LEADER, [CASEWORKER, MEMBER, ODD_NAME], { tenantId: 'tenant-cpr' });
    assert.match(cardFullText(await say(LEADER, 'indstillinger')), /Ret indstillingerne/);
    const setup = await say(LEADER, 'mål opsæt');
    await click(LEADER, { ...actionData(setup, 'goals.indicators'), indicators: 'kanvas,aabninger_ordinaere' });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it('when a case reference is a CPR number, then "Ny screening" refuses it and the form comes back empty', async () => {
    const start = await say(CASEWORKER, 'screening');
    for (const variant of CPR_VARIANTS) {
      const card = await click(CASEWORKER, { ...actionData(start, 'screening.start'), caseReference: variant });
      assertRefused(card, variant, /Sagsreferencen ligner et CPR-nummer/, 'case reference');
      assert.equal(shownValue(card, 'caseReference'), '');
    }
  });

  it('when "vis screening" or "slet screening" is given a CPR number, then it is refused without repeating it', async () => {
    for (const variant of CPR_VARIANTS) {
      assertRefused(
        await say(CASEWORKER, `vis screening ${variant}`),
        variant,
        /ligner et CPR-nummer/,
        'vis screening',
      );
      assertRefused(await say(LEADER, `slet screening ${variant}`), variant, /ligner et CPR-nummer/, 'slet screening');
    }
  });

  it('when a screening section gets a CPR number in any field, then that field is refused by name and comes back empty', async () => {
    const start = await say(CASEWORKER, 'screening');
    let section = await click(CASEWORKER, { ...actionData(start, 'screening.start'), caseReference: 'J-CPR-1' });
    const inputs = cardInputs(section);
    assert.ok(inputs.length > 1);
    for (const [index, variant] of CPR_VARIANTS.entries()) {
      const input = inputs[index % inputs.length];
      assert.ok(input !== undefined);
      const values: Record<string, unknown> = { ...actionData(section, 'screening.section') };
      for (const { id } of inputs) values[id] = CARD_ANSWERS[id];
      values[input.id] = variant;
      const card = await click(CASEWORKER, values);
      // The question's short label, which the card's own "Udfyld: …" message uses too.
      const label = String(input.node.errorMessage).replace(/^Udfyld: /u, '');
      assertRefused(card, variant, escaped(`${label}: ${REFUSED}`), `section field ${input.id}`);
      assert.equal(shownValue(card, input.id), '', `${input.id} comes back empty`);
    }
    // The screening goes on as usual once the field is right.
    for (let step = 1; step <= 5; step += 1) {
      const values: Record<string, unknown> = { ...actionData(section, 'screening.section') };
      for (const { id } of cardInputs(section)) values[id] = CARD_ANSWERS[id];
      section = await click(CASEWORKER, values);
    }
    assert.match(cardFullText(section), /Resultat/);

    for (const variant of CPR_VARIANTS) {
      const override = actionData(section, 'screening.override');
      const card = await click(CASEWORKER, {
        ...override,
        finalTrack: 'catch-all',
        reasonCode: 'andet',
        reasonText: `Borgeren oplyste ${variant} ved samtalen`,
      });
      assertRefused(card, variant, /Begrundelse: teksten ligner et CPR-nummer/, 'override reason');
      assert.equal(shownValue(card, 'reasonText'), '');
    }
    // A CPR number in the choices (no card sends one) is not shown again either.
    const [variant = ''] = CPR_VARIANTS;
    const odd = await click(CASEWORKER, {
      ...actionData(section, 'screening.override'),
      finalTrack: variant,
      reasonCode: variant,
      reasonText: 'En begrundelse',
    });
    assertNotShown(odd, variant, 'override choices');
  });

  it('when an opening registration gets a CPR number in any field, then that field is refused by name and comes back empty', async () => {
    for (const [index, variant] of CPR_VARIANTS.entries()) {
      const field = OPENING_FORM_FIELDS[index % OPENING_FORM_FIELDS.length];
      assert.ok(field !== undefined);
      const card = await click(MEMBER, openingRegistration('Smedie A/S', { [field]: variant }));
      assertRefused(card, variant, escaped(`${OPENING_FIELD_LABELS[field]}: ${REFUSED}`), `opening ${field}`);
      assert.equal(shownValue(card, field), '', `${field} comes back empty`);
    }
    // And every variant inside a longer note.
    for (const variant of CPR_VARIANTS) {
      const card = await click(MEMBER, openingRegistration('Smedie A/S', { note: `Ring til ${variant}` }));
      assertRefused(card, variant, /Note: teksten ligner et CPR-nummer/, 'opening note');
    }
  });

  it('when an opening is edited with a CPR number, then the change is refused and the form comes back without it', async () => {
    assert.match(cardFullText(await click(MEMBER, openingRegistration('Værksted ApS'))), /Registreret/);
    const own = await say(MEMBER, 'mine stillinger');
    const form = await click(MEMBER, actionData(own, 'opening.edit') ?? {});
    const update = actionData(form, 'opening.update');
    assert.ok(update !== undefined, 'the edit form saves with opening.update');
    const fields = ['companyName', 'contactPerson', 'note', 'seats'] as const;
    for (const [index, variant] of CPR_VARIANTS.entries()) {
      const field = fields[index % fields.length] ?? 'note';
      const filled = Object.fromEntries(OPENING_FORM_FIELDS.map((id) => [id, String(shownValue(form, id))]));
      const card = await click(MEMBER, { ...update, ...filled, [field]: variant });
      assertRefused(card, variant, escaped(`${OPENING_FIELD_LABELS[field]}: ${REFUSED}`), `opening edit ${field}`);
    }
  });

  it('when a week’s log or the goal plan gets a CPR number, then the field is refused by name and comes back empty', async () => {
    await say(MEMBER, 'mål tilmeld');
    const log = await say(MEMBER, 'mål');
    for (const [index, variant] of CPR_VARIANTS.entries()) {
      const field = index % 2 === 0 ? 'kanvas' : 'aabninger_ordinaere';
      const card = await click(MEMBER, {
        ...actionData(log, 'goals.log'),
        kanvas: '3',
        aabninger_ordinaere: '1',
        [field]: variant,
      });
      assertRefused(card, variant, /: teksten ligner et CPR-nummer/, `weekly log ${field}`);
      assert.equal(shownValue(card, field), '', `${field} comes back empty`);
    }

    let setup = await say(LEADER, 'mål opsæt');
    const goals = await click(LEADER, { ...actionData(setup, 'goals.memberGoalsOpen'), goalMember: MEMBER.id });
    const save = actionData(goals, 'goals.memberGoals');
    for (const [index, variant] of CPR_VARIANTS.entries()) {
      const field = ['fromWeek', 'kanvas', 'aabninger_ordinaere'][index % 3] ?? 'kanvas';
      const card = await click(LEADER, {
        ...save,
        fromWeek: '7',
        kanvas: '10',
        aabninger_ordinaere: '2',
        [field]: variant,
      });
      assertRefused(card, variant, /: teksten ligner et CPR-nummer/, `weekly goals ${field}`);
      assert.equal(shownValue(card, field), '', `${field} comes back empty`);
    }

    setup = await say(LEADER, 'mål opsæt');
    const targets = await click(LEADER, actionData(setup, 'goals.targetsOpen') ?? {});
    for (const variant of CPR_VARIANTS) {
      const card = await click(LEADER, {
        ...actionData(targets, 'goals.targets'),
        kanvas: variant,
        aabninger_ordinaere: '',
      });
      assertRefused(card, variant, /Kanvas: teksten ligner et CPR-nummer/, 'annual target');
      assert.equal(shownValue(card, 'kanvas'), '');
    }

    setup = await say(LEADER, 'mål opsæt');
    for (const [index, variant] of CPR_VARIANTS.entries()) {
      const [field, message] =
        index % 3 === 0
          ? ['indicators', /Indikatorer: teksten ligner et CPR-nummer/]
          : index % 3 === 1
            ? ['members', /Medarbejdere: teksten ligner et CPR-nummer/]
            : ['membersFromWeek', /Fra uge: teksten ligner et CPR-nummer/];
      const verb = field === 'indicators' ? 'goals.indicators' : 'goals.members';
      const card = await click(LEADER, {
        ...actionData(setup, verb),
        indicators: 'kanvas,aabninger_ordinaere',
        members: MEMBER.id,
        membersFromWeek: '7',
        [field]: variant,
      });
      assertRefused(card, variant, message, `goal set-up ${field}`);
      assert.equal(shownValue(card, field), '', `${field} comes back empty`);
    }

    for (const variant of CPR_VARIANTS) {
      assertNotShown(await say(MEMBER, `mål uge ${variant}`), variant, 'mål uge');
      assertNotShown(await say(LEADER, `ugerapport uge ${variant}`), variant, 'ugerapport');
    }
    assert.match(cardFullText(await say(ODD_NAME, 'mål tilmeld')), /Du er med i målstyringen/);
  });

  it('when the settings get a CPR number in any field, then that field is refused by name and comes back empty', async () => {
    const settings = await say(LEADER, 'indstillinger');
    const save = actionData(settings, 'settings.save');
    assert.ok(save !== undefined);
    const fields: [string, string][] = [
      ['intensiveSharePercent', 'Loft for intensiv andel'],
      ['capacityWindowDays', 'Periode for intensiv andel (dage)'],
      ['retentionDays', 'Opbevaring af svar (dage)'],
      ['affectedSectors', 'Konjunkturramte brancher'],
      ['sensitiveCriterion', 'Kriteriet "anden etnisk baggrund"'],
    ];
    for (const [index, variant] of CPR_VARIANTS.entries()) {
      const [field, label] = fields[index % fields.length] ?? ['retentionDays', ''];
      const card = await click(LEADER, {
        ...save,
        intensiveSharePercent: '30',
        capacityWindowDays: '90',
        retentionDays: '90',
        affectedSectors: '',
        sensitiveCriterion: 'false',
        [field]: variant,
      });
      assertRefused(card, variant, escaped(`${label}: ${REFUSED}`), `settings ${field}`);
      assert.equal(shownValue(card, field), '', `${field} comes back empty`);
    }
  });

  it('when the ressourceberegner gets a CPR number in any field, then that field is refused by name and comes back empty', async () => {
    const calculator = await say(LEADER, 'ressourceberegner');
    const calculate = actionData(calculator, 'capacity.calculate');
    const filled = Object.fromEntries(CAPACITY_FIELDS.map((field) => [field, String(shownValue(calculator, field))]));
    for (const [index, variant] of CPR_VARIANTS.entries()) {
      const field = CAPACITY_FIELDS[index % CAPACITY_FIELDS.length];
      assert.ok(field !== undefined);
      const card = await click(LEADER, { ...calculate, ...filled, [field]: variant });
      assertRefused(
        card,
        variant,
        escaped(`${CAPACITY_FIELD_LABELS[field]}: ${REFUSED}`),
        `ressourceberegner ${field}`,
      );
      assert.equal(shownValue(card, field), '', `${field} comes back empty`);
    }
  });

  it('when all of the above is done, then nothing of any refused value is in the stored data or in the log', () => {
    const files = filesUnder(bot.dataDir);
    assert.ok(files.length > 0, 'the embedded storage wrote its files');
    for (const file of files) {
      for (const text of stringsOfJsonLines(readFileSync(file, 'utf8'))) {
        const leaked = leakedCpr(text);
        assert.equal(leaked, undefined, `${path.relative(bot.dataDir, file)} stores ${JSON.stringify(leaked)}`);
      }
    }
    assert.ok(logLines.length > 0, 'the log was captured');
    for (const line of logLines) {
      for (const text of stringsOfJsonLines(line)) {
        assert.equal(leakedCpr(text), undefined, `the log holds a CPR number: ${line.slice(0, 300)}`);
      }
    }
  });
});
