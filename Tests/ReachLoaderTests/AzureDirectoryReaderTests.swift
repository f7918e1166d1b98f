import Foundation
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// `--azure DIR` reading: the file names of issue 18, `az` output shapes, located diagnostics.
@Suite struct AzureDirectoryReaderTests {
    @Test func readsEveryFileOfTheScenario() {
        let (env, diags) = AzureDirectoryReader.load(directory: TestPaths.fixture("azure/scenario/azure"))
        #expect(diags.filter { $0.severity == .error }.isEmpty, "\(diags)")
        #expect(env.cluster?.name == "aks-prod")
        #expect(env.roleAssignments.count == 8)
        #expect(env.roleAssignments.first?.roleDefinitionGUID == "b24988ac-6180-42a0-ab88-20f7382dd24c")
        #expect(env.roleDefinitions.map(\.roleName) == ["AKS pod operator (custom)"])
        #expect(env.roleDefinitions.first?.permissions.first?.notDataActions.count == 2)
        #expect(env.groupMembers.keys.sorted().first == "aaaaaaaa-0000-0000-0000-000000000001")
        #expect(env.groupMembers["aaaaaaaa-0000-0000-0000-000000000001"]?.map(\.kind) == [.group, .user])
        #expect(env.identities.map(\.name) == ["orders-wi", "aks-prod-agentpool"])
        #expect(env.federatedCredentials["orders-wi"]?.first?.subject == "system:serviceaccount:prod:orders")
        #expect(env.keyVaults.map(\.enableRbacAuthorization) == [true, false])
        #expect(env.keyVaults.last?.accessPolicies.first?.secretPermissions == ["get", "list"])
    }

    @Test func missingFolderIsAnError() {
        let (_, diags) = AzureDirectoryReader.load(directory: "/nonexistent/azure-dir")
        #expect(diags.map(\.id) == [DiagnosticID.unreadable])
    }

    @Test func syntaxErrorIsLocated() {
        var env = AzureEnvironment()
        let diags = AzureDirectoryReader.read(text: "[\n  {\"principalId\": \"x\",\n", name: "role-assignments.json", into: &env)
        #expect(diags.contains { $0.id == DiagnosticID.syntax && $0.severity == .error && $0.location?.file == "role-assignments.json" })
        #expect(env.roleAssignments.isEmpty)
    }

    @Test func wrongTypesAreLocatedAndSkipped() {
        var env = AzureEnvironment()
        let text = """
        [
          {"principalId": 42, "roleDefinitionId": "r", "scope": "/"},
          {"principalId": "p", "roleDefinitionId": "r", "scope": "/", "principalType": "User"},
          "oops"
        ]
        """
        let diags = AzureDirectoryReader.read(text: text, name: "role-assignments.json", into: &env)
        #expect(diags.map(\.description) == [
            "role-assignments.json#1:2:19: [0].principalId: expected a string, found a number",
            "role-assignments.json#1:4:3: [2]: expected role assignment object, found a string",
        ])
        #expect(env.roleAssignments.map(\.principalId) == ["p"])
    }

    @Test func rootMustBeAList() {
        var env = AzureEnvironment()
        let diags = AzureDirectoryReader.read(text: "{\"name\": \"kv\"}", name: "keyvaults.json", into: &env)
        #expect(diags.map(\.id) == [DiagnosticID.wrongType])
        #expect(diags.first?.message.contains("expected a JSON list of key vault") == true)
    }

    @Test func keyVaultBooleanOfWrongType() {
        var env = AzureEnvironment()
        let diags = AzureDirectoryReader.read(
            text: "[{\"name\": \"kv\", \"properties\": {\"enableRbacAuthorization\": \"yes\"}}]", name: "keyvaults.json", into: &env)
        #expect(diags.map(\.path) == ["[0].properties.enableRbacAuthorization"])
        #expect(env.keyVaults.first?.enableRbacAuthorization == false)
    }

    @Test func groupMemberKinds() {
        var env = AzureEnvironment()
        let text = """
        [{"@odata.type": "#microsoft.graph.servicePrincipal", "id": "S1"},
         {"objectType": "User", "objectId": "U1", "userPrincipalName": "u@x"}]
        """
        let diags = AzureDirectoryReader.read(text: text, name: "group-members/G1.json", into: &env)
        #expect(diags.isEmpty)
        #expect(env.groupMembers["g1"]?.map(\.kind) == [.servicePrincipal, .user])
        #expect(env.groupMembers["g1"]?.map(\.id) == ["s1", "u1"])
    }
}

/// Hostile `--azure` files: deep nesting, non-UTF-8 bytes, a directory where a file should be.
@Suite struct AzureHostileInputTests {
    static func folder(_ files: [String: Data]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kr-az-\(UUID().uuidString)")
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return dir
    }

    @Test func deepNestingIsCutWithAWarning() throws {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let dir = try Self.folder(["role-assignments.json": Data("[{\"principalId\": \"p\", \"roleDefinitionId\": \"r\", \"scope\": \"/\", \"x\": \(deep)}]".utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (env, diags) = AzureDirectoryReader.load(directory: dir.path)
        #expect(env.roleAssignments.count == 1)
        #expect(diags.contains { $0.id == DiagnosticID.limit && $0.severity == .warning })
    }

    @Test func notUTF8IsUnreadable() throws {
        let dir = try Self.folder(["identities.json": Data([0xff, 0xfe, 0xfd, 0x00, 0xc3])])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (env, diags) = AzureDirectoryReader.load(directory: dir.path)
        #expect(env.identities.isEmpty)
        #expect(diags.contains { $0.severity == .error })
    }

    @Test func aFolderWhereAFileShouldBe() throws {
        let dir = try Self.folder(["keyvaults.json/inner.json": Data("[]".utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, diags) = AzureDirectoryReader.load(directory: dir.path)
        #expect(diags.contains { $0.severity == .error && $0.location?.file.hasSuffix("keyvaults.json") == true })
    }
}
