// The PDFKit namespace of @types/pdfkit is global; tsconfig.node lists only Node's types, so name it here.
/// <reference types="pdfkit" />

/** A pdfkit document as the layout functions of src/core/pdf receive it. */
export type PdfDocument = PDFKit.PDFDocument;

/** Page geometry and house colours shared by the letterhead, the footer and the text blocks (points, A4). */
export const a4Layout = {
  width: 595.28,
  height: 841.89,
  margins: { top: 138, bottom: 104, left: 64, right: 64 },
  colours: {
    text: '#1a1a1a',
    muted: '#5c6370',
    brand: '#001c3d',
    accent: '#e84e10',
    rule: '#c8ccd2',
    shade: '#eef0f3',
  },
  fontSize: { body: 10, small: 8, heading: 13, subheading: 10.5 },
} as const;

/** The width between the left and right margins. */
export const contentWidth = a4Layout.width - a4Layout.margins.left - a4Layout.margins.right;
