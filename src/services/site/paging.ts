// How many entries a public list shows on one page.
export const PAGE_SIZE = 20;
