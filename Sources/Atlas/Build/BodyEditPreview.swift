import Foundation

/// What `atlas serve` shows the moment an editor saves an article's body: that article's page,
/// made from the published site with the article's own parts made again
/// (`SiteRenderer.editedArticlePage`), in milliseconds whatever the size of the site. The
/// rebuild that follows brings every other page the edit reaches (lists, topics, entities,
/// timelines, charts) and writes this page again if the site around it changed it too, so what
/// the preview ends with is always what a full build writes.
///
/// Only a body edit takes this way: one body line of a dump (`DumpBodyEdit`), or a Markdown
/// article whose front matter is unchanged but for its summary. A new, moved or retitled
/// article, any other file, or a file that does not read cleanly waits for the rebuild.
struct BodyEditPreview: Sendable {
    /// The inputs the published site was read from, to tell what an edit changed.
    struct Sources: Sendable {
        var dumps: [Dump]
        /// Each dump's text as it was read, by path.
        var texts: [String: String]
        var config: SiteConfig
        var topics: TopicDirectory
        var edits: ClaimEdits
    }

    let renderer: SiteRenderer
    let sources: Sources

    /// The pages of the articles the `changed` files (paths from the site root) edit; nil when
    /// any of the changes is not a body edit.
    func pages(changed: [String], root: URL) -> [OutputFile]? {
        // An editor's swap and backup files beside the article (`.x.md.swp`, hidden, which the
        // loader never reads; `x.md~`) are not content: a save that also touched them is still a
        // body edit.
        let read = changed.filter { !ContentLoader.isHidden($0) && !$0.hasSuffix("~") }
        guard !read.isEmpty else { return nil }
        var pages: [OutputFile] = []
        for path in read {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                  case .success(let file) = TextFile.decode([UInt8](data), path: path),
                  let article = editedArticle(file) else { return nil }
            let findings = ArticleExtractor(entities: renderer.site.entities).findings(for: article)
            guard let page = renderer.editedArticlePage(article, findings: findings, edits: sources.edits) else { return nil }
            pages.append(page)
        }
        return pages
    }

    /// The published article `file` edits, with its new body.
    func editedArticle(_ file: TextFile) -> Article? {
        if let old = sources.texts[file.path], let dump = sources.dumps.first(where: { $0.path == file.path }) {
            guard let edit = DumpBodyEdit.find(old: old, new: file.text, in: dump) else { return nil }
            // An article several entries share takes its body from the first: left to the rebuild.
            let location = dump.entries[edit.entry].location
            guard var article = renderer.site.articles.first(where: { $0.origins == [location] }), case .imported = article.body else { return nil }
            article.body = .imported(BodyStructurer.structure(edit.body))
            return article
        }
        guard file.path.hasPrefix("content/articles/"), file.path.hasSuffix(".md") else { return nil }
        var log = DiagnosticLog()
        guard let read = MarkdownReader.article(file, config: sources.config, topics: sources.topics, log: &log), !log.hasErrors,
              let old = renderer.site.articles.first(where: { $0.id == read.id }), old.origins.count == 1, old.origins.first?.file == file.path
        else { return nil }
        // Everything but the body and summary as published (slug and aliases are given out
        // later, from the whole site).
        var unchanged = read
        unchanged.slug = old.slug
        unchanged.aliases = old.aliases
        unchanged.body = old.body
        unchanged.summary = old.summary
        guard unchanged == old else { return nil }
        var article = old
        article.body = read.body
        article.summary = read.summary
        return article
    }
}
