import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Removes formatting whitespace and comments from the static parts of the widget's html`` and css``
 * templates before bundling: the template text is most of what Lit cannot minify itself, and the
 * size budget counts every byte. Only whitespace that contains a line break is touched in html
 * (that is Prettier's formatting; a space written on one line can be meaningful text).
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'vo-feedback:minify-templates',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
          const kind = node.tag.text;
          if (kind === 'html' || kind === 'css') {
            const template = node.template;
            const parts = ts.isNoSubstitutionTemplateLiteral(template)
              ? [template]
              : [template.head, ...template.templateSpans.map((span) => span.literal)];
            for (const part of parts) {
              // Text between the delimiters: ` or } at the start, ` or ${ at the end.
              const start = part.getStart(source) + 1;
              const end =
                part.getEnd() -
                (ts.isTemplateTail(part) || ts.isNoSubstitutionTemplateLiteral(part) ? 1 : 2);
              const raw = code.slice(start, end);
              const text = kind === 'css' ? minifyCss(raw) : minifyHtml(raw);
              if (text !== raw) edits.push({ start, end, text });
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (!edits.length) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) {
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      }
      return { code: out, map: null };
    },
  };
}

export function minifyCss(css: string): string {
  return (
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      // [part='x'] needs no quotes, 0.5em no leading zero, a product in calc() no spaces.
      .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
      .replace(/([\s:(,])0\./g, '$1.')
      .replace(/ \* /g, '*')
      .trim()
  );
}

export function minifyHtml(html: string): string {
  return (
    html
      .replace(/>\s*\n\s*</g, '><')
      .replace(/^\s*\n\s*</, '<')
      .replace(/>\s*\n\s*$/, '>')
      // A tag closed on a line of its own: `<label\n>`, `</label\n>`.
      .replace(/\s*\n\s*>/g, '>')
      .replace(/\s*\n\s*/g, ' ')
  );
}
