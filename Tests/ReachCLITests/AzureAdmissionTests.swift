import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `paths --aks … --azure …` (docs/azure.md "Admission note"): with the Azure Policy add-on enabled
/// (`addonProfiles.azurepolicy.enabled`, the AKS add-on that runs Gatekeeper as a validating
/// admission webhook) the E1n/E7p steps of an Azure-aware answer are marked "subject to admission
/// policy" as without `--azure` (footholds.md "Not modeled", FootholdAdmissionTests); with the
/// add-on disabled the answer is the one without `--aks`. Fixtures: `Fixtures/azure/admission/`.
@Suite struct AzureAdmissionTests {
    static let input = FootholdCLITests.input
    static let azure = TestPaths.fixture("azure/admission/azure")
    static let policy = TestPaths.fixture("footholds/admission/aks-azurepolicy.json")
    static let disabled = TestPaths.fixture("footholds/admission/aks-azurepolicy-disabled.json")

    static func paths(_ extra: [String], format: String) -> (String, Int32) {
        AzureCLITests.run(["paths", "-f", input, "--azure", azure, "--from", "internet", "--to", FootholdCLITests.goal, "-o", format] + extra)
    }

    @Test(arguments: [("text", "txt"), ("json", "json"), ("dot", "dot")])
    func azurePolicyMarksTheExecStep(format: String, ext: String) {
        let (out, code) = Self.paths(["--aks", Self.policy], format: format)
        #expect(code == 0)
        #expect(out.contains("E7p"))
        #expect(out.contains("subject to admission policy"))
        #expect(Golden.check(out, against: "azure/admission/expected/paths-internet-azurepolicy.\(ext)") == nil)
        if format == "json" { #expect(out.components(separatedBy: "\"subjectToAdmissionPolicy\"").count == 2) }
    }

    /// The one fact changed (the add-on disabled): byte-identical to the answer without `--aks`.
    @Test(arguments: [("text", "txt"), ("json", "json"), ("dot", "dot")])
    func addOnDisabledChangesNothing(format: String, ext: String) {
        let (out, code) = Self.paths(["--aks", Self.disabled], format: format)
        #expect(code == 0)
        #expect(!out.contains("admission"))
        #expect(out == Self.paths([], format: format).0)
        #expect(Golden.check(out, against: "azure/admission/expected/paths-internet.\(ext)") == nil)
    }

    /// An unreadable `--aks` file is an input error with `--azure` too.
    @Test func unreadableClusterJSONIsAnInputError() {
        let (_, code) = Self.paths(["--aks", TestPaths.fixture("footholds/admission/missing.json")], format: "text")
        #expect(code == 2)
    }
}
