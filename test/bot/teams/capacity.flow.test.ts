import assert from 'node:assert/strict';
import { invokeActivity, userActivity, type ActivityOptions } from '../../support/activities';
import { cardText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { postActivity, startTestBot } from '../../support/running-bot';

type Card = Record<string, unknown>;

describe('ressourceberegner over HTTP (real server, expectReplies)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  const seen: Card[] = [];
  /** The leader, in their personal chat. */
  const LEADER: ActivityOptions = { user: { id: 'leder-1', name: 'Lone Leder' }, tenantId: 'tenant-capacity' };

  async function post(activity: Record<string, unknown>): Promise<unknown> {
    const { status, json } = await postActivity(bot.baseUrl, activity);
    assert.equal(status, 200);
    return json;
  }

  /** A message's card (a text command, or the Action.Submit fallback). */
  async function message(body: { text: string } | { value: Record<string, unknown> }): Promise<Card> {
    const { activities } = (await post(userActivity(body, LEADER))) as {
      activities: { attachments?: { content: Card }[] }[];
    };
    const card = activities[0]?.attachments?.[0]?.content;
    assert.ok(card !== undefined, `no card in reply: ${JSON.stringify(activities)}`);
    seen.push(card);
    return card;
  }

  /** The card an Action.Execute click gets back in the invoke response (it replaces the clicked card). */
  async function execute(data: Record<string, unknown>): Promise<Card> {
    const { activities } = (await post(invokeActivity(String(data.verb), data, LEADER))) as {
      activities: { value?: { status: number; body?: { value?: Card } } }[];
    };
    const card = activities[0]?.value?.body?.value;
    assert.equal(activities[0]?.value?.status, 200);
    assert.ok(card !== undefined, `no card in invoke response: ${JSON.stringify(activities)}`);
    seen.push(card);
    return card;
  }

  /** The form's values the way the client sends them: strings, keyed by input id. */
  function formValues(card: Card): Record<string, string> {
    return Object.fromEntries(
      cardInputs(card).map((input) => [input.id, input.node.value === undefined ? '' : String(input.node.value)]),
    );
  }

  before(async () => {
    bot = await startTestBot();
  });
  after(async () => bot?.stop());

  it('when a leader writes "ressourceberegner", then the form comes prefilled with the seed example', async () => {
    const form = await message({ text: 'Ressourceberegner' });
    assert.match(cardText(form), /^Ressourceberegner/);
    assert.deepEqual(formValues(form), {
      citizens: '330',
      talkDaysPerWeek: '3',
      weeksPerFullTimeYear: '44',
      talksPerDay: '4',
      intensiveSharePercent: '30',
      scenario: 'intensive-24',
    });
    assert.doesNotMatch(cardText(form), /Årsværk/, 'no result before the first calculation');
    assert.deepEqual(actionData(form, 'capacity.calculate'), { verb: 'capacity.calculate' });
  });

  it('when the prefilled form is submitted, then the result states the full-time years and shows the seed numbers', async () => {
    const form = await message({ text: 'ressourceberegner' });
    const result = await message({ value: { ...actionData(form, 'capacity.calculate'), ...formValues(form) } });
    const text = cardText(result);
    assert.match(text, /Scenariet kræver 6,25 årsværk/);
    assert.match(
      text,
      /99 borgere \(30 %\) til samtale to gange i måneden \(24 om året\), resten rettidigt \(4 om året\) giver 3\.300 samtaler om året\. Ét årsværk med 4 samtaler pr\. dag, 3 dage om ugen i 44 uger klarer 528 samtaler, så scenariet kræver 6,25 årsværk\. Regnet i hele årsværk skal der bruges 7\./,
    );
    assert.match(
      text,
      /Rettidighed \(4\)\n1\.320\n2,5\nHver anden måned \(6\)\n1\.980\n3,75\nHver måned \(12\)\n3\.960\n7,5/,
    );
    assert.match(text, /De øvrige 231 borgere til samtale rettidigt \(4 om året\) giver 924 samtaler/);
    assert.match(text, /To gange i måneden \(24\)\n2\.376\n3\.300\n6,25/);
    // The table of full-time years comes in two, 1–5 and 6–9 årsværk, so its numbers fit a narrow card.
    assert.match(text, /\nÅrsværk 1–5\nPr\. dag\n1\n2\n3\n4\n5\n/);
    assert.match(text, /\n1\n132\n264\n396\n528\n660\n/);
    assert.match(text, /\n8\n1\.056\n2\.112\n3\.168\n4\.224\n5\.280\n/);
    assert.match(text, /\nÅrsværk 6–9\nPr\. dag\n6\n7\n8\n9\n/);
    assert.match(text, /\n1\n792\n924\n1\.056\n1\.188\n/);
    assert.match(text, /\n8\n6\.336\n7\.392\n8\.448\n9\.504\n/);
    assert.equal(formValues(result).citizens, '330', 'the form stays for the next scenario');
  });

  it('when inputs are negative, over 100 % or zero days, then the form comes back with what was typed and Danish messages naming the fields', async () => {
    const form = await message({ text: 'ressourceberegner' });
    const typed = { ...formValues(form), citizens: '-330', talkDaysPerWeek: '0', intensiveSharePercent: '130' };
    const refused = await message({ value: { ...actionData(form, 'capacity.calculate'), ...typed } });
    const text = cardText(refused);
    assert.match(text, /Ret venligst:/);
    assert.match(text, /Antal borgere: må ikke være negativ – skriv et helt tal fra 1 til 100\.000\./);
    assert.match(text, /Antal dage med samtaler: kan ikke være 0 – skriv et helt tal fra 1 til 5\./);
    assert.match(
      text,
      /Andel med behov for intensiveret indsats \(%\): kan ikke være over 100 % – skriv en procent fra 0 til 100, fx 30\./,
    );
    assert.doesNotMatch(text, /Scenariet kræver/);
    assert.deepEqual(formValues(refused), typed);
  });

  it('when the leader clicks Beregn (Action.Execute) with 5 talks a day, then the invoke answers with the result card', async () => {
    const form = await message({ text: 'ressourceberegner' });
    const result = await execute({ ...actionData(form, 'capacity.calculate'), ...formValues(form), talksPerDay: '5' });
    assert.match(cardText(result), /Scenariet kræver 5 årsværk\n/);
    assert.match(cardText(result), /klarer 660 samtaler, så scenariet kræver 5 årsværk\.\n/);
  });

  it('when the help card is asked for, then the ressourceberegner is no longer "kommer snart"', async () => {
    const help = cardText(await message({ text: 'hjælp' }));
    assert.match(help, /ressourceberegner\nBeregn hvor mange samtaler og årsværk en samtalefrekvens kræver\.\n/);
  });

  it('when every card of the flow is validated, then none has a problem', () => {
    assert.ok(seen.length >= 7);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardText(card).slice(0, 80));
  });
});
