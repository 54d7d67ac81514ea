// Error messages of contracts, by code, in 简体, 繁體 and English.
import { registerMessages } from '../../../platform/i18n/i18n.ts';

registerMessages({
  'zh-CN': {
    CONTRACT_END_BEFORE_START: '结束日期不能早于开始日期。',
    CONTRACT_RENEWED_BY_RENEWAL: '“已续签”状态由续签操作设置，不能直接选择。',
    CONTRACT_EXISTS: '该报价已生成过合同。',
    CONTRACT_QUOTE_NOT_ACCEPTED: '只有已审批、已发送或客户已接受的报价才能生成合同。',
    CONTRACT_NOT_RENEWABLE: '只有生效中或已到期的合同可以续签。',
    CONTRACT_ALREADY_RENEWED: '该合同已经续签过。',
    CONTRACT_END_DATE_REQUIRED: '续签需要原合同的结束日期。',
  },
  'zh-TW': {
    CONTRACT_END_BEFORE_START: '結束日期不能早於開始日期。',
    CONTRACT_RENEWED_BY_RENEWAL: '「已續簽」狀態由續簽操作設定，不能直接選擇。',
    CONTRACT_EXISTS: '該報價已產生過合約。',
    CONTRACT_QUOTE_NOT_ACCEPTED: '只有已審批、已發送或客戶已接受的報價才能產生合約。',
    CONTRACT_NOT_RENEWABLE: '只有生效中或已到期的合約可以續簽。',
    CONTRACT_ALREADY_RENEWED: '該合約已經續簽過。',
    CONTRACT_END_DATE_REQUIRED: '續簽需要原合約的結束日期。',
  },
  en: {
    CONTRACT_END_BEFORE_START: 'The end date cannot be before the start date.',
    CONTRACT_RENEWED_BY_RENEWAL: 'The status “renewed” is set by renewing the contract, not chosen.',
    CONTRACT_EXISTS: 'A contract was already made from this quote.',
    CONTRACT_QUOTE_NOT_ACCEPTED: 'Only an approved, sent or accepted quote can become a contract.',
    CONTRACT_NOT_RENEWABLE: 'Only an active or expired contract can be renewed.',
    CONTRACT_ALREADY_RENEWED: 'This contract has already been renewed.',
    CONTRACT_END_DATE_REQUIRED: 'Renewing needs the contract’s end date.',
  },
});
