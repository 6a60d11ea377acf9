/// A curated reference dataset (USGS, IEA, official announcements) with the metadata a reader
/// needs to trust it: who published it, which edition, in what unit, as of when.
public struct Dataset: Hashable, Sendable, Identifiable {
    public struct Column: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case text, integer, number, date }
        public var name: String
        public var kind: Kind
        public var required: Bool
        public var description: String
    }

    /// The file stem, also its URL: `/data/<id>.csv`.
    public var id: String
    public var title: String
    public var titleZh: String
    public var citation: String
    public var edition: String
    public var unit: String
    public var asOf: String
    public var licence: String
    public var sourceURL: String
    public var notes: String
    public var key: [String]
    public var columns: [Column]
    /// Values by column name, in file order.
    public var rows: [[String: String]]
    /// The CSV exactly as curated, for the download.
    public var csv: String
    /// Where `notes:` is written in the metadata file, for checking the figures in it.
    public var notesLocation: SourceLocation?

    public func number(_ row: [String: String], _ column: String) -> Double? {
        row[column].flatMap { Double($0) }
    }
}
