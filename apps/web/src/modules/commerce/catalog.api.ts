// Data of the commerce pages: the category tree, price lists (with items), discount rules, and the price engine.
import { useQuery } from '@tanstack/react-query';
import type {
  DiscountRule,
  DiscountRuleInput,
  PriceList,
  PriceListInput,
  ProductCategory,
  ProductCategoryInput,
  QuoteLinesRequest,
  QuoteLinesResponse,
} from '@guanxi/contracts';
import { api, request } from '../../platform/api.ts';

export const catalogKeys = {
  categories: ['productCategories'] as const,
  priceLists: ['priceLists'] as const,
  priceList: (id: string) => ['priceLists', id] as const,
  discountRules: ['discountRules'] as const,
};

export const useProductCategories = () =>
  useQuery({
    queryKey: catalogKeys.categories,
    queryFn: () => api.get<{ items: ProductCategory[] }>('/product-categories').then((r) => r.items),
  });

export const usePriceLists = () =>
  useQuery({
    queryKey: catalogKeys.priceLists,
    queryFn: () => api.get<{ items: PriceList[] }>('/price-lists').then((r) => r.items),
  });

export const usePriceList = (id: string | null) =>
  useQuery({
    queryKey: catalogKeys.priceList(id ?? ''),
    enabled: !!id,
    queryFn: () => api.get<PriceList>(`/price-lists/${id}`),
  });

export const useDiscountRules = () =>
  useQuery({
    queryKey: catalogKeys.discountRules,
    queryFn: () => api.get<{ items: DiscountRule[] }>('/discount-rules').then((r) => r.items),
  });

/** Creates when there is no id; otherwise saves over `version` (412 when someone saved in between). */
const save = <T>(path: string, body: unknown, existing?: { id: string; version: number }) =>
  existing ? request<T>('PUT', `${path}/${existing.id}`, body, { ifMatch: existing.version }) : api.post<T>(path, body);

export const saveCategory = (body: ProductCategoryInput, existing?: ProductCategory) =>
  save<ProductCategory>('/product-categories', body, existing);
export const removeCategory = (id: string) => api.delete<void>(`/product-categories/${id}`);
export const savePriceList = (body: PriceListInput, existing?: PriceList) => save<PriceList>('/price-lists', body, existing);
export const removePriceList = (id: string) => api.delete<void>(`/price-lists/${id}`);
export const saveDiscountRule = (body: DiscountRuleInput, existing?: DiscountRule) =>
  save<DiscountRule>('/discount-rules', body, existing);
export const removeDiscountRule = (id: string) => api.delete<void>(`/discount-rules/${id}`);

export const quoteLines = (body: QuoteLinesRequest) => api.post<QuoteLinesResponse>('/pricing/quote-lines', body);
