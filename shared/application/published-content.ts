import { PublishedContentRepository } from '../adapters/dynamo/published-content';
import { documentClient } from '../adapters/aws-clients';
import { env } from '../config/env';

/** The public renditions of published items, for the public read functions (no directory, no accounts). */
let repository: PublishedContentRepository | undefined;
export const publishedContent = () => (repository ??= new PublishedContentRepository(documentClient(), env().TABLE_NAME));
