import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `kube-reach diff` on traffic to and from external address ranges (ipBlock and CIDR peers,
/// networkpolicy.md rule 7): the policy-engine case of `Fixtures/diff/external-engine` (the same
/// manifests under each side's AKS document), `--fail-on new-reach` counting external rows, and
/// self-diffs with an engine. The `external-ranges` fixture's goldens are in ``DiffCommandTests``.
@Suite struct DiffExternalTests {
    static let engine = "diff/external-engine"

    static func sides(before: String, after: String) -> [String] {
        let input = TestPaths.fixture("\(engine)/input")
        return ["--before", input, "--after", input, "--before-aks", TestPaths.fixture("\(engine)/aks/\(before).json"),
                "--after-aks", TestPaths.fixture("\(engine)/aks/\(after).json")]
    }

    /// networkProfile.networkPolicy azure (Kubernetes NetworkPolicy) → unset (none enforced): the
    /// proxy gains every external range it was denied, in both directions.
    @Test(arguments: ["text", "md", "json", "sarif"])
    func engineChangeGolden(format: String) {
        let (out, code) = DiffCommandTests.run(["diff"] + Self.sides(before: "azure", after: "none") + ["-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "\(Self.engine)/expected/diff.\(DiffCommandTests.formats[format] ?? format)") == nil)
    }

    /// The same engine on both sides: nothing changes, whichever engine.
    @Test(arguments: ["azure", "none"])
    func sameEngineIsEmpty(engine: String) {
        let (text, code) = DiffCommandTests.run(["diff"] + Self.sides(before: engine, after: engine) + ["--fail-on", "new-reach"])
        #expect(code == 0)
        #expect(text.contains("No changes"))
    }

    /// Gained external rows alone trip `--fail-on new-reach`; lost ones alone do not.
    @Test func failOnNewReachCountsExternalRows() {
        let ranges = DiffCommandTests.sides("external-ranges")
        let (text, code) = DiffCommandTests.run(["diff"] + ranges + ["--fail-on", "new-reach"])
        #expect(text.contains("0 pairs gained reachability, 0 pairs lost reachability, 3 external range rows gained"))
        #expect(code == 1)
        #expect(DiffCommandTests.run(["diff"] + Self.sides(before: "none", after: "azure") + ["--fail-on", "new-reach"]).1 == 0)
        #expect(DiffCommandTests.run(["diff"] + Self.sides(before: "azure", after: "none") + ["--fail-on", "new-reach"]).1 == 1)
    }

    /// The labels are the ones `reach` prints, so a reviewer can grep one output for the other.
    @Test func rangesAreNamedAsReachNamesThem() {
        let (diff, _) = DiffCommandTests.run(["diff"] + Self.sides(before: "azure", after: "none"))
        let (reach, _) = DiffCommandTests.run(["reach", "-f", TestPaths.fixture("\(Self.engine)/input"),
                                               "--aks", TestPaths.fixture("\(Self.engine)/aks/azure.json")])
        for label in ["0.0.0.0-9.255.255.255[External]", "11.0.0.0-255.255.255.255[External]"] {
            #expect(diff.contains(label) && reach.contains(label), "\(label)")
        }
    }
}
