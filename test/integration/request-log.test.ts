import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { defineRoute, json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { useLocalStack } from '../support/local-stack';
import { logAtInfo } from '../support/log-capture';
import { apiEvent, testContext } from '../support/api-event';

// This file's handlers log at INFO.
logAtInfo();

/** The request log line (issue 12 #22): one per request, replays included, from the Powertools logger's own output. */
const local = useLocalStack();

const createNote = defineRoute({
  id: 'createNote',
  method: 'POST',
  path: '/notes',
  function: 'health',
  auth: 'public',
  summary: 'test route',
  tags: ['test'],
  body: z.object({ title: z.string() }),
  responses: { 201: { description: 'created' } },
});

const handler = () =>
  httpFunction(
    'health',
    { createNote },
    { createNote: async ({ body }) => json(201, { title: body.title }) },
    httpServices(local.stack().services),
  );
const post = (key: string) =>
  handler()(
    apiEvent(createNote, {
      body: '{"title":"Nhật ký"}',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
    }),
    testContext(),
  );

async function captureStdout(run: () => Promise<void>): Promise<string[]> {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return chunks
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'));
}

describe('request log', () => {
  it('writes one line per request, a replayed one included, without the body', async () => {
    const key = `log-${Date.now()}`;
    let replayed: string | undefined;
    const lines = await captureStdout(async () => {
      await post(key);
      replayed = String((await post(key)).headers?.['idempotent-replayed']);
    });
    expect(replayed).toBe('true');
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.message === 'request');
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => [r.method, r.route, r.status])).toEqual([
      ['POST', '/notes', 201],
      ['POST', '/notes', 201],
    ]);
    expect(lines.join('\n')).not.toContain('Nhật ký');
  });
});
