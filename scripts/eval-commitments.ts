// npm run eval:commitments: precision and recall of the commitment extractor, as the importer runs
// it, on the hand-labelled commitments of the real reports (test/fixtures/commitments).
import { commitmentLabelFiles, scoreCommitments } from './commitments-eval.js';

for (const file of commitmentLabelFiles()) {
  const s = scoreCommitments(file);
  console.log(`${file}: ${s.labelled} labelled, ${s.found} found, ${s.matched} matched`);
  console.log(`  precision ${s.precision.toFixed(2)}  recall ${s.recall.toFixed(2)}  due date right ${s.dueRight.toFixed(2)} of those matched`);
  for (const m of s.missed) console.log(`  missed  ${m}`);
  for (const x of s.extra) console.log(`  extra   ${x}`);
}
