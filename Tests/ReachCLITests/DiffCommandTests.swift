import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `kube-reach diff`: goldens per kind of change and format, a cluster against itself, exit codes.
/// Each fixture under `Fixtures/diff/<case>` is one change (issue 20's list); its README-style
/// header comment says what changed.
@Suite struct DiffCommandTests {
    static let cases = ["removed-default-deny", "new-rolebinding", "new-path-pod-controller", "fixed-finding", "owned-pods",
                        "external-ranges"]
    static let formats = ["text": "txt", "md": "md", "json": "json", "sarif": "sarif"]

    static func run(_ args: [String]) -> (String, Int32) {
        let (out, code) = KubeReach.execute(args)
        return (out.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: ""), code)
    }

    static func sides(_ name: String) -> [String] {
        ["--before", TestPaths.fixture("diff/\(name)/before"), "--after", TestPaths.fixture("diff/\(name)/after")]
    }

    @Test(arguments: cases, ["text", "md", "json", "sarif"])
    func golden(name: String, format: String) {
        let (out, code) = Self.run(["diff"] + Self.sides(name) + ["-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "diff/\(name)/expected/diff.\(Self.formats[format] ?? format)") == nil)
    }

    /// Diff of a cluster with itself is empty, for every side of every fixture and the example.
    @Test(arguments: cases.flatMap { ["diff/\($0)/before", "diff/\($0)/after"] } + ["example"])
    func selfDiffIsEmpty(path: String) throws {
        let dir = TestPaths.fixture(path)
        let (text, code) = Self.run(["diff", "--before", dir, "--after", dir, "--fail-on", "new-reach,new-access,new-path,low"])
        #expect(code == 0)
        #expect(text.contains("No changes"))
        let (json, _) = Self.run(["diff", "--before", dir, "--after", dir, "--pods", "-o", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["empty"] as? Bool == true)
    }

    /// Each kind of change trips its own --fail-on condition and not the others'.
    @Test func failOnConditions() {
        let expectations: [(String, String, Int32)] = [
            ("removed-default-deny", "new-reach", 1), ("removed-default-deny", "new-access", 0),
            ("new-rolebinding", "new-access", 1), ("new-rolebinding", "new-reach", 0), ("new-rolebinding", "new-path", 0),
            ("new-path-pod-controller", "new-path", 1), ("new-path-pod-controller", "high", 1),
            ("fixed-finding", "low", 0), ("fixed-finding", "new-reach,new-access,new-path", 0),
            ("removed-default-deny", "medium", 1), ("removed-default-deny", "high", 0),
        ]
        for (name, condition, expected) in expectations {
            let code = Self.run(["diff"] + Self.sides(name) + ["--fail-on", condition]).1
            #expect(code == expected, "\(name) --fail-on \(condition)")
        }
    }

    /// Swapping the sides swaps gained and lost.
    @Test func reversedDiffSwapsGainedAndLost() {
        let name = "removed-default-deny"
        let reversed = ["--before", TestPaths.fixture("diff/\(name)/after"), "--after", TestPaths.fixture("diff/\(name)/before")]
        let (text, code) = Self.run(["diff"] + reversed + ["--fail-on", "new-reach"])
        #expect(code == 0)
        #expect(text.contains("0 pairs gained reachability, 4 pairs lost reachability"))
        #expect(text.contains("- shop/api[Deployment] => shop/db[Deployment]"))
    }

    @Test func podLevelNamesPods() {
        let (text, _) = Self.run(["diff"] + Self.sides("removed-default-deny") + ["--pods", "-o", "json"])
        #expect(text.contains("\"level\" : \"pod\""))
        #expect(text.contains("shop/db[Deployment]"))  // a workload without Pod objects stands for its pods
    }

    @Test func invalidInputExitsTwoAndStillCompares() {
        let (out, code) = Self.run(["diff", "--before", TestPaths.fixture("example"), "--after", TestPaths.fixture("invalid/invalid-values.yaml")])
        #expect(code == 2)
        #expect(out.contains("kube-reach diff"))
        #expect(out.contains("--after:"))
        #expect(out.contains("invalid-values.yaml#"))
    }

    @Test func usageErrors() {
        #expect(Self.run(["diff", "--before", TestPaths.fixture("example")]).1 == 2)
        #expect(Self.run(["diff"] + Self.sides("fixed-finding") + ["--fail-on", "sometimes"]).1 == 2)
        #expect(Self.run(["diff"] + Self.sides("fixed-finding") + ["--before-aks", TestPaths.fixture("diff/missing.json")]).1 == 2)
    }

    @Test func helpIsStable() {
        #expect(Golden.check(KubeReach.helpMessage(for: DiffCommand.self, columns: 100) + "\n",
                             against: "cli/expected/help-diff.txt") == nil)
    }
}
