import assert from 'node:assert/strict';
import { cardText } from './bot-under-test';
import { actionData, cardInputs } from './card-inputs';
import { CARD_ANSWERS } from './screening-answers';

type Card = Record<string, unknown>;

/**
 * Completes a screening the way a caseworker clicks through it (`screening`, the reference, five
 * sections with the test answers, accept), through `submit`, which sends a text or a card's data as
 * that caseworker and answers with the first card of the reply. Resolves the decided card.
 */
export async function completeScreening(
  submit: (body: { text: string } | { value: Record<string, unknown> }) => Promise<Card>,
  caseReference: string,
): Promise<Card> {
  let card = await submit({ text: 'screening' });
  // An unfinished screening is offered for resumption first: start a new one instead.
  if (actionData(card, 'screening.start') === undefined) card = await submit({ value: { verb: 'screening.new' } });
  card = await submit({ value: { ...actionData(card, 'screening.start'), caseReference } });
  for (let section = 1; section <= 5; section += 1) {
    assert.match(cardText(card), new RegExp(`Afsnit ${section} af 5`));
    const values: Record<string, unknown> = { ...actionData(card, 'screening.section') };
    for (const input of cardInputs(card)) values[input.id] = CARD_ANSWERS[input.id];
    card = await submit({ value: values });
  }
  const decided = await submit({ value: { ...actionData(card, 'screening.accept') } });
  assert.match(cardText(decided), /Screening gemt/);
  return decided;
}
