import { SYSTEM_ACTOR, type ScreeningAuditEntry } from '../../rules/screening/screening.service';
import { formatDateTime } from '../shared/formatting';

/** At most this many events on one card (a row is ~400 bytes of JSON; the card stays well under 28 KB). */
export const MAX_AUDIT_ROWS = 40;

/** What each event code means, in Danish (codes written by ScreeningService, now and before). */
const DETAIL_LABELS: Readonly<Record<string, string>> = {
  started: 'Screeningen er oprettet',
  evaluated: 'Sidste afsnit er besvaret, og anbefalingen er beregnet',
  accepted: 'Anbefalingen er accepteret',
  overridden: 'Anbefalingen er fraveget',
  resumed: 'Åbnet for at fortsætte (screening)',
  viewed: 'Vist for sagsbehandleren (vis screening)',
  'viewed-by-leader': 'Vist for en leder (vis screening)',
  'viewed-for-erasure': 'Vist for en leder før sletning (slet screening)',
  'erased-on-request': 'Slettet på anmodning',
  'erase-aborted': 'Sletning afbrudt: screeningen blev ændret imens',
  'retention-erased': 'Svarene er slettet efter teamets opbevaringsperiode',
  'retention-reduced':
    'Opbevaringsperioden er udløbet: svar, begrundelser, fritekst og sagsreference er slettet; tallene til statistikken er bevaret',
  'retention-deleted': 'Opbevaringsperioden er udløbet: den ufærdige screening er slettet',
};

const ACTION_LABELS: Readonly<Record<ScreeningAuditEntry['action'], string>> = {
  create: 'Oprettet',
  read: 'Vist',
  update: 'Ændret',
  delete: 'Slettet',
};

/** "Et afsnit er besvaret" for `section-<id>-answered`, else the label of the code, else of the action. */
export function auditDetailLabel(entry: Pick<ScreeningAuditEntry, 'action' | 'detail'>): string {
  if (/^section-.+-answered$/u.test(entry.detail)) return 'Et afsnit er besvaret';
  return DETAIL_LABELS[entry.detail] ?? ACTION_LABELS[entry.action];
}

function who(actorId: string, names: ReadonlyMap<string, string>): string {
  if (actorId === SYSTEM_ACTOR) return 'Botten (automatisk)';
  return names.get(actorId) ?? `Tidligere medlem af teamet (${actorId})`;
}

function cell(text: string, weight: 'Bolder' | 'Default' = 'Default') {
  return { text, weight };
}

/**
 * `revisionsspor <reference>`: the events of the team's screenings with the reference, oldest first,
 * at Copenhagen times, with the names of the people on the team's roster. With several screenings under
 * one reference, each event says which (numbered in the order they began).
 */
export function buildAuditTrailViewModel(
  reference: string,
  entries: readonly ScreeningAuditEntry[],
  names: ReadonlyMap<string, string>,
) {
  const screenings = [...new Set(entries.map((entry) => entry.screeningId))];
  const numbered = screenings.length > 1;
  const shown = entries.slice(-MAX_AUDIT_ROWS);
  const hidden = entries.length - shown.length;
  const header = { cells: [cell('Tidspunkt', 'Bolder'), cell('Hvem', 'Bolder'), cell('Hvad', 'Bolder')] };
  const rows = shown.map((entry) => {
    const what = auditDetailLabel(entry);
    return {
      cells: [
        cell(formatDateTime(entry.at)),
        cell(who(entry.actorId, names)),
        cell(numbered ? `Screening ${screenings.indexOf(entry.screeningId) + 1}: ${what}` : what),
      ],
    };
  });
  const count = `${entries.length} ${entries.length === 1 ? 'hændelse' : 'hændelser'}`;
  return {
    heading: `Sagsreference ${reference} · ${count}${numbered ? ` · ${screenings.length} screeninger` : ''}`,
    intro:
      'Hvem der har oprettet, set, ændret og slettet screeningen, og hvornår (dansk tid). Revisionssporet gemmer aldrig svar, fritekst eller sagsreferencen selv, og det bevares, når screeningen slettes.',
    rows: [header, ...rows],
    footer:
      hidden > 0
        ? `Kortet viser de ${MAX_AUDIT_ROWS} nyeste hændelser; ${hidden} ældre er ikke vist.`
        : 'Revisionssporet kan ikke ændres eller slettes fra botten.',
  };
}
