/// The one place the tool's version is written: `atlas --version` prints it, and a bug report
/// that quotes it names the code that built a site.
public enum AtlasVersion {
    /// Bumped with each issue's merge (0.<issue>.<fix>), so it moves whenever behaviour does.
    public static let current = "0.14.0"
}
