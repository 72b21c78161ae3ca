import assert from 'node:assert/strict';
import { buildCycle, mixShares } from './load-cycle.builder';
import { loadMix } from './load-mix.table';

describe('the load mix and its cycle', () => {
  const mix = loadMix(5);
  const cycle = buildCycle(mix);

  it('when the cycle is built, then it holds every turn of every flow run, 50 in all', () => {
    assert.equal(cycle.length, 50);
    assert.equal(
      cycle.length,
      mix.reduce((sum, flow) => sum + flow.perCycle * flow.steps.length, 0),
    );
  });

  it('when the shares are counted, then section submits are 30 % and hjælp : stillinger : registration : goal logging is 12 : 6 : 4 : 4', () => {
    const shares = Object.fromEntries(mixShares(mix).map((share) => [share.kind, share.turns]));
    assert.deepEqual(shares, {
      hjælp: 12,
      screening: 3,
      'screening.start': 3,
      'screening.section': 15,
      'screening.accept': 3,
      stillinger: 6,
      'opening.register': 4,
      mål: 2,
      'goals.log': 2,
    });
    assert.equal(mixShares(mix).find((share) => share.kind === 'screening.section')?.share, 0.3);
  });

  it("when a goal log's turns are placed, then each run opens its card before it submits it, with other work between", () => {
    const runs = new Map<number, { position: number; kind: string; last: boolean }[]>();
    cycle.forEach((turn, position) => {
      if (turn.flow.name !== 'mål') return;
      runs.set(turn.run, [...(runs.get(turn.run) ?? []), { position, kind: turn.step.kind, last: turn.last }]);
    });
    assert.equal(runs.size, 2);
    for (const turns of runs.values()) {
      assert.deepEqual(
        turns.map((turn) => [turn.kind, turn.last]),
        [
          ['mål', false],
          ['goals.log', true],
        ],
      );
      assert.ok((turns[1]?.position ?? 0) - (turns[0]?.position ?? 0) >= 20);
    }
  });

  it("when a goal log is submitted, then it sends the card's week and a whole number for every indicator, keeping what the card shows", () => {
    const submit = mix.find((flow) => flow.name === 'mål')?.steps[1];
    const flow = { user: { id: 'u', name: 'U', teamId: 't' }, sequence: 7 };
    assert.equal(submit?.build(flow), undefined, 'no card, nothing to send');
    const card = {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Number', id: 'kanvas' },
        { type: 'Input.Number', id: 'aabninger_ordinaere', value: 3 },
      ],
      actions: [{ type: 'Action.Execute', verb: 'goals.log', data: { verb: 'goals.log', weekKey: '2026-W48' } }],
    };
    assert.deepEqual(submit?.build({ ...flow, lastCard: card }), {
      value: { verb: 'goals.log', weekKey: '2026-W48', kanvas: '7', aabninger_ordinaere: '3' },
    });
  });

  it("when a screening's turns are placed, then they keep their order and are spread over the cycle with other work between them", () => {
    const runs = new Map<number, { position: number; kind: string; last: boolean }[]>();
    cycle.forEach((turn, position) => {
      if (turn.flow.name !== 'screening') return;
      runs.set(turn.run, [...(runs.get(turn.run) ?? []), { position, kind: turn.step.kind, last: turn.last }]);
    });
    assert.equal(runs.size, 3);
    for (const turns of runs.values()) {
      assert.deepEqual(
        turns.map((turn) => turn.kind),
        ['screening', 'screening.start', ...Array<string>(5).fill('screening.section'), 'screening.accept'],
      );
      assert.deepEqual(
        turns.map((turn) => turn.last),
        [false, false, false, false, false, false, false, true],
      );
      const positions = turns.map((turn) => turn.position);
      assert.ok((positions.at(-1) ?? 0) - (positions[0] ?? 0) >= 35, `spread: ${positions.join(' ')}`);
    }
  });

  it('when a section step has no card to submit, then it sends nothing (the driver starts the cycle again)', () => {
    const section = mix.find((flow) => flow.name === 'screening')?.steps[2];
    assert.equal(section?.build({ user: { id: 'u', name: 'U', teamId: 't' }, sequence: 1 }), undefined);
  });
});
