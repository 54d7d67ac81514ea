// English interface strings; same keys as zh-CN.ts.
import type { Messages } from './zh-CN.ts';
import { adminEn } from '../../modules/admin/admin.messages.en.ts';
import { recordsEn } from '../../modules/records/records.messages.en.ts';
import { customersEn } from '../../modules/customers/customers.messages.en.ts';
import { activitiesEn } from '../../modules/activities/activities.messages.en.ts';
import { salesEn } from '../../modules/sales/sales.messages.en.ts';
import { commerceEn } from '../../modules/commerce/commerce.messages.en.ts';
import { importsEn } from '../../modules/imports/imports.messages.en.ts';

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
    openMenu: 'Open the navigation menu',
    menuTitle: 'Navigation',
    collapse: 'Collapse the navigation',
    expand: 'Expand the navigation',
    search: 'Search',
    searchHint: 'Search or jump to…',
    skipToContent: 'Skip to main content',
  },
  nav: {
    label: 'Main navigation',
    desk: 'Desk',
    recycleBin: 'Recycle bin',
    groups: {
      customers: 'Customers',
      activities: 'Activities',
      sales: 'Sales',
      commerce: 'Commerce',
      service: 'Service',
      marketing: 'Marketing',
      partners: 'Channel partners',
      analytics: 'Analytics',
      portal: 'Portals',
      platform: 'Platform',
    },
  },
  palette: {
    title: 'Search and jump',
    placeholder: 'Type a page, a record name or pinyin…',
    inputLabel: 'Search pages, records and actions',
    pages: 'Pages',
    actions: 'Actions',
    create: 'New {{type}}',
    searching: 'Searching…',
    noResults: 'No matching page or record.',
    searchFailed: 'Record search is unavailable for now; pages and actions still work.',
    hint: '↑↓ to choose · Enter to open · Esc to close',
  },
  notifications: {
    title: 'Notifications',
    bell: 'Notifications',
    bellUnread: 'Notifications, {{count}} unread',
    empty: 'No notifications',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    open: 'Open',
    unread: 'Unread',
    loadFailed: 'Notifications could not be loaded. Please try again later.',
    actionFailed: 'That did not work. Please try again later.',
    justNow: 'just now',
  },
  desk: {
    title: 'Personal desk',
    welcome: 'Hello, {{name}}',
    intro:
      'This is where your working day starts. As the business modules arrive, everything that concerns you will gather here.',
    upcomingTitle: 'Coming soon',
    recentEmpty: 'Customers, contacts and other records you open will be listed here, so you can get back to them quickly.',
    tasksTitle: 'My tasks',
    tasksText: "Today's tasks, customer visits and follow-up calls, with overdue items first.",
    remindersTitle: 'Reminders',
    remindersText: 'Follow-ups, contract renewals and payments falling due, so no deadline slips by.',
    recentTitle: 'Recent records',
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you asked for does not exist or has been removed.',
    back: 'Back to the personal desk',
  },
  admin: adminEn,
  records: recordsEn,
  customers: customersEn,
  activities: activitiesEn,
  sales: salesEn,
  commerce: commerceEn,
  imports: importsEn,
};
