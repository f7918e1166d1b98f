import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `kube-reach paths`, `who-can --transitive` and `query` paths on the multi-hop scenario: goldens
/// per format, SVG structure, usage errors, the `paths` help text.
@Suite struct AttackCLITests {
    static let input = TestPaths.fixture("attacks/scenarios/multihop.yaml")
    static let goal = "get secrets db -n prod"

    static func run(_ args: [String]) -> (String, Int32) {
        let (out, code) = KubeReach.execute(args)
        return (out.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: ""), code)
    }

    @Test(arguments: [("text", "txt"), ("json", "json"), ("dot", "dot")])
    func pathsGoldens(format: String, ext: String) {
        let (out, code) = Self.run(["paths", "-f", Self.input, "--from", "User:mallory", "--to", Self.goal, "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "attacks/scenarios/expected/paths-mallory.\(ext)") == nil)
    }

    @Test func pathsSVGIsAnSVGWithEveryState() {
        let (out, code) = Self.run(["paths", "-f", Self.input, "--from", "User:mallory", "--to", Self.goal, "-o", "svg"])
        #expect(code == 0)
        #expect(out.contains("<svg"))
        for id in ["state_0", "state_1", "state_2", "goal", "step_1", "step_2"] { #expect(out.contains("id=\"\(id)\"")) }
        #expect(out.replacingOccurrences(of: "&#45;", with: "-").contains("ServiceAccount:dev/deployer+ClusterRole:secret-reader@prod"))
    }

    @Test func unreachableAndDirect() {
        let (out, code) = Self.run(["paths", "-f", Self.input, "--from", "User:eve", "--to", Self.goal])
        #expect(code == 0)
        #expect(out.contains("unreachable"))
        let direct = Self.run(["paths", "-f", Self.input, "--from", "User:dba", "--to", Self.goal, "-o", "json"]).0
        #expect(direct.contains("\"length\" : 0"))
    }

    @Test(arguments: [("text", "txt"), ("json", "json")])
    func whoCanTransitiveGoldens(format: String, ext: String) {
        let (out, code) = Self.run(["who-can", "get", "secrets", "db", "-n", "prod", "--transitive", "-f", Self.input, "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "attacks/scenarios/expected/who-can-transitive.\(ext)") == nil)
    }

    @Test func toAdminGolden() {
        let (out, code) = Self.run(["paths", "--to-admin", "-f", Self.input])
        #expect(code == 0)
        #expect(Golden.check(out, against: "attacks/scenarios/expected/to-admin.txt") == nil)
    }

    @Test func queryAnswersPaths() {
        let q = TestPaths.fixture("attacks/scenarios/queries.json")
        let (out, code) = Self.run(["query", "--queries", q, "-f", Self.input, "-o", "json"])
        #expect(code == 0)
        #expect(Golden.check(out, against: "attacks/scenarios/expected/query.json") == nil)
        let doc = try? JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        let paths = doc?["paths"] as? [[String: Any]] ?? []
        #expect(paths.map { $0["length"] as? Int } == [2, 0, nil, 0])
        #expect(paths.map { $0["reachable"] as? Bool } == [true, true, false, true])
        #expect(paths.first?["hops"] as? [String] == [
            "ServiceAccount:dev/deployer", "ServiceAccount:dev/deployer+ClusterRole:secret-reader@prod",
        ])
    }

    @Test func usageErrorsExitTwo() {
        #expect(Self.run(["paths", "-f", Self.input, "--from", "User:x"]).1 == 2)
        #expect(Self.run(["paths", "-f", Self.input, "--from", "Nobody", "--to", Self.goal]).1 == 2)
        #expect(Self.run(["paths", "-f", Self.input, "--from", "User:x", "--to", "get"]).1 == 2)
        #expect(Self.run(["paths", "-f", Self.input, "--to-admin", "-o", "svg"]).1 == 2)
    }

    @Test func pathsHelpIsStable() {
        let help = KubeReach.helpMessage(for: PathsCommand.self, columns: 100)
        #expect(Golden.check(help + "\n", against: "cli/expected/help-paths.txt") == nil)
    }
}
