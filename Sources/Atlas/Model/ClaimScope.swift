/// Of what a figure is: which rare earths, which measure, and whether it is about rare earths at
/// all. "80% of medium and heavy rare-earth reserves" and "34% of reserves" are different
/// quantities, and so are refining capacity and refining technology.
public struct ClaimScope: Hashable, Sendable {
    /// The commodity a figure about rare earths has; anything else is named (`gallium`).
    public static let rareEarths = "rare-earths"

    public var elements: ElementScope
    /// nil for money, prices and figures without a stage.
    public var measure: Measure?
    public var commodity: String

    public init(elements: ElementScope = .all, measure: Measure? = nil, commodity: String = ClaimScope.rareEarths) {
        self.elements = elements
        self.measure = measure
        self.commodity = commodity
    }

    public var isRareEarths: Bool { commodity == Self.rareEarths }
}

/// Which rare earths a figure covers.
public enum ElementScope: Hashable, Sendable {
    case all
    case light
    case mediumHeavy
    case heavy
    /// The magnet rare earths as a set (Nd, Pr, Dy, Tb), as the IEA counts them.
    case magnet
    /// One element, by its entity id (`dysprosium`).
    case element(String)

    public init(code: String) {
        switch code {
        case "", "all": self = .all
        case "light": self = .light
        case "medium-heavy": self = .mediumHeavy
        case "heavy": self = .heavy
        case "magnet": self = .magnet
        default: self = .element(code)
        }
    }

    /// The value in exports and hand counts.
    public var code: String {
        switch self {
        case .all: return "all"
        case .light: return "light"
        case .mediumHeavy: return "medium-heavy"
        case .heavy: return "heavy"
        case .magnet: return "magnet"
        case .element(let id): return id
        }
    }

    /// For a reader: "heavy rare earths", "dysprosium".
    public var label: String {
        switch self {
        case .all: return "all rare earths"
        case .light: return "light rare earths"
        case .mediumHeavy: return "medium and heavy rare earths"
        case .heavy: return "heavy rare earths"
        case .magnet: return "magnet rare earths (Nd, Pr, Dy, Tb)"
        case .element(let id): return id
        }
    }
}

/// What is measured at a stage: a stock (reserves, resources), a flow (output), what could
/// flow (capacity), know-how (technology, patents), or a party's purchases (imports).
public enum Measure: String, Hashable, Sendable, CaseIterable, Codable {
    case reserves
    case resources
    case output
    case capacity
    case technology
    case imports

    public var label: String {
        switch self {
        case .reserves: return "reserves"
        case .resources: return "resources (wider than reserves)"
        case .output: return "output"
        case .capacity: return "capacity"
        case .technology: return "technology or patents"
        case .imports: return "imports"
        }
    }
}

/// How often a tonnage or amount recurs: 350 t a day and 500 t a quarter are not comparable
/// with a year's output.
public enum Rate: String, Hashable, Sendable, CaseIterable, Codable {
    case perDay = "per day"
    case perMonth = "per month"
    case perQuarter = "per quarter"
    case perYear = "per year"
}
