import { opmlText } from '../../lib/site/feeds.ts';

export function GET() {
  return new Response(opmlText(), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
}
