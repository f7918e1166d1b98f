import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `kube-reach diff --footholds` (issue 20 item 1: "with `--footholds`, internet/pods/nodes that
/// newly reach cluster-admin or a secret"): the attack-path part on each side's foothold graph
/// (../shared/spec/footholds.md), starts keyed by state string (`Internet`, `Pod:ns/p`, `Node:n`).
@Suite struct DiffFootholdsTests {
    static let formats = ["text": "txt", "md": "md", "json": "json", "sarif": "sarif"]

    /// The after side turns the frontend Service into a LoadBalancer: footholds.md X1 ("a
    /// LoadBalancer or NodePort Service … selects the pod") makes `Internet` reach `Pod:web/frontend`,
    /// whose mounted token (F1) reads kube-system's secrets.
    @Test(arguments: ["text", "md", "json", "sarif"])
    func golden(format: String) {
        let (out, code) = DiffCommandTests.run(["diff"] + DiffCommandTests.sides("new-internet-path") + ["--footholds", "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "diff/new-internet-path/expected/diff-footholds.\(Self.formats[format] ?? format)") == nil)
    }

    /// Diff of a cluster with itself is empty with --footholds too, for every side of every fixture.
    @Test(arguments: (DiffCommandTests.cases + ["new-internet-path"]).flatMap { ["diff/\($0)/before", "diff/\($0)/after"] } + ["example", "footholds/internet-to-prod-secret/cluster.yaml"])
    func selfDiffIsEmpty(path: String) throws {
        let dir = TestPaths.fixture(path)
        let (text, code) = DiffCommandTests.run(["diff", "--before", dir, "--after", dir, "--footholds", "--fail-on", "new-path"])
        #expect(code == 0)
        #expect(text.contains("No changes"))
    }

    /// The new path is an identity-free foothold path: only --footholds sees it, --fail-on
    /// new-path counts it, and without X1 (--no-assume-exploitable) the internet reaches nothing.
    @Test func failOnNewPathCountsFootholds() {
        let sides = DiffCommandTests.sides("new-internet-path")
        let (plain, plainCode) = DiffCommandTests.run(["diff"] + sides + ["--fail-on", "new-path"])
        #expect(plainCode == 0)
        #expect(plain.contains("No changes"))
        #expect(DiffCommandTests.run(["diff"] + sides + ["--footholds", "--fail-on", "new-path"]).1 == 1)
        let (text, code) = DiffCommandTests.run(["diff"] + sides + ["--footholds", "--no-assume-exploitable", "--fail-on", "new-path"])
        #expect(code == 0)
        #expect(text.contains("No changes"))
    }

    /// Swapping the sides turns the gained internet path into a lost one, with the path it had.
    @Test func reversedDiffLosesThePath() {
        let name = "new-internet-path"
        let reversed = ["--before", TestPaths.fixture("diff/\(name)/after"), "--after", TestPaths.fixture("diff/\(name)/before")]
        let (text, code) = DiffCommandTests.run(["diff"] + reversed + ["--footholds", "--fail-on", "new-path"])
        #expect(code == 0)
        #expect(text.contains("- Internet no longer reaches read secrets in kube-system in 2 step(s): X1 → Pod:web/frontend"))
        #expect(text.contains("[assumption]"))
    }

    /// RBAC-only paths still show with --footholds (identities are starts of the foothold graph).
    @Test func identityPathsStillShow() {
        let (text, code) = DiffCommandTests.run(["diff"] + DiffCommandTests.sides("new-path-pod-controller") + ["--footholds", "--fail-on", "new-path"])
        #expect(code == 1)
        #expect(text.contains("+ User:alice now reaches cluster-admin-equivalent"))
    }

    @Test func noAssumeNeedsFootholds() {
        #expect(DiffCommandTests.run(["diff"] + DiffCommandTests.sides("new-internet-path") + ["--no-assume-exploitable"]).1 == 2)
    }
}
