import { addNoteInput, recordAttorneyInput } from '@arrears/shared/schemas/casework';
import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorOf, maxLengthOf, renamed, schemaResolver, tooShort } from './schema-form.ts';

// biome-ignore lint/suspicious/noExplicitAny: the options a form passes its resolver, for any form
const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<any>;
const attorney = recordAttorneyInput.pick({ name: true, contact: true });

describe('the form hook over the shared request schemas', () => {
  it('passes the schema output (trimmed, normalized) to the submit handler', async () => {
    const result = await schemaResolver(attorney)(
      { name: '  Ann Lee ', contact: ' 555 ' },
      undefined,
      options,
    );
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ name: 'Ann Lee', contact: '555' });
  });

  it("reports the shared schema's limits, in the form's words where it gives them", async () => {
    const resolver = schemaResolver(attorney, { name: tooShort('Write the name.') });
    const result = await resolver({ name: 'A', contact: 'x' }, undefined, options);
    expect(result.errors.name?.message).toBe('Write the name.');
    // No words of its own for the contact: the schema's message stands.
    expect(result.errors.contact?.message).toBe('Write how to reach the attorney');
  });

  it('keeps the schema message for a problem that is not a short value', async () => {
    const result = await schemaResolver(addNoteInput.pick({ body: true }), { body: tooShort('Empty.') })(
      { body: 'a\u0000b' },
      undefined,
      options,
    );
    expect(result.errors.body?.message).toBe('contains a character that is not allowed');
  });

  it("says the schema's problems in Chinese when the dashboard speaks Chinese, the form's own words still first", async () => {
    const resolver = schemaResolver(attorney, { name: tooShort('请填写姓名。') }, 'zh');
    const result = await resolver({ name: 'A', contact: 'x\u0000' }, undefined, options);
    expect(result.errors.name?.message).toBe('请填写姓名。');
    expect(result.errors.contact?.message).toBe('包含不允许使用的字符');
    const english = await schemaResolver(attorney, undefined, 'en')(
      { name: 'A', contact: 'x' },
      undefined,
      options,
    );
    expect(english.errors.contact?.message).toBe('Write how to reach the attorney');
  });

  it('lets a message be chosen from the issue a refinement reported', async () => {
    const schema = z.object({ when: z.string().refine((v) => v !== 'later', 'future') });
    const resolver = schemaResolver(schema, { when: (error) => `translated ${error.message}` });
    const result = await resolver({ when: 'later' }, undefined, options);
    expect(result.errors.when?.message).toBe('translated future');
  });

  it("shows the form's own problem first, else the server's message for that field", () => {
    const own = { body: { type: 'too_small', message: 'Empty.' } };
    expect(fieldErrorOf(own, { body: ['server says'] }, 'body')).toBe('Empty.');
    expect(fieldErrorOf({}, { body: ['server says'] }, 'body')).toBe('server says');
    expect(fieldErrorOf({}, { 'steps.0.day': ['bad day'] }, 'steps.0.day')).toBe('bad day');
    expect(fieldErrorOf({}, undefined, 'body')).toBeUndefined();
  });

  it('renames server fields the form shows under another name', () => {
    expect(renamed({ receivedAt: ['in the future'], note: ['x'] }, { receivedAt: 'date' })).toEqual({
      date: ['in the future'],
      note: ['x'],
    });
  });

  it("reads a text field's maxLength from the shared schema, through optional", () => {
    expect(maxLengthOf(attorney, 'name')).toBe(200);
    expect(maxLengthOf(attorney, 'contact')).toBe(500);
    expect(maxLengthOf(z.object({ note: z.string().max(500).optional() }), 'note')).toBe(500);
    expect(maxLengthOf(attorney, 'missing')).toBeUndefined();
  });
});
