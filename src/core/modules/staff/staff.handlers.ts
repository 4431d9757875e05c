import { DeskError } from '../../../shared/errors';
import type { HandlerMap } from '../../handler-map';
import {
  authenticate,
  createFirstAdministrator,
  findStaffById,
  listStaff,
  addStaff,
  needsFirstAdministrator,
  updateStaff,
} from './staff.service';

/** Sign-in and first-run set-up. */
export const sessionHandlers: HandlerMap<'session:'> = {
  'session:status': async (_input, ctx) => ({
    needsSetup: await needsFirstAdministrator(ctx.db),
    staff: ctx.staff,
    today: ctx.clock.now().toISOString().slice(0, 10),
    isSimulatedToday: ctx.clock.isSimulated === true,
  }),
  'session:createAdministrator': async (input, ctx) => {
    const staff = await createFirstAdministrator(ctx, input);
    return { token: ctx.sessions.start(staff.id), staff };
  },
  'session:signIn': async (input, ctx) => {
    const staff = await authenticate(ctx.db, input.username, input.password);
    return { token: ctx.sessions.start(staff.id), staff };
  },
  'session:signOut': (_input, ctx) => {
    if (ctx.token) ctx.sessions.end(ctx.token);
    return Promise.resolve({});
  },
};

/** Staff administration. */
export const staffHandlers: HandlerMap<'staff:'> = {
  'staff:list': (_input, ctx) => listStaff(ctx.db),
  'staff:add': (input, ctx) => addStaff(ctx, input),
  'staff:update': async (input, ctx) => {
    if (input.id === ctx.staff?.id && (input.isActive === false || (input.role && input.role !== 'admin'))) {
      throw new DeskError(
        'refused',
        'You cannot disable your own account or take away your own administrator role.',
      );
    }
    const updated = await updateStaff(ctx, input);
    // A disabled or re-roled account must sign in again, so its new rights apply at once.
    if (!updated.isActive || input.role !== undefined) ctx.sessions.endAllFor(updated.id);
    return (await findStaffById(ctx.db, updated.id)) ?? updated;
  },
};
