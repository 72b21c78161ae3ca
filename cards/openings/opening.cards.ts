import { OPENING_RESULT_LABELS, type Opening } from '../../rules/openings/opening';
import {
  formValuesOf,
  type CloseOutcome,
  type FillResult,
  type ManageRefusal,
  type UpdateOutcome,
} from '../../rules/openings/openings.service';
import type { Sector } from '../../rules/screening/screening.types';
import type { Versioned } from '../../rules/shared/versioned';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { noticeCard } from '../shared/notice.cards';
import type { Notice } from './board.cards';
import { buildOpeningFormViewModel, buildOwnOpeningsViewModel, editForm } from './opening.view-models';

/** Turns the openings use cases' outcomes into cards: the form, the own list and their notices. */
export class OpeningCards {
  constructor(
    private readonly renderer: CardRenderer,
    private readonly sectors: readonly Sector[],
  ) {}

  /** The registration form, empty or as typed with its errors. */
  registerForm(typed?: Readonly<Record<string, string>>, errors?: readonly string[]): AdaptiveCardJson {
    return this.renderer.render('openingForm', buildOpeningFormViewModel(this.sectors, typed, errors));
  }

  registered(opening: Opening): AdaptiveCardJson {
    const seats = opening.seats > 0 ? `, ${opening.seats} plads${opening.seats === 1 ? '' : 'er'}` : '';
    return noticeCard(
      this.renderer,
      'info',
      'Registreret',
      `${opening.companyName}: ${OPENING_RESULT_LABELS[opening.result]}${seats}. Skriv **stillinger** for at se tavlen, eller **mine stillinger** for at rette eller lukke registreringen.`,
    );
  }

  /** A board card without a board to show (no open openings): the notice on its own. */
  boardNotice(notice: Notice): AdaptiveCardJson {
    return noticeCard(this.renderer, 'info', 'Tavlen', notice.text);
  }

  ownList(openings: readonly Opening[], notice?: Notice): AdaptiveCardJson {
    return this.renderer.render('openingMine', buildOwnOpeningsViewModel(openings, this.sectors, notice));
  }

  editForm({ value, etag }: Versioned<Opening>): AdaptiveCardJson {
    return this.renderer.render(
      'openingForm',
      buildOpeningFormViewModel(this.sectors, formValuesOf(value), [], editForm(value.id, etag, value.companyName)),
    );
  }

  /** The edit form again after a refused save: what was typed, and why nothing was saved. */
  editRefused(
    openingId: string,
    outcome: Extract<UpdateOutcome, { kind: 'invalid' | 'changed-meanwhile' }>,
  ): AdaptiveCardJson {
    if (outcome.kind === 'invalid') {
      const mode = editForm(openingId, outcome.etag, outcome.typed.companyName ?? '');
      const errors = outcome.errors.map((error) => error.message);
      return this.renderer.render('openingForm', buildOpeningFormViewModel(this.sectors, outcome.typed, errors, mode));
    }
    const { value, etag } = outcome.current;
    const message =
      `Registreringen er ændret af en anden, mens du rettede (nu ${value.filled} af ${value.seats} besat` +
      `${value.closed === undefined ? '' : ', lukket'}). Intet er gemt. Dine rettelser står herunder – tjek dem og gem igen.`;
    const mode = editForm(value.id, etag, value.companyName);
    return this.renderer.render('openingForm', buildOpeningFormViewModel(this.sectors, outcome.typed, [message], mode));
  }

  refused(outcome: ManageRefusal): AdaptiveCardJson {
    return outcome.kind === 'not-found'
      ? noticeCard(
          this.renderer,
          'warning',
          'Registreringen findes ikke længere',
          'Skriv **mine stillinger** for listen.',
        )
      : noticeCard(
          this.renderer,
          'error',
          'Ikke din registrering',
          `${outcome.opening.companyName} er registreret af ${outcome.opening.registeredBy.name}. Kun den, der registrerede den, og teamets ledere kan rette eller lukke den. Intet er ændret.`,
        );
  }
}

/** The line above the board after `Besat +1`. */
export function fillNotice(outcome: FillResult): Notice {
  switch (outcome.kind) {
    case 'filled':
      return {
        text: `Besat +1: ${outcome.opening.companyName} har nu ${outcome.opening.filled} af ${outcome.opening.seats} besat.`,
        style: 'good',
      };
    case 'already-full':
      return {
        text: `Alle pladser hos ${outcome.opening.companyName} var allerede besat – intet er ændret.`,
        style: 'warning',
      };
    case 'closed':
      return {
        text: `Registreringen for ${outcome.opening.companyName} er lukket af ${outcome.opening.closed?.by.name ?? 'en kollega'} – intet er ændret.`,
        style: 'warning',
      };
    case 'not-found':
      return { text: 'Stillingen findes ikke længere. Tavlen herunder er den aktuelle.', style: 'warning' };
  }
}

/** The line above one's own list after closing or reopening a registration. */
export function closeNotice(outcome: Exclude<CloseOutcome, ManageRefusal>, close: boolean): Notice {
  const name = outcome.opening.companyName;
  switch (outcome.kind) {
    case 'closed':
      return { text: `Registreringen for ${name} er lukket og er ikke længere på tavlen.`, style: 'good' };
    case 'reopened':
      return { text: `Registreringen for ${name} er åbnet igen.`, style: 'good' };
    case 'unchanged':
      return {
        text: `Registreringen for ${name} var allerede ${close ? 'lukket' : 'åben'} – intet er ændret.`,
        style: 'warning',
      };
  }
}
