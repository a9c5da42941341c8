// zod-free, so the mini-program can import it at runtime.

/** The media type of the .xlsx files the service exports and imports (台账, 红色银行 service records). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
