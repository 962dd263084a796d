/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundles (esbuild alias in
 * infra/constructs/bundling.ts). Event streams serve operations such as S3 SelectObjectContent;
 * no call we make uses one, yet every client loads the codec (~12 KiB minified) at cold start.
 * S3's client still asks for a marshaller when it is constructed, so that part answers; using
 * it, or any event-stream operation, throws. test/integration/lambda-bundle.test.ts runs a bundle
 * that calls DynamoDB, S3 and SQS.
 */
const notBundled = (): never => {
  throw new Error('AWS event streams are not bundled (infra/constructs/stubs/event-streams.ts)');
};

export const eventStreamSerdeProvider = () => ({ serialize: notBundled, deserialize: notBundled });

export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (input: T) => unknown }>(
  input: T,
) => Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });

export class EventStreamSerde {
  constructor() {
    notBundled();
  }
}
