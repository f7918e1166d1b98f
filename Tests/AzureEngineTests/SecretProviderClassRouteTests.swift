import AzureEngine
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// AZ9 on `Fixtures/azure/secret-provider-class`, each rule both ways: the mount gives the pod's
/// ServiceAccount the Key Vault secrets the class names only when the identity the Azure provider
/// uses (pkg/auth/auth.go `GetAuthorizer`) may get them, since the provider fails the mount
/// otherwise.
@Suite struct SecretProviderClassRouteTests {
    static func routes() -> [String] {
        let snap = ManifestLoader().load(paths: [TestPaths.fixture("azure/secret-provider-class/input")])
        let (env, diags) = AzureDirectoryReader.load(directory: TestPaths.fixture("azure/secret-provider-class/azure"))
        #expect(diags.filter { $0.severity == .error }.isEmpty, "\(diags)")
        #expect(snap.diagnostics.isEmpty, "\(snap.diagnostics)")
        return AzureAuthorizer(environment: env).secretProviderClassRoutes(snapshot: snap).map(\.description)
    }

    @Test func edgesExactlyWhereTheIdentityCanRead() {
        #expect(Self.routes() == [
            // workload identity api-wi: federated for shop/api, may get db-password only (secret-scoped assignment)
            "ServiceAccount:shop/api --AZ9--> keyvault kv-shop/db-password",
            // kubelet identity by its client ID (useVMManagedIdentity): Key Vault Secrets User on the vault;
            // tls-key is objectType key, not a secret
            "ServiceAccount:shop/web --AZ9--> keyvault kv-shop/api-key",
            "ServiceAccount:shop/web --AZ9--> keyvault kv-shop/db-password",
            // no edge: shop/batch (no federated credential for it), shop/reports (reports-mi has no
            // Key Vault role), shop/legacy (aad-pod-identity, not modelled)
        ])
    }
}
