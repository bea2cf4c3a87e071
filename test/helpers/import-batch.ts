// A small report whose items carry facts, places and a commitment, with names found nowhere else,
// so that a test can tell at a glance whether any of it reached a public page.
export const BATCH_REPORT = [
  'Great Communities', '',
  'Quillmere library – The new Quillmere library opened in Melton in May 2024 and lent 12,000 books. We will open a second branch in Oakham by spring 2026.', '',
  'Yarrowfield play park – A play park opened in Oakham for 300 children.', '',
  'Clean and Green', '',
  'Brambleton recycling – Recycling rose to 52% across the county. Fly-tipping fell by 18% after 40 new cameras went up in Melton.', '',
].join('\n');
