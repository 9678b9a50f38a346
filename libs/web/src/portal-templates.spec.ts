import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIEWS_DIR } from './views';

/** The portal's templates and those both apps share; the back office's are checked by their own owners. */
const TEMPLATES = [
  'layout.njk',
  'error.njk',
  ...readdirSync(join(VIEWS_DIR, 'partials')).map((f) => `partials/${f}`),
  ...readdirSync(join(VIEWS_DIR, 'portal')).map((f) => `portal/${f}`),
].filter((f) => f.endsWith('.njk'));

const GLUE = '\u0001';

/**
 * Words a template would show as they are, in either language: what is left of its text nodes
 * once comments, scripts, nunjucks expressions and tags are gone. A word stuck to an expression
 * (`{{ n.id }}-hint`) is part of a name, and `name="value"` outside a tag is an attribute a
 * block fills in; neither is shown.
 */
function bareWords(template: string): string[] {
  const text = template
    .replace(/{#[\s\S]*?#}/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/{{[\s\S]*?}}|{%[\s\S]*?%}/g, GLUE)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?\w+;/g, ' ')
    .replace(/\b[\w-]+="[^"]*"/g, ' ')
    .replace(new RegExp(`[\\w-]+${GLUE}|${GLUE}[\\w-]+`, 'g'), ' ');
  return text.match(/[A-Za-z]{2,}|[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/g) ?? [];
}

describe('portal and shared templates', () => {
  it('tell a bare word in a text node from names, attributes, comments and expressions', () => {
    expect(bareWords('<p class="lead" id="{{ n.id }}-hint">{{ t("a") }}</p>{# a note #}<!-- another -->')).toEqual([]);
    expect(bareWords('{% block mainClass %} class="main--flush"{% endblock %}<script>var x = 1;</script>')).toEqual([]);
    expect(bareWords('<span>{{ size }} KB</span>')).toEqual(['KB']);
    expect(bareWords('<h1>提交申请</h1><p>Submit {{ t("x") }}</p>')).toEqual(['提交申请', 'Submit']);
    expect(bareWords('<p>（{{ n }}）</p>')).toEqual(['（', '）']);
  });

  it('take every word they show from the message catalogues: no Chinese or English written into them', () => {
    expect(TEMPLATES.length).toBeGreaterThan(10);
    const found = TEMPLATES.flatMap((file) => bareWords(readFileSync(join(VIEWS_DIR, file), 'utf8')).map((word) => `${file}: ${word}`));
    expect(found).toEqual([]);
  });
});
