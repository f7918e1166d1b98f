import Foundation
import ReachCLI
import ReachTestSupport
import Testing

/// SARIF output: the required structure of the 2.1.0 schema checked in Swift, and the full schema
/// through `Fixtures/audit/sarif/validate_sarif.py` when python3 + jsonschema are available.
@Suite struct SARIFTests {
    static func sarif() throws -> [String: Any] {
        // The RBAC fixture comes first: its duplicate Deployment shop/web is replaced by the
        // hostPath one (the last wins), and its least-privilege findings (with paths) are results too.
        let result = KubeReach.execute([
            "audit", "--least-privilege", "-f", TestPaths.fixture("audit/K8S-RBAC-020/positive"),
            "-f", TestPaths.fixture("audit/POD-SEC-003/positive"),
            "--aks", TestPaths.fixture("audit/AKS-API-002/positive/cluster.json"), "--ignore", "POD-SEC-003",
            "-o", "sarif",
        ])
        #expect(result.exitCode == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func requiredStructure() throws {
        let log = try Self.sarif()
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "kube-reach")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs.count == rules.count && Set(ruleIDs).count == rules.count)
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        let levels: Set<String> = ["none", "note", "warning", "error"]
        let kinds: Set<String> = ["notApplicable", "pass", "fail", "review", "open", "informational"]
        var suppressedSeen = false
        for r in results {
            let id = try #require(r["ruleId"] as? String)
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == id)
            #expect(((r["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(levels.contains(r["level"] as? String ?? ""))
            #expect(kinds.contains(r["kind"] as? String ?? ""))
            if r["kind"] as? String != "fail" { #expect(r["level"] as? String == "none") }
            if r["suppressions"] != nil { suppressedSeen = true }
            for l in r["locations"] as? [[String: Any]] ?? [] {
                let physical = try #require(l["physicalLocation"] as? [String: Any])
                let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
                #expect(URL(string: uri) != nil, "not a URI: \(uri)")
                let line = try #require((physical["region"] as? [String: Any])?["startLine"] as? Int)
                #expect(line >= 1)
            }
        }
        #expect(suppressedSeen, "--ignore'd findings are reported with suppressions")
        #expect(results.contains { $0["ruleId"] as? String == "K8S-RBAC-020" })
    }

    @Test func validatesAgainstTheSchema() throws {
        let text = try JSONSerialization.data(withJSONObject: try Self.sarif())
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-audit-\(UUID().uuidString).sarif")
        try text.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = TestPaths.fixture("audit/sarif/validate_sarif.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch {
            print("skipped: SARIF schema validation needs python3 (\(error))")
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 3, 127: print("skipped: SARIF schema validation needs python3 with jsonschema (\(output.trimmingCharacters(in: .whitespacesAndNewlines)))")
        default: Issue.record("SARIF does not validate against the 2.1.0 schema:\n\(output)")
        }
    }
}
