import Foundation

/// A slug an editor chose for an imported article in `site.yml` (dumps have no front matter).
public struct SlugOverride: Hashable, Sendable {
    public var slug: String
    public var location: SourceLocation
}

/// Site-wide settings from `site.yml`, checked on load so that a typo in the base URL or zone
/// fails the build instead of publishing wrong links or shifted times.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String
    /// `scheme://host[:port]` of the published site, when known; without it the site has no
    /// canonical URLs, since they would have to be guessed.
    public var origin: String?
    /// Percent-encoded path of the site root, `/` or `/sub/`: every internal link starts with it,
    /// so the site works at a domain root and under a sub-path alike.
    public var basePath: String
    public var language: Language
    public var timeZone: TimeZone
    public var allowsRawHTML: Bool
    /// Keyed by article title.
    public var slugOverrides: [String: SlugOverride]

    public init(title: String, description: String = "", baseURL: String = "/", language: Language = .chinese,
                timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!, allowsRawHTML: Bool = false,
                slugOverrides: [String: SlugOverride] = [:]) {
        self.title = title
        self.description = description
        let base = Self.parseBaseURL(baseURL) ?? (nil, "/")
        self.origin = base.origin
        self.basePath = base.path
        self.language = language
        self.timeZone = timeZone
        self.allowsRawHTML = allowsRawHTML
        self.slugOverrides = slugOverrides
    }

    public static let fileName = "site.yml"
    static let keys = ["title", "description", "base_url", "language", "time_zone", "raw_html", "slugs"]

    /// What the rest of a build uses when site.yml is broken, so that its problems are reported
    /// together with every other file's instead of hiding them.
    public static let fallback = SiteConfig(title: "Rare Earth Atlas")

    /// Reads and validates `site.yml`; `baseURLOverride` is the `--base-url` flag. A path-only
    /// override keeps the origin from site.yml.
    public static func load(_ file: TextFile, baseURLOverride: String? = nil, log: inout DiagnosticLog) -> SiteConfig? {
        let errorsBefore = log.errorCount
        guard let fields = YAMLFields(yaml: file.text, file: file.path, allowed: keys, unknownKeysAreErrors: true, log: &log) else { return nil }
        var config = SiteConfig(title: fields.string("title", log: &log)?.trimmingWhitespace ?? "")
        if config.title.isEmpty {
            log.error("`title` is missing or empty", at: fields.location(ofKey: "title"), hint: "add `title: Rare Earth Atlas` to site.yml")
        }
        config.description = fields.string("description", log: &log) ?? ""
        let configured = fields.string("base_url", log: &log) ?? "/"
        if let base = parseBaseURL(configured) {
            (config.origin, config.basePath) = base
        } else {
            log.error("`base_url` `\(configured)` is not an http(s) URL or an absolute path", at: fields.location(ofKey: "base_url"),
                      hint: "write for example `base_url: https://example.org/atlas/` or `base_url: /`")
        }
        if let raw = baseURLOverride {
            if let base = parseBaseURL(raw) {
                config.origin = base.origin ?? config.origin
                config.basePath = base.path
            } else {
                log.error("--base-url `\(raw)` is not an http(s) URL or an absolute path", at: nil,
                          hint: "pass for example `--base-url https://example.org/atlas/` or `--base-url /atlas/`")
            }
        }
        if let raw = fields.string("language", log: &log) {
            if let value = Language.parse(raw) { config.language = value } else {
                log.error("`language` `\(raw)` is not supported", at: fields.location(ofKey: "language"), hint: "use `zh-Hans` or `en`")
            }
        }
        if let raw = fields.string("time_zone", log: &log) {
            if let value = TimeZone(identifier: raw) { config.timeZone = value } else {
                log.error("`time_zone` `\(raw)` is not a known IANA time zone", at: fields.location(ofKey: "time_zone"),
                          hint: "use a name like `Asia/Shanghai` or `UTC`")
            }
        }
        if let raw = fields.string("raw_html", log: &log) {
            switch raw {
            case "escape": config.allowsRawHTML = false
            case "allow": config.allowsRawHTML = true
            default:
                log.error("`raw_html` must be `escape` or `allow`, not `\(raw)`", at: fields.location(ofKey: "raw_html"),
                          hint: "`escape` shows raw HTML in Markdown as text (safe); `allow` passes it through")
            }
        }
        for entry in fields.mapping("slugs", log: &log) ?? [] {
            if let problem = Slug.problem(with: entry.value) {
                log.error("slug `\(entry.value)` for `\(entry.key)`: \(problem)", at: entry.location, hint: Slug.rule)
            } else {
                config.slugOverrides[entry.key] = SlugOverride(slug: entry.value, location: entry.location)
            }
        }
        return log.errorCount == errorsBefore ? config : nil
    }

    /// Splits a base URL into origin and percent-encoded path; nil when it is neither an
    /// http(s) URL nor an absolute path.
    static func parseBaseURL(_ raw: String) -> (origin: String?, path: String)? {
        var text = raw.trimmingWhitespace
        if !text.hasSuffix("/") { text += "/" }
        if text.hasPrefix("/") {
            guard !text.hasPrefix("//"), let components = URLComponents(string: text), components.host == nil,
                  components.query == nil, components.fragment == nil else { return nil }
            return normalised(components.percentEncodedPath).map { (nil, $0) }
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil, components.user == nil else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        return normalised(components.percentEncodedPath).map { ("\(scheme)://\(host.lowercased())\(port)", $0) }
    }

    private static func normalised(_ path: String) -> String? {
        let segments = path.split(separator: "/").filter { $0 != "." }
        guard !segments.contains("..") else { return nil }
        return "/" + segments.map { $0 + "/" }.joined()
    }

    /// The absolute URL of a site path (for canonical links, feeds and sitemaps), when the
    /// origin is known.
    public func absoluteURL(_ sitePath: String) -> String? {
        origin.map { $0 + basePath + sitePath }
    }
}
