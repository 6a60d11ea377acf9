/// Finds places for labels where none overlaps another label, a mark, or a line another label
/// draws: the rule that keeps "IEA 61%" from being written over "USGS MCS 2026 69.2%".
///
/// Each label offers candidate places, each with a cost (by default its position in the list:
/// the first is preferred). A place may come with a leader: the line the label's own mark draws
/// (a reference tick running down from its label), which must not cross any other label either.
/// The placer searches the combinations for the cheapest that works (labels come a few at a
/// time: one per source on a chart row), so no label is shortened or moved away when another
/// arrangement keeps them all whole. Past a search limit it keeps the best found, or places
/// labels one by one. A label with no place left is reported as nil for the caller to write
/// elsewhere, never drawn over something.
struct LabelPlacer {
    struct Box: Equatable {
        var minX: Double, minY: Double, maxX: Double, maxY: Double

        func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        func isInside(_ other: Box) -> Bool {
            minX >= other.minX && maxX <= other.maxX && minY >= other.minY && maxY <= other.maxY
        }
    }

    struct Candidate: Equatable {
        var box: Box
        var leader: Box? = nil
        /// How much worse than ideal this place is; nil: its index among the label's candidates.
        var cost: Double? = nil
    }

    /// Where labels may go.
    var bounds: Box
    /// Marks and lines already drawn, which no label may cover.
    var obstacles: [Box] = []
    /// Partial combinations tried before settling for the best found so far.
    var searchLimit = 20_000

    /// For each label, the index of its chosen candidate, or nil when none fits.
    func place(_ labels: [[Candidate]]) -> [Int?] {
        // Each label's usable candidates, cheapest first.
        let usable = labels.map { candidates in
            candidates.indices.filter { index in
                let box = candidates[index].box
                return box.isInside(bounds) && !obstacles.contains { $0.intersects(box) }
            }.sorted { (candidates[$0].cost ?? Double($0), $0) < (candidates[$1].cost ?? Double($1), $1) }
        }
        var search = Search(labels: labels, usable: usable, limit: searchLimit)
        search.run(chosen: [], cost: 0)
        if let best = search.best { return best }
        // No complete arrangement found: first come, first placed; a label that fits nowhere is
        // left out.
        var placed: [Candidate] = []
        return labels.indices.map { label in
            guard let index = usable[label].first(where: { Self.fits(labels[label][$0], among: placed) }) else { return nil }
            placed.append(labels[label][index])
            return index
        }
    }

    /// Branch and bound over the labels in order: a partial arrangement that already costs as
    /// much as the best complete one is not followed further.
    private struct Search {
        let labels: [[Candidate]]
        let usable: [[Int]]
        let limit: Int
        var tried = 0
        var best: [Int]?
        var bestCost = Double.infinity

        init(labels: [[Candidate]], usable: [[Int]], limit: Int) {
            self.labels = labels
            self.usable = usable
            self.limit = limit
        }

        func cost(_ label: Int, _ index: Int) -> Double { labels[label][index].cost ?? Double(index) }

        mutating func run(chosen: [Int], cost total: Double) {
            guard chosen.count < labels.count else {
                if total < bestCost { (best, bestCost) = (chosen, total) }
                return
            }
            let label = chosen.count
            let placed = chosen.enumerated().map { labels[$0.offset][$0.element] }
            for index in usable[label] where LabelPlacer.fits(labels[label][index], among: placed) {
                let next = total + cost(label, index)
                // Candidates are cheapest first: once one costs too much, so do the rest.
                if next >= bestCost { break }
                tried += 1
                if tried > limit { return }
                run(chosen: chosen + [index], cost: next)
            }
        }
    }

    /// Labels do not overlap each other, and no label's leader crosses another label.
    static func fits(_ candidate: Candidate, among placed: [Candidate]) -> Bool {
        placed.allSatisfy { other in
            !candidate.box.intersects(other.box)
                && !(other.leader.map(candidate.box.intersects) ?? false)
                && !(candidate.leader.map(other.box.intersects) ?? false)
        }
    }
}
