import assert from 'node:assert/strict';
import {
  IndicatorCatalogError,
  checkIndicatorCatalog,
  indicatorsIn,
  loadIndicatorCatalog,
} from '../../../rules/goals/indicator-catalog';
import { RuleFilesValidator } from '../../../rules/rule-files/rule-files.validator';
import { RULE_FILE_SCHEMAS } from '../../../rules/rule-files/rule-file.schemas';
import { defaultCatalog, indicatorsJson } from './goal-fixtures';

/** Spec §3.1, group by group. */
const SPEC_INDICATORS: Record<string, string[]> = {
  afholdt: ['individuelle_samtaler', 'opfoelgningssamtaler', 'jobsamtaler', 'virksomhedsmoeder'],
  salg: ['kanvas', 'virksomhedskontakter_tlf'],
  jobaabninger: ['aabninger_ordinaere', 'aabninger_praktik', 'aabninger_loentilskud'],
  etablering: ['etabl_ordinaere', 'etabl_loentilskud', 'etabl_praktik', 'etabl_uddannelse'],
  afsluttet: ['afsluttet_job', 'afsluttet_uddannelse'],
};

function withIndicators(change: (json: { indicators: Record<string, unknown>[] }) => void): unknown {
  const json = structuredClone(indicatorsJson()) as { indicators: Record<string, unknown>[] };
  change(json);
  return json;
}

describe('the indicator catalog (rules/data/indicators.json)', () => {
  it('when the default file is loaded, then it holds the ids and groups of spec §3.1 in order', () => {
    const catalog = defaultCatalog();
    assert.deepEqual(
      catalog.groups.map((group) => group.label),
      ['Afholdt', 'Salg', 'Jobåbninger', 'Etablering', 'Afsluttet'],
    );
    const byGroup: Record<string, string[]> = {};
    for (const indicator of catalog.indicators) (byGroup[indicator.group] ??= []).push(indicator.id);
    assert.deepEqual(byGroup, SPEC_INDICATORS);
  });

  it('when the default file is loaded, then screenings prefill individual talks and openings their three indicators', () => {
    const prefills = Object.fromEntries(
      defaultCatalog()
        .indicators.filter((indicator) => indicator.prefill !== undefined)
        .map((indicator) => [indicator.id, indicator.prefill]),
    );
    assert.deepEqual(prefills, {
      individuelle_samtaler: 'screenings',
      aabninger_ordinaere: 'openings:ordinaer_aabning',
      aabninger_praktik: 'openings:praktikplads',
      aabninger_loentilskud: 'openings:loentilskud',
    });
  });

  it('when the rule-file validator checks the folder, then indicators.json is a known file that passes', () => {
    const report = new RuleFilesValidator(RULE_FILE_SCHEMAS).validate([
      { name: 'indicators.json', content: JSON.stringify(indicatorsJson()) },
    ]);
    assert.deepEqual(report.problems, []);
  });

  const broken: [string, unknown, RegExp][] = [
    ['an unknown field', withIndicators((json) => (json.indicators[0]!['colour'] = 'red')), /ukendt felt "colour"/],
    ['a missing label', withIndicators((json) => delete json.indicators[0]!['label']), /mangler feltet "label"/],
    ['an unknown prefill', withIndicators((json) => (json.indicators[0]!['prefill'] = 'calls')), /skal være en af/],
    [
      'a duplicate id',
      withIndicators((json) => (json.indicators[1]!['id'] = 'individuelle_samtaler')),
      /findes allerede/,
    ],
    [
      'an id that is not snake_case',
      withIndicators((json) => (json.indicators[0]!['id'] = 'Kanvas-1')),
      /små bogstaver/,
    ],
    ['an unknown group', withIndicators((json) => (json.indicators[0]!['group'] = 'andet')), /ukendt gruppe "andet"/],
    [
      'a duplicate label',
      withIndicators((json) => (json.indicators[1]!['label'] = 'Individuelle samtaler')),
      /bruges allerede/,
    ],
    [
      'a prefill source used twice',
      withIndicators((json) => (json.indicators[1]!['prefill'] = 'screenings')),
      /forudfylder allerede/,
    ],
  ];
  for (const [what, json, message] of broken) {
    it(`when the file has ${what}, then loading fails naming the place and the problem in Danish`, () => {
      const { catalog, problems } = checkIndicatorCatalog(json);
      assert.equal(catalog, undefined);
      assert.ok(problems.length > 0);
      assert.ok(problems.every((problem) => problem.file === 'indicators.json' && problem.location.startsWith('/')));
      assert.match(problems.map((problem) => problem.message).join('\n'), message);
      assert.throws(() => loadIndicatorCatalog(json), IndicatorCatalogError);
    });
  }

  it('when picking indicators by id, then the catalog order is kept and unknown ids are left out', () => {
    const picked = indicatorsIn(defaultCatalog(), ['aabninger_ordinaere', 'nope', 'kanvas']);
    assert.deepEqual(
      picked.map((indicator) => indicator.id),
      ['kanvas', 'aabninger_ordinaere'],
    );
  });
});
