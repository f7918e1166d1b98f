import ReachModel

/// AKS-IAM-006: workload identity and the OIDC issuer are enabled.
struct AKSWorkloadIdentity: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-IAM-006", severity: .medium, input: .aksCluster,
        title: "Workload identity or the OIDC issuer is not enabled",
        rationale: "Without workload identity, pods reach Azure with secrets in Kubernetes Secrets or node-wide identities that every pod on the node can use.",
        remediation: "`az aks update --enable-oidc-issuer --enable-workload-identity`, then federate each service account with its own managed identity.",
        recommendation: "Workload identity + OIDC issuer")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        var missing: [String] = []
        if c.bool("securityProfile.workloadIdentity.enabled") != true { missing.append("securityProfile.workloadIdentity.enabled") }
        if c.bool("oidcIssuerProfile.enabled") != true { missing.append("oidcIssuerProfile.enabled") }
        guard let first = missing.first else { return nil }
        return ("\(missing.joined(separator: " and ")) not true", first)
    }
}
