/// Rule words grouped by their last scalar, each group in the list's order: the mirror of
/// `WordTable` for words tested at the end of a text (`quickHasSuffix`), such as the hedges
/// before a figure ("nearly", "超过"), which every figure asked of its words one by one.
///
/// Every word ends in a `LoneScalars` scalar (checked when the table is made). When the text's
/// last scalar is one too, it is a character of its own that no other is equivalent to, so only
/// the words ending in it can end the text; otherwise every word is a candidate.
struct SuffixTable<Item: Sendable>: Sendable {
    let all: [Item]
    private let byLast: [UInt32: [Item]]

    init(_ items: [Item], word: (Item) -> String) {
        precondition(items.allSatisfy { LoneScalars.contains(word($0).unicodeScalars.last!.value) })
        all = items
        byLast = Dictionary(grouping: items) { word($0).unicodeScalars.last!.value }
    }

    /// The words that may end `text`, in the list's order (the first that matches wins); none
    /// for an empty text.
    func candidates(endingWith text: some StringProtocol) -> [Item] {
        guard let last = text.unicodeScalars.last?.value else { return [] }
        return LoneScalars.contains(last) ? byLast[last] ?? [] : all
    }
}

extension SuffixTable where Item == String {
    init(_ words: [String]) { self.init(words) { $0 } }
}
