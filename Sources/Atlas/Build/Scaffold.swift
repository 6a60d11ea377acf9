import Foundation

/// `atlas new`: an article, page or topic file with valid front matter and a slug, never
/// overwriting one, and what an editor needs to know next: where the file is, the URL it will
/// have, and whether it is a draft (a draft appears only with `--drafts`).
public enum Scaffold {
    public enum Kind: Sendable { case article, page, topic }

    /// What `new` made.
    public struct Created: Hashable, Sendable {
        /// The file, relative to the site folder.
        public var file: String
        /// The page's URL path under the site's base path.
        public var url: String
        public var isDraft: Bool
        /// Where readers find the page once it is published, besides its own URL.
        public var listedOn: String
    }

    /// `source` is an article's publisher: by default the site itself, since an editor writing
    /// an article for the site publishes it there; `--source` names another. `topics`: the
    /// site's topics as they are now (`Builder.currentTopics`). A topic articles are already
    /// filed under has a page: its explainer keeps that page's URL.
    public static func create(kind: Kind, title: String, english: String?, slug: String?, root: URL, today: Date, basePath: String = "/",
                              source: String = "Rare Earth Atlas", topics: [TopicSummary] = []) -> Result<Created, Diagnostic> {
        let existing = kind == .topic ? topics.first { $0.name == title } : nil
        if let document = existing?.document {
            return .failure(Diagnostic(.error, at: document.origin, "the topic `\(title)` already has its explainer here", hint: "edit that file"))
        }
        // The file is named after the slug, and the slug is also written in the front matter, so
        // the URL is the file's name whichever of the two a reader of the file looks at.
        let name = slug ?? existing?.slug ?? Slug.make(kind == .topic ? (english ?? title) : title)
        if kind == .topic, let other = topics.first(where: { $0.slug == name && $0.name != title }) {
            return .failure(Diagnostic(.error, at: nil, "the topic `\(other.name)` is published at /topics/\(name)/",
                                       hint: "pass another --slug"))
        }
        if let problem = Slug.problem(with: name) {
            return .failure(Diagnostic(.error, at: nil, "cannot use the slug `\(name)`: \(problem)", hint: "pass --slug with a-z, 0-9 and hyphens"))
        }
        let folder: String, path: String, listedOn: String
        switch kind {
        case .article: (folder, path, listedOn) = ("content/articles", "articles/\(name)/", "the home page, /articles/ and its topics' pages")
        case .page: (folder, path, listedOn) = ("content/pages", "\(name)/", "the menu only if you add `nav: 名称 Label`")
        case .topic: (folder, path, listedOn) = ("content/topics", "topics/\(name)/", "/topics/, with the articles whose `topics` name it")
        }
        let relative = "\(folder)/\(name).md"
        let url = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) {
            return .failure(Diagnostic(.error, at: SourceLocation(file: relative, line: 1), "the file already exists", hint: "choose another --slug or edit the file"))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: today)
        let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let text: String
        switch kind {
        case .article:
            text = """
                ---
                title: \(quoted(title))
                slug: \(name)
                date: \(date)  # or YYYY-MM-DD HH:MM, in site.yml's time zone
                source: \(quoted(source))  # who published it; an original's publisher, e.g. 日经中文网
                # source_url: https://example.org/original
                topics: []  # topics by name or slug, e.g. [钕]
                tags: []  # e.g. [japan, seabed]
                draft: true  # shown only by `atlas serve --drafts` and `atlas build --drafts` until removed
                ---

                Write the article here (GitHub Flavored Markdown). Link other pages by identity, e.g. [China](@/entities/china).

                """
        case .page:
            text = "---\ntitle: \(quoted(title))\nslug: \(name)\ndate: \(date)\nsummary: \"\"\ndraft: true\n---\n\nWrite the page here. Link other pages by identity, e.g. [China](@/entities/china).\n"
        case .topic:
            text = "---\ntitle_zh: \(quoted(title))\ntitle_en: \(quoted(english ?? title))\nslug: \(name)\nsummary: \"\"\n---\n\nExplain the topic here; articles filed under `\(title)` are listed below it.\n"
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            return .failure(Diagnostic(.error, at: SourceLocation(file: relative, line: 1), "cannot write the file: \(error.localizedDescription)", hint: "check the folder's permissions"))
        }
        return .success(Created(file: relative, url: basePath + path, isDraft: kind != .topic, listedOn: listedOn))
    }
}
