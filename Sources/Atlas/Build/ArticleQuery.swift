import Foundation

/// Which articles the review commands (`atlas claims`, `atlas events`) mean by what an editor
/// typed: the file they are editing (a Markdown article or a dump, as a path from the current
/// folder or the site folder), the slug in the URL, or a part of the title. Editors have the file
/// open when they ask, so the path is the first thing tried.
public enum ArticleQuery {
    public static func matches(_ query: String, in articles: [Article], root: URL, currentDirectory: URL) -> [Article] {
        if let file = sourceFile(query, root: root, currentDirectory: currentDirectory) {
            return articles.filter { $0.origins.contains { $0.file == file } }
        }
        return articles.filter { $0.slug == query || $0.title.contains(query) }
    }

    /// The path of an existing file relative to the site folder, as articles' origins name it.
    static func sourceFile(_ query: String, root: URL, currentDirectory: URL) -> String? {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        for base in [currentDirectory, root] {
            let candidate = (query.hasPrefix("/") ? URL(fileURLWithPath: query) : base.appendingPathComponent(query)).standardizedFileURL.resolvingSymlinksInPath()
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  candidate.path.hasPrefix(rootPath + "/") else { continue }
            return String(candidate.path.dropFirst(rootPath.count + 1))
        }
        return nil
    }
}
