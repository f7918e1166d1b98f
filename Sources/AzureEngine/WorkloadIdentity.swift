import RBACEngine
import ReachModel

extension AzureAuthorizer {
    /// The workload identity annotation on a ServiceAccount (azure-workload-identity docs).
    public static let clientIDAnnotation = "azure.workload.identity/client-id"
    /// The pod label that makes the mutating webhook project the token (azure-workload-identity docs).
    public static let useLabel = "azure.workload.identity/use"

    /// AZ5 edges `ServiceAccount:N/a → ManagedIdentity:<name>`, sorted: the condition and the code
    /// are in `Techniques/AZ5.swift` (``AZ5``).
    /// - Complexity: O(ServiceAccounts + identities × credentials + pods).
    public func workloadIdentityRoutes(snapshot: ClusterSnapshot) -> [AzureRoute] {
        AZ5.routes(self, snapshot: snapshot)
    }

    /// Issuer URLs compared without a trailing `/`.
    static func sameIssuer(_ a: String, _ b: String) -> Bool {
        func trim(_ s: String) -> String { s.hasSuffix("/") ? String(s.dropLast()) : s }
        return trim(a) == trim(b)
    }
}
