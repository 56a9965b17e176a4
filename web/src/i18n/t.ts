import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type en from './catalogs/en.json';

/** Every message id is a key of the English catalog: a typo is a type error, not a blank label. */
export type MessageId = keyof typeof en;
export type Values = Record<string, string | number | Date | null | undefined>;

/** Formats catalog messages (ICU MessageFormat) in the page's language. */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: Values) => intl.formatMessage({ id }, values), [intl]);
}
