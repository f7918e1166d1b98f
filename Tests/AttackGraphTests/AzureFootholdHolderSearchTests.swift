import Foundation
import AttackGraph
import ReachCore
import RBACEngine
import ReachLoader
import ReachModel
import Testing
@testable import ReachKit

/// `who-can --transitive --footholds --azure` and `paths --to-admin --footholds --azure` answer
/// every Entra object and every `Internet`, `Pod:` and `Node:` state with one reverse search over
/// the combined graph (``ReachKit/AzurePathFinder/holders(of:)``, docs/azure.md "With footholds").
/// Each answer must be the one of a forward search from that start
/// (``ReachKit/AzurePathFinder/path(from:groups:to:)``, what `paths --from X --azure` prints): same
/// starts, same paths step by step (techniques, targets, evidence, assumptions), same grants at
/// the goal. Seeded random clusters with footholds (``FootholdRandomCluster``: Services of every
/// type, privileged pods, node names, NetworkPolicies) joined with random `--azure` folders
/// (``AzureHolderSearchTests/writeFolder(_:seed:)``) whose `aks.json` names a kubelet identity
/// (AZ8) with a random role, and random pods running as a workload-identity ServiceAccount (AZ5).
@Suite struct AzureFootholdHolderSearchTests {
    static let kubeletOID = "99999999-0000-0000-0000-000000000003"

    /// The folder of ``AzureHolderSearchTests`` plus `identityProfile.kubeletidentity` (the
    /// workload identity itself, or a separate identity with Azure Kubernetes Service RBAC Cluster
    /// Admin, Key Vault Secrets User or no role: built-in-roles/containers.md, security.md), and one
    /// more role for the workload identity.
    static func writeFolder(_ dir: URL, seed: UInt64) throws {
        try AzureHolderSearchTests.writeFolder(dir, seed: seed)
        var rng = SplitMix64(seed: seed &+ 77)
        let aksURL = dir.appendingPathComponent("aks.json")
        var aks = try JSONSerialization.jsonObject(with: Data(contentsOf: aksURL)) as? [String: Any] ?? [:]
        let kubelet = rng.chance(0.3) ? AzureHolderSearchTests.miOID : kubeletOID
        aks["identityProfile"] = ["kubeletidentity": ["clientId": "99999999-0000-0000-0000-000000000002", "objectId": kubelet]]
        try AzureHolderSearchTests.write(aks, aksURL)
        let rowsURL = dir.appendingPathComponent("role-assignments.json")
        var rows = try JSONSerialization.jsonObject(with: Data(contentsOf: rowsURL)) as? [[String: Any]] ?? []
        let roles = AzureHolderSearchTests.roles
        let pick = rng.index(3)
        if kubelet == kubeletOID, pick < 2 {
            let (role, scope) = pick == 0 ? (roles[3], AzureHolderSearchTests.cluster) : (roles[5], AzureHolderSearchTests.vault)
            rows.append(["name": "k0", "id": scope + "/providers/Microsoft.Authorization/roleAssignments/k0",
                         "principalId": kubelet, "principalType": "ServicePrincipal", "scope": scope,
                         "roleDefinitionId": AzureHolderSearchTests.sub + "/providers/Microsoft.Authorization/roleDefinitions/" + role])
        }
        // The workload identity always holds one role: Key Vault Secrets User on the vault or
        // Contributor on the cluster (listClusterAdminCredential, AZ1).
        let (role, scope) = rng.chance(0.5) ? (roles[5], AzureHolderSearchTests.vault) : (roles[4], AzureHolderSearchTests.cluster)
        rows.append(["name": "w0", "id": scope + "/providers/Microsoft.Authorization/roleAssignments/w0",
                     "principalId": AzureHolderSearchTests.miOID, "principalType": "ServicePrincipal", "scope": scope,
                     "roleDefinitionId": AzureHolderSearchTests.sub + "/providers/Microsoft.Authorization/roleDefinitions/" + role])
        try AzureHolderSearchTests.write(rows, rowsURL)
    }

    /// ``AzureHolderSearchTests/manifests(seed:)`` (RBAC to Entra groups, the workload-identity
    /// ServiceAccount ns0/app) plus a random foothold cluster whose pods in `x` run, at random, as
    /// `x/wi` (annotated with the workload identity's client ID) and labelled to use it.
    static func snapshot(seed: UInt64) -> ClusterSnapshot {
        let wi = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: wi\n  namespace: x\n"
            + "  annotations: {azure.workload.identity/client-id: 88888888-0000-0000-0000-000000000001}"
        var snap = ManifestLoader().load(sources: [("random.yaml", AzureHolderSearchTests.manifests(seed: seed) + "\n---\n" + wi)])
        var gen = FootholdRandomCluster(rng: SplitMix64(seed: seed &+ 500))
        var random = gen.snapshot(pods: 8 + Int(seed % 4) * 3, policies: Int(seed % 5))
        for i in random.pods.indices where random.pods[i].meta.namespace == "x" && gen.chance(0.5) {
            random.pods[i].meta.labels["azure.workload.identity/use"] = "true"
            random.pods[i].spec.serviceAccountName = "wi"
        }
        snap.namespaces += random.namespaces
        snap.pods += random.pods
        snap.services += random.services
        snap.networkPolicies += random.networkPolicies
        return snap
    }

    static func summary(_ r: AzurePathReport) -> String {
        let steps = (r.steps ?? []).map { "\($0.technique)\($0.isAssumption ? "?" : "") \($0.to) [\($0.evidence.joined(separator: "; "))]" }
        return "\(r.start): \(steps.joined(separator: " → ")) ⇒ \(r.goalGrantedBy.joined(separator: "; "))"
    }

    /// Seeds 1…10, four goals, with and without X1/X2 (``pathsCrossAzureEdges()`` checks that
    /// the answers include paths through AZ5 and AZ8).
    @Test(arguments: 1...10)
    func reverseSearchAgreesWithOneForwardSearchPerStart(seed: UInt64) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kr-azure-footholds-\(seed)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeFolder(dir, seed: UInt64(seed))
        let analyzer = Analyzer(snapshot: Self.snapshot(seed: UInt64(seed)))
        let analysis = AzureAnalysis.load(directory: dir.path)
        #expect(!analysis.hasErrors, "seed \(seed): \(analysis.diagnostics)")
        let reach = analyzer.networkReach()
        let goals: [AzurePathGoal] = [.kubernetes(AccessRequest(verb: "*", apiGroup: "*", resource: "*")),
                                      .kubernetes(AccessRequest(verb: "get", apiGroup: "", resource: "secrets", namespace: "ns0")),
                                      .keyVault(vault: "kv", secret: "db"), .foothold(.anyNode)]
        for assume in [true, false] {
            for goal in goals {
                let requests: [AccessRequest] = if case .kubernetes(let r) = goal { [r] } else { [] }
                let finder = AzurePathFinder(analysis: analysis, analyzer: analyzer, index: analyzer.rbac(), goals: requests,
                                             reach: reach, assumeExploitable: assume)
                guard let f = finder.footholds else { Issue.record("no foothold graph"); return }
                let answer = finder.holders(of: goal)
                #expect(answer.azure.map(Self.summary) == finder.azureHoldersBySearchingEach(of: goal).map(Self.summary),
                        "seed \(seed), assume \(assume), goal \(goal): Azure principals")
                // ServiceAccount identity states (no self-grant) and every Internet/Pod/Node state.
                let serviceAccounts = (0..<f.identityCount).filter { s in
                    guard case .identity(let a) = f.state(s), a.grant == nil, case .serviceAccount = a.principal else { return false }
                    return true
                }
                let forward = (serviceAccounts + Array(f.identityCount..<f.stateCount)).compactMap { s -> AzurePathReport? in
                    guard let r = finder.path(from: f.state(s).description, to: goal), r.steps != nil else { return nil }
                    return r
                }.sorted { a, b in
                    let (la, lb) = (a.steps?.count ?? 0, b.steps?.count ?? 0)
                    return la != lb ? la < lb : a.start.utf8.lexicographicallyPrecedes(b.start.utf8)
                }
                #expect(answer.footholds.map(Self.summary) == forward.map(Self.summary),
                        "seed \(seed), assume \(assume), goal \(goal): ServiceAccounts, internet, pods, nodes")
            }
        }
    }

    /// Across the seeds, paths crossing AZ5 or AZ8 occur (the comparison is not vacuous).
    @Test func pathsCrossAzureEdges() throws {
        var crossing = (az5: 0, az8: 0, serviceAccounts: 0)
        for seed: UInt64 in 1...4 {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kr-azure-footholds-x-\(seed)-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            try Self.writeFolder(dir, seed: seed)
            let analyzer = Analyzer(snapshot: Self.snapshot(seed: seed))
            let finder = AzurePathFinder(analysis: AzureAnalysis.load(directory: dir.path), analyzer: analyzer, index: analyzer.rbac(),
                                         goals: [AccessRequest(verb: "*", apiGroup: "*", resource: "*")], reach: analyzer.networkReach())
            for goal: AzurePathGoal in [.kubernetes(AccessRequest(verb: "*", apiGroup: "*", resource: "*")), .keyVault(vault: "kv", secret: "db")] {
                for r in finder.holders(of: goal).footholds {
                    if (r.steps ?? []).contains(where: { $0.technique == "AZ5" }) { crossing.az5 += 1 }
                    if (r.steps ?? []).contains(where: { $0.technique == "AZ8" }) { crossing.az8 += 1 }
                    if r.start.hasPrefix("ServiceAccount:") { crossing.serviceAccounts += 1 }
                }
            }
        }
        #expect(crossing.az5 > 0)
        #expect(crossing.az8 > 0)
        #expect(crossing.serviceAccounts > 0)
    }
}
