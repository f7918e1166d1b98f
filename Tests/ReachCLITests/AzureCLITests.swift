import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `--azure DIR` on can-i / who-can and `azure-access` on the AKS identity scenario
/// (Fixtures/azure/scenario): goldens per format, the union with Kubernetes RBAC, errors.
@Suite struct AzureCLITests {
    static let input = TestPaths.fixture("azure/scenario/input")
    static let azure = TestPaths.fixture("azure/scenario/azure")

    static func run(_ args: [String]) -> (String, Int32) {
        let (out, code) = KubeReach.execute(args)
        return (out.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: ""), code)
    }

    @Test(arguments: [("text", "txt"), ("json", "json")])
    func whoCanGoldens(format: String, ext: String) {
        let (out, code) = Self.run(["who-can", "get", "secrets", "db", "-n", "prod", "-f", Self.input, "--azure", Self.azure, "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/scenario/expected/who-can-secrets-prod.\(ext)") == nil)
    }

    @Test func whoCanWithoutAzureIsUnchanged() {
        let plain = Self.run(["who-can", "get", "secrets", "db", "-n", "prod", "-f", Self.input]).0
        let with = Self.run(["who-can", "get", "secrets", "db", "-n", "prod", "-f", Self.input, "--azure", Self.azure]).0
        #expect(with.hasPrefix(plain))
        #expect(!plain.contains("Azure RBAC for Kubernetes Authorization:"))
    }

    @Test(arguments: [("text", "txt"), ("json", "json")])
    func canIGoldens(format: String, ext: String) {
        let (out, code) = Self.run(["can-i", "create", "pods/exec", "-n", "prod", "--as", "User:erin@contoso.com",
                                    "-f", Self.input, "--azure", Self.azure, "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/scenario/expected/can-i-erin-exec.\(ext)") == nil)
    }

    @Test(arguments: [("AzureUser:alice@contoso.com", "alice"), ("ManagedIdentity:orders-wi", "orders-wi"),
                      ("AzureUser:33333333-0000-0000-0000-000000000001", "dave")])
    func azureAccessGoldens(principal: String, name: String) {
        for (format, ext) in [("text", "txt"), ("json", "json")] {
            let (out, code) = Self.run(["azure-access", principal, "--azure", Self.azure, "-f", Self.input, "-o", format])
            #expect(code == 0)
            #expect(Golden.check(out, against: "azure/scenario/expected/azure-access-\(name).\(ext)") == nil)
        }
    }

    /// `access --azure`: Kubernetes RBAC of the Entra identity (its group's RoleBinding in payments)
    /// plus the Azure RBAC assignments acting on the cluster (RBAC Writer in prod through prod-devs).
    @Test(arguments: [("text", "txt"), ("json", "json")])
    func accessGoldens(format: String, ext: String) {
        let (out, code) = Self.run(["access", "User:bob@contoso.com", "--as-group", "aaaaaaaa-0000-0000-0000-000000000001",
                                    "--as-group", "bbbbbbbb-0000-0000-0000-000000000001", "-f", Self.input, "--azure", Self.azure, "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/scenario/expected/access-bob.\(ext)") == nil)
    }

    @Test func unknownPrincipalExits2() {
        let (_, code) = Self.run(["azure-access", "AzureUser:nobody@contoso.com", "--azure", Self.azure])
        #expect(code == 2)
        #expect(Self.run(["azure-access", "User:x", "--azure", Self.azure]).1 == 2)
    }

    @Test func badAzureFolderExits2AfterAnswering() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kr-azure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[{\"principalId\": 1}]".write(to: dir.appendingPathComponent("role-assignments.json"), atomically: true, encoding: .utf8)
        let (out, code) = Self.run(["who-can", "get", "pods", "-f", Self.input, "--azure", dir.path])
        #expect(code == 2)
        #expect(out.contains("Azure RBAC for Kubernetes Authorization: off"))
    }
}

/// `paths --azure`: the scenario's three routes (subscription Contributor → cluster-admin, Entra
/// group → prod secret through Azure RBAC, workload-identity pod → Key Vault secret), --to-admin.
@Suite struct AzurePathsCLITests {
    static func paths(_ extra: [String]) -> (String, Int32) {
        AzureCLITests.run(["paths", "-f", AzureCLITests.input, "--azure", AzureCLITests.azure] + extra)
    }

    @Test(arguments: [("AzureUser:alice@contoso.com", "get secrets db -n prod", "alice"),
                      ("AzureUser:bob@contoso.com", "get secrets db -n prod", "bob"),
                      ("User:oncall@contoso.com", "keyvault kv-prod/db-password", "oncall-keyvault"),
                      ("AzureUser:carol@contoso.com", "get secrets db -n prod", "carol"),
                      // Azure RBAC inside the attack graph: carol's custom role allows create pods (E1).
                      ("AzureUser:carol@contoso.com", "keyvault kv-prod/db-password", "carol-keyvault"),
                      ("AzureUser:erin@contoso.com", "get secrets db -n prod", "erin")])
    func pathGoldens(from: String, to: String, name: String) {
        for (format, ext) in [("text", "txt"), ("json", "json")] {
            let (out, code) = Self.paths(["--from", from, "--to", to, "-o", format])
            #expect(code == 0)
            #expect(Golden.check(out, against: "azure/scenario/expected/paths-\(name).\(ext)") == nil)
        }
    }

    @Test func toAdminRanksEntraPrincipals() {
        let (out, code) = Self.paths(["--to-admin"])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/scenario/expected/paths-to-admin.txt") == nil)
    }

    /// "Who can read this secret" on AKS names the Entra group, the subscription Contributor, the
    /// admin-group member and the kubelet identity (issue 18).
    @Test(arguments: [("text", "txt"), ("json", "json")])
    func whoCanTransitiveGoldens(format: String, ext: String) {
        let (out, code) = AzureCLITests.run(["who-can", "get", "secrets", "db", "-n", "prod", "--transitive", "-f", AzureCLITests.input,
                                             "--azure", AzureCLITests.azure, "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/scenario/expected/who-can-transitive.\(ext)") == nil)
    }

    @Test func withoutAzureTheKeyVaultGoalIsAUsageError() {
        let (_, code) = AzureCLITests.run(["paths", "-f", AzureCLITests.input, "--from", "User:x", "--to", "keyvault kv-prod/x"])
        #expect(code != 0)
    }

    @Test func unknownStartIsAnError() {
        #expect(Self.paths(["--from", "AzureUser:nobody", "--to", "get pods"]).1 != 0)
    }
}

/// `Graphs/aks-identities-*.svg` (scripts/regenerate-graphs.sh): structure, as for the other graphs.
@Suite struct AzureGraphsTests {
    @Test func scenarioGraphsHaveTheirStates() throws {
        let who = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Graphs/aks-identities-who-can-secrets.svg"), encoding: .utf8)
            .replacingOccurrences(of: "&#45;", with: "-")
        for state in ["AzureUser:11111111-0000-0000-0000-000000000001", "AzureGroup:aaaaaaaa-0000-0000-0000-000000000001",
                      "Group:system:masters", "ManagedIdentity:aks-prod-agentpool"] {
            #expect(who.contains("id=\"attack-\(state)\""), "state \(state)")
        }
        let wi = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Graphs/aks-identities-workload-keyvault.svg"), encoding: .utf8)
            .replacingOccurrences(of: "&#45;", with: "-")
        for state in ["AzureUser:carol_contoso.com", "ServiceAccount:prod/orders", "ManagedIdentity:orders-wi"] {
            #expect(wi.contains("id=\"attack-\(state)\""), "state \(state)")
        }
        #expect(wi.contains("attack-legend"))
    }

    @Test func svgOutputOfPathsAzure() {
        let (out, code) = AzureCLITests.run(["paths", "-f", AzureCLITests.input, "--azure", AzureCLITests.azure,
                                             "--from", "AzureUser:alice@contoso.com", "--to", "get secrets db -n prod", "-o", "svg"])
        #expect(code == 0)
        #expect(out.contains("<svg"))
    }
}

/// Names from Azure inputs are attacker-controlled: terminal output escapes them.
@Suite struct AzureSafeOutputTests {
    @Test func controlCharactersInPrincipalNamesAreEscaped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kr-azure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: AzureCLITests.azure + "/aks.json", toPath: dir.appendingPathComponent("aks.json").path)
        let cluster = "/subscriptions/00000000-0000-0000-0000-00000000aaaa/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-prod"
        let ra = """
        [{"name": "x", "principalId": "p1", "principalType": "User", "principalName": "evil\\u001b[2Jname",
          "roleDefinitionId": "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b", "scope": "\(cluster)"}]
        """
        try ra.write(to: dir.appendingPathComponent("role-assignments.json"), atomically: true, encoding: .utf8)
        let (out, code) = AzureCLITests.run(["who-can", "get", "pods", "-f", AzureCLITests.input, "--azure", dir.path])
        #expect(code == 0)
        #expect(!out.contains("\u{1b}"))
        #expect(out.contains("evil\\x1b[2Jname"))
    }
}
