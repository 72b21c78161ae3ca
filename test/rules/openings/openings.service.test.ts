import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { loadDefaultScreeningRuleset } from '../../../bot/screening-ruleset.loader';
import { OpeningsService } from '../../../rules/openings/openings.service';
import type { OpeningRepository } from '../../../rules/openings/opening.repository';
import { storedBackends } from '../../support/contract-store';
import { InMemoryOpeningRepository } from '../../support/in-memory.repositories';

const consultant = { userId: 'vk-1', name: 'Vera Konsulent' };

/** A valid form as the card submits it (strings). CVR 10150817 passes the modulus-11 check. */
function form(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    companyName: 'Smedie A/S',
    cvr: '10150817',
    phone: '+45 12 34 56 78',
    email: 'kontakt@smedie.dk',
    contactPerson: 'Ole',
    sector: 'industri',
    result: 'ordinaer_aabning',
    jobFunction: 'Smed',
    seats: '1',
    filled: '0',
    ...overrides,
  };
}

const subjects: [string, () => Promise<{ repo: OpeningRepository; close(): Promise<void> }>][] = [
  ['in-memory', () => Promise.resolve({ repo: new InMemoryOpeningRepository(), close: () => Promise.resolve() })],
  ...storedBackends('openings').map(
    ([name, open]): [string, () => Promise<{ repo: OpeningRepository; close(): Promise<void> }>] => [
      name,
      async () => {
        const { repositories, close } = await open();
        return { repo: repositories.openings, close };
      },
    ],
  ),
];

for (const [name, factory] of subjects) {
  describe(`OpeningsService over ${name}`, function () {
    this.timeout(30_000);
    let subject: { repo: OpeningRepository; close(): Promise<void> };
    let now = new Date('2026-02-03T09:00:00Z');
    let service: OpeningsService;
    before(async () => {
      subject = await factory();
      const { sectors } = await loadDefaultScreeningRuleset();
      service = new OpeningsService(subject.repo, sectors, { now: () => now }, randomUUID);
    });
    after(async () => subject?.close());

    it('when a form has a bad CVR and phone, then each is named in Danish and the typed values come back', async () => {
      const outcome = await service.register('team-1', consultant, form({ cvr: '12345678', phone: '1234' }));
      assert.equal(outcome.kind, 'invalid');
      assert.ok(outcome.kind === 'invalid');
      assert.deepEqual(outcome.errors.map((error) => error.field).sort(), ['cvr', 'phone']);
      assert.ok(outcome.errors.every((error) => error.message.startsWith(error.label)));
      assert.equal(outcome.typed.companyName, 'Smedie A/S');
      assert.equal(outcome.typed.cvr, '12345678');
    });

    it('when two people click Besat +1 on the last seat at once, then filled equals seats and one is told it was already filled', async () => {
      const registered = await service.register('team-2', consultant, form({ seats: '2', filled: '1' }));
      assert.ok(registered.kind === 'registered');
      const outcomes = await Promise.all([
        service.fill('team-2', registered.opening.id),
        service.fill('team-2', registered.opening.id),
      ]);
      assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), ['already-full', 'filled']);
      const stored = await subject.repo.get('team-2', registered.opening.id);
      assert.equal(stored?.value.filled, 2);
      assert.deepEqual(await service.fill('team-2', 'no-such-id'), { kind: 'not-found' });
    });

    it('when a card names an opening by a path trick (".", "..", "a?b", "a#b", "a/b"), then no opening is found and nothing else is read', async () => {
      const registered = await service.register('team-ids', consultant, form());
      assert.ok(registered.kind === 'registered');
      const editor = { ...consultant, isLeader: true };
      for (const id of ['.', '..', `${registered.opening.id}?x`, 'a#b', 'a/b', '..\\x']) {
        assert.equal(await service.get('team-ids', id), undefined, id);
        assert.deepEqual(await service.fill('team-ids', id), { kind: 'not-found' }, id);
        assert.equal((await service.forEditing('team-ids', editor, id)).kind, 'not-found', id);
        assert.equal((await service.setClosed('team-ids', editor, id, true)).kind, 'not-found', id);
      }
      assert.equal((await service.get('team-ids', registered.opening.id))?.filled, 0, 'the real one is untouched');
    });

    it('when openings age, then the board lists red before yellow before new, and filled ones leave it', async () => {
      const team = `team-${randomUUID()}`;
      now = new Date('2026-01-01T09:00:00Z');
      const red = await service.register(team, consultant, form({ companyName: 'Rød' }));
      now = new Date('2026-01-09T09:00:00Z');
      const yellow = await service.register(team, consultant, form({ companyName: 'Gul' }));
      now = new Date('2026-01-16T09:00:00Z');
      await service.register(team, consultant, form({ companyName: 'Ny' }));
      const filled = await service.register(team, consultant, form({ companyName: 'Besat' }));
      await service.register(
        team,
        consultant,
        form({
          companyName: 'Ingen',
          result: 'ingen_aabning',
          sector: 'handel',
          jobFunction: '',
          seats: '',
          filled: '',
        }),
      );
      assert.ok(red.kind === 'registered' && yellow.kind === 'registered' && filled.kind === 'registered');
      await service.fill(team, filled.opening.id);
      const board = await service.board(team);
      assert.deepEqual(
        board.open.map((entry) => `${entry.opening.companyName}:${entry.colour}`),
        ['Rød:roed', 'Gul:gul', 'Ny:ny'],
      );
      assert.deepEqual(
        board.sectorsWithoutOpening.map((sector) => sector.sectorId),
        ['handel'],
      );
      assert.equal(board.openSeatsBySector[0]?.count, 3);
    });

    it('when registrations are listed for a period, then those of the team registered in it come, open or not', async () => {
      const team = `team-${randomUUID()}`;
      const at = async (instant: string, overrides: Record<string, string>) => {
        now = new Date(instant);
        const outcome = await service.register(team, consultant, form(overrides));
        assert.ok(outcome.kind === 'registered');
        return outcome.opening;
      };
      await at('2026-02-08T22:59:59.000Z', { companyName: 'Før' });
      const first = await at('2026-02-08T23:00:00.000Z', { companyName: 'Mandag' });
      const full = await at('2026-02-10T09:00:00.000Z', { companyName: 'Besat' });
      await service.fill(team, full.id);
      await at('2026-02-15T23:00:00.000Z', { companyName: 'Næste uge' });
      now = new Date('2026-02-10T09:00:00.000Z');
      await service.register(`other-${team}`, consultant, form({ companyName: 'Andet team' }));
      const listed = await subject.repo.listRegisteredBetween(
        team,
        '2026-02-08T23:00:00.000Z',
        '2026-02-15T23:00:00.000Z',
      );
      assert.deepEqual(listed.map((opening) => opening.companyName).sort(), ['Besat', 'Mandag']);
      assert.equal(listed.find((opening) => opening.id === first.id)?.date, '2026-02-08T23:00:00.000Z');
    });

    describe('changing and closing registrations', () => {
      const owner = { ...consultant, isLeader: false };
      const colleague = { userId: 'vk-2', name: 'Karl Konsulent', isLeader: false };
      const leader = { userId: 'leder-1', name: 'Lise Leder', isLeader: true };

      async function registered(team: string, overrides: Record<string, string> = {}) {
        const outcome = await service.register(team, consultant, form({ seats: '2', ...overrides }));
        assert.ok(outcome.kind === 'registered');
        return outcome.opening;
      }

      it('when the owner edits, then the fields change and the registration date and author stay', async () => {
        const team = `team-${randomUUID()}`;
        now = new Date('2026-02-03T09:00:00Z');
        const opening = await registered(team);
        const editable = await service.forEditing(team, owner, opening.id);
        assert.ok(editable.kind === 'editable');
        now = new Date('2026-02-05T09:00:00Z');
        const outcome = await service.update(
          team,
          owner,
          opening.id,
          editable.opening.etag,
          form({ seats: '3', jobFunction: 'Klejnsmed', note: 'Start 1. marts' }),
        );
        assert.ok(outcome.kind === 'updated', outcome.kind);
        const stored = await subject.repo.get(team, opening.id);
        assert.equal(stored?.value.seats, 3);
        assert.equal(stored?.value.jobFunction, 'Klejnsmed');
        assert.equal(stored?.value.note, 'Start 1. marts');
        assert.equal(stored?.value.date, '2026-02-03T09:00:00.000Z');
        assert.deepEqual(stored?.value.registeredBy, consultant);
      });

      it('when a place was filled after the edit form was opened, then nothing is saved and the typed values come back with the new version', async () => {
        const team = `team-${randomUUID()}`;
        const opening = await registered(team);
        const editable = await service.forEditing(team, owner, opening.id);
        assert.ok(editable.kind === 'editable');
        await service.fill(team, opening.id);
        const outcome = await service.update(team, owner, opening.id, editable.opening.etag, form({ note: 'Ny note' }));
        assert.ok(outcome.kind === 'changed-meanwhile', outcome.kind);
        assert.equal(outcome.typed.note, 'Ny note');
        assert.equal(outcome.current.value.filled, 1);
        assert.notEqual(outcome.current.etag, editable.opening.etag);
        const stored = await subject.repo.get(team, opening.id);
        assert.equal(stored?.value.filled, 1, 'the fill is not undone');
        assert.equal(stored?.value.note, undefined);
        const again = await service.update(
          team,
          owner,
          opening.id,
          outcome.current.etag,
          form({ note: 'Ny note', filled: '1' }),
        );
        assert.equal(again.kind, 'updated');
      });

      it('when an edit is invalid, then the errors name the fields, the typed values come back and nothing is saved', async () => {
        const team = `team-${randomUUID()}`;
        const opening = await registered(team);
        const editable = await service.forEditing(team, owner, opening.id);
        assert.ok(editable.kind === 'editable');
        const outcome = await service.update(
          team,
          owner,
          opening.id,
          editable.opening.etag,
          form({ seats: '2', filled: '3' }),
        );
        assert.ok(outcome.kind === 'invalid');
        assert.deepEqual(
          outcome.errors.map((error) => error.field),
          ['filled'],
        );
        assert.equal(outcome.typed.filled, '3');
        assert.equal(outcome.etag, editable.opening.etag);
        assert.equal((await subject.repo.get(team, opening.id))?.value.filled, 0);
      });

      it("when a colleague tries to edit or close someone else's registration, then it is refused and unchanged; a leader may", async () => {
        const team = `team-${randomUUID()}`;
        const opening = await registered(team);
        assert.equal((await service.forEditing(team, colleague, opening.id)).kind, 'forbidden');
        const current = await subject.repo.get(team, opening.id);
        assert.ok(current);
        assert.equal(
          (await service.update(team, colleague, opening.id, current.etag, form({ seats: '9' }))).kind,
          'forbidden',
        );
        assert.equal((await service.setClosed(team, colleague, opening.id, true)).kind, 'forbidden');
        assert.equal((await subject.repo.get(team, opening.id))?.value.seats, 2);
        assert.equal((await service.setClosed(team, leader, opening.id, true)).kind, 'closed');
        assert.equal((await service.forEditing(team, owner, 'no-such-id')).kind, 'not-found');
        assert.equal((await service.forEditing(team, owner, 42)).kind, 'not-found');
      });

      it('when the owner closes an opening, then it leaves the board, Besat +1 is refused, and reopening brings it back', async () => {
        const team = `team-${randomUUID()}`;
        const opening = await registered(team);
        const closed = await service.setClosed(team, owner, opening.id, true);
        assert.ok(closed.kind === 'closed');
        assert.equal(closed.opening.closed?.by.userId, consultant.userId);
        assert.deepEqual((await service.board(team)).open, []);
        assert.equal((await service.fill(team, opening.id)).kind, 'closed');
        assert.equal((await service.setClosed(team, owner, opening.id, true)).kind, 'unchanged');
        const own = await service.listOwn(team, consultant.userId);
        assert.deepEqual(
          own.map((item) => [item.id, item.closed !== undefined]),
          [[opening.id, true]],
        );
        assert.equal((await service.setClosed(team, owner, opening.id, false)).kind, 'reopened');
        assert.deepEqual(
          (await service.board(team)).open.map((entry) => entry.opening.id),
          [opening.id],
        );
        assert.equal((await subject.repo.get(team, opening.id))?.value.closed, undefined);
      });

      it('when a consultant lists their registrations, then only their own are shown, newest first', async () => {
        const team = `team-${randomUUID()}`;
        now = new Date('2026-02-03T09:00:00Z');
        const first = await registered(team, { companyName: 'Første' });
        now = new Date('2026-02-04T09:00:00Z');
        const second = await registered(team, { companyName: 'Anden' });
        await service.register(team, { userId: 'vk-2', name: 'Karl Konsulent' }, form({ companyName: 'Andens' }));
        const own = await service.listOwn(team, consultant.userId);
        assert.deepEqual(
          own.map((item) => item.id),
          [second.id, first.id],
        );
      });
    });
  });
}
