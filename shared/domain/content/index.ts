/**
 * Content items: categories (NĐ 42/2022 Điều 4), legal-document metadata, deadlines, revisions. Rich
 * text (./rich-text) is imported on its own: only item creation needs the HTML sanitiser; so are the edit
 * rules (./editing), which only the creation bundle uses.
 */
export * from './categories';
export * from './legal-document';
export * from './deadline';
export * from './approval';
export * from './revisions';
export * from './citation';
export * from './attribution';
