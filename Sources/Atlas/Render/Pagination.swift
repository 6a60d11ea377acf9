/// Lists that grow with the corpus (all articles, a metric's figures, a timeline) are cut into
/// pages of a fixed size, so no page grows without bound: at ten thousand articles one list
/// page would otherwise be tens of megabytes, slow to render, to index and to open.
///
/// Page 1 is the list's own URL and page n is `<list>page/<n>/`, as in Hugo and Zola, so a link
/// to a list never changes as the list grows.
struct Pagination: Sendable {
    /// Items per list page.
    var size: Int = 100
    /// Items a summary page (an entity, a topic) shows before linking to the full list.
    var preview: Int = 20

    func pages<T>(_ items: [T]) -> [ArraySlice<T>] {
        guard !items.isEmpty else { return [items[...]] }
        return stride(from: 0, to: items.count, by: size).map { items[$0..<min(items.count, $0 + size)] }
    }

    /// The page (1-based) that shows the item at `index`.
    func page(ofItemAt index: Int) -> Int { index / size + 1 }

    static func path(_ list: String, page: Int) -> String {
        page == 1 ? list : list + "page/\(page)/"
    }
}

extension Metric {
    /// Where the ledger lists this metric's figures: `data/figures/reserves-share/` (paged).
    var ledgerList: String { "data/figures/\(rawValue.replacingOccurrences(of: "_", with: "-"))/" }
}

/// Links between the pages of one list: previous, next, the first and last, and the pages
/// around the current one.
struct Pager: Sendable, Equatable {
    var list: String
    var current: Int
    var total: Int
    var basePath: String

    func url(_ page: Int) -> String { basePath + Pagination.path(list, page: page) }

    /// Page numbers to show: 1, the current one ±2, the last; `nil` marks a gap.
    var window: [Int?] {
        let shown = Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
        var result: [Int?] = []
        for page in shown {
            if let last = result.last ?? nil, page > last + 1 { result.append(nil) }
            result.append(page)
        }
        return result
    }
}
