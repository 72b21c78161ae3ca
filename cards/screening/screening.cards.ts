import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import {
  buildDecidedViewModel,
  buildErasureViewModel,
  buildMyScreeningsViewModel,
  buildReferenceInUseViewModel,
  buildReferenceViewModel,
  buildResultViewModel,
  buildResumeViewModel,
  buildSectionViewModel,
  referenceOf,
  SECTION_VIEW_MODEL_SLOTS,
  type Option,
} from './screening.view-models';
import type { ScreeningRecord } from '../../rules/screening/screening-record';
import type {
  ScreeningService,
  ScreeningStep,
  StartOutcome,
  SubmitOutcome,
} from '../../rules/screening/screening.service';
import { noticeCard } from '../shared/notice.cards';
import { buildAuditTrailViewModel } from './audit-trail.view-model';

type Unfinished = Awaited<ReturnType<ScreeningService['unfinished']>>;
type ViewOutcome = Awaited<ReturnType<ScreeningService['view']>>;
type MyScreenings = Awaited<ReturnType<ScreeningService['mine']>>;
type ErasureRequest = Awaited<ReturnType<ScreeningService['requestErasure']>>;
type ErasureOutcome = Awaited<ReturnType<ScreeningService['erase']>>;
type AuditTrailOutcome = Awaited<ReturnType<ScreeningService['auditTrail']>>;

/** Turns the screening use cases' outcomes into cards. */
export class ScreeningCards {
  constructor(
    private readonly renderer: CardRenderer,
    private readonly sectors: readonly Option[],
  ) {}

  reference(error = '', typed = ''): AdaptiveCardJson {
    return this.renderer.render('screeningReference', buildReferenceViewModel(error, typed));
  }

  resume(screening: ScreeningRecord, sectionCount: number): AdaptiveCardJson {
    return this.renderer.render('screeningResume', buildResumeViewModel(screening, sectionCount));
  }

  /** `screening`: the caseworker's unfinished screening to resume, else the form to start one. */
  startOrResume(unfinished: Unfinished): AdaptiveCardJson {
    return unfinished === undefined ? this.reference() : this.resume(unfinished.screening, unfinished.sectionCount);
  }

  /** The first section of a started screening, or the reference form again with why it was refused. */
  started(outcome: StartOutcome, typedReference: string): AdaptiveCardJson {
    if (outcome.kind === 'started') return this.step(outcome.step);
    if (outcome.kind === 'reference-in-use')
      return this.renderer.render('screeningReferenceInUse', buildReferenceInUseViewModel(outcome));
    return this.reference(outcome.message, outcome.keepTyped ? typedReference : '');
  }

  /** `mine screeninger`. */
  mine(outcome: MyScreenings): AdaptiveCardJson {
    return this.renderer.render('screeningList', buildMyScreeningsViewModel(outcome));
  }

  step(step: ScreeningStep): AdaptiveCardJson {
    switch (step.kind) {
      case 'section': {
        const viewModel = buildSectionViewModel({
          screening: step.screening,
          title: step.section.title,
          intro: step.section.intro,
          sectionIndex: step.sectionIndex,
          sectionCount: step.sectionCount,
          questions: step.questions,
          values: step.values,
          errors: step.errors,
          sectors: this.sectors,
        });
        // The common case, a section without errors, is filled into the section's expanded skeleton;
        // error messages may quote what was typed, so a form with errors is expanded as it is.
        return step.errors.length === 0
          ? this.renderer.renderWithSlots('screeningSection', viewModel, SECTION_VIEW_MODEL_SLOTS)
          : this.renderer.render('screeningSection', viewModel);
      }
      case 'result':
        return this.renderer.render('screeningResult', buildResultViewModel(step));
      case 'decided':
        return this.renderer.render('screeningDecided', buildDecidedViewModel(step, 'decided', this.sectors));
    }
  }

  /** A screening shown again (`vis screening`): where it stands, without acting on it. */
  view(step: ScreeningStep): AdaptiveCardJson {
    if (step.kind === 'section') {
      return noticeCard(
        this.renderer,
        'info',
        `Screening ${referenceOf(step.screening)} er i gang`,
        `Screeningen er nået til afsnit ${step.sectionIndex + 1} af ${step.sectionCount}. Sagsbehandleren fortsætter med **screening**.`,
      );
    }
    if (step.kind === 'decided')
      return this.renderer.render('screeningDecided', buildDecidedViewModel(step, 'view', this.sectors));
    return this.step(step);
  }

  /** A case reference typed after `vis screening` or `slet screening` that cannot be one. */
  private referenceProblem(
    message: string,
    command: 'vis screening' | 'slet screening' | 'revisionsspor',
  ): AdaptiveCardJson {
    return noticeCard(this.renderer, 'error', 'Sagsreference', `${message} Skriv fx: ${command} J-2026-17`);
  }

  /** `vis screening`: the newest of the screenings with the reference, or why there is none to show. */
  shown(outcome: ViewOutcome): AdaptiveCardJson {
    if (outcome.kind === 'invalid') return this.referenceProblem(outcome.message, 'vis screening');
    const { steps, hidden } = outcome;
    // Newest first: several screenings may share a reference (e.g. a citizen screened again).
    const [first] = [...steps].sort((a, b) => b.screening.updatedAt.localeCompare(a.screening.updatedAt));
    if (first !== undefined) return this.view(first);
    return noticeCard(
      this.renderer,
      'warning',
      'Ingen screening at vise',
      hidden > 0
        ? 'Screeningen med den sagsreference er en anden sagsbehandlers. Kun den sagsbehandler og teamets ledere kan se den.'
        : 'Teamet har ingen screening med den sagsreference.',
    );
  }

  /** `slet screening`: the confirmation to give once, or why there is nothing to confirm. */
  erasureRequested(outcome: ErasureRequest): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'forbidden':
        return this.leadersOnly();
      case 'invalid':
        return this.referenceProblem(outcome.message, 'slet screening');
      case 'confirm':
        return outcome.screenings.length === 0
          ? noticeCard(this.renderer, 'warning', 'Intet slettet', 'Teamet har ingen screening med den sagsreference.')
          : this.renderer.render('screeningErase', buildErasureViewModel(outcome.screenings));
    }
  }

  /** The answer to "Slet" on the confirmation: erased, or why nothing was. */
  erased(outcome: ErasureOutcome): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'forbidden':
        return this.leadersOnly();
      case 'erased':
        return noticeCard(
          this.renderer,
          'info',
          'Screening slettet',
          'Screeningen er slettet permanent, sammen med dens opfølgninger. Sletningen er registreret i revisionssporet.',
        );
      case 'already-erased':
        return noticeCard(
          this.renderer,
          'info',
          'Allerede slettet',
          'Screeningen er allerede slettet, så intet er slettet igen. Sletningen står i revisionssporet.',
        );
      case 'not-found':
        return noticeCard(
          this.renderer,
          'warning',
          'Intet slettet',
          'Teamet har ingen screening, som kortet hører til. Skriv **slet screening** og sagsreferencen for at finde den.',
        );
      case 'changed':
        return this.renderer.render(
          'screeningErase',
          buildErasureViewModel(
            [outcome.screening],
            'Screeningen er ændret, siden kortet blev vist, så intet er slettet. Sådan ser den ud nu – bekræft igen, hvis den skal slettes.',
          ),
        );
    }
  }

  /** "Fortryd" on the confirmation. */
  erasureCancelled(): AdaptiveCardJson {
    return noticeCard(this.renderer, 'info', 'Intet slettet', 'Sletningen er fortrudt. Screeningen er uændret.');
  }

  private leadersOnly(): AdaptiveCardJson {
    return noticeCard(this.renderer, 'error', 'Kun for ledere', 'Kun teamets ledere kan slette en screening.');
  }

  /**
   * `revisionsspor`: the events, named by the people in `names` (user id → display name). No events
   * gives one card whatever the reference, so another team's reference reads exactly as an unused one.
   */
  auditTrail(outcome: AuditTrailOutcome, names: ReadonlyMap<string, string>): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'forbidden':
        return noticeCard(this.renderer, 'error', 'Kun for ledere', 'Kun teamets ledere kan læse revisionssporet.');
      case 'invalid':
        return this.referenceProblem(outcome.message, 'revisionsspor');
      case 'trail':
        if (outcome.entries.length === 0) {
          return noticeCard(
            this.renderer,
            'warning',
            'Ingen hændelser',
            'Revisionssporet har ingen hændelser med den sagsreference i teamet.',
          );
        }
        return this.renderer.render(
          'screeningAudit',
          buildAuditTrailViewModel(outcome.reference, outcome.entries, names),
        );
    }
  }

  outcome(outcome: SubmitOutcome): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'step':
        return this.step(outcome.step);
      case 'not-found':
        return noticeCard(
          this.renderer,
          'error',
          'Screeningen findes ikke',
          'Den kan være slettet, eller kortet hører til en anden screening. Skriv **screening** for at starte eller fortsætte.',
        );
      case 'forbidden':
        return noticeCard(
          this.renderer,
          'error',
          'Ikke din screening',
          'Kun den sagsbehandler, der har startet screeningen, kan udfylde og afgøre den.',
        );
      case 'stale':
        return noticeCard(this.renderer, 'info', 'Allerede gemt', staleText(outcome.step));
      case 'unreadable':
        return noticeCard(
          this.renderer,
          'error',
          'Kortet kunne ikke læses',
          'Kortet sagde ikke, hvilket afsnit svarene hører til, så intet er gemt. Skriv **screening** for at fortsætte, hvor du slap.',
        );
    }
  }
}

function staleText(step: ScreeningStep): string {
  const reference = referenceOf(step.screening);
  switch (step.kind) {
    case 'section':
      return `Dette kort er ikke det nyeste for screening ${reference}, og intet blev ændret. Næste afsnit er ${step.sectionIndex + 1} af ${step.sectionCount} – skriv **screening** for at fortsætte.`;
    case 'result':
      return `Svarene til screening ${reference} er allerede gemt, og intet blev ændret. Anbefalingen venter på din beslutning – skriv **screening** for at se den.`;
    case 'decided':
      return `Screening ${reference} er allerede afgjort, og intet blev ændret.`;
  }
}
