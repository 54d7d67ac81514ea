// What the approvals part adds to the app: 待我审批 in the 商务 group for everyone who reads quotes, and the words a
// record's history tab uses for the approval entries (approval.request / approve / reject) in each language.
import i18n from 'i18next';
import { registerNavLink } from '../../../app/nav/navModel.ts';
import { approvalsZhCN } from './approvals.messages.zh-CN.ts';
import { approvalsZhTW } from './approvals.messages.zh-TW.ts';
import { approvalsEn } from './approvals.messages.en.ts';

registerNavLink({
  subsystem: 'commerce',
  path: '/commerce/approvals',
  label: (t) => t('commerce.approvals.link'),
  requires: 'quote',
});

// The history tab looks an entry's action up as records.history.actions.<action>; ours contain a dot.
function addHistoryActions() {
  for (const [locale, messages] of [
    ['zh-CN', approvalsZhCN],
    ['zh-TW', approvalsZhTW],
    ['en', approvalsEn],
  ] as const)
    i18n.addResourceBundle(
      locale,
      'translation',
      { records: { history: { actions: { approval: messages.historyActions } } } },
      true,
      false,
    );
}
if (i18n.isInitialized) addHistoryActions();
else i18n.on('initialized', addHistoryActions);
