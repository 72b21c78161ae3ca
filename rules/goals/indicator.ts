/**
 * The indicators a team can set weekly goals on and log (spec §3.1, from the seed's weekly sheet
 * "Målstyring – ugeskema"). They are data (rules/data/indicators.json): the ids are stable, the labels
 * Danish, and a team picks which it uses in its goal plan.
 */

/**
 * What the bot already counts for an indicator, so the member's weekly card comes prefilled:
 * `screenings` — screenings the member completed (decided) that week as caseworker;
 * `openings:<result>` — openings the member registered that week with that result (spec §2.1).
 */
export const PREFILL_SOURCES = [
  'screenings',
  'openings:ordinaer_aabning',
  'openings:praktikplads',
  'openings:loentilskud',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

export interface IndicatorGroup {
  id: string;
  /** Danish heading, e.g. "Afholdt". */
  label: string;
}

export interface IndicatorDefinition {
  /** Stable id (snake_case ASCII): stored logs, goals and card inputs use it. */
  id: string;
  /** The id of its group. */
  group: string;
  /** Danish, unique, readable without the group heading ("Jobåbninger – praktik"). */
  label: string;
  prefill?: PrefillSource;
}

export interface IndicatorCatalog {
  version: string;
  /** In the order the cards show them. */
  groups: IndicatorGroup[];
  /** In the order the cards show them, grouped. */
  indicators: IndicatorDefinition[];
}
