import AzureEngine
import RBACEngine
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// The identity edges AZ1–AZ7 on the scenario fixture, each rule both ways. Sources:
/// MicrosoftDocs `articles/aks/control-kubeconfig-access.md` (Cluster Admin/User roles list the
/// admin/user credential), `manage-local-accounts-managed-azure-ad.md` (local accounts stay a
/// backdoor unless `disableLocalAccounts`), `workload-identity-overview.md` (federated credential
/// subject `system:serviceaccount:N:a`), the Key Vault RBAC guide and access policies.
@Suite struct AzureRouteTests {
    static let alice = "11111111-0000-0000-0000-000000000001", dave = "33333333-0000-0000-0000-000000000001"
    static let bob = "22222222-0000-0000-0000-000000000001", ci = "dddddddd-0000-0000-0000-000000000001"
    static let orders = "77777777-0000-0000-0000-000000000001", kubelet = "99999999-0000-0000-0000-000000000003"

    static func routes(_ oid: String, _ edit: (inout AzureEnvironment) -> Void = { _ in }) -> [String] {
        AzureAuthorizerTests.authorizer(edit).routes(from: oid).map { "\($0.technique.rawValue) \($0.to)" }
    }

    static func setting(_ env: inout AzureEnvironment, _ key: String, _ value: AKSSetting.Value?) {
        if let value {
            env.cluster?.settings[key] = AKSSetting(value: value, location: SourceLocation(file: "t", document: 1, line: 1))
        } else {
            let kept = env.cluster?.settings.filter { !$0.key.hasPrefix(key) } ?? [:]
            env.cluster?.settings = kept
        }
    }

    @Test func contributorGetsTheAdminCredentialWhileLocalAccountsAreOn() {
        #expect(Self.routes(Self.alice).contains("AZ1 Group:system:masters"))
        #expect(!Self.routes(Self.alice) { Self.setting(&$0, "disablelocalaccounts", .bool(true)) }.contains("AZ1 Group:system:masters"))
        // The kubelet identity's extra Contributor on the resource group reaches it too.
        #expect(Self.routes(Self.kubelet).contains("AZ1 Group:system:masters"))
    }

    @Test func userCredentialIsAdminOnlyWithoutEntra() {
        #expect(!Self.routes(Self.ci).contains("AZ2 Group:system:masters"))
        let without = Self.routes(Self.ci) { Self.setting(&$0, "aadprofile", nil) }
        #expect(without.contains("AZ2 Group:system:masters"))
        #expect(!without.contains { $0.hasPrefix("AZ4") })
    }

    @Test func adminGroupMembers() {
        #expect(Self.routes(Self.dave).contains("AZ3 Group:system:masters"))
        #expect(!Self.routes(Self.bob).contains("AZ3 Group:system:masters"))
    }

    @Test func entraIdentity() {
        #expect(Self.routes(Self.bob).contains("AZ4 User:bob@contoso.com"))
        #expect(Self.routes(Self.alice).contains("AZ4 User:alice@contoso.com"))
    }

    @Test func keyVaultSecretsByRBACAndByAccessPolicy() {
        #expect(Self.routes(Self.orders).contains("AZ6 keyvault kv-prod/*"))
        // bob ∈ team-a, which has an access policy with get on kv-legacy.
        #expect(Self.routes(Self.bob).contains("AZ6 keyvault kv-legacy/*"))
        #expect(!Self.routes(Self.bob).contains("AZ6 keyvault kv-prod/*"))
        // A vault switched to the RBAC model ignores its access policies.
        let rbac = Self.routes(Self.bob) { env in env.keyVaults = env.keyVaults.map { var v = $0; v.enableRbacAuthorization = true; return v } }
        #expect(!rbac.contains("AZ6 keyvault kv-legacy/*"))
    }

    @Test func secretScopedAssignment() {
        let routes = Self.routes(Self.bob) { env in
            var a = env.roleAssignments[4]
            a.principalId = Self.bob
            a.scope += "/secrets/db-password"
            env.roleAssignments.append(a)
        }
        #expect(routes.contains("AZ6 keyvault kv-prod/db-password"))
        #expect(!routes.contains("AZ6 keyvault kv-prod/*"))
    }

    @Test func registryPush() {
        let routes = Self.routes(Self.kubelet) { env in
            var a = env.roleAssignments[5]
            a.roleDefinitionId = "8311e382-0749-4cb8-b61a-304f252e45ec"
            a.scope = "/subscriptions/s/resourceGroups/r/providers/Microsoft.ContainerRegistry/registries/contoso"
            env.roleAssignments = [a]
        }
        #expect(routes.contains("AZ7 acr contoso"))
        #expect(!Self.routes(Self.bob).contains { $0.hasPrefix("AZ7") })
    }

    static func snapshot(annotation: String?) -> ClusterSnapshot {
        var s = ClusterSnapshot()
        var meta = ObjectMeta(name: "orders", namespace: "prod", location: SourceLocation(file: "t", document: 1, line: 1))
        if let annotation { meta.annotations["azure.workload.identity/client-id"] = annotation }
        s.serviceAccounts = [ServiceAccount(meta: meta)]
        return s
    }

    @Test func workloadIdentityFollowsTheFederatedCredential() {
        let a = AzureAuthorizerTests.authorizer()
        #expect(a.workloadIdentityRoutes(snapshot: Self.snapshot(annotation: nil)).map(\.description)
            == ["ServiceAccount:prod/orders --AZ5--> ManagedIdentity:orders-wi"])
        // Another issuer: not this cluster's tokens.
        let other = AzureAuthorizerTests.authorizer { env in env.federatedCredentials["orders-wi"]?[0].issuer = "https://elsewhere/" }
        #expect(other.workloadIdentityRoutes(snapshot: Self.snapshot(annotation: nil)).isEmpty)
    }

    @Test func withoutCredentialsTheAnnotationDecides() {
        let a = AzureAuthorizerTests.authorizer { env in env.federatedCredentials = [:] }
        #expect(a.workloadIdentityRoutes(snapshot: Self.snapshot(annotation: nil)).isEmpty)
        #expect(a.workloadIdentityRoutes(snapshot: Self.snapshot(annotation: "88888888-0000-0000-0000-000000000001")).count == 1)
    }

    @Test func kubeletIdentity() {
        #expect(AzureAuthorizerTests.authorizer().kubeletIdentity()?.ref.description == "ManagedIdentity:aks-prod-agentpool")
    }
}
