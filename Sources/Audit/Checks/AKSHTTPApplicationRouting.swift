import ReachModel

/// AKS-NET-002: the HTTP application routing add-on is off.
struct AKSHTTPApplicationRouting: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-NET-002", severity: .medium, input: .aksCluster,
        title: "HTTP application routing add-on is enabled",
        rationale: "The HTTP application routing add-on is for development only: it exposes services on public DNS names without TLS and is retired.",
        remediation: "`az aks disable-addons --addons http_application_routing`; use the application routing (web app routing) add-on or your own ingress controller.",
        recommendation: "HTTP application routing off")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        guard c.addonEnabled("httpApplicationRouting") else { return nil }
        return ("addonProfiles.httpApplicationRouting is enabled", "addonProfiles.httpApplicationRouting.enabled")
    }
}
