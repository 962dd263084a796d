// Type-check only (tsconfig.typecheck.json): the v2 AWS SDK, which cognito-local's declarations
// import. Nothing of ours uses it.
export {};
