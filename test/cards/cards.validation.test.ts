import assert from 'node:assert/strict';
import { candidateAnswerCard, candidateNoticeCard } from '../../cards/openings/candidate.cards';
import type { Opening } from '../../rules/openings/opening';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { CARD_TEMPLATES } from '../../cards/rendering/card-templates';
import { noticeCard } from '../../cards/shared/notice.cards';
import { commandSuggestionCard } from '../../cards/shared/bot-notices.cards';
import { renderStaticCards } from '../../cards/shared/static.cards';
import { cardProblems } from '../support/card-validator';
import { TYPED_ANSWERS } from '../support/screening-answers';
import { screeningDecision, screeningRecord, screeningSummary } from '../support/screening-record.fixture';
import { loadDefaultScreeningRuleset } from '../../bot/screening-ruleset.loader';
import {
  buildDecidedViewModel,
  buildMyScreeningsViewModel,
  buildReferenceInUseViewModel,
  buildReferenceViewModel,
  buildResultViewModel,
  buildResumeViewModel,
  buildSectionViewModel,
} from '../../cards/screening/screening.view-models';
import { buildSettingsViewModel } from '../../cards/teams/settings.view-model';
import { SettingsCards } from '../../cards/teams/settings.cards';
import { ScreeningCards } from '../../cards/screening/screening.cards';
import { RETENTION_DAYS } from '../../rules/screening/retention-period';
import { actionData, cardInputs } from '../support/card-inputs';
import { cardFullText, cardText } from '../support/bot-under-test';
import {
  buildBoardViewModels,
  buildOpeningFormViewModel,
  buildOwnOpeningsViewModel,
  editForm,
} from '../../cards/openings/opening.view-models';
import { buildCapacityViewModel } from '../../cards/capacity/capacity.view-model';
import { CAPACITY_DEFAULTS } from '../../rules/capacity/capacity';
import { calculateCapacity } from '../../rules/capacity/capacity.calculator';
import { parseCapacityInputs } from '../../rules/capacity/capacity-input.validation';
import { screeningRulesFrom } from '../../rules/screening/default-screening-rules';
import { intensiveShare } from '../../rules/screening/intensive-share';
import type { ScreeningRecord } from '../../rules/screening/screening-record';
import { ScreeningEvaluator } from '../../rules/screening/engine/screening.evaluator';
import type { ScreeningRuleset } from '../../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../../rules/screening/team-screening-settings';
import { FollowUpCards } from '../../cards/follow-ups/follow-up.cards';
import { TeamChoiceCards } from '../../cards/teams/team-choice.cards';
import { TenantDataCards } from '../../cards/teams/tenant-data.cards';
import { GoalCards } from '../../cards/goals/goal.cards';
import { ReportExportCards } from '../../cards/goals/report-export.cards';
import { followUpsForScreening } from '../../rules/follow-ups/follow-up';
import { carryOverPlan } from '../../rules/goals/goal-plan';
import { reportFor } from '../../rules/goals/summary-visibility';
import { defaultCatalog, plan, screening } from '../rules/goals/goal-fixtures';
import { ARCHETYPE_NAMES, WEEK_7, largeTeamSummary, logForm, teamSummary } from './goal-card-fixtures';
import { goalIndicatorsCard, goalsYearCard } from './goal-indicators-card-fixtures';

const ANSWERS = TYPED_ANSWERS;

/** The screening the screening cards show: at its second section, with a summary. */
function record(overrides: Partial<ScreeningRecord> = {}): ScreeningRecord {
  return screeningRecord({ sectionIndex: 1, summary: screeningSummary(), ...overrides });
}

/** A team with an owner, a co-leader and two more members, for the settings card. */
const LEADERSHIP = {
  owners: [{ userId: 'aad-lene', accountId: '29:lene', name: 'Lene Leder' }],
  coLeaders: [{ userId: 'aad-carl', accountId: '29:carl', name: 'Carl Medleder' }],
  members: [
    { userId: 'aad-carl', accountId: '29:carl', name: 'Carl Medleder' },
    { userId: 'aad-sara', accountId: '29:sara', name: 'Sara Sagsbehandler' },
    { userId: 'aad-vera', accountId: '29:vera', name: 'Vera Virksomhedskonsulent' },
  ],
};

describe('cards', () => {
  const renderer = new CardRenderer();
  const cards = renderStaticCards(renderer);
  let ruleset: ScreeningRuleset;
  const screeningCards: Record<string, unknown> = {};
  before(async () => {
    ruleset = await loadDefaultScreeningRuleset();
    const settings = defaultTeamScreeningSettings(ruleset);
    const rules = screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset));
    const result = await rules.evaluate(ANSWERS, settings);
    const above = intensiveShare([{ strategy: 'selektion', finalTrack: 'selektion' }], 0.3);
    const sectorOptions = ruleset.sectors.map((sector) => ({ title: sector.label, value: sector.id }));
    const sections = rules.sections(settings);
    sections.forEach((section, index) => {
      screeningCards[`screeningSection ${section.id}`] = renderer.render(
        'screeningSection',
        buildSectionViewModel({
          screening: record(),
          title: section.title,
          intro: section.intro,
          sectionIndex: index,
          sectionCount: sections.length,
          questions: rules.visibleQuestions(settings, section.id, ANSWERS),
          values: index === 0 ? { age: 'abc', benefit: 'dagpenge' } : ANSWERS,
          errors:
            index === 0
              ? [{ questionId: 'age', label: 'Alder', message: 'Alder skal være et helt tal mellem 16 og 80.' }]
              : [],
          sectors: sectorOptions,
        }),
      );
    });
    screeningCards.screeningReference = renderer.render('screeningReference', buildReferenceViewModel('', ''));
    screeningCards['screeningReference with error'] = renderer.render(
      'screeningReference',
      buildReferenceViewModel('Sagsreferencen må højst være 40 tegn.', 'x'.repeat(41)),
    );
    const awaiting = record({ status: 'awaiting_decision', answers: ANSWERS });
    screeningCards.screeningResult = renderer.render(
      'screeningResult',
      buildResultViewModel({ screening: awaiting, result, capacity: above, windowDays: 90, errors: [], typed: {} }),
    );
    screeningCards['screeningResult with errors'] = renderer.render(
      'screeningResult',
      buildResultViewModel({
        screening: awaiting,
        result,
        capacity: above,
        windowDays: 90,
        errors: ['Årsag: vælg en årsag til at fravige anbefalingen.'],
        typed: { finalTrack: 'doedvaegt', reasonText: 'tekst' },
      }),
    );
    const decision = screeningDecision({
      kind: 'overridden',
      finalTrack: 'doedvaegt',
      reasonCode: 'andet',
      reasonText: 'Begrundelse',
    });
    const questions = sections.flatMap((section) => section.questions);
    const decided = record({
      status: 'decided',
      decision,
      answers: ANSWERS,
      result: result as unknown as Record<string, unknown>,
    });
    screeningCards.screeningDecided = renderer.render(
      'screeningDecided',
      buildDecidedViewModel({ screening: decided, capacity: above, windowDays: 90, questions }),
    );
    screeningCards['screeningDecided shown again (vis screening)'] = renderer.render(
      'screeningDecided',
      buildDecidedViewModel({ screening: decided, capacity: above, windowDays: 90, questions }, 'view'),
    );
    screeningCards.screeningReferenceInUse = renderer.render(
      'screeningReferenceInUse',
      buildReferenceInUseViewModel({
        reference: 'J-2026-102',
        existing: [
          { createdAt: '2026-02-03T09:00:00.000Z', status: 'in_progress', own: true },
          { createdAt: '2026-01-03T09:00:00.000Z', status: 'decided', own: false },
        ],
        resumable: 'screening-1',
      }),
    );
    screeningCards.screeningList = renderer.render(
      'screeningList',
      buildMyScreeningsViewModel({ screenings: [record(), decided], days: 56, sectionCount: sections.length }),
    );
    screeningCards.screeningResume = renderer.render(
      'screeningResume',
      buildResumeViewModel(record(), sections.length),
    );
    screeningCards.settings = renderer.render(
      'settings',
      buildSettingsViewModel({
        settings,
        sectors: ruleset.sectors,
        canEdit: true,
        notices: ['Gemt som version 2.'],
        noticeKind: 'info',
        leadership: LEADERSHIP,
      }),
    );
    screeningCards.openingForm = renderer.render('openingForm', buildOpeningFormViewModel(ruleset.sectors));
    screeningCards['openingForm with errors'] = renderer.render(
      'openingForm',
      buildOpeningFormViewModel(ruleset.sectors, { companyName: 'Smedie', cvr: '123' }, ['CVR-nummer: skriv 8 cifre.']),
    );
    screeningCards['openingForm for an edit'] = renderer.render(
      'openingForm',
      buildOpeningFormViewModel(
        ruleset.sectors,
        { companyName: 'Smedie', seats: '2' },
        [],
        editForm('o-1', 'etag-1', 'Smedie'),
      ),
    );
    const own = {
      id: 'o-1',
      teamId: 't',
      registeredBy: { userId: 'u', name: 'Vera' },
      date: '2026-02-03T09:00:00.000Z',
      companyName: 'Smedie',
      cvr: '10150817',
      sector: 'industri',
      result: 'ordinaer_aabning' as const,
      seats: 2,
      filled: 1,
    };
    screeningCards.openingMine = renderer.render(
      'openingMine',
      buildOwnOpeningsViewModel(
        [own, { ...own, id: 'o-2', closed: { at: '2026-02-04T09:00:00.000Z', by: own.registeredBy } }],
        ruleset.sectors,
        { text: 'Gemt: Smedie.', style: 'good' },
      ),
    );
    screeningCards['openingMine empty'] = renderer.render(
      'openingMine',
      buildOwnOpeningsViewModel([], ruleset.sectors),
    );
    screeningCards.openingBoard = renderer.render(
      'openingBoard',
      buildBoardViewModels(
        { open: [], newSinceLastPost: [], openSeatsBySector: [], sectorsWithoutOpening: [] },
        ruleset.sectors,
        {
          title: 'Tavlen',
          notice: 'Besat +1',
          noticeStyle: 'good',
          chunks: [],
        },
      )[0] ?? {},
    );
    screeningCards.capacityCalculator = renderer.render('capacityCalculator', buildCapacityViewModel());
    const offer = {
      teamId: 'team-1',
      caseworkerName: 'Sara Sagsbehandler',
      caseworkerId: 'aad-sara',
      opening: {
        id: 'o-1',
        teamId: 'team-1',
        date: '2026-02-02',
        registeredBy: { userId: 'aad-vera', name: 'Vera Virksomhedskonsulent' },
        companyName: 'Bageriet ApS',
        jobFunction: 'Bager',
        sector: 'handel',
        result: 'ordinaer_aabning',
        seats: 2,
        filled: 0,
      } as unknown as Opening,
    };
    screeningCards.candidateNotice = candidateNoticeCard(renderer, offer);
    // The answer the caseworker gets (more cases in test/cards/board-cards.test.ts); here an opening without a job function.
    screeningCards.candidateAnswer = candidateAnswerCard(renderer, {
      consultantName: 'Vera Virksomhedskonsulent',
      text: 'Ring til mig i morgen.',
      offer: { ...offer, opening: { ...offer.opening, jobFunction: undefined } as unknown as Opening },
    });
    const largest = parseCapacityInputs({
      ...CAPACITY_DEFAULTS,
      citizens: '100000',
      talksPerDay: '3,5',
      intensiveSharePercent: '33,3',
    }).value;
    assert.ok(largest !== undefined);
    screeningCards['capacityCalculator with result'] = renderer.render(
      'capacityCalculator',
      buildCapacityViewModel({ typed: CAPACITY_DEFAULTS, calculation: calculateCapacity(largest) }),
    );
    const refused = parseCapacityInputs({ ...CAPACITY_DEFAULTS, citizens: '-5', intensiveSharePercent: 'mange' });
    screeningCards['capacityCalculator with errors'] = renderer.render(
      'capacityCalculator',
      buildCapacityViewModel({ typed: refused.typed, errors: refused.errors.map((error) => error.message) }),
    );
    const teamCards = new TeamChoiceCards(renderer);
    const teams = [
      { teamId: '19:jobklar@thread.tacv2', name: 'Jobklar 30+' },
      { teamId: '19:unge@thread.tacv2', name: 'Ungeteam' },
    ];
    screeningCards.teamChoice = teamCards.choose(teams);
    screeningCards['teamChoice with the current team'] = teamCards.choose(teams, teams[1]?.teamId);
    screeningCards['notice no team'] = teamCards.noTeam();
    const tenantData = new TenantDataCards(renderer);
    screeningCards['notice tenant data waiting'] = tenantData.waiting(12);
    screeningCards['notice tenant data taken over'] = tenantData.takenOver(11, 1);
    const trailOf = (count: number, screeningIds: readonly string[]) =>
      Array.from({ length: count }, (_, index) => ({
        at: new Date(Date.UTC(2026, 1, 3, 9, index)).toISOString(),
        actorId: index % 3 === 0 ? 'system' : index % 3 === 1 ? 'aad-sara' : 'aad-gone',
        action: 'update' as const,
        detail: ['started', 'section-borgeren-answered', 'accepted', 'erased-on-request', 'x-unknown'][index % 5] ?? '',
        screeningId: screeningIds[index % screeningIds.length] ?? 's-1',
      }));
    const names = new Map([['aad-sara', 'Sara Sagsbehandler med et meget langt navn fra forvaltningen']]);
    const trailCards = new ScreeningCards(renderer, sectorOptions);
    screeningCards.screeningAudit = trailCards.auditTrail(
      { kind: 'trail', reference: 'J-2026-17', entries: trailOf(10, ['s-1']) },
      names,
    );
    screeningCards['screeningAudit of several screenings, more than a card holds'] = trailCards.auditTrail(
      { kind: 'trail', reference: 'J-2026-17-med-en-lang-reference-x', entries: trailOf(200, ['s-1', 's-2']) },
      names,
    );
    screeningCards['notice screeningAudit without events'] = trailCards.auditTrail(
      { kind: 'trail', reference: 'J-1', entries: [] },
      names,
    );
    const toErase = [
      { value: record({ id: 's-new', status: 'decided', decision: screeningDecision() }), etag: '"etag-new"' },
      { value: record({ id: 's-old', createdAt: '2025-11-03T09:00:00.000Z' }), etag: '"etag-old"' },
    ];
    screeningCards.screeningErase = trailCards.erasureRequested({ kind: 'confirm', screenings: toErase.slice(0, 1) });
    screeningCards['screeningErase of several screenings'] = trailCards.erasureRequested({
      kind: 'confirm',
      screenings: toErase,
    });
    screeningCards['screeningErase after a change'] = trailCards.erased({
      kind: 'changed',
      screening: { value: record({ status: 'awaiting_decision' }), etag: '"etag-2"' },
    });
    screeningCards['notice screeningErase erased'] = trailCards.erased({ kind: 'erased', screening: record() });
    screeningCards['notice screeningErase already erased'] = trailCards.erased({ kind: 'already-erased' });
    screeningCards['notice screeningErase cancelled'] = trailCards.erasureCancelled();
    const settingsCards = new SettingsCards(renderer, ruleset.sectors);
    screeningCards['settings with a retention held to the range'] = settingsCards.shown({
      settings: { ...settings, retentionDays: 365 },
      canEdit: true,
      leadership: LEADERSHIP,
      held: [{ field: 'retentionDays', stored: 3650, applied: 365 }],
    });
    screeningCards['settings read-only'] = renderer.render(
      'settings',
      buildSettingsViewModel({
        settings,
        sectors: ruleset.sectors,
        canEdit: false,
        notices: [],
        noticeKind: 'info',
        leadership: { owners: [], coLeaders: [], members: [] },
      }),
    );
  });

  before(() => {
    const goals = new GoalCards(renderer, { archetypeNames: ARCHETYPE_NAMES });
    const followUpCards = new FollowUpCards(renderer);
    const catalog = defaultCatalog();
    const stored = { plan: plan({ annualTargets: { kanvas: 1060 } }), etag: 'etag-1' };
    const planInput = { view: stored, catalog, currentWeek: WEEK_7 };
    screeningCards.goalLog = goals.logForm({ form: logForm() });
    screeningCards['goalLog with a reminder, errors and typed values'] = goals.logForm({
      form: logForm({ submittedAt: '2026-02-12T09:00:00.000Z' }),
      notices: ['Påmindelse: du har ikke registreret dine tal for uge 7 endnu.'],
      noticeStyle: 'warning',
      errors: [{ field: 'kanvas', message: 'Kanvas: skriv et helt tal fra 0 til 999.' }],
      typed: { kanvas: 'mange', aabninger_ordinaere: '1000' },
    });
    screeningCards.goalLogSaved = goals.logSaved(logForm(), true);
    screeningCards.goalsNotice = goals.notice('info', 'Du er ikke med', ['Skriv **mål tilmeld**.'], ['setup', 'join']);
    screeningCards['goalsNotice without buttons'] = goals.notice('error', 'Ugen kan ikke bruges', [
      'Ugen findes ikke.',
    ]);
    screeningCards.goalSetup = goals.setup({ ...planInput, notices: ['Gemt.'], noticeStyle: 'good' });
    screeningCards['goalSetup of a new team'] = goals.setup({
      view: { plan: plan({ indicators: [], members: [], goals: [] }), etag: undefined },
      catalog,
      currentWeek: WEEK_7,
    });
    screeningCards['goalSetup carried over, with errors'] = goals.setup({
      view: { plan: carryOverPlan(plan({ year: 2025 }), 2026), etag: undefined },
      catalog,
      currentWeek: WEEK_7,
      errors: [{ field: 'fromWeek', message: 'Fra uge: skriv en uge fra 1 til 53 (2026 har 53 uger).' }],
      typed: { members: 'u-mette', membersFromWeek: '60' },
    });
    screeningCards.goalPlanForm = goals.memberGoals({ ...planInput, userId: 'u-mette' });
    screeningCards.goalGrid = goals.teamGoals({ ...planInput, part: 0 });
    screeningCards['goalPlanForm for annual targets'] = goals.annualTargets({
      ...planInput,
      notices: ['Målstyringen er ændret af en anden.'],
      noticeStyle: 'warning',
    });
    const summary = teamSummary();
    screeningCards.weeklyReportTeam = goals.teamReport(summary, { notices: ['Mandagens ugerapport.'] })[0];
    goals.teamReport(largeTeamSummary()).forEach((card, index) => {
      screeningCards[`weeklyReportTeam large, part ${index + 1}`] = card;
    });
    screeningCards.weeklyReportMember = goals.report(reportFor({ userId: 'u-ali', isLeader: false }, summary))[0];
    const exportCards = new ReportExportCards(renderer, goals);
    const linkTo = () => `http://127.0.0.1:3978/exports/${'a'.repeat(300)}.${'b'.repeat(43)}`;
    const asked = new Date('2026-02-11T09:00:00Z');
    screeningCards.weeklyReportExport = exportCards.answer(
      {
        kind: 'link',
        period: { kind: 'week', from: WEEK_7, to: WEEK_7 },
        expiresAt: new Date(asked.getTime() + 900_000),
      },
      asked,
      linkTo,
    );
    screeningCards['weeklyReportExport of a year, past midnight'] = exportCards.answer(
      {
        kind: 'link',
        period: { kind: 'year', from: { year: 2026, week: 1 }, to: { year: 2026, week: 53 } },
        expiresAt: new Date('2027-01-05T23:05:00Z'),
      },
      new Date('2027-01-05T22:55:00Z'),
      linkTo,
    );
    screeningCards['goalsNotice export refused'] = exportCards.answer({ kind: 'forbidden' }, asked, linkTo);
    screeningCards['goalsNotice export period'] = exportCards.answer(
      { kind: 'invalid-period', message: 'Uge 9 2026 er ikke begyndt endnu.' },
      asked,
      linkTo,
    );
    screeningCards['goalsNotice export not set up'] = exportCards.answer(
      { kind: 'link', period: { kind: 'week', from: WEEK_7, to: WEEK_7 }, expiresAt: asked },
      asked,
      () => undefined,
    );
    const [followUp] = followUpsForScreening(screening({ caseReference: 'J-2026-17' }));
    screeningCards.followUps = followUp === undefined ? {} : followUpCards.reminder(followUp);
    screeningCards['followUps list'] = followUpCards.list(
      followUpsForScreening(screening()).concat(
        ...Array.from({ length: 4 }, (_, index) => followUpsForScreening(screening({ id: `s-${index}` }))),
      ),
      { text: 'Gemt: J-2026-1, 13 uger efter screeningen: I job.', style: 'good' },
    );
    screeningCards['followUps empty list'] = followUpCards.list([]);
    const [retained] = followUpsForScreening(screening({ caseReference: undefined }));
    screeningCards['followUps after retention'] = retained === undefined ? {} : followUpCards.reminder(retained);
    screeningCards['screeningDecided after retention'] = renderer.render(
      'screeningDecided',
      buildDecidedViewModel({
        screening: record({
          status: 'decided',
          caseReference: undefined,
          answers: undefined,
          decision: screeningDecision({ kind: 'overridden', finalTrack: 'doedvaegt', reasonCode: 'andet' }),
        }),
        capacity: intensiveShare([], 0.3),
        windowDays: 90,
        questions: [],
      }),
    );
  });

  it('when every screening and settings card variant is rendered, then the validator finds nothing wrong in any', () => {
    assert.ok(Object.keys(screeningCards).length >= 12);
    for (const [name, card] of Object.entries(screeningCards)) assert.deepEqual(cardProblems(card), [], name);
  });

  it('when the settings card asks for the retention, then the field allows 7–365 days and says so in Danish', () => {
    const field = cardInputs(screeningCards.settings).find((input) => input.id === 'retentionDays')?.node;
    assert.equal(field?.min, RETENTION_DAYS.min);
    assert.equal(field?.max, RETENTION_DAYS.max);
    assert.equal(field?.errorMessage, 'Skriv et helt tal mellem 7 og 365.');
  });

  it('when a stored retention is held to the range, then the card says what was stored, what applies, and what to do', () => {
    const card = screeningCards['settings with a retention held to the range'];
    assert.match(
      cardText(card),
      /Opbevaring af svar er gemt som 3\.650 dage, men skal nu være mellem 7 og 365 dage\. Botten sletter derfor svarene efter 365 dage\. Gem indstillingerne/,
    );
    assert.equal(cardInputs(card).find((input) => input.id === 'retentionDays')?.node.value, 365);
  });

  it('when the audit trail is shown, then each event has its Copenhagen time, who and what in Danish, and a long trail is cut with a note', () => {
    const text = cardText(screeningCards.screeningAudit);
    assert.match(text, /Sagsreference J-2026-17 · 10 hændelser/);
    assert.match(text, /3\. feb\. 2026 kl\. 10\.00\nBotten \(automatisk\)\nScreeningen er oprettet/);
    assert.match(
      text,
      /kl\. 10\.01\nSara Sagsbehandler med et meget langt navn fra forvaltningen\nEt afsnit er besvaret/,
    );
    assert.match(text, /kl\. 10\.02\nTidligere medlem af teamet \(aad-gone\)\nAnbefalingen er accepteret/);
    assert.match(text, /Slettet på anmodning\n.*\n.*\nÆndret/);
    const long = cardText(screeningCards['screeningAudit of several screenings, more than a card holds']);
    assert.match(long, /200 hændelser · 2 screeninger/);
    assert.match(long, /Screening 2: Et afsnit er besvaret/);
    assert.match(long, /de 40 nyeste hændelser; 160 ældre er ikke vist/);
  });

  it('when a follow-up or a screening has lost its case reference to retention, then the card names the screening date instead', () => {
    const reminder = cardText(screeningCards['followUps after retention']);
    assert.match(reminder, /^Opfølgning efter 13 uger: Screeningen 10\. feb\. 2026\n/);
    assert.match(reminder, /siden du screenede en borger 10\. feb\. 2026, som fik «[^»]+»\. Sagsreferencen er slettet/);
    assert.doesNotMatch(JSON.stringify(screeningCards['followUps after retention']), /undefined/);
    const decided = cardFullText(screeningCards['screeningDecided after retention']);
    assert.match(decided, /Sagsreference\n\(sagsreferencen er slettet\)/);
    assert.doesNotMatch(decided, /undefined/);
  });

  it('when an erasure is to be confirmed, then the card names the screening and offers "Slet" (with its id and version) and "Fortryd"', () => {
    const card = screeningCards.screeningErase as Record<string, unknown>;
    assert.match(
      cardFullText(card),
      /^Slet screeningen\?\nScreeningen slettes permanent[^\n]*\nSagsreference\nJ-2026-17\nStartet\nden 3\. feb\. 2026\nStatus\nAfgjort 3\. feb\. 2026: Tidlig, intensiv indsats\nSlet\nSlet\nFortryd\nFortryd$/,
    );
    assert.deepEqual(actionData(card, 'screening.erase'), {
      verb: 'screening.erase',
      answer: 'slet',
      screeningId: 's-new',
      etag: '"etag-new"',
    });
    const actions = (card.actions ?? []) as {
      type: string;
      title: string;
      data: unknown;
      fallback?: { type: string };
    }[];
    assert.deepEqual(
      actions.map((action) => [action.type, action.title, action.fallback?.type]),
      [
        ['Action.Execute', 'Slet', 'Action.Submit'],
        ['Action.Execute', 'Fortryd', 'Action.Submit'],
      ],
    );
    assert.deepEqual(actions[1]?.data, { verb: 'screening.erase', answer: 'fortryd' });
    const several = cardFullText(screeningCards['screeningErase of several screenings']);
    assert.match(several, /^Slet en af 2 screeninger\?/);
    assert.match(
      several,
      /Status\nAfgjort 3\. feb\. 2026: Tidlig, intensiv indsats\nSlet denne\n.*Startet\nden 3\. nov\. 2025\nStatus\nI gang[^\n]*\nSlet denne\nSlet denne\nFortryd\nFortryd$/s,
    );
    assert.match(
      cardText(screeningCards['screeningErase after a change']),
      /ændret, siden kortet blev vist, så intet er slettet/,
    );
  });

  it('when a section card is shown again with errors, then the typed values are in the form', () => {
    const card = JSON.stringify(screeningCards['screeningSection borgeren']);
    assert.match(card, /"id":"benefit"[^}]*"value":"dagpenge"/);
    assert.match(card, /Alder skal være et helt tal/);
  });

  const everyCard: Record<string, unknown> = {
    help: cards.help,
    helpForUnknown: cards.helpForUnknown,
    welcome: cards.welcome,
    noticeInfo: noticeCard(renderer, 'info', 'Titel', 'Tekst med **fed**'),
    noticeWarning: noticeCard(renderer, 'warning', 'Titel', 'Tekst'),
    noticeError: noticeCard(renderer, 'error', 'Titel', 'Tekst'),
    commandSuggestion: commandSuggestionCard(renderer, [{ keyword: 'ny stilling' }, { keyword: 'mine stillinger' }]),
    goalIndicators: goalIndicatorsCard(renderer),
    goalsYear: goalsYearCard(renderer),
  };

  for (const [name, card] of Object.entries(everyCard)) {
    it(`when the ${name} card is rendered, then the adaptivecards validator finds nothing wrong`, () => {
      assert.deepEqual(cardProblems(card), []);
    });
  }

  it('when a card has an unknown element, a duplicate input id, version 1.6, "${" and a <placeholder>, then each is reported', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.6',
      body: [
        { type: 'Bogus' },
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
        { type: 'TextBlock', text: '${missing}' },
        { type: 'TextBlock', text: 'slet screening <sagsreference>' },
      ],
    }).join('\n');
    assert.match(problems, /Bogus/);
    assert.match(problems, /angle brackets, which Teams drops as HTML: <sagsreference>/);
    assert.match(problems, /Duplicate Id/);
    assert.match(problems, /version 1\.6/);
    assert.match(problems, /\$\{/);
  });

  it('when a card mentions someone with <at>, then that is not taken for a stray tag', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: '<at>Vera</at> har en kandidat' }],
    };
    assert.deepEqual(cardProblems(card), []);
  });

  it('when a card is larger than the limit, then its size is reported', () => {
    const big = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(30_000) }] };
    assert.match(cardProblems(big).join('\n'), /bytes, over/);
  });

  it('when the templates are listed, then each is schema 1.5 and each is rendered above', () => {
    for (const template of Object.values(CARD_TEMPLATES)) assert.equal(template.version, '1.5');
    const names = [...Object.keys(everyCard), ...Object.keys(screeningCards)];
    const covered = new Set(names.map((name) => name.replace(/(ForUnknown|Info|Warning|Error)$/, '').split(' ')[0]));
    assert.deepEqual([...covered].sort(), Object.keys(CARD_TEMPLATES).sort());
  });

  it('when a card is read together on a shared screen (the board, the weekly report, the goals set-up, the calculator), then it asks Teams for the full width', () => {
    const shared = [
      'openingBoard',
      'weeklyReportTeam',
      'weeklyReportMember',
      'goalSetup',
      'goalPlanForm',
      'goalGrid',
      'capacityCalculator',
    ];
    for (const name of shared) {
      const template = (CARD_TEMPLATES as Record<string, { msteams?: { width?: string } }>)[name];
      assert.ok(template !== undefined, `no template ${name}`);
      assert.equal(template.msteams?.width, 'Full', name);
    }
  });

  it('when the help card is rendered, then it lists every command of the spec', () => {
    const json = JSON.stringify(cards.help);
    for (const keyword of [
      'hjælp',
      'screening',
      'ny stilling',
      'stillinger',
      'mål',
      'ugerapport',
      'ressourceberegner',
      'indstillinger',
    ]) {
      assert.ok(json.includes(`"${keyword}"`), `help card lacks ${keyword}`);
    }
  });
});
