/** Content items: categories (NĐ 42/2022 Điều 4), legal-document metadata, rich text, deadlines, revisions. */
export * from './categories';
export * from './legal-document';
export * from './rich-text';
export * from './deadline';
export * from './revisions';
export * from './citation';
