import assert from 'node:assert/strict';
import { loadDefaultScreeningRuleset } from '../../bot/screening-ruleset.loader';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { buildSectionViewModel, SECTION_VIEW_MODEL_SLOTS } from '../../cards/screening/screening.view-models';
import { visibleQuestions } from '../../rules/screening/questionnaire.service';
import type { ScreeningRuleset } from '../../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../../rules/screening/team-screening-settings';
import { cardInputs } from '../support/card-inputs';
import { cardProblems } from '../support/card-validator';
import { screeningRecord } from '../support/screening-record.fixture';

describe('the section card’s number fields', () => {
  const renderer = new CardRenderer();
  let ruleset: ScreeningRuleset;
  before(async () => {
    ruleset = await loadDefaultScreeningRuleset();
  });

  function section(sectionId: string, values: Record<string, unknown>, errors = false) {
    const settings = defaultTeamScreeningSettings(ruleset);
    const found = ruleset.questionnaire.sections.find((candidate) => candidate.id === sectionId);
    assert.ok(found);
    return buildSectionViewModel({
      screening: screeningRecord({ sectionIndex: 1 }),
      title: found.title,
      intro: found.intro,
      sectionIndex: 1,
      sectionCount: ruleset.questionnaire.sections.length,
      questions: visibleQuestions(ruleset, settings, sectionId, {}),
      values,
      errors: errors
        ? [
            {
              questionId: 'yearsExperience',
              label: 'Års erhvervserfaring',
              message: 'Års erhvervserfaring skal være et tal mellem 0 og 60, fx 1,5.',
            },
          ]
        : [],
      sectors: ruleset.sectors.map((sector) => ({ title: sector.label, value: sector.id })),
    });
  }

  const input = (card: unknown, id: string) => cardInputs(card).find((candidate) => candidate.id === id);

  it('when a question takes decimals, then it is a text box, so a decimal comma reaches the bot in every client', () => {
    const card = renderer.render('screeningSection', section('arbejdsmarked', {}));
    assert.equal(input(card, 'yearsExperience')?.type, 'Input.Text');
    assert.deepEqual(cardProblems(card), []);
    // Whole numbers keep the number box (and the phone's number keyboard): no decimal separator to lose.
    const first = renderer.render('screeningSection', section('borgeren', {}));
    assert.equal(input(first, 'age')?.type, 'Input.Number');
  });

  it('when a stored decimal is shown again, then it has a decimal comma, filled in the skeleton as when expanded', () => {
    const viewModel = section('arbejdsmarked', { yearsExperience: 1.5, lastSector: 'industri' });
    const expanded = renderer.render('screeningSection', viewModel);
    const filled = renderer.renderWithSlots('screeningSection', viewModel, SECTION_VIEW_MODEL_SLOTS);
    assert.equal(input(expanded, 'yearsExperience')?.node.value, '1,5');
    assert.deepEqual(filled, expanded);
  });

  for (const typed of ['1,5,5', 'halvandet', '-1']) {
    it(`when "${typed}" was refused, then the form shows it as typed, beside the section's other answers`, () => {
      const card = renderer.render(
        'screeningSection',
        section('arbejdsmarked', { yearsExperience: typed, lastSector: 'industri', willingToCommute: 'nej' }, true),
      );
      assert.equal(input(card, 'yearsExperience')?.node.value, typed);
      assert.equal(input(card, 'lastSector')?.node.value, 'industri');
      assert.equal(input(card, 'willingToCommute')?.node.value, 'nej');
      assert.match(JSON.stringify(card), /Års erhvervserfaring skal være et tal mellem 0 og 60, fx 1,5\./);
      assert.deepEqual(cardProblems(card), []);
    });
  }
});
