import RBACEngine
import ReachModel

extension AzureAuthorizer {
    /// The Secrets Store CSI driver name a pod volume must use.
    public static let secretsStoreDriver = "secrets-store.csi.k8s.io"

    /// AZ9 edges `ServiceAccount:N/a → keyvault <vault>/<object>`, sorted: the condition and the
    /// code are in `Techniques/AZ9.swift` (``AZ9``).
    /// - Complexity: O(pods × volumes + mounted classes × (identities + vault grants)).
    public func secretProviderClassRoutes(snapshot: ClusterSnapshot) -> [AzureRoute] {
        AZ9.routes(self, snapshot: snapshot)
    }

    /// The object ID of the identity the Azure provider uses for `spc` in a pod of `namespace`
    /// running as `serviceAccount`, with how it was chosen; `nil` when it is not one kube-reach
    /// can name. The provider's order (`pkg/auth/auth.go` `GetAuthorizer`): `usePodIdentity`
    /// (aad-pod-identity: its bindings are not modelled → `nil`); `useVMManagedIdentity` with
    /// `userAssignedIdentityID` = a client ID (a managed identity of `identities.json`, the kubelet
    /// identity or the Key Vault add-on identity of `aks.json`; empty = the VM's system-assigned
    /// identity, not collected → `nil`); a service principal secret (`nodePublishSecretRef`, not
    /// read); `clientID` with the pod's ServiceAccount token (workload identity: the managed
    /// identity with that client ID, which must have a federated credential for the
    /// ServiceAccount when its federated-credentials file is given).
    public func secretProviderIdentity(_ spc: SecretProviderClass, namespace: String, serviceAccount: String) -> (oid: String, how: String)? {
        if spc.usePodIdentity { return nil }
        if spc.useVMManagedIdentity {
            guard let client = spc.userAssignedIdentityID?.lowercased() else { return nil }
            return objectID(forClientID: client).map { ($0, "useVMManagedIdentity, userAssignedIdentityID \(client)") }
        }
        guard let client = spc.clientID?.lowercased(),
              let mi = environment.identities.first(where: { $0.clientId.lowercased() == client }) else { return nil }
        guard let creds = environment.federatedCredentials[mi.name] else {
            return (mi.principalId, "clientID \(client) (workload identity; no federated-credentials/\(mi.name).json, federation assumed)")
        }
        let subject = "system:serviceaccount:\(namespace):\(serviceAccount)"
        let issuer = environment.cluster?.string("oidcIssuerProfile.issuerUrl")
        guard let c = creds.first(where: { c in c.subject == subject && (issuer.map { Self.sameIssuer($0, c.issuer) } ?? true) }) else { return nil }
        return (mi.principalId, "clientID \(client) (workload identity, federated credential \(c.name))")
    }

    /// The object ID of the managed identity with client ID `client`: `identities.json`, the kubelet
    /// identity, or the Key Vault secrets provider add-on identity (`aks.json`).
    func objectID(forClientID client: String) -> String? {
        if let mi = environment.identities.first(where: { $0.clientId.lowercased() == client }) { return mi.principalId }
        for path in ["identityProfile.kubeletidentity", "addonProfiles.azureKeyvaultSecretsProvider.identity"] {
            if environment.cluster?.string(path + ".clientId")?.lowercased() == client,
               let oid = environment.cluster?.string(path + ".objectId")?.lowercased() { return oid }
        }
        return nil
    }
}
