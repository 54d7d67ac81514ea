// The dunning letter to a customer, in Chinese, for when mail lands: a subject and a plain-text body from the facts of
// one overdue instalment and the company's letterhead (commerce settings).
import { formatMoney } from '../commerce.money.ts';
import { toCapitalAmount } from '../commerce.capitalNumerals.ts';

export interface DunningLetter {
  customerName: string;
  /** The customer's contact, for the salutation; the company's name when left out. */
  contactName?: string | null;
  orderNumber: string;
  orderDate: string;
  position: number;
  instalmentName?: string | null;
  dueDate: string;
  amount: string;
  outstanding: string;
  daysOverdue: number;
  /** 1 for the first reminder. */
  level: number;
  /** The signature; the owner's name when the letterhead has no company name. */
  companyName: string;
  companyPhone?: string | null;
  bankAccount?: string | null;
  /** Who to answer: the order's owner. */
  ownerName?: string | null;
}

const day = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function renderDunningEmail(v: DunningLetter): { subject: string; text: string } {
  const instalment = `第 ${v.position} 期${v.instalmentName ? `（${v.instalmentName}）` : ''}`;
  const subject = `${v.level > 1 ? `【第 ${v.level} 次提醒】` : ''}付款提醒：订单 ${v.orderNumber} ${instalment}款项已逾期 ${v.daysOverdue} 天`;
  const lines = [
    `${v.contactName ? `${v.contactName}` : v.customerName}，您好：`,
    '',
    `感谢贵司一直以来的支持与信任。贵司于 ${day(v.orderDate)} 签订的订单 ${v.orderNumber}，${instalment}款项应于 ${day(v.dueDate)} 支付，` +
      `截至目前已逾期 ${v.daysOverdue} 天。`,
    '',
    `\u3000\u3000本期应付金额：人民币 ${formatMoney(v.amount)} 元`,
    `\u3000\u3000尚未支付金额：人民币 ${formatMoney(v.outstanding)} 元（大写：${toCapitalAmount(v.outstanding)}）`,
    '',
    '烦请贵司尽快安排付款。如已付款，请将付款凭证回复给我们以便核对，并请忽略本提醒。',
    ...(v.bankAccount ? ['', `收款账户：${v.bankAccount}`] : []),
    '',
    `如有疑问，请联系${v.ownerName ? `您的客户经理 ${v.ownerName}` : '我们'}${v.companyPhone ? `（电话 ${v.companyPhone}）` : ''}。`,
    '',
    '此致',
    '敬礼！',
    ...(v.companyName || v.ownerName ? ['', v.companyName || v.ownerName] : []),
  ];
  return { subject, text: lines.join('\n') };
}
