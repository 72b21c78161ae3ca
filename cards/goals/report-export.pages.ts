/**
 * The small Danish pages a browser shows when a link to the weekly report's file does not give the file
 * (the link itself is opened from Teams, outside it). Plain HTML without scripts, styles or links.
 */
import { EXPORT_LINK_MINUTES } from '../../rules/goals/report-export';

/** Why there is no file: the link was changed or is not (or no longer) the person's, it expired, or storage failed. */
export type ReportExportPageKind = 'refused' | 'expired' | 'unavailable';

const PAGES: Readonly<Record<ReportExportPageKind, { title: string; paragraphs: readonly string[] }>> = {
  refused: {
    title: 'Linket virker ikke',
    paragraphs: [
      'Linket til ugerapporten er ugyldigt, eller du er ikke (længere) leder af teamet.',
      'Skriv <strong>ugerapport eksport</strong> til botten i Teams for at få et nyt link.',
    ],
  },
  expired: {
    title: 'Linket er udløbet',
    paragraphs: [
      `Et link til ugerapporten som fil virker i ${EXPORT_LINK_MINUTES} minutter.`,
      'Skriv <strong>ugerapport eksport</strong> til botten i Teams for at få et nyt link.',
    ],
  },
  unavailable: {
    title: 'Filen kan ikke laves lige nu',
    paragraphs: ['Botten kan ikke læse sine data lige nu. Prøv igen om lidt.'],
  },
};

export function reportExportPage(kind: ReportExportPageKind): string {
  const page = PAGES[kind];
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head><meta charset="utf-8"><meta name="robots" content="noindex">',
    `<title>${page.title} – Jobcenterbotten</title></head>`,
    `<body><h1>${page.title}</h1>`,
    ...page.paragraphs.map((paragraph) => `<p>${paragraph}</p>`),
    '</body></html>',
    '',
  ].join('\n');
}
