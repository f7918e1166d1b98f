import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `--azure DIR` with the foothold search (issue 18 item 4, docs/azure.md AZ8): root on a node
/// uses the kubelet's managed identity (`identityProfile.kubeletidentity`, az aks show), whose
/// role assignments then apply as for any principal. Fixtures/azure/kubelet-footholds: web/frontend
/// is privileged (footholds.md F2) behind a LoadBalancer Service (X1); `azure/` gives the kubelet
/// identity Key Vault Secrets User on kv-prod, Azure Kubernetes Service Cluster Admin Role on the
/// cluster and AcrPush; `azure-no-role/` only AcrPush (built-in-roles/security.md, containers.md).
@Suite struct AzureFootholdCLITests {
    static let input = TestPaths.fixture("azure/kubelet-footholds/input")
    static let azure = TestPaths.fixture("azure/kubelet-footholds/azure")
    static let noRole = TestPaths.fixture("azure/kubelet-footholds/azure-no-role")

    static func paths(_ dir: String, _ extra: [String]) -> (String, Int32) {
        AzureCLITests.run(["paths", "-f", input, "--azure", dir] + extra)
    }

    /// Internet → X1 → privileged pod → F2 → node → AZ8 → kubelet identity → AZ6 → the vault's
    /// secrets; X1 is an assumption (footholds.md "Path semantics").
    @Test(arguments: [("text", "txt"), ("json", "json")])
    func internetReachesTheKeyVaultThroughTheKubeletIdentity(format: String, ext: String) {
        let (out, code) = Self.paths(Self.azure, ["--from", "internet", "--to", "keyvault kv-prod/db-password", "-o", format])
        #expect(code == 0)
        #expect(out.contains("AZ8"))
        #expect(Golden.check(out, against: "azure/kubelet-footholds/expected/paths-internet-keyvault.\(ext)") == nil)
    }

    /// Negative: the kubelet identity without a Key Vault role reaches the registry only.
    @Test(arguments: [("text", "txt"), ("json", "json")])
    func withoutTheRoleTheKeyVaultIsUnreachable(format: String, ext: String) {
        let (out, code) = Self.paths(Self.noRole, ["--from", "internet", "--to", "keyvault kv-prod/db-password", "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/kubelet-footholds/expected/paths-internet-keyvault-no-role.\(ext)") == nil)
    }

    /// `--from Pod: --to-admin`: F2, AZ8, then AZ1 (listClusterAdminCredential, local accounts on).
    @Test(arguments: [("text", "txt"), ("json", "json")])
    func privilegedPodBecomesClusterAdmin(format: String, ext: String) {
        let (out, code) = Self.paths(Self.azure, ["--from", "Pod:web/frontend", "--to-admin", "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/kubelet-footholds/expected/paths-frontend-admin.\(ext)") == nil)
        let none = Self.paths(Self.noRole, ["--from", "Pod:web/frontend", "--to-admin"]).0
        #expect(none.contains("unreachable"))
    }

    /// `--to-admin --footholds --azure`: the foothold holders as without --azure, then the Azure principals.
    @Test func toAdminWithFootholdsListsBoth() {
        let args = ["paths", "-f", Self.input, "--to-admin", "--footholds"]
        let plain = AzureCLITests.run(args).0
        let (out, code) = AzureCLITests.run(args + ["--azure", Self.azure])
        #expect(code == 0)
        #expect(out.hasPrefix(plain))
        #expect(out.contains("ManagedIdentity:aks-prod-agentpool"))
        #expect(Golden.check(out, against: "azure/kubelet-footholds/expected/paths-to-admin-footholds.txt") == nil)
    }

    /// Negative: shop/api is not privileged and its ServiceAccount has no RBAC; without X2 it
    /// reaches no node, so no kubelet identity. With X2 it moves to web/frontend first.
    @Test func unprivilegedPodNeedsLateralMovement() {
        let (out, code) = Self.paths(Self.azure, ["--from", "Pod:shop/api", "--to", "keyvault kv-prod/db-password", "--no-assume-exploitable"])
        #expect(code == 0)
        #expect(out.contains("unreachable"))
        let (moved, _) = Self.paths(Self.azure, ["--from", "Pod:shop/api", "--to", "keyvault kv-prod/db-password", "-o", "json"])
        #expect(moved.contains("\"X2\""))
        #expect(moved.contains("\"AZ8\""))
        #expect(moved.contains("\"assumptions\" : [\n    1\n  ]"))
    }

    /// `Node:` goals and starts work with --azure too.
    @Test func nodeStartAndGoal() {
        let (out, code) = Self.paths(Self.azure, ["--from", "Node:aks-nodepool1-0", "--to", "keyvault kv-prod/db-password"])
        #expect(code == 0)
        #expect(out.contains("length 2"))
        let (node, c2) = Self.paths(Self.azure, ["--from", "internet", "--to", "node"])
        #expect(c2 == 0)
        #expect(node.contains("length 2"))
        #expect(Self.paths(Self.azure, ["--from", "Node:no-such-node", "--to", "node"]).1 != 0)
    }

    /// who-can --transitive --footholds --azure: the foothold holders as without --azure, then
    /// the Azure principals (the kubelet identity through AZ1 with the role, none without).
    @Test(arguments: [("text", "txt"), ("json", "json")])
    func whoCanTransitiveFootholds(format: String, ext: String) {
        let args = ["who-can", "get", "secrets", "-n", "shop", "--transitive", "--footholds", "-f", Self.input, "-o", format]
        let (out, code) = AzureCLITests.run(args + ["--azure", Self.azure])
        #expect(code == 0)
        #expect(Golden.check(out, against: "azure/kubelet-footholds/expected/who-can-secrets-shop-footholds.\(ext)") == nil)
        let plain = AzureCLITests.run(args).0
        if format == "text" { #expect(out.hasPrefix(plain)) }
        #expect(AzureCLITests.run(args + ["--azure", Self.noRole]).0.contains("0 Azure principals") || format == "json")
    }

    /// The internet, pods and nodes whose only route crosses AZ8 (docs/azure.md "With footholds"):
    /// with the kubelet identity's Cluster Admin Role every node reaches the secret in two steps
    /// (AZ8, AZ1), the privileged pod in three, the internet in four; without the role (AcrPush
    /// only) none does. The same part follows `paths --to-admin --footholds --azure`.
    @Test func footholdsOnlyThroughAzure() {
        let args = ["who-can", "get", "secrets", "-n", "shop", "--transitive", "--footholds", "-f", Self.input]
        let (out, _) = AzureCLITests.run(args + ["--azure", Self.azure])
        let part = out.components(separatedBy: "only through Azure identities: ").last ?? ""
        #expect(part.hasPrefix("6 subjects"))
        #expect(part.contains("Node:aks-nodepool1-0       2  AZ8 → ManagedIdentity:aks-prod-agentpool"))
        #expect(part.contains("Internet                   4  X1 → Pod:web/frontend"))
        #expect(!AzureCLITests.run(args).0.contains("Node:aks-nodepool1-0"))
        let (none, _) = AzureCLITests.run(args + ["--azure", Self.noRole])
        #expect(none.contains("only through Azure identities: 0 subjects"))
        let json = AzureCLITests.run(args + ["--azure", Self.noRole, "-o", "json"]).0
        #expect(json.contains("\"azureFootholds\" : [\n\n  ]"))
        let admin = AzureCLITests.run(["paths", "-f", Self.input, "--to-admin", "--footholds", "--azure", Self.azure]).0
        #expect(admin.contains("cluster-admin-equivalent only through Azure identities: 6 subjects"))
    }
}
