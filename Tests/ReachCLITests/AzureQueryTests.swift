import Foundation
import ReachModel
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `query --azure DIR` (docs/azure.md "query"): every batch answer is the equivalent command's —
/// a check's `allowedWithAzure`/`azure` those of `can-i --as U --azure -o json`, a whoCan's `azure`
/// that of `who-can --azure -o json`, a path's fields those of `paths --from F --to G --azure -o json`
/// (interfaces.md "RBAC batch queries": fields are added, none renamed). Scenario:
/// Fixtures/azure/scenario; footholds: Fixtures/azure/kubelet-footholds.
@Suite struct AzureQueryTests {
    static func query(_ doc: String, input: String, azure: String) throws -> (JSONValue?, Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kr-azure-query-\(UUID().uuidString).json")
        try doc.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (out, code) = AzureCLITests.run(["query", "-f", input, "--azure", azure, "--queries", file.path, "-o", "json"])
        return (JSONValue(parsing: Data(out.utf8)), code, out)
    }

    static func json(_ args: [String]) -> JSONValue? { JSONValue(parsing: Data(AzureCLITests.run(args).0.utf8)) }

    /// The fields of a `paths --azure -o json` answer other than `from` and `goal`.
    static let pathFields = ["reachable", "length", "hops", "via", "goalGrantedBy", "assumptions"]

    @Test func scenarioAnswersEqualTheCommands() throws {
        let (input, azure) = (AzureCLITests.input, AzureCLITests.azure)
        let doc = """
        {"checks": [{"user": "erin@contoso.com", "verb": "create", "resource": "pods", "subresource": "exec", "namespace": "prod"},
                    {"user": "nobody", "verb": "get", "resource": "pods", "namespace": "prod"}],
         "whoCan": [{"verb": "get", "resource": "secrets", "name": "db", "namespace": "prod"}],
         "paths": [{"from": "AzureUser:alice@contoso.com", "goal": {"verb": "get", "resource": "secrets", "name": "db", "namespace": "prod"}},
                   {"from": "AzureUser:carol@contoso.com", "goal": "keyvault kv-prod/db-password"},
                   {"from": "User:oncall@contoso.com", "goal": "keyvault kv-prod/db-password"},
                   {"from": "AzureUser:erin@contoso.com", "goal": {"verb": "*", "apiGroup": "*", "resource": "*"}},
                   {"from": "ManagedIdentity:orders-wi", "goal": "keyvault kv-prod/db-password"}]}
        """
        let (answer, code, text) = try Self.query(doc, input: input, azure: azure)
        #expect(code == 0)
        guard let answer else { Issue.record("no JSON answer"); return }
        let checks = answer["checks"]?.arrayValue ?? []
        for (i, args) in [["create", "pods/exec", "-n", "prod", "--as", "User:erin@contoso.com"], ["get", "pods", "-n", "prod", "--as", "User:nobody"]].enumerated() {
            let canI = Self.json(["can-i"] + args + ["-f", input, "--azure", azure, "-o", "json"])
            #expect(checks[i]["azure"] == canI?["azure"], "checks[\(i)]")
            #expect(checks[i]["allowedWithAzure"] == canI?["allowedWithAzure"], "checks[\(i)]")
            #expect(checks[i]["allowed"] == canI?["allowed"], "checks[\(i)]")
        }
        #expect(checks.first?["allowedWithAzure"] == .bool(true))
        let who = Self.json(["who-can", "get", "secrets", "db", "-n", "prod", "-f", input, "--azure", azure, "-o", "json"])
        #expect(answer["whoCan"]?.arrayValue?.first?["azure"] == who?["azure"])
        #expect(answer["whoCan"]?.arrayValue?.first?["subjects"] == who?["subjects"])
        let commands: [(String, String)] = [("AzureUser:alice@contoso.com", "get secrets db -n prod"),
                                            ("AzureUser:carol@contoso.com", "keyvault kv-prod/db-password"),
                                            ("User:oncall@contoso.com", "keyvault kv-prod/db-password"),
                                            ("AzureUser:erin@contoso.com", "* *.* -A"),
                                            ("ManagedIdentity:orders-wi", "keyvault kv-prod/db-password")]
        let paths = answer["paths"]?.arrayValue ?? []
        #expect(paths.count == commands.count)
        for (i, (from, to)) in commands.enumerated() where i < paths.count {
            let args = to == "* *.* -A" ? ["--to-admin"] : ["--to", to]
            let cmd = Self.json(["paths", "-f", input, "--azure", azure, "--from", from, "-o", "json"] + args)
            for f in Self.pathFields { #expect(paths[i][f] == cmd?[f], "paths[\(i)].\(f)") }
        }
        #expect(paths.contains { p in if case .int(let n)? = p["length"] { n >= 2 } else { false } })
        #expect(Golden.check(text, against: "azure/scenario/expected/query.json") == nil)
    }

    /// Foothold starts and goals with --azure: the internet, a pod and a node reach the Key Vault
    /// through the kubelet identity (AZ8), as `paths --from … --azure` answers; `assumeExploitable:
    /// false` is `--no-assume-exploitable`.
    @Test func footholdPathsEqualTheCommand() throws {
        let input = AzureFootholdCLITests.input, azure = AzureFootholdCLITests.azure
        let entries: [(String, String, [String])] = [
            ("Internet", "keyvault kv-prod/db-password", []), ("Pod:web/frontend", "node", []),
            ("Node:aks-nodepool1-0", "keyvault kv-prod/db-password", []),
            ("Pod:shop/api", "keyvault kv-prod/db-password", ["--no-assume-exploitable"]),
            ("Pod:shop/api", "keyvault kv-prod/db-password", [])]
        let items = entries.map { e in
            "{\"from\": \"\(e.0)\", \"goal\": \"\(e.1)\"\(e.2.isEmpty ? "" : ", \"assumeExploitable\": false")}"
        }
        let (answer, code, _) = try Self.query("{\"paths\": [\(items.joined(separator: ", "))]}", input: input, azure: azure)
        #expect(code == 0)
        let paths = answer?["paths"]?.arrayValue ?? []
        #expect(paths.count == entries.count)
        for (i, e) in entries.enumerated() where i < paths.count {
            let cmd = Self.json(["paths", "-f", input, "--azure", azure, "--from", e.0, "--to", e.1, "-o", "json"] + e.2)
            for f in Self.pathFields { #expect(paths[i][f] == cmd?[f], "paths[\(i)].\(f)") }
        }
        #expect(paths.first?["hops"]?.arrayValue?.contains(.string("ManagedIdentity:aks-prod-agentpool")) == true)
        #expect(paths[safe: 3]?["reachable"] == .bool(false))
        #expect(paths[safe: 4]?["reachable"] == .bool(true))
    }

    /// Located input errors, as `paths` refuses them (exit 2).
    @Test func badEntriesAreInputErrors() throws {
        let (azure, input) = (AzureCLITests.azure, AzureCLITests.input)
        for doc in ["{\"paths\": [{\"from\": \"AzureUser:nobody\", \"goal\": \"keyvault kv-prod/x\"}]}",
                    "{\"paths\": [{\"from\": \"AzureUser:alice@contoso.com\", \"goal\": \"keyvault\"}]}",
                    "{\"paths\": [{\"from\": \"AzureUser:alice@contoso.com\", \"goal\": \"node\", \"footholds\": \"yes\"}]}"] {
            #expect(try Self.query(doc, input: input, azure: azure).1 == 2, "\(doc)")
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
