// English strings of the customer card's own panels; same keys as customers.messages.zh-CN.ts.
import type { Messages } from '../../app/i18n/zh-CN.ts';

export const customersEn: Messages['customers'] = {
  identifiers: {
    title: 'Numbers and IDs',
    empty: 'No phone, plate or policy number recorded yet.',
    add: 'Add a number',
    added: 'Number added',
    type: 'Type',
    value: 'Number',
    valueRequired: 'Enter the number',
    contact: 'Contact',
    ofCustomer: 'The customer itself',
    remove: 'Remove {{value}}',
    removeTitle: 'Remove {{value}}?',
  },
  timeline: {
    title: 'Timeline',
    filter: 'Show only',
    empty: 'Nothing has happened with this customer yet.',
  },
  duplicates: {
    title: 'This customer may already exist ({{count}} similar)',
    identifier: 'same number',
    name: 'same name',
    owner: 'owner: {{owner}}',
  },
  merge: {
    button: 'Merge a duplicate',
    title: 'Merge a duplicate into “{{name}}”',
    intro:
      'Pick the duplicate: its contacts, numbers, activities and other linked records move to this customer, it goes to the recycle bin, and both histories are kept. Where the two differ, choose the value to keep.',
    pick: 'Choose the duplicate to merge in',
    self: 'A customer cannot be merged into itself.',
    same: 'The two customers hold the same values.',
    keep: 'Value to keep',
    run: 'Merge',
    done: '“{{name}}” was merged into this customer',
  },
  region: {
    label: 'Region',
    placeholder: 'Pick or type province / city / district',
    notFound: 'No such region',
  },
  team: {
    title: 'Account team',
    manager: 'Account manager',
    member: 'Team member',
    shared: 'Shared',
    read: 'Read only',
    edit: 'Can edit',
    add: 'Add member',
    addRun: 'Add',
    added: 'Added to the account team',
    user: 'Choose a colleague',
    access: 'Access',
    remove: 'Remove',
    removeTitle: 'Remove {{name}} from the account team?',
    removeLabel: 'Remove member {{name}}',
  },
  actions: {
    title: 'Quick actions',
    logCall: 'Log a call',
    logVisit: 'Log a visit',
    newTask: 'New task',
  },
};
