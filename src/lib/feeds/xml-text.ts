/**
 * Text that is safe in XML 1.0 whatever came from the internet: characters
 * XML forbids (most control characters, lone surrogates, U+FFFE/U+FFFF) are
 * removed. Escaping `<`, `&` and `]]>` is the XML builder's job.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(FORBIDDEN_IN_XML, '');
}

/** Escapes text for an XML attribute or element we write ourselves (customData, OPML). */
export function escapeXml(text: string): string {
  return xmlText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
