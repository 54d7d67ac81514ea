// Data of 商务设置: the letterhead and defaults (saved with If-Match), the discount limits per role and the chain.
import { useQuery } from '@tanstack/react-query';
import type {
  ApprovalChain,
  ApprovalChainInput,
  CommerceSettings,
  CommerceSettingsInput,
  DiscountLimits,
  DiscountLimitsInput,
} from '@guanxi/contracts';
import { api, request } from '../../../platform/api.ts';

export const settingsKeys = {
  settings: ['commerceSettings'] as const,
  limits: ['commerceDiscountLimits'] as const,
  chain: ['commerceApprovalChain'] as const,
};

export const useCommerceSettings = () =>
  useQuery({ queryKey: settingsKeys.settings, queryFn: () => api.get<CommerceSettings>('/commerce/settings') });
export const useDiscountLimits = () =>
  useQuery({ queryKey: settingsKeys.limits, queryFn: () => api.get<DiscountLimits>('/commerce/discount-limits') });
export const useApprovalChain = () =>
  useQuery({ queryKey: settingsKeys.chain, queryFn: () => api.get<ApprovalChain>('/commerce/approval-chain') });

export const saveCommerceSettings = (body: CommerceSettingsInput, version: number) =>
  request<CommerceSettings>('PUT', '/commerce/settings', body, { ifMatch: version });
export const saveDiscountLimits = (body: DiscountLimitsInput) =>
  request<DiscountLimits>('PUT', '/commerce/discount-limits', body);
export const saveApprovalChain = (body: ApprovalChainInput) => request<ApprovalChain>('PUT', '/commerce/approval-chain', body);
