import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReachReports
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

    /// `--diagram` is read like every other input: in chunks, refused past 64 MiB with a clear error
    /// (it used to read a device or FIFO without bound).
    @Test func renderAttackDiagramIsCapped() {
        let (out, code) = CLITests.run(["render", "attack", "--diagram", "/dev/zero", "-o", "dot"])
        #expect(code == 2)
        #expect(out.contains("/dev/zero") && out.contains("limit"))
    }

    /// The report's attack section holds the engine's escalation paths (one graph per goal with
    /// paths, every escalating subject drawn) and the audit section its findings.
    @Test func htmlReportHasAttackPathsAndFindings() throws {
        let file = Self.temporaryFile("report-attacks.html")
        defer { try? FileManager.default.removeItem(at: file) }
        let input = TestPaths.fixture("attacks/scenarios/multihop.yaml")
        let (_, code) = CLITests.run(["report", "-f", input, "--html", file.path])
        #expect(code == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("Escalation paths to cluster-admin-equivalent"))
        #expect(html.contains("Escalation paths to reading secrets in kube-system"))
        // reach + RBAC + two attack graphs
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        let admins = CLITests.run(["paths", "--to-admin", "-f", input, "-o", "json"]).0
        let doc = try JSONSerialization.jsonObject(with: Data(admins.utf8)) as? [String: Any]
        let escalating = (doc?["subjects"] as? [[String: Any]] ?? []).filter { ($0["length"] as? Int ?? 0) > 0 }
        #expect(!escalating.isEmpty)
        for s in escalating { #expect(html.contains("<title>\(s["subject"] as? String ?? "")</title>"), "\(s)") }
        #expect(html.contains("id=\"audit\"") && html.contains("K8S-NET-001"))
    }

    @Test func renderAttackFromManifests() throws {
        let input = TestPaths.fixture("attacks/scenarios/multihop.yaml")
        let (path, code) = CLITests.run(["render", "attack", "-f", input, "--from", "User:mallory", "--to", "get secrets db -n prod", "-o", "dot"])
        #expect(code == 0)
        #expect(path.contains("\"User:mallory\" -> \"ServiceAccount:dev/deployer\"") && path.contains("E9a bind a ClusterRole in N"))
        let (all, code2) = CLITests.run(["render", "attack", "-f", input, "--transitive", "get secrets db -n prod", "--max-paths", "2", "-o", "dot"])
        #expect(code2 == 0)
        #expect(all.contains("(first 2 of 9)") && all.contains("2 paths merged"))
        let (svg, code3) = CLITests.run(["render", "attack", "-f", input, "--to-admin"])
        #expect(code3 == 0)
        let xml = try XMLDocument(data: Data(svg.utf8))
        #expect(xml.rootElement()?.name == "svg")
        for bad in [["render", "attack", "-f", input], ["render", "attack", "-f", input, "--to-admin", "--transitive", "get pods"],
                    ["render", "attack", "-f", input, "--from", "User:x"], ["render", "attack", "--to-admin"],
                    ["render", "attack", "-f", input, "--transitive", "get"]] {
            #expect(CLITests.run(bad).1 == 2, "\(bad)")
        }
    }

    /// `access -o dot` draws the bindings that apply to the subject: its own and those of its
    /// groups (here `system:serviceaccounts:dev`, added beside the example), nothing else.
    @Test func accessGraphIncludesGroupBindings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: dev-sas-view, namespace: dev}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployer}
        subjects:
        - {kind: Group, name: "system:serviceaccounts:dev", apiGroup: rbac.authorization.k8s.io}
        """.write(to: dir.appendingPathComponent("group.yaml"), atomically: true, encoding: .utf8)
        let (dot, code) = CLITests.run(["access", "ServiceAccount:dev/deployer", "-f", TestPaths.fixture("example"), "-f", dir.path, "-o", "dot"])
        #expect(code == 0)
        #expect(dot.contains("\"ServiceAccount:dev/deployer\" -> \"RoleBinding:prod/deployer-in-prod\""))
        #expect(dot.contains("\"Group:system:serviceaccounts:dev\" -> \"RoleBinding:dev/dev-sas-view\""))
        #expect(!dot.contains("api-reads-db"), "another subject's binding")
        #expect(CLITests.run(["access", "ServiceAccount:dev/deployer", "-f", TestPaths.fixture("example"), "-o", "svg"]).0.contains("<svg"))
    }

    @Test func auditHTMLPage() {
        let (html, code) = CLITests.run(["audit", "-f", TestPaths.fixture("attacks/scenarios/multihop.yaml"), "-o", "html"])
        #expect(code == 0)
        #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"))
        for id in ["audit-summary", "audit-findings", "audit-checks", "audit-not-evaluated", "audit-suppressed"] {
            #expect(html.contains("id=\"\(id)\""), "\(id)")
        }
        #expect(html.contains("K8S-NET-001") && html.contains("multihop.yaml:5"))
        #expect(!html.contains("<script"))
    }

    /// Least-privilege findings carry their own fix; the HTML shows it instead of the check's.
    @Test func auditHTMLShowsPerFindingFixes() throws {
        let input = TestPaths.fixture("attacks/scenarios/multihop.yaml")
        let json = CLITests.run(["audit", "--least-privilege", "-f", input, "-o", "json"]).0
        let doc = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let fixes = (doc?["findings"] as? [[String: Any]] ?? []).compactMap { $0["fix"] as? String }
        #expect(!fixes.isEmpty)
        let (html, code) = CLITests.run(["audit", "--least-privilege", "-f", input, "-o", "html"])
        #expect(code == 0)
        for fix in fixes { #expect(html.contains(HTML.escape(fix)), "\(fix)") }
    }

    @Test func htmlReportIsSelfContained() throws {
        let file = Self.temporaryFile("report.html")
        defer { try? FileManager.default.removeItem(at: file) }
        let (_, code) = CLITests.run(["report", "-f", TestPaths.fixture("example"), "--html", file.path])
        #expect(code == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        for section in ["id=\"inventory\"", "id=\"diagnostics\"", "id=\"reachability\"", "id=\"reach-findings\"", "id=\"rbac\"",
                        "id=\"attack-paths\"", "id=\"audit\""] {
            #expect(html.contains(section), "missing \(section)")
        }
        #expect(!html.contains("not available in this build"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 2)
        // No fetches: no scripts, stylesheets, images or links to other origins.
        for forbidden in ["<script", "<link", "<img", "src=", "@import", "url(", "href=\"http"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("ClusterRole deployer") && html.contains("pods/exec"))
    }
}
