// Tiny PDFs written byte by byte for the bad-input tests: one page of text, the same page behind a
// password (a standard security handler whose user password is not empty), and a page with no text.
const enc = new TextEncoder();

/** A PDF whose pages draw the given content streams in Helvetica; behind a password when `encrypt`. */
export function pdfOfPages(contents: string[], encrypt = false): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const content of contents) {
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${objects.length} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  // The owner and user keys are made up: no password, the empty one included, opens it.
  if (encrypt) objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -44 >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = 'ab'.repeat(16);
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt ? ` /Encrypt ${objects.length} 0 R /ID [<${id}> <${id}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc.encode(out);
}

const pdf = (content: string, encrypt: boolean): Uint8Array => pdfOfPages([content], encrypt);

const TEXT = 'BT /F1 12 Tf 72 720 Td (Great Communities: a new library opened in Melton in 2024.) Tj ET';

export const textPdf = (): Uint8Array => pdf(TEXT, false);
export const passwordPdf = (): Uint8Array => pdf(TEXT, true);
/** A page that only draws a filled rectangle, as a scan's image would fill it: no text to read. */
export const scannedPdf = (): Uint8Array => pdf('0.2 0.3 0.4 rg 72 72 468 648 re f', false);
