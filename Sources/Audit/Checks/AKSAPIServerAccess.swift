import ReachModel

/// AKS-API-001: the API server is private or limited to authorized IP ranges.
struct AKSAPIServerAccess: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-API-001", severity: .high, input: .aksCluster,
        title: "API server is reachable from the whole internet",
        rationale: "A public API server without authorized IP ranges can be probed and brute-forced from anywhere; credential leaks become directly exploitable.",
        remediation: "Use a private cluster (`--enable-private-cluster`) or restrict access with `az aks update --api-server-authorized-ip-ranges <CIDRs>`.",
        recommendation: "API server authorized IP ranges or private cluster")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        if c.bool("apiServerAccessProfile.enablePrivateCluster") == true { return nil }
        if c.string("publicNetworkAccess")?.lowercased() == "disabled" { return nil }
        if !c.strings("apiServerAccessProfile.authorizedIPRanges").isEmpty { return nil }
        return ("public API server with no authorized IP ranges and not a private cluster", "apiServerAccessProfile")
    }
}
