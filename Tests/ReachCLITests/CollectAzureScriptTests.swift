import Foundation
import ReachKit
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `scripts/collect-azure.sh` against a stub `az` (Fixtures/azure/collect-stub/bin/az), since no
/// Azure account is available: the stub answers each call from the documented shapes in
/// Fixtures/azure/scenario/azure and records it. The folder the script writes must hold exactly the
/// file names of issue 18 item 1 (docs/azure.md "Files") and load with `--azure` with the same
/// answers and diagnostics as the fixture folder it was served from. Skipped (visibly) without
/// `bash`, `jq` or `sh`.
@Suite struct CollectAzureScriptTests {
    static let script = TestPaths.packageRoot.appendingPathComponent("scripts/collect-azure.sh").path
    static let stubBin = TestPaths.fixture("azure/collect-stub/bin")
    static let data = AzureCLITests.azure

    static func which(_ tool: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    static let toolsPresent = ["bash", "jq", "sh"].allSatisfy(which)

    /// Runs the script with the stub first on PATH; returns its exit status, standard error and the calls.
    static func collect(_ args: [String], in tmp: URL) throws -> (status: Int32, stderr: String, calls: [String]) {
        let log = tmp.appendingPathComponent("calls.log")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [script] + args
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = stubBin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["AZ_STUB_DATA"] = data
        env["AZ_STUB_HSMS"] = TestPaths.fixture("azure/collect-stub/managed-hsms.json")
        env["AZ_STUB_LOG"] = log.path
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let calls = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return (p.terminationStatus, stderr, calls)
    }

    /// Relative paths of the regular files under `dir`, sorted.
    static func files(_ dir: URL) -> [String] {
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])
        var out: [String] = []
        while let u = e?.nextObject() as? URL {
            if (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                out.append(String(u.standardizedFileURL.path.dropFirst(dir.standardizedFileURL.path.count + 1)))
            }
        }
        return out.sorted()
    }

    static func json(_ path: String) throws -> NSObject? {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? NSObject
    }

    /// The file names of issue 18 item 1 for the stub's data: the fixed files, one member file per
    /// group holding an assignment or listed in adminGroupObjectIDs (and, transitively, per group
    /// member of those), one federated-credentials file per identity.
    static func expectedFiles() throws -> [String] {
        let assignments = try json(data + "/role-assignments.json") as? [[String: Any]] ?? []
        let aks = try json(data + "/aks.json") as? [String: Any] ?? [:]
        var groups = Set(assignments.filter { $0["principalType"] as? String == "Group" }.compactMap { $0["principalId"] as? String })
        groups.formUnion((aks["aadProfile"] as? [String: Any])?["adminGroupObjectIDs"] as? [String] ?? [])
        var queue = Array(groups)
        while let g = queue.popLast() {
            let members = try json(data + "/group-members/\(g).json") as? [[String: Any]] ?? []
            for m in members where m["@odata.type"] as? String == "#microsoft.graph.group" {
                if let id = m["id"] as? String, groups.insert(id).inserted { queue.append(id) }
            }
        }
        let identities = try json(data + "/identities.json") as? [[String: Any]] ?? []
        return (["aks.json", "role-assignments.json", "role-definitions.json", "identities.json", "keyvaults.json"]
                + groups.map { "group-members/\($0).json" } + identities.compactMap { $0["name"] as? String }.map { "federated-credentials/\($0).json" })
            .sorted()
    }

    @Test(.enabled(if: toolsPresent, "needs bash, jq and sh on PATH (the az stub is a bash script using jq)"))
    func writesTheDocumentedFolderFromTheStub() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("kr-collect-azure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("azure")
        let run = try Self.collect(["rg-prod", "aks-prod", out.path], in: tmp)
        #expect(run.status == 0, "collect-azure.sh failed: \(run.stderr)")
        #expect(Self.files(out) == (try Self.expectedFiles()))
        // Each az call the script makes (the stub fails on any other).
        #expect(run.calls.contains("role assignment list --all --include-inherited -o json"))
        #expect(run.calls.contains("role definition list --custom-role-only true -o json"))
        #expect(run.calls.contains("keyvault list --resource-type vault --query [].id -o tsv"))
        #expect(run.calls.filter { $0.hasPrefix("keyvault show --ids ") }.count == 2)
        // Files copied from az verbatim equal the data; keyvaults.json is the list of `az keyvault show` objects.
        for f in Self.files(out) where FileManager.default.fileExists(atPath: Self.data + "/" + f) {
            #expect(try Self.json(out.path + "/" + f) == (try Self.json(Self.data + "/" + f)), "\(f)")
        }
        // It loads as the fixture folder does: same diagnostics (none at warning or above) and answers.
        let collected = AzureAnalysis.load(directory: out.path), fixture = AzureAnalysis.load(directory: Self.data)
        #expect(collected.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(collected.diagnostics)")
        #expect(collected.diagnostics.map(\.message) == fixture.diagnostics.map(\.message))
        for args in [["who-can", "get", "secrets", "-n", "prod", "-o", "json"],
                     ["paths", "--to-admin", "-o", "json"]] {
            let got = AzureCLITests.run(args + ["-f", AzureCLITests.input, "--azure", out.path])
            let want = AzureCLITests.run(args + ["-f", AzureCLITests.input, "--azure", Self.data])
            #expect(got.1 == 0)
            #expect(got.0.replacingOccurrences(of: out.path, with: "DIR") == want.0.replacingOccurrences(of: "Fixtures/azure/scenario/azure", with: "DIR"))
        }
    }

    /// Usage errors exit 2 before any az call.
    @Test(.enabled(if: toolsPresent, "needs bash, jq and sh on PATH"))
    func usageError() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("kr-collect-azure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let run = try Self.collect(["rg-prod"], in: tmp)
        #expect(run.status == 2)
        #expect(run.calls.isEmpty)
    }
}
