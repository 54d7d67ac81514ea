// English interface strings; same keys as zh-CN.ts.
import type { Messages } from './zh-CN.ts';
import { adminEn } from '../../modules/admin/admin.messages.en.ts';
import { recordsEn } from '../../modules/records/records.messages.en.ts';

export const en: Messages = {
  app: {
    name: 'Guanxi',
    fullName: '关系 Guanxi',
    documentTitle: 'Guanxi CRM',
    tagline: 'Customer relationship management for multi-branch enterprises',
  },
  common: {
    loading: 'Loading…',
    listSeparator: ', ',
    identity: '{{orgUnit}} · {{roles}}',
    retry: 'Retry',
    noRoles: 'No roles assigned',
  },
  language: {
    label: 'Language',
  },
  login: {
    title: 'Sign in',
    username: 'Username',
    usernamePlaceholder: 'Enter your username',
    usernameRequired: 'Please enter your username',
    password: 'Password',
    passwordPlaceholder: 'Enter your password',
    passwordRequired: 'Please enter your password',
    submit: 'Sign in',
    errors: {
      invalidCredentials: 'Wrong username or password. Please try again.',
      locked: 'Too many failed sign-ins: the account is locked for now. Try again in {{wait}}.',
      lockedNoWait: 'Too many failed sign-ins: the account is locked for now. Try again later.',
      rateLimited: 'Too many sign-in attempts. Try again in {{wait}}.',
      network: 'Cannot reach the server. Check your network and try again.',
      other: 'Sign-in failed: {{message}}',
    },
    reasons: {
      expired: 'Your session has expired. Please sign in again.',
      signedOut: 'You are no longer signed in. Please sign in again.',
      loggedOut: 'You have signed out.',
    },
  },
  duration: {
    seconds: '{{seconds}} s',
    minutes: '{{minutes}} min',
    minutesSeconds: '{{minutes}} min {{seconds}} s',
  },
  shell: {
    signOut: 'Sign out',
    signOutFailed: 'Signing out failed. Please try again.',
    localeSaveFailed: 'The language changed, but it could not be saved to your account.',
  },
  desk: {
    title: 'Personal desk',
    welcome: 'Hello, {{name}}',
    intro:
      'This is where your working day starts. As the business modules arrive, everything that concerns you will gather here.',
    upcomingTitle: 'Coming soon',
    tasksTitle: 'My tasks',
    tasksText: "Today's tasks, customer visits and follow-up calls, with overdue items first.",
    remindersTitle: 'Reminders',
    remindersText: 'Follow-ups, contract renewals and payments falling due, so no deadline slips by.',
    recentTitle: 'Recent records',
    recentText: 'Customers, opportunities and orders you viewed or edited lately, one click away.',
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you asked for does not exist or has been removed.',
    back: 'Back to the personal desk',
  },
  admin: adminEn,
  records: recordsEn,
};
