/** The part of i18next's t() the health texts need, so pure formatting can be tested with a stand-in. */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;
