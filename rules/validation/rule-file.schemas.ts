/**
 * JSON Schemas of the rule and data files in `rules/data/`, by file name. The screening features add
 * theirs (questionnaire, criteria, archetypes, target groups) here.
 */
export const RULE_FILE_SCHEMAS: Readonly<Record<string, object>> = {};
