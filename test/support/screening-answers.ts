/**
 * One citizen's answers as a caseworker clicks them on the cards (value ids, numbers as typed, yes/no
 * as ja/nej): 52 years old, skilled, no network, limited mobility. With the default rules: five
 * criteria hold, risk high, track selektion.
 */
export const CARD_ANSWERS: Readonly<Record<string, string>> = {
  age: '52',
  benefit: 'dagpenge',
  education: 'erhvervsfaglig',
  yearsExperience: '25',
  lastSector: 'industri',
  unstableAttachment: 'nej',
  willingToCommute: 'begraenset',
  willingToChangeSector: 'nej',
  seesSkillsElsewhere: 'nej',
  activeNetwork: 'nej',
  applicationsPerWeek: '3',
  searchBreadth: 'bredt',
  clarity: 'afklaret',
  beliefInProspects: 'middel',
  personalBarriers: 'nej',
  behaviourBarriers: 'nej',
  danishProficiency: 'god',
  motivation: 'hoej',
  caseworkerAssessment: 'usikker',
};
