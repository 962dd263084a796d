/** The Word document's media type: the reports function returns it, the API stack lists it as binary. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
