import type { CapacityField } from '../../rules/capacity/capacity';
import type { CapacityFieldError } from '../../rules/capacity/capacity-input.validation';
import type { CapacityCalculation } from '../../rules/capacity/capacity.calculator';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildCapacityViewModel } from './capacity.view-model';

type Typed = Readonly<Record<CapacityField, string>>;

/** The ressourceberegner card: the form, and after `Beregn` the result or why there is none. */
export class CapacityCards {
  constructor(private readonly renderer: CardRenderer) {}

  /** `ressourceberegner`: the form with the seed's example. */
  form(): AdaptiveCardJson {
    return this.renderer.render('capacityCalculator', buildCapacityViewModel());
  }

  /** The typed inputs were refused: the form as typed, with a message per field. */
  refused(typed: Typed, errors: readonly CapacityFieldError[]): AdaptiveCardJson {
    return this.renderer.render(
      'capacityCalculator',
      buildCapacityViewModel({ typed, errors: errors.map((error) => error.message) }),
    );
  }

  /** The result for the typed inputs, above the form to try another scenario. */
  calculated(typed: Typed, calculation: CapacityCalculation): AdaptiveCardJson {
    return this.renderer.render('capacityCalculator', buildCapacityViewModel({ typed, calculation }));
  }
}
