import Foundation

/// Site-wide settings from `site.yml`, checked on load so that a typo in the base URL or zone
/// fails the build instead of publishing wrong links or shifted times.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String
    /// Absolute URL of the site root, always ending in `/` (for canonical links and feeds).
    public var baseURL: URL
    public var language: Language
    public var timeZone: TimeZone
    public var allowsRawHTML: Bool
    /// Slug overrides for imported articles, keyed by title (dumps have no front matter).
    public var slugOverrides: [String: String]

    public init(title: String, description: String = "", baseURL: URL, language: Language = .chinese,
                timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!, allowsRawHTML: Bool = false,
                slugOverrides: [String: String] = [:]) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.timeZone = timeZone
        self.allowsRawHTML = allowsRawHTML
        self.slugOverrides = slugOverrides
    }

    /// The path part of the base URL (`/` or `/sub/`); every internal link starts with it so the
    /// site works at a domain root and under a sub-path alike.
    public var basePath: String {
        var path = baseURL.path
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    public static let fileName = "site.yml"
    static let keys = ["title", "description", "base_url", "language", "time_zone", "raw_html", "slugs"]

    /// Reads and validates `site.yml`; `baseURLOverride` is the `--base-url` flag.
    public static func load(_ file: TextFile, baseURLOverride: String? = nil, log: inout DiagnosticLog) -> SiteConfig? {
        guard let fields = YAMLFields(yaml: file.text, file: file.path, allowed: keys, log: &log) else { return nil }
        let errorsBefore = log.errors.count
        let title = fields.string("title", log: &log)?.trimmingWhitespace ?? ""
        if title.isEmpty {
            log.error("`title` is missing or empty", at: fields.location(ofKey: "title"), hint: "add `title: Rare Earth Atlas` to site.yml")
        }
        var baseURL = URL(string: "/")!
        let rawBase = baseURLOverride ?? fields.string("base_url", log: &log) ?? "/"
        if let url = parseBaseURL(rawBase) {
            baseURL = url
        } else {
            log.error("`base_url` `\(rawBase)` is not an http(s) URL or an absolute path", at: baseURLOverride == nil ? fields.location(ofKey: "base_url") : nil,
                      hint: "write for example `base_url: https://example.org/atlas/` or `base_url: /`")
        }
        var language = Language.chinese
        if let raw = fields.string("language", log: &log) {
            if let value = Language(rawValue: raw) ?? (raw.lowercased().hasPrefix("zh") ? .chinese : raw.lowercased().hasPrefix("en") ? .english : nil) {
                language = value
            } else {
                log.error("`language` `\(raw)` is not supported", at: fields.location(ofKey: "language"), hint: "use `zh-Hans` or `en`")
            }
        }
        var zone = TimeZone(identifier: "Asia/Shanghai")!
        if let raw = fields.string("time_zone", log: &log) {
            if let value = TimeZone(identifier: raw) { zone = value } else {
                log.error("`time_zone` `\(raw)` is not a known IANA time zone", at: fields.location(ofKey: "time_zone"),
                          hint: "use a name like `Asia/Shanghai` or `UTC`")
            }
        }
        var allowsRawHTML = false
        if let raw = fields.string("raw_html", log: &log) {
            switch raw {
            case "escape": allowsRawHTML = false
            case "allow": allowsRawHTML = true
            default:
                log.error("`raw_html` must be `escape` or `allow`, not `\(raw)`", at: fields.location(ofKey: "raw_html"),
                          hint: "`escape` shows raw HTML in Markdown as text (safe); `allow` passes it through")
            }
        }
        var overrides: [String: String] = [:]
        for entry in fields.mapping("slugs", log: &log) ?? [] {
            if let problem = Slug.problem(with: entry.value) {
                log.error("slug `\(entry.value)` for `\(entry.key)`: \(problem)", at: entry.location, hint: Slug.rule)
            } else {
                overrides[entry.key] = entry.value
            }
        }
        guard log.errors.count == errorsBefore else { return nil }
        return SiteConfig(title: title, description: fields.string("description", log: &log) ?? "", baseURL: baseURL,
                          language: language, timeZone: zone, allowsRawHTML: allowsRawHTML, slugOverrides: overrides)
    }

    static func parseBaseURL(_ raw: String) -> URL? {
        var text = raw.trimmingWhitespace
        if !text.hasSuffix("/") { text += "/" }
        if text.hasPrefix("/") {
            guard !text.contains("//"), !text.contains(".."), let url = URL(string: "http://localhost" + text) else { return nil }
            return url
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil, url.query == nil, url.fragment == nil else { return nil }
        return url
    }

    /// The absolute URL of a site path (for canonical links, feeds and sitemaps).
    public func absoluteURL(_ sitePath: String) -> String {
        var root = baseURL.absoluteString
        if !root.hasSuffix("/") { root += "/" }
        return root + sitePath
    }
}
