import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `kube-reach render`, `reach -o dot|svg|png` and `report --html`.
@Suite struct RenderCLITests {
    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-render-\(UUID().uuidString)-\(name)")
    }

    @Test(arguments: ["render", "report"])
    func helpIsStable(command: String) {
        let help = command == "render"
            ? KubeReach.helpMessage(for: RenderCommand.self, columns: 100)
            : KubeReach.helpMessage(for: ReportCommand.self, columns: 100)
        #expect(Golden.check(help + "\n", against: "cli/expected/help-\(command).txt") == nil)
    }

    @Test func renderReachDotIsTheWriterGolden() {
        let (out, code) = CLITests.run(["render", "reach", "-f", TestPaths.fixture("example"), "-o", "dot"])
        #expect(code == 0)
        #expect(Golden.check(out, against: "render/expected/reach-example.dot") == nil)
        #expect(CLITests.run(["reach", "-f", TestPaths.fixture("example"), "-o", "dot"]).0 == out)
    }

    @Test func renderRBACForOneSubject() {
        let (out, code) = CLITests.run(["render", "rbac", "-f", TestPaths.fixture("example"), "--subject", "User:alice", "-o", "dot"])
        #expect(code == 0)
        #expect(Golden.check(out, against: "cli/expected/render-rbac-alice.dot") == nil)
    }

    @Test func reachSVGParses() throws {
        let (out, code) = CLITests.run(["reach", "-f", TestPaths.fixture("example"), "-o", "svg"])
        #expect(code == 0)
        let doc = try XMLDocument(data: Data(out.utf8))
        #expect(doc.rootElement()?.name == "svg")
        #expect(out.contains("<title>class:prod/api[Deployment]</title>"))
    }

    @Test func pngToFileAndGraphFormatsRejectListOptions() throws {
        let file = Self.temporaryFile("reach.png")
        defer { try? FileManager.default.removeItem(at: file) }
        let (_, code) = CLITests.run(["render", "reach", "-f", TestPaths.fixture("example"), "-o", "png", "--out-file", file.path])
        #expect(code == 0)
        #expect(try Data(contentsOf: file).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(CLITests.run(["reach", "-f", TestPaths.fixture("example"), "-o", "png", "--expand"]).1 == 2)
        #expect(CLITests.run(["render", "reach", "-f", TestPaths.fixture("example"), "--max-nodes", "0"]).1 == 2)
    }

    @Test func renderAttackFromJSON() {
        let (out, code) = CLITests.run(["render", "attack", "--diagram", TestPaths.fixture("render/input/attack-example.json"), "-o", "dot"])
        #expect(code == 0)
        #expect(out.contains("\"cluster-admin\" [") && out.contains("doubleoctagon"))
        #expect(CLITests.run(["render", "attack", "--diagram", TestPaths.fixture("example/rbac.yaml")]).1 == 2)
    }

    @Test func htmlReportIsSelfContained() throws {
        let file = Self.temporaryFile("report.html")
        defer { try? FileManager.default.removeItem(at: file) }
        let (_, code) = CLITests.run(["report", "-f", TestPaths.fixture("example"), "--html", file.path])
        #expect(code == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        for section in ["id=\"inventory\"", "id=\"diagnostics\"", "id=\"reachability\"", "id=\"reach-findings\"", "id=\"rbac\"", "id=\"attack-paths\""] {
            #expect(html.contains(section), "missing \(section)")
        }
        #expect(html.contains("attack paths: not available in this build"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        // No fetches: no scripts, stylesheets, images or links to other origins.
        for forbidden in ["<script", "<link", "<img", "src=", "@import", "url(", "href=\"http"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("ClusterRole deployer") && html.contains("pods/exec"))
    }
}
