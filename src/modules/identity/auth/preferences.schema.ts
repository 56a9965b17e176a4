import { z } from 'zod';

/** The languages the web application is written in (PRODUCT.md 6; web/src/i18n/languages.ts). */
export const WEB_LANGUAGES = ['en', 'ar', 'hi', 'ne', 'bn', 'tl', 'ur', 'id'] as const;

export const PreferencesRequest = z.object({
  language: z.enum(WEB_LANGUAGES).describe('The language the person chose in the web application; shown after sign-in on any device'),
});
export type PreferencesRequest = z.infer<typeof PreferencesRequest>;
