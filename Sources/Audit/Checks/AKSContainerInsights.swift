import ReachModel

/// AKS-MON-001: Container Insights (monitoring add-on) is on.
struct AKSContainerInsights: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-MON-001", severity: .medium, input: .aksCluster,
        title: "Container Insights is not enabled",
        rationale: "Without container logs and metrics there is no record to investigate an incident with, and no alerting on crash loops or resource exhaustion.",
        remediation: "`az aks enable-addons --addons monitoring --workspace-resource-id <workspace>`.",
        recommendation: "Container Insights add-on")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        if c.addonEnabled("omsagent") || c.addonEnabled("omsAgent") { return nil }
        if c.bool("azureMonitorProfile.containerInsights.enabled") == true { return nil }
        return ("neither addonProfiles.omsagent nor azureMonitorProfile.containerInsights is enabled", "addonProfiles")
    }
}
