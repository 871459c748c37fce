/**
 * The reference Hugo site for `npm run bench`: the same papers as plain
 * pages (paper, day and topic pages, RSS feeds for the home page and every
 * topic and day) and nothing else. The paper pages mark their article for
 * Pagefind as ours do (title, authors and abstract; topic, year and month
 * filters; a date sort), so the Pagefind CLI over Hugo's output, the peer
 * of our search step, indexes the same pages. Kept here as text and written
 * out before each run, so the project's formatter and linter, which cannot
 * read Go templates, never see them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILES: Record<string, string> = {
  'hugo.toml': `baseURL = "https://example.org/"
title = "Daily Papers (Hugo reference)"
languageCode = "en"
disableKinds = ["sitemap", "robotsTXT", "404"]
paginate = 50
enableGitInfo = false

[taxonomies]
  topic = "topics"
  day = "days"

[services.rss]
  limit = 50

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]
`,
  'layouts/_default/baseof.html': `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> · <a href="{{ "/topics/" | relURL }}">Topics</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
  'layouts/_default/single.html': `{{ define "main" }}
<article data-pagefind-body data-pagefind-sort="date:{{ .Date.Format "2006-01-02" }}">
<h1>{{ .Title }}</h1>
<p>{{ delimit .Params.authors ", " }}</p>
<p data-pagefind-ignore>Listed <a href="{{ printf "/days/%s/" (.Date.Format "2006-01-02") | relURL }}">{{ .Date.Format "2 January 2006" }}</a>
{{ range .GetTerms "topics" }} · <a href="{{ .RelPermalink }}" data-pagefind-filter="topic">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
<p data-pagefind-ignore><a href="https://arxiv.org/abs/{{ .Params.paperId }}">arXiv</a> · <a href="https://arxiv.org/pdf/{{ .Params.paperId }}">PDF</a></p>
<div hidden><span data-pagefind-filter="year:{{ .Date.Format "2006" }}"></span><span data-pagefind-filter="month:{{ .Date.Format "2006-01" }}"></span></div>
</article>
{{ end }}
`,
  'layouts/_default/list.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $paginator := .Paginate .Pages }}
<ol>
{{ range $paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> · {{ delimit .Params.authors ", " }} · {{ .Date.Format "2006-01-02" }}</li>
{{ end }}
</ol>
{{ with $paginator.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} {{ with $paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
{{ end }}
`,
  'layouts/_default/terms.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
`,
  'layouts/index.html': `{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ol>
{{ range first 50 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> · {{ .Date.Format "2006-01-02" }}</li>
{{ end }}
</ol>
{{ end }}
`,
};

/** Writes the site's configuration and layouts into `dir` (Hugo's --source). */
export async function writeHugoSite(dir: string): Promise<void> {
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}
