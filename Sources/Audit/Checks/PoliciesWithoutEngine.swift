import ReachModel

/// K8S-NET-003: NetworkPolicies (or tier policies) are in the manifests but the cluster's policy
/// engine is `none`, so none of them is enforced (issue 19). The engine is `--policy-engine`, else
/// the AKS cluster document's (``ReachModel/PolicyEngineChoice/init(cluster:)``), else Kubernetes
/// (no finding).
struct PoliciesWithoutEngine: AuditCheck {
    let info = CheckInfo(
        id: "K8S-NET-003", severity: .high, input: .manifests,
        title: "NetworkPolicies are present but the cluster enforces none",
        rationale: "With networkProfile.networkPolicy none (or unset) no component enforces NetworkPolicy, AdminNetworkPolicy or ClusterNetworkPolicy objects: they are accepted by the API server and do nothing, so every pod can reach every other pod while the manifests suggest otherwise.",
        remediation: "Enable a network policy engine (`az aks update --network-policy azure|calico|cilium`), or remove the policies so that nobody relies on them.",
        recommendation: "Policies are enforced: the cluster's policy engine is not none when NetworkPolicies exist")

    func evaluate(_ context: AuditContext) -> [Finding] {
        let snapshot = context.manifests
        let count = snapshot.networkPolicies.count + snapshot.adminNetworkPolicies.count
        guard count > 0 else { return [] }
        let reason: String
        if let engine = context.options.policyEngine {
            guard engine == .none else { return [] }
            reason = "--policy-engine none"
        } else if let cluster = context.cluster {
            let choice = PolicyEngineChoice(cluster: cluster)
            guard choice.engine == .none else { return [] }
            reason = choice.reason
        } else {
            return []
        }
        var locations = snapshot.networkPolicies.prefix(3).map(\.location)
        locations += snapshot.adminNetworkPolicies.prefix(3).map(\.meta.location)
        if let cluster = context.cluster { locations.append(cluster.location(of: "networkProfile.networkPolicy")) }
        let subject = context.cluster?.subject ?? "cluster"
        return [finding(subject, "\(count) polic\(count == 1 ? "y is" : "ies are") in the manifests but the policy engine is none (\(reason)): none is enforced, every pod can reach every other pod",
                        at: locations)]
    }
}
