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

  it('when the shares are counted, then section submits are 30 % and hjælp : stillinger : registration is 15 : 7 : 4', () => {
    const shares = Object.fromEntries(mixShares(mix).map((share) => [share.kind, share.turns]));
    assert.deepEqual(shares, {
      hjælp: 15,
      screening: 3,
      'screening.start': 3,
      'screening.section': 15,
      'screening.accept': 3,
      stillinger: 7,
      'opening.register': 4,
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
    assert.equal(section?.build({ user: { id: 'u', name: 'U', tenantId: 't' }, sequence: 1 }), undefined);
  });
});
