import ReachModel

/// AKS-SEC-003: every agent pool uses encryption at host.
struct AKSEncryptionAtHost: AuditCheck {
    let info = CheckInfo(
        id: "AKS-SEC-003", severity: .medium, input: .aksCluster,
        title: "Agent pool without encryption at host",
        rationale: "Encryption at host also encrypts temporary disks and OS/data disk caches, which server-side encryption alone leaves in clear.",
        remediation: "Create node pools with `--enable-encryption-at-host` (and register the EncryptionAtHost feature) and move workloads to them.",
        recommendation: "Encryption at host")

    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let c = context.cluster else { return [] }
        return c.agentPools.compactMap { pool in
            guard c.bool("\(pool).enableEncryptionAtHost") != true else { return nil }
            let name = c.string("\(pool).name") ?? pool
            return finding("\(c.subject)/agentPool/\(name)", "agent pool \(name): enableEncryptionAtHost is not true",
                           at: [c.location(of: "\(pool).enableEncryptionAtHost")])
        }
    }
}
