/**
 * 'sent', or 'unreachable' when the person has no personal chat with the bot (not installed, or
 * removed): the scheduled run still counts as done, since trying again every minute would not help.
 */
export type DeliveryOutcome = 'sent' | 'unreachable';
