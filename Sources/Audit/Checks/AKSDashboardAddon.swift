import ReachModel

/// AKS-ADD-001: the Kubernetes dashboard add-on is off.
struct AKSDashboardAddon: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-ADD-001", severity: .high, input: .aksCluster,
        title: "Kubernetes dashboard add-on is enabled",
        rationale: "The retired kube-dashboard add-on runs with broad permissions; exposed dashboards are a classic path to cluster takeover (the Tesla cryptojacking incident).",
        remediation: "`az aks disable-addons --addons kube-dashboard`; use the Azure portal's Kubernetes resource view instead.",
        recommendation: "Add-on posture (Container Insights / Defender / Azure Policy add-ons; no risky add-ons)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        guard c.addonEnabled("kubeDashboard") else { return nil }
        return ("addonProfiles.kubeDashboard is enabled", "addonProfiles.kubeDashboard.enabled")
    }
}
