import Testing
@testable import Atlas

/// The label placer and the text measure it relies on.
@Suite struct LabelPlacerTests {
    typealias Box = LabelPlacer.Box
    typealias Candidate = LabelPlacer.Candidate

    static let bounds = Box(minX: 0, minY: 0, maxX: 300, maxY: 100)

    func box(_ x: Double, _ y: Double, _ width: Double, _ height: Double = 10) -> Box {
        Box(minX: x, minY: y, maxX: x + width, maxY: y + height)
    }

    @Test func aLabelTakesItsFirstPlaceWhenNothingIsInTheWay() {
        let placed = LabelPlacer(bounds: Self.bounds).place([[Candidate(box: box(10, 10, 50))], [Candidate(box: box(100, 10, 50))]])
        #expect(placed == [0, 0])
    }

    @Test func aLabelThatWouldCoverAnotherMovesToItsNextPlace() {
        let first = [Candidate(box: box(10, 10, 80))]
        let second = [Candidate(box: box(50, 10, 80)), Candidate(box: box(50, 22, 80))]
        #expect(LabelPlacer(bounds: Self.bounds).place([first, second]) == [0, 1])
    }

    /// A tick running down from the first label through the second's preferred place sends
    /// the second to the other side of its own tick.
    @Test func noLabelIsCrossedByAnotherLabelsLine() {
        let tick = Box(minX: 119, minY: 10, maxX: 121, maxY: 60)
        let first = [Candidate(box: box(124, 10, 60), leader: tick)]
        let second = [Candidate(box: box(104, 22, 60), leader: box(99, 22, 2, 38)), Candidate(box: box(35, 22, 60), leader: box(99, 22, 2, 38))]
        #expect(LabelPlacer(bounds: Self.bounds).place([first, second]) == [0, 1])
        // And a label's own line must not cross a label placed before it.
        let third = [Candidate(box: box(200, 40, 40), leader: Box(minX: 150, minY: 0, maxX: 152, maxY: 60)),
                     Candidate(box: box(200, 40, 40), leader: Box(minX: 240, minY: 40, maxX: 242, maxY: 60))]
        #expect(LabelPlacer(bounds: Self.bounds).place([first, third]) == [0, 1])
    }

    /// The search goes back: the first label gives up its preferred place when the second
    /// has no other.
    @Test func anEarlierLabelMovesWhenALaterOneHasNoOtherPlace() {
        let first = [Candidate(box: box(10, 10, 80)), Candidate(box: box(10, 30, 80))]
        let second = [Candidate(box: box(40, 10, 80))]
        #expect(LabelPlacer(bounds: Self.bounds).place([first, second]) == [1, 0])
    }

    @Test func marksAndTheEdgesAreRespectedAndALabelWithNoPlaceIsLeftOut() {
        let placer = LabelPlacer(bounds: Self.bounds, obstacles: [box(0, 50, 300, 5)])
        let outside = Candidate(box: box(280, 10, 50))
        let onMark = Candidate(box: box(10, 48, 50))
        let fine = Candidate(box: box(10, 70, 50))
        #expect(placer.place([[outside, onMark, fine]]) == [2])
        #expect(placer.place([[outside, onMark], [fine]]) == [nil, 0])
    }

    /// Too many labels to search every combination: they are placed one by one, still without
    /// overlaps.
    @Test func manyLabelsArePlacedWithoutOverlapsWhenTheSearchGivesUp() {
        let labels = (0..<30).map { index in (0..<6).map { line in Candidate(box: box(Double(index % 5) * 40, Double(line) * 12, 70)) } }
        let placed = LabelPlacer(bounds: Box(minX: 0, minY: 0, maxX: 300, maxY: 80), searchLimit: 50).place(labels)
        let boxes = placed.enumerated().compactMap { index, choice in choice.map { labels[index][$0].box } }
        #expect(!boxes.isEmpty)
        for (i, a) in boxes.enumerated() { for b in boxes[(i + 1)...] { #expect(!a.intersects(b)) } }
    }

    /// "IEA 61%" and "USGS MCS 2026 69.2%" on one row: the labels of the issue that overlapped.
    @Test func referenceLabelsOfOneRowNeverOverlapAtEitherWidth() throws {
        let iea = ReferenceFigure(metric: .productionShare, entity: "china", value: 61, elements: .magnet, measure: .output, bound: .exact, year: 2024,
                                  source: "IEA", detail: "", dataset: "iea")
        let usgs = ReferenceFigure(metric: .productionShare, entity: "china", value: 69.2, measure: .output, bound: .exact, year: 2025,
                                   source: "USGS MCS 2026", detail: "", dataset: "usgs")
        let older = ReferenceFigure(metric: .productionShare, entity: "china", value: 68.6, measure: .output, bound: .exact, year: 2024,
                                    source: "USGS MCS 2026", detail: "", dataset: "usgs")
        for frame in [ChartFrame.wide, .narrow] {
            let plot = StripPlot(frame: frame)
            let placed = plot.placeReferences([usgs, iea, older], bandTop: 0)
            var boxes: [Box] = []
            var lines: [(line: Int, box: Box)] = []
            for item in placed {
                let line = try #require(item.line, "\(frame.kind): \(item.text) found no place")
                let anchor = try #require(item.anchor)
                let rx = plot.x(item.reference.value)
                boxes.append(ChartText.reference.box(item.text, x: anchor == "start" ? rx + 4 : rx - 4, y: 11 + Double(line) * 12, anchor: anchor))
                lines.append((line, Box(minX: rx - 1.25, minY: 2 + Double(line) * 12, maxX: rx + 1.25, maxY: 1000)))
                #expect(boxes.last!.isInside(frame.bounds))
            }
            for (i, a) in boxes.enumerated() {
                for (j, b) in boxes.enumerated() where i != j {
                    #expect(!a.intersects(b), "\(frame.kind): \(placed[i].text) overlaps \(placed[j].text)")
                    #expect(!a.intersects(lines[j].box), "\(frame.kind): \(placed[j].text)'s tick crosses \(placed[i].text)")
                }
            }
            // The wide chart has room for every label in full.
            if frame == .wide { #expect(placed.allSatisfy { $0.text == $0.full }) }
        }
    }

    @Test func textWidthsAreConservative() {
        // Han characters are one em; a Latin label is no narrower than DejaVu Sans Bold draws it.
        #expect(ChartText.rowLabel.width("中国") == 22)
        // DejaVu Sans Bold, measured in Chromium: digits 0.69 em, "M" 0.99, "W" 1.10, "%" 1.0.
        #expect(ChartText.reference.width("2026") >= 4 * 6.9)
        #expect(ChartText.reference.width("MW%") >= 9.9 + 11 + 10)
        let box = ChartText.axis.box("100%", x: 50, y: 20, anchor: "middle")
        #expect(abs((box.minX + box.maxX) / 2 - 50) < 0.001 && box.maxY > 20 && box.minY < 12)
    }

    @Test func wrappingKeepsLinesInsideTheWidthAndPunctuationOffTheirStart() {
        let style = ChartText.panelTitle
        let title = "中国占世界储量的份额，按版本 · China's share of world reserves, by edition"
        let lines = style.wrap(title, width: 150)
        #expect(lines.count > 2)
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == title.replacingOccurrences(of: " ", with: ""))
        for line in lines {
            #expect(style.width(line) <= 150 || !line.contains(" "), "\(line)")
            #expect(!line.hasPrefix("，") && !line.hasPrefix(" "), "\(line)")
        }
        #expect(style.wrap("short", width: 150) == ["short"])
    }
}
