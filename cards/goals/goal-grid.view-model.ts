/**
 * The goals grid of `mål opsæt`: every member's weekly goal for every indicator on one card, to fill in and
 * save at once. Cards are drawn narrow (about 446 px in the Playground), so the grid is a stack of small
 * tables: rows are the indicators, columns are up to two members. A large team (25 members × 15
 * indicators) is split into parts of members (four of six or seven), each a card of its own that saves only its own members, so
 * every card stays well under Teams' message size.
 *
 * Input ids are short (`g<member>_<indicator>`, positions in the lists the card's save button carries), so
 * a cell costs few bytes; {@link gridCellsOf} reads them back as member and indicator ids.
 */
import { isMemberInWeek, weeklyGoal, type GoalPlan, type PlanMember } from '../../rules/goals/goal-plan';
import { MAX_WEEKLY_GOAL, type TeamGoalCell } from '../../rules/goals/goal-plan.changes';
import type { IndicatorCatalog, IndicatorDefinition } from '../../rules/goals/indicator';
import { indicatorsIn } from '../../rules/goals/indicator-catalog';
import { weeksInYear } from '../../rules/goals/iso-week';
import { formatCount, typedNumber } from '../shared/formatting';
import { defaultFromWeek, planCommon, type PlanCardInput } from './goal-plan.view-models';

/**
 * Members side by side in one table: at 446 px, two columns of about 100 px beside the indicator's name show a
 * name like "Christoffer" or "Bækgaard-Søndergaard" without breaking it inside a word (three do not).
 */
export const MEMBERS_PER_TABLE = 2;
/**
 * Boxes on one card at most: a box costs about 70 bytes of card JSON and each table repeats the indicators'
 * names, so 120 boxes (8 members × 15 indicators) make a card of about 20 KB, under the 24 KB kept for cards.
 */
export const MAX_CELLS_PER_PART = 120;

type Typed = Readonly<Record<string, unknown>>;

/** The input id of a member's (by position) goal for an indicator (by position). */
export function gridCellId(memberIndex: number, indicatorIndex: number): string {
  return `g${memberIndex}_${indicatorIndex}`;
}

function idsOf(raw: unknown): string[] {
  return typeof raw === 'string' ? raw.split(',').filter((id) => id !== '') : [];
}

/**
 * The cells a grid card sent: for each member and indicator the card listed (`members`, `indicators`), what
 * was typed in its box. A box the card did not send is left out (nothing to change).
 */
export function gridCellsOf(data: Typed): TeamGoalCell[] {
  const members = idsOf(data.members);
  const indicators = idsOf(data.indicators);
  return members.flatMap((userId, m) =>
    indicators.flatMap((indicatorId, i) => {
      const id = gridCellId(m, i);
      return id in data ? [{ userId, indicatorId, raw: data[id] }] : [];
    }),
  );
}

/** The members the grid shows for a week (those who log it), by name. */
function gridMembers(plan: GoalPlan, week: number): PlanMember[] {
  return plan.members
    .filter((member) => isMemberInWeek(member, week))
    .sort((a, b) => a.name.localeCompare(b.name, 'da-DK'));
}

/** How many members one card holds with this many indicators: parts of even size (7, 6, 6, 6 rather than 8, 8, 8, 1). */
function membersPerPart(indicatorCount: number, memberCount: number): number {
  const most = Math.max(1, Math.floor(MAX_CELLS_PER_PART / Math.max(1, indicatorCount)));
  const parts = Math.max(1, Math.ceil(memberCount / most));
  return Math.max(1, Math.ceil(memberCount / parts));
}

/** A part's members in tables of at most {@link MEMBERS_PER_TABLE}, of even size. */
function tablesOf(members: readonly PlanMember[]): PlanMember[][] {
  const count = Math.ceil(members.length / MEMBERS_PER_TABLE);
  const tables: PlanMember[][] = [];
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    const size = Math.ceil((members.length - start) / (count - index));
    tables.push(members.slice(start, start + size));
    start += size;
  }
  return tables;
}

/** The grid's parts for the week changes apply from: each a list of members. */
export function gridParts(plan: GoalPlan, catalog: IndicatorCatalog, week: number): PlanMember[][] {
  const members = gridMembers(plan, week);
  const size = membersPerPart(indicatorsIn(catalog, plan.indicators).length, members.length);
  const parts: PlanMember[][] = [];
  for (let start = 0; start < members.length; start += size) parts.push(members.slice(start, start + size));
  return parts;
}

/** What was typed in the box for a member and indicator, read through the lists the card carried. */
function typedCell(typed: Typed | undefined, userId: string, indicatorId: string): string | undefined {
  if (typed === undefined) return undefined;
  const cell = gridCellsOf(typed).find((each) => each.userId === userId && each.indicatorId === indicatorId);
  if (cell === undefined) return undefined;
  return typeof cell.raw === 'string' ? cell.raw : typeof cell.raw === 'number' ? String(cell.raw) : '';
}

function range(part: readonly PlanMember[], offset: number, total: number): string {
  return `Medarbejdere ${offset + 1}–${offset + part.length} af ${total}`;
}

export interface GoalGridInput extends PlanCardInput {
  /** Which part of the members (0-based); out of range shows the last part. */
  part: number;
}

/** One grid card. Input ids: fromWeek, and {@link gridCellId} per member and indicator. */
export function buildGoalGridViewModel(input: GoalGridInput) {
  const { plan } = input.view;
  const week = defaultFromWeek(plan, input.currentWeek);
  const shownWeek = input.typed?.fromWeek !== undefined ? typedNumber(input.typed.fromWeek) : week;
  const goalWeek = typeof shownWeek === 'number' && Number.isInteger(shownWeek) && shownWeek >= 1 ? shownWeek : week;
  const indicators: IndicatorDefinition[] = indicatorsIn(input.catalog, plan.indicators);
  const parts = gridParts(plan, input.catalog, week);
  const partIndex = Math.max(0, Math.min(input.part, parts.length - 1));
  const members = parts[partIndex] ?? [];
  const offset = parts.slice(0, partIndex).reduce((sum, each) => sum + each.length, 0);
  const total = parts.reduce((sum, each) => sum + each.length, 0);
  const goalText = (member: PlanMember, indicatorId: string): string => {
    const goal = weeklyGoal(plan, member.userId, indicatorId, goalWeek);
    return goal === undefined || goal === 0 ? '' : String(goal);
  };
  let start = 0;
  const tables = tablesOf(members).map((group, table) => {
    const first = start;
    start += group.length;
    return {
      // The indicator's column holds "Virksomhedskontakter" whole.
      columns: [{ width: 5 }, ...group.map(() => ({ width: 3 }))],
      names: group.map((member) => ({ name: member.name })),
      rows: indicators.map((indicator, i) => {
        const target = plan.annualTargets[indicator.id];
        return {
          label: indicator.label,
          // Once per card, beside the first table's rows: the other tables would only repeat it.
          target: target === undefined || table > 0 ? '' : `Årsmål ${formatCount(target)}`,
          inputs: group.map((member, g) => ({
            id: gridCellId(first + g, i),
            value: typedCell(input.typed, member.userId, indicator.id) ?? goalText(member, indicator.id),
          })),
        };
      }),
    };
  });
  // Short titles ("Nr. 15–21"): three buttons side by side fit a card drawn 446 px wide.
  const navigation = parts.flatMap((part, index) => {
    if (index === partIndex) return [];
    const before = parts.slice(0, index).reduce((sum, each) => sum + each.length, 0);
    return [{ title: `Nr. ${before + 1}–${before + part.length}`, part: index }];
  });
  return {
    ...planCommon(input),
    heading: `Ugentlige mål ${plan.year}`,
    subtitle: parts.length > 1 ? `${range(members, offset, total)} (del ${partIndex + 1} af ${parts.length})` : '',
    intro:
      indicators.length === 0
        ? 'Vælg først teamets indikatorer i **mål opsæt**.'
        : members.length === 0
          ? 'Ingen medarbejdere registrerer endnu: de melder sig til med **mål tilmeld**.'
          : `Antal pr. uge for hver medarbejder og indikator, et helt tal fra 0 til ${formatCount(MAX_WEEKLY_GOAL)}. Et tomt felt betyder intet mål. Målene gælder fra den uge, du skriver, til du ændrer dem; tidligere uger beholder deres mål.`,
    hasGrid: members.length > 0 && indicators.length > 0,
    fromWeek: shownWeek,
    maxWeek: weeksInYear(plan.year),
    tables,
    part: partIndex,
    members: members.map((member) => member.userId).join(','),
    indicators: indicators.map((indicator) => indicator.id).join(','),
    hasOtherParts: navigation.length > 0,
    otherPartsIntro:
      'De andre medarbejdere, nummereret efter navn. Gem, før du går videre: det, der ikke er gemt, kommer ikke med.',
    otherParts: navigation,
  };
}
