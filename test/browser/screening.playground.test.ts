/**
 * A whole screening as a caseworker does it in the Agents Playground: the real bot in local mode, Chromium
 * on the Playground's page, and every answer typed or picked in the cards the Playground draws.
 *
 * Observed with Playground 0.2.28: a card button sends Action.Execute (an `adaptiveCard/action` invoke), and
 * the card the bot returns replaces the clicked card in place; the Action.Submit fallback is not used. The
 * tests always read the newest card, so they would follow a client that answers with a new message as well;
 * only the last test pins down which of the two happened.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { rulesDataDir } from '../../bot/project-paths';
import { usePlaygroundSession } from './playground.session';
import { describeCardActions, SELECTORS } from './playground.page';
import { CARD_ANSWERS } from '../support/screening-answers';

const RESULT_SCREENSHOT = path.resolve('test-results', 'screening-result.png');
const DECIDED_SCREENSHOT = path.resolve('test-results', 'screening-decided.png');
const STEP_TIMEOUT_MS = 15_000;
const SECTION_COUNT = 5;
const CPR_SHAPED_REFERENCE = '010190-1234';
const CASE_REFERENCE = 'J-2026-42';

const ANSWERS = CARD_ANSWERS;

/** What a yes/no question's radio buttons say. */
const YES_NO_TITLES: Readonly<Record<string, string>> = { ja: 'Ja', nej: 'Nej' };
/** The choice a sector question adds to the sectors of sectors.json. */
const NO_SECTOR = { id: 'ingen', label: 'Ingen' };

interface QuestionFile {
  sections: { questions: { id: string; type: string; prompt: string; optionsFrom?: string; options?: Option[] }[] }[];
}
interface Option {
  id: string;
  label: string;
}
interface QuestionOnCard {
  id: string;
  prompt: string;
  numeric: boolean;
  /** Value id to the title shown on the card. */
  titles: ReadonlyMap<string, string>;
}

/** The questions as the cards show them, from the rule files the bot reads. */
async function questionsOnCards(): Promise<QuestionOnCard[]> {
  const read = async <T>(file: string): Promise<T> =>
    JSON.parse(await fs.readFile(path.join(rulesDataDir(), file), 'utf8')) as T;
  const questionnaire = await read<QuestionFile>('questionnaire.json');
  const { sectors } = await read<{ sectors: Option[] }>('sectors.json');
  return questionnaire.sections.flatMap((section) =>
    section.questions.map((question) => {
      const options =
        question.type === 'yesno'
          ? Object.entries(YES_NO_TITLES).map(([id, label]) => ({ id, label }))
          : question.optionsFrom === 'sectors'
            ? [...sectors, NO_SECTOR]
            : (question.options ?? []);
      return {
        id: question.id,
        prompt: question.prompt,
        numeric: question.type === 'integer' || question.type === 'number',
        titles: new Map(options.map((option) => [option.id, option.label])),
      };
    }),
  );
}

/** The question whose prompt labels a card input; numeric ones carry their range, e.g. "… (16–80)". */
function questionLabelled(questions: readonly QuestionOnCard[], label: string): QuestionOnCard | undefined {
  return questions.find((question) => label === question.prompt || label.startsWith(`${question.prompt} (`));
}

describe('Screening in the Agents Playground, clicked through in a browser', function () {
  let questions: QuestionOnCard[] = [];
  const questionsFilled: string[] = [];

  function answerFor(label: string): string | undefined {
    const question = questionLabelled(questions, label);
    const value = question === undefined ? undefined : ANSWERS[question.id];
    if (question === undefined || value === undefined) return undefined;
    questionsFilled.push(question.id);
    return question.numeric ? value : question.titles.get(value);
  }

  before(async function () {
    questions = await questionsOnCards();
  });
  const playground = usePlaygroundSession({ dataDirPrefix: 'playground-screening-', stepTimeoutMs: STEP_TIMEOUT_MS });

  it('when the user types "screening", then a card asks for the case reference', async function () {
    const ui = playground.page();
    await ui.send('screening');
    const card = await playground.expectCard(ui, 'Ny screening');
    assert.match(await card.innerText(), /Sagsreference/);
  });

  it('when a CPR-shaped reference is entered, then the card refuses it in Danish and keeps nothing of it', async function () {
    const ui = playground.page();
    await ui.fillAdaptiveCardInputs(ui.lastCard(), (label) =>
      label === 'Sagsreference' ? CPR_SHAPED_REFERENCE : undefined,
    );
    await ui.clickCardAction(ui.lastCard(), 'Start screening');

    const card = await playground.expectCard(ui, /ligner et CPR-nummer/);
    const text = await card.innerText();
    assert.match(text, /Botten må ikke gemme CPR-numre/);
    assert.ok(!text.includes('1234'), `the refusal echoes the CPR number:\n${text}`);
    assert.equal(await card.locator('input').first().inputValue(), '', 'the CPR number is not kept in the box');
  });

  it('when a journal number is entered and "Start screening" is clicked, then section 1 of 5 is shown', async function () {
    const ui = playground.page();
    await ui.fillAdaptiveCardInputs(ui.lastCard(), (label) => (label === 'Sagsreference' ? CASE_REFERENCE : undefined));
    await ui.clickCardAction(ui.lastCard(), 'Start screening');

    const card = await playground.expectCard(ui, `Afsnit 1 af ${SECTION_COUNT}`);
    assert.match(await card.innerText(), new RegExp(`Screening · ${CASE_REFERENCE}`));
  });

  it('when the age is left empty or typed out of range, then the card does not send it', async function () {
    const ui = playground.page();
    const card = ui.lastCard();
    const age = card.getByRole('spinbutton');
    await age.fill('');
    await ui.clickCardAction(card, 'Gem og fortsæt');
    // The card's own isRequired check: the renderer shows the errorMessage and sends nothing (the last test
    // checks that no section submit besides the five below reached the bot).
    await playground.expectCard(ui, 'Udfyld: Alder');
    assert.match(await ui.lastCard().innerText(), new RegExp(`Afsnit 1 af ${SECTION_COUNT}`));

    // Out of range: the Playground's number box (a Fluent UI spin button) puts the value in range when left.
    await age.fill('200');
    await age.press('Tab');
    const shown = Number(await age.inputValue());
    assert.ok(shown >= 16 && shown <= 80, `typed 200 as the age, the card would send ${shown}`);
  });

  it('when every section is filled in and saved, then the result card recommends the intensive effort and gives its reasons in sentences', async function () {
    const ui = playground.page();
    for (let section = 1; section <= SECTION_COUNT; section += 1) {
      const card = await playground.expectCard(ui, `Afsnit ${section} af ${SECTION_COUNT}`);
      const filled = await ui.fillAdaptiveCardInputs(card, answerFor);
      assert.ok(filled.length > 0, `section ${section} has no inputs`);
      await ui.clickCardAction(card, section === SECTION_COUNT ? 'Gem og se anbefalingen' : 'Gem og fortsæt');
    }
    assert.deepEqual(
      [...questionsFilled].sort(),
      Object.keys(ANSWERS).sort(),
      'the five cards asked exactly the questions answered',
    );

    const result = await playground.expectCard(ui, 'Anbefalet indsats');
    const text = await result.innerText();
    assert.match(text, /Anbefalet indsats\s+Tidlig, intensiv indsats/);
    // Each reason is a Markdown list item ("- …"), drawn as a bullet: one list, in sentences, the decisive first.
    assert.match(
      text,
      /Begrundelse\s+Risikoen for langtidsledighed er høj, med en risikoscore på \d+\.\s+Borgeren/,
      `no reasons in sentences:\n${text}`,
    );
    assert.doesNotMatch(text, /→|\(risikoniveau|\(alder|Risikokriterier der er opfyldt|dødvægt/iu);
    assert.match(text, /Afgør alderen anbefalingen\?\s+(Ja|Nej)\. /);
    assert.match(text, new RegExp(`Screening · ${CASE_REFERENCE} · Resultat`));
    assert.doesNotMatch(text, /Ret venligst/);

    await ui.screenshotWhole(result, RESULT_SCREENSHOT);
  });

  it('when the recommendation is accepted, then the card confirms "Screening gemt" with a plain journal note to copy', async function () {
    const ui = playground.page();
    await ui.clickCardAction(ui.lastCard(), 'Acceptér anbefalingen');

    const card = await playground.expectCard(ui, 'Screening gemt');
    const text = await card.innerText();
    assert.match(text, /Anbefalingen er fulgt/);
    assert.match(text, new RegExp(CASE_REFERENCE));
    assert.match(text, /Journalnotat – markér teksten og kopiér den til sagen/);
    const note = await card.locator('textarea').inputValue();
    assert.match(
      note,
      new RegExp(
        `^Screening ved første samtale .*, sagsreference ${CASE_REFERENCE}\\.\nAnbefalet indsats: Tidlig, intensiv indsats\\.\nBegrundelse: Risikoen for langtidsledighed er høj`,
      ),
    );
    assert.match(note, /\nBeslutning: Anbefalingen er fulgt\.\n/);
    assert.doesNotMatch(note, /\*\*|<[a-z]|\]\(/u, 'plain text: no Markdown or HTML');
    await ui.screenshotWhole(card, DECIDED_SCREENSHOT);
  });

  it('when card buttons are clicked, then the Playground sends Action.Execute invokes and shows each returned card in place', async function () {
    const ui = playground.page();
    const clicks = describeCardActions(playground.actionsSent);
    assert.deepEqual(
      playground.actionsSent.map((action) => `${action.kind} ${action.verb ?? '?'}`),
      [
        'invoke screening.start',
        'invoke screening.start',
        ...Array.from({ length: SECTION_COUNT }, () => 'invoke screening.section'),
        'invoke screening.accept',
      ],
      `card clicks sent:\n${clicks}`,
    );
    for (const action of playground.actionsSent) {
      assert.equal(action.status, 200, clicks);
      assert.equal(action.responseType, 'application/vnd.microsoft.card.adaptive', clicks);
    }
    // The renderer sends each choice's value id, not its title.
    const sentAnswers = Object.fromEntries(
      playground.actionsSent
        .filter((action) => action.verb === 'screening.section')
        .flatMap((action) => Object.entries(action.data).filter(([id]) => id in ANSWERS)),
    );
    assert.deepEqual(sentAnswers, ANSWERS);

    // One screening card from "screening" to "Screening gemt": each answer replaced the card clicked.
    const screeningCards = ui.page
      .locator(SELECTORS.topLevelCard)
      .filter({ hasText: new RegExp(`Ny screening|Screening · ${CASE_REFERENCE}`) });
    assert.equal(await screeningCards.count(), 1);
  });
});
