import { z } from 'zod';
import type { App, AppContext } from '../../http/types.js';
import { Country, listCountries } from './countries.js';
import { Currency, listCurrencies } from './currencies.js';
import { getOccupation, OccupationDetail, Occupation, OccupationQuery, searchOccupations } from './occupations.js';

/**
 * Public: these are published international standards (ISO 3166, ISO 4217, ISCO-08, the WHO
 * list) with nothing personal in them, and the pages for people without an account (price
 * comparison, contract verification, open data) need their names.
 */
export async function referenceRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;
  const tags = ['reference'];

  app.get(
    '/api/v1/reference/countries',
    {
      config: { public: true },
      schema: { tags, summary: 'ISO 3166-1 countries, with the WHO safeguard list flag', response: { 200: z.object({ countries: z.array(Country) }) } },
    },
    async () => ({ countries: await listCountries(db()) }),
  );

  app.get(
    '/api/v1/reference/currencies',
    {
      config: { public: true },
      schema: { tags, summary: 'ISO 4217 currencies and their minor units', response: { 200: z.object({ currencies: z.array(Currency) }) } },
    },
    async () => ({ currencies: await listCurrencies(db()) }),
  );

  app.get(
    '/api/v1/reference/occupations',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'ISCO-08 groups, searched by code prefix or title',
        querystring: OccupationQuery,
        response: { 200: z.object({ occupations: z.array(Occupation) }) },
      },
    },
    async (request) => ({ occupations: await searchOccupations(db(), request.query) }),
  );

  app.get(
    '/api/v1/reference/occupations/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One ISCO-08 group with its definition and sub-groups',
        params: z.object({ code: z.string().regex(/^[0-9]{1,4}$/, 'an ISCO-08 code is 1 to 4 digits') }),
        response: { 200: OccupationDetail },
      },
    },
    async (request) => getOccupation(db(), request.params.code),
  );
}
