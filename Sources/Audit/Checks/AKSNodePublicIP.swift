import ReachModel

/// AKS-NET-004: nodes have no public IP addresses.
struct AKSNodePublicIP: AuditCheck {
    let info = CheckInfo(
        id: "AKS-NET-004", severity: .medium, input: .aksCluster,
        title: "Agent pool gives nodes public IP addresses",
        rationale: "Nodes with public IPs expose kubelet, SSH and every hostPort/NodePort directly to the internet, bypassing the load balancer and its rules.",
        remediation: "Create node pools without `--enable-node-public-ip` and move workloads; use a NAT gateway or load balancer for egress.",
        recommendation: "API server / node network exposure (NSGs need data outside az aks show)")

    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let c = context.cluster else { return [] }
        return c.agentPools.compactMap { pool in
            guard c.bool("\(pool).enableNodePublicIP") == true else { return nil }
            let name = c.string("\(pool).name") ?? pool
            return finding("\(c.subject)/agentPool/\(name)", "agent pool \(name): enableNodePublicIP is true",
                           at: [c.location(of: "\(pool).enableNodePublicIP")])
        }
    }
}
