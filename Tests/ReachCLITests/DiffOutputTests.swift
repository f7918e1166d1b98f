import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI
import ReachReports

/// `diff` output beyond the goldens: long reachability lists are bounded in text and Markdown
/// (`--all` lists everything, JSON always does), and hostile names are escaped.
@Suite struct DiffOutputTests {
    /// A namespace of `n` Deployments without policies (before) and with a default-deny (after).
    static func bigNamespace(_ n: Int) throws -> (before: String, after: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-diff-\(UUID().uuidString)")
        let before = dir.appendingPathComponent("before"), after = dir.appendingPathComponent("after")
        for d in [before, after] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        var yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: big}\n"
        for i in 0..<n {
            yaml += """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app-\(String(format: "%02d", i)), namespace: big}
            spec:
              selector: {matchLabels: {app: a\(i)}}
              template:
                metadata: {labels: {app: a\(i)}}
                spec: {containers: [{name: c, image: x.azurecr.io/a:1}]}

            """
        }
        try yaml.write(to: before.appendingPathComponent("apps.yaml"), atomically: true, encoding: .utf8)
        try (yaml + "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: big}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n")
            .write(to: after.appendingPathComponent("apps.yaml"), atomically: true, encoding: .utf8)
        return (before.path, after.path)
    }

    /// 20 workloads: 20 × 19 = 380 ordered pairs lose every connection, and each workload loses
    /// ingress from the IPv4 and the IPv6 external range: 40 external rows (under the same limit,
    /// counted separately).
    @Test func longListsAreBoundedUnlessAll() throws {
        let sides = try Self.bigNamespace(20)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: sides.before).deletingLastPathComponent().path) }
        let args = ["diff", "--before", sides.before, "--after", sides.after]
        for format in ["text", "md"] {
            let (bounded, code) = KubeReach.execute(args + ["-o", format])
            #expect(code == 0)
            #expect(bounded.contains("0 pairs gained reachability, 380 pairs lost reachability"))
            #expect(bounded.components(separatedBy: "big/app-").count - 1 == 2 * DiffCommand.textLimit + 40)
            #expect(bounded.contains("0 row(s) gained, 40 lost"))
            #expect(bounded.contains("… 180 more pair(s) not shown"))
            let (all, _) = KubeReach.execute(args + ["-o", format, "--all"])
            #expect(all.components(separatedBy: "big/app-").count - 1 == 2 * 380 + 40)
            #expect(!all.contains("more pair(s) not shown"))
        }
        let (json, _) = KubeReach.execute(args + ["-o", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(((object["reachability"] as? [String: Any])?["removed"] as? [Any])?.count == 380)
    }

    /// The same objects in another file, every line shifted: nothing changed (objects, grants and
    /// findings are matched without their source locations).
    @Test func movedObjectsAreNotChanges() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-diff-moved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = ""
        for file in ["namespaces", "network", "rbac", "workloads"] {
            text += "# moved\n" + (try String(contentsOfFile: TestPaths.fixture("example/\(file).yaml"), encoding: .utf8)) + "\n---\n"
        }
        try text.write(to: dir.appendingPathComponent("all.yaml"), atomically: true, encoding: .utf8)
        let (out, code) = KubeReach.execute(["diff", "--before", TestPaths.fixture("example"), "--after", dir.path,
                                             "--fail-on", "new-reach,new-access,new-path,low"])
        #expect(code == 0)
        #expect(out.contains("No changes"), "\(out)")
    }

    /// Every hostile object is new against an empty cluster: names reach every section.
    @Test(arguments: ["text", "md"])
    func hostileNamesAreEscaped(format: String) {
        let (out, code) = KubeReach.execute(["diff", "--before", TestPaths.fixture("diff/fixed-finding/before"),
                                              "--after", TestPaths.fixture("hostile"), "-o", format, "--all"])
        #expect(code == 0)
        #expect(out.contains("prod/web"))
        #expect(HostileOutputTests.rawControls(out).isEmpty, "\(HostileOutputTests.rawControls(out))")
        if format == "md" { #expect(!out.contains("<b>") && !out.contains("<script")) }
    }

    @Test func hostileNamesStayExactInJSON() throws {
        let (json, _) = KubeReach.execute(["diff", "--before", TestPaths.fixture("diff/fixed-finding/before"),
                                            "--after", TestPaths.fixture("hostile"), "-o", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let added = (object["reachability"] as? [String: Any])?["added"] as? [[String: Any]] ?? []
        #expect(added.contains { ($0["source"] as? String)?.contains("\u{1B}") == true })
    }
}
