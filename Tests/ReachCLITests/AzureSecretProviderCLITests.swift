import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `paths --azure` over AZ9 (Fixtures/azure/secret-provider-class): a pod mounting a
/// SecretProviderClass reaches the Key Vault secrets the provider's identity can read, and only those.
@Suite struct AzureSecretProviderCLITests {
    static func paths(_ from: String, _ to: String, _ format: String = "text") -> (String, Int32) {
        AzureCLITests.run(["paths", "-f", TestPaths.fixture("azure/secret-provider-class/input"),
                           "--azure", TestPaths.fixture("azure/secret-provider-class/azure"), "--from", from, "--to", to, "-o", format])
    }

    @Test(arguments: [("text", "txt"), ("json", "json")])
    func kubeletIdentityMount(format: String, ext: String) {
        let (out, code) = Self.paths("ServiceAccount:shop/web", "keyvault kv-shop/db-password", format)
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/secret-provider-class/expected/paths-web-db-password.\(ext)") == nil)
    }

    /// The workload identity may read db-password only: api-key stays unreachable.
    @Test func workloadIdentityMountBothWays() {
        let (yes, _) = Self.paths("ServiceAccount:shop/api", "keyvault kv-shop/db-password")
        #expect(Golden.check(yes, against: "azure/secret-provider-class/expected/paths-api-db-password.txt") == nil)
        let (no, code) = Self.paths("ServiceAccount:shop/api", "keyvault kv-shop/api-key")
        #expect(code == 0)
        #expect(Golden.check(no, against: "azure/secret-provider-class/expected/paths-api-api-key.txt") == nil)
    }
}
