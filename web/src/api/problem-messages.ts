/**
 * A field problem from the API in the page's language. The server sends a code and its
 * parameters (src/core/validation.ts) beside its English message; a code the catalogs know
 * becomes that catalog's message with the same parameters, so every language states the same
 * limit. Any other problem (a rule of the domain, worded by the server) keeps its message.
 */
export interface FieldError {
  pointer?: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export type FormatMessage = (id: string, values: Record<string, string | number>) => string;

const SIZED = new Set(['string', 'number', 'bigint', 'int', 'array', 'set', 'date']);

/** The catalog id for a problem's code, or undefined when it has none. */
export function problemMessageId(e: FieldError): string | undefined {
  const origin = String(e.params?.origin ?? '');
  const kind = origin === 'bigint' || origin === 'int' ? 'number' : origin === 'set' ? 'array' : origin;
  switch (e.code) {
    case 'too_small':
    case 'too_big':
      return SIZED.has(origin) && e.params?.[e.code === 'too_small' ? 'minimum' : 'maximum'] !== undefined ? `field.${e.code}.${kind}` : undefined;
    case 'invalid_format':
      return e.params?.format === 'email' ? 'field.invalid_format.email' : 'field.invalid_format';
    case 'invalid_type':
    case 'invalid_value':
    case 'unrecognized_keys':
    case 'not_multiple_of':
      return `field.${e.code}`;
    default:
      return undefined;
  }
}

export function problemMessage(e: FieldError, format: FormatMessage): string {
  const id = problemMessageId(e);
  if (!id) return e.message;
  // `values` and `keys` are renamed for the catalogs: the ICU tools take those two names for Map methods.
  const { values, keys, ...rest } = e.params ?? {};
  return format(id, { ...rest, ...(values !== undefined ? { choices: values } : {}), ...(keys !== undefined ? { fields: keys } : {}) });
}
