import ReachModel

/// AKS-NET-003: node subnets have network security groups.
struct AKSNetworkSecurityGroups: ExternalDataCheck {
    let info = CheckInfo(
        id: "AKS-NET-003", severity: .low, input: .aksCluster,
        title: "Node subnet NSG restricts inbound traffic",
        rationale: "NSG rules on the node subnet limit what reaches NodePorts and LoadBalancer services from outside the cluster.",
        remediation: "Review the NSG of the node subnet and the managed resource group; allow only the load balancer and required management traffic.",
        recommendation: "NSGs (needs data outside az aks show)",
        needs: "the node subnet's network security groups (`az network nsg list -g <node resource group>`)")
}
