import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { noticeCard } from '../shared/notice.cards';
import { countOf } from '../shared/formatting';

/** The cards about what a tenant stored before the bot told its teams apart. */
export class TenantDataCards {
  constructor(private readonly renderer: CardRenderer) {}

  /** Told to a leader with `indstillinger` while such data lies unclaimed. */
  waiting(count: number): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'warning',
      'Data fra før botten kendte jeres teams',
      `Der ligger ${countOf(count, 'registrering', 'registreringer')} (screeninger, stillinger, mål m.m.), som blev gemt, før botten skelnede mellem kommunens teams. De er ikke slettet, men ingen kan se dem. Hører de til dit team, så skriv **overtag gamle data** for at flytte dem hertil.`,
    );
  }

  takenOver(moved: number, kept: number): AdaptiveCardJson {
    const keptText =
      kept === 0
        ? ''
        : ` ${countOf(kept, 'registrering', 'registreringer')} blev ikke flyttet, fordi dit team allerede har en med samme id; de ligger stadig, hvor de lå.`;
    return noticeCard(
      this.renderer,
      'info',
      'Gamle data er flyttet til dit team',
      `${countOf(moved, 'registrering', 'registreringer')} hører nu til dit team.${keptText}`,
    );
  }

  nothing(): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'info',
      'Ingen gamle data',
      'Der ligger ingen data fra før botten kendte jeres teams.',
    );
  }

  notLeader(): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'error',
      'Kun for ledere',
      'Kun teamets ledere kan overtage gamle data. Intet er flyttet.',
    );
  }
}
