import Foundation

/// `atlas new`: a page or topic file with valid front matter and a slug, never overwriting one.
public enum Scaffold {
    public enum Kind: Sendable { case page, topic }

    /// `topics`: the site's topics as they are now (`Builder.currentTopics`). A topic articles
    /// are already filed under has a page: its explainer keeps that page's URL.
    public static func create(kind: Kind, title: String, english: String?, slug: String?, root: URL, today: Date,
                              topics: [TopicSummary] = []) -> Result<String, Diagnostic> {
        let existing = kind == .topic ? topics.first { $0.name == title } : nil
        if let document = existing?.document {
            return .failure(Diagnostic(.error, at: document.origin, "the topic `\(title)` already has its explainer here", hint: "edit that file"))
        }
        let name = slug ?? existing?.slug ?? Slug.make(kind == .topic ? (english ?? title) : title)
        if kind == .topic, let other = topics.first(where: { $0.slug == name && $0.name != title }) {
            return .failure(Diagnostic(.error, at: nil, "the topic `\(other.name)` is published at /topics/\(name)/",
                                       hint: "pass another --slug"))
        }
        if let problem = Slug.problem(with: name) {
            return .failure(Diagnostic(.error, at: nil, "cannot use the slug `\(name)`: \(problem)", hint: "pass --slug with a-z, 0-9 and hyphens"))
        }
        let folder = kind == .page ? "content/pages" : "content/topics"
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
        return .success(relative)
    }
}
