import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadScreeningRuleset } from '../../../rules/screening/engine/screening-ruleset.parser';
import type { Answers, ScreeningRuleset } from '../../../rules/screening/screening.types';

/** The project's rules folder, found from the compiled test file (dist/test/rules/screening). */
export const RULES_DATA_DIR = path.resolve(__dirname, '../../../../rules/data');

export function readRuleFile(name: string): unknown {
  return JSON.parse(readFileSync(path.join(RULES_DATA_DIR, name), 'utf8'));
}

export function defaultRuleFiles(): { questionnaire: unknown; rules: unknown; sectors: unknown } {
  return {
    questionnaire: readRuleFile('questionnaire.json'),
    rules: readRuleFile('screening-rules.json'),
    sectors: readRuleFile('sectors.json'),
  };
}

export function defaultRuleset(): ScreeningRuleset {
  return loadScreeningRuleset(defaultRuleFiles());
}

/** A 35-year-old with no risk criteria, who thinks they manage on their own. */
export const LOW_RISK: Answers = {
  age: 35,
  benefit: 'dagpenge',
  education: 'erhvervsfaglig',
  yearsExperience: 10,
  lastSector: 'handel',
  unstableAttachment: false,
  willingToCommute: 'ja',
  willingToChangeSector: 'ja',
  seesSkillsElsewhere: true,
  activeNetwork: true,
  applicationsPerWeek: 5,
  searchBreadth: 'bredt',
  clarity: 'afklaret',
  beliefInProspects: 'hoej',
  personalBarriers: false,
  behaviourBarriers: false,
  danishProficiency: 'god',
  motivation: 'hoej',
  caseworkerAssessment: 'klarer_sig_selv',
};

/** The seed's example: a 52-year-old skilled worker, risk 5 (høj), matching the "faglært" archetype. */
export const SKILLED_52: Answers = {
  ...LOW_RISK,
  age: 52,
  lastSector: 'industri',
  willingToCommute: 'begraenset',
  willingToChangeSector: 'nej',
  seesSkillsElsewhere: false,
  activeNetwork: false,
  applicationsPerWeek: 3,
  caseworkerAssessment: 'usikker',
};
