/**
 * Type declarations for modules that TypeScript cannot see: Framework's virtual `observablehq:stdlib`
 * (resolved by Framework at build time) and `topojson-client` (ships no types; only `feature` is used).
 * Only what the site's browser code uses is declared.
 */
declare module "observablehq:stdlib" {
  interface AbstractFile {
    readonly name: string;
    readonly mimeType: string;
    readonly href: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(encoding?: string): Promise<string>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json(): Promise<any>;
    blob(): Promise<Blob>;
  }
  export function FileAttachment(path: string): AbstractFile;
}

declare module "topojson-client" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export function feature(topology: any, object: any): any;
}
