import type { DeliveryOutcome } from '../shared/delivery-outcome';
import type { FollowUp } from './follow-up';

/** Reminds a caseworker to record a follow-up's outcome (spec §1.7), with the card to record it. */
export interface FollowUpNotifier {
  remind(followUp: FollowUp): Promise<DeliveryOutcome>;
}
