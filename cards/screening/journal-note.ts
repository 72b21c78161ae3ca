import { OVERRIDE_REASON_LABELS, type ScreeningRecord } from '../../rules/screening/screening-record';
import type { Question, ScreeningResult, TrackLabels } from '../../rules/screening/screening.types';

/** The result stored with a screening (until retention removes it), as far as the cards read it. */
export function storedResultOf(screening: ScreeningRecord): Partial<ScreeningResult> | undefined {
  return screening.result as Partial<ScreeningResult> | undefined;
}
import { formatDate } from '../shared/formatting';
import { trackLabel } from './track-labels';

/**
 * The journal note a caseworker copies into the case after deciding (spec §1.5): plain text, no
 * markup — the effort, the reasons and the decision, in the same sentences as the result card. Empty
 * once retention has removed the reference and the reasons (there is nothing left to note).
 */
export function journalNoteOf(screening: ScreeningRecord): string {
  const { decision, summary } = screening;
  const result = storedResultOf(screening);
  if (decision === undefined || summary === undefined || result === undefined || screening.caseReference === undefined)
    return '';
  const labels: Partial<TrackLabels> | undefined = result.trackLabels;
  const lines = [
    `Screening ved første samtale ${formatDate(screening.createdAt)}, sagsreference ${screening.caseReference}.`,
    `Anbefalet indsats: ${trackLabel(summary.recommendedTrack, labels)}.`,
    `Begrundelse: ${(result.explanation ?? []).join(' ')}`,
    decision.kind === 'overridden'
      ? `Beslutning: Anbefalingen er fraveget. Indsats: ${trackLabel(decision.finalTrack, labels)}. Årsag: ${
          decision.reasonCode === undefined ? 'ikke oplyst' : OVERRIDE_REASON_LABELS[decision.reasonCode]
        }.${decision.reasonText === undefined ? '' : ` ${decision.reasonText}`}`
      : 'Beslutning: Anbefalingen er fulgt.',
    `Regelsæt ${result.rulesetVersion ?? screening.rulesetVersion ?? 'ukendt'}, teamets indstillinger version ${result.settingsVersion ?? screening.settingsVersion}.`,
  ];
  return lines.join('\n');
}

/** The answers as "label: value" facts, in the questionnaire's order (only questions that were answered). */
export function answerFacts(
  answers: Readonly<Record<string, unknown>> | undefined,
  questions: readonly Question[],
  sectors: readonly { title: string; value: string }[],
): { title: string; value: string }[] {
  if (answers === undefined) return [];
  return questions.flatMap((question) => {
    const value = answers[question.id];
    if (value === undefined || value === null || value === '') return [];
    return [{ title: question.label, value: answerText(question, value, sectors) }];
  });
}

function answerText(question: Question, value: unknown, sectors: readonly { title: string; value: string }[]): string {
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const options =
    question.optionsFrom === 'sectors'
      ? sectors.map((sector) => ({ id: sector.value, label: sector.title }))
      : (question.options ?? []);
  return options.find((option) => option.id === value)?.label ?? String(value as string);
}
