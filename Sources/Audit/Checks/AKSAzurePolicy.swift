import ReachModel

/// AKS-POL-001: the Azure Policy add-on is on.
struct AKSAzurePolicy: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-POL-001", severity: .medium, input: .aksCluster,
        title: "Azure Policy add-on is not enabled",
        rationale: "Azure Policy (Gatekeeper) enforces pod security and image rules at admission; without it the findings of this report can come back with the next deployment.",
        remediation: "`az aks enable-addons --addons azure-policy` and assign the Kubernetes baseline or restricted initiative.",
        recommendation: "Azure Policy add-on")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        if c.addonEnabled("azurepolicy") { return nil }
        return ("addonProfiles.azurepolicy is not enabled", "addonProfiles")
    }
}
