import Foundation
import ReachCore
import RBACEngine
import ReachLoader
import Testing
@testable import ReachKit

/// `paths --to-admin --azure` and `who-can --transitive --azure` answer every Entra object with one
/// reverse search (``ReachKit/AzurePathFinder/azureHolders(of:)``); the answers must be those of one
/// forward search per object (``ReachKit/AzurePathFinder/azureHoldersBySearchingEach(of:)``, the
/// previous implementation): same principals, same paths step by step (techniques, targets,
/// evidence), same grants at the goal. Seeded random `--azure` folders (docs/azure.md "Files")
/// over a small cluster: groups with nested members, AKS RBAC Reader/Writer/Admin/Cluster Admin
/// and Contributor assignments at the cluster, a namespace or the subscription, an admin group,
/// Key Vault Secrets User on a vault, a workload-identity ServiceAccount and pod.
@Suite struct AzureHolderSearchTests {
    static let sub = "/subscriptions/00000000-0000-0000-0000-00000000aaaa"
    static let cluster = sub + "/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
    static let vault = sub + "/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
    static let roles = ["7f6c6a51-bcf8-42ba-9220-52d62157d7db", "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb",
                        "3498e952-d568-435e-9b2c-8d77e338d7f7", "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
                        "b24988ac-6180-42a0-ab88-20f7382dd24c", "4633458b-17de-408a-b874-0445c86b69e6"]
    static let miOID = "77777777-0000-0000-0000-000000000001"

    static func group(_ i: Int) -> String { String(format: "aaaaaaaa-0000-0000-0000-%012d", i) }
    static func user(_ i: Int) -> String { String(format: "11111111-0000-0000-0000-%012d", i) }

    /// A random folder: `aks.json`, `role-assignments.json`, `group-members/*.json`,
    /// `identities.json`, `keyvaults.json`.
    static func writeFolder(_ dir: URL, seed: UInt64) throws -> Void {
        var rng = SplitMix64(seed: seed)
        let groups = 2 + rng.index(4), users = 3 + rng.index(8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("group-members"), withIntermediateDirectories: true)
        let aks: [String: Any] = [
            "id": cluster, "name": "aks", "type": "Microsoft.ContainerService/ManagedClusters",
            "disableLocalAccounts": rng.chance(0.5),
            "aadProfile": ["managed": true, "enableAzureRbac": rng.chance(0.8), "adminGroupObjectIDs": rng.chance(0.5) ? [group(0)] : []],
        ]
        try write(aks, dir.appendingPathComponent("aks.json"))
        for g in 0..<groups {
            var members: [[String: Any]] = []
            for u in 0..<users where rng.chance(0.3) {
                members.append(["@odata.type": "#microsoft.graph.user", "id": user(u), "userPrincipalName": "u\(u)@contoso.com"])
            }
            if g > 0, rng.chance(0.3) { members.append(["@odata.type": "#microsoft.graph.group", "id": group(g - 1)]) }
            try write(members, dir.appendingPathComponent("group-members/\(group(g)).json"))
        }
        var rows: [[String: Any]] = []
        for i in 0..<(3 + rng.index(8)) {
            let role = rng.pick(roles)
            let scope = role == roles[5] ? vault : rng.pick([cluster, cluster + "/namespaces/ns\(rng.index(2))", sub])
            let principal: (String, String) = rng.chance(0.4) ? (user(rng.index(users)), "User")
                : rng.chance(0.2) ? (miOID, "ServicePrincipal") : (group(rng.index(groups)), "Group")
            rows.append(["name": "a\(i)", "id": scope + "/providers/Microsoft.Authorization/roleAssignments/a\(i)",
                         "principalId": principal.0, "principalType": principal.1, "scope": scope,
                         "roleDefinitionId": sub + "/providers/Microsoft.Authorization/roleDefinitions/" + role])
        }
        try write(rows, dir.appendingPathComponent("role-assignments.json"))
        try write([["name": "wi", "id": sub + "/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/wi",
                    "clientId": "88888888-0000-0000-0000-000000000001", "principalId": miOID]], dir.appendingPathComponent("identities.json"))
        try write([["name": "kv", "id": vault, "properties": ["enableRbacAuthorization": true, "accessPolicies": []]]],
                  dir.appendingPathComponent("keyvaults.json"))
    }

    static func write(_ value: Any, _ url: URL) throws {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]).write(to: url)
    }

    /// Namespaces ns0/ns1, RBAC to Entra groups, a workload-identity pod; varies with the seed.
    static func manifests(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed &+ 1000)
        var docs = ["apiVersion: v1\nkind: Namespace\nmetadata: {name: ns0}", "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns1}",
                    "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: ns0\n  annotations: {azure.workload.identity/client-id: 88888888-0000-0000-0000-000000000001}",
                    "apiVersion: v1\nkind: Pod\nmetadata: {name: app, namespace: ns0, labels: {azure.workload.identity/use: 'true'}}\nspec: {serviceAccountName: app, containers: [{name: c, image: x}]}",
                    "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ops, namespace: ns1}"]
        docs.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops-admin}\n"
                    + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\n"
                    + "subjects: [{kind: ServiceAccount, name: ops, namespace: ns1}]")
        docs.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: cluster-admin}\n"
                    + "rules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]")
        for g in 0..<3 where rng.chance(0.5) {
            docs.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb\(g), namespace: ns\(g % 2)}\n"
                        + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}\n"
                        + "subjects: [{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \(group(g))}]")
        }
        docs.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: edit}\n"
                    + "rules: [{apiGroups: [''], resources: [pods, secrets], verbs: [get, create]}]")
        return docs.joined(separator: "\n---\n")
    }

    static func summary(_ reports: [AzurePathReport]) -> [String] {
        reports.map { r in
            let steps = (r.steps ?? []).map { "\($0.technique) \($0.to) [\($0.evidence.joined(separator: "; "))]" }
            return "\(r.start): \(steps.joined(separator: " → ")) ⇒ \(r.goalGrantedBy.joined(separator: "; "))"
        }
    }

    /// Seeds 1…16, three goals each; the answers are not all trivial (some principals reach each
    /// kind of goal, some over several steps), so the comparison cannot pass vacuously.
    @Test func reverseSearchAgreesWithOneSearchPerObject() throws {
        var answers = 0, multiStep = 0
        for seed: UInt64 in 1...16 {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kr-azure-holders-\(seed)-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            try Self.writeFolder(dir, seed: seed)
            let analyzer = Analyzer(snapshot: ManifestLoader().load(sources: [("random.yaml", Self.manifests(seed: seed))]))
            let analysis = AzureAnalysis.load(directory: dir.path)
            #expect(!analysis.hasErrors, "seed \(seed): \(analysis.diagnostics)")
            let goals: [AzurePathGoal] = [.kubernetes(AccessRequest(verb: "*", apiGroup: "*", resource: "*")),
                                          .kubernetes(AccessRequest(verb: "get", apiGroup: "", resource: "secrets", namespace: "ns0")),
                                          .keyVault(vault: "kv", secret: "db")]
            for goal in goals {
                let requests: [AccessRequest] = if case .kubernetes(let r) = goal { [r] } else { [] }
                let finder = AzurePathFinder(analysis: analysis, analyzer: analyzer, index: analyzer.rbac(), goals: requests)
                let reports = finder.azureHolders(of: goal)
                let slow = Self.summary(finder.azureHoldersBySearchingEach(of: goal))
                #expect(Self.summary(reports) == slow, "seed \(seed), goal \(goal)")
                answers += reports.count
                multiStep += reports.filter { ($0.steps?.count ?? 0) >= 3 }.count
            }
        }
        #expect(answers > 50)
        #expect(multiStep > 0)
    }
}
