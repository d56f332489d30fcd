import {
  dialCheckInput,
  dialCheckOutput,
  dialerError,
  dialReason,
  dialResultInput,
  dialResultOutput,
} from '@arrears/shared/schemas/dialer';
import { z } from 'zod';

/** One route of the dialer's door: the OpenAPI document and the Express router are both built from this list. */
export interface DialerRoute {
  method: 'post';
  path: string;
  operationId: string;
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
}

export const DIALER_BASE = '/api/dialer/v1';

export const DIALER_ROUTES = {
  checks: {
    method: 'post',
    path: '/checks',
    operationId: 'checkDial',
    summary:
      'May I dial this number for this case now? Allowed: the dial is reserved for 60 seconds. Refused: the rules, ' +
      'their reasons and the next allowed instant.',
    input: dialCheckInput,
    output: dialCheckOutput,
  },
  results: {
    method: 'post',
    path: '/results',
    operationId: 'recordDialResult',
    summary:
      'Here is the result of a dial. Idempotent by callId (a replay answers the same, recorded once); consumes the ' +
      'reservation; a dial without a live reservation is recorded with the rules it broke and raised to a supervisor.',
    input: dialResultInput,
    output: dialResultOutput,
  },
} as const satisfies Record<string, DialerRoute>;

const ERROR_STATUSES = {
  '400': 'The request is not valid (messageCode and fieldErrors say why).',
  '401': 'The API key is missing, unknown or revoked.',
  '404': 'No such case or number within the key’s scope.',
  '409': 'The call id was already reported with a different result.',
  '413': 'The body is larger than the limit.',
  '415': 'The body is not JSON.',
  '429': 'Too many requests for this key; Retry-After says when to try again.',
  '503': 'The database is not answering; Retry-After says when to try again.',
} as const;

/**
 * The OpenAPI 3.1 document of the dialer's door, generated from the routes' zod schemas (zod's own JSON Schema,
 * draft 2020-12, which OpenAPI 3.1 uses as is): requests as the handlers parse them, answers as they send them.
 */
export function dialerOpenApi(): Record<string, unknown> {
  const inputs = z.registry<{ id: string }>();
  inputs.add(dialCheckInput, { id: 'DialCheckRequest' });
  inputs.add(dialResultInput, { id: 'DialResultRequest' });
  const outputs = z.registry<{ id: string }>();
  outputs.add(dialCheckOutput, { id: 'DialCheckResponse' });
  outputs.add(dialResultOutput, { id: 'DialResultResponse' });
  outputs.add(dialReason, { id: 'DialReason' });
  outputs.add(dialerError, { id: 'Error' });
  const schemasOf = (registry: typeof inputs, io: 'input' | 'output') => {
    const { schemas } = z.toJSONSchema(registry, {
      io,
      target: 'draft-2020-12',
      uri: (id) => `#/components/schemas/${id}`,
    });
    // Each schema names its dialect once, for the whole document (jsonSchemaDialect).
    return Object.fromEntries(
      Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema]),
    );
  };
  const ref = (registry: typeof inputs, schema: z.ZodType) => ({
    $ref: `#/components/schemas/${registry.get(schema)!.id}`,
  });
  const error = ref(outputs, dialerError);
  const paths: Record<string, unknown> = {};
  for (const route of Object.values(DIALER_ROUTES)) {
    paths[route.path] = {
      [route.method]: {
        operationId: route.operationId,
        summary: route.summary,
        security: [{ apiKey: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref(inputs, route.input) } },
        },
        responses: {
          '200': {
            description: 'The answer.',
            content: { 'application/json': { schema: ref(outputs, route.output) } },
          },
          ...Object.fromEntries(
            Object.entries(ERROR_STATUSES).map(([status, description]) => [
              status,
              { description, content: { 'application/json': { schema: error } } },
            ]),
          ),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ArrearsDesk dialer API',
      version: '1.0.0',
      description:
        'Pre-dial compliance checks and dial results for a dialer or softphone. Authenticate with an integration ' +
        'API key created by an admin (Admin › Integrations): Authorization: Bearer <key>.',
    },
    servers: [{ url: DIALER_BASE }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { ...schemasOf(inputs, 'input'), ...schemasOf(outputs, 'output') },
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An integration API key.' } },
    },
  };
}
