import AzureEngine
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// AcrPull is shipped as a built-in role. Source: MicrosoftDocs
/// `articles/role-based-access-control/built-in-roles/containers.md`, "AcrPull" ("Pull artifacts
/// from a container registry"): ID `7f951dda-4ed3-4680-a7ca-43fe172d538d`, actions
/// `["Microsoft.ContainerRegistry/registries/pull/read"]`, no data actions. Pulling is not pushing,
/// so it gives no AZ7 edge (AcrPush has `registries/push/write`, the same page).
@Suite struct AcrPullRoleTests {
    @Test func definitionAsDocumented() throws {
        let role = try #require(BuiltInAzureRoles.all.first { $0.guid == "7f951dda-4ed3-4680-a7ca-43fe172d538d" })
        #expect(role.roleName == "AcrPull")
        #expect(role.permissions.map(\.actions) == [["Microsoft.ContainerRegistry/registries/pull/read"]])
        #expect(role.permissions.allSatisfy { $0.notActions.isEmpty && $0.dataActions.isEmpty && $0.notDataActions.isEmpty })
        #expect(AzureAuthorizer.allowsAction(role, "Microsoft.ContainerRegistry/registries/pull/read") != nil)
        #expect(AzureAuthorizer.allowsAction(role, "Microsoft.ContainerRegistry/registries/push/write") == nil)
    }

    /// The kubelet identity of the AKS-AZ-004 negative fixture holds only AcrPull on a registry:
    /// the assignment is known (no KR-AZ-001) and gives no AZ7 edge; the positive fixture's AcrPush
    /// (same folder layout) does.
    @Test func acrPullIsKnownAndGivesNoRegistryEdge() {
        let kubelet = "99999999-0000-0000-0000-000000000003"
        let (env, _) = AzureDirectoryReader.load(directory: TestPaths.fixture("audit/AKS-AZ-004/negative/azure"))
        #expect(env.roleAssignments.contains { $0.principalId == kubelet && $0.roleDefinitionGUID == BuiltInAzureRoles.acrPull.guid })
        let a = AzureAuthorizer(environment: env)
        #expect(!a.diagnostics.contains { $0.id == AzureDiagnosticID.unknownRole }, "\(a.diagnostics)")
        #expect(!a.routes(from: kubelet).contains { $0.technique == .registryPush })
        var push = env
        push.roleAssignments = env.roleAssignments.map { r in
            var r = r
            if r.roleDefinitionGUID == BuiltInAzureRoles.acrPull.guid { r.roleDefinitionId = r.roleDefinitionId.replacingOccurrences(of: BuiltInAzureRoles.acrPull.guid, with: BuiltInAzureRoles.acrPush.guid) }
            return r
        }
        #expect(AzureAuthorizer(environment: push).routes(from: kubelet).contains { $0.technique == .registryPush })
    }
}
