// HTML (a web page, or a Word document converted by mammoth) → plain text that keeps the structure
// the importer needs: "#" headings by level, "- " list items, "**bold**" lead-ins, "| a | b |" table rows.
import { parseHTML } from 'linkedom';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'head', 'svg', 'button', 'form']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'blockquote', 'figure', 'figcaption', 'address', 'dd', 'dt', 'header', 'footer', 'aside', 'body', 'html']);

interface El {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute?(name: string): string | null;
}

export function htmlToText(html: string): string {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  walk(document.documentElement as unknown as El, out);
  return out.join('\n\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function inline(node: El): string {
  if (node.nodeType === 3) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== 1) return '';
  const name = node.nodeName.toLowerCase();
  if (SKIP.has(name)) return '';
  if (name === 'br') return '\n';
  const inner = Array.from(node.childNodes).map(inline).join('');
  if ((name === 'strong' || name === 'b') && inner.trim()) return `**${inner.trim()}**${/\s$/.test(inner) ? ' ' : ''}`;
  return inner;
}

const tidy = (s: string) => s.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');

function walk(node: El, out: string[], listDepth = 0): void {
  if (node.nodeType !== 1) return;
  const name = node.nodeName.toLowerCase();
  if (SKIP.has(name)) return;
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    // A heading is bold anyway: its inner ** would only get in the way.
    const text = tidy(inline(node).replace(/\*\*/g, '')).replace(/\n/g, ' ');
    if (text) out.push(`${'#'.repeat(Number(heading[1]))} ${text}`);
    return;
  }
  if (name === 'ul' || name === 'ol') {
    const items: string[] = [];
    let n = 0;
    for (const li of Array.from(node.childNodes)) {
      if (li.nodeType !== 1 || li.nodeName.toLowerCase() !== 'li') continue;
      n++;
      const nested: string[] = [];
      const own = Array.from(li.childNodes).filter((c) => {
        const cn = c.nodeName.toLowerCase();
        if (cn === 'ul' || cn === 'ol') {
          walk(c, nested, listDepth + 1);
          return false;
        }
        return true;
      }).map((c) => (c.nodeType === 1 && BLOCK.has(c.nodeName.toLowerCase()) ? inline(c) + '\n' : inline(c))).join('');
      const text = tidy(own).replace(/\n/g, ' ');
      if (text) items.push(`${name === 'ol' ? `${n}.` : '-'} ${text}`);
      items.push(...nested);
    }
    if (items.length) out.push(items.join('\n'));
    return;
  }
  if (name === 'table') {
    const rows: string[] = [];
    const collect = (el: El) => {
      for (const c of Array.from(el.childNodes)) {
        if (c.nodeType !== 1) continue;
        const cn = c.nodeName.toLowerCase();
        if (cn === 'tr') {
          const cells = Array.from(c.childNodes).filter((x) => x.nodeType === 1 && /^t[dh]$/i.test(x.nodeName))
            .map((x) => tidy(inline(x).replace(/\*\*/g, '')).replace(/\n/g, ' ').replace(/\|/g, '/'));
          if (cells.some(Boolean)) rows.push(`| ${cells.join(' | ')} |`);
        } else collect(c);
      }
    };
    collect(node);
    if (rows.length) out.push(rows.join('\n'));
    return;
  }
  const children = Array.from(node.childNodes);
  const hasBlocks = children.some((c) => c.nodeType === 1 && (BLOCK.has(c.nodeName.toLowerCase()) || /^(?:h[1-6]|ul|ol|table|li)$/.test(c.nodeName.toLowerCase())));
  if (!hasBlocks) {
    const text = tidy(inline(node));
    if (text) out.push(text);
    return;
  }
  // Mixed content: runs of inline nodes form paragraphs between the blocks.
  let run: El[] = [];
  const flush = () => {
    const text = tidy(run.map(inline).join(''));
    if (text) out.push(text);
    run = [];
  };
  for (const c of children) {
    const cn = c.nodeName.toLowerCase();
    if (c.nodeType === 1 && (BLOCK.has(cn) || /^(?:h[1-6]|ul|ol|table)$/.test(cn))) {
      flush();
      walk(c, out, listDepth);
    } else run.push(c);
  }
  flush();
}
