/// What a static host and its visitors' tools expect beside the pages: a sitemap, an Atom feed
/// of the articles, robots.txt and a 404 page. Absolute URLs need the site's origin; without one
/// (a path-only base URL) the sitemap and feed are left out rather than guessed.
extension SiteRenderer {
    func publishingFiles(pages: [String]) -> [RenderJob] {
        var files: [RenderJob] = []
        files.append(page("404.html", template: "page", PageView(
            layout: layout(title: "找不到页面 · Page not found", path: "404.html", description: "This page does not exist."),
            title: "找不到页面 · Page not found", language: site.config.language, date: nil,
            contentHTML: TrustedHTML("<p>这个地址没有页面。 · There is no page at this address.</p>\n<p><a href=\"\(site.config.basePath)\">首页 Home</a> · <a href=\"\(site.config.basePath)articles/\">文章 Articles</a> · <a href=\"\(site.config.basePath)timeline/\">时间线 Timeline</a></p>\n"))))
        guard let home = site.config.absoluteURL("") else {
            files.append(text("robots.txt", inputs: RenderInputs("")) { "User-agent: *\nAllow: /\n" })
            return files
        }
        files.append(text("robots.txt", inputs: RenderInputs(home)) { "User-agent: *\nAllow: /\nSitemap: \(home)sitemap.xml\n" })
        let lastmod = Dictionary(site.articles.map { ("articles/\($0.slug)/index.html", $0.published.iso8601) }, uniquingKeysWith: { a, _ in a })
        var sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for file in pages where file.hasSuffix("index.html") {
            let path = String(file.dropLast("index.html".count))
            sitemap += "  <url><loc>\(HTMLEscape.text(home + path))</loc>"
            if let date = lastmod[file] { sitemap += "<lastmod>\(date)</lastmod>" }
            sitemap += "</url>\n"
        }
        sitemap += "</urlset>\n"
        files.append(text("sitemap.xml", inputs: RenderInputs(sitemap)) { [sitemap] in sitemap })
        let feed = atomFeed(home: home)
        files.append(text("feed.xml", inputs: RenderInputs(feed)) { feed })
        return files
    }

    /// The newest 50 articles; the feed's `updated` is the newest publication, so rebuilding
    /// the same content gives the same bytes.
    func atomFeed(home: String) -> String {
        let articles = site.articles.prefix(50)
        let x = HTMLEscape.text
        var feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(site.config.language.rawValue)\">\n"
        feed += "  <title>\(x(site.config.title))</title>\n"
        feed += "  <subtitle>\(x(site.config.description))</subtitle>\n"
        feed += "  <id>\(x(home))</id>\n"
        feed += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(x(home))\"/>\n"
        feed += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(x(home))feed.xml\"/>\n"
        feed += "  <updated>\(articles.first?.published.iso8601 ?? "1970-01-01T00:00:00+00:00")</updated>\n"
        feed += "  <author><name>\(x(site.config.title))</name></author>\n"
        for article in articles {
            let url = home + "articles/\(article.slug)/"
            feed += "  <entry>\n"
            feed += "    <title>\(x(article.title))</title>\n"
            feed += "    <id>\(x(url))</id>\n"
            feed += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(x(url))\"/>\n"
            feed += "    <published>\(article.published.iso8601)</published>\n"
            feed += "    <updated>\(article.published.iso8601)</updated>\n"
            feed += "    <author><name>\(x(article.source))</name></author>\n"
            for topic in article.topics { feed += "    <category term=\"\(x(topic))\"/>\n" }
            feed += "    <summary>\(x(card(article).teaser))</summary>\n"
            feed += "  </entry>\n"
        }
        feed += "</feed>\n"
        return feed
    }
}
