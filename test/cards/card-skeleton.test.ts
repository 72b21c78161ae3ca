import assert from 'node:assert/strict';
import { compileSkeleton, fillSkeleton, slotted } from '../../cards/rendering/card-skeleton';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { buildSectionViewModel, SECTION_VIEW_MODEL_SLOTS } from '../../cards/screening/screening.view-models';
import { loadDefaultScreeningRuleset } from '../../bot/screening-ruleset.loader';
import { screeningRulesFrom } from '../../rules/screening/default-screening-rules';
import type { ScreeningRecord } from '../../rules/screening/screening-record';
import { ScreeningEvaluator } from '../../rules/screening/engine/screening.evaluator';
import { defaultTeamScreeningSettings } from '../../rules/screening/team-screening-settings';
import { TYPED_ANSWERS } from '../support/screening-answers';
import { screeningRecord } from '../support/screening-record.fixture';

describe('card skeletons', () => {
  let sectionViewModels: (values: Readonly<Record<string, unknown>>, record: ScreeningRecord) => object[];
  before(async () => {
    const ruleset = await loadDefaultScreeningRuleset();
    const settings = defaultTeamScreeningSettings(ruleset);
    const rules = screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset));
    const sectors = ruleset.sectors.map((sector) => ({ title: sector.label, value: sector.id }));
    const sections = rules.sections(settings);
    sectionViewModels = (values, record) =>
      sections.map((section, index) =>
        buildSectionViewModel({
          screening: record,
          title: section.title,
          intro: section.intro,
          sectionIndex: index,
          sectionCount: sections.length,
          questions: rules.visibleQuestions(settings, section.id, TYPED_ANSWERS),
          values,
          errors: [],
          sectors,
        }),
      );
  });

  it('when section cards are filled into skeletons, then each is exactly the card the template expands', () => {
    const cached = new CardRenderer();
    const plain = new CardRenderer();
    const cases: [Readonly<Record<string, unknown>>, ScreeningRecord][] = [
      [{}, screeningRecord({ id: 's-1', caseReference: 'J-2026-17' })],
      [TYPED_ANSWERS, screeningRecord({ id: 's-2', caseReference: 'B-2' })],
      [
        { ...TYPED_ANSWERS, age: 'abc', unstableAttachment: true, yearsExperience: 0 },
        screeningRecord({ id: 's-3', caseReference: 'Sag "3" ${x}' }),
      ],
      [{}, screeningRecord({ id: 's-4', caseReference: 'J-2026-18' })],
    ];
    for (const [values, record] of cases) {
      for (const viewModel of sectionViewModels(values, record)) {
        const filled = cached.renderWithSlots('screeningSection', viewModel, SECTION_VIEW_MODEL_SLOTS);
        const expanded = plain.render('screeningSection', viewModel);
        assert.deepEqual(filled, expanded);
        // Property order too: the card is sent as JSON.
        assert.equal(JSON.stringify(filled), JSON.stringify(expanded));
      }
    }
  });

  it('when a filled card is changed afterwards, then the next card of that shape is not', () => {
    const renderer = new CardRenderer();
    const [first] = sectionViewModels(TYPED_ANSWERS, screeningRecord({ id: 's-1', caseReference: 'J-1' }));
    const card = renderer.renderWithSlots('screeningSection', first ?? {}, SECTION_VIEW_MODEL_SLOTS) as {
      body: { text?: string }[];
    };
    const untouched = JSON.stringify(card);
    card.body.length = 0;
    const [again] = sectionViewModels(TYPED_ANSWERS, screeningRecord({ id: 's-1', caseReference: 'J-1' }));
    assert.equal(
      JSON.stringify(renderer.renderWithSlots('screeningSection', again ?? {}, SECTION_VIEW_MODEL_SLOTS)),
      untouched,
    );
  });

  it('when more shapes are rendered than the renderer keeps, then every card is still right', () => {
    const renderer = new CardRenderer(1);
    const plain = new CardRenderer();
    for (let round = 0; round < 2; round += 1) {
      for (const viewModel of sectionViewModels(
        TYPED_ANSWERS,
        screeningRecord({ id: `s-${round}`, caseReference: `J-${round}` }),
      )) {
        assert.deepEqual(
          renderer.renderWithSlots('screeningSection', viewModel, SECTION_VIEW_MODEL_SLOTS),
          plain.render('screeningSection', viewModel),
        );
      }
    }
  });

  it('when a slot holds a list, then the card is expanded the ordinary way', () => {
    const renderer = new CardRenderer();
    const [first] = sectionViewModels({}, screeningRecord({ id: 's-1', caseReference: 'J-1' }));
    const viewModel = { ...first, errors: ['Alder skal udfyldes.'] };
    assert.deepEqual(
      renderer.renderWithSlots('screeningSection', viewModel, ['errors', ...SECTION_VIEW_MODEL_SLOTS]),
      renderer.render('screeningSection', viewModel),
    );
  });

  it('when a slot is joined into a longer text or ends up as a key, then no skeleton is made', () => {
    const { shaped, values } = slotted({ name: 'Ada', id: 7 }, ['name', 'id']);
    const { name, id } = shaped as { name: string; id: string };
    assert.equal(values.length, 2);
    assert.equal(compileSkeleton({ text: `Hej ${name}` }, 2), undefined);
    assert.equal(compileSkeleton({ [id]: true }, 2), undefined);
    const skeleton = compileSkeleton({ text: name, list: [id, 'fast'], nested: { value: id } }, 2);
    assert.ok(skeleton);
    assert.deepEqual(fillSkeleton(skeleton, ['Bo', null]), { text: 'Bo', list: [null, 'fast'], nested: {} });
  });

  it('when a slot path names something the view model lacks, then the view model is left as it is', () => {
    const viewModel = { fields: [{ a: 1 }, { a: 2 }], other: 'x' };
    const { shaped, values } = slotted(viewModel, ['missing', 'fields[].b', 'other[].a']);
    assert.deepEqual(values, []);
    assert.deepEqual(shaped, viewModel);
  });
});
