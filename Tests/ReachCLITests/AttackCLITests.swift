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
        let text = out.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&#43;", with: "+")
        for state in ["User:mallory", "ServiceAccount:dev/deployer", "ServiceAccount:dev/deployer_ClusterRole:secret-reader_prod"] {
            #expect(text.contains("id=\"attack-\(state)\""), "state \(state)")
        }
        #expect(text.contains("id=\"attack-get_secrets_db_-n_prod\""), "goal node")
        #expect(text.contains("id=\"attack-legend\""))
        #expect(text.components(separatedBy: "class=\"edge\"").count - 1 == 3, "two steps and the goal edge")
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
        #expect(Self.run(["paths", "-f", Self.input, "--to-admin", "--from", "User:x"]).1 == 2)
        #expect(Self.run(["can-i", "get", "pods", "--as", "User:x", "-f", Self.input, "-o", "svg"]).1 == 2)
        #expect(Self.run(["who-can", "get", "pods", "-f", Self.input, "-o", "svg"]).1 == 2)
    }

    /// Several paths merge into one graph: every subject of the text answer is a start node.
    @Test func transitiveGraphsMergePaths() {
        let (text, _) = Self.run(["who-can", "get", "secrets", "db", "-n", "prod", "--transitive", "-f", Self.input])
        let (dot, code) = Self.run(["who-can", "get", "secrets", "db", "-n", "prod", "--transitive", "-f", Self.input, "-o", "dot"])
        #expect(code == 0)
        let subjects = text.split(separator: "\n").dropFirst(2).compactMap { line -> String? in
            let words = line.split(separator: " ").map(String.init)
            return words.count >= 2 && Int(words[1]) != nil ? words[0] : nil
        }
        #expect(!subjects.isEmpty)
        for s in subjects { #expect(dot.contains("\"\(s)\""), "subject \(s) drawn") }
        #expect(dot.contains("peripheries=\"2\""))
        let (svg, svgCode) = Self.run(["paths", "--to-admin", "-f", Self.input, "-o", "svg"])
        #expect(svgCode == 0)
        #expect(svg.contains("<svg") && svg.contains("attack&#45;legend"))
    }

    @Test func pathsHelpIsStable() {
        let help = KubeReach.helpMessage(for: PathsCommand.self, columns: 100)
        #expect(Golden.check(help + "\n", against: "cli/expected/help-paths.txt") == nil)
    }
}
