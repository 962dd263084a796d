/**
 * Legal-document search on DynamoDB alone (issue 8 §8): documents give term entries
 * (searchTermsOf), a query gives bounded reads (planSearch), the reads give ranked hits
 * (collectCandidates, rank). Pure: the keys are in shared/adapters/dynamo/keys.ts.
 */
export * from './normalize';
export * from './legal-number';
export * from './terms';
export * from './plan';
export * from './rank';
