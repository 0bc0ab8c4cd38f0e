// A formula typeset by KaTeX (text, not an image, so it scales and screen readers get MathML).
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

export function Tex({ tex, display = false }: { readonly tex: string; readonly display?: boolean }) {
  // The formulas are constants of this app, never user input, so injecting KaTeX's HTML is safe.
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: display, throwOnError: true, output: 'htmlAndMathml' }),
    [tex, display],
  );
  return display ? (
    // Focusable because a wide formula scrolls sideways on a phone, and keyboard users must be able to scroll it.
    <div className="tex tex--display" tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
