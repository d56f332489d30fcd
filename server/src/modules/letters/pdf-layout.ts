import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { woffToSfnt } from './woff-to-sfnt.ts';

/** One piece of a letter, in reading order; the layout places it and breaks pages. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; indent?: number; size?: number }
  | { kind: 'amount'; label: string; amount: string; bold?: boolean; indent?: number }
  | { kind: 'checkbox'; text: string; indent?: number }
  | { kind: 'space'; height: number }
  | { kind: 'cut'; text: string };

export interface LetterLayout {
  title: string;
  /** The return address printed top left: what an envelope's upper window shows. */
  returnAddress: readonly string[];
  /** The recipient block, placed where a #10 envelope's address window is. */
  recipient: readonly string[];
  /** Top right, beside the address block (reference, date). */
  aside: readonly string[];
  blocks: readonly Block[];
}

export interface RenderedLetter {
  bytes: Uint8Array;
  pages: number;
}

const PAGE: [number, number] = [612, 792]; // US Letter, points
const MARGIN = 54;
const BOTTOM = 54;
const BODY = 10;
const LEADING = 1.35;
const require = createRequire(import.meta.url);

/** Text Helvetica's WinAnsi encoding cannot show: the letter then embeds the CJK font for all of its text. */
const BEYOND_WIN_ANSI = /[^\n\u0020-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u20ac]/u;

let cjkFonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

/**
 * Noto Sans SC from the @fontsource package, the "chinese-simplified" cut (GB 2312 plus Latin), read once and
 * unwrapped from WOFF (woffToSfnt); pdf-lib embeds only the glyphs a letter uses.
 */
function loadCjkFonts() {
  cjkFonts ??= (async () => {
    const file = (weight: number) =>
      require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff`);
    const [regular, bold] = await Promise.all([readFile(file(400)), readFile(file(700))]);
    return { regular: woffToSfnt(regular), bold: woffToSfnt(bold) };
  })();
  return cjkFonts;
}

/**
 * fontkit as pdf-lib asks for it, with each font file parsed once per process: pdf-lib parses the bytes again for
 * every document, which for a CJK font costs more than the rest of the letter.
 */
const parsedFonts = new WeakMap<Uint8Array, unknown>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      parsedFonts.set(buffer, font);
    }
    return font as ReturnType<typeof fontkit.create>;
  },
};

function allText(layout: LetterLayout): string {
  const parts: string[] = [layout.title, ...layout.returnAddress, ...layout.recipient, ...layout.aside];
  for (const block of layout.blocks) {
    if (block.kind === 'amount') parts.push(block.label, block.amount);
    else if (block.kind !== 'space') parts.push(block.text);
  }
  return parts.join('\n');
}

/** Lays a letter out on US Letter pages and returns the PDF with its page count. */
export async function renderLetter(
  layout: LetterLayout,
  options: { createdAt: Date },
): Promise<RenderedLetter> {
  const doc = await PDFDocument.create();
  doc.setTitle(layout.title);
  doc.setCreator('ArrearsDesk');
  doc.setProducer('ArrearsDesk');
  doc.setCreationDate(options.createdAt);
  doc.setModificationDate(options.createdAt);
  let regular: PDFFont;
  let bold: PDFFont;
  if (BEYOND_WIN_ANSI.test(allText(layout))) {
    doc.registerFontkit(cachingFontkit);
    const fonts = await loadCjkFonts();
    regular = await doc.embedFont(fonts.regular, { subset: true });
    bold = await doc.embedFont(fonts.bold, { subset: true });
  } else {
    regular = await doc.embedFont(StandardFonts.Helvetica);
    bold = await doc.embedFont(StandardFonts.HelveticaBold);
  }
  const writer = new PageWriter(doc, regular, bold);
  writer.header(layout);
  for (const block of layout.blocks) writer.block(block);
  const bytes = await doc.save();
  return { bytes, pages: doc.getPageCount() };
}

class PageWriter {
  private page: PDFPage;
  private y: number;
  private readonly width = PAGE[0] - 2 * MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  header(layout: LetterLayout): void {
    let y = PAGE[1] - MARGIN;
    for (const line of layout.returnAddress) {
      this.page.drawText(line, { x: MARGIN, y, size: 9, font: this.regular });
      y -= 9 * LEADING;
    }
    let asideY = PAGE[1] - MARGIN;
    for (const line of layout.aside) {
      const w = this.regular.widthOfTextAtSize(line, 9);
      this.page.drawText(line, { x: PAGE[0] - MARGIN - w, y: asideY, size: 9, font: this.regular });
      asideY -= 9 * LEADING;
    }
    // The #10 window: about 2¼ in from the top, ⅞ in from the left.
    y = PAGE[1] - 162;
    for (const line of layout.recipient) {
      this.page.drawText(line, { x: 63, y, size: BODY + 1, font: this.regular });
      y -= (BODY + 1) * LEADING;
    }
    this.y = Math.min(y, PAGE[1] - 260);
    this.paragraph(layout.title, { font: this.bold, size: 14 });
    this.y -= 6;
  }

  block(block: Block): void {
    switch (block.kind) {
      case 'heading':
        this.y -= 4;
        this.paragraph(block.text, { font: this.bold, size: 12 });
        return;
      case 'paragraph':
        this.paragraph(block.text, {
          font: block.bold ? this.bold : this.regular,
          size: block.size ?? BODY,
          indent: block.indent ?? 0,
        });
        return;
      case 'amount': {
        const font = block.bold ? this.bold : this.regular;
        this.ensure(BODY * LEADING);
        this.page.drawText(block.label, { x: MARGIN + (block.indent ?? 0), y: this.y, size: BODY, font });
        const w = font.widthOfTextAtSize(block.amount, BODY);
        this.page.drawText(block.amount, { x: MARGIN + this.width - w, y: this.y, size: BODY, font });
        this.y -= BODY * LEADING;
        return;
      }
      case 'checkbox': {
        const indent = block.indent ?? 0;
        this.ensure(BODY * LEADING);
        this.page.drawRectangle({
          x: MARGIN + indent,
          y: this.y - 1,
          width: 8,
          height: 8,
          borderWidth: 0.8,
          borderColor: rgb(0, 0, 0),
        });
        this.paragraph(block.text, { font: this.regular, size: BODY, indent: indent + 14 });
        return;
      }
      case 'space':
        this.y -= block.height;
        return;
      case 'cut': {
        // The tear-off form starts on the same page when it fits, else on a new one.
        this.ensure(220);
        this.y -= 6;
        this.page.drawLine({
          start: { x: MARGIN, y: this.y },
          end: { x: MARGIN + this.width, y: this.y },
          thickness: 0.6,
          dashArray: [4, 3],
        });
        const w = this.regular.widthOfTextAtSize(block.text, 8);
        this.page.drawText(block.text, {
          x: MARGIN + (this.width - w) / 2,
          y: this.y - 11,
          size: 8,
          font: this.regular,
        });
        this.y -= 26;
        return;
      }
    }
  }

  private paragraph(text: string, options: { font: PDFFont; size: number; indent?: number }): void {
    const { font, size } = options;
    const indent = options.indent ?? 0;
    for (const line of wrap(text, (s) => this.measure(font, s) * size, this.width - indent)) {
      this.ensure(size * LEADING);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font });
      this.y -= size * LEADING;
    }
    this.y -= size * 0.35;
  }

  private readonly advances = new Map<PDFFont, Map<string, number>>();

  /** Width at size 1, summed per character: shaping a whole CJK run in fontkit for every wrap attempt is slow. */
  private measure(font: PDFFont, text: string): number {
    let widths = this.advances.get(font);
    if (!widths) {
      widths = new Map();
      this.advances.set(font, widths);
    }
    let total = 0;
    for (const char of text) {
      let width = widths.get(char);
      if (width === undefined) {
        width = font.widthOfTextAtSize(char, 1000) / 1000;
        widths.set(char, width);
      }
      total += width;
    }
    return total;
  }

  private ensure(height: number): void {
    if (this.y - height >= BOTTOM) return;
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }
}

/** Breaks text into lines that fit `width`: at spaces, and between any two Chinese characters. */
export function wrap(text: string, measure: (s: string) => number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Tokens: a run of non-space Latin, one CJK character, or a space.
    const tokens = paragraph.match(
      /[\u3000-\u9fff\uff00-\uffef][，。：；、）」]?|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/gu,
    ) ?? [''];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (line !== '' && measure(candidate.trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = /^\s+$/.test(token) ? '' : token;
      } else {
        line = candidate;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
