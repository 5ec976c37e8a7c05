import type { Transport } from '../transport';
import { listAll } from './http';
import type { Brand } from './types';

/** The account's brands (active and inactive), in Zendesk's order. */
export function listBrands(transport: Transport): Promise<Brand[]> {
  return listAll<Brand>(transport, '/api/v2/brands?per_page=100', 'brands', 'Listing brands');
}
