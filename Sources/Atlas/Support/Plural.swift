/// English counts read as people write them: "1 figure", "12 figures" (never "All 1 figures").
/// Chinese needs no plural; its copy carries the count with a measure word instead (1 个数字).
enum Plural {
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
