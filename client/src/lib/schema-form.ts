import type { Language } from '@arrears/shared/domain/language';
import { renderErrorMessage } from '@arrears/shared/errors/messages';
import { issueMessage } from '@arrears/shared/errors/zod-issues';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useRef } from 'react';
import {
  type FieldError,
  type FieldValues,
  get,
  type Path,
  type Resolver,
  type UseFormProps,
  type UseFormRegisterReturn,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { currentLanguage } from '../i18n/current-language.ts';

/**
 * What a field's problem is called on screen, when the schema's own message (written for API callers) is not
 * what the form says: a fixed text, or one chosen from the issue (`error.type` is the zod issue code). A function
 * that returns undefined keeps the schema's message.
 */
export type FieldMessage = string | ((error: FieldError) => string | undefined);
export type FieldMessages<T extends FieldValues> = Partial<Record<Path<T>, FieldMessage>>;

/** The form's words for a value too short (or empty); any other problem keeps the schema's message. */
export function tooShort(text: string): FieldMessage {
  return (error) => (error.type === 'too_small' ? text : undefined);
}

/** Per-field messages from the server's last refusal: dotted path → messages (`readApiError(e).fieldErrors`). */
export type ServerFieldErrors = Partial<Record<string, string[]>>;

// biome-ignore lint/suspicious/noExplicitAny: any zod object schema whose input is the form's values
type FormSchema = z.ZodType<any, FieldValues>;

/**
 * The zod resolver over a form schema (a shared request schema, or one derived from it with .pick/.extend), with
 * the form's own words for its problems put in place of the schema's. In a language other than English, the
 * schema's problems read from the shared error catalogue (the schema's own words are English).
 */
export function schemaResolver<S extends FormSchema>(
  schema: S,
  messages?: FieldMessages<z.input<S>>,
  language: Language = currentLanguage(),
): Resolver<z.input<S>, unknown, z.output<S>> {
  const base = zodResolver(schema) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  if (!messages && language === 'en') return base;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    if (language !== 'en' && Object.keys(result.errors).length > 0) {
      await translateProblems(schema, values, result.errors, language);
    }
    for (const [path, message] of Object.entries(messages ?? {}) as [string, FieldMessage][]) {
      const error: FieldError | undefined = get(result.errors, path);
      if (!error) continue;
      const text = typeof message === 'string' ? message : message(error);
      if (text !== undefined) error.message = text;
    }
    return result;
  };
}

/**
 * Puts each field's first problem in `language`, from its Zod issue: the resolver keeps only a message and a type,
 * so the values are checked once more (only when a form in another language has problems, and forms are small).
 */
async function translateProblems(
  schema: FormSchema,
  values: unknown,
  errors: FieldValues,
  language: Language,
): Promise<void> {
  const parsed = await schema.safeParseAsync(values);
  if (parsed.success) return;
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const error: FieldError | undefined = get(errors, path);
    if (!error || seen.has(path)) continue;
    seen.add(path);
    error.message = renderErrorMessage(issueMessage(issue), language);
  }
}

/** The form's own problem with a field, else what the server said about it. */
export function fieldErrorOf(
  errors: UseFormReturn['formState']['errors'],
  serverErrors: ServerFieldErrors | undefined,
  name: string,
): string | undefined {
  const own: FieldError | undefined = get(errors, name);
  return own?.message || serverErrors?.[name]?.[0];
}

/** The most characters a text field of the schema takes, for the input's `maxLength`. */
export function maxLengthOf(schema: unknown, name: string): number | undefined {
  let node: unknown = schema;
  for (const key of name.split('.')) {
    const shape = isRecord(node) && isRecord(node.shape) ? node.shape : undefined;
    node = shape?.[key];
    // An optional or nullable field: its limits are those of what it wraps.
    while (isRecord(node) && typeof node.unwrap === 'function' && !('maxLength' in node))
      node = node.unwrap();
  }
  return isRecord(node) && typeof node.maxLength === 'number' ? node.maxLength : undefined;
}

export interface SchemaFormOptions<S extends FormSchema>
  extends Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> {
  messages?: FieldMessages<z.input<S>>;
  serverErrors?: ServerFieldErrors | undefined;
  /** Server fields the form shows under another name: `{ receivedAt: 'date' }`. */
  serverFieldNames?: Partial<Record<string, Path<z.input<S>>>>;
}

export interface SchemaForm<S extends FormSchema> extends UseFormReturn<z.input<S>, unknown, z.output<S>> {
  /** The message to show beside a field: the form's check once submitted, else the server's. */
  errorOf: (name: Path<z.input<S>>) => string | undefined;
  /** `register` plus the schema's `maxLength` for text. */
  field: (name: Path<z.input<S>>) => UseFormRegisterReturn & { maxLength?: number };
  /** A submit was tried and some field is still wrong: the form's alert says so. */
  hasProblems: boolean;
}

/**
 * The one form hook: react-hook-form validated by a zod schema built from the shared request schemas, so the
 * business limits are the server's own. Problems show after the first submit and follow each change after that;
 * the first invalid field takes the focus; the server's per-field messages show beside their fields.
 */
export function useSchemaForm<S extends FormSchema>(
  schema: S,
  { messages, serverErrors, serverFieldNames, ...options }: SchemaFormOptions<S> = {},
): SchemaForm<S> {
  // Messages are translated on each render and a schema may depend on today: the resolver reads the latest.
  const latest = useRef({ schema, messages });
  latest.current = { schema, messages };
  const resolver = useCallback<Resolver<z.input<S>, unknown, z.output<S>>>(
    (values, context, opts) =>
      schemaResolver(latest.current.schema, latest.current.messages)(values, context, opts),
    [],
  );
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
    ...options,
    resolver,
  });
  const { errors, isSubmitted } = form.formState;
  return {
    ...form,
    errorOf: (name) => fieldErrorOf(errors, renamed(serverErrors, serverFieldNames), name),
    field: (name) => {
      const maxLength = maxLengthOf(schema, name);
      return { ...form.register(name), ...(maxLength === undefined ? {} : { maxLength }) };
    },
    hasProblems: isSubmitted && Object.keys(errors).length > 0,
  };
}

/** The server's field errors under the names the form gives those fields. */
export function renamed(
  serverErrors: ServerFieldErrors | undefined,
  names: Partial<Record<string, string>> | undefined,
): ServerFieldErrors | undefined {
  if (!serverErrors || !names) return serverErrors;
  return Object.fromEntries(
    Object.entries(serverErrors).map(([path, messages]) => [names[path] ?? path, messages]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
