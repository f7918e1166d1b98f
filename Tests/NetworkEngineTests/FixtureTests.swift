import Foundation
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing
@testable import NetworkEngine

/// `Fixtures/netpol/<case>/`: `input/*.yaml`, hand-derived `checks.txt` (`allow|deny PROBE SRC DST
/// # why`), and goldens `expected/pairs.json` (every declared probe, pod pairs) and
/// `expected/connlist.txt` (class level, every port).
@Suite struct FixtureTests {
    static let cases = ["docs-example", "docs-default-policies", "policytypes-defaulting", "named-ports",
                        "ports-and-protocols", "ipblocks", "workloads-and-hostnetwork", "malformed-policies"]

    static func load(_ name: String) -> (ClusterSnapshot, NetworkReach) {
        let snap = ManifestLoader().load(paths: [TestPaths.fixture("netpol/\(name)/input")])
        return (snap, NetworkEngine.analyze(snap))
    }

    @Test(arguments: cases)
    func handDerivedChecks(name: String) throws {
        let (_, reach) = Self.load(name)
        let text = try String(contentsOfFile: TestPaths.fixture("netpol/\(name)/checks.txt"), encoding: .utf8)
        var count = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "#")[0].split(separator: " ").map(String.init)
            guard fields.count == 4, let probe = ProbePort(fields[1]) else { continue }
            guard let s = reach.endpointIndex(named: fields[2]), let d = reach.endpointIndex(named: fields[3]) else {
                Issue.record("\(name): unknown endpoint in '\(line)'")
                continue
            }
            count += 1
            let got = reach.allowed(.endpoint(s), .endpoint(d), probe)
            #expect(got == (fields[0] == "allow"), "\(name): \(line)")
            #expect(got == reach.evaluator.allowed(.endpoint(s), .endpoint(d), probe), "\(name): naive evaluator disagrees on \(line)")
        }
        #expect(count >= 3, "\(name): too few checks parsed")
    }

    @Test(arguments: cases)
    func goldens(name: String) {
        let (_, reach) = Self.load(name)
        var lines: [String] = []
        for probe in reach.declaredProbes {
            lines.append("\(probe): " + reach.allowedPairs(probe).joined(separator: " "))
        }
        #expect(Golden.check(lines.joined(separator: "\n") + "\n", against: "netpol/\(name)/expected/pairs.txt") == nil)
        let rows = reach.connectionList().map { "\($0.source) => \($0.destination) : \($0.connections)" }
        #expect(Golden.check(rows.joined(separator: "\n") + "\n", against: "netpol/\(name)/expected/connlist.txt") == nil)
        let diags = (reach.diagnostics + NetworkLint.findings(reach)).sorted()
            .map { "\($0.id) \($0)".replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "") }
        #expect(Golden.check(diags.joined(separator: "\n") + "\n", against: "netpol/\(name)/expected/findings.txt") == nil)
    }

    @Test func malformedPoliciesAreLocatedAndTheRestAnalysed() {
        let (snap, reach) = Self.load("malformed-policies")
        let errors = snap.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 4)
        #expect(errors.allSatisfy { $0.location?.line ?? 0 > 0 && $0.location?.file.hasSuffix("cluster.yaml") == true })
        #expect(reach.policies.map(\.name) == ["good"])
    }

    @Test func hostNetworkPodsAndUndeclaredNamespacesAreWarned() {
        let (_, reach) = Self.load("workloads-and-hostnetwork")
        #expect(reach.endpoints.map(\.displayName) == ["w/api[Deployment]", "w/web-7d77fb55cc-x1"])
        #expect(reach.diagnostics.contains { $0.id == NetworkDiagnosticID.hostNetworkPod && $0.message.contains("node-agent") })
        #expect(reach.diagnostics.contains { $0.id == NetworkDiagnosticID.undeclaredNamespace })
    }

    @Test func diagnosticIDsAreUnique() {
        #expect(Set(NetworkDiagnosticID.all).count == NetworkDiagnosticID.all.count)
    }
}
