import { z } from 'zod';
import { defineCall, everyRole, roles } from './define-call';

/** A member of staff as the UI sees them: never the password hash. */
export const staffMemberSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  isActive: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

const username = z
  .string()
  .trim()
  .min(2, 'Enter a user name of at least 2 characters.')
  .max(64)
  .regex(/^[a-z0-9._-]+$/i, 'Use letters, digits, dots, dashes or underscores only.');
const password = z.string().min(10, 'Choose a password of at least 10 characters.').max(200);
const displayName = z.string().trim().min(1, 'Enter the name colleagues know this person by.').max(120);

/** The credentials and profile for a new staff account. */
export const newStaffSchema = z.object({ username, displayName, password, role: z.enum(roles) });

const signedIn = z.object({ token: z.string(), staff: staffMemberSchema });

/** Sign-in, first-run set-up and the signed-in user. */
export const sessionContract = {
  status: defineCall({
    name: 'session:status',
    summary: 'Whether the database needs its first administrator, and who is signed in',
    access: 'public',
    input: z.object({}),
    output: z.object({
      needsSetup: z.boolean(),
      staff: staffMemberSchema.nullable(),
      /** The desk's day (its clock), the default for every date the UI asks for. */
      today: z.iso.date(),
      /** True when the desk runs as of another day than the real one (DESK_TODAY). */
      isSimulatedToday: z.boolean(),
    }),
  }),
  createAdministrator: defineCall({
    name: 'session:createAdministrator',
    summary: 'Create the first administrator of an empty database and sign in',
    access: 'public',
    input: z.object({ username, displayName, password }),
    output: signedIn,
  }),
  signIn: defineCall({
    name: 'session:signIn',
    summary: 'Sign in with user name and password',
    access: 'public',
    input: z.object({
      username: z.string().trim().min(1, 'Enter your user name.'),
      password: z.string().min(1, 'Enter your password.'),
    }),
    output: signedIn,
  }),
  signOut: defineCall({
    name: 'session:signOut',
    summary: 'End this session',
    access: everyRole,
    input: z.object({}),
    output: z.object({}),
  }),
};

/** Staff accounts, managed by the administrator. */
export const staffContract = {
  list: defineCall({
    name: 'staff:list',
    summary: 'List staff accounts',
    access: ['admin'],
    input: z.object({}),
    output: z.array(staffMemberSchema),
  }),
  add: defineCall({
    name: 'staff:add',
    summary: 'Add a staff account',
    access: ['admin'],
    input: newStaffSchema,
    output: staffMemberSchema,
  }),
  update: defineCall({
    name: 'staff:update',
    summary: 'Change the role or name of a staff account, or disable or enable it',
    access: ['admin'],
    input: z.object({
      id: z.number().int(),
      version: z.number().int(),
      displayName: displayName.optional(),
      role: z.enum(roles).optional(),
      isActive: z.boolean().optional(),
    }),
    output: staffMemberSchema,
  }),
};
