import Foundation
import ReachModel
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `paths --to 'keyvault VAULT/SECRET' --azure` without `--from` (docs/azure.md "With footholds"):
/// every Azure principal that can read the secret and, with `--footholds`, every ServiceAccount,
/// internet, pod and node start — all through the Azure identity layer (a pod's workload identity: F1, AZ5, AZ6;
/// a node: AZ8 to the kubelet identity, or F3 to such a pod). Each listed path is the one
/// `paths --from START` prints. Fixtures: Fixtures/azure/scenario (orders-wi reads kv-prod),
/// Fixtures/azure/kubelet-footholds (negative: the kubelet identity with AcrPush only).
@Suite struct AzureKeyVaultHoldersTests {
    static let goal = "keyvault kv-prod/db-password"

    @Test(arguments: [("text", "txt"), ("json", "json")])
    func scenarioGoldens(format: String, ext: String) {
        let (out, code) = AzureCLITests.run(["paths", "-f", AzureCLITests.input, "--azure", AzureCLITests.azure,
                                             "--to", Self.goal, "--footholds", "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/scenario/expected/paths-keyvault-holders-footholds.\(ext)") == nil)
        if format == "text" {
            #expect(out.contains("Pod:prod/orders-0                3  F1 → ServiceAccount:prod/orders           AZ5 → ManagedIdentity:orders-wi"))
            // The workload identity's ServiceAccount itself (AZ5, AZ6).
            #expect(out.contains("ServiceAccount:prod/orders       2  AZ5 → ManagedIdentity:orders-wi"))
        }
        // Without --footholds: Azure principals only, fewer (no E7p/F1 into the workload-identity pod).
        let plain = AzureCLITests.run(["paths", "-f", AzureCLITests.input, "--azure", AzureCLITests.azure, "--to", Self.goal]).0
        #expect(!plain.contains("Pod:"))
        #expect(plain.hasPrefix("Can read keyvault kv-prod/db-password: 8 Azure principals"))
    }

    /// Each listed start's length and hops are those of `paths --from START --to GOAL`.
    @Test func listedPathsAreTheSingleStartPaths() throws {
        let args = ["paths", "-f", AzureCLITests.input, "--azure", AzureCLITests.azure, "--to", Self.goal, "--footholds", "-o", "json"]
        let doc = JSONValue(parsing: Data(AzureCLITests.run(args).0.utf8))
        let listed = (doc?["azure"]?.arrayValue ?? []) + (doc?["azureFootholds"]?.arrayValue ?? [])
        #expect(listed.count == 15)
        for entry in listed {
            guard let from = entry["from"]?.stringValue else { Issue.record("no from"); continue }
            let single = JSONValue(parsing: Data(AzureCLITests.run(args + ["--from", from]).0.utf8))
            #expect(single?["length"] == entry["length"], "\(from)")
            #expect(single?["hops"] == entry["hops"], "\(from)")
        }
    }

    /// Negative: the kubelet identity with AcrPush only reads no Key Vault secret, so no node, pod
    /// or the internet does.
    @Test func withoutTheRoleNothingReadsTheSecret() {
        let (out, code) = AzureCLITests.run(["paths", "-f", AzureFootholdCLITests.input, "--azure", AzureFootholdCLITests.noRole,
                                             "--to", Self.goal, "--footholds"])
        #expect(code == 0)
        #expect(out.contains("0 Azure principals"))
        #expect(out.contains("can read keyvault kv-prod/db-password: 0 subjects"))
        let (with, _) = AzureCLITests.run(["paths", "-f", AzureFootholdCLITests.input, "--azure", AzureFootholdCLITests.azure,
                                           "--to", Self.goal, "--footholds"])
        #expect(with.contains("Internet "))
        #expect(with.contains("Pod:web/frontend"))
    }

    /// `--from` is still required for a Kubernetes goal.
    @Test func kubernetesGoalsStillNeedFrom() {
        #expect(AzureCLITests.run(["paths", "-f", AzureCLITests.input, "--azure", AzureCLITests.azure, "--to", "get pods"]).1 != 0)
    }
}
