import type { ExportLinkOutcome } from '../../rules/goals/report-export';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import type { GoalCards } from './goal.cards';
import { buildReportExportViewModel } from './report-export.view-model';

/** The answers to `ugerapport eksport`: the link card, or why there is none. */
export class ReportExportCards {
  constructor(
    private readonly renderer: CardRenderer,
    private readonly cards: GoalCards,
  ) {}

  /** The outcome as a card; `link` turns a granted request into the signed link (undefined: no address to link to). */
  answer(
    outcome: ExportLinkOutcome,
    now: Date,
    link: (outcome: Extract<ExportLinkOutcome, { kind: 'link' }>) => string | undefined,
  ): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'forbidden':
        return this.cards.notice('error', 'Kun for ledere', [
          'Kun teamets ledere kan hente ugerapporten som fil: den har alle medarbejderes tal.',
          'Dine egne tal ser du med **ugerapport**.',
        ]);
      case 'invalid-period':
        return this.cards.notice('error', 'Perioden kan ikke bruges', [outcome.message]);
      case 'link': {
        const url = link(outcome);
        if (url === undefined) return this.notConfigured();
        return this.renderer.render(
          'weeklyReportExport',
          buildReportExportViewModel({ period: outcome.period, url, expiresAt: outcome.expiresAt, now }),
        );
      }
    }
  }

  /** The bot does not know the address a browser reaches it at (PUBLIC_BASE_URL). */
  notConfigured(): AdaptiveCardJson {
    return this.cards.notice('warning', 'Eksporten er ikke sat op', [
      'Botten kender ikke den adresse, din browser kan hente filen fra, så den kan ikke lave et link.',
      'Bed IT om at sætte PUBLIC_BASE_URL (se deployment/env.example).',
    ]);
  }
}
