import type { paths } from '../../api/schema.js';

/**
 * The structured terms. The contract's GET answer types them as an open object, so the
 * shape is taken from the draft request body of the same OpenAPI document (defaults optional).
 */
export type Terms = paths['/api/v1/contracts']['post']['requestBody']['content']['application/json']['terms'];
export type Contract = NonNullable<paths['/api/v1/contracts/{id}']['get']['responses'][200]['content']['application/json']>;
export type Version = Contract['versions'][number];

/** The version a worker is asked about: the offer in progress, else the registered one, else the latest. */
export function versionToShow(contract: Contract): Version | undefined {
  const byState = (state: string) => contract.versions.find((v) => v.state === state);
  return (
    byState('offered') ??
    contract.versions.find((v) => v.version === contract.registered_version) ??
    contract.versions.find((v) => v.version === contract.current_version)
  );
}

export const termsOf = (version: Version) => version.terms as unknown as Terms;

export const COST_ITEMS = ['visa', 'work_permit', 'medical_test', 'outbound_travel', 'return_travel', 'insurance'] as const;

/** Statuses after registration: the contract has a number in the public registry. */
export const REGISTERED = new Set(['registered', 'active', 'completed', 'terminated']);
