// Where a form in the workspace may send the person back to: a workspace address, never elsewhere.
export function safeBack(back: string | undefined): string {
  return back && /^\/manage(\/[A-Za-z0-9/_.%-]*)?$/.test(back) && !back.includes('..') ? back : '/manage';
}
