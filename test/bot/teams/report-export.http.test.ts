import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { ExportLinkSigner, exportLinkKey } from '../../../bot/features/goals/export-link.signer';
import { userActivity, type ActivityOptions, type TeamsUser } from '../../support/activities';
import { cardFullText } from '../../support/bot-under-test';
import { cardTables } from '../../support/card-tables';
import { actionData } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { csvObjects, danishNumber } from '../../support/excel-csv.reader';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { openingRegistration } from '../../support/opening-registration';
import { replyCardsOf, startTestBot } from '../../support/running-bot';
import { completeScreening } from '../../support/screening-completion';
import { StoredDocuments } from '../../support/stored-documents';
import { TEST_TEAM, joinTeam } from '../../support/test-team';
import { capturingLogger } from '../../support/capturing-logger';

/**
 * `ugerapport eksport` over real HTTP and storage (issue 16 item 5): the leader's card with "Hent fil",
 * the file that link gives (status, headers, body, read back and held against the report's figures), and
 * every way a link is refused — changed, expired, another team's, a member's — with nothing stored.
 */

type Card = Record<string, unknown>;
type Row = Record<string, string>;

const LEADER = { id: 'lea-x', name: 'Lea Leder' };
const METTE = { id: 'mette-x', name: 'Mette Hansen' };
const ALI = { id: 'ali-x', name: 'Ali Yilmaz' };
/** Teams shows whatever name a person gives themselves: this one starts like a formula. */
const EVA = { id: 'eva-x', name: '=HYPERLINK("http://x.example";"Eva")' };
const OTHER_TEAM = '19:andet-eksport@thread.tacv2';
const OTHER_LEADER = { id: 'otto-x', name: 'Otto Andenleder' };
const OTHER_MEMBER = { id: 'nina-x', name: 'Nina Andetteam' };
const TENANT = 'tenant-export';
/** Set so that the test can sign a link as the bot would (in local mode the key is otherwise per process). */
const AUDIT_KEY = 'export-test-audit-reference-key-0123456789';

/** Wednesday 11 February 2026, 10:00 in Copenhagen: ISO week 7. */
const WEEK_7_WEDNESDAY = new Date('2026-02-11T09:00:00Z');

/** The weekly goals the leader sets from week 1 (members join in week 7) and what they log in week 7. */
const GOALS: Readonly<
  Record<string, { kanvas: number; aabninger_ordinaere: number; logged?: Record<string, number> }>
> = {
  [METTE.id]: { kanvas: 3, aabninger_ordinaere: 2, logged: { kanvas: 2, aabninger_ordinaere: 1 } },
  [ALI.id]: { kanvas: 10, aabninger_ordinaere: 2, logged: { kanvas: 5, aabninger_ordinaere: 0 } },
  [EVA.id]: { kanvas: 4, aabninger_ordinaere: 1 },
};

describe('ugerapport eksport over HTTP (real server, embedded SQLite, the file through its signed link)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  let now = WEEK_7_WEDNESDAY;
  const logLines: string[] = [];
  const seen: Card[] = [];

  async function send(person: TeamsUser, body: { text: string } | { value: Card }, where: ActivityOptions = {}) {
    const cards = await replyCardsOf(bot.baseUrl, userActivity(body, { user: person, tenantId: TENANT, ...where }));
    assert.ok(cards.length > 0, 'no card in the reply');
    seen.push(...cards);
    return cards;
  }
  const say = async (person: TeamsUser, text: string) => (await send(person, { text }))[0] as Card;
  const click = async (person: TeamsUser, value: Card) => (await send(person, { value }))[0] as Card;

  /** The URL of the card's "Hent fil". */
  function fileLink(card: Card): string {
    const actions = (card.actions ?? []) as { type: string; title: string; url?: string }[];
    const open = actions.find((action) => action.type === 'Action.OpenUrl');
    assert.equal(open?.title, 'Hent fil', cardFullText(card));
    assert.ok(open?.url !== undefined);
    return open.url;
  }

  /** Fetches a link as a browser would (no cookies, no credentials: the link is all it has). */
  async function fetchLink(url: string) {
    const response = await fetch(url, { redirect: 'manual' });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
  }

  /** Every stored document, and the data folder's files: what must not change when a file is fetched. */
  function storedState(): string {
    const store = new StoredDocuments(bot.dataDir);
    try {
      const documents = Object.fromEntries(store.collections.map((name) => [name, store.all(name)]));
      return JSON.stringify({ documents, files: readdirSync(bot.dataDir).sort() });
    } finally {
      store.close();
    }
  }

  before(async () => {
    connector = await startFakeConnector();
    const { logger } = capturingLogger('debug', logLines);
    bot = await startTestBot({ AUDIT_REFERENCE_KEY: AUDIT_KEY }, { clock: { now: () => now }, logger });
    await joinTeam(bot.baseUrl, connector, LEADER, [METTE, ALI, EVA], { tenantId: TENANT });
    await joinTeam(bot.baseUrl, connector, OTHER_LEADER, [OTHER_MEMBER], { teamId: OTHER_TEAM, tenantId: TENANT });

    // The plan: two indicators, three members with weekly goals, an annual target.
    let setup = await say(LEADER, 'mål opsæt');
    setup = await click(LEADER, { ...actionData(setup, 'goals.indicators'), indicators: 'kanvas,aabninger_ordinaere' });
    for (const person of [METTE, ALI, EVA]) assert.match(cardFullText(await say(person, 'mål tilmeld')), /Du er med/);
    for (const person of [METTE, ALI, EVA]) {
      setup = await say(LEADER, 'mål opsæt');
      const form = await click(LEADER, { ...actionData(setup, 'goals.memberGoalsOpen'), goalMember: person.id });
      const goals = GOALS[person.id];
      assert.ok(goals !== undefined);
      const { kanvas, aabninger_ordinaere } = goals;
      setup = await click(LEADER, {
        ...actionData(form, 'goals.memberGoals'),
        fromWeek: '1',
        kanvas: String(kanvas),
        aabninger_ordinaere: String(aabninger_ordinaere),
      });
      assert.match(cardFullText(setup), /Gemt: ugentlige mål/);
    }
    const targets = await click(LEADER, actionData(setup, 'goals.targetsOpen') ?? {});
    await click(LEADER, { ...actionData(targets, 'goals.targets'), kanvas: '1000', aabninger_ordinaere: '' });

    // Week 7: an opening and a screening of Mette's, and the logs of Mette and Ali (Eva logs nothing).
    assert.match(cardFullText(await click(METTE, openingRegistration('Smedie A/S'))), /Registreret/);
    await completeScreening((body) => send(METTE, body).then((cards) => cards[0] as Card), 'J-2026-EKS');
    for (const person of [METTE, ALI]) {
      const logged = GOALS[person.id]?.logged ?? {};
      const saved = await click(person, {
        verb: 'goals.log',
        weekKey: '2026-W07',
        kanvas: String(logged.kanvas),
        aabninger_ordinaere: String(logged.aabninger_ordinaere),
      });
      assert.match(cardFullText(saved), /Ugens tal er gemt/);
    }
    // The other team has a goal plan of its own.
    const other = await say(OTHER_LEADER, 'mål opsæt');
    await click(OTHER_LEADER, { ...actionData(other, 'goals.indicators'), indicators: 'jobsamtaler' });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  let weekCard: Card;
  let weekRows: Row[];

  it('when the leader writes "ugerapport eksport uge 7", then the card says what the file holds and until when, and "Hent fil" opens a link on the bot', async () => {
    weekCard = await say(LEADER, 'ugerapport eksport uge 7');
    const text = cardFullText(weekCard);
    assert.match(text, /^Ugerapport uge 7 2026 som fil\nMan\. 9\. feb\. – søn\. 15\. feb\. 2026 · hele teamet/);
    assert.match(text, /Filen ugerapport-2026-W07\.csv åbner direkte i Excel \(semikolon og decimalkomma\)/);
    assert.match(
      text,
      /Mål og resultater pr\. medarbejder og indikator og for hele teamet: Real, Mål og opfyldelse i %/,
    );
    assert.match(text, /Screeninger: antal, spor, fravigelser/);
    assert.match(text, /Stillinger: kontakter, åbninger, pladser/);
    assert.match(text, /Linket virker til kl\. 10\.15 \(15 minutter\)\./);
    assert.match(text, /botten gemmer den ikke/);
    assert.match(fileLink(weekCard), new RegExp(`^${bot.baseUrl}/exports/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`));
  });

  it('when the link is fetched, then the file comes as an attachment named for the week, not to be stored, as UTF-8 with BOM, ";" and CRLF', async () => {
    const before = storedState();
    const file = await fetchLink(fileLink(weekCard));
    assert.equal(file.status, 200, file.text.slice(0, 200));
    assert.equal(file.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(file.headers.get('content-disposition'), 'attachment; filename="ugerapport-2026-W07.csv"');
    assert.equal(file.headers.get('cache-control'), 'no-store');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(file.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(Number(file.headers.get('content-length')), file.bytes.length);
    assert.equal(file.bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 byte order mark');
    assert.ok(file.text.startsWith('\uFEFFUge;År;Ugenr.;Fra;Til;Afsnit;'), file.text.slice(0, 80));
    assert.ok(!/[^\r]\n/.test(file.text.replace(/"[^"]*"/g, '')), 'every line outside quotes ends with CRLF');
    weekRows = csvObjects(file.text);
    assert.equal(storedState(), before, 'fetching the file stored nothing');
  });

  it('when the file is read back, then its Real, Mål and % per member and for the team are those of "ugerapport uge 7", and the members add up to the team', async () => {
    const goalRow = (indicator: string, member: string) => {
      const rows = weekRows.filter(
        (row) => row.Afsnit === 'Mål og resultater' && row.Indikator === indicator && row.Medarbejder === member,
      );
      assert.equal(rows.length, 1, `${indicator} / ${member}`);
      return rows[0] as Row;
    };
    const figures = (row: Row) => [row.Real, row['Mål'], row['Opfyldelse (%)'], row.Registreret, row.Markering];
    // Mette 2 of 3 (66,7 %), Ali 5 of 10, Eva nothing logged of 4: the team 7 of 17 (41,2 %).
    assert.deepEqual(figures(goalRow('Kanvas', METTE.name)), ['2', '3', '66,7', 'ja', 'under 80 %']);
    assert.deepEqual(figures(goalRow('Kanvas', ALI.name)), ['5', '10', '50', 'ja', 'under 80 %']);
    assert.deepEqual(figures(goalRow('Kanvas', `'${EVA.name}`)), ['0', '4', '0', 'nej', 'under 80 %']);
    assert.deepEqual(figures(goalRow('Kanvas', 'Hele teamet')), ['7', '17', '41,2', '', 'under 80 %']);
    assert.deepEqual(figures(goalRow('Jobåbninger – ordinære job', 'Hele teamet')), ['1', '5', '20', '', 'under 80 %']);
    assert.equal(goalRow('Kanvas', METTE.name).Gruppe, 'Salg');

    // The report's own card for the same week shows the same figures: its first table has the team per
    // indicator, then each indicator has a table of its members and the team ("Real / mål" and "%").
    const reportCards = await send(LEADER, { text: 'ugerapport uge 7' });
    const report = reportCards.map(cardFullText).join('\n');
    const [teamTable, ...indicatorTables] = reportCards.flatMap(cardTables);
    const indicatorOrder = (teamTable ?? []).slice(1).map((row) => row[0]);
    for (const indicator of ['Kanvas', 'Jobåbninger – ordinære job']) {
      const rows = weekRows.filter((row) => row.Afsnit === 'Mål og resultater' && row.Indikator === indicator);
      const table = indicatorTables[indicatorOrder.indexOf(indicator)];
      assert.ok(table, `${indicator} has a table in the report`);
      for (const row of rows) {
        const name = row.Medarbejder === `'${EVA.name}` ? EVA.name : row.Medarbejder;
        const shown: string[] | undefined = table.find(
          (cells) => cells[0] === name || cells[0]?.startsWith(`${name} (`),
        );
        assert.ok(shown, `${indicator} / ${name} is in the report: ${JSON.stringify(table)}`);
        const percent = Math.round(danishNumber(row['Opfyldelse (%)']) ?? NaN);
        assert.deepEqual(
          shown.slice(1),
          [`${row.Real} / ${row['Mål']}`, `${row.Markering === '' ? '' : '⚠ '}${percent} %`],
          `${indicator} / ${name}`,
        );
        if (name === 'Hele teamet') {
          assert.deepEqual(teamTable?.find((cells) => cells[0] === indicator)?.slice(1), shown.slice(1));
        }
      }
      const members = rows.filter((row) => row.Medarbejder !== 'Hele teamet');
      const team = rows.find((row) => row.Medarbejder === 'Hele teamet');
      assert.equal(
        members.reduce((sum, row) => sum + (danishNumber(row.Real) ?? 0), 0),
        danishNumber(team?.Real),
      );
      assert.equal(
        members.reduce((sum, row) => sum + (danishNumber(row['Mål']) ?? 0), 0),
        danishNumber(team?.['Mål']),
      );
    }
    const figure = (section: string, name: string) =>
      weekRows.find((row) => row.Afsnit === section && row['Nøgletal'] === name)?.Antal;
    assert.equal(figure('Screeninger', 'Screeninger i ugen'), '1');
    assert.match(report, /Screeninger i ugen\n1\b/);
    assert.equal(figure('Stillinger', 'Åbninger i ugen'), '1');
    assert.equal(figure('Stillinger', 'Kontakter i ugen'), '1');
    assert.match(report, /1 åbning af 1 kontakt/);
    assert.equal(figure('Registrering', 'Har registreret ugens tal'), '2');
    assert.match(report, /2 af 3 medarbejdere har registreret ugens tal/);
    assert.equal(figure('År til dato', 'Årsmål'), '1000');
  });

  it('when the leader asks for "ugerapport eksport år" in week 8, then the file has weeks 1–7, week 7 as in the week’s file, and the year to date once', async () => {
    now = new Date('2026-02-18T09:00:00Z'); // Wednesday of week 8
    const card = await say(LEADER, 'ugerapport eksport år');
    assert.match(cardFullText(card), /^Ugerapport 2026 som fil: uge 1–7\n/);
    const file = await fetchLink(fileLink(card));
    assert.equal(file.headers.get('content-disposition'), 'attachment; filename="ugerapport-2026-W01-W07.csv"');
    const rows = csvObjects(file.text);
    const goals = (from: Row[], week: string) =>
      from
        .filter((row) => row.Afsnit === 'Mål og resultater' && row.Uge === week)
        .map((row) => [row.Indikator, row.Medarbejder, row.Real, row['Mål'], row['Opfyldelse (%)']].join('|'));
    assert.deepEqual(
      [...new Set(rows.filter((row) => row.Afsnit === 'Mål og resultater').map((row) => row.Uge))],
      ['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05', '2026-W06', '2026-W07'],
    );
    assert.deepEqual(goals(rows, '2026-W07'), goals(weekRows, '2026-W07'));
    assert.deepEqual(
      [...new Set(rows.filter((row) => row.Afsnit === 'År til dato').map((row) => row.Uge))],
      ['2026-W07'],
    );
    now = WEEK_7_WEDNESDAY;
  });

  it('when a member writes "ugerapport eksport", then they get the Danish refusal and no link; their own numbers stay in "ugerapport"', async () => {
    const refused = await say(METTE, 'ugerapport eksport uge 7');
    assert.match(cardFullText(refused), /^Kun for ledere\nKun teamets ledere kan hente ugerapporten som fil/);
    assert.match(cardFullText(refused), /Dine egne tal ser du med \*\*ugerapport\*\*/);
    assert.doesNotMatch(JSON.stringify(refused), /exports|OpenUrl/);
    assert.match(cardFullText(await say(METTE, 'ugerapport uge 7')), /Dine tal uge 7 2026/);
  });

  it('when "ugerapport eksport" is written in the team’s channel, then the bot points to the personal chat', async () => {
    const [card] = await send(
      LEADER,
      { text: 'ugerapport eksport' },
      { conversationType: 'channel', conversationId: '19:kanal-eksport@thread.tacv2', teamId: TEST_TEAM.id },
    );
    assert.match(cardFullText(card), /Skriv det i din personlige chat med botten\n\*\*ugerapport eksport\*\*/);
    assert.doesNotMatch(JSON.stringify(card), /exports/);
  });

  it('when a period cannot be used, then the leader is told why in Danish', async () => {
    assert.match(cardFullText(await say(LEADER, 'ugerapport eksport uge 9 2026')), /Uge 9 2026 er ikke begyndt endnu/);
    assert.match(cardFullText(await say(LEADER, 'ugerapport eksport i går')), /Skriv fx "ugerapport eksport"/);
  });

  it('when the link is changed, has expired, names another team, or its leader is no longer one, then a Danish 403 or 410 page comes and no figure', async () => {
    const before = storedState();
    const link = fileLink(await say(LEADER, 'ugerapport eksport uge 7'));
    const [base, token = ''] = link.split('/exports/');
    const [payload = '', signature = ''] = token.split('.');
    const page = async (url: string, status: number, title: RegExp) => {
      const answer = await fetchLink(url);
      assert.equal(answer.status, status, `${url.slice(-30)}: ${answer.text.slice(0, 200)}`);
      assert.equal(answer.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      assert.equal(answer.headers.get('content-disposition'), null);
      assert.match(answer.text, /<html lang="da">/);
      assert.match(answer.text, title);
      assert.doesNotMatch(answer.text, /Kanvas|Mette|Ali|Hele teamet|;/);
    };
    const refused = /Linket virker ikke[\s\S]*Skriv <strong>ugerapport eksport<\/strong> til botten i Teams/;

    // Changed: the team in the payload, one character of the signature, or nothing that is a token.
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const otherTeamPayload = Buffer.from(JSON.stringify({ ...decoded, t: OTHER_TEAM })).toString('base64url');
    await page(`${base}/exports/${otherTeamPayload}.${signature}`, 403, refused);
    const otherWeekPayload = Buffer.from(JSON.stringify({ ...decoded, f: '2026-W06', l: '2026-W06' })).toString(
      'base64url',
    );
    await page(`${base}/exports/${otherWeekPayload}.${signature}`, 403, refused);
    const flipped = `${signature.slice(0, 5)}${signature[5] === 'x' ? 'y' : 'x'}${signature.slice(6)}`;
    await page(`${base}/exports/${payload}.${flipped}`, 403, refused);
    await page(`${base}/exports/ikke-et-link`, 403, refused);

    // Expired: the same link, 15 minutes later.
    now = new Date(WEEK_7_WEDNESDAY.getTime() + 15 * 60_000);
    await page(link, 410, /Linket er udløbet[\s\S]*virker i 15 minutter/);
    now = WEEK_7_WEDNESDAY;
    assert.equal((await fetchLink(link)).status, 200, 'within its time the link works');

    // Signed with the bot's key, but naming a team its person does not lead: the other team's leader
    // on this team, and a member of this team.
    const signer = new ExportLinkSigner(exportLinkKey({ referenceKey: AUDIT_KEY, developmentKey: false }));
    const claims = {
      teamId: TEST_TEAM.id,
      period: { kind: 'week' as const, from: { year: 2026, week: 7 }, to: { year: 2026, week: 7 } },
      expiresAt: new Date(now.getTime() + 60_000),
    };
    await page(`${base}/exports/${signer.sign({ ...claims, userId: OTHER_LEADER.id })}`, 403, refused);
    await page(`${base}/exports/${signer.sign({ ...claims, userId: METTE.id })}`, 403, refused);
    // And a week not yet begun, though signed.
    const future = { kind: 'week' as const, from: { year: 2026, week: 9 }, to: { year: 2026, week: 9 } };
    await page(`${base}/exports/${signer.sign({ ...claims, userId: LEADER.id, period: future })}`, 403, refused);
    assert.equal(storedState(), before, 'no refused link stored anything');
  });

  it('when the other team’s leader fetches their own link, then the file has their team’s figures and nothing of this team', async () => {
    const card = await say(OTHER_LEADER, 'ugerapport eksport uge 7');
    const file = await fetchLink(fileLink(card));
    assert.equal(file.status, 200);
    assert.doesNotMatch(file.text, /Mette|Ali|HYPERLINK|Kanvas|Smedie/);
    assert.match(file.text, /Jobsamtaler/);
    const rows = csvObjects(file.text);
    assert.equal(rows.find((row) => row['Nøgletal'] === 'Screeninger i ugen')?.Antal, '0');
    assert.equal(rows.find((row) => row['Nøgletal'] === 'Åbninger i ugen')?.Antal, '0');
  });

  it('when files were served and refused, then the log holds statuses only: no token, name, team or figure', () => {
    const log = logLines.join('');
    assert.match(log, /"msg":"report export served"/);
    assert.match(log, /"status":410,"reason":"expired"/);
    assert.match(log, /"status":403,"reason":"not-leader"/);
    assert.match(log, /"status":403,"reason":"signature"/);
    const link = fileLink(weekCard);
    const token = link.slice(link.lastIndexOf('/') + 1);
    for (const secret of [
      token,
      token.split('.')[0] ?? '',
      'Mette',
      'Ali Yilmaz',
      'HYPERLINK',
      'Kanvas',
      TEST_TEAM.id,
    ]) {
      const served = logLines.filter((line) => line.includes('report export'));
      for (const line of served) assert.ok(!line.includes(secret), `the log line ${line} holds ${secret.slice(0, 20)}`);
    }
  });

  it('when every card of the export is validated, then none has a problem', () => {
    assert.ok(seen.length > 10);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardFullText(card).slice(0, 80));
  });
});
