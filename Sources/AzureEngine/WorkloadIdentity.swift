import RBACEngine
import ReachModel

extension AzureAuthorizer {
    /// The workload identity annotation on a ServiceAccount (azure-workload-identity docs).
    public static let clientIDAnnotation = "azure.workload.identity/client-id"
    /// The pod label that makes the mutating webhook project the token (azure-workload-identity docs).
    public static let useLabel = "azure.workload.identity/use"

    /// AZ5 edges `ServiceAccount:N/a → ManagedIdentity:<name>`, sorted.
    ///
    /// Workload identity federation (MicrosoftDocs `articles/aks/workload-identity-overview.md`):
    /// Entra exchanges a Kubernetes-issued ServiceAccount token for a managed identity's token when
    /// the identity has a federated credential whose issuer is the cluster's OIDC issuer and whose
    /// subject is `system:serviceaccount:N:a` (audience `api://AzureADTokenExchange`). Whoever holds
    /// a token of that ServiceAccount (TokenRequest, a mounted token, a pod running as it) can do
    /// the exchange; the `client-id` annotation and the pod label only tell the webhook what to
    /// inject. So: an identity with federated credentials (its file given) is reached from the
    /// ServiceAccounts its subjects name (issuer must equal `oidcIssuerProfile.issuerUrl` when both
    /// are known); an identity without a federated-credentials file is reached from the
    /// ServiceAccounts annotated with its client ID (the annotation is taken as the sign of a
    /// federated credential that was not collected).
    /// - Complexity: O(ServiceAccounts + identities × credentials + pods).
    public func workloadIdentityRoutes(snapshot: ClusterSnapshot) -> [AzureRoute] {
        var out: [AzureRoute] = []
        let issuer = environment.cluster?.string("oidcIssuerProfile.issuerUrl")
        var labelledPods: [String: [String]] = [:]
        for pod in snapshot.pods where pod.meta.labels[Self.useLabel] == "true" {
            let ns = pod.meta.namespace ?? ""
            labelledPods["\(ns)/\(pod.spec.serviceAccountName ?? "default")", default: []].append("\(ns)/\(pod.meta.name)")
        }
        let accounts = Set(snapshot.serviceAccounts.map { "\($0.meta.namespace ?? "")/\($0.meta.name)" })
        for identity in environment.identities.sorted(by: { $0.name < $1.name }) {
            let to = AzurePrincipalRef(.managedIdentity, identity.name).description
            if let creds = environment.federatedCredentials[identity.name] {
                for c in creds {
                    guard let (ns, name) = Principal.splitServiceAccountUsername(c.subject) else { continue }
                    if let issuer, !Self.sameIssuer(issuer, c.issuer) { continue }
                    let key = "\(ns)/\(name)"
                    var evidence = ["federated credential \(c.name) of \(identity.name): subject \(c.subject), issuer \(c.issuer)"]
                    if !accounts.contains(key) { evidence.append("ServiceAccount \(key) is not in the manifests") }
                    if let pods = labelledPods[key] { evidence.append("pods using it with \(Self.useLabel)=true: \(pods.sorted().joined(separator: ", "))") }
                    out.append(AzureRoute(.workloadIdentity, from: "ServiceAccount:\(key)", to: to, evidence: evidence))
                }
                continue
            }
            for sa in snapshot.serviceAccounts where sa.meta.annotations[Self.clientIDAnnotation]?.lowercased() == identity.clientId {
                let key = "\(sa.meta.namespace ?? "")/\(sa.meta.name)"
                var evidence = ["\(Self.clientIDAnnotation)=\(identity.clientId) on ServiceAccount \(key) (no federated-credentials/\(identity.name).json)"]
                if let pods = labelledPods[key] { evidence.append("pods using it with \(Self.useLabel)=true: \(pods.sorted().joined(separator: ", "))") }
                out.append(AzureRoute(.workloadIdentity, from: "ServiceAccount:\(key)", to: to, evidence: evidence))
            }
        }
        return out.sorted()
    }

    /// Issuer URLs compared without a trailing `/`.
    static func sameIssuer(_ a: String, _ b: String) -> Bool {
        func trim(_ s: String) -> String { s.hasSuffix("/") ? String(s.dropLast()) : s }
        return trim(a) == trim(b)
    }
}
