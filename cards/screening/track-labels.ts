import type { TrackLabels } from '../../rules/screening/screening.types';

/**
 * The display labels of the tracks when a team has none of its own and a stored result carries none
 * (spec §1.5; the rule file's `defaults.trackLabels` say the same, a test keeps them equal). What a
 * person reads about a citizen never calls them "dødvægt"; the ids stay.
 */
export const DEFAULT_TRACK_LABELS: TrackLabels = {
  doedvaegt: 'Ordinær indsats (klarer sig formentlig selv)',
  'catch-all': 'Tidlig indsats for hele målgruppen',
  selektion: 'Tidlig, intensiv indsats',
};

/** What each effort means in practice (spec §1.4), under the label on the result card. */
export const TRACK_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'catch-all':
    'Intensiv indsats fra første dag: hyppige individuelle samtaler og tidlig virksomhedspraktik; uddannelsesvejledning til unge uden uddannelse.',
  selektion: 'Tidlig, intensiv og virksomhedsrettet indsats nu.',
  doedvaegt:
    'Informationsmøder og samtaler til tiden; en håndholdt indsats begynder, hvis borgeren stadig er ledig efter 39 uger.',
};

/** The tracks in the order a choice lists them. */
export const TRACKS = ['catch-all', 'selektion', 'doedvaegt'] as const;

/** A track's display label: the team's (as stored with a result), else the default; an unknown id as it is. */
export function trackLabel(track: string, labels?: Partial<TrackLabels>): string {
  return labels?.[track as keyof TrackLabels] ?? DEFAULT_TRACK_LABELS[track as keyof TrackLabels] ?? track;
}
