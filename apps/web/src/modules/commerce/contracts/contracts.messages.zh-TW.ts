// 繁體中文 strings of the contracts pages; same keys as contracts.messages.zh-CN.ts.
import type { Messages } from '../../../app/i18n/zh-CN.ts';

export const contractsZhTW: Messages['commerce']['contracts'] = {
  renewal: {
    label: '續簽',
    daysLeft: '{{count}} 天後到期',
    dueToday: '今天到期',
    overdue: '已過到期日 {{count}} 天',
    expired: '已到期',
    renewed: '已續簽',
    terminated: '已終止',
    endsOn: '到期日 {{date}}',
    reminded: '已於 {{date}} 提醒續簽',
    openRenewal: '檢視續簽合約',
    renewedFrom: '續簽自 {{number}}',
    renew: '續簽',
    renewTitle: '續簽合約「{{name}}」？',
    renewHint: '將產生一份從 {{start}} 開始的草稿合約，客戶、金額與條款不變；本合約改為「已續簽」。',
    done: '已產生續簽合約 {{number}}',
  },
  fromQuote: {
    action: '產生合約',
    hint: '報價已{{status}}，可據此產生合約草稿（客戶、金額與條款取自報價）。',
    done: '已產生合約 {{number}}',
    exists: '該報價已產生過合約，已為您開啟。',
    approved: '審批通過',
    sent: '發給客戶',
    accepted: '被客戶接受',
  },
  customer: {
    tab: '合約',
    empty: '暫無合約',
    create: '新增合約',
    columns: { number: '合約編號', name: '合約名稱', status: '狀態', term: '期限', amount: '金額', renewal: '到期' },
  },
};
