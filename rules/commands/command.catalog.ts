/** The text commands the bot understands (architecture spec, "Interfaces"), in the order help lists them. */
export type CommandId =
  | 'hjaelp'
  | 'screening'
  | 'ny_stilling'
  | 'stillinger'
  | 'mine_stillinger'
  | 'maal'
  | 'maal_tilmeld'
  | 'maal_opsaet'
  | 'maal_indikatorer'
  | 'maal_aar'
  | 'ugerapport'
  | 'ugerapport_eksport'
  | 'opfoelgning'
  | 'ressourceberegner'
  | 'indstillinger'
  | 'morgenmoede'
  | 'vis_screening'
  | 'mine_screeninger'
  | 'slet_screening'
  | 'revisionsspor'
  | 'skift_team'
  | 'overtag_gamle_data';

/** Who a command is mainly for; the help card groups by it. */
export type Audience = 'alle' | 'sagsbehandler' | 'virksomhedskonsulent' | 'leder';

export interface CommandDescription {
  id: CommandId;
  /** What the user types (Danish, lower case). */
  keyword: string;
  /** Other spellings accepted, e.g. without the Danish letters. */
  aliases: readonly string[];
  audience: Audience;
  /** One line in Danish for the help card. */
  summary: string;
  /** False while the feature is still being built; help says so and the command answers so. */
  available: boolean;
  /**
   * Whether the command stores or changes something. A repeated delivery of such a command must be
   * recognised on every instance (a stored claim); a read-only answer only needs the local memory.
   */
  changesState: boolean;
  /**
   * Only in the personal chat with the bot: its cards hold a citizen's answers (or a person's own
   * figures), and a card in a group chat or a channel is read by everyone there.
   */
  personalOnly?: boolean;
  /**
   * Why, in Danish, after the keyword in the notice a channel gets ("**mål** …"); without it the
   * notice says the command shows information about a citizen.
   */
  personalOnlyReason?: string;
  /**
   * Answers without acting for a team (help, the calculator, choosing a team): a person in no team
   * with the bot may use it. Every other command acts for the team of the turn.
   */
  teamFree?: boolean;
}

export const COMMANDS: readonly CommandDescription[] = [
  {
    id: 'hjaelp',
    keyword: 'hjælp',
    aliases: ['hjaelp', 'help', '?'],
    audience: 'alle',
    summary: 'Viser denne oversigt over kommandoer.',
    available: true,
    changesState: false,
    teamFree: true,
  },
  {
    id: 'screening',
    keyword: 'screening',
    aliases: [],
    audience: 'sagsbehandler',
    summary: 'Screen en nyledig borger ved første samtale og få en anbefalet indsats med begrundelse.',
    available: true,
    changesState: true,
    personalOnly: true,
  },
  {
    id: 'ny_stilling',
    keyword: 'ny stilling',
    aliases: ['ny-stilling'],
    audience: 'virksomhedskonsulent',
    summary: 'Registrér en jobåbning eller en virksomhedskontakt.',
    available: true,
    changesState: false,
  },
  {
    id: 'stillinger',
    keyword: 'stillinger',
    aliases: [],
    audience: 'virksomhedskonsulent',
    summary: 'Vis tavlen med åbne stillinger – gule efter en uge, røde efter to.',
    available: true,
    changesState: false,
  },
  {
    id: 'mine_stillinger',
    keyword: 'mine stillinger',
    aliases: [],
    audience: 'virksomhedskonsulent',
    summary: 'Ret eller luk de stillinger og kontakter, du selv har registreret.',
    available: true,
    changesState: false,
  },
  {
    id: 'maal',
    keyword: 'mål',
    aliases: ['maal'],
    audience: 'alle',
    summary: 'Registrér ugens tal for dine indikatorer – mål uge 7 for en tidligere uge.',
    available: true,
    changesState: false,
    personalOnly: true,
    personalOnlyReason: 'viser dine egne tal, og her kan alle i samtalen læse med.',
  },
  {
    id: 'maal_tilmeld',
    keyword: 'mål tilmeld',
    aliases: ['maal tilmeld'],
    audience: 'alle',
    summary: 'Meld dig til teamets målstyring fra denne uge (lederen kan tage dig ud igen).',
    available: true,
    changesState: true,
    personalOnly: true,
    personalOnlyReason: 'hører til i din personlige chat: dér minder botten dig om ugens tal.',
  },
  {
    id: 'opfoelgning',
    keyword: 'opfølgning',
    aliases: ['opfoelgning', 'opfølgninger', 'opfoelgninger'],
    audience: 'sagsbehandler',
    summary: 'Se de opfølgninger (13, 26 og 39 uger efter screeningen), der venter på, at du registrerer udfaldet.',
    available: true,
    changesState: false,
    personalOnly: true,
  },
  {
    id: 'ugerapport',
    keyword: 'ugerapport',
    aliases: [],
    audience: 'leder',
    summary:
      'Sidste uges mål mod resultater, screeninger og stillinger – ugerapport uge 7 [2026] for en anden uge. Medarbejdere ser deres egne tal.',
    available: true,
    changesState: false,
    personalOnly: true,
    personalOnlyReason: 'viser medarbejdernes tal, og her kan alle i samtalen læse med.',
  },
  {
    id: 'ugerapport_eksport',
    keyword: 'ugerapport eksport',
    aliases: ['ugerapport export'],
    audience: 'leder',
    summary:
      'Hent ugerapporten som fil til Excel: ugerapport eksport [uge 7 [2026]] for en uge, ugerapport eksport år [2026] for året til dato, uge for uge.',
    available: true,
    changesState: false,
    personalOnly: true,
    personalOnlyReason: 'giver et link til en fil med medarbejdernes tal, og her kan alle i samtalen læse med.',
  },
  {
    id: 'maal_opsaet',
    keyword: 'mål opsæt',
    aliases: ['maal opsaet', 'mål opsaet', 'maal opsæt'],
    audience: 'leder',
    summary: 'Vælg teamets indikatorer, hvem der er med, ugentlige mål pr. medarbejder og årsmål.',
    available: true,
    changesState: true,
    personalOnly: true,
    personalOnlyReason: 'viser medarbejdernes mål, og her kan alle i samtalen læse med.',
  },
  {
    id: 'maal_indikatorer',
    keyword: 'mål indikatorer',
    aliases: [],
    audience: 'leder',
    summary:
      'Tilføj teamets egne indikatorer, omdøb dem eller lad dem udgå (tidligere uger beholder deres navn og tal).',
    available: true,
    // The command only shows the list; its changes are the card's actions.
    changesState: false,
  },
  {
    id: 'maal_aar',
    keyword: 'mål år',
    aliases: [],
    audience: 'alle',
    summary:
      'Årets tal pr. indikator mod årsmålet og det forventede til nu, med udviklingen – mål år 2025 for et andet år. Medarbejdere ser deres egne tal.',
    available: true,
    changesState: false,
    personalOnly: true,
    personalOnlyReason: 'viser teamets eller dine egne tal, og her kan alle i samtalen læse med.',
  },
  {
    id: 'ressourceberegner',
    keyword: 'ressourceberegner',
    aliases: [],
    audience: 'leder',
    summary: 'Beregn hvor mange samtaler og årsværk en samtalefrekvens kræver.',
    available: true,
    changesState: false,
    teamFree: true,
  },
  {
    id: 'indstillinger',
    keyword: 'indstillinger',
    aliases: [],
    audience: 'leder',
    summary: 'Se og ret teamets indstillinger (ledere).',
    available: true,
    changesState: true,
  },
  {
    id: 'morgenmoede',
    keyword: 'morgenmøde',
    aliases: ['morgenmoede'],
    audience: 'leder',
    summary:
      'I teamets kanal: morgenmøde her [kl. 8.15] vælger kanalen til tavlen hver morgen; morgenmøde nu viser den straks; morgenmøde lukket 24.12 holder fri fra tavlen.',
    available: true,
    changesState: true,
  },
  {
    id: 'vis_screening',
    keyword: 'vis screening',
    aliases: [],
    audience: 'sagsbehandler',
    summary:
      'Se en screening igen: vis screening og sagsreferencen, fx vis screening J-2026-17 (din egen, eller teamets som leder).',
    available: true,
    changesState: false,
    personalOnly: true,
  },
  {
    id: 'mine_screeninger',
    keyword: 'mine screeninger',
    aliases: [],
    audience: 'sagsbehandler',
    summary: 'Se dine egne screeninger fra de seneste 8 uger, og fortsæt en, du er i gang med.',
    available: true,
    changesState: false,
    personalOnly: true,
  },
  {
    id: 'slet_screening',
    keyword: 'slet screening',
    aliases: [],
    audience: 'leder',
    summary:
      'Slet en screening på borgerens anmodning: slet screening og sagsreferencen, fx slet screening J-2026-17. Du bekræfter, før noget slettes.',
    available: true,
    // The command only shows what to confirm; the erasure is the confirmation's card action.
    changesState: false,
    personalOnly: true,
  },
  {
    id: 'revisionsspor',
    keyword: 'revisionsspor',
    aliases: ['audit trail', 'audit'],
    audience: 'leder',
    summary:
      'Se hvem der har oprettet, set, ændret og slettet en screening – også efter sletningen: revisionsspor og sagsreferencen, fx revisionsspor J-2026-17.',
    available: true,
    changesState: false,
    personalOnly: true,
  },
  {
    id: 'skift_team',
    keyword: 'skift team',
    aliases: [],
    audience: 'alle',
    summary: 'Er du med i flere teams: vælg hvilket team, du arbejder for i din personlige chat med botten.',
    available: true,
    changesState: true,
    personalOnly: true,
    personalOnlyReason: 'vælger, hvilket team du arbejder for i din personlige chat med botten.',
    teamFree: true,
  },
  {
    id: 'overtag_gamle_data',
    keyword: 'overtag gamle data',
    aliases: [],
    audience: 'leder',
    summary:
      'Flyt det, der blev gemt, før botten skelnede mellem teams, til dit team (ledere; kun når der er flere teams).',
    available: true,
    changesState: true,
  },
];
