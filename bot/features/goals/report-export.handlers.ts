import type { Request, Response } from 'restify';
import type { ReportExportCards } from '../../../cards/goals/report-export.cards';
import { reportExportPage, type ReportExportPageKind } from '../../../cards/goals/report-export.pages';
import { reportFileName, weeklyReportCsv, type ReportFileContext } from '../../../cards/goals/weekly-report.csv';
import type { ReportExportService } from '../../../rules/goals/report-export';
import type { Clock } from '../../../rules/shared/clock';
import type { Logger } from '../../logging/logger';
import type { HttpRoute } from '../../server/http.server';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { actorOf } from '../../teams/turn-actor';
import type { ExportLinkSigner } from './export-link.signer';

/** Where the file is served: `GET /exports/<token>` on the bot's own server. */
export const EXPORTS_PATH = '/exports';

/** How the bot makes links a browser can open: its signer, and the address browsers reach it at. */
export interface ExportLinks {
  signer: ExportLinkSigner;
  /** E.g. `https://jobcenterbot.azurewebsites.net`, locally `http://127.0.0.1:3978`; undefined: unknown. */
  baseUrl(): string | undefined;
}

export interface ReportExportHandlerDeps {
  service: ReportExportService;
  cards: ReportExportCards;
  links: ExportLinks;
  file: ReportFileContext;
  clock: Clock;
  logger: Logger;
}

/** Nothing of the answer may be kept by a browser, a proxy or a search engine, nor the link passed on. */
const PRIVATE_HEADERS = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
} as const;

const PAGE_STATUS: Readonly<Record<ReportExportPageKind, number>> = { refused: 403, expired: 410, unavailable: 503 };

function sendPage(res: Response, kind: ReportExportPageKind): void {
  const body = Buffer.from(reportExportPage(kind), 'utf8');
  res.sendRaw(PAGE_STATUS[kind], body, {
    ...PRIVATE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'",
    'Content-Length': String(body.length),
  });
}

/**
 * `ugerapport eksport` answers a leader with a card whose "Hent fil" opens a signed link; opening it
 * (`GET /exports/<token>`) checks the signature, the expiry and that the person still leads the team, then
 * makes the CSV from the data of that moment. Nothing is stored, and the log holds no figures, names or
 * token: only the status and why.
 */
export function reportExportHandlers({ service, cards, links, file, clock, logger }: ReportExportHandlerDeps) {
  const command: CommandHandler = async (context, args) => {
    const actor = actorOf(context);
    const outcome = await service.requestLink(actor, args);
    return cards.answer(outcome, clock.now(), (granted) => {
      const base = links.baseUrl();
      if (base === undefined) return undefined;
      const token = links.signer.sign({ ...actor, period: granted.period, expiresAt: granted.expiresAt });
      return `${base}${EXPORTS_PATH}/${token}`;
    });
  };

  const download = async (req: Request, res: Response): Promise<void> => {
    // A wildcard, not ":token": find-my-way drops parameters over 100 characters, and a token is longer.
    const verdict = links.signer.verify((req.params as Record<string, unknown> | undefined)?.['*'], clock.now());
    if (verdict.kind !== 'valid') {
      const kind = verdict.kind === 'expired' ? 'expired' : 'refused';
      logger.warn(
        { status: PAGE_STATUS[kind], reason: verdict.kind === 'expired' ? 'expired' : verdict.reason },
        'report export refused',
      );
      sendPage(res, kind);
      return;
    }
    const { teamId, userId, period } = verdict.claims;
    try {
      const outcome = await service.file({ teamId, userId }, period);
      if (outcome.kind === 'forbidden') {
        logger.warn({ status: 403, reason: 'not-leader' }, 'report export refused');
        sendPage(res, 'refused');
        return;
      }
      const body = Buffer.from(weeklyReportCsv(outcome.summaries, file), 'utf8');
      res.sendRaw(200, body, {
        ...PRIVATE_HEADERS,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${reportFileName(period)}"`,
        'Content-Length': String(body.length),
      });
      logger.info({ status: 200, weeks: outcome.summaries.length, bytes: body.length }, 'report export served');
    } catch (error) {
      logger.warn({ status: 503, errorType: (error as Error).name }, 'report export failed');
      if (!res.headersSent) sendPage(res, 'unavailable');
    }
  };

  const route: HttpRoute = { path: `${EXPORTS_PATH}/*`, handle: download };
  return { commands: { ugerapport_eksport: command }, httpRoutes: [route] };
}
