// 简体中文 strings of the contracts pages (t('commerce.contracts.…')); the other languages fill the same keys.
export const contractsZhCN = {
  renewal: {
    label: '续签',
    daysLeft: '{{count}} 天后到期',
    dueToday: '今天到期',
    overdue: '已过到期日 {{count}} 天',
    expired: '已到期',
    renewed: '已续签',
    terminated: '已终止',
    endsOn: '到期日 {{date}}',
    reminded: '已于 {{date}} 提醒续签',
    openRenewal: '查看续签合同',
    renewedFrom: '续签自 {{number}}',
    renew: '续签',
    renewTitle: '续签合同「{{name}}」？',
    renewHint: '将生成一份从 {{start}} 开始的草稿合同，客户、金额与条款不变；本合同改为“已续签”。',
    done: '已生成续签合同 {{number}}',
  },
  fromQuote: {
    action: '生成合同',
    hint: '报价已{{status}}，可据此生成合同草稿（客户、金额与条款取自报价）。',
    done: '已生成合同 {{number}}',
    exists: '该报价已生成过合同，已为您打开。',
    approved: '审批通过',
    accepted: '被客户接受',
  },
  customer: {
    tab: '合同',
    empty: '暂无合同',
    create: '新建合同',
    columns: { number: '合同编号', name: '合同名称', status: '状态', term: '期限', amount: '金额', renewal: '到期' },
  },
};
