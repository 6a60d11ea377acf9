/// How a chart or a table shows more claims than fit: each distinct value once, lowest to
/// highest, thinned evenly if even those do not fit. The lowest and highest always stay, so the
/// range a reader sees is the true range; the full list is always one link away (the ledger).
enum ClaimSample {
    /// All claims if they fit in `limit`, else the first claim of each distinct value, thinned.
    static func spread(_ claims: [Claim], limit: Int) -> [Claim] {
        guard claims.count > limit else { return claims }
        return thin(byValue(claims).map(\.claim), limit: limit)
    }

    /// Each distinct value once (the first claim stating it) with how many claims state it,
    /// ordered by value.
    static func byValue(_ claims: [Claim]) -> [(claim: Claim, count: Int)] {
        var order: [String] = []
        var groups: [String: (claim: Claim, count: Int)] = [:]
        for claim in claims {
            let key = "\(claim.low.map(SVG.number) ?? "")-\(claim.high.map(SVG.number) ?? "")-\(claim.qualifier.rawValue)"
            if let existing = groups[key] {
                groups[key] = (existing.claim, existing.count + 1)
            } else {
                groups[key] = (claim, 1)
                order.append(key)
            }
        }
        return order.map { groups[$0]! }.sorted { ($0.claim.low ?? $0.claim.high ?? 0, $0.claim.id) < ($1.claim.low ?? $1.claim.high ?? 0, $1.claim.id) }
    }

    static func thin<T>(_ items: [T], limit: Int) -> [T] {
        guard items.count > limit, limit > 1 else { return Array(items.prefix(max(limit, 0))) }
        return (0..<limit).map { items[$0 * (items.count - 1) / (limit - 1)] }
    }
}
