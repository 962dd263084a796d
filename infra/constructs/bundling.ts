/** esbuild settings shared by the Lambda bundles (PortalFunction) and the bundle-size benchmark. */
export const bundlingTarget = 'node22';
export const esmRequireBanner = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
