// Type-check only (tsconfig.typecheck.json): the root of aws-cdk-lib, as far as our code may use it.
// Import AWS services by path (aws-cdk-lib/aws-s3…) and the core by aws-cdk-lib/core.
export * from 'aws-cdk-lib/core';
