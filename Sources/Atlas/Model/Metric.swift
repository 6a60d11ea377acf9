/// What a figure measures. Shares are what the site compares across sources; the rest are kept
/// so every number in an article can be looked up.
public enum Metric: String, Hashable, Sendable, CaseIterable, Codable {
    case reservesShare = "reserves_share"
    case reservesTonnes = "reserves_tonnes"
    case productionShare = "production_share"
    case productionTonnes = "production_tonnes"
    case refiningShare = "refining_share"
    case magnetShare = "magnet_share"
    case importShare = "import_share"
    case importDependence = "import_dependence"
    case investment = "investment"
    case price = "price"
    case other = "other"

    public var isShare: Bool {
        [.reservesShare, .productionShare, .refiningShare, .magnetShare, .importShare].contains(self)
    }

    /// Reader-facing name, in both languages.
    public var label: String {
        switch self {
        case .reservesShare: return "储量占比 Share of reserves"
        case .reservesTonnes: return "储量 Reserves (tonnes)"
        case .productionShare: return "开采/产量占比 Share of mining and production"
        case .productionTonnes: return "产量 Production (tonnes)"
        case .refiningShare: return "精炼/分离占比 Share of refining and separation"
        case .magnetShare: return "磁体占比 Share of magnet production"
        case .importShare: return "进口来源占比 Share of imports by supplier"
        case .importDependence: return "进口依赖 Import dependence"
        case .investment: return "投资金额 Investment"
        case .price: return "价格 Price"
        case .other: return "其他 Other figures"
        }
    }
}
