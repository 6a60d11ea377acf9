extension Sequence where Element: Hashable {
    /// Each element once, in the order first met: lists shown to readers keep the text's order,
    /// which a `Set` would lose from one build to the next.
    func orderedUnique() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
