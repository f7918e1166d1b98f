import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `paths --from internet|Pod:|Node:`, `who-can --transitive --footholds`, `paths --to-admin
/// --footholds` and `query` foothold starts on a cluster where the internet reaches Secret prod/db
/// in four steps (X1, X2, F1, E7p): goldens per format, the assumption switch, SVG structure, and
/// RBAC-only answers unchanged without `--footholds`.
@Suite struct FootholdCLITests {
    static let input = TestPaths.fixture("footholds/internet-to-prod-secret/cluster.yaml")
    static let expected = "footholds/internet-to-prod-secret/expected"
    static let goal = "get secrets db -n prod"

    static func run(_ args: [String]) -> (String, Int32) { AttackCLITests.run(args) }

    @Test(arguments: [("text", "txt"), ("json", "json"), ("dot", "dot")])
    func pathsFromInternetGoldens(format: String, ext: String) {
        let (out, code) = Self.run(["paths", "-f", Self.input, "--from", "internet", "--to", Self.goal, "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "\(Self.expected)/paths-internet.\(ext)") == nil)
    }

    @Test func withoutTheAssumptionTheInternetReachesNothing() {
        let (out, code) = Self.run(["paths", "-f", Self.input, "--from", "internet", "--to", Self.goal, "--no-assume-exploitable"])
        #expect(code == 0)
        #expect(Golden.check(out, against: "\(Self.expected)/paths-internet-no-assume.txt") == nil)
        // From the api pod the path needs no assumption: F1 then E7p.
        let (fromPod, _) = Self.run(["paths", "-f", Self.input, "--from", "Pod:web/api", "--to", Self.goal, "--no-assume-exploitable", "-o", "json"])
        #expect(fromPod.contains("\"length\" : 2"))
        #expect(fromPod.contains("\"assumptions\" : [\n\n  ]"))
    }

    @Test(arguments: [("text", "txt"), ("json", "json")])
    func whoCanTransitiveFootholdsGoldens(format: String, ext: String) {
        let (out, code) = Self.run(["who-can", "get", "secrets", "db", "-n", "prod", "--transitive", "--footholds", "-f", Self.input, "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "\(Self.expected)/who-can-footholds.\(ext)") == nil)
    }

    @Test func rbacOnlyAnswersIgnoreFootholds() {
        let (out, _) = Self.run(["who-can", "get", "secrets", "db", "-n", "prod", "--transitive", "-f", Self.input])
        #expect(!out.contains("Internet") && !out.contains("Pod:"))
        let (admin, _) = Self.run(["paths", "--to-admin", "-f", Self.input])
        #expect(!admin.contains("(footholds)"))
    }

    @Test func svgDrawsEveryStateKindAndALegend() {
        let (out, code) = Self.run(["paths", "-f", Self.input, "--from", "internet", "--to", Self.goal, "-o", "svg"])
        #expect(code == 0)
        #expect(out.contains("<svg"))
        for id in ["foothold-Internet", "foothold-Pod:web/frontend", "foothold-Pod:web/api", "foothold-ServiceAccount:web/api",
                   "foothold-Pod:prod/worker", "foothold-goal", "foothold-legend"] {
            #expect(out.replacingOccurrences(of: "&#45;", with: "-").contains("id=\"\(id)\""), "\(id)")
        }
    }

    @Test func nodeGoalsAndUnknownStarts() {
        let (toNode, code) = Self.run(["paths", "-f", TestPaths.fixture("attacks/F2/positive.yaml"), "--from", "Pod:prod/app", "--to", "node"])
        #expect(code == 0)
        #expect(toNode.contains("1. F2 container escape: Pod:prod/app → Node:node-1"))
        #expect(toNode.contains("because: hostPath volume h mounts /var/run/docker.sock"))
        let (_, bad) = Self.run(["paths", "-f", Self.input, "--from", "Pod:web/nope", "--to", Self.goal])
        #expect(bad == 2)
    }

    /// `query` answers foothold starts and node goals on the foothold graph, and every other entry
    /// (an identity with a request goal) exactly as before, in document order.
    @Test func queryAcceptsFootholdStarts() {
        let q = TestPaths.fixture("footholds/internet-to-prod-secret/queries.json")
        let (out, code) = Self.run(["query", "--queries", q, "-f", Self.input, "-o", "json"])
        #expect(code == 0)
        #expect(Golden.check(out, against: "\(Self.expected)/query.json") == nil)
    }

    /// `audit --footholds` adds K8S-FTH-001…003 (SARIF like every check); without the flag they are
    /// not run, so existing audit answers do not change.
    @Test func auditFootholdChecks() {
        let (sarif, code) = Self.run(["audit", "--footholds", "-f", Self.input, "-o", "sarif"])
        #expect(code == 0)
        #expect(sarif.contains("\"ruleId\" : \"K8S-FTH-003\""))
        #expect(sarif.contains("Secret/prod/db: reachable from the internet in 4 steps"))
        let (plain, _) = Self.run(["audit", "-f", Self.input, "-o", "json"])
        #expect(!plain.contains("K8S-FTH"))
    }

    /// The HTML report gains "Reachable from the internet" with the path step by step.
    @Test func reportHasTheInternetSection() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-footholds-\(getpid()).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let (_, code) = Self.run(["report", "-f", Self.input, "--html", file.path])
        #expect(code == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<section id=\"internet\"><h2>Reachable from the internet</h2>"))
        #expect(html.contains("1 Secret reachable from the internet"))
        #expect(html.contains("<td>X2 lateral movement (assumption)</td>"))
        #expect(html.contains("<td>E7p exec into a pod</td>"))
    }
}
