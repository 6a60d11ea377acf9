import Foundation
import Testing
@testable import Atlas

/// Amounts as people write them, in both languages; raw numbers never reach a page.
@Suite struct FigureTextTests {
    func both(_ low: Double?, _ high: Double? = nil, _ qualifier: Qualifier = .exact, _ unit: FigureUnit) -> String {
        FigureText.bilingual(low: low, high: high ?? low, qualifier: qualifier, unit: unit).text
    }

    @Test func amountsCarryUnitAndScaleInBothLanguages() {
        #expect(both(8.5e9, nil, .exact, .usd) == "$8.5 billion · 85亿美元")
        #expect(both(44e6, nil, .exact, .tonnes) == "44 million t · 4,400万吨")
        #expect(both(14.8e12, nil, .exact, .usd) == "$14.8 trillion · 14.8万亿美元")
        #expect(both(120e6, nil, .exact, .tonnes) == "120 million t · 1.2亿吨")
        #expect(both(150_000, nil, .upTo, .tonnes) == "≤ 150,000 t · ≤ 15万吨")
        #expect(both(2_700, nil, .exact, .tonnes) == "2,700 t · 2,700吨")
        #expect(both(4e9, nil, .exact, .cny) == "4 billion yuan · 40亿元")
        #expect(both(1_850, nil, .exact, .cnyPerKg) == "1,850 yuan/kg · 1,850元/公斤")
        #expect(both(850, nil, .exact, .usdPerKg) == "$850/kg · 850美元/公斤")
        // A percentage reads the same in both languages and is written once.
        #expect(both(85, 90, .exact, .percent) == "85–90%")
        #expect(both(90, nil, .over, .percent) == "> 90%")
    }

    @Test func chineseWanIsUsedOnlyWhereItLosesNothing() {
        #expect(FigureText.scaledChinese(20_000) == "2万")
        #expect(FigureText.scaledChinese(15_000) == "1.5万")
        #expect(FigureText.scaledChinese(12_345) == "12,345")
        // From a million up a plain number would reach seven digits: 万, rounded as English rounds.
        #expect(FigureText.scaledChinese(1_234_567) == "123.46万")
        #expect(FigureText.scaledChinese(250e9) == "2,500亿")
    }

    @Test func rangesSayTheUnitAndASharedScaleOnce() {
        #expect(both(20_000, 60_000, .exact, .tonnes) == "20,000–60,000 t · 2–6万吨")
        #expect(both(8e8, 1e9, .exact, .usd) == "$800 million–$1 billion · 8–10亿美元")
        #expect(both(2_700, 60_000, .exact, .tonnes) == "2,700–60,000 t · 2,700–6万吨")
        #expect(both(55, 65, .exact, .cnyPerKg) == "55–65 yuan/kg · 55–65元/公斤")
        #expect(both(5e9, 10e9, .about, .usd) == "≈ $5–10 billion · ≈ 50–100亿美元")
    }

    @Test func noNumberIsNotStatedNotAQuestionMark() {
        #expect(both(nil, nil, .exact, .usd) == "未说明 · not stated")
        #expect(Claim(low: nil, high: nil, unit: .percent, period: .past).valueText == "未说明 · not stated")
    }

    @Test func noScaledAmountShowsSevenDigitsInARow() {
        for exponent in 0...15 {
            for mantissa in [1.0, 1.5, 2.25, 9.99, 12.345] {
                let value = mantissa * pow(10, Double(exponent))
                for unit in [FigureUnit.usd, .tonnes, .cny, .eur] {
                    let text = both(value, nil, .exact, unit)
                    #expect(text.firstMatch(of: /\d{7}/) == nil, "\(value) \(unit): \(text)")
                }
            }
        }
    }
}
