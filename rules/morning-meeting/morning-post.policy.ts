/** What the scheduler should do about a team's morning post at a given minute. */
export type MorningPostDecision =
  { kind: 'wait' } | { kind: 'skip'; reason: 'closed-day' | 'past-noon' } | { kind: 'post'; late: boolean };

export interface MorningPostSituation {
  /** Copenhagen local time now, "HH:MM". */
  localTime: string;
  /** The team's post time, "HH:MM" (default 08:30). */
  postTime: string;
  /** Whether today is a working day for the team (weekday, no public holiday, not a closed day). */
  workingDay: boolean;
}

/** A post more than this many minutes after the team's time says it is late. */
const LATE_AFTER_MINUTES = 15;
/** After noon the morning meeting is over; a post missed until then is skipped, not sent. */
const LAST_POST_TIME = '12:00';

function minutes(time: string): number {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  return hours * 60 + mins;
}

/**
 * The morning post's timing rule (spec §2.4 and the issue): on working days at the team's time; a
 * bot that was down at that time and comes back before noon posts then, saying it is late. Whether
 * it already posted today is not decided here but by the job-run record.
 */
export function decideMorningPost(situation: MorningPostSituation): MorningPostDecision {
  if (!situation.workingDay) return { kind: 'skip', reason: 'closed-day' };
  const now = minutes(situation.localTime);
  const due = minutes(situation.postTime);
  if (now < due) return { kind: 'wait' };
  if (now >= minutes(LAST_POST_TIME)) return { kind: 'skip', reason: 'past-noon' };
  return { kind: 'post', late: now - due > LATE_AFTER_MINUTES };
}

/** Reads a post time as a leader writes it ("8.15", "08:15", "kl. 8.15"), between 05:00 and 11:45. */
export function parsePostTime(text: string): { ok: true; time: string } | { ok: false; message: string } {
  // "kl. 8" is how people say it; a bare "8" is not read as a time.
  const match =
    /^(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})$/iu.exec(text.trim()) ?? /^kl\.?\s*(\d{1,2})()$/iu.exec(text.trim());
  const hours = Number(match?.[1]);
  const mins = Number(match?.[2] === '' ? 0 : match?.[2]);
  if (match === null || hours > 23 || mins > 59) {
    return { ok: false, message: 'Tidspunktet skal skrives som fx kl. 8.15 eller 08:15.' };
  }
  const time = `${String(hours).padStart(2, '0')}:${String(mins).padStart(2, '0')}`;
  if (time < '05:00' || time > '11:45') {
    return { ok: false, message: 'Morgenmødet skal ligge mellem kl. 5.00 og 11.45.' };
  }
  return { ok: true, time };
}

const TIME_OF_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "HH:MM" in Europe/Copenhagen for an instant. */
export function copenhagenTimeOfDay(instant: Date): string {
  return TIME_OF_DAY.format(instant);
}
