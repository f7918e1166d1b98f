/// Stable IDs of NetworkPolicy engine diagnostics and lint findings (also SARIF ruleIds).
public enum NetworkDiagnosticID {
    /// A hostNetwork pod or workload was left out of the analysis (rule 9).
    public static let hostNetworkPod = "KR-NP-001"
    /// Endpoints live in a namespace without a Namespace object (rule 8).
    public static let undeclaredNamespace = "KR-NP-002"
    /// A policy has rules for a direction missing from its policyTypes; they are ignored (rule 3).
    public static let ignoredDirection = "KR-NP-003"
    /// A policy feature kube-reach cannot evaluate offline (tier-policy nodes/domainNames peers).
    public static let notModelled = "KR-NP-004"
    /// The cluster's policy engine is `none`: policies are in the input but nothing enforces them.
    public static let engineNone = "KR-NP-005"
    /// Lint: a pod is not isolated for ingress (every source may connect).
    public static let notIsolatedIngress = "KR-NP-101"
    /// Lint: a pod is not isolated for egress.
    public static let notIsolatedEgress = "KR-NP-102"
    /// Lint: a namespace with pods has no default-deny policy (empty podSelector, no rules).
    public static let noDefaultDeny = "KR-NP-103"
    /// Lint: a policy's podSelector selects no endpoint.
    public static let policySelectsNothing = "KR-NP-104"
    /// Lint: a rule peer matches no endpoint (and is not an ipBlock).
    public static let peerSelectsNothing = "KR-NP-105"
    /// Lint: a named port resolves on no destination endpoint.
    public static let unresolvedNamedPort = "KR-NP-106"
    /// Lint: egress isolation blocks DNS (UDP/TCP 53 to kube-system kube-dns).
    public static let egressBlocksDNS = "KR-NP-107"
    /// Lint: an ipBlock covers pod IPs (it matches those pods, rule 7; tools differ).
    public static let ipBlockCoversPods = "KR-NP-108"

    /// Lint: a tier-policy or Calico rule that no packet reaches (earlier rules decide everything
    /// it matches), or a Cilium allow rule whose every peer and port a Cilium deny rule refuses.
    public static let shadowedRule = "KR-NP-109"

    /// Every ID, for uniqueness tests and docs.
    public static let all = [hostNetworkPod, undeclaredNamespace, ignoredDirection, notModelled, engineNone, notIsolatedIngress,
                             notIsolatedEgress, noDefaultDeny, policySelectsNothing, peerSelectsNothing,
                             unresolvedNamedPort, egressBlocksDNS, ipBlockCoversPods, shadowedRule]
}
