import { opmlText } from '../../lib/feeds/site-feeds.ts';

export function GET() {
  return new Response(opmlText(), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
}
