/// The width a chart is drawn for, and what changes with it.
///
/// A chart scaled down to a phone is a chart nobody can read: the 640-unit drawing on a 320 px
/// screen writes its labels at half size, and scrolling it sideways hides half the data. So
/// every chart is drawn twice, and the page shows the one that fits (by CSS, so no script):
///
/// - wide (640 units, shown from 40rem): labels in a column left of the plot, an axis tick
///   every 25%;
/// - narrow (320 units, drawn at about its own size on a 360 px phone): each row's label on a
///   line of its own above the plot, so the plot takes the whole width; ticks at 0, 50 and 100%;
///   legends wrap.
///
/// The downloadable file is the wide drawing without links (they would point nowhere outside
/// the site).
///
/// A chart embedded in another page (home, /data/, an editor's page) is drawn in less detail:
/// with a thousand articles the chain chart holds hundreds of marks, each with its quote as a
/// tooltip, which is more than a page about something else should carry twice. There a row
/// draws at most `markLimit` distinct values (the lowest and highest always) and tooltips name
/// the article without quoting it; the chart's own page has every mark and quote.
struct ChartFrame: Equatable {
    enum Kind: String { case wide, narrow }
    enum Detail { case full, embedded }

    var kind: Kind
    /// Claim marks link to their quotes (not in a downloaded file).
    var links = true
    var detail = Detail.full

    static let wide = ChartFrame(kind: .wide)
    static let narrow = ChartFrame(kind: .narrow)
    static let export = ChartFrame(kind: .wide, links: false)

    /// Marks a strip-plot row draws one by one; a fuller row draws each distinct value once,
    /// thinned to this many, so the drawing does not grow with the corpus.
    var markLimit: Int { detail == .full ? 60 : 16 }
    /// Whether a claim mark's tooltip quotes its sentence.
    var quotesInTooltips: Bool { detail == .full }

    var width: Double { kind == .wide ? 640 : 320 }
    var margin: Double { 8 }
    /// Row labels sit on their own line above the row instead of in a column beside it.
    var labelsAbove: Bool { kind == .narrow }
    /// Where the plot starts: after the label column, or at the margin when labels go above.
    var plotLeft: Double { labelsAbove ? 14 : 150 }
    /// Percent axes end here; the rest is room for an arrow past 100% and a centred "100%".
    var percentRight: Double { width - 20 }
    /// Axis ticks with a label; narrow charts label fewer, with the grid at every 25% still.
    var labelledTicks: [Double] { labelsAbove ? [0, 50, 100] : [0, 25, 50, 75, 100] }
    var gridTicks: [Double] { [0, 25, 50, 75, 100] }
    /// Everything text may cover.
    var bounds: LabelPlacer.Box { LabelPlacer.Box(minX: 2, minY: -1_000_000, maxX: width - 2, maxY: 1_000_000) }
}
