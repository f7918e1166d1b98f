import ReachModel

/// AKS-IAM-007: the deprecated pod identity add-on is off.
struct AKSPodIdentity: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-IAM-007", severity: .high, input: .aksCluster,
        title: "Legacy pod identity (aad-pod-identity) is enabled",
        rationale: "Pod-managed identity is deprecated; it intercepts IMDS traffic through NMI and with kubenet (allowNetworkPluginKubenet) pods can spoof other pods' identities.",
        remediation: "Migrate to workload identity, then `az aks update --disable-pod-identity`.",
        recommendation: "Legacy pod identity off (podIdentityProfile)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        guard c.bool("podIdentityProfile.enabled") == true else { return nil }
        let kubenet = c.bool("podIdentityProfile.allowNetworkPluginKubenet") == true ? " with allowNetworkPluginKubenet (identity spoofing possible)" : ""
        return ("podIdentityProfile.enabled is true\(kubenet)", "podIdentityProfile.enabled")
    }
}
