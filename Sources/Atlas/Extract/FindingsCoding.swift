/// An article's findings as bytes and back, for `FindingsStore`. Every stored property of a
/// claim and an event is written, in declaration order; `FindingsCodingTests` fails when one is
/// added (it counts them) and checks that the real articles' findings come back equal.
extension ArticleFindings {
    func encode(into writer: inout BinaryWriter) {
        writer.write(UInt64(claims.count))
        for claim in claims { Self.encode(claim, into: &writer) }
        writer.write(UInt64(events.count))
        for event in events { Self.encode(event, into: &writer) }
        // Sorted: the same findings make the same bytes, whatever order the dictionary keeps.
        writer.write(UInt64(bodyMentions.count))
        for (entity, count) in bodyMentions.sorted(by: { $0.key < $1.key }) {
            writer.write(entity)
            writer.write(count)
        }
    }

    init(decoding reader: inout BinaryReader) throws {
        claims = try (0..<reader.readCount()).map { _ in try Self.decodeClaim(&reader) }
        events = try (0..<reader.readCount()).map { _ in try Self.decodeEvent(&reader) }
        var mentions: [String: Int] = [:]
        for _ in 0..<(try reader.readCount()) {
            let entity = try reader.readString()
            mentions[entity] = try reader.readInt()
        }
        bodyMentions = mentions
    }

    private static func encode(_ claim: Claim, into w: inout BinaryWriter) {
        w.write(claim.id)
        w.write(claim.article)
        w.write(claim.metric.rawValue)
        w.write(claim.entity) { $0.write($1) }
        w.write(claim.importer) { $0.write($1) }
        w.write(claim.low) { $0.write($1) }
        w.write(claim.high) { $0.write($1) }
        w.write(claim.qualifier.rawValue)
        w.write(claim.unit.rawValue)
        w.write(claim.status.rawValue)
        encode(claim.scope, into: &w)
        encode(claim.period, into: &w)
        w.write(claim.rate?.rawValue) { $0.write($1) }
        w.write(claim.speaker) { $0.write($1) }
        w.write(claim.duplicateOf) { $0.write($1) }
        w.write(claim.quote)
        w.write(claim.quoteRange.lowerBound)
        w.write(claim.quoteRange.upperBound)
        w.write(claim.figureText)
        w.write(claim.rule)
    }

    private static func decodeClaim(_ r: inout BinaryReader) throws -> Claim {
        let id = try r.readString(), article = try r.readString(), metric = try r.readRaw(Metric.self)
        let entity = try r.readOptional { try $0.readString() }, importer = try r.readOptional { try $0.readString() }
        let low = try r.readOptional { try $0.readDouble() }, high = try r.readOptional { try $0.readDouble() }
        let qualifier = try r.readRaw(Qualifier.self), unit = try r.readRaw(FigureUnit.self), status = try r.readRaw(ClaimStatus.self)
        let scope = try decodeScope(&r), period = try decodePeriod(&r)
        let rate = try r.readOptional { try $0.readRaw(Rate.self) }
        let speaker = try r.readOptional { try $0.readString() }, duplicateOf = try r.readOptional { try $0.readString() }
        let quote = try r.readString()
        let (lower, upper) = (try r.readInt(), try r.readInt())
        guard lower <= upper else { throw BinaryReader.Malformed() }
        return Claim(id: id, article: article, metric: metric, entity: entity, importer: importer, low: low, high: high, qualifier: qualifier,
                     unit: unit, status: status, scope: scope, period: period, rate: rate, speaker: speaker, duplicateOf: duplicateOf,
                     quote: quote, quoteRange: lower..<upper, figureText: try r.readString(), rule: try r.readString())
    }

    private static func encode(_ scope: ClaimScope, into w: inout BinaryWriter) {
        // A tag, not the scope's code: an element's id is free text and could spell a group's code.
        switch scope.elements {
        case .all: w.write(0)
        case .light: w.write(1)
        case .mediumHeavy: w.write(2)
        case .heavy: w.write(3)
        case .magnet: w.write(4)
        case .element(let id): w.write(5); w.write(id)
        }
        w.write(scope.measure?.rawValue) { $0.write($1) }
        w.write(scope.commodity)
    }

    private static func decodeScope(_ r: inout BinaryReader) throws -> ClaimScope {
        let elements: ElementScope
        switch try r.readInt() {
        case 0: elements = .all
        case 1: elements = .light
        case 2: elements = .mediumHeavy
        case 3: elements = .heavy
        case 4: elements = .magnet
        case 5: elements = .element(try r.readString())
        default: throw BinaryReader.Malformed()
        }
        return ClaimScope(elements: elements, measure: try r.readOptional { try $0.readRaw(Measure.self) }, commodity: try r.readString())
    }

    private static func encode(_ period: ClaimPeriod, into w: inout BinaryWriter) {
        w.write(period.kind.rawValue)
        w.write(period.from) { $0.write($1) }
        w.write(period.to) { $0.write($1) }
        w.write(period.isDecade)
        w.write(period.resolution.rawValue)
    }

    private static func decodePeriod(_ r: inout BinaryReader) throws -> ClaimPeriod {
        ClaimPeriod(kind: try r.readRaw(ClaimPeriod.Kind.self), from: try r.readOptional { try $0.readInt() }, to: try r.readOptional { try $0.readInt() },
                    isDecade: try r.readBool(), resolution: try r.readRaw(ClaimPeriod.Resolution.self))
    }

    private static func encode(_ event: Event, into w: inout BinaryWriter) {
        w.write(event.id)
        w.write(event.year)
        w.write(event.month) { $0.write($1) }
        w.write(event.day) { $0.write($1) }
        w.write(event.precision.rawValue)
        w.write(event.kind.rawValue)
        w.write(event.status.rawValue)
        w.write(event.summary)
        w.write(UInt64(event.actors.count))
        for actor in event.actors { w.write(actor) }
        w.write(event.article) { $0.write($1) }
        w.write(event.quote) { $0.write($1) }
        w.write(event.source) { $0.write($1) }
        w.write(event.sourceURL) { $0.write($1) }
        w.write(event.rule)
        w.write(event.location) { w, location in
            w.write(location.file)
            w.write(location.line)
            w.write(location.column)
        }
        w.write(event.approximation?.rawValue) { $0.write($1) }
    }

    private static func decodeEvent(_ r: inout BinaryReader) throws -> Event {
        let id = try r.readString(), year = try r.readInt()
        let month = try r.readOptional { try $0.readInt() }, day = try r.readOptional { try $0.readInt() }
        let precision = try r.readRaw(Event.Precision.self), kind = try r.readRaw(Event.Kind.self), status = try r.readRaw(Event.Status.self)
        let summary = try r.readString()
        let actors = try (0..<r.readCount()).map { _ in try r.readString() }
        let article = try r.readOptional { try $0.readString() }, quote = try r.readOptional { try $0.readString() }
        let source = try r.readOptional { try $0.readString() }, sourceURL = try r.readOptional { try $0.readString() }
        let rule = try r.readString()
        let location = try r.readOptional { r in SourceLocation(file: try r.readString(), line: try r.readInt(), column: try r.readInt()) }
        return Event(id: id, year: year, month: month, day: day, precision: precision, kind: kind, status: status, summary: summary, actors: actors,
                     article: article, quote: quote, source: source, sourceURL: sourceURL, rule: rule, location: location,
                     approximation: try r.readOptional { try $0.readRaw(Event.Approximation.self) })
    }
}
