import { calendarDate } from '../shared/copenhagen-calendar';
import type { Clock } from '../shared/clock';
import type { Actor } from '../teams/actor';
import type { GoalFieldError } from './count-input';
import type { IndicatorCatalog } from './indicator';
import { isoWeekOfDate, type IsoWeek } from './iso-week';
import type { TeamIndicatorRepository } from './team-indicator.repository';
import {
  addTeamIndicator,
  emptyTeamIndicators,
  renameTeamIndicator,
  retireTeamIndicator,
  teamCatalog,
  type TeamIndicator,
  type TeamIndicators,
  type TeamIndicatorsChange,
  type TeamIndicatorsStamp,
} from './team-indicators';

/** The indicators a team can use: the catalogue's and the team's own (see team-indicators.ts). */
export interface TeamCatalogs {
  /** As the team had them in a week: its own indicators in use then, with the labels they had then. */
  forWeek(teamId: string, week: IsoWeek): Promise<IndicatorCatalog>;
  /** What a leader may choose for a plan now: never-retired own indicators, with today's labels. */
  forPlans(teamId: string): Promise<IndicatorCatalog>;
  /** For a year's overview: own indicators in use in any of its weeks, with the labels of `through`. */
  forYear(teamId: string, through: IsoWeek): Promise<IndicatorCatalog>;
}

/** The catalogue alone, for every team (a service built without a team's own indicators). */
export function catalogueOnly(catalog: IndicatorCatalog): TeamCatalogs {
  const same = () => Promise.resolve(catalog);
  return { forWeek: same, forPlans: same, forYear: same };
}

/** The team's indicators as a leader's card shows them. */
export interface TeamIndicatorsView {
  value: TeamIndicators;
  /** Undefined while the team has added none. */
  etag: string | undefined;
  /** Today's week: a rename applies from it, a retirement from the week after. */
  week: IsoWeek;
}

export type TeamIndicatorsOutcome =
  | { kind: 'saved'; change: 'added' | 'renamed' | 'retired'; indicator: TeamIndicator; view: TeamIndicatorsView }
  | { kind: 'invalid'; errors: GoalFieldError[]; view: TeamIndicatorsView }
  /** Another leader changed the list since the card was shown: nothing saved; here is the fresh list. */
  | { kind: 'conflict'; view: TeamIndicatorsView }
  | { kind: 'forbidden' };

/**
 * A team's own indicators (`mål indikatorer`): leaders add, rename and retire them; every other use case
 * reads the team's catalogue through {@link TeamCatalogs}. Each change is conditional on what the card
 * showed, so two leaders never overwrite each other.
 */
export class TeamIndicatorsService implements TeamCatalogs {
  constructor(
    private readonly repository: TeamIndicatorRepository,
    private readonly base: IndicatorCatalog,
    private readonly leaders: { isLeader(teamId: string, userId: string): Promise<boolean> },
    private readonly clock: Clock,
  ) {}

  get catalogue(): IndicatorCatalog {
    return this.base;
  }

  async forWeek(teamId: string, week: IsoWeek): Promise<IndicatorCatalog> {
    const own = await this.repository.get(teamId);
    return teamCatalog(this.base, own?.value, { labelsIn: week, inUse: week });
  }

  async forPlans(teamId: string): Promise<IndicatorCatalog> {
    const own = await this.repository.get(teamId);
    return teamCatalog(this.base, own?.value, { labelsIn: this.week(), inUse: 'not-retired' });
  }

  async forYear(teamId: string, through: IsoWeek): Promise<IndicatorCatalog> {
    const own = await this.repository.get(teamId);
    return teamCatalog(this.base, own?.value, { labelsIn: through, inUse: { year: through.year, week: 1 } });
  }

  /** The team's own indicators, for a leader's card; undefined for anyone else. */
  async view(actor: Actor): Promise<TeamIndicatorsView | undefined> {
    if (!(await this.leaders.isLeader(actor.teamId, actor.userId))) return undefined;
    return this.read(actor.teamId);
  }

  add(actor: Actor, basedOnEtag: unknown, raw: { label: unknown; group: unknown; newGroup: unknown }) {
    return this.change(actor, basedOnEtag, 'added', (own, stamp) => addTeamIndicator(own, this.base, raw, stamp));
  }

  rename(actor: Actor, basedOnEtag: unknown, id: unknown, label: unknown) {
    return this.change(actor, basedOnEtag, 'renamed', (own, stamp) =>
      renameTeamIndicator(own, this.base, id, label, stamp),
    );
  }

  retire(actor: Actor, basedOnEtag: unknown, id: unknown) {
    return this.change(actor, basedOnEtag, 'retired', (own, stamp) => retireTeamIndicator(own, id, stamp));
  }

  private week(): IsoWeek {
    return isoWeekOfDate(calendarDate(this.clock.now()));
  }

  private async read(teamId: string): Promise<TeamIndicatorsView> {
    const stored = await this.repository.get(teamId);
    return {
      value: stored?.value ?? emptyTeamIndicators(teamId, 'system', this.clock.now().toISOString()),
      etag: stored?.etag,
      week: this.week(),
    };
  }

  private async change(
    actor: Actor,
    basedOnEtag: unknown,
    kind: 'added' | 'renamed' | 'retired',
    apply: (own: TeamIndicators, stamp: TeamIndicatorsStamp) => TeamIndicatorsChange,
  ): Promise<TeamIndicatorsOutcome> {
    if (!(await this.leaders.isLeader(actor.teamId, actor.userId))) return { kind: 'forbidden' };
    const view = await this.read(actor.teamId);
    // A card of a team with none yet carries no etag (Teams may send it as an empty string).
    const based = typeof basedOnEtag === 'string' && basedOnEtag !== '' ? basedOnEtag : undefined;
    if (based !== view.etag) return { kind: 'conflict', view };
    const changed = apply(view.value, { by: actor.userId, at: this.clock.now().toISOString(), week: view.week });
    if (!changed.ok) return { kind: 'invalid', errors: changed.errors, view };
    const saved = await this.repository.save(changed.value, view.etag);
    if (saved === 'conflict') return { kind: 'conflict', view: await this.read(actor.teamId) };
    return {
      kind: 'saved',
      change: kind,
      indicator: changed.indicator,
      view: { value: saved.value, etag: saved.etag, week: view.week },
    };
  }
}
