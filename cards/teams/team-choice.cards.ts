import type { TeamChoice } from '../../rules/teams/team';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { noticeCard } from '../shared/notice.cards';

/** The cards about which team a person acts for (spec §0: personal chat → team). */
export class TeamChoiceCards {
  constructor(private readonly renderer: CardRenderer) {}

  /** Several teams and no choice yet (or `skift team`): one button per team. */
  choose(teams: readonly TeamChoice[], current?: string): AdaptiveCardJson {
    const now = teams.find((team) => team.teamId === current);
    return this.renderer.render('teamChoice', {
      title: 'Hvilket team arbejder du for?',
      text:
        (now === undefined ? 'Du er med i flere teams, der bruger botten. ' : `Du arbejder nu for **${now.name}**. `) +
        'Vælg det team, din personlige chat med botten skal gælde for. Du kan skifte senere med **skift team**.',
      teams: teams.map((team) => ({ teamId: team.teamId, title: team.name })),
    });
  }

  /** The person is in no team that has the bot (or, in a channel, not a member of its team). */
  noTeam(): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'info',
      'Botten kender ikke dit team endnu',
      'Du er ikke medlem af et team, hvor Jobcenterbot er tilføjet. Bed en ejer af jeres team i Teams om at tilføje botten til teamet (Administrer team → Apps), så kan du bruge den her. Intet er gemt.',
    );
  }

  chosen(team: TeamChoice): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'info',
      `Du arbejder nu for ${team.name}`,
      'Det du skriver til botten i din personlige chat gælder nu dette team. Skriv **hjælp** for at se, hvad du kan.',
    );
  }

  /** A choice of a team the person is not (or no longer) a member of: nothing changed. */
  notChosen(): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'warning',
      'Teamet kan ikke vælges',
      'Du er ikke medlem af det team (længere), eller kortet er forældet. Intet er ændret. Skriv **skift team** for at se dine teams.',
    );
  }

  /** `skift team` for someone in exactly one team. */
  onlyOne(team: TeamChoice): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'info',
      `Du arbejder for ${team.name}`,
      'Du er kun med i ét team, der bruger botten, så der er ikke noget at skifte til.',
    );
  }
}
