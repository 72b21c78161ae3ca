/**
 * One citizen, as stored answers: 52 years old, skilled, no network, limited mobility. With the
 * default rules five criteria hold, the risk is high and the track is selektion.
 */
export const TYPED_ANSWERS: Readonly<Record<string, string | number | boolean>> = {
  age: 52,
  benefit: 'dagpenge',
  education: 'erhvervsfaglig',
  yearsExperience: 25,
  lastSector: 'industri',
  unstableAttachment: false,
  willingToCommute: 'begraenset',
  willingToChangeSector: 'nej',
  seesSkillsElsewhere: false,
  activeNetwork: false,
  applicationsPerWeek: 3,
  searchBreadth: 'bredt',
  clarity: 'afklaret',
  beliefInProspects: 'middel',
  personalBarriers: false,
  behaviourBarriers: false,
  danishProficiency: 'god',
  motivation: 'hoej',
  caseworkerAssessment: 'usikker',
};

/** The same answers as a caseworker clicks them on the cards: value ids, numbers as typed, yes/no as ja/nej. */
export const CARD_ANSWERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(TYPED_ANSWERS).map(([id, value]) => [
    id,
    typeof value === 'boolean' ? (value ? 'ja' : 'nej') : String(value),
  ]),
);
