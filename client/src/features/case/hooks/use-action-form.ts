import type { UseMutationResult } from '@tanstack/react-query';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { type SchemaFormOptions, useSchemaForm } from '../../../lib/schema-form.ts';
import { useCaseAction } from './use-case-action.ts';

/** A case action form: its write (idempotent, see useCaseAction) and its fields, which show the write's field errors. */
export function useActionForm<
  I extends { idempotencyKey: string },
  O,
  S extends z.ZodType<unknown, FieldValues>,
>(
  mutation: UseMutationResult<O, unknown, I, unknown>,
  onDone: (output: O) => void,
  schema: S,
  options: Omit<SchemaFormOptions<S>, 'serverErrors'>,
) {
  const action = useCaseAction(mutation, onDone);
  const form = useSchemaForm(schema, { ...options, serverErrors: action.failure?.fieldErrors });
  return { action, form };
}
