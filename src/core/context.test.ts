import { describe, expect, it } from 'vitest';
import { clockFromEnvironment, systemClock } from './context';
import { createDesk } from './desk';

describe('the clock the desk runs on (DESK_TODAY)', () => {
  it('is the actual time when DESK_TODAY is not set or empty', () => {
    expect(clockFromEnvironment({})).toBe(systemClock);
    expect(clockFromEnvironment({ DESK_TODAY: '  ' })).toBe(systemClock);
  });

  it('runs from the named day at the current time of day, and says it is simulated', () => {
    const clock = clockFromEnvironment({ DESK_TODAY: '2022-10-03' });
    const first = clock.now();
    expect(first.toISOString().slice(0, 10)).toBe('2022-10-03');
    expect(first.getUTCHours()).toBe(new Date().getUTCHours());
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(first.getTime());
    expect(clock.isSimulated).toBe(true);
  });

  it.each(['3-10-2022', '2022-02-30', 'yesterday', '2022-13-01'])(
    'refuses DESK_TODAY=%s naming the format',
    (value) => {
      expect(() => clockFromEnvironment({ DESK_TODAY: value })).toThrow(
        `DESK_TODAY must be a real day written as YYYY-MM-DD, such as 2022-10-03; it is "${value}".`,
      );
    },
  );

  it('gives the UI the desk’s day through session:status', async () => {
    const desk = await createDesk({
      databaseFile: ':memory:',
      clock: clockFromEnvironment({ DESK_TODAY: '2023-01-31' }),
      log: () => undefined,
    });
    try {
      expect(await desk.invoke(null, 'session:status', {})).toMatchObject({
        ok: true,
        value: { today: '2023-01-31', isSimulatedToday: true },
      });
    } finally {
      await desk.close();
    }
  });
});
