/** The shape of a translation: the same keys as English, every leaf a string. A missing key is a compile error. */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
