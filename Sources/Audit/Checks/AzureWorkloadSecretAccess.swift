import AzureEngine
import ReachModel

/// AKS-AZ-003: ServiceAccounts whose tokens exchange for a managed identity that reads Key Vault
/// secrets (edges AZ5 then AZ6): every holder of the token reads the secrets.
struct AzureWorkloadSecretAccess: AuditCheck {
    let info = CheckInfo(
        id: "AKS-AZ-003", severity: .medium, input: .azure,
        title: "Workload identity reads Key Vault secrets",
        rationale: "A token of the federated ServiceAccount (a pod running as it, TokenRequest, exec into such a pod) exchanges for the managed identity; its Key Vault access then extends to whoever can get that token in the cluster.",
        remediation: "Scope Key Vault roles to the secrets the workload needs (assignment at <vault>/secrets/<name>) and restrict who can create pods, exec or request tokens in the namespace.",
        recommendation: "Workload identities hold only the secrets they need")

    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let a = context.azure else { return [] }
        var out: [Finding] = []
        for route in a.workloadIdentityRoutes(snapshot: context.snapshot ?? ClusterSnapshot()) {
            guard let ref = AzurePrincipalRef(parsing: route.to), let oid = a.directory.objectID(of: ref) else { continue }
            let secrets = a.routes(from: oid).filter { $0.technique == .keyVaultSecret }
            guard !secrets.isEmpty else { continue }
            let locations = a.environment.identities.filter { $0.principalId == oid }.map(\.location)
                + (a.environment.federatedCredentials[ref.id] ?? []).filter { route.evidence.first?.contains(" \($0.name) ") == true }.map(\.location)
            out.append(finding(route.from, "token exchanges for \(route.to), which can read \(secrets.map(\.to).joined(separator: ", "))",
                               at: locations))
        }
        return out
    }
}
