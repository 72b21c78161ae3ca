import type { CardRenderer } from '../../../cards/rendering/card.renderer';
import { buildCapacityViewModel } from '../../../cards/capacity/capacity.view-model';
import { calculateCapacity } from '../../../rules/capacity/capacity.calculator';
import { parseCapacityInputs } from '../../../rules/capacity/capacity-input.validation';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';

/** `ressourceberegner` and its form's `Beregn`. The calculator stores nothing. */
export function capacityHandlers(renderer: CardRenderer) {
  const card = (viewModel: ReturnType<typeof buildCapacityViewModel>) =>
    renderer.render('capacityCalculator', viewModel);
  const commands: { ressourceberegner: CommandHandler } = {
    ressourceberegner: () => Promise.resolve(card(buildCapacityViewModel())),
  };
  const actions: CardAction[] = [
    {
      verb: 'capacity.calculate',
      safeToRepeat: true,
      handle: (_context, data) => {
        const { value, errors, typed } = parseCapacityInputs(data);
        return Promise.resolve(
          card(
            value === undefined
              ? buildCapacityViewModel({ typed, errors: errors.map((error) => error.message) })
              : buildCapacityViewModel({ typed, calculation: calculateCapacity(value) }),
          ),
        );
      },
    },
  ];
  return { commands, actions };
}
