/** The shape of a text tree with every text widened to string, so a translation can differ in content. */
export type WidenTexts<T> = { [K in keyof T]: T[K] extends string ? string : WidenTexts<T[K]> };
