import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/**
 * libxml2 (the xmllint of most Linux systems, compiled to WebAssembly and shipped in the npm
 * package, so it runs offline): a strict XML 1.0 parse, and XML Schema validation against the
 * sitemaps.org schemas vendored in test/fixtures/sitemaps-org.
 */
const schema = (name: 'sitemap.xsd' | 'siteindex.xsd') => ({
  fileName: name,
  contents: readFileSync(new URL(`../fixtures/sitemaps-org/${name}`, import.meta.url), 'utf8'),
});

/** Enough WebAssembly memory for a 50,000-URL sitemap. */
const MEMORY = { initialMemoryPages: 1024, maxMemoryPages: 8192 };

export async function xmlErrors(xml: string, against?: 'sitemap.xsd' | 'siteindex.xsd'): Promise<string[]> {
  const file = { fileName: 'document.xml', contents: xml };
  const result = against
    ? await validateXML({ xml: [file], schema: [schema(against)], ...MEMORY })
    : await validateXML({ xml: [file], normalization: 'c14n', ...MEMORY });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/**
 * Many documents in one run of xmllint (each run starts a worker and a WebAssembly instance,
 * ~0.3 s): the errors of each, in order.
 */
export async function xmlErrorsOfEach(xmls: readonly string[]): Promise<string[][]> {
  const files = xmls.map((contents, i) => ({ fileName: `document-${i}.xml`, contents }));
  const result = await validateXML({ xml: files, normalization: 'c14n', ...MEMORY });
  return files.map((f) => result.errors.filter((e) => e.loc?.fileName === f.fileName).map((e) => e.rawMessage));
}
