import type { CapacityCards } from '../../../cards/capacity/capacity.cards';
import { calculateCapacity } from '../../../rules/capacity/capacity.calculator';
import { parseCapacityInputs } from '../../../rules/capacity/capacity-input.validation';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';

/** `ressourceberegner` and its form's `Beregn`. The calculator stores nothing. */
export function capacityHandlers(cards: CapacityCards) {
  const commands: { ressourceberegner: CommandHandler } = {
    ressourceberegner: () => Promise.resolve(cards.form()),
  };
  const actions: CardAction[] = [
    {
      verb: 'capacity.calculate',
      safeToRepeat: true,
      teamFree: true,
      handle: (_context, data) => {
        const { value, errors, typed } = parseCapacityInputs(data);
        return Promise.resolve(
          value === undefined ? cards.refused(typed, errors) : cards.calculated(typed, calculateCapacity(value)),
        );
      },
    },
  ];
  return { commands, actions };
}
