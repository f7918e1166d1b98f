import ReachModel

/// AKS-NET-001: a network policy engine is configured.
struct AKSNetworkPolicyEngine: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-NET-001", severity: .high, input: .aksCluster,
        title: "No network policy engine is configured",
        rationale: "Without a network policy engine (Azure, Calico or Cilium) NetworkPolicy objects are accepted but never enforced: every pod can reach every other pod.",
        remediation: "Create the cluster with `--network-policy azure|calico|cilium` (or `az aks update --network-policy`); then add NetworkPolicies.",
        recommendation: "Network policy engine set (networkProfile.networkPolicy)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        let engine = c.string("networkProfile.networkPolicy") ?? ""
        if !engine.isEmpty && engine.lowercased() != "none" { return nil }
        let plugin = c.string("networkProfile.networkPlugin") ?? "unset"
        return ("networkProfile.networkPolicy is \(engine.isEmpty ? "not set" : engine) (network plugin \(plugin)): NetworkPolicies are not enforced",
                "networkProfile.networkPolicy")
    }
}
