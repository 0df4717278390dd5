// The part of jsdom's API that scripts/prerender.ts uses (jsdom ships no types; @types/jsdom would be one more
// dependency for two lines).
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string, options?: {url?: string});
    readonly window: Window & typeof globalThis & {close(): void};
  }
}
