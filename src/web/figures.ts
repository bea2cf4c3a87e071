// Charts from src/reports/charts arrive as complete <figure>s. The SVG is one image (role="img",
// labelled by the figure's title and description), so the names Observable Plot gives its inner
// groups ("dot", "line", "x-axis tick") are removed: ARIA does not allow them on those elements, and
// a screen reader would never reach them inside an image anyway.
export function withoutInnerSvgLabels(figureHtml: string): string {
  return figureHtml.replace(/(<svg\b[^>]*>)([\s\S]*?)(<\/svg>)/g, (_m, open: string, inner: string, close: string) =>
    open + inner.replace(/\s(?:aria-label|aria-description|aria-roledescription)="[^"]*"/g, '') + close);
}
