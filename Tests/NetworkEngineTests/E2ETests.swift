import Testing
@testable import NetworkEngine

/// The upstream e2e suite as tables: each argument is one upstream `It` (see E2ECases*.swift).
@Suite struct E2ETests {
    @Test(arguments: E2ECase.selectorCases + E2ECase.portCases)
    func upstreamCase(_ c: E2ECase) {
        let mismatches = c.mismatches()
        #expect(mismatches.isEmpty, "\(c.name): \(mismatches.prefix(6))")
    }

    @Test func everyUpstreamCaseHasAUniqueName() {
        let names = (E2ECase.selectorCases + E2ECase.portCases).map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 40)
    }
}
