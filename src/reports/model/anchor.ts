// Anchors for the report's sections and rows.

/** A URL-safe anchor, prefixed so that ids never collide across sections. */
export function anchor(prefix: string, slug: string): string {
  return `${prefix}-${slug}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/-$/, '');
}
