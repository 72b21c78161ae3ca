import { PREFILL_SOURCES } from '../goals/indicator';
import { CONDITION_OPERATORS } from '../screening/screening.types';

/*
 * The schemas use few keywords beyond required/additionalProperties/type/enum on purpose: those are the ones the
 * validator words in Danish. Ranges, uniqueness and cross-references are checked by `loadScreeningRuleset`, which
 * `rules check` and the start-up run after the schemas pass.
 */

const ID = { type: 'string' } as const;
const TEXT = { type: 'string' } as const;
const TEXT_LIST = { type: 'array', items: TEXT } as const;

/** A json-rules-engine condition (one object shape, so a mistake is reported as an unknown or missing field). */
const CONDITION = {
  type: 'object',
  properties: {
    all: { type: 'array', items: { $ref: '#/definitions/condition' } },
    any: { type: 'array', items: { $ref: '#/definitions/condition' } },
    not: { $ref: '#/definitions/condition' },
    fact: ID,
    operator: { enum: [...CONDITION_OPERATORS] },
    value: {},
    name: TEXT,
  },
  additionalProperties: false,
} as const;

const OPTION = {
  type: 'object',
  required: ['id', 'label'],
  properties: { id: ID, label: TEXT },
  additionalProperties: false,
} as const;

const QUESTION_PROPERTIES = {
  id: ID,
  type: { enum: ['integer', 'number', 'choice', 'yesno'] },
  label: TEXT,
  prompt: TEXT,
  help: TEXT,
  min: { type: 'number' },
  max: { type: 'number' },
  options: { type: 'array', items: OPTION },
  optionsFrom: { enum: ['sectors'] },
  required: { type: 'boolean' },
  condition: { $ref: '#/definitions/condition' },
  requiresCriterion: ID,
} as const;

const QUESTION_REQUIRED = ['id', 'type', 'label', 'prompt', 'required'];

/** A question a team adds in its settings. */
const CUSTOM_QUESTION_SCHEMA = {
  type: 'object',
  required: [...QUESTION_REQUIRED, 'sectionId'],
  properties: { ...QUESTION_PROPERTIES, sectionId: ID },
  additionalProperties: false,
} as const;

const QUESTIONNAIRE_SCHEMA = {
  type: 'object',
  required: ['version', 'sections'],
  properties: {
    version: TEXT,
    sections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'questions'],
        properties: {
          id: ID,
          title: TEXT,
          intro: TEXT,
          questions: {
            type: 'array',
            items: {
              type: 'object',
              required: QUESTION_REQUIRED,
              properties: QUESTION_PROPERTIES,
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
  definitions: { condition: CONDITION },
} as const;

const SECTORS_SCHEMA = {
  type: 'object',
  required: ['version', 'sectors'],
  properties: { version: TEXT, sectors: { type: 'array', items: OPTION } },
  additionalProperties: false,
} as const;

const ARCHETYPE = {
  type: 'object',
  required: ['id', 'name', 'description', 'characteristics', 'atRisk', 'minScore', 'interventions'],
  properties: {
    id: ID,
    name: TEXT,
    description: TEXT,
    characteristics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['label', 'condition'],
        properties: { label: TEXT, condition: { $ref: '#/definitions/condition' } },
        additionalProperties: false,
      },
    },
    atRisk: { type: 'boolean' },
    minScore: { type: 'number' },
    interventions: TEXT_LIST,
  },
  additionalProperties: false,
} as const;

/** A reason sentence, or one per part of the condition (see ReasonText in rules/screening/screening.types.ts). */
const REASON = {
  oneOf: [
    TEXT,
    {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['fact', 'text'],
        properties: {
          fact: ID,
          value: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
          text: TEXT,
        },
        additionalProperties: false,
      },
    },
  ],
} as const;

const TARGET_GROUP = {
  type: 'object',
  required: ['id', 'label', 'condition', 'strategy', 'reason'],
  properties: {
    id: ID,
    label: TEXT,
    condition: { $ref: '#/definitions/condition' },
    strategy: { enum: ['doedvaegt', 'catch-all', 'selektion'] },
    reason: REASON,
  },
  additionalProperties: false,
} as const;

const THRESHOLDS = {
  type: 'object',
  required: ['shortExperienceYears', 'minApplicationsPerWeek', 'riskLevels'],
  properties: {
    shortExperienceYears: { type: 'number' },
    minApplicationsPerWeek: { type: 'number' },
    riskLevels: {
      type: 'object',
      required: ['lavMax', 'hoejMin'],
      properties: { lavMax: { type: 'number' }, hoejMin: { type: 'number' } },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const SCREENING_RULES_SCHEMA = {
  type: 'object',
  required: ['version', 'criteria', 'thresholds', 'archetypes', 'targetGroups', 'decisions', 'defaults'],
  properties: {
    version: TEXT,
    criteria: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'weight', 'enabled', 'conditions', 'reason'],
        properties: {
          id: ID,
          label: TEXT,
          weight: { type: 'number' },
          enabled: { type: 'boolean' },
          sensitive: { type: 'boolean' },
          conditions: { $ref: '#/definitions/condition' },
          reason: REASON,
        },
        additionalProperties: false,
      },
    },
    thresholds: THRESHOLDS,
    archetypes: { type: 'array', items: ARCHETYPE },
    targetGroups: { type: 'array', items: TARGET_GROUP },
    decisions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'conditions'],
        properties: {
          id: ID,
          track: { enum: ['doedvaegt', 'catch-all', 'selektion'] },
          reason: REASON,
          warning: TEXT,
          conditions: { $ref: '#/definitions/condition' },
        },
        additionalProperties: false,
      },
    },
    defaults: {
      type: 'object',
      required: ['trackLabels', 'intensiveShareCap', 'capacityWindowDays', 'retentionDays', 'affectedSectors'],
      properties: {
        trackLabels: {
          type: 'object',
          required: ['doedvaegt', 'catch-all', 'selektion'],
          properties: { doedvaegt: TEXT, 'catch-all': TEXT, selektion: TEXT },
          additionalProperties: false,
        },
        intensiveShareCap: { type: 'number' },
        capacityWindowDays: { type: 'integer' },
        retentionDays: { type: 'integer' },
        affectedSectors: { type: 'array', items: ID },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
  definitions: { condition: CONDITION },
} as const;

/** The indicators of the weekly goals (spec §3.1); `prefill` names what the bot already counts for one. */
const INDICATORS_SCHEMA = {
  type: 'object',
  required: ['version', 'groups', 'indicators'],
  properties: {
    version: TEXT,
    groups: { type: 'array', items: OPTION },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'group', 'label'],
        properties: {
          id: ID,
          group: ID,
          label: TEXT,
          prefill: { enum: [...PREFILL_SOURCES] },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

/** The team-editable part of the screening settings, with the same pieces as the rule file. */
export const TEAM_SCREENING_SETTINGS_SCHEMA = {
  type: 'object',
  required: [
    'version',
    'affectedSectors',
    'criteria',
    'thresholds',
    'archetypes',
    'targetGroups',
    'intensiveShareCap',
    'capacityWindowDays',
    'retentionDays',
    'customQuestions',
  ],
  properties: {
    version: { type: 'integer' },
    affectedSectors: { type: 'array', items: ID },
    criteria: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['weight', 'enabled'],
        properties: { weight: { type: 'number' }, enabled: { type: 'boolean' } },
        additionalProperties: false,
      },
    },
    thresholds: THRESHOLDS,
    archetypes: { type: 'array', items: ARCHETYPE },
    targetGroups: { type: 'array', items: TARGET_GROUP },
    intensiveShareCap: { type: 'number' },
    capacityWindowDays: { type: 'integer' },
    retentionDays: { type: 'integer' },
    customQuestions: { type: 'array', items: CUSTOM_QUESTION_SCHEMA },
  },
  additionalProperties: false,
  definitions: { condition: CONDITION },
} as const;

/**
 * JSON Schemas of the rule and data files in `rules/data/`, by file name.
 */
export const RULE_FILE_SCHEMAS: Readonly<Record<string, object>> = {
  'questionnaire.json': QUESTIONNAIRE_SCHEMA,
  'sectors.json': SECTORS_SCHEMA,
  'screening-rules.json': SCREENING_RULES_SCHEMA,
  'indicators.json': INDICATORS_SCHEMA,
};
