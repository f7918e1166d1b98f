import RBACEngine
import ReachModel

extension AzureAuthorizer {
    /// The Secrets Store CSI driver name a pod volume must use.
    public static let secretsStoreDriver = "secrets-store.csi.k8s.io"

    /// AZ9 edges `ServiceAccount:N/a → keyvault <vault>/<object>`: a pod of N running as `a`
    /// mounts a CSI volume of driver `secrets-store.csi.k8s.io` whose
    /// `volumeAttributes.secretProviderClass` names a `provider: azure` SecretProviderClass of N;
    /// one edge per `objectType: secret` object it names, when the identity the provider uses
    /// (``secretProviderIdentity(_:namespace:serviceAccount:)``) may get that secret of the vault
    /// `keyvaultName` (``secretGrants(_:vault:)``, AZ6). The provider fails the mount when the
    /// identity cannot read an object, so without read access there is no edge. The edge leaves the
    /// pod's ServiceAccount state: what runs in the pod (the attack graph's E1/E5 land there) reads
    /// the mounted files. Sorted.
    /// - Complexity: O(pods × volumes + mounted classes × (identities + vault grants)).
    public func secretProviderClassRoutes(snapshot: ClusterSnapshot) -> [AzureRoute] {
        var classes: [String: SecretProviderClass] = [:]
        for spc in snapshot.secretProviderClasses { classes["\(spc.namespace)/\(spc.name)"] = spc }
        var out = Set<AzureRoute>()
        for pod in snapshot.pods {
            let ns = pod.meta.namespace ?? "default", sa = pod.spec.serviceAccountName ?? "default"
            for volume in pod.spec.volumes {
                for case .secretProviderClass(let name) in volume.sources {
                    guard let spc = classes["\(ns)/\(name)"], spc.provider == "azure" else { continue }
                    out.formUnion(routes(spc, pod: "\(ns)/\(pod.meta.name)", volume: volume.name, serviceAccount: sa))
                }
            }
        }
        return out.sorted()
    }

    func routes(_ spc: SecretProviderClass, pod: String, volume: String, serviceAccount sa: String) -> [AzureRoute] {
        guard let vaultName = spc.keyvaultName?.lowercased(),
              let vault = environment.keyVaults.first(where: { $0.name.lowercased() == vaultName }),
              let (oid, how) = secretProviderIdentity(spc, namespace: spc.namespace, serviceAccount: sa) else { return [] }
        let readable = secretGrants(oid, vault: vault)
        let identity = directory.principal(for: oid).description
        var out: [AzureRoute] = []
        for object in spc.objects where object.type.lowercased() == "secret" {
            guard let hit = readable.first(where: { $0.secret == "*" || $0.secret.lowercased() == object.name.lowercased() }) else { continue }
            out.append(AzureRoute(.secretProviderClass, from: "ServiceAccount:\(spc.namespace)/\(sa)", to: "keyvault \(vault.name)/\(object.name)",
                                  evidence: ["pod \(pod) mounts volume \(volume): SecretProviderClass \(spc.namespace)/\(spc.name)",
                                             "identity \(identity): \(how)"] + hit.grants.map(\.description)))
        }
        return out
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
