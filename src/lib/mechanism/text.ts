/** A text in English and Chinese (the mechanism modules' labels). */
export interface Bi {
  en: string;
  zh: string;
}
