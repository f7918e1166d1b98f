import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `paths --aks`: when the cluster JSON shows the Azure Policy add-on enabled
/// (`addonProfiles.azurepolicy.enabled`), the steps whose API request an admission webhook sees
/// (E1n creates an escaping pod, E7p execs into a pod) carry "subject to admission policy"
/// (footholds.md "Not modeled") in text, JSON and DOT; with the add-on disabled the answer is the
/// one without `--aks`. Fixtures: `Fixtures/footholds/admission/`.
@Suite struct FootholdAdmissionTests {
    static let input = FootholdCLITests.input
    static let policy = TestPaths.fixture("footholds/admission/aks-azurepolicy.json")
    static let disabled = TestPaths.fixture("footholds/admission/aks-azurepolicy-disabled.json")

    static func paths(_ extra: [String], format: String = "text") -> (String, Int32) {
        FootholdCLITests.run(["paths", "-f", input, "--from", "internet", "--to", FootholdCLITests.goal, "-o", format] + extra)
    }

    @Test func azurePolicyMarksTheExecStep() {
        let (text, code) = Self.paths(["--aks", Self.policy])
        #expect(code == 0)
        let lines = text.components(separatedBy: "\n")
        let e7p = lines.firstIndex { $0.hasPrefix("4. E7p exec into a pod") }
        #expect(e7p != nil)
        #expect(lines.filter { $0.contains("note: subject to admission policy") }.count == 1)
        if let e7p { #expect(lines[(e7p + 1)...].prefix(3).contains { $0.contains("note: subject to admission policy: the Azure Policy add-on is enabled") }) }
        let (json, _) = Self.paths(["--aks", Self.policy], format: "json")
        #expect(json.components(separatedBy: "\"subjectToAdmissionPolicy\"").count == 2)
        let (dot, _) = Self.paths(["--aks", Self.policy], format: "dot")
        #expect(dot.contains("(subject to admission policy)"))
        #expect(dot.contains("API steps marked (subject to admission policy)"))
    }

    @Test(arguments: [("text", "txt"), ("json", "json"), ("dot", "dot")])
    func addOnDisabledChangesNothing(format: String, ext: String) {
        let (out, code) = Self.paths(["--aks", Self.disabled], format: format)
        #expect(code == 0)
        #expect(Golden.check(out, against: "\(FootholdCLITests.expected)/paths-internet.\(ext)") == nil)
    }

    @Test func unreadableClusterJSONIsAnInputError() {
        let (_, code) = Self.paths(["--aks", TestPaths.fixture("footholds/admission/missing.json")])
        #expect(code == 2)
    }
}
