import ReachModel

/// AKS-IAM-005: the cluster uses a managed identity, not a service principal.
struct AKSManagedIdentity: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-IAM-005", severity: .medium, input: .aksCluster,
        title: "Cluster uses a service principal instead of a managed identity",
        rationale: "Service principal secrets live on the nodes, expire and must be rotated by hand; managed identities have no secret to leak.",
        remediation: "`az aks update --enable-managed-identity` (then upgrade the node pools).",
        recommendation: "Managed identity (not a service principal)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        let type = c.string("identity.type")?.lowercased() ?? ""
        if type.contains("assigned") { return nil }
        if c.string("servicePrincipalProfile.clientId")?.lowercased() == "msi" { return nil }
        return (type.isEmpty ? "no managed identity (identity is absent): the cluster authenticates with a service principal"
                    : "identity.type is \(type)", type.isEmpty ? "servicePrincipalProfile" : "identity.type")
    }
}
