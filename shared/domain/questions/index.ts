/** Q&A (issue 9): pure rules for asking, classifying and the question's clocks. */
export * from './asker';
export * from './vietnamese-text';
export * from './tracking';
export * from './clocks';
export * from './classification';
export * from './answer';
export * from './progress-notice';
export * from './served-actions';
export * from './redaction';
export * from './figures';
export * from './rating';
export * from './answerers';
