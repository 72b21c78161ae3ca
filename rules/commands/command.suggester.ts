import { distance } from 'fastest-levenshtein';
import type { CommandDescription } from './command.catalog';
import { normalizeText } from './command.parser';
import { COMMAND_SPELLINGS, type CommandSpelling } from './command.spellings';

/** At most this many commands are suggested for one text ("Mente du **a** eller **b**?"). */
export const MAX_SUGGESTIONS = 2;

/**
 * Edits (letters added, left out or changed) a spelling forgives: one per four letters, rounded down. So
 * "stilling" (2 from "stillinger", 10 letters) and "screnning" (1 from "screening") are near, while short
 * words must match closely: "hej" is not "help" (2 edits, 1 allowed), and a spelling under four letters
 * ("mål", "?") forgives nothing. A short word against a short command is more often another word than a typo.
 */
export function allowedEdits(spelling: string): number {
  return Math.floor(spelling.length / 4);
}

/** How far the start of the text (as many words as the spelling has) is from a spelling. */
function editsTo(words: readonly string[], { spelling }: CommandSpelling): number {
  const count = spelling.split(' ').length;
  return distance(words.slice(0, count).join(' '), spelling);
}

/**
 * The commands the text was most likely meant to be, closest first: for a near miss such as "stilling",
 * "stillnger" or "indstilinger", the command whose spelling (keyword, alias, or either without æ, ø, å) is
 * within {@link allowedEdits} of the text's first words; a second one only when it is as close, or one
 * edit further. Arguments after the command's words are not compared ("ugerapprt uge 7" → ugerapport).
 * Nothing for a text that is no near miss ("hej", "tak"). Only catalogue commands come back, never any of
 * the text, so nothing typed (such as a CPR number) is repeated in a suggestion.
 */
export function suggestCommands(text: string | undefined): CommandDescription[] {
  const words = normalizeText(text ?? '').split(' ');
  if (words.join('') === '') return [];
  const closest = new Map<CommandDescription, number>();
  for (const candidate of COMMAND_SPELLINGS) {
    const edits = editsTo(words, candidate);
    if (edits > allowedEdits(candidate.spelling)) continue;
    const known = closest.get(candidate.command);
    if (known === undefined || edits < known) closest.set(candidate.command, edits);
  }
  // Map order is catalogue order, and the sort is stable: equally close commands keep help's order.
  const ranked = [...closest].sort(([, a], [, b]) => a - b);
  const best = ranked[0]?.[1];
  return ranked
    .filter(([, edits]) => best !== undefined && edits <= best + 1)
    .slice(0, MAX_SUGGESTIONS)
    .map(([command]) => command);
}
