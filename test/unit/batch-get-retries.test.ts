import { describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PublishedContentRepository } from '../../shared/adapters/dynamo/published-content';

/**
 * Search results in one round (issue 22 #3): the renditions of a page come from one BatchGetItem.
 * DynamoDB Local never leaves keys unprocessed, so a stand-in for the AWS client does, as DynamoDB
 * does under throttling: the keys left are asked again, with growing waits, in the order asked.
 */
const rendition = (id: string) => ({
  pk: `PUBCONTENT#${id}`,
  sk: 'PUBCONTENT',
  id,
  portal: 'binhdinh',
  title: id,
  status: 'published',
});

function throttlingClient(leaveUnprocessed: number[]) {
  const asked: string[][] = [];
  const client = {
    send: async (command: { input: { RequestItems: Record<string, { Keys: Array<{ pk: string }> }> } }) => {
      const keys = command.input.RequestItems.table!.Keys;
      asked.push(keys.map((k) => k.pk));
      const left = leaveUnprocessed.shift() ?? 0;
      return {
        Responses: { table: keys.slice(left).map((k) => rendition(k.pk.replace('PUBCONTENT#', ''))) },
        ...(left > 0 && { UnprocessedKeys: { table: { Keys: keys.slice(0, left) } } }),
      };
    },
  };
  return { repo: new PublishedContentRepository(client as unknown as DynamoDBDocumentClient, 'table'), asked };
}

describe('renditions of a page of hits', () => {
  it('reads them in one BatchGetItem when nothing is throttled, in the order asked, undefined where missing', async () => {
    const { repo, asked } = throttlingClient([]);
    const got = await repo.getMany(['b', 'a', 'b']);
    expect(got.map((r) => r?.id)).toEqual(['b', 'a', 'b']);
    expect(asked).toEqual([['PUBCONTENT#b', 'PUBCONTENT#a']]);
  });

  it('asks again for the keys left unprocessed until none are left', async () => {
    const { repo, asked } = throttlingClient([2, 1]);
    const got = await repo.getMany(['a', 'b', 'c']);
    expect(got.map((r) => r?.id)).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([
      ['PUBCONTENT#a', 'PUBCONTENT#b', 'PUBCONTENT#c'],
      ['PUBCONTENT#a', 'PUBCONTENT#b'],
      ['PUBCONTENT#a'],
    ]);
  });

  it('gives up with an error rather than a page with holes when throttling never ends', async () => {
    const { repo, asked } = throttlingClient(Array(10).fill(1));
    await expect(repo.getMany(['a', 'b'])).rejects.toThrow(/unprocessed after 6 attempts/);
    expect(asked).toHaveLength(6);
  });
});
