/** How each track reads to a caseworker (spec §1.4). */
export const TRACK_LABELS: Readonly<Record<string, { label: string; description: string }>> = {
  'catch-all': {
    label: 'Catch-all',
    description:
      'Intensiv indsats fra første dag: hyppige individuelle samtaler og tidlig virksomhedspraktik; uddannelse for unge uden en.',
  },
  selektion: {
    label: 'Selektion',
    description: 'Tidlig, intensiv og virksomhedsrettet indsats nu.',
  },
  doedvaegt: {
    label: 'Dødvægt',
    description:
      'Minimumsindsats: informationsmøder og rettidige samtaler; håndholdt indsats starter, hvis borgeren stadig er ledig efter 39 uger.',
  },
};

export function trackLabel(track: string): string {
  return TRACK_LABELS[track]?.label ?? track;
}
