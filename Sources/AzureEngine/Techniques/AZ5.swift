import RBACEngine
import ReachModel

/// AZ5 — exchange a ServiceAccount token for a managed identity (workload identity federation).
///
/// Condition: a federated credential of the identity (`federated-credentials/<identity>.json`)
/// has subject `system:serviceaccount:N:a` and, when both are known, issuer
/// `oidcIssuerProfile.issuerUrl`; without that file, the ServiceAccount N/a is annotated
/// `azure.workload.identity/client-id: <the identity's client ID>` (taken as the sign of a
/// federated credential that was not collected).
/// Target: `ManagedIdentity:<name>`, from `ServiceAccount:N/a`.
///
/// Follows MicrosoftDocs `articles/aks/workload-identity-overview.md`: Entra exchanges a
/// Kubernetes-issued token of the ServiceAccount (audience `api://AzureADTokenExchange`) for the
/// identity's token when a federated credential names the cluster's issuer and the subject
/// `system:serviceaccount:N:a`. Whoever holds a token of that ServiceAccount (TokenRequest, a
/// mounted token, a pod running as it) can do the exchange; the `client-id` annotation and the pod
/// label `azure.workload.identity/use: "true"` only tell the mutating webhook what to inject, so
/// labelled pods are evidence, not a condition.
public enum AZ5: AzureTechnique {
    public static let technique = AzureRoute.Technique.workloadIdentity
    public static let title = "exchange the ServiceAccount token (workload identity federation)"
    public static let condition = """
        a federated credential of the identity with subject `system:serviceaccount:N:a` and issuer \
        `oidcIssuerProfile.issuerUrl` (when both are known); without a `federated-credentials/<identity>.json` \
        file, a ServiceAccount annotated `azure.workload.identity/client-id: <client id>` (the token of the \
        ServiceAccount is what Entra exchanges; holding it is enough)
        """
    public static let targets = "`ManagedIdentity:<name>` (from `ServiceAccount:N/a`)"
    public static let source = "`articles/aks/workload-identity-overview.md`"

    /// AZ5 edges `ServiceAccount:N/a → ManagedIdentity:<name>`, sorted.
    /// - Complexity: O(ServiceAccounts + identities × (credentials + ServiceAccounts) + pods).
    static func routes(_ a: AzureAuthorizer, snapshot: ClusterSnapshot) -> [AzureRoute] {
        var out: [AzureRoute] = []
        let issuer = a.environment.cluster?.string("oidcIssuerProfile.issuerUrl")
        var labelledPods: [String: [String]] = [:]
        for pod in snapshot.pods where pod.meta.labels[AzureAuthorizer.useLabel] == "true" {
            let ns = pod.meta.namespace ?? ""
            labelledPods["\(ns)/\(pod.spec.serviceAccountName ?? "default")", default: []].append("\(ns)/\(pod.meta.name)")
        }
        func podEvidence(_ key: String) -> [String] {
            labelledPods[key].map { ["pods using it with \(AzureAuthorizer.useLabel)=true: \($0.sorted().joined(separator: ", "))"] } ?? []
        }
        let accounts = Set(snapshot.serviceAccounts.map { "\($0.meta.namespace ?? "")/\($0.meta.name)" })
        for identity in a.environment.identities.sorted(by: { $0.name < $1.name }) {
            let to = AzurePrincipalRef(.managedIdentity, identity.name).description
            if let creds = a.environment.federatedCredentials[identity.name] {
                for c in creds {
                    guard let (ns, name) = Principal.splitServiceAccountUsername(c.subject) else { continue }
                    if let issuer, !AzureAuthorizer.sameIssuer(issuer, c.issuer) { continue }
                    let key = "\(ns)/\(name)"
                    var evidence = ["federated credential \(c.name) of \(identity.name): subject \(c.subject), issuer \(c.issuer)"]
                    if !accounts.contains(key) { evidence.append("ServiceAccount \(key) is not in the manifests") }
                    out.append(AzureRoute(technique, from: "ServiceAccount:\(key)", to: to, evidence: evidence + podEvidence(key)))
                }
                continue
            }
            for sa in snapshot.serviceAccounts where sa.meta.annotations[AzureAuthorizer.clientIDAnnotation]?.lowercased() == identity.clientId {
                let key = "\(sa.meta.namespace ?? "")/\(sa.meta.name)"
                let evidence = ["\(AzureAuthorizer.clientIDAnnotation)=\(identity.clientId) on ServiceAccount \(key) (no federated-credentials/\(identity.name).json)"]
                out.append(AzureRoute(technique, from: "ServiceAccount:\(key)", to: to, evidence: evidence + podEvidence(key)))
            }
        }
        return out.sorted()
    }
}
