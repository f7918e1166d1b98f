import Foundation
import ReachCLI
import ReachTestSupport
import Testing

/// `diff -o sarif` for code scanning: only what is new, in the shape `audit -o sarif` produces
/// (same keys at every level), every result located (github/codeql-action#2459: upload-sarif
/// rejects a result without a location), and valid against the SARIF 2.1.0 schema when python3
/// with jsonschema is available (`Fixtures/audit/sarif/validate_sarif.py`).
@Suite struct DiffSARIFTests {
    /// Every fixture's change at once.
    static func diff() throws -> [String: Any] {
        var args = ["diff", "-o", "sarif"]
        for name in DiffCommandTests.cases {
            args += ["--before", TestPaths.fixture("diff/\(name)/before"), "--after", TestPaths.fixture("diff/\(name)/after")]
        }
        let result = KubeReach.execute(args)
        #expect(result.exitCode == 0)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    static func audit() throws -> [String: Any] {
        let result = KubeReach.execute(["audit", "--least-privilege", "-f", TestPaths.fixture("diff/new-path-pod-controller/after"), "-o", "sarif"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) throws -> [String: Any] { try #require((log["runs"] as? [[String: Any]])?.first) }

    @Test func onlyNewThingsEveryOneLocated() throws {
        let run = try Self.run(try Self.diff())
        let rules = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])["rules"] as? [[String: Any]]
        let ruleIDs = try #require(rules).compactMap { $0["id"] as? String }
        let results = try #require(run["results"] as? [[String: Any]])
        let ids = results.compactMap { $0["ruleId"] as? String }
        #expect(Set(ids) == ["KR-DIFF-REACH", "KR-DIFF-EXTERNAL", "KR-DIFF-ACCESS", "KR-DIFF-PATH", "K8S-NET-002", "K8S-RBAC-020",
                             "K8S-RBAC-004"])
        #expect(!ids.contains("POD-SEC-001"), "a fixed finding is not a result")
        // The 4 pairs inside shop, plus the other fixtures' workloads (logging/agent,
        // store/client[Pod], store/web-7d4f[ReplicaSet]) now reaching shop/web and shop/db: before,
        // the default-deny kept every other namespace out too. (owned-pods changes nothing at
        // workload level.)
        #expect(ids.filter { $0 == "KR-DIFF-REACH" }.count == 10)
        for r in results {
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == r["ruleId"] as? String)
            let locations = try #require(r["locations"] as? [[String: Any]])
            #expect(!locations.isEmpty)
            for l in locations {
                let physical = try #require(l["physicalLocation"] as? [String: Any])
                #expect(((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)?.hasSuffix(".yaml") == true)
                #expect(((physical["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
            }
            #expect((r["partialFingerprints"] as? [String: Any])?["kubeReachFingerprint/v1"] is String)
        }
        #expect((run["properties"] as? [String: Any])?["resultsWithoutLocation"] as? Int == 0)
    }

    /// The keys of the log, run, driver, rules and results are those of `audit -o sarif`.
    @Test func sameShapeAsTheAuditSARIF() throws {
        let diff = try Self.diff(), audit = try Self.audit()
        #expect(Set(diff.keys) == Set(audit.keys))
        let d = try Self.run(diff), a = try Self.run(audit)
        #expect(Set(d.keys) == Set(a.keys))
        func driver(_ run: [String: Any]) -> [String: Any] { (run["tool"] as? [String: Any])?["driver"] as? [String: Any] ?? [:] }
        #expect(Set(driver(d).keys) == Set(driver(a).keys))
        let ruleKeys = Set((driver(a)["rules"] as? [[String: Any]] ?? []).flatMap(\.keys))
        for rule in driver(d)["rules"] as? [[String: Any]] ?? [] { #expect(Set(rule.keys) == ruleKeys) }
        let resultKeys = Set((a["results"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "fail" }.flatMap(\.keys))
        for result in d["results"] as? [[String: Any]] ?? [] { #expect(Set(result.keys).isSubset(of: resultKeys)) }
    }

    @Test func validatesAgainstTheSchema() throws {
        let text = try JSONSerialization.data(withJSONObject: try Self.diff())
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-diff-\(UUID().uuidString).sarif")
        try text.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestPaths.fixture("audit/sarif/validate_sarif.py"), file.path]
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
        default: Issue.record("diff SARIF does not validate against the 2.1.0 schema:\n\(output)")
        }
    }
}
